import { describe, expect, it } from 'vitest'
import type { Claim, Source } from '../../../shared/model'
import { filterClaims, groupClaims, sortClaims, visibleOrder, type ClaimFilter } from './grouping'

const source = (id: string, name: string): Source => ({
  id,
  name,
  kind: 'person',
  description: '',
  reliability: 'B',
  aliases: [],
  createdAt: '',
  updatedAt: ''
})
const sources = new Map([
  ['isw', source('isw', 'ISW')],
  ['reu', source('reu', 'Reuters')],
  ['gs', source('gs', 'General Staff source')]
])
let n = 0
const claim = (over: Partial<Claim>): Claim => ({
  id: `c${++n}`,
  documentId: 'd1',
  quote: { exact: 'text', prefix: '', suffix: '' },
  position: { start: n * 10, end: n * 10 + 5 },
  sourceId: null,
  via: [],
  tags: [],
  note: '',
  status: 'unverified',
  credibility: '6',
  createdAt: '',
  updatedAt: '',
  ...over
})

const all: ClaimFilter = { documentId: null, sourceId: '', tag: '', status: '', query: '' }

describe('filterClaims', () => {
  const a = claim({
    sourceId: 'gs',
    via: ['reu'],
    tags: ['troops'],
    quote: { exact: '60,000 troops', prefix: '', suffix: '' }
  })
  const b = claim({ sourceId: 'isw', status: 'confirmed', documentId: 'd2' })
  const c = claim({ note: 'check against ISW map' })

  it('filters by source as speaker or relay', () => {
    expect(filterClaims([a, b, c], { ...all, sourceId: 'reu' }, sources)).toEqual([a])
    expect(filterClaims([a, b, c], { ...all, sourceId: 'isw' }, sources)).toEqual([b])
  })

  it('filters by tag, status and document', () => {
    expect(filterClaims([a, b, c], { ...all, tag: 'troops' }, sources)).toEqual([a])
    expect(filterClaims([a, b, c], { ...all, status: 'confirmed' }, sources)).toEqual([b])
    expect(filterClaims([a, b, c], { ...all, documentId: 'd1' }, sources)).toEqual([a, c])
  })

  it('matches free text in quote, note and source names, ignoring case', () => {
    expect(filterClaims([a, b, c], { ...all, query: 'isw' }, sources)).toEqual([b, c])
    expect(filterClaims([a, b, c], { ...all, query: 'REUTERS' }, sources)).toEqual([a])
    expect(filterClaims([a, b, c], { ...all, query: '60,000' }, sources)).toEqual([a])
  })
})

describe('groupClaims', () => {
  it('groups by source alphabetically with unattributed last', () => {
    const claims = [claim({}), claim({ sourceId: 'reu' }), claim({ sourceId: 'gs' }), claim({ sourceId: 'gs' })]
    const groups = groupClaims(claims, 'source', sources)
    expect(groups.map((g) => [g.label, g.claims.length])).toEqual([
      ['General Staff source', 2],
      ['Reuters', 1],
      ['Unattributed', 1]
    ])
  })

  it('puts a claim with two tags in both topic groups but once in the navigation order', () => {
    const x = claim({ tags: ['troops', 'territory'] })
    const y = claim({})
    const groups = groupClaims([x, y], 'topic', sources)
    expect(groups.map((g) => g.label)).toEqual(['territory', 'troops', 'Untagged'])
    expect(visibleOrder(groups)).toEqual([x.id, y.id])
  })
})

describe('sortClaims', () => {
  it('orders by document order then position', () => {
    const p = claim({ documentId: 'd2', position: { start: 1, end: 2 } })
    const q = claim({ documentId: 'd1', position: { start: 50, end: 60 } })
    const r = claim({ documentId: 'd1', position: { start: 5, end: 6 } })
    expect(sortClaims([p, q, r], ['d1', 'd2']).map((c) => c.id)).toEqual([r.id, q.id, p.id])
  })
})
