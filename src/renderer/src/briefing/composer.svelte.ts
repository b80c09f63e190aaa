// The briefing composer's state: which briefing is open, the edits not yet confirmed by the backend,
// the ICD 203 check of its wording, and the briefing resolved against the case (the backend's
// briefingView, the model every exporter renders) for the composer's lists and the preview.
//
// Edits show at once (an overlay on the stored briefing) and are saved through the API: text fields
// after a short pause, structural changes (a judgment added, claims reordered) immediately. Saves of
// one briefing are sent one at a time, each carrying every field changed since the last one, so a
// slow save never reorders edits.
import type { BriefingInput } from '../../../shared/api'
import type { BriefingView } from '../../../shared/briefing/view'
import {
  checkProductLanguage,
  findLikelihoodTerms,
  type FieldWarning,
  type LikelihoodTerm
} from '../../../shared/briefing/estimative'
import type { Briefing, Judgment } from '../../../shared/model'
import type { CaseStore } from '../lib/case.svelte'

export const TEXT_SAVE_DELAY_MS = 400

export interface BriefingSaveState {
  state: 'idle' | 'pending' | 'saving' | 'saved' | 'error'
  message?: string
}

interface Draft {
  /** Changed since the last save was sent. */
  pending: BriefingInput
  /** Sent, not yet confirmed. */
  inflight: BriefingInput | null
  timer?: ReturnType<typeof setTimeout>
  /** Saves of this briefing, chained so they reach the backend in order. */
  chain: Promise<void>
}

const LAST_BRIEFING_KEY = 'claimdesk-last-briefing:'

export class BriefingComposer {
  /** The briefing the analyst chose; the first one when unset or gone. */
  selectedId = $state<string | null>(null)
  /** Per briefing id: the edits shown on top of the stored briefing. */
  private overlays = $state.raw<Record<string, BriefingInput>>({})
  private states = $state.raw<Record<string, BriefingSaveState>>({})
  /** Block structure of documents (for citation paragraphs), fetched once per document. */
  private drafts = new Map<string, Draft>()

  constructor(
    private store: CaseStore,
    private now: () => string = () => new Date().toISOString(),
    private storage: Pick<Storage, 'getItem' | 'setItem'> | null = typeof localStorage === 'undefined'
      ? null
      : localStorage
  ) {}

  /** The open briefing with its unsaved edits applied; null when the case has none. */
  briefing = $derived.by((): Briefing | null => {
    const list = this.store.briefings
    const remembered =
      this.selectedId ?? (this.store.info ? this.storage?.getItem(LAST_BRIEFING_KEY + this.store.info.path) : null)
    const saved = list.find((b) => b.id === remembered) ?? list[0]
    if (!saved) return null
    const overlay = this.overlays[saved.id]
    return overlay ? { ...saved, ...overlay } : saved
  })

  saveState = $derived.by((): BriefingSaveState =>
    this.briefing ? (this.states[this.briefing.id] ?? { state: 'idle' }) : { state: 'idle' }
  )

  /** What shapes the resolved briefing apart from its texts: ids, order, grouping, date. */
  structure = $derived.by(() => {
    const b = this.briefing
    return b
      ? JSON.stringify([b.id, b.date, b.groupBy, b.claimIds, b.judgments.map((j) => [j.id, j.confidence, j.claimIds])])
      : ''
  })

  /**
   * The resolved briefing the composer's lists render, as the backend builds it for every export.
   * Fetched again when the briefing's structure or the case changes (refreshLayout), not on every
   * keystroke in a text field: texts in it may lag, so the composer reads them from `briefing`.
   */
  layout = $state.raw<BriefingView | null>(null)
  private layoutAsked = 0

  async refreshLayout(): Promise<void> {
    const asked = ++this.layoutAsked
    const view = await this.viewNow()
    if (asked === this.layoutAsked) this.layout = view
  }

  /** The whole briefing as it stands now, unsaved texts included (the preview; an export renders the same). */
  async viewNow(): Promise<BriefingView | null> {
    const b = this.briefing
    if (!b) return null
    const draft = this.drafts.get(b.id)
    const overlay = draft ? this.withKnownClaims({ ...draft.inflight, ...draft.pending }) : undefined
    return (await this.store.run(() => this.store.api.briefingView(b.id, overlay))) ?? null
  }

  /** ICD 203 warnings over the bottom line and the judgments, read as one product. */
  language = $derived.by((): { warnings: Map<string, FieldWarning[]>; terms: Map<string, LikelihoodTerm[]> } => {
    const b = this.briefing
    const fields = b
      ? [
          { field: 'bottomLine', text: b.bottomLine },
          ...b.judgments.map((j) => ({ field: `judgment:${j.id}`, text: j.text }))
        ]
      : []
    const warnings = new Map<string, FieldWarning[]>()
    for (const w of checkProductLanguage(fields)) warnings.set(w.field, [...(warnings.get(w.field) ?? []), w])
    return { warnings, terms: new Map(fields.map((f) => [f.field, findLikelihoodTerms(f.text)])) }
  })

  select(id: string): void {
    this.selectedId = id
    if (this.store.info) this.storage?.setItem(LAST_BRIEFING_KEY + this.store.info.path, id)
  }

  async create(): Promise<Briefing | undefined> {
    const caseTitle = this.store.info?.title.trim() || 'Briefing'
    const n = this.store.briefings.length
    const briefing = await this.store.createBriefing({
      title: n === 0 ? caseTitle : `${caseTitle} (${n + 1})`,
      date: this.now()
    })
    if (briefing) this.select(briefing.id)
    return briefing
  }

  async remove(id: string): Promise<boolean> {
    const draft = this.drafts.get(id)
    clearTimeout(draft?.timer)
    if (draft) await draft.chain
    const done = await this.store.deleteBriefing(id)
    if (done) {
      this.drafts.delete(id)
      const { [id]: _o, ...overlays } = this.overlays
      this.overlays = overlays
      if (this.selectedId === id) this.selectedId = this.store.briefings[0]?.id ?? null
    }
    return done
  }

  /** Applies an edit to the open briefing at once; saves it after a pause (`debounce`) or now. */
  edit(patch: BriefingInput, options: { debounce?: boolean } = {}): void {
    const b = this.briefing
    if (!b || this.store.readOnly) return
    const draft = this.draftOf(b.id)
    Object.assign(draft.pending, patch)
    this.publish(b.id, { state: 'pending' })
    clearTimeout(draft.timer)
    if (options.debounce) draft.timer = setTimeout(() => void this.save(b.id), TEXT_SAVE_DELAY_MS)
    else void this.save(b.id)
  }

  /** Edits the judgments list of the open briefing (text edits debounced, the rest saved now). */
  editJudgments(change: (list: Judgment[]) => Judgment[] | null, options: { debounce?: boolean } = {}): void {
    const b = this.briefing
    const next = b ? change(b.judgments) : null
    if (next) this.edit({ judgments: next }, options)
  }

  /** Sends whatever is waiting for this briefing; resolves when the backend has it (or refused it). */
  save(id: string): Promise<void> {
    const draft = this.drafts.get(id)
    if (!draft) return Promise.resolve()
    clearTimeout(draft.timer)
    draft.timer = undefined
    draft.chain = draft.chain.then(() => this.send(id, draft))
    return draft.chain
  }

  /** Saves every briefing with edits waiting (before an export, on leaving the composer). */
  async flush(): Promise<void> {
    await Promise.all([...this.drafts.keys()].map((id) => this.save(id)))
  }

  get hasUnsaved(): boolean {
    return [...this.drafts.values()].some((d) => Object.keys(d.pending).length > 0 || d.inflight !== null)
  }

  private draftOf(id: string): Draft {
    let draft = this.drafts.get(id)
    if (!draft) {
      draft = { pending: {}, inflight: null, chain: Promise.resolve() }
      this.drafts.set(id, draft)
    }
    return draft
  }

  private publish(id: string, state: BriefingSaveState): void {
    const draft = this.drafts.get(id)
    const overlay = draft ? { ...draft.inflight, ...draft.pending } : {}
    const { [id]: _o, ...overlays } = this.overlays
    this.overlays = Object.keys(overlay).length > 0 ? { ...overlays, [id]: overlay } : overlays
    this.states = { ...this.states, [id]: state }
  }

  private async send(id: string, draft: Draft): Promise<void> {
    if (Object.keys(draft.pending).length === 0 || this.drafts.get(id) !== draft) return
    draft.inflight = this.withKnownClaims(draft.pending)
    draft.pending = {}
    this.publish(id, { state: 'saving' })
    let failure: string | null = null
    const saved = await this.store.updateBriefing(id, draft.inflight, { onError: (e) => (failure = e.message) })
    if (saved) {
      draft.inflight = null
      this.publish(id, Object.keys(draft.pending).length > 0 ? { state: 'pending' } : { state: 'saved' })
    } else {
      // Keep the edits on screen and waiting: the next edit, or Retry, sends them again.
      draft.pending = { ...draft.inflight, ...draft.pending }
      draft.inflight = null
      this.publish(id, { state: 'error', message: failure ?? 'not saved' })
    }
  }

  /** Claims deleted meanwhile would make the backend refuse the save. */
  private withKnownClaims(patch: BriefingInput): BriefingInput {
    const keep = (ids: string[]) => ids.filter((id) => !this.store.removedClaimIds.has(id))
    const out = { ...patch }
    if (out.claimIds) out.claimIds = keep(out.claimIds)
    if (out.judgments) out.judgments = out.judgments.map((j) => ({ ...j, claimIds: keep(j.claimIds) }))
    return out
  }
}
