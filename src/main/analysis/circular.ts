// Circular reporting: claims that reach the case by several routes (documents, relays) but come from
// one origin count once. "An unnamed source told Reuters" in a Reuters story and "... told Reuters" again
// in Newsweek's story citing Reuters are one source, not two confirmations.
import type { CaseDocument, Claim, Source } from '../../shared/model'
import { findSourceByName } from '../../shared/source-names'
import { contentStems } from './claim-facts'
import { extractQuantities } from './quantities'
import type { CircularGroup, ReportingRoute } from '../../shared/analysis'

export interface CircularInput {
  claims: readonly Claim[]
  documents: readonly Pick<CaseDocument, 'id' | 'title' | 'outlet'>[]
  sources: readonly Pick<Source, 'id' | 'name' | 'aliases' | 'kind'>[]
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/**
 * Groups of claims from one origin that reached the case by two or more routes (a route is a document
 * and the relays the claim came through): the claims of one topic, and the claims that pass on one
 * statement (the same figure, or much the same words) whatever their tags, so a missing or different
 * tag does not hide the same figure carried twice. A claim whose speaker is an outlet that relays or
 * publishes another claim of the group ("Reuters reported ..." beside a Reuters story quoting its
 * source) shares that claim's origin.
 */
export function findCircularReporting(input: CircularInput): CircularGroup[] {
  const names = new Map(input.sources.map((s) => [s.id, s.name]))
  const kinds = new Map(input.sources.map((s) => [s.id, s.kind]))
  const docs = new Map(input.documents.map((d) => [d.id, d]))
  const publisherOf = new Map<string, string | undefined>()
  for (const d of input.documents)
    publisherOf.set(d.id, d.outlet ? findSourceByName(input.sources as Source[], d.outlet)?.id : undefined)
  const chain = (c: Claim) => [...c.via, publisherOf.get(c.documentId)].filter((x): x is string => !!x)

  /** The claims of a group by origin: a claim's speaker, unless that speaker relays another claim of it. */
  const byOrigin = (claims: Claim[], related: (a: Claim, b: Claim) => boolean) => {
    // Who carried each claim (its relays and its publisher), looked up by carrier.
    const carried = new Map<string, Claim[]>()
    for (const o of claims)
      for (const id of new Set(chain(o))) {
        const list = carried.get(id)
        if (list) list.push(o)
        else carried.set(id, [o])
      }
    const out = new Map<string, Claim[]>()
    for (const c of claims) {
      const outlet = kinds.get(c.sourceId!) === 'outlet'
      const upstream = outlet
        ? carried.get(c.sourceId!)?.find((o) => o !== c && o.sourceId !== c.sourceId && related(o, c))
        : undefined
      const origin = upstream?.sourceId ?? c.sourceId!
      if (!out.has(origin)) out.set(origin, [])
      out.get(origin)!.push(c)
    }
    return out
  }

  const out: CircularGroup[] = []
  const report = (originId: string, members: Claim[], subject: string) => {
    const routes = routesOf(members, docs, names)
    if (routes.length < 2) return
    // A statement's group inside a topic's group already reported says nothing new.
    const ids = new Set(members.map((c) => c.id))
    if (out.some((g) => g.originId === originId && [...ids].every((id) => g.claimIds.includes(id)))) return
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

  const claims = input.claims.filter((c) => c.sourceId)
  const byTopic = new Map<string, Claim[]>()
  for (const c of claims)
    for (const tag of new Set(c.tags.map((t) => t.trim().toLowerCase()).filter(Boolean))) {
      if (!byTopic.has(tag)) byTopic.set(tag, [])
      byTopic.get(tag)!.push(c)
    }
  for (const [tag, topic] of byTopic)
    for (const [originId, members] of byOrigin(topic, () => true)) {
      const subject = members[0].tags.find((t) => t.trim().toLowerCase() === tag)!.trim()
      report(originId, members, subject)
    }

  const facts = new Map(claims.map((c) => [c.id, statementOf(c)]))
  const same = (a: Claim, b: Claim) => sameStatement(facts.get(a.id)!, facts.get(b.id)!)
  for (const [originId, group] of byOrigin(claims, same))
    for (const members of statements(group, facts)) report(originId, members, subjectOf(members))
  return out
}

interface Statement {
  stems: Set<string>
  figures: Set<string>
}

/** A claim's distinctive words, and its figures with what they count ("60,000 troops" is not 60,000 dollars). */
function statementOf(c: Claim): Statement {
  return {
    stems: contentStems(c.quote.exact),
    figures: new Set(extractQuantities(c.quote.exact).map((q) => `${q.value}|${q.unitClass}`))
  }
}

/** Most of the words of the shorter quote, and half of the longer's. */
function sameWords(a: Statement, b: Statement): boolean {
  let n = 0
  for (const w of a.stems) if (b.stems.has(w)) n++
  return (
    n / Math.max(1, Math.min(a.stems.size, b.stems.size)) >= 0.6 &&
    n / Math.max(1, Math.max(a.stems.size, b.stems.size)) >= 0.5
  )
}

/** The same figure, or much the same words. */
function sameStatement(a: Statement, b: Statement): boolean {
  for (const f of a.figures) if (b.figures.has(f)) return true
  return sameWords(a, b)
}

/**
 * One origin's claims grouped by statement. Claims giving one figure join at once; for words, each
 * claim is compared only with the claims sharing one of its two rarest words (a statement passed on
 * keeps its distinctive words), so a large case is not compared pair by pair.
 */
function statements(claims: Claim[], facts: Map<string, Statement>): Claim[][] {
  const parent = claims.map((_, i) => i)
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])))
  const union = (a: number, b: number) => void (parent[find(a)] = find(b))
  const of = (i: number) => facts.get(claims[i].id)!
  const byFigure = new Map<string, number>()
  const byStem = new Map<string, number[]>()
  claims.forEach((_, i) => {
    for (const f of of(i).figures) {
      const first = byFigure.get(f)
      if (first === undefined) byFigure.set(f, i)
      else union(i, first)
    }
    for (const w of of(i).stems) {
      const list = byStem.get(w)
      if (list) list.push(i)
      else byStem.set(w, [i])
    }
  })
  claims.forEach((_, i) => {
    const rare = [...of(i).stems].sort((a, b) => byStem.get(a)!.length - byStem.get(b)!.length).slice(0, 2)
    for (const w of rare)
      for (const j of byStem.get(w)!.slice(0, RARE_WORD_LIMIT))
        if (j < i && find(i) !== find(j) && sameWords(of(i), of(j))) union(i, j)
  })
  const groups = new Map<number, Claim[]>()
  claims.forEach((c, i) => {
    const root = find(i)
    if (!groups.has(root)) groups.set(root, [])
    groups.get(root)!.push(c)
  })
  return [...groups.values()].filter((g) => g.length > 1)
}

/** How many claims sharing a word are compared with a claim: a word more common says little. */
const RARE_WORD_LIMIT = 200

/** What the group is about: the topic its claims share, else the words of its first claim. */
function subjectOf(members: Claim[]): string {
  const tags = members.map((c) => new Set(c.tags.map((t) => t.trim().toLowerCase()).filter(Boolean)))
  const shared = members[0].tags.find((t) => tags.every((set) => set.has(t.trim().toLowerCase())))
  if (shared) return shared.trim()
  const any = members.flatMap((c) => c.tags).find((t) => t.trim())
  if (any) return any.trim()
  const quote = members[0].quote.exact.replace(/\s+/g, ' ').trim()
  return quote.length > 60 ? `${quote.slice(0, 57).trimEnd()}…` : quote
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
