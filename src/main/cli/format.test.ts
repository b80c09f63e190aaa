import { describe, expect, it } from 'vitest'
import type { ConflictSetProposal } from '../../shared/analysis'
import type { ConflictSet } from '../../shared/model'
import { conflictRefs } from './format'

const sets = (...ids: string[]) => ids.map((id) => ({ id }) as ConflictSet)

describe('conflictRefs', () => {
  it('lengthens only the names two sets would share: a new set never renames the others', () => {
    // "set-80" and "set-440" hash to the same first four characters (64fa).
    const before = conflictRefs(sets('set-1', 'set-80'), []).sets
    const after = conflictRefs(sets('set-1', 'set-80', 'set-440'), []).sets
    expect(before.map((n) => n.length)).toEqual([5, 5])
    expect(after[0]).toBe(before[0])
    expect(after[1]).not.toBe(after[2])
    expect(after[1].startsWith(before[1])).toBe(true)
    expect(after[2].startsWith(before[1])).toBe(true)
  })

  it('gives thousands of proposals names all their own, most of them short', () => {
    const keys = Array.from({ length: 3000 }, (_, i) => `conflict:figures:claim-${i}`)
    const names = conflictRefs(
      [],
      keys.map((key) => ({ key }) as ConflictSetProposal)
    ).proposals
    expect(new Set(names).size).toBe(3000)
    expect(names.every((n) => /^p[0-9a-f]{4,8}$/.test(n))).toBe(true)
    expect(names.filter((n) => n.length === 5).length).toBeGreaterThan(2000)
  })
})
