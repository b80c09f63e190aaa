// searchCase: the words typed, found in every document's text (each folded once and kept while the
// document is unchanged), in claims' notes and topics, and in the source registry.
import type { SearchHit, SearchResults, searchQuery } from '../../shared/api'
import type { CaseDocument, Claim } from '../../shared/model'
import { findAll, foldText, matches, queryPattern, type FoldedText } from '../../shared/search-text'
import type { z } from 'zod'
import type { CaseState } from '../case/case-state'

type Query = z.output<typeof searchQuery>

const CONTEXT = 40
/** Documents are immutable items: a new version of one is a new object, folded again. */
const foldedDocs = new WeakMap<CaseDocument, FoldedText>()

/** A claim's note and topics, folded once per version of the claim. */
const foldedClaims = new WeakMap<Claim, { note: string; tags: string }>()

function claimWords(claim: Claim): { note: string; tags: string } {
  let f = foldedClaims.get(claim)
  if (!f)
    foldedClaims.set(claim, (f = { note: foldText(claim.note).folded, tags: foldText(claim.tags.join('\n')).folded }))
  return f
}

function foldedOf(doc: CaseDocument): FoldedText {
  let f = foldedDocs.get(doc)
  if (!f) foldedDocs.set(doc, (f = foldText(doc.text)))
  return f
}

function snippet(text: string, start: number, end: number): SearchHit {
  const from = Math.max(0, start - CONTEXT)
  const to = Math.min(text.length, end + CONTEXT)
  const flat = (s: string) => s.replace(/\s+/g, ' ')
  return {
    start,
    end,
    before: (from > 0 ? '…' : '') + flat(text.slice(from, start)).trimStart(),
    match: flat(text.slice(start, end)),
    after: flat(text.slice(end, to)).trimEnd() + (to < text.length ? '…' : '')
  }
}

export function searchCase(state: CaseState, query: Query): SearchResults {
  const empty: SearchResults = { documents: [], claims: [], sources: [], total: 0 }
  const pattern = queryPattern(query.text)
  if (!pattern) return empty
  const docs = query.documentId
    ? [state.documents.get(query.documentId)].filter((d) => d !== undefined)
    : [...state.documents.values()]
  const results = { ...empty, documents: [] as SearchResults['documents'] }
  for (const doc of docs) {
    const { hits, count } = findAll(foldedOf(doc), pattern, query.hitsPerDocument)
    if (count === 0) continue
    results.total += count
    results.documents.push({ documentId: doc.id, count, hits: hits.map((h) => snippet(doc.text, h.start, h.end)) })
  }
  const claims: Iterable<Claim> = query.documentId ? state.claimsOf(query.documentId) : state.claims.values()
  const once = new RegExp(pattern.source)
  for (const claim of claims) {
    if (results.claims.length >= query.limit) break
    const words = claimWords(claim)
    if (once.test(words.note)) results.claims.push({ claim, field: 'note' })
    else if (once.test(words.tags)) results.claims.push({ claim, field: 'tag' })
  }
  if (!query.documentId) {
    for (const s of state.sources.values()) {
      if (results.sources.length >= query.limit) break
      const alias = s.aliases.find((a) => matches(a, pattern))
      if (matches(s.name, pattern)) results.sources.push({ sourceId: s.id, field: 'name', text: s.name })
      else if (alias) results.sources.push({ sourceId: s.id, field: 'alias', text: alias })
      else if (matches(s.description, pattern))
        results.sources.push({ sourceId: s.id, field: 'description', text: s.description })
    }
  }
  return results
}
