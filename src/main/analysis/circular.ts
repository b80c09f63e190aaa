// Circular reporting: claims that reach the case by several routes (documents, relays) but come from
// one origin count once. "An unnamed source told Reuters" in a Reuters story and "... told Reuters" again
// in Newsweek's story citing Reuters are one source, not two confirmations.
import type { CaseDocument, Claim, Source } from '../../shared/model'
import { findSourceByName } from '../../shared/source-names'
import { contentStems } from './claim-facts'
import type { CircularGroup, ReportingRoute } from '../../shared/analysis'

export interface CircularInput {
  claims: readonly Claim[]
  documents: readonly Pick<CaseDocument, 'id' | 'title' | 'outlet'>[]
  sources: readonly Pick<Source, 'id' | 'name' | 'aliases' | 'kind'>[]
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/**
 * Groups of claims on one topic that share an origin and reached the case by two or more routes (a
 * route is a document and the relays the claim came through). A claim whose speaker is an outlet that
 * relays or publishes another claim on the topic ("Reuters reported ..." beside a Reuters story
 * quoting its source) shares that claim's origin. Untagged claims group when they share an
 * origin and most of their words.
 */
export function findCircularReporting(input: CircularInput): CircularGroup[] {
  const names = new Map(input.sources.map((s) => [s.id, s.name]))
  const kinds = new Map(input.sources.map((s) => [s.id, s.kind]))
  const docs = new Map(input.documents.map((d) => [d.id, d]))
  const publisherOf = new Map<string, string | undefined>()
  for (const d of input.documents)
    publisherOf.set(d.id, d.outlet ? findSourceByName(input.sources as Source[], d.outlet)?.id : undefined)

  const bySubject = new Map<string, Claim[]>()
  for (const c of input.claims) {
    if (!c.sourceId) continue
    const tags = c.tags.map((t) => t.trim()).filter(Boolean)
    for (const tag of tags.length ? tags : ['']) {
      const k = tag.toLowerCase()
      if (!bySubject.has(k)) bySubject.set(k, [])
      bySubject.get(k)!.push(c)
    }
  }

  const out: CircularGroup[] = []
  for (const [subjectKey, claims] of bySubject) {
    // The origin each claim comes from: its speaker, unless that speaker relays another claim here.
    const chain = (c: Claim) => [...c.via, publisherOf.get(c.documentId)].filter((x): x is string => !!x)
    const originOf = new Map<string, string>()
    for (const c of claims) {
      const outlet = kinds.get(c.sourceId!) === 'outlet'
      const upstream = outlet
        ? claims.find((o) => o !== c && o.sourceId !== c.sourceId && chain(o).includes(c.sourceId!))
        : undefined
      originOf.set(c.id, upstream?.sourceId ?? c.sourceId!)
    }
    const byOrigin = new Map<string, Claim[]>()
    for (const c of claims) {
      const o = originOf.get(c.id)!
      if (!byOrigin.has(o)) byOrigin.set(o, [])
      byOrigin.get(o)!.push(c)
    }
    for (const [originId, group] of byOrigin) {
      for (const members of subjectKey ? [group] : similar(group)) {
        const routes = routesOf(members, docs, names)
        if (routes.length < 2) continue
        const subject = subjectKey
          ? members[0].tags.find((t) => t.trim().toLowerCase() === subjectKey)!.trim()
          : 'untagged claims'
        const origin = names.get(originId) ?? 'one source'
        out.push({
          originId,
          subject,
          claimIds: members.map((c) => c.id),
          routes,
          warning: `${plural(members.length, 'claim')} on "${subject}" reach the case by ${routes.length} routes (${routes
            .map((r) => r.label)
            .join('; ')}) but all come from ${origin}: count them as one source, not ${routes.length} confirmations.`
        })
      }
    }
  }
  return out
}

/** Untagged claims of one origin that say much the same thing. */
function similar(claims: Claim[]): Claim[][] {
  const stems = claims.map((c) => contentStems(c.quote.exact))
  const groups: number[][] = []
  claims.forEach((_, i) => {
    const g = groups.find((members) =>
      members.some((j) => {
        const a = stems[i]
        const b = stems[j]
        let n = 0
        for (const w of a) if (b.has(w)) n++
        return n / Math.max(1, Math.min(a.size, b.size)) >= 0.5
      })
    )
    if (g) g.push(i)
    else groups.push([i])
  })
  return groups.filter((g) => g.length > 1).map((g) => g.map((i) => claims[i]))
}

function routesOf(
  claims: Claim[],
  docs: Map<string, Pick<CaseDocument, 'id' | 'title' | 'outlet'>>,
  names: Map<string, string>
): ReportingRoute[] {
  const routes = new Map<string, ReportingRoute>()
  for (const c of claims) {
    const key = `${c.documentId}|${c.via.join('>')}`
    if (!routes.has(key)) {
      const doc = docs.get(c.documentId)
      const via = c.via.map((v) => names.get(v) ?? 'an unnamed relay')
      const where = doc ? doc.outlet || `"${doc.title}"` : 'an unknown document'
      routes.set(key, {
        documentId: c.documentId,
        via: [...c.via],
        claimIds: [],
        label: `${via.length ? `via ${via.join(', ')}, ` : ''}in ${where}`
      })
    }
    routes.get(key)!.claimIds.push(c.id)
  }
  // The same relay chain in two documents of one publisher is still one route.
  const distinct = new Map<string, ReportingRoute>()
  for (const r of routes.values()) {
    const k = `${r.label}`
    if (distinct.has(k)) distinct.get(k)!.claimIds.push(...r.claimIds)
    else distinct.set(k, r)
  }
  return [...distinct.values()]
}
