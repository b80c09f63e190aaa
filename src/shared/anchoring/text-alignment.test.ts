import { describe, expect, it } from 'vitest'
import { alignTexts, longestIncreasing, pieceStarts } from './text-alignment'

const paragraphs = [
  'Blockade Tightens on the Sarn',
  'The minister said at least 40 ships were held at the narrows. Officials declined to say more.',
  'A navy spokesman said fewer than 25 ships were waiting, the agency reported.',
  'Fishermen said the coast guard had orders to search every vessel. Nobody could confirm it.'
]
const v1 = paragraphs.join('\n\n')
const pieces = (text: string) => {
  const starts = pieceStarts(text)
  return starts.slice(0, -1).map((s, i) => text.slice(s, starts[i + 1]))
}

describe('pieceStarts', () => {
  it('cuts after sentences and line breaks, covering the whole text', () => {
    expect(pieces('One. Two? Three!\n\nFour "five." Six')).toEqual([
      'One. ',
      'Two? ',
      'Three!\n\n',
      'Four "five." ',
      'Six'
    ])
    expect(pieces(v1).join('')).toBe(v1)
    expect(pieceStarts('')).toEqual([0, 0])
  })

  it('cuts a long run without sentences at word breaks chosen by the text, which an edit before them does not move', () => {
    const letters = 'etaoinshrdlucmfwyp'
    const word = (i: number) => [1, 2, 3, 4].map((k) => letters[(i * 7919 * k + k * 13) % letters.length]).join('')
    const words = Array.from({ length: 800 }, (_, i) => word(i)).join(' ')
    const cut = pieces(words)
    expect(cut.length).toBeGreaterThan(5)
    expect(Math.max(...cut.map((p) => p.length))).toBeLessThan(1500)
    const edited = pieces(`inserted words here ${words}`)
    expect(edited.slice(-(cut.length - 1))).toEqual(cut.slice(1))
  })
})

describe('longestIncreasing', () => {
  it('finds a longest strictly increasing run by index', () => {
    expect(longestIncreasing([3, 1, 2, 5, 4, 6]).map((i) => [3, 1, 2, 5, 4, 6][i])).toEqual([1, 2, 4, 6])
    expect(longestIncreasing([])).toEqual([])
    expect(longestIncreasing([2, 1])).toHaveLength(1)
  })
})

describe('alignTexts', () => {
  const offsetOf = (text: string, words: string) => text.indexOf(words)

  it('maps every offset of an unchanged text to itself, with nothing changed', () => {
    const a = alignTexts(v1, v1)
    expect(a.changed).toEqual([])
    expect(a.sharedRange(10, 40)).toEqual({ start: 10, end: 40 })
    expect(a.expected(200)).toBe(200)
  })

  it('follows shared text past an inserted paragraph and names the insertion as changed', () => {
    const insert = 'Updated at 14:00 with comment from the harbour master.\n\n'
    const v2 = v1.replace('The minister', `${insert}The minister`)
    const a = alignTexts(v1, v2)
    const at = offsetOf(v1, 'fewer than 25')
    expect(a.sharedRange(at, at + 13)).toEqual({ start: at + insert.length, end: at + insert.length + 13 })
    expect(a.changed.map((r) => v2.slice(r.start, r.end))).toEqual([insert])
    expect(a.touchesChanged({ start: offsetOf(v2, 'harbour'), end: offsetOf(v2, 'harbour') + 3 })).toBe(true)
    expect(a.touchesChanged({ start: offsetOf(v2, 'fewer'), end: offsetOf(v2, 'fewer') + 5 })).toBe(false)
  })

  it('gives a reworded sentence no shared range, but the new sentence as its replacement and an expected place in it', () => {
    const v2 = v1.replace('at least 40 ships were held', 'at least 40 vessels were detained')
    const a = alignTexts(v1, v2)
    const at = offsetOf(v1, '40 ships')
    expect(a.sharedRange(at, at + 8)).toBeNull()
    const r = a.replacement(at)
    expect(v2.slice(r.start, r.end)).toBe('The minister said at least 40 vessels were detained at the narrows. ')
    expect(a.expected(at)).toBeGreaterThanOrEqual(offsetOf(v2, '40 vessels') - 3)
    expect(a.expected(at)).toBeLessThanOrEqual(offsetOf(v2, '40 vessels') + 3)
    // The sentence after it is shared.
    const next = offsetOf(v1, 'Officials')
    expect(a.sharedRange(next, next + 9)).toEqual({
      start: offsetOf(v2, 'Officials'),
      end: offsetOf(v2, 'Officials') + 9
    })
  })

  it('leaves an empty replacement where a paragraph was deleted', () => {
    const v2 = v1.replace(`${paragraphs[2]}\n\n`, '')
    const a = alignTexts(v1, v2)
    const r = a.replacement(offsetOf(v1, 'fewer than'))
    expect(r.start).toBe(r.end)
    expect(r.start).toBe(offsetOf(v2, 'Fishermen'))
    expect(a.changed).toEqual([])
  })

  it('follows a paragraph that moved', () => {
    const v2 = [paragraphs[0], paragraphs[3], paragraphs[1], paragraphs[2]].join('\n\n')
    const a = alignTexts(v1, v2)
    const at = offsetOf(v1, 'coast guard')
    expect(a.sharedRange(at, at + 11)).toEqual({
      start: offsetOf(v2, 'coast guard'),
      end: offsetOf(v2, 'coast guard') + 11
    })
  })
})
