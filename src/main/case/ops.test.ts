import { describe, expect, it } from 'vitest'
import { validateOps } from './ops'
import { fakeSource } from './testing/fixtures'

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
