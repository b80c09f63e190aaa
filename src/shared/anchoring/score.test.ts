import { describe, expect, it } from 'vitest'
import { clears, contextEvidence, MIN_QUOTE, MIN_SCORE, positionEvidence, scoreOf, WEIGHTS } from './score'

describe('score', () => {
  it('weighs quote, prefix, suffix and position, 1 at best', () => {
    expect(WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position).toBeCloseTo(1)
    expect(scoreOf({ quote: 1, prefix: 1, suffix: 1, position: 1 })).toBeCloseTo(1)
    expect(scoreOf({ quote: 1, prefix: 0, suffix: 0, position: 0 })).toBeCloseTo(0.5)
  })

  it('needs both the whole score and enough of the quote', () => {
    expect(clears({ quote: 1, prefix: 0.2, suffix: 0.2, position: 0 })).toBe(false)
    expect(clears({ quote: 1, prefix: 1, suffix: 0.2, position: 0 })).toBe(true)
    expect(clears({ quote: MIN_QUOTE - 0.01, prefix: 1, suffix: 1, position: 1 })).toBe(false)
    expect(MIN_SCORE).toBeGreaterThan(0.5)
  })

  it('compares the old context with the text now around the match; empty context only vouches at the ends', () => {
    const text = 'abc QUOTE def'
    const quote = { exact: 'QUOTE', prefix: 'abc ', suffix: ' dex' }
    expect(contextEvidence(text, 4, 9, quote)).toEqual({ prefix: 1, suffix: 0.75 })
    const atStart = { exact: 'abc', prefix: '', suffix: '' }
    expect(contextEvidence(text, 0, 3, atStart)).toEqual({ prefix: 1, suffix: 0.5 })
    expect(contextEvidence(text, 4, 9, atStart)).toEqual({ prefix: 0.5, suffix: 0.5 })
  })

  it('gives position 1 at the expected place, falling to 0 at the spread', () => {
    expect(positionEvidence(100, 100, 1000)).toBe(1)
    expect(positionEvidence(600, 100, 1000)).toBe(0.5)
    expect(positionEvidence(5000, 100, 1000)).toBe(0)
    expect(positionEvidence(100, 100, 0)).toBe(0)
  })
})
