// An open case in memory: each collection kept by id, with the indexes the rules and queries need
// (claims per document, uses per source, links per claim, tag counts), all maintained as ops are
// applied, so one change costs time for the items it touches, not for the whole case.
//
// Items are never mutated in place: an op puts a whole new item or removes one, so a reference
// taken from a collection is a stable snapshot (checkpoints serialise from such references).
import type { CaseData, CollectionName, Collections, Claim, ClaimLink, ConflictSet, Id } from '../../shared/model'
import type { CaseOp } from './types'

type Store<C extends CollectionName> = Map<Id, Collections[C]>

function bump(map: Map<string, number>, key: string, by: number): void {
  const n = (map.get(key) ?? 0) + by
  if (n === 0) map.delete(key)
  else map.set(key, n)
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let set = map.get(key)
  if (!set) map.set(key, (set = new Set()))
  set.add(value)
}

function removeFrom<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key)
  if (!set) return
  set.delete(value)
  if (set.size === 0) map.delete(key)
}

function byPosition(a: Claim, b: Claim): number {
  return (
    a.position.start - b.position.start || a.position.end - b.position.end || a.createdAt.localeCompare(b.createdAt)
  )
}

export class CaseState {
  version: number
  readonly id: Id
  title: string
  readonly createdAt: string
  updatedAt: string

  readonly documents: Store<'documents'> = new Map()
  readonly sources: Store<'sources'> = new Map()
  readonly claims: Store<'claims'> = new Map()
  readonly links: Store<'links'> = new Map()
  readonly briefings: Store<'briefings'> = new Map()
  readonly conflictSets: Store<'conflictSets'> = new Map()
  readonly rejections: Store<'rejections'> = new Map()

  private readonly claimIdsByDoc = new Map<Id, Set<Id>>()
  /** Claims of a document in text order, built on first read after a change. */
  private readonly sortedByDoc = new Map<Id, Claim[]>()
  private readonly speakerUses = new Map<Id, number>()
  private readonly relayUses = new Map<Id, number>()
  private readonly tagUses = new Map<string, number>()
  private readonly linkIdsByClaim = new Map<Id, Set<Id>>()
  private readonly setIdsByClaim = new Map<Id, Set<Id>>()

  constructor(data: CaseData) {
    this.version = data.version
    this.id = data.id
    this.title = data.title
    this.createdAt = data.createdAt
    this.updatedAt = data.updatedAt
    for (const d of data.documents) this.documents.set(d.id, d)
    for (const s of data.sources) this.sources.set(s.id, s)
    for (const c of data.claims) this.putClaim(c)
    for (const l of data.links) this.putLink(l)
    for (const b of data.briefings) this.briefings.set(b.id, b)
    for (const s of data.conflictSets) this.putSet(s)
    for (const r of data.rejections) this.rejections.set(r.id, r)
  }

  /** The case as its file holds it: plain arrays, in the order items were first added. */
  toData(): CaseData {
    return {
      version: this.version,
      id: this.id,
      title: this.title,
      createdAt: this.createdAt,
      updatedAt: this.updatedAt,
      documents: [...this.documents.values()],
      sources: [...this.sources.values()],
      claims: [...this.claims.values()],
      links: [...this.links.values()],
      briefings: [...this.briefings.values()],
      conflictSets: [...this.conflictSets.values()],
      rejections: [...this.rejections.values()]
    }
  }

  /** Applies validated ops in place; `at` becomes the case's updatedAt. */
  apply(ops: readonly CaseOp[], at: string): void {
    for (const op of ops) {
      if (op.op === 'meta') this.title = op.title
      else if (op.op === 'remove') this.remove(op.collection, op.id)
      else this.put(op)
    }
    this.updatedAt = at
  }

  private put(op: Extract<CaseOp, { op: 'put' }>): void {
    switch (op.collection) {
      case 'claims':
        return this.putClaim(op.item)
      case 'links':
        return this.putLink(op.item)
      case 'conflictSets':
        return this.putSet(op.item)
      default:
        ;(this[op.collection] as Map<Id, { id: Id }>).set(op.item.id, op.item)
    }
  }

  private remove(collection: CollectionName, id: Id): void {
    if (collection === 'claims') this.unindexClaim(id)
    if (collection === 'links') this.unindexLink(id)
    if (collection === 'conflictSets') this.unindexSet(id)
    this[collection].delete(id)
  }

  private putClaim(claim: Claim): void {
    this.unindexClaim(claim.id)
    this.claims.set(claim.id, claim)
    addTo(this.claimIdsByDoc, claim.documentId, claim.id)
    this.sortedByDoc.delete(claim.documentId)
    if (claim.sourceId) bump(this.speakerUses, claim.sourceId, 1)
    for (const v of claim.via) bump(this.relayUses, v, 1)
    for (const t of claim.tags) bump(this.tagUses, t, 1)
  }

  private unindexClaim(id: Id): void {
    const old = this.claims.get(id)
    if (!old) return
    removeFrom(this.claimIdsByDoc, old.documentId, id)
    this.sortedByDoc.delete(old.documentId)
    if (old.sourceId) bump(this.speakerUses, old.sourceId, -1)
    for (const v of old.via) bump(this.relayUses, v, -1)
    for (const t of old.tags) bump(this.tagUses, t, -1)
  }

  private putSet(set: ConflictSet): void {
    this.unindexSet(set.id)
    this.conflictSets.set(set.id, set)
    for (const c of set.claimIds) addTo(this.setIdsByClaim, c, set.id)
  }

  private unindexSet(id: Id): void {
    const old = this.conflictSets.get(id)
    if (old) for (const c of old.claimIds) removeFrom(this.setIdsByClaim, c, id)
  }

  private putLink(link: ClaimLink): void {
    this.unindexLink(link.id)
    this.links.set(link.id, link)
    addTo(this.linkIdsByClaim, link.from, link.id)
    addTo(this.linkIdsByClaim, link.to, link.id)
  }

  private unindexLink(id: Id): void {
    const old = this.links.get(id)
    if (!old) return
    removeFrom(this.linkIdsByClaim, old.from, id)
    removeFrom(this.linkIdsByClaim, old.to, id)
  }

  // ---- queries ---------------------------------------------------------------------------

  /** The claims anchored in a document, in text order. */
  claimsOf(documentId: Id): readonly Claim[] {
    let sorted = this.sortedByDoc.get(documentId)
    if (!sorted) {
      const ids = this.claimIdsByDoc.get(documentId) ?? new Set()
      sorted = [...ids].map((id) => this.claims.get(id)!).sort(byPosition)
      this.sortedByDoc.set(documentId, sorted)
    }
    return sorted
  }

  claimCountOf(documentId: Id): number {
    return this.claimIdsByDoc.get(documentId)?.size ?? 0
  }

  /** How many claims a source asserts, and how many it relays. */
  usesOf(sourceId: Id): { speaker: number; relay: number } {
    return { speaker: this.speakerUses.get(sourceId) ?? 0, relay: this.relayUses.get(sourceId) ?? 0 }
  }

  /** Links from or to a claim. */
  linksOf(claimId: Id): ClaimLink[] {
    return [...(this.linkIdsByClaim.get(claimId) ?? [])].map((id) => this.links.get(id)!)
  }

  /** Conflict sets a claim is in. */
  setsOf(claimId: Id): ConflictSet[] {
    return [...(this.setIdsByClaim.get(claimId) ?? [])].map((id) => this.conflictSets.get(id)!)
  }

  /** Every tag in use, with how many claims carry it. */
  tagCounts(): ReadonlyMap<string, number> {
    return this.tagUses
  }
}
