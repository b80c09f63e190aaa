import { describe, expect, it } from 'vitest'
import { someOf } from './lists'

describe('someOf', () => {
  it('names all of a few, or the first few and how many more', () => {
    expect(someOf(['a', 'b'])).toBe('a, b')
    expect(someOf(['a', 'b', 'c', 'd'], 2)).toBe('a, b and 2 more')
    expect(someOf([1, 2, 3], 2)).toBe('1, 2 and 1 more')
  })
})
