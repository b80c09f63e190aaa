import { describe, expect, it } from 'vitest'
import { editDistance, similarity } from './similarity'

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3)
    expect(editDistance('', 'abc')).toBe(3)
    expect(editDistance('abc', '')).toBe(3)
    expect(editDistance('the ships', 'the ships')).toBe(0)
    expect(editDistance('recieved', 'received')).toBe(2)
    expect(editDistance('40 ships were held', '40 vessels were held')).toBe(5)
  })

  it('is symmetric', () => {
    expect(editDistance('flaw', 'lawn')).toBe(editDistance('lawn', 'flaw'))
  })
})

describe('similarity', () => {
  it('is 1 for equal strings (empty included) and falls with each edit', () => {
    expect(similarity('', '')).toBe(1)
    expect(similarity('abcd', 'abcd')).toBe(1)
    expect(similarity('abcd', 'abce')).toBe(0.75)
    expect(similarity('abcd', 'wxyz')).toBe(0)
    expect(similarity('abcd', '')).toBe(0)
  })
})
