import { describe, expect, it } from 'vitest'
import { blockTag, cellPieces } from './blocks'

describe('cellPieces', () => {
  it('cuts a row at its " | " separators and keeps every character', () => {
    const pieces = cellPieces('Town | Displaced | 2024')
    expect(pieces).toEqual([
      { text: 'Town', separator: false },
      { text: ' | ', separator: true },
      { text: 'Displaced', separator: false },
      { text: ' | ', separator: true },
      { text: '2024', separator: false }
    ])
    expect(pieces.map((p) => p.text).join('')).toBe('Town | Displaced | 2024')
  })

  it('handles empty cells, a run that starts or ends on a separator, and no separator', () => {
    expect(cellPieces(' | b').map((p) => p.separator)).toEqual([true, false])
    expect(cellPieces('a | ').map((p) => p.separator)).toEqual([false, true])
    expect(cellPieces('a |  | c').map((p) => p.text)).toEqual(['a', ' | ', ' | ', 'c'])
    expect(cellPieces('a|b')).toEqual([{ text: 'a|b', separator: false }])
    expect(cellPieces('')).toEqual([])
  })
})

describe('blockTag', () => {
  it('renders table rows as divs and captions as paragraphs', () => {
    expect(blockTag({ kind: 'table-row' })).toBe('div')
    expect(blockTag({ kind: 'caption' })).toBe('p')
    expect(blockTag({ kind: 'heading', level: 9 })).toBe('h6')
  })
})
