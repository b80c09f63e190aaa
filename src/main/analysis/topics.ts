// Sources by topic: for each topic tag, which sources report on it, who agrees with whom and who
// conflicts with whom (from the analyst's links and the case's conflict sets), and how many
// independent origins the topic really rests on once circular reporting counts once.
import type { CaseDocument, Claim, ClaimLink, Source } from '../../shared/model'
import { findCircularReporting } from './circular'
import type { ConflictSet, TopicSource, TopicView } from './types'

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
  // Pairs of claims that agree or conflict, from links and sets.
  const agree: [string, string][] = []
  const conflict: [string, string][] = []
  for (const l of input.links ?? []) (l.kind === 'corroborates' ? agree : conflict).push([l.from, l.to])
  for (const s of input.conflictSets ?? []) {
    if (s.status === 'dismissed') continue
    for (let i = 0; i < s.claimIds.length; i++)
      for (let j = i + 1; j < s.claimIds.length; j++)
        (s.kind === 'consistent' ? agree : conflict).push([s.claimIds[i], s.claimIds[j]])
  }
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
      const relate = (pairs: [string, string][], field: 'agreesWith' | 'conflictsWith') => {
        for (const [a, b] of pairs) {
          const sa = sourceOf.get(a)
          const sb = sourceOf.get(b)
          if (!sa || !sb || sa === sb) continue
          for (const [x, y] of [
            [sa, sb],
            [sb, sa]
          ]) {
            const row = rows.get(x)!
            if (!row[field].includes(y)) row[field].push(y)
          }
        }
      }
      relate(agree, 'agreesWith')
      relate(conflict, 'conflictsWith')
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
