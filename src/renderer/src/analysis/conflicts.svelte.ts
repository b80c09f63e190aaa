// The Conflicts view's state: the sets the case keeps (from the store, kept current by its changes),
// what the engine proposes now, circular reporting and sources by topic (asked for again when the
// case changes while the view is open), the item on show, and a set being made by hand.
import type { CircularGroup, ConflictFigure, Quantity, ConflictSetProposal, TopicView } from '../../../shared/analysis'
import type { ConflictSet, ConflictSetKind, ConflictSetStatus, Id } from '../../../shared/model'
import type { CaseStore } from '../lib/case.svelte'

/** What the centre shows: a kept set, a proposal, circular reporting, or sources by topic. */
export type AnalysisItem =
  | { kind: 'set'; id: Id }
  | { kind: 'proposal'; key: string }
  | { kind: 'circular' }
  | { kind: 'topics' }
  | { kind: 'new' }

export interface SetDraft {
  claimIds: Id[]
  kind: ConflictSetKind
  subject: string
}

const byUpdated = (a: ConflictSet, b: ConflictSet): number => (a.updatedAt < b.updatedAt ? 1 : -1)

export class ConflictDesk {
  proposals = $state.raw<ConflictSetProposal[]>([])
  /** Figures read in the kept sets' claims. */
  figures = $state.raw<ConflictFigure[]>([])
  circular = $state.raw<CircularGroup[]>([])
  topics = $state.raw<TopicView[]>([])
  loading = $state(false)
  /** The store revision the engine's findings are from. */
  loadedAt = $state(-1)
  item = $state.raw<AnalysisItem>({ kind: 'topics' })
  draft = $state<SetDraft | null>(null)

  confirmed = $derived.by(() => this.ofStatus('confirmed'))
  /** Kept to look at later: proposals the analyst neither confirmed nor dismissed yet. */
  kept = $derived.by(() => this.ofStatus('proposed'))
  dismissed = $derived.by(() => this.ofStatus('dismissed'))
  set = $derived.by(() => {
    const item = this.item
    return item.kind === 'set' ? (this.store.conflictSets.find((s) => s.id === item.id) ?? null) : null
  })
  proposal = $derived.by(() => {
    const item = this.item
    return item.kind === 'proposal' ? (this.proposals.find((p) => p.key === item.key) ?? null) : null
  })

  private loads = 0

  constructor(private store: CaseStore) {}

  private ofStatus(status: ConflictSetStatus): ConflictSet[] {
    return this.store.conflictSets.filter((s) => s.status === status).sort(byUpdated)
  }

  /** The figures the engine read in one claim of a kept set. */
  figuresOf(claimId: Id): Quantity[] {
    return this.figures.filter((f) => f.claimId === claimId).map((f) => f.quantity)
  }

  /** Asks the engine again when the case moved on since the last answer. */
  async refresh(force = false): Promise<void> {
    const revision = this.store.revision
    if (!force && revision === this.loadedAt) return
    const load = ++this.loads
    this.loading = true
    const api = this.store.api
    const found = await this.store.run(() =>
      Promise.all([api.conflictSets(), api.circularReporting(), api.sourcesByTopic()])
    )
    if (load !== this.loads) return
    this.loading = false
    if (!found) return
    const [{ proposals, figures }, circular, topics] = found
    this.proposals = proposals
    this.figures = figures
    this.circular = circular
    this.topics = topics
    this.loadedAt = revision
    // The claims every item names, so their quotes and sources can be shown.
    const ids = [
      ...this.store.conflictSets.flatMap((s) => s.claimIds),
      ...proposals.flatMap((p) => p.claimIds),
      ...circular.flatMap((g) => g.claimIds)
    ]
    await this.store.loadClaims([...new Set(ids)])
  }

  show(item: AnalysisItem): void {
    this.item = item
  }

  /** Keeps a proposal as confirmed or dismissed; the kept set is shown next. */
  async decide(proposal: ConflictSetProposal, status: ConflictSetStatus): Promise<ConflictSet | undefined> {
    const set = await this.store.keepConflictProposal(proposal.key, status)
    if (set) {
      this.proposals = this.proposals.filter((p) => p.key !== proposal.key)
      // Unless the analyst has moved on meanwhile.
      const item = this.item
      if (item.kind === 'proposal' && item.key === proposal.key)
        this.item = status === 'dismissed' ? this.nextProposal(proposal.key) : { kind: 'set', id: set.id }
    }
    return set
  }

  setStatus(set: ConflictSet, status: ConflictSetStatus): Promise<ConflictSet | undefined> {
    return this.store.updateConflictSet(set.id, { status })
  }

  /** Takes one claim out of a set; a set needs two, so the last but one takes the set with it. */
  async removeClaim(set: ConflictSet, claimId: Id): Promise<void> {
    const rest = set.claimIds.filter((id) => id !== claimId)
    if (rest.length >= 2) await this.store.updateConflictSet(set.id, { claimIds: rest })
    else await this.remove(set)
  }

  async addClaim(set: ConflictSet, claimId: Id): Promise<void> {
    if (set.claimIds.includes(claimId)) return
    await this.store.updateConflictSet(set.id, { claimIds: [...set.claimIds, claimId] })
  }

  async remove(set: ConflictSet): Promise<void> {
    const shown = this.item.kind === 'set' && this.item.id === set.id
    if ((await this.store.deleteConflictSet(set.id)) && shown) this.item = { kind: 'topics' }
  }

  startDraft(claimIds: Id[] = [], kind: ConflictSetKind = 'conflict'): void {
    this.draft = { claimIds: [...new Set(claimIds)], kind, subject: '' }
    this.item = { kind: 'new' }
  }

  /** Makes the drafted set (confirmed, as sets made by hand are) and shows it. */
  async saveDraft(): Promise<ConflictSet | undefined> {
    // A plain copy: the draft is deep state (a proxy), which no structured clone (IPC) can send.
    const d = $state.snapshot(this.draft)
    // Claims deleted meanwhile (here or in another window) are left out.
    const claimIds = d?.claimIds.filter((id) => !this.store.removedClaimIds.has(id)) ?? []
    if (!d || claimIds.length < 2) return undefined
    const set = await this.store.createConflictSet({ claimIds, kind: d.kind, subject: d.subject })
    if (set) {
      this.draft = null
      this.item = { kind: 'set', id: set.id }
    }
    return set
  }

  private nextProposal(after: string): AnalysisItem {
    const next = this.proposals.find((p) => p.key !== after)
    return next ? { kind: 'proposal', key: next.key } : { kind: 'topics' }
  }
}
