// The claims panel's filters and grouping, and the claims they find, asked of the backend a page
// at a time (a case may hold a hundred thousand). Shared so keyboard navigation follows what is shown.
import type { ClaimPage, ClaimSort } from '../../../shared/api'
import type { ClaimStatus } from '../../../shared/model'
import type { CaseStore } from '../lib/case.svelte'

export type PanelGroupBy = 'source' | 'topic'

export const PAGE_SIZE = 400

export interface PanelGroup {
  key: string
  label: string
  /** The source the group stands for (group by source); null for unattributed. */
  sourceId?: string | null
  /** How many rows the group has in all (not just those loaded). */
  count: number
  claimIds: string[]
}

interface Row {
  id: string
  group: string
}

export class ClaimsView {
  groupBy = $state<PanelGroupBy>('source')
  /** Claims of the open document only, or of the whole case. */
  scope = $state<'document' | 'case'>('document')
  sourceId = $state('')
  tag = $state('')
  status = $state<ClaimStatus | ''>('')
  query = $state('')

  /** What the last answer said: rows loaded so far, in order, and every group with its size. */
  private rows = $state.raw<Row[]>([])
  private pageGroups = $state.raw<ClaimPage['groups']>([])
  /** How many rows the filters find in all. */
  total = $state(0)
  loading = $state(false)
  private wanted = PAGE_SIZE
  private asked = 0

  constructor(private store: CaseStore) {}

  /** Claims in scope before filtering. */
  inScope = $derived.by(() =>
    this.scope === 'case'
      ? this.store.claimCount
      : (this.store.documents.find((d) => d.id === this.store.currentDoc?.id)?.claimCount ?? 0)
  )
  filtering = $derived(this.sourceId !== '' || this.tag !== '' || this.status !== '' || this.query.trim() !== '')
  /** Everything that decides the answer; a change refetches. */
  request = $derived.by(() => ({
    documentId: this.scope === 'document' ? (this.store.currentDoc?.id ?? '\u0000') : undefined,
    sourceId: this.sourceId || undefined,
    tag: this.tag || undefined,
    status: this.status || undefined,
    text: this.query.trim() || undefined,
    sort: this.groupBy as ClaimSort
  }))
  loaded = $derived(this.rows.length)
  more = $derived(this.total > this.rows.length)

  groups = $derived.by((): PanelGroup[] => {
    const byKey = new Map<string, string[]>()
    for (const r of this.rows) {
      let ids = byKey.get(r.group)
      if (!ids) byKey.set(r.group, (ids = []))
      ids.push(r.id)
    }
    return this.pageGroups
      .filter((g) => byKey.has(g.key))
      .map((g) => ({ ...this.describe(g.key), count: g.count, claimIds: byKey.get(g.key)! }))
  })

  /** The claims in the order the panel shows them, each once (a claim with two topics shows twice). */
  order = $derived([...new Set(this.rows.map((r) => r.id))])

  private describe(key: string): Omit<PanelGroup, 'count' | 'claimIds'> {
    if (this.groupBy === 'source') {
      const source = key ? this.store.sourcesById.get(key) : undefined
      return source
        ? { key: `source:${key}`, label: source.name, sourceId: key }
        : { key: 'source:none', label: 'Unattributed', sourceId: null }
    }
    return key ? { key: `tag:${key}`, label: key } : { key: 'tag:none', label: 'Untagged' }
  }

  /** Asks again for what is shown (the filters or the case changed). */
  async refresh(): Promise<void> {
    await this.fetch(Math.max(PAGE_SIZE, this.rows.length))
  }

  async showMore(): Promise<void> {
    await this.fetch(this.rows.length + PAGE_SIZE)
  }

  private async fetch(limit: number): Promise<void> {
    const request = this.request
    if (request.documentId === '\u0000') {
      this.rows = []
      this.pageGroups = []
      this.total = 0
      return
    }
    const asked = ++this.asked
    this.wanted = limit
    this.loading = true
    const page = await this.store.run(() => this.store.api.listClaims({ ...request, offset: 0, limit: this.wanted }))
    if (asked !== this.asked) return
    this.loading = false
    if (!page) return
    for (const c of page.claims) this.store.claims.set(c.id, c)
    const groups = page.groups.length ? page.groups : [{ key: '', count: page.total }]
    this.rows = rowsOf(page, groups)
    this.pageGroups = groups
    this.total = page.total
  }

  clearFilters(): void {
    this.sourceId = ''
    this.tag = ''
    this.status = ''
    this.query = ''
  }

  /** The claim `step` places away from the focused one in panel order (wrapping at neither end). */
  neighbour(step: 1 | -1): string | null {
    const order = this.order
    if (order.length === 0) return null
    const at = this.store.focusedClaimId ? order.indexOf(this.store.focusedClaimId) : -1
    if (at === -1) return step === 1 ? order[0] : order[order.length - 1]
    return order[Math.max(0, Math.min(order.length - 1, at + step))]
  }
}

/** The page's claims as rows, each with its group (groups follow one another in `groups` order). */
function rowsOf(page: ClaimPage, groups: ClaimPage['groups']): Row[] {
  const rows: Row[] = []
  let g = 0
  let left = groups[0]?.count ?? 0
  for (const claim of page.claims) {
    while (left === 0 && g < groups.length - 1) left = groups[++g].count
    rows.push({ id: claim.id, group: groups[g]?.key ?? '' })
    left--
  }
  return rows
}
