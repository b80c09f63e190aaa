import { describe, expect, it } from 'vitest'
import { CaseState } from './case-state'
import { emptyCase } from './empty-case'
import { validateOps } from './ops'
import { fakeClaim, fakeSource } from './testing/fixtures'

describe('CaseState', () => {
  it('puts (insert or replace by id), removes, sets the title and updatedAt', () => {
    const state = new CaseState(emptyCase('x'))
    const a = fakeSource('A')
    const b = fakeSource('B')
    state.apply(
      validateOps([
        { op: 'put', collection: 'sources', item: a },
        { op: 'put', collection: 'sources', item: b }
      ]),
      't1'
    )
    state.apply(
      [
        { op: 'put', collection: 'sources', item: { ...a, name: 'A2' } },
        { op: 'meta', title: 'T' }
      ],
      't2'
    )
    expect(state.toData().sources.map((s) => s.name)).toEqual(['A2', 'B'])
    expect(state.title).toBe('T')
    expect(state.updatedAt).toBe('t2')
    state.apply(
      [
        { op: 'remove', collection: 'sources', id: a.id },
        { op: 'remove', collection: 'sources', id: 'gone' }
      ],
      't3'
    )
    expect(state.toData().sources).toEqual([b])
  })

  it('gives the same case when an entry is applied twice (journal replay after a checkpoint)', () => {
    const claim = fakeClaim('d', null)
    const ops = validateOps([
      { op: 'put', collection: 'claims', item: claim },
      { op: 'put', collection: 'claims', item: { ...claim, note: 'n' } },
      { op: 'remove', collection: 'claims', id: 'other' }
    ])
    const once = new CaseState(emptyCase('x'))
    once.apply(ops, 't')
    const twice = new CaseState(once.toData())
    twice.apply(ops, 't')
    expect(twice.toData()).toEqual(once.toData())
    expect(twice.claimCountOf('d')).toBe(1)
  })

  it('keeps its indexes right through puts, moves and removes', () => {
    const s1 = fakeSource('S1')
    const s2 = fakeSource('S2')
    const c1 = { ...fakeClaim('d1', s1.id), via: [s2.id], tags: ['troops'], position: { start: 50, end: 60 } }
    const c2 = { ...fakeClaim('d1', s2.id), tags: ['troops', 'losses'], position: { start: 10, end: 20 } }
    const state = new CaseState({ ...emptyCase('x'), sources: [s1, s2], claims: [c1, c2] })
    expect(state.claimsOf('d1').map((c) => c.id)).toEqual([c2.id, c1.id])
    expect(state.usesOf(s2.id)).toEqual({ speaker: 1, relay: 1 })
    expect([...state.tagCounts()]).toEqual([
      ['troops', 2],
      ['losses', 1]
    ])
    const link = { id: 'l1', from: c1.id, to: c2.id, kind: 'contradicts' as const, note: '', createdAt: 't' }
    state.apply(
      [
        { op: 'put', collection: 'claims', item: { ...c1, documentId: 'd2', via: [], tags: [] } },
        { op: 'put', collection: 'links', item: link }
      ],
      't'
    )
    expect(state.claimsOf('d1').map((c) => c.id)).toEqual([c2.id])
    expect(state.claimCountOf('d2')).toBe(1)
    expect(state.usesOf(s2.id)).toEqual({ speaker: 1, relay: 0 })
    expect(state.tagCounts().get('troops')).toBe(1)
    expect(state.linksOf(c2.id)).toEqual([link])
    state.apply(
      [
        { op: 'remove', collection: 'claims', id: c2.id },
        { op: 'remove', collection: 'links', id: 'l1' }
      ],
      't'
    )
    expect(state.claimCountOf('d1')).toBe(0)
    expect(state.usesOf(s2.id)).toEqual({ speaker: 0, relay: 0 })
    expect(state.linksOf(c1.id)).toEqual([])
    expect([...state.tagCounts()]).toEqual([])
  })
})
