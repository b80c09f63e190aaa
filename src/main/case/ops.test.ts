import { describe, expect, it } from 'vitest'
import { applyOps, validateOps } from './ops'
import { emptyCase } from './empty-case'
import { fakeClaim, fakeSource } from './testing/fixtures'

describe('applyOps', () => {
  it('puts (insert or replace by id), removes, sets the title and updatedAt', () => {
    const data = emptyCase('x')
    const a = fakeSource('A')
    const b = fakeSource('B')
    applyOps(
      data,
      validateOps([
        { op: 'put', collection: 'sources', item: a },
        { op: 'put', collection: 'sources', item: b }
      ]),
      't1'
    )
    applyOps(
      data,
      [
        { op: 'put', collection: 'sources', item: { ...a, name: 'A2' } },
        { op: 'meta', title: 'T' }
      ],
      't2'
    )
    expect(data.sources.map((s) => s.name)).toEqual(['A2', 'B'])
    expect(data.title).toBe('T')
    expect(data.updatedAt).toBe('t2')
    applyOps(
      data,
      [
        { op: 'remove', collection: 'sources', id: a.id },
        { op: 'remove', collection: 'sources', id: 'gone' }
      ],
      't3'
    )
    expect(data.sources).toEqual([b])
  })

  it('gives the same case when an entry is applied twice (journal replay after a checkpoint)', () => {
    const claim = fakeClaim('d', null)
    const ops = validateOps([
      { op: 'put', collection: 'claims', item: claim },
      { op: 'put', collection: 'claims', item: { ...claim, note: 'n' } },
      { op: 'remove', collection: 'claims', id: 'other' }
    ])
    const once = emptyCase('x')
    applyOps(once, ops, 't')
    const twice = structuredClone(once)
    applyOps(twice, ops, 't')
    expect(twice).toEqual(once)
  })
})

describe('validateOps', () => {
  it('refuses malformed ops with the change number', () => {
    expect(() => validateOps('x')).toThrow('changes must be a list')
    expect(() => validateOps([null])).toThrow('change 1: not an object')
    expect(() => validateOps([{ op: 'meta', title: 'ok' }, { op: 'drop' }])).toThrow('change 2: unknown op "drop"')
    expect(() => validateOps([{ op: 'remove', collection: 'claims' }])).toThrow('change 1: remove needs an id')
    expect(() =>
      validateOps([{ op: 'put', collection: 'sources', item: { ...fakeSource('A'), reliability: 'Z' } }])
    ).toThrow(/change 1: sources item: reliability: /)
  })

  it('drops keys the schema does not know', () => {
    const [op] = validateOps([{ op: 'put', collection: 'sources', item: { ...fakeSource('A'), extra: 1 } }])
    expect(op.op === 'put' && 'extra' in op.item).toBe(false)
  })
})
