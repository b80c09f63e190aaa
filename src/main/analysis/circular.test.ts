import { describe, expect, it } from 'vitest'
import type { Claim, Source } from '../../shared/model'
import { findCircularReporting } from './circular'
import { sourcesByTopic } from './topics'

const claim = (
  id: string,
  documentId: string,
  sourceId: string,
  via: string[],
  tag: string,
  quote = `claim ${id}`
): Claim => ({
  id,
  documentId,
  quote: { exact: quote, prefix: '', suffix: '' },
  position: { start: 0, end: quote.length },
  sourceId,
  via,
  tags: tag ? [tag] : [],
  note: '',
  status: 'unverified',
  credibility: '6',
  createdAt: '',
  updatedAt: ''
})
const source = (id: string, name: string, kind: Source['kind']) => ({ id, name, kind, aliases: [] as string[] })
const sources = [
  source('gs', 'Unnamed General Staff source', 'anonymous'),
  source('reu', 'Reuters', 'outlet'),
  source('nw', 'Newsweek', 'outlet'),
  source('zel', 'Zelensky', 'person')
]
const documents = [
  { id: 'wire', title: 'Reuters story', outlet: 'Reuters' },
  { id: 'mag', title: 'Newsweek story', outlet: 'Newsweek' }
]

describe('findCircularReporting', () => {
  it('counts one origin carried by two outlets once, and says so', () => {
    const claims = [
      claim('a', 'wire', 'gs', [], 'troops'),
      claim('b', 'mag', 'gs', ['reu'], 'troops'),
      claim('c', 'mag', 'zel', [], 'troops')
    ]
    const groups = findCircularReporting({ claims, documents, sources })
    expect(groups).toHaveLength(1)
    expect(groups[0]).toMatchObject({ originId: 'gs', subject: 'troops', claimIds: ['a', 'b'] })
    expect(groups[0].routes.map((r) => r.label)).toEqual(['in Reuters', 'via Reuters, in Newsweek'])
    expect(groups[0].warning).toBe(
      '2 claims on "troops" reach the case by 2 routes (in Reuters; via Reuters, in Newsweek) but all come from Unnamed General Staff source: count them as one source, not 2 confirmations.'
    )
  })

  it('treats "Reuters reported" as coming from the origin Reuters relays', () => {
    const claims = [claim('a', 'wire', 'gs', [], 'troops'), claim('b', 'mag', 'reu', [], 'troops')]
    expect(findCircularReporting({ claims, documents, sources })[0]).toMatchObject({
      originId: 'gs',
      claimIds: ['a', 'b']
    })
  })

  it('reports nothing for one route, and groups untagged claims only when they say the same thing', () => {
    expect(
      findCircularReporting({
        claims: [claim('a', 'mag', 'gs', ['reu'], 't'), claim('b', 'mag', 'gs', ['reu'], 't')],
        documents,
        sources
      })
    ).toEqual([])
    const untagged = [
      claim('a', 'wire', 'gs', [], '', 'Russia deployed 60,000 troops to Kursk'),
      claim('b', 'mag', 'gs', ['reu'], '', 'Russia has deployed 60,000 troops to Kursk'),
      claim('c', 'mag', 'gs', ['reu'], '', 'Moscow increased its counterattacks')
    ]
    expect(findCircularReporting({ claims: untagged, documents, sources }).map((g) => g.claimIds)).toEqual([['a', 'b']])
  })
})

describe('findCircularReporting, by statement', () => {
  it('finds the same figure carried twice whatever the tags, and never pairs two different statements', () => {
    const claims = [
      claim('a', 'wire', 'gs', [], 'troops', 'just under 60,000 troops are in Kursk'),
      claim('b', 'mag', 'gs', ['reu'], '', 'Russia has massed just under 60,000 troops in the region'),
      claim('c', 'wire', 'zel', [], '', "Russia's own troops are not enough"),
      claim('d', 'mag', 'zel', [], '', 'about 45,000 of Moscow’s soldiers are in the region')
    ]
    const groups = findCircularReporting({ claims, documents, sources })
    expect(groups.map((g) => [g.originId, g.claimIds, g.subject])).toEqual([['gs', ['a', 'b'], 'troops']])
  })
})

describe('sourcesByTopic', () => {
  it('lists who agrees and who conflicts on each topic, and the independent origins', () => {
    const claims = [
      claim('a', 'wire', 'gs', [], 'troops'),
      claim('b', 'mag', 'gs', ['reu'], 'troops'),
      claim('c', 'mag', 'zel', [], 'troops'),
      claim('d', 'mag', 'zel', [], 'aid')
    ]
    const [troops, aid] = sourcesByTopic({
      claims,
      documents,
      sources,
      links: [{ from: 'c', to: 'd', kind: 'corroborates' }],
      conflictSets: [
        { kind: 'conflict', status: 'proposed', claimIds: ['a', 'c'] },
        { kind: 'consistent', status: 'dismissed', claimIds: ['b', 'c'] }
      ]
    })
    expect(troops).toMatchObject({ topic: 'troops', claimCount: 3, independentOrigins: 2 })
    expect(troops.sources).toEqual([
      { sourceId: 'gs', claimIds: ['a', 'b'], agreesWith: [], conflictsWith: ['zel'] },
      { sourceId: 'zel', claimIds: ['c'], agreesWith: [], conflictsWith: ['gs'] }
    ])
    expect(troops.circular).toHaveLength(1)
    expect(aid).toMatchObject({ topic: 'aid', claimCount: 1, independentOrigins: 1 })
  })
})
