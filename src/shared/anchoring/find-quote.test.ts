import { describe, expect, it } from 'vitest'
import { findQuote } from './find-quote'

const text = 'The minister said "at least 40 ships" were held. A spokesman said fewer than 25 ships were held.'

describe('findQuote', () => {
  it('finds every exact occurrence', () => {
    const m = findQuote(text, 'were held')
    expect(m.folded).toBe(false)
    expect(m.ranges).toHaveLength(2)
    expect(text.slice(m.ranges[1].start, m.ranges[1].end)).toBe('were held')
  })

  it('matches a typed quote against curly quotes and folded white space', () => {
    const curly = 'He said \u201Cengaged in\n  combat soon.\u201D Later.'
    const m = findQuote(curly, '"engaged in combat soon."')
    expect(m.folded).toBe(true)
    expect(m.ranges).toHaveLength(1)
    expect(curly.slice(m.ranges[0].start, m.ranges[0].end)).toBe('\u201Cengaged in\n  combat soon.\u201D')
  })

  it('returns nothing for text that is not there', () => {
    expect(findQuote(text, 'submarines').ranges).toEqual([])
  })
})
