import { describe, expect, it } from 'vitest'
import { moveGroup, moveInGroup, place, unique } from './order'

describe('place', () => {
  it('moves an id before or after another', () => {
    expect(place(['a', 'b', 'c', 'd'], 'd', 'b', false)).toEqual(['a', 'd', 'b', 'c'])
    expect(place(['a', 'b', 'c', 'd'], 'a', 'c', true)).toEqual(['b', 'c', 'a', 'd'])
  })

  it('leaves the list as it was for unknown ids or a drop on itself', () => {
    expect(place(['a', 'b'], 'x', 'a', false)).toEqual(['a', 'b'])
    expect(place(['a', 'b'], 'a', 'x', false)).toEqual(['a', 'b'])
    expect(place(['a', 'b'], 'b', 'b', true)).toEqual(['a', 'b'])
  })
})

describe('moveInGroup', () => {
  // Source groups interleaved in the flat list: s1 = a, c, e; s2 = b, d.
  const order = ['a', 'b', 'c', 'd', 'e']
  const s1 = ['a', 'c', 'e']

  it('passes the neighbour the analyst sees, skipping other groups', () => {
    expect(moveInGroup(order, s1, 'e', -1)).toEqual(['a', 'b', 'e', 'c', 'd'])
    expect(moveInGroup(order, s1, 'a', 1)).toEqual(['b', 'c', 'a', 'd', 'e'])
  })

  it('is null at either end of the group', () => {
    expect(moveInGroup(order, s1, 'a', -1)).toBeNull()
    expect(moveInGroup(order, s1, 'e', 1)).toBeNull()
    expect(moveInGroup(order, s1, 'b', 1)).toBeNull()
  })
})

describe('moveGroup', () => {
  const order = ['a', 'b', 'c', 'd', 'e']
  const groups = [['a', 'c'], ['b', 'e'], ['d']]

  it('moves a group before the previous one, keeping its claims in order', () => {
    expect(moveGroup(order, groups, 1, -1)).toEqual(['b', 'e', 'a', 'c', 'd'])
    expect(moveGroup(order, groups, 2, -1)).toEqual(['a', 'd', 'b', 'c', 'e'])
  })

  it('moves a group after the next one', () => {
    // Moving group 0 down is moving group 1 up.
    expect(moveGroup(order, groups, 0, 1)).toEqual(['b', 'e', 'a', 'c', 'd'])
  })

  it('is null at either end', () => {
    expect(moveGroup(order, groups, 0, -1)).toBeNull()
    expect(moveGroup(order, groups, 2, 1)).toBeNull()
  })

  it('handles topic groups that share claims', () => {
    // a is tagged x and y; b only y: groups x = [a, c], y = [a, b].
    const result = moveGroup(
      ['a', 'b', 'c'],
      [
        ['a', 'c'],
        ['a', 'b']
      ],
      1,
      -1
    )
    expect(result).toEqual(['a', 'b', 'c'])
    // y can only be first if a claim of y comes before every claim of x that is not also in y.
    expect(
      moveGroup(
        ['c', 'a', 'b'],
        [
          ['c', 'a'],
          ['a', 'b']
        ],
        1,
        -1
      )
    ).toEqual(['a', 'b', 'c'])
  })
})

describe('unique', () => {
  it('keeps the first occurrence', () => {
    expect(unique(['a', 'b', 'a', 'c', 'b'])).toEqual(['a', 'b', 'c'])
  })
})
