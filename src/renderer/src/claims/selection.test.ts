import { describe, expect, it } from 'vitest'
import type { ClaimPage, ClaimQuery } from '../../../shared/api'
import type { CaseStore } from '../lib/case.svelte'
import { ClaimSelection, MAX_SELECTED } from './selection.svelte'

/** A store whose claims list shows `claims` claims, each on `rowsEach` rows (as grouping by topic does). */
function storeListing(claims: number, rowsEach: number) {
  const asked: number[] = []
  const total = claims * rowsEach
  const listClaims = async ({ offset = 0, limit = 200 }: ClaimQuery): Promise<ClaimPage> => {
    asked.push(offset)
    const rows = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => offset + i)
    return {
      total,
      offset,
      groups: [],
      claims: rows.map((r) => ({ id: `c${Math.floor(r / rowsEach)}` }))
    } as unknown as ClaimPage
  }
  const store = {
    onCaseSwitch: () => {},
    revision: 0,
    removedClaimIds: new Set(),
    run: <T>(f: () => Promise<T>) => f(),
    api: { listClaims }
  }
  return { store: store as unknown as CaseStore, asked }
}

describe('ClaimSelection.addAll', () => {
  it('picks up to the limit of distinct claims when claims take several rows', async () => {
    const { store } = storeListing(MAX_SELECTED + 500, 2)
    const selection = new ClaimSelection(store)
    expect((await selection.addAll({ sort: 'topic' }))?.added).toBe(MAX_SELECTED)
    expect(selection.size).toBe(MAX_SELECTED)
  })

  it('asks no further than the list goes, and adds only claims not picked yet', async () => {
    const { store, asked } = storeListing(30, 3)
    const selection = new ClaimSelection(store)
    selection.add(['c0', 'c1'])
    expect((await selection.addAll({ sort: 'topic' }))?.added).toBe(28)
    expect(selection.size).toBe(30)
    expect(asked).toEqual([0])
  })
})

describe('ClaimSelection at its limit', () => {
  it('gives the room of picks deleted since back, so they do not hold the limit', () => {
    const { store } = storeListing(0, 1)
    const selection = new ClaimSelection(store)
    selection.add(Array.from({ length: MAX_SELECTED }, (_, i) => `c${i}`))
    expect(selection.add(['late'])).toBe(0)
    ;(store.removedClaimIds as Set<string>).add('c0')
    expect(selection.add(['late'])).toBe(1)
    expect(selection.has('c0')).toBe(false)
    expect(selection.has('late')).toBe(true)
  })
})
