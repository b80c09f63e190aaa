// The claims panel's filters and grouping, shared so keyboard navigation follows what is shown.
import type { ClaimStatus } from '../../../shared/model'
import type { CaseStore } from '../lib/case.svelte'
import { filterClaims, groupClaims, sortClaims, visibleOrder, type PanelGroupBy } from './grouping'

export class ClaimsView {
  groupBy = $state<PanelGroupBy>('source')
  /** Claims of the open document only, or of the whole case. */
  scope = $state<'document' | 'case'>('document')
  sourceId = $state('')
  tag = $state('')
  status = $state<ClaimStatus | ''>('')
  query = $state('')

  constructor(private store: CaseStore) {}

  // $derived.by: the store is a constructor parameter, read lazily.
  inScope = $derived.by(() => (this.scope === 'document' ? this.store.docClaims : this.store.claims))
  filtered = $derived.by(() =>
    sortClaims(
      filterClaims(
        this.inScope,
        { documentId: null, sourceId: this.sourceId, tag: this.tag, status: this.status, query: this.query },
        this.store.sourcesById
      ),
      this.store.documents.map((d) => d.id)
    )
  )
  groups = $derived.by(() => groupClaims(this.filtered, this.groupBy, this.store.sourcesById))
  order = $derived(visibleOrder(this.groups))
  filtering = $derived(this.sourceId !== '' || this.tag !== '' || this.status !== '' || this.query.trim() !== '')

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
