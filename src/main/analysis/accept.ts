// What accepting suggestions does to a case, as a plan the service applies in one batch: the sources to
// create (one per speaker of the document, not one per mention: "Kyiv's top soldier, General Oleksandr
// Syrskyi" and a later "Syrskyi" become one source with both as aliases) and the claims to create.
import type { ClaimStatus, Credibility, Source, SourceKind } from '../../shared/model'
import { findSourceByName, normName } from '../../shared/source-names'
import type { Suggestion } from '../../shared/analysis'
import { aliasOf } from './speakers'

export interface PlannedSource {
  /** How the planned claims refer to this source before it exists. */
  key: string
  name: string
  kind: SourceKind
  aliases: string[]
}

/** An existing source by id, or a planned one by key. */
export type SourceRef = { id: string } | { planned: string }

export interface PlannedClaim {
  suggestionId: string
  start: number
  end: number
  /** null: the publisher's own voice with no publisher known; the analyst attributes it. */
  source: SourceRef | null
  via: SourceRef[]
  status: ClaimStatus
  credibility: Credibility
  /** The publisher's caveats, which the grading follows ("Publisher's caveat: could not independently verify"). */
  note: string
}

export interface AcceptancePlan {
  sources: PlannedSource[]
  claims: PlannedClaim[]
}

/**
 * The plan for accepting `suggestions` (all of a document's, or those the analyst picked, e.g. every
 * suggestion of one speaker entity). A speaker or relay that names an existing source links to it; one
 * that does not becomes one planned source, with every way the document wrote it as an alias.
 */
export function planAcceptance(suggestions: readonly Suggestion[], sources: readonly Source[]): AcceptancePlan {
  const planned = new Map<string, PlannedSource>()
  const refFor = (
    key: string,
    name: string,
    kind: SourceKind,
    aliases: string[],
    sourceId: string | null
  ): SourceRef => {
    if (sourceId) return { id: sourceId }
    const existing = findSourceByName(sources, name)
    if (existing) return { id: existing.id }
    const p = planned.get(key) ?? { key, name, kind, aliases: [] }
    for (const a of aliases)
      if (normName(a) !== normName(p.name) && !p.aliases.some((x) => normName(x) === normName(a))) p.aliases.push(a)
    planned.set(key, p)
    return { planned: key }
  }
  const claims = suggestions.map((s): PlannedClaim => {
    const sp = s.speaker
    const alias = sp.mention && sp.resolution === 'named' ? aliasOf(sp.mention.text, sp.name, sp.kind) : null
    const mentions = alias ? [alias] : []
    const source = sp.name
      ? refFor(`speaker:${sp.entity}`, sp.name, sp.kind, [...sp.aliases, ...mentions], sp.sourceId)
      : null
    const via = s.via.map((r) =>
      refFor(
        `relay:${normName(r.name)}`,
        r.name,
        r.kind,
        [aliasOf(r.mention.text, r.name, r.kind) ?? r.name],
        r.sourceId
      )
    )
    const caveats = s.caveats.map((c) => c.text)
    return {
      suggestionId: s.id,
      start: s.claim.start,
      end: s.claim.end,
      source,
      via,
      status: s.grading.status ?? 'unverified',
      credibility: s.grading.credibility ?? '6',
      // The note is the analyst's: only what explains the suggested grading goes in it.
      note: caveats.length ? `Publisher's caveat: ${caveats.join('; ')}` : ''
    }
  })
  return { sources: [...planned.values()], claims }
}
