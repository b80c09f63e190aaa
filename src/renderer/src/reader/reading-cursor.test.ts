import { describe, expect, it } from 'vitest'
import type { Block } from '../../../shared/model'
import { moveCursor, TextUnits, type Motion } from './reading-cursor'
import { buildRows } from './rows'
import type { Span } from './text-units'

const paragraphs = [
  'Kursk report',
  'Russia has deployed just under 60,000 troops to Kursk, the source said. Syrskyi said "the front holds" today.',
  'Zelensky estimated around 50,000. Others disagree.'
]
const text = paragraphs.join('\n\n')
const blocks: Block[] = []
for (let at = 0, i = 0; i < paragraphs.length; at += paragraphs[i].length + 2, i++) {
  blocks.push({ kind: i ? 'paragraph' : 'heading', start: at, end: at + paragraphs[i].length })
}
const units = new TextUnits(text, buildRows(blocks, text), 'en')

/** Runs moves from no cursor (origin 0) and returns what each selects. */
function run(...motions: Motion[]): (string | null)[] {
  let cursor: Span | null = null
  return motions.map((m) => {
    const next = moveCursor(units, cursor, 0, m)
    if (next) cursor = next
    return next && text.slice(next.start, next.end)
  })
}

describe('moveCursor', () => {
  it('moves by clause, sentence and paragraph, each move selecting the unit', () => {
    expect(run('next-clause', 'next-clause', 'next-clause', 'next-clause', 'prev-clause')).toEqual([
      'Kursk report',
      'Russia has deployed just under 60,000 troops to Kursk',
      'the source',
      'Syrskyi',
      'the source'
    ])
    expect(run('next-sentence', 'next-sentence', 'next-sentence', 'prev-sentence')).toEqual([
      'Kursk report',
      'Russia has deployed just under 60,000 troops to Kursk, the source said.',
      'Syrskyi said "the front holds" today.',
      'Russia has deployed just under 60,000 troops to Kursk, the source said.'
    ])
    expect(run('next-paragraph', 'next-paragraph', 'next-paragraph', 'next-paragraph', 'prev-paragraph')).toEqual([
      'Kursk report',
      'Russia has deployed just under 60,000 troops to Kursk, the source said.',
      'Zelensky estimated around 50,000.',
      null,
      'Russia has deployed just under 60,000 troops to Kursk, the source said.'
    ])
  })

  it('widens to the sentence, then the paragraph, and picks the quotation in the sentence', () => {
    expect(run('next-paragraph', 'next-paragraph', 'next-clause', 'sentence', 'sentence', 'sentence')).toEqual([
      'Kursk report',
      'Russia has deployed just under 60,000 troops to Kursk, the source said.',
      'the source',
      'Russia has deployed just under 60,000 troops to Kursk, the source said.',
      paragraphs[1],
      null
    ])
    expect(run('next-paragraph', 'next-paragraph', 'next-sentence', 'quotation')).toEqual([
      'Kursk report',
      'Russia has deployed just under 60,000 troops to Kursk, the source said.',
      'Syrskyi said "the front holds" today.',
      '"the front holds"'
    ])
  })

  it('grows and shrinks by a word at either end, keeping quotation marks whole', () => {
    expect(
      run(
        'next-paragraph',
        'next-paragraph',
        'next-clause',
        'grow-end',
        'grow-end',
        'shrink-end',
        'shrink-start',
        'grow-start'
      )
    ).toEqual([
      'Kursk report',
      'Russia has deployed just under 60,000 troops to Kursk, the source said.',
      'the source',
      'the source said',
      // A selection may run on into the next sentence.
      'the source said. Syrskyi',
      'the source said',
      'source said',
      'the source said'
    ])
    expect(run('next-clause', 'shrink-end', 'shrink-end')).toEqual(['Kursk report', 'Kursk', null])
    expect(
      run('next-paragraph', 'next-paragraph', 'next-sentence', 'quotation', 'shrink-end', 'shrink-start', 'grow-end')
    ).toEqual([
      'Kursk report',
      'Russia has deployed just under 60,000 troops to Kursk, the source said.',
      'Syrskyi said "the front holds" today.',
      '"the front holds"',
      '"the front',
      'front',
      'front holds"'
    ])
  })

  it('starts from the origin (the first text in view) when there is no cursor', () => {
    const origin = text.indexOf('Zelensky')
    const at = moveCursor(units, null, origin, 'next-sentence')!
    expect(text.slice(at.start, at.end)).toBe('Zelensky estimated around 50,000.')
    const word = moveCursor(units, null, origin, 'grow-end')!
    expect(text.slice(word.start, word.end)).toBe('Zelensky')
    // A point cursor (where a claim ended) goes on from there.
    const point = text.indexOf(', the source')
    const next = moveCursor(units, { start: point, end: point }, 0, 'next-clause')!
    expect(text.slice(next.start, next.end)).toBe('the source')
  })
})
