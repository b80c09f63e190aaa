import { describe, expect, it } from 'vitest'
import {
  approximateOccurrences,
  bestOf,
  exactOccurrences,
  scoreOccurrence,
  stretchesArea,
  windowArea
} from './match-quote'
import { MIN_QUOTE, MIN_SCORE } from './score'

const text = 'The minister said 40 ships were held. The army said 40 ships were seen. The navy said 40 shops were held.'

describe('search areas', () => {
  it('a window gives matches in document offsets', () => {
    const from = text.indexOf('The army')
    const found = exactOccurrences(windowArea(text, from, text.length), '40 ships')
    expect(found).toEqual([
      { start: text.indexOf('40 ships', from), end: text.indexOf('40 ships', from) + 8, errors: 0 }
    ])
    expect(windowArea(text, -5, 3).text).toBe('The')
  })

  it('stretches are searched as one, but a match never spans the seam between two', () => {
    const a = { start: 0, end: text.indexOf('40 ships') + 3 } // "...said 40 "
    const b = { start: text.indexOf('ships were seen'), end: text.length }
    const area = stretchesArea(text, [a, b])
    expect(exactOccurrences(area, '40 ships')).toEqual([])
    const held = exactOccurrences(area, 'were held')
    expect(held.map((o) => text.slice(o.start, o.end))).toEqual(['were held'])
    expect(held[0].start).toBe(text.lastIndexOf('were held'))
  })
})

describe('approximateOccurrences', () => {
  it('finds the places with the fewest edits, within the limit', () => {
    const found = approximateOccurrences(windowArea(text, 0, text.length), '40 shipz were held', 3)
    expect(found.map((o) => [text.slice(o.start, o.end), o.errors])).toEqual([['40 ships were held', 1]])
    expect(approximateOccurrences(windowArea(text, 0, text.length), 'submarines surfaced', 3)).toEqual([])
    expect(approximateOccurrences(windowArea('', 0, 0), 'x', 1)).toEqual([])
  })
})

describe('scoring', () => {
  const quote = { exact: '40 ships', prefix: 'The army said ', suffix: ' were seen.' }
  const at = (words: string, from = 0) => {
    const start = text.indexOf(words, from)
    return { start, end: start + words.length, errors: 0 }
  }

  it('scores the occurrence whose context fits highest', () => {
    const options = { expected: 0, spread: 1000, floor: MIN_SCORE, minQuote: MIN_QUOTE, margin: 0 }
    const army = scoreOccurrence(text, quote, at('40 ships', text.indexOf('army')), options)
    const minister = scoreOccurrence(text, quote, at('40 ships'), options)
    expect(army.evidence).toMatchObject({ quote: 1, prefix: 1, suffix: 1 })
    expect(army.score).toBeGreaterThan(minister.score)
    const best = bestOf(text, quote, [at('40 ships'), at('40 ships', text.indexOf('army'))], options)
    expect(best.match?.start).toBe(text.indexOf('40 ships', text.indexOf('army')))
  })

  it('with a margin, gives no match when another place scores nearly as well', () => {
    const plain = { exact: '40 ships', prefix: 'said ', suffix: ' were' }
    const all = [at('40 ships'), at('40 ships', text.indexOf('army'))]
    const options = { expected: 0, spread: 0, floor: 0.6, minQuote: 1, margin: 0.05 }
    expect(bestOf(text, plain, all, options).match).toBeNull()
    expect(bestOf(text, plain, all, { ...options, margin: 0 }).match).not.toBeNull()
  })

  it('returns no match when none clears the floor, but the best score seen', () => {
    const lonely = { exact: '40 ships', prefix: 'Completely different words ', suffix: ' nothing alike at all here' }
    const best = bestOf(text, lonely, [at('40 ships')], {
      expected: 5000,
      spread: 1000,
      floor: MIN_SCORE,
      minQuote: MIN_QUOTE,
      margin: 0
    })
    expect(best.match).toBeNull()
    expect(best.bestScore).toBeGreaterThan(0.5)
    expect(best.bestScore).toBeLessThan(0.65)
  })
})
