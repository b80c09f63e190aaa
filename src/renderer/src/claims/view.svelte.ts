// The claims panel's filters and grouping, and the claims they find, asked of the backend a page at
// a time as the list scrolls (a case may hold a hundred thousand). The first answer gives every
// group with its size, so the whole list has its shape (group headings and row slots) before its
// rows arrive. Shared so keyboard navigation walks what is listed, loaded or not.
import { SvelteMap } from 'svelte/reactivity'
import type { ClaimGroup, ClaimPage, ClaimSort } from '../../../shared/api'
import type { ClaimStatus } from '../../../shared/model'
import type { CaseStore } from '../lib/case.svelte'
import { claimIdsOf, ClaimSelection, MAX_SELECTED } from './selection.svelte'

export type PanelGroupBy = 'source' | 'topic'

export const PAGE_SIZE = 100

export interface PanelGroup {
  key: string
  label: string
  /** The source the group stands for (group by source); null for unattributed. */
  sourceId?: string | null
  /** How many rows the group has in all (loaded or not). */
  count: number
}

/** One line of the list: a group heading, or the slot of the claim at `offset` in the answer. */
export type PanelRow = { kind: 'head'; group: PanelGroup } | { kind: 'claim'; offset: number; group: PanelGroup }

type Request = {
  documentId?: string
  sourceId?: string
  tag?: string
  status?: ClaimStatus
  text?: string
  sort: ClaimSort
}

const NO_DOCUMENT = '\u0000'

export class ClaimsView {
  groupBy = $state<PanelGroupBy>('source')
  /** Claims of the open document only, or of the whole case. */
  scope = $state<'document' | 'case'>('document')
  sourceId = $state('')
  tag = $state('')
  status = $state<ClaimStatus | ''>('')
  query = $state('')

  /** How many rows the filters find in all. */
  total = $state(0)
  loading = $state(false)
  /** The row offset the keyboard is on (a claim under two topics has two rows); -1 for none. */
  cursor = $state(-1)
  /** Every group of the answer with its size, in order. */
  private answerGroups = $state.raw<ClaimGroup[]>([])
  /** Loaded pages of row claim ids, by page number. */
  private pages = new SvelteMap<number, string[]>()
  /** The pages being fetched for the current answer. */
  private fetching = new Map<number, Promise<void>>()
  /** Bumped when the question or the case changes: pages of an older answer are dropped. */
  private generation = 0
  /** The row offsets on screen, kept loaded across refreshes. */
  private visible: [number, number] = [0, 0]
  private refreshing: Promise<void> | null = null
  private again = false
  private asked = ''
  /** The question the shown answer is for (pages loaded later must answer the same one). */
  private answered: Request | null = null
  /** Bumped when a new question is answered, so the list returns to its top. */
  resets = $state(0)

  readonly selection: ClaimSelection

  constructor(private store: CaseStore) {
    store.onCaseSwitch(() => this.forget())
    this.selection = new ClaimSelection(store)
  }

  /** Claims in scope before filtering. */
  inScope = $derived.by(() =>
    this.scope === 'case'
      ? this.store.claimCount
      : (this.store.documents.find((d) => d.id === this.store.currentDoc?.id)?.claimCount ?? 0)
  )
  filtering = $derived(this.sourceId !== '' || this.tag !== '' || this.status !== '' || this.query.trim() !== '')
  /** Everything that decides the answer; a change refetches. */
  request = $derived.by((): Request => ({
    documentId: this.scope === 'document' ? (this.store.currentDoc?.id ?? NO_DOCUMENT) : undefined,
    sourceId: this.sourceId || undefined,
    tag: this.tag || undefined,
    status: this.status || undefined,
    text: this.query.trim() || undefined,
    sort: this.groupBy as ClaimSort
  }))

  groups = $derived(this.answerGroups.map((g): PanelGroup => ({ ...this.describe(g.key), count: g.count })))

  /** The list index of each group's heading, in group order. */
  private heads = $derived.by(() => {
    const at: number[] = []
    let index = 0
    for (const g of this.answerGroups) {
      at.push(index)
      index += g.count + 1
    }
    return at
  })

  /** How many lines the list has: every group's heading and its rows. */
  size = $derived(this.total + this.answerGroups.length)

  /**
   * The list's lines as the virtual list takes them: only their number matters (an empty array of
   * that length, made at no cost); `rowAt` says what each line is, for the few on screen.
   */
  slots = $derived(new Array<undefined>(this.size))

  /** What the line at list index `index` is: a group heading, or the slot of a claim. */
  rowAt(index: number): PanelRow | undefined {
    const heads = this.heads
    if (index < 0 || index >= this.size || heads.length === 0) return undefined
    let lo = 0
    let hi = heads.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (heads[mid] <= index) lo = mid
      else hi = mid - 1
    }
    const group = this.groups[lo]
    return index === heads[lo] ? { kind: 'head', group } : { kind: 'claim', offset: index - lo - 1, group }
  }

  /** The claim id at a row offset, once its page has arrived. */
  idAt(offset: number): string | undefined {
    return this.pages.get(Math.floor(offset / PAGE_SIZE))?.[offset % PAGE_SIZE]
  }

  /** The list index (headings included) of the row at `offset`: one heading more for each group up to its own. */
  indexOf(offset: number): number {
    let g = 0
    let first = 0
    while (g < this.answerGroups.length - 1 && offset >= first + this.answerGroups[g].count) {
      first += this.answerGroups[g].count
      g++
    }
    return offset + g + 1
  }

  /** The first loaded row offset of a claim, or -1. */
  offsetOf(id: string): number {
    for (const [page, ids] of this.pages) {
      const i = ids.indexOf(id)
      if (i !== -1) return page * PAGE_SIZE + i
    }
    return -1
  }

  private describe(key: string): Omit<PanelGroup, 'count'> {
    if (this.groupBy === 'source') {
      if (!key) return { key: 'source:none', label: 'Unattributed', sourceId: null }
      // A source this UI does not hold yet (an answer ahead of the change that made it) keeps its own key.
      return { key: `source:${key}`, label: this.store.sourcesById.get(key)?.name ?? '…', sourceId: key }
    }
    return key ? { key: `tag:${key}`, label: key } : { key: 'tag:none', label: 'Untagged' }
  }

  /** Drops the answer of another case: an empty list until the open case's answer arrives. */
  private forget(): void {
    this.generation++
    this.fetching.clear()
    this.pages.clear()
    this.answerGroups = []
    this.total = 0
    this.cursor = -1
    this.answered = null
    this.asked = ''
  }

  /**
   * Asks again for what is shown (the filters or the case changed): the list's shape and the pages
   * on screen, swapped in at once. At most one question is in flight; changes meanwhile ask once more.
   */
  refresh(): Promise<void> {
    if (this.refreshing) {
      this.again = true
      return this.refreshing
    }
    this.refreshing = (async () => {
      do {
        this.again = false
        await this.reload()
      } while (this.again)
      this.refreshing = null
    })()
    return this.refreshing
  }

  private async reload(): Promise<void> {
    const request = this.request
    const generation = ++this.generation
    this.fetching.clear()
    if (request.documentId === NO_DOCUMENT) {
      this.pages.clear()
      this.answerGroups = []
      this.total = 0
      return
    }
    const key = JSON.stringify(request)
    const fresh = key !== this.asked
    if (fresh) this.visible = [0, this.visible[1] - this.visible[0]]
    const [from, to] = this.visible
    const wanted = pagesOf(from, Math.max(from, to))
    this.loading = true
    const answers = await Promise.all(wanted.map((p) => this.ask(request, p)))
    if (generation !== this.generation) return
    this.loading = false
    const first = answers[0]
    if (!first) return
    this.pages.clear()
    answers.forEach(
      (page, i) =>
        page &&
        this.pages.set(
          wanted[i],
          page.claims.map((c) => c.id)
        )
    )
    this.answerGroups = first.groups.length ? first.groups : first.total ? [{ key: '', count: first.total }] : []
    this.total = first.total
    this.answered = request
    if (fresh) {
      this.asked = key
      this.resets++
    }
    if (this.cursor >= this.total || this.idAt(this.cursor) !== this.store.focusedClaimId) {
      this.cursor = this.store.focusedClaimId ? this.offsetOf(this.store.focusedClaimId) : -1
    }
  }

  private async ask(request: Request, page: number): Promise<ClaimPage | undefined> {
    const answer = await this.store.run(() =>
      this.store.api.listClaims({ ...request, offset: page * PAGE_SIZE, limit: PAGE_SIZE })
    )
    for (const c of answer?.claims ?? []) this.store.claims.set(c.id, c)
    return answer
  }

  /** The rows from `from` to `to` (offsets, end excluded) are on screen: loads the pages they need. */
  async show(from: number, to: number): Promise<void> {
    this.visible = [from, to]
    await this.ensure(from, to)
  }

  /** Loads the pages holding row offsets from `from` to `to` (end excluded) that are not loaded yet. */
  async ensure(from: number, to: number): Promise<void> {
    const generation = this.generation
    const request = this.answered
    if (!request) return
    const missing = pagesOf(from, Math.min(to, this.total)).filter((p) => !this.pages.has(p))
    await Promise.all(
      missing.map((p) => {
        let pending = this.fetching.get(p)
        if (!pending) {
          pending = this.ask(request, p).then((answer) => {
            if (generation === this.generation && answer)
              this.pages.set(
                p,
                answer.claims.map((c) => c.id)
              )
          })
          this.fetching.set(p, pending)
        }
        return pending
      })
    )
  }

  /**
   * Focuses the claim `step` rows away from the keyboard's row (stopping at either end, skipping the
   * other rows of the same claim), loading its page first when needed. Steps run one after another,
   * so keys pressed quickly each move once.
   */
  step(step: 1 | -1): Promise<string | null> {
    const next = this.stepping.then(() => this.stepOnce(step))
    this.stepping = next
    return next
  }

  private stepping: Promise<unknown> = Promise.resolve()

  private async stepOnce(step: 1 | -1): Promise<string | null> {
    if (this.total === 0) return null
    const focused = this.store.focusedClaimId
    let at = this.cursor
    if (at < 0 || at >= this.total || this.idAt(at) !== focused) at = focused ? this.offsetOf(focused) : -1
    let target = at === -1 ? (step === 1 ? 0 : this.total - 1) : at + step
    for (; target >= 0 && target < this.total; target += step) {
      await this.ensure(target, target + 1)
      const id = this.idAt(target)
      if (id && id !== focused) {
        this.cursor = target
        this.store.focusClaim(id, { scroll: true })
        return id
      }
    }
    return null
  }

  /** Keeps the cursor on the focused claim when focus came from elsewhere (a click in the reader). */
  follow(id: string | null): void {
    if (id === null) this.cursor = -1
    else if (this.idAt(this.cursor) !== id) this.cursor = this.offsetOf(id)
  }

  /**
   * Adds the rows from the selection's anchor to `offset` (both included) to the selection; only
   * the row at `offset` when the anchor is not in the list.
   */
  async selectTo(offset: number): Promise<void> {
    const at = this.selection.anchor === null ? -1 : this.offsetOf(this.selection.anchor)
    const anchor = at >= 0 ? at : offset
    const from = Math.max(0, Math.min(anchor, offset))
    const to = Math.min(this.total, Math.max(anchor, offset) + 1, from + MAX_SELECTED)
    await this.ensure(from, to)
    const ids: string[] = []
    for (let i = from; i < to; i++) {
      const id = this.idAt(i)
      if (id) ids.push(id)
    }
    this.selection.add(ids)
    this.selection.anchor = this.idAt(offset) ?? null
  }

  /** Adds every claim the list finds now (with its filters) to the selection, saying so when not all fit. */
  async selectAll(): Promise<void> {
    const request = this.answered
    const added = request && (await this.selection.addAll(request))
    if (added && this.selection.size >= MAX_SELECTED && added.found > added.added)
      this.store.notices.toast(
        `Picked ${MAX_SELECTED.toLocaleString('en')} claims, the most one change takes: the rest of the list is not picked.`
      )
  }

  /**
   * Deletes the picked claims as one change (Undo in its message). When some of them are not in the
   * list as it is filtered now, the analyst is asked first, since they would go unseen.
   */
  async deleteSelected(): Promise<void> {
    const ids = this.selection.ids
    if (ids.length === 0 || this.store.readOnly) return
    const hidden = await this.unlisted(ids)
    if (hidden === undefined) return
    if (hidden > 0) {
      const n = ids.length.toLocaleString('en')
      const message = `${hidden.toLocaleString('en')} of the ${n} picked ${hidden === 1 ? 'is' : 'are'} not in the list as it is filtered now.`
      if (!(await this.store.confirm(`Delete ${n} claims?`, 'Delete', message))) return
    }
    if (await this.store.deleteClaims(ids)) this.selection.clear()
  }

  /** How many of these claims the list as filtered now does not show (undefined: it could not be asked). */
  private async unlisted(ids: readonly string[]): Promise<number | undefined> {
    const request = this.answered
    if (!request) return ids.length
    if (!this.filtering && request.documentId === undefined) return 0
    const listed = await claimIdsOf(this.store, request, Infinity)
    return listed && ids.filter((id) => !listed.ids.has(id)).length
  }

  clearFilters(): void {
    this.sourceId = ''
    this.tag = ''
    this.status = ''
    this.query = ''
  }
}

/** Page numbers covering row offsets from `from` to `to` (end excluded); at least the first page. */
function pagesOf(from: number, to: number): number[] {
  const first = Math.floor(Math.max(0, from) / PAGE_SIZE)
  const last = Math.max(first, Math.floor(Math.max(0, to - 1) / PAGE_SIZE))
  return Array.from({ length: last - first + 1 }, (_, i) => first + i)
}
