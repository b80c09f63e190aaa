// listClaims: the case's claims filtered, sorted or grouped, a page at a time. The sorted rows of a
// scope are kept until the case changes, so typing in a filter only scans them.
import type { ClaimGroup, ClaimPage, ClaimSort, claimQuery } from '../../shared/api'
import type { Claim, Id } from '../../shared/model'
import type { z } from 'zod'
import type { CaseState } from '../case/case-state'

type Query = z.output<typeof claimQuery>

interface Row {
  claim: Claim
  /** The group key: source id, tag or document id ("" for none); "" when not grouped. */
  group: string
  /** The claim's searchable words, looked up once a filter needs them. */
  words?: string
}

/** A claim's own words in lower case, made once per version of the claim (claims are immutable). */
const searchable = new WeakMap<Claim, string>()
function wordsOf(claim: Claim): string {
  let text = searchable.get(claim)
  if (text === undefined) {
    text = [claim.quote.exact, claim.note, ...claim.tags].join('\n').toLowerCase()
    searchable.set(claim, text)
  }
  return text
}

/** The rows that pass, with the count of each group (only when grouped) and the groups in order. */
interface Answer {
  kept: Row[]
  counts: Map<string, number>
  groups: Id[]
}

function answer({ rows, groups }: { rows: Row[]; groups: Id[] }, query: Query, matches: (r: Row) => boolean): Answer {
  const kept = rows.filter(matches)
  const counts = new Map<string, number>()
  if (query.sort === 'source' || query.sort === 'topic' || query.sort === 'document') {
    for (const r of kept) counts.set(r.group, (counts.get(r.group) ?? 0) + 1)
  }
  return { kept, counts, groups }
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

export class ClaimQueries {
  private cache: { key: string; rows: Row[]; groups: Id[] } | null = null
  /** The last filtered answer: the next page of it, or a narrower filter (typing on), starts from it. */
  private filtered: ({ scope: string; words: string[] } & Answer) | null = null

  list(state: CaseState, revision: number, query: Query): ClaimPage {
    const words = (query.text ?? '').toLowerCase().split(/\s+/).filter(Boolean)
    const { kept, counts, groups } = query.orphansOf
      ? answer(orphanRows(state, query.orphansOf), query, this.matcher(state, query, words))
      : this.filter(state, revision, query, words)
    const page = kept.slice(query.offset, query.offset + query.limit)
    return {
      total: kept.length,
      offset: query.offset,
      claims: page.map((r) => r.claim),
      groups: groups.filter((g) => counts.has(g)).map((key): ClaimGroup => ({ key, count: counts.get(key)! }))
    }
  }

  /**
   * The cached rows that pass the query. Every claim that holds "harbour" holds "har", so when each
   * word of the last filter is part of a word of this one (on the same rows and the same other
   * filters) only the last answer is scanned.
   */
  private filter(state: CaseState, revision: number, query: Query, words: string[]): Answer {
    const { key, rows, groups } = this.rows(state, revision, query.documentId, query.sort)
    const scope = JSON.stringify([key, query.sourceId, query.tag, query.status])
    const last = this.filtered?.scope === scope ? this.filtered : null
    if (last && last.words.join(' ') === words.join(' ')) return last
    const narrower = last !== null && last.words.every((w) => words.some((n) => n.includes(w)))
    const found = answer({ rows: narrower ? last.kept : rows, groups }, query, this.matcher(state, query, words))
    this.filtered = { scope, words, ...found }
    return found
  }

  private matcher(state: CaseState, query: Query, words: string[]): (r: Row) => boolean {
    // For each word, the sources whose name or an alias holds it: a claim matches by its speaker or relays.
    const named = words.map((w) => {
      const ids = new Set<Id>()
      for (const s of state.sources.values())
        if ([s.name, ...s.aliases].some((n) => n.toLowerCase().includes(w))) ids.add(s.id)
      return ids
    })
    return (row) => {
      const c = row.claim
      if (
        query.sourceId === 'none'
          ? c.sourceId !== null
          : query.sourceId && c.sourceId !== query.sourceId && !c.via.includes(query.sourceId)
      )
        return false
      if (query.tag && !c.tags.includes(query.tag)) return false
      if (query.status && c.status !== query.status) return false
      if (words.length === 0) return true
      const own = (row.words ??= wordsOf(c))
      return words.every(
        (w, i) =>
          own.includes(w) || (c.sourceId !== null && named[i].has(c.sourceId)) || c.via.some((id) => named[i].has(id))
      )
    }
  }

  /** Every claim in scope as rows in display order (a claim with two topics is two rows), cached. */
  private rows(state: CaseState, revision: number, documentId: Id | undefined, sort: ClaimSort) {
    const key = `${revision}|${documentId ?? ''}|${sort}`
    if (this.cache?.key === key) return this.cache
    const docRank = new Map([...state.documents.keys()].map((id, i) => [id, i]))
    const inScope = documentId ? [...state.claimsOf(documentId)] : [...state.claims.values()]
    const byPlace = (a: Claim, b: Claim) =>
      (docRank.get(a.documentId) ?? 0) - (docRank.get(b.documentId) ?? 0) ||
      a.position.start - b.position.start ||
      a.position.end - b.position.end
    const byUpdate = (a: Claim, b: Claim) => b.updatedAt.localeCompare(a.updatedAt)
    inScope.sort(sort === 'updated' ? byUpdate : byPlace)

    let rows: Row[]
    let groups: Id[] = []
    if (sort === 'source') {
      rows = inScope.map((claim) => ({ claim, group: claim.sourceId ?? '' }))
      const name = (id: Id) => state.sources.get(id)?.name ?? ''
      groups = orderGroups(rows, (a, b) => collator.compare(name(a), name(b)))
    } else if (sort === 'topic') {
      rows = inScope.flatMap((claim) =>
        claim.tags.length ? claim.tags.map((group) => ({ claim, group })) : [{ claim, group: '' }]
      )
      groups = orderGroups(rows, collator.compare)
    } else if (sort === 'document') {
      rows = inScope.map((claim) => ({ claim, group: claim.documentId }))
      groups = orderGroups(rows, (a, b) => (docRank.get(a) ?? 0) - (docRank.get(b) ?? 0))
    } else {
      rows = inScope.map((claim) => ({ claim, group: '' }))
    }
    if (groups.length) {
      const rank = new Map(groups.map((g, i) => [g, i]))
      rows.sort((a, b) => rank.get(a.group)! - rank.get(b.group)!) // stable: keeps text order within a group
    }
    this.cache = { key, rows, groups }
    return this.cache
  }
}

/** Claims orphaned on their way onto a document, in the order of their own text; one scan, no cache. */
function orphanRows(state: CaseState, documentId: Id): { rows: Row[]; groups: Id[] } {
  const orphans: Claim[] = []
  for (const c of state.claims.values()) {
    if (c.anchor?.state === 'orphaned' && c.anchor.toDocumentId === documentId) orphans.push(c)
  }
  orphans.sort((a, b) => a.position.start - b.position.start || a.position.end - b.position.end)
  return { rows: orphans.map((claim) => ({ claim, group: '' })), groups: [] }
}

/** The groups present, named ones in order and the "none" group ("") last. */
function orderGroups(rows: Row[], compare: (a: string, b: string) => number): string[] {
  const keys = [...new Set(rows.map((r) => r.group))]
  const named = keys.filter((k) => k !== '').sort(compare)
  return keys.includes('') ? [...named, ''] : named
}
