// What the UI is sent: summaries instead of whole documents, a document with its claims when it is
// opened, and after each change only what the change touched.
import type {
  CaseChanges,
  CaseInfo,
  CaseOverview,
  DocumentView,
  HistoryState,
  SourceSummary,
  TagCount
} from '../../shared/api'
import type { CaseDocument, Claim, CollectionName, DocumentSummary, Id, Source } from '../../shared/model'
import type { CaseState } from '../case/case-state'
import type { CaseOp } from '../case/types'

export function documentSummary(state: CaseState, doc: CaseDocument): DocumentSummary {
  const { text, blocks: _blocks, ...rest } = doc
  return { ...rest, length: text.length, claimCount: state.claimCountOf(doc.id) }
}

export function sourceSummary(state: CaseState, source: Source): SourceSummary {
  const uses = state.usesOf(source.id)
  return { ...source, claimCount: uses.speaker, relayCount: uses.relay }
}

export function tagList(state: CaseState): TagCount[] {
  return [...state.tagCounts()]
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => a.tag.localeCompare(b.tag, undefined, { sensitivity: 'base' }))
}

export function overview(state: CaseState, info: CaseInfo, history: HistoryState, revision: number): CaseOverview {
  return {
    info,
    documents: [...state.documents.values()].map((d) => documentSummary(state, d)),
    sources: [...state.sources.values()].map((s) => sourceSummary(state, s)),
    briefings: [...state.briefings.values()],
    conflictSets: [...state.conflictSets.values()],
    tags: tagList(state),
    claimCount: state.claims.size,
    history,
    revision
  }
}

export function documentView(state: CaseState, doc: CaseDocument): DocumentView {
  const claims = state.claimsOf(doc.id)
  const links = new Map(claims.flatMap((c) => state.linksOf(c.id)).map((l) => [l.id, l]))
  const linked = new Map<Id, Claim>()
  for (const l of links.values()) {
    for (const end of [l.from, l.to]) {
      const other = state.claims.get(end)
      if (other && other.documentId !== doc.id) linked.set(end, other)
    }
  }
  return {
    document: doc,
    rejectedSuggestions: state.rejections.get(doc.id)?.spans ?? [],
    claims: [...claims],
    links: [...links.values()],
    linkedClaims: [...linked.values()]
  }
}

/**
 * The ids a change touches, directly and through counts: a claim's document and its sources
 * (before and after) get new counts, and so does the tag list.
 */
export class Touched {
  readonly ids: Record<CollectionName, Set<Id>> = {
    documents: new Set(),
    sources: new Set(),
    claims: new Set(),
    links: new Set(),
    briefings: new Set(),
    conflictSets: new Set(),
    rejections: new Set()
  }
  title = false
  tags = false

  /** Records what `ops` will touch; call before they are applied, then again after (for new values). */
  note(state: CaseState, ops: readonly CaseOp[]): this {
    for (const op of ops) {
      if (op.op === 'meta') {
        this.title = true
        continue
      }
      const id = op.op === 'put' ? op.item.id : op.id
      this.ids[op.collection].add(id)
      if (op.collection !== 'claims') continue
      this.tags = true
      for (const claim of [state.claims.get(id), op.op === 'put' ? op.item : undefined]) {
        if (!claim) continue
        this.ids.documents.add(claim.documentId)
        if (claim.sourceId) this.ids.sources.add(claim.sourceId)
        for (const v of claim.via) this.ids.sources.add(v)
      }
    }
    return this
  }

  /** What changed, read from the state after the change. */
  describe(state: CaseState, revision: number, history: HistoryState): CaseChanges {
    const changes: CaseChanges = { revision, claimCount: state.claims.size, history }
    if (this.title) changes.title = state.title
    if (this.tags) changes.tags = tagList(state)
    const split = <T, U>(ids: Set<Id>, get: (id: Id) => T | undefined, view: (item: T) => U) => {
      const put: U[] = []
      const removed: Id[] = []
      for (const id of ids) {
        const item = get(id)
        if (item === undefined) removed.push(id)
        else put.push(view(item))
      }
      return put.length || removed.length ? { put, removed } : undefined
    }
    const same = <T>(item: T) => item
    const documents = split(
      this.ids.documents,
      (id) => state.documents.get(id),
      (d) => documentSummary(state, d)
    )
    const sources = split(
      this.ids.sources,
      (id) => state.sources.get(id),
      (s) => sourceSummary(state, s)
    )
    const claims = split(this.ids.claims, (id) => state.claims.get(id), same)
    const links = split(this.ids.links, (id) => state.links.get(id), same)
    const briefings = split(this.ids.briefings, (id) => state.briefings.get(id), same)
    const conflictSets = split(this.ids.conflictSets, (id) => state.conflictSets.get(id), same)
    const rejections = split(this.ids.rejections, (id) => state.rejections.get(id), same)
    if (documents) changes.documents = documents
    if (sources) changes.sources = sources
    if (claims) changes.claims = claims
    if (links) changes.links = links
    if (briefings) changes.briefings = briefings
    if (conflictSets) changes.conflictSets = conflictSets
    if (rejections) changes.rejections = rejections
    return changes
  }
}
