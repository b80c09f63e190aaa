import { describe, expect, it } from 'vitest'
import type { Claim } from './model'
import type { Suggestion } from './analysis'
import { DocClaimIndex, unmarked } from './doc-claims'

function claim(id: string, start: number, end: number): Claim {
  return {
    id,
    documentId: 'd',
    quote: { exact: '', prefix: '', suffix: '' },
    position: { start, end },
    sourceId: null,
    via: [],
    tags: [],
    note: '',
    status: 'unverified',
    credibility: '6',
    createdAt: '',
    updatedAt: ''
  }
}

const ids = (claims: readonly Claim[]) => claims.map((c) => c.id)

describe('DocClaimIndex', () => {
  it('keeps claims in text order through puts, moves and removals', () => {
    const index = new DocClaimIndex()
    index.reset([claim('b', 20, 30), claim('a', 5, 9), claim('c', 20, 25)])
    expect(ids(index.sorted)).toEqual(['a', 'c', 'b'])
    index.put(claim('d', 10, 12))
    expect(ids(index.sorted)).toEqual(['a', 'd', 'c', 'b'])
    const old = index.put(claim('a', 40, 41))
    expect(old?.position.start).toBe(5)
    expect(ids(index.sorted)).toEqual(['d', 'c', 'b', 'a'])
    expect(index.remove('c')?.id).toBe('c')
    expect(index.remove('missing')).toBeUndefined()
    expect(ids(index.sorted)).toEqual(['d', 'b', 'a'])
    expect(index.get('b')?.position.end).toBe(30)
    // An edit in place keeps the order and is found by id.
    const recoloured = { ...claim('b', 20, 30), sourceId: 's' }
    index.put(recoloured)
    expect(ids(index.sorted)).toEqual(['d', 'b', 'a'])
    expect(index.sorted[1]).toBe(recoloured)
    expect(index.get('b')).toBe(recoloured)
    expect(index.size).toBe(3)
  })

  it('finds the claims overlapping a window, long ones included', () => {
    const index = new DocClaimIndex()
    index.reset([claim('x', 0, 10), claim('y', 10, 20), claim('long', 0, 100_000), claim('far', 50_000, 50_010)])
    expect(ids(index.overlapping(10, 11))).toEqual(['long', 'y'])
    expect(ids(index.overlapping(9, 10))).toEqual(['x', 'long'])
    expect(ids(index.overlapping(49_000, 60_000))).toEqual(['long', 'far'])
    expect(ids(index.overlapping(200_000, 300_000))).toEqual([])
    expect([index.overlaps(10, 11), index.overlaps(20, 21), index.overlaps(200_000, 300_000)]).toEqual([
      true,
      true,
      false
    ])
    index.remove('long')
    expect([index.overlaps(20, 21), index.overlaps(50_010, 50_020), index.overlaps(49_990, 50_001)]).toEqual([
      false,
      false,
      true
    ])
  })

  it('lists the claims covering a character innermost first', () => {
    const index = new DocClaimIndex()
    index.reset([claim('outer', 0, 50), claim('inner', 10, 15), claim('mid', 5, 30)])
    expect(ids(index.covering(12))).toEqual(['inner', 'mid', 'outer'])
    expect(ids(index.covering(15))).toEqual(['mid', 'outer'])
    expect(ids(index.covering(50))).toEqual([])
  })

  it('answers a window query over 50,000 claims without visiting them all', () => {
    const index = new DocClaimIndex()
    index.reset(Array.from({ length: 50_000 }, (_, i) => claim(`c${i}`, i * 100, i * 100 + 60)))
    expect(ids(index.overlapping(250_030, 250_130))).toEqual(['c2500', 'c2501'])
    index.put(claim('c2500', 250_000, 250_010))
    expect(ids(index.overlapping(250_030, 250_130))).toEqual(['c2501'])
  })
})

describe('unmarked', () => {
  const s = (start: number, end: number) => ({ id: `${start}`, claim: { start, end, text: '' } }) as Suggestion
  const c = (start: number, end: number) => ({ id: `c${start}-${end}`, position: { start, end } }) as Claim
  const index = (...claims: Claim[]) => {
    const i = new DocClaimIndex()
    i.reset(claims)
    return i
  }
  it('keeps suggestions no claim overlaps, touching ends included', () => {
    const kept = unmarked([s(0, 10), s(10, 20), s(30, 40), s(50, 60)], index(c(20, 31), c(5, 8), c(0, 100 - 45)))
    expect(kept.map((x) => x.id)).toEqual([])
    expect(unmarked([s(0, 10), s(10, 20), s(30, 40)], index(c(20, 30))).map((x) => x.id)).toEqual(['0', '10', '30'])
    expect(unmarked([s(0, 10), s(40, 50)], index(c(2, 45))).map((x) => x.id)).toEqual([])
    expect(unmarked([s(3000, 3010), s(9000, 9010)], index(c(0, 5000))).map((x) => x.id)).toEqual(['9000'])
  })
})
