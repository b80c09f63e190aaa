// What a case's items name that the case does not hold: a claim in a document that is gone, a conflict
// set or briefing citing a deleted claim, rejections for a missing document. The rules never leave
// such references (they remove or rewrite them with what they name), so these come from a hand-edited
// or damaged file. Opening says so, naming each one; nothing is mended behind the analyst's back.
import { MAX_BROKEN_REFERENCES } from '../../shared/open-notices'
import type { CaseState } from './case-state'

/** One line per reference that points at nothing, at most `max` (then a line saying how many more). */
export function danglingReferences(state: CaseState, max = MAX_BROKEN_REFERENCES): string[] {
  const found: string[] = []
  let more = 0
  const say = (line: string) => (found.length < max ? found.push(line) : more++)
  const missing = (what: string, ids: readonly string[], has: (id: string) => boolean) => {
    const gone = ids.filter((id) => !has(id))
    return gone.length ? `${what} ${gone.join(', ')}, which the case does not have` : null
  }
  const claim = (id: string) => state.claims.has(id)
  for (const c of state.claims.values()) {
    const doc = state.documents.get(c.documentId)
    if (!doc)
      say(
        `claim ${c.id} (“${c.quote.exact.slice(0, 40)}”) is in document ${c.documentId}, which the case does not have`
      )
    else if (c.position.end > doc.text.length)
      say(
        `claim ${c.id} spans ${c.position.start}–${c.position.end}, past the end of “${doc.title}” (${doc.text.length} characters)`
      )
    const source =
      c.sourceId === null ? null : missing('is attributed to source', [c.sourceId], (id) => state.sources.has(id))
    if (source) say(`claim ${c.id} ${source}`)
    const via = missing('is relayed via source', c.via, (id) => state.sources.has(id))
    if (via) say(`claim ${c.id} ${via}`)
  }
  for (const l of state.links.values()) {
    const ends = missing('links claim', [l.from, l.to], claim)
    if (ends) say(`link ${l.id} ${ends}`)
  }
  for (const b of state.briefings.values()) {
    const cited = missing('cites claim', [...b.claimIds, ...b.judgments.flatMap((j) => j.claimIds)], claim)
    if (cited) say(`briefing “${b.title}” ${cited}`)
  }
  for (const s of state.conflictSets.values()) {
    const held = missing('holds claim', s.claimIds, claim)
    if (held) say(`conflict set “${s.subject || s.id}” ${held}`)
  }
  for (const r of state.rejections.values())
    if (!state.documents.has(r.id))
      say(`rejected suggestions are kept for document ${r.id}, which the case does not have`)
  if (more) found.push(`and ${more} more`)
  return found
}
