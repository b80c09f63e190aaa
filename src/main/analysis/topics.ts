// Sources by topic: for each topic tag, which sources report on it, who agrees with whom and who
// conflicts with whom (from the analyst's links and the case's conflict sets), and how many
// independent origins the topic really rests on once circular reporting counts once.
import type { CaseDocument, Claim, ClaimLink, Source } from '../../shared/model'
import { findCircularReporting } from './circular'
import type { ConflictSet, TopicSource, TopicView } from '../../shared/analysis'

export interface TopicInput {
  claims: readonly Claim[]
  sources: readonly Pick<Source, 'id' | 'name' | 'aliases' | 'kind'>[]
  documents: readonly Pick<CaseDocument, 'id' | 'title' | 'outlet'>[]
  links?: readonly Pick<ClaimLink, 'from' | 'to' | 'kind'>[]
  /** Dismissed sets are ignored; proposed and confirmed ones count. */
  conflictSets?: readonly Pick<ConflictSet, 'claimIds' | 'kind' | 'status'>[]
}

export function sourcesByTopic(input: TopicInput): TopicView[] {
  const byTopic = new Map<string, { topic: string; claims: Claim[] }>()
  for (const c of input.claims)
    for (const raw of c.tags) {
      const topic = raw.trim()
      if (!topic) continue
      const k = topic.toLowerCase()
      if (!byTopic.has(k)) byTopic.set(k, { topic, claims: [] })
      byTopic.get(k)!.claims.push(c)
    }
  // Links relate two claims; a set relates all of its claims. Both are looked up from each claim.
  const linksOf = new Map<string, { other: string; agree: boolean }[]>()
  for (const l of input.links ?? [])
    for (const [x, y] of [
      [l.from, l.to],
      [l.to, l.from]
    ]) {
      if (!linksOf.has(x)) linksOf.set(x, [])
      linksOf.get(x)!.push({ other: y, agree: l.kind === 'corroborates' })
    }
  const sets = (input.conflictSets ?? []).filter((s) => s.status !== 'dismissed')
  const setsOf = new Map<string, number[]>()
  sets.forEach((s, i) => {
    for (const id of s.claimIds) {
      if (!setsOf.has(id)) setsOf.set(id, [])
      setsOf.get(id)!.push(i)
    }
  })
  const circular = findCircularReporting({ claims: input.claims, documents: input.documents, sources: input.sources })

  return [...byTopic.values()]
    .map(({ topic, claims }) => {
      const sourceOf = new Map(claims.map((c) => [c.id, c.sourceId]))
      const rows = new Map<string, TopicSource>()
      for (const c of claims) {
        if (!c.sourceId) continue
        if (!rows.has(c.sourceId))
          rows.set(c.sourceId, { sourceId: c.sourceId, claimIds: [], agreesWith: [], conflictsWith: [] })
        rows.get(c.sourceId)!.claimIds.push(c.id)
      }
      const mark = (a: string, b: string, agree: boolean) => {
        if (a === b) return
        const list = rows.get(a)![agree ? 'agreesWith' : 'conflictsWith']
        if (!list.includes(b)) list.push(b)
      }
      const touched = new Set<number>()
      for (const c of claims) {
        if (!c.sourceId) continue
        for (const { other, agree } of linksOf.get(c.id) ?? []) {
          const theirs = sourceOf.get(other)
          if (theirs) mark(c.sourceId, theirs, agree)
        }
        for (const i of setsOf.get(c.id) ?? []) touched.add(i)
      }
      for (const i of touched) {
        const inTopic = [...new Set(sets[i].claimIds.map((id) => sourceOf.get(id)).filter((s): s is string => !!s))]
        for (const a of inTopic) for (const b of inTopic) mark(a, b, sets[i].kind === 'consistent')
      }
      const groups = circular.filter((g) => g.subject.toLowerCase() === topic.toLowerCase())
      // Origins: every speaker, with each circular group's claims counted as their one origin.
      const origin = new Map<string, string>()
      for (const c of claims) if (c.sourceId) origin.set(c.id, c.sourceId)
      for (const g of groups) for (const id of g.claimIds) origin.set(id, g.originId)
      return {
        topic,
        sources: [...rows.values()],
        claimCount: claims.length,
        independentOrigins: new Set(origin.values()).size,
        circular: groups
      }
    })
    .sort((a, b) => b.claimCount - a.claimCount || a.topic.localeCompare(b.topic))
}
