// Filtering and grouping of claims for the claims panel. Pure.
import type { Claim, ClaimStatus, Source } from '../../../shared/model'

export type PanelGroupBy = 'source' | 'topic'

export interface ClaimFilter {
  /** Only claims of this document; null for the whole case. */
  documentId: string | null
  /** Claims this source asserts or relays; '' for any. */
  sourceId: string
  tag: string
  status: ClaimStatus | ''
  /** Free text matched against quote, note, source and relay names, tags. */
  query: string
}

export interface ClaimGroup {
  key: string
  label: string
  /** The source the group stands for (group by source); null for unattributed. */
  sourceId?: string | null
  claims: Claim[]
}

const UNATTRIBUTED_KEY = 'source:none'
const UNTAGGED_KEY = 'tag:none'

export function filterClaims(
  claims: readonly Claim[],
  filter: ClaimFilter,
  sources: ReadonlyMap<string, Source>
): Claim[] {
  const query = filter.query.trim().toLowerCase()
  return claims.filter((c) => {
    if (filter.documentId && c.documentId !== filter.documentId) return false
    if (filter.sourceId && c.sourceId !== filter.sourceId && !c.via.includes(filter.sourceId)) return false
    if (filter.tag && !c.tags.includes(filter.tag)) return false
    if (filter.status && c.status !== filter.status) return false
    if (!query) return true
    const names = [c.sourceId, ...c.via].map((id) => (id ? (sources.get(id)?.name ?? '') : ''))
    return [c.quote.exact, c.note, ...names, ...c.tags].some((t) => t.toLowerCase().includes(query))
  })
}

/** Document order: by the given document order, then by position in the text. */
export function sortClaims(claims: readonly Claim[], documentOrder: readonly string[]): Claim[] {
  const rank = new Map(documentOrder.map((id, i) => [id, i]))
  return [...claims].sort(
    (a, b) =>
      (rank.get(a.documentId) ?? Infinity) - (rank.get(b.documentId) ?? Infinity) ||
      a.position.start - b.position.start ||
      a.position.end - b.position.end
  )
}

const byLabel = (a: ClaimGroup, b: ClaimGroup) => a.label.localeCompare(b.label, undefined, { sensitivity: 'base' })

/** Groups already sorted claims; the unattributed / untagged group comes last. */
export function groupClaims(
  claims: readonly Claim[],
  by: PanelGroupBy,
  sources: ReadonlyMap<string, Source>
): ClaimGroup[] {
  const groups = new Map<string, ClaimGroup>()
  const add = (key: string, make: () => Omit<ClaimGroup, 'claims'>, claim: Claim) => {
    let group = groups.get(key)
    if (!group) groups.set(key, (group = { ...make(), claims: [] }))
    group.claims.push(claim)
  }
  for (const claim of claims) {
    if (by === 'source') {
      const source = claim.sourceId ? sources.get(claim.sourceId) : undefined
      if (source)
        add(
          `source:${source.id}`,
          () => ({ key: `source:${source.id}`, label: source.name, sourceId: source.id }),
          claim
        )
      else add(UNATTRIBUTED_KEY, () => ({ key: UNATTRIBUTED_KEY, label: 'Unattributed', sourceId: null }), claim)
    } else if (claim.tags.length === 0) {
      add(UNTAGGED_KEY, () => ({ key: UNTAGGED_KEY, label: 'Untagged' }), claim)
    } else {
      for (const tag of claim.tags) add(`tag:${tag}`, () => ({ key: `tag:${tag}`, label: tag }), claim)
    }
  }
  const last = by === 'source' ? UNATTRIBUTED_KEY : UNTAGGED_KEY
  const named = [...groups.values()].filter((g) => g.key !== last).sort(byLabel)
  const rest = groups.get(last)
  return rest ? [...named, rest] : named
}

/** The claims in the order the panel shows them, each once (a claim with two tags shows twice). */
export function visibleOrder(groups: readonly ClaimGroup[]): string[] {
  const seen = new Set<string>()
  for (const g of groups) for (const c of g.claims) seen.add(c.id)
  return [...seen]
}
