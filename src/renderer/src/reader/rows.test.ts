import { describe, expect, it } from 'vitest'
import type { Block } from '../../../shared/model'
import { buildRows, pageCount, rowAt } from './rows'

describe('buildRows', () => {
  it('gives each block one row, in text order, with page starts for paged documents', () => {
    const text = 'Title\n\nOne.\n\nTwo.\n\nThree.'
    const blocks: Block[] = [
      { kind: 'heading', start: 0, end: 5, level: 1, page: 1 },
      { kind: 'paragraph', start: 7, end: 11, page: 1 },
      { kind: 'paragraph', start: 13, end: 17, page: 2 },
      { kind: 'paragraph', start: 19, end: 25, page: 4 }
    ]
    const rows = buildRows(blocks, text)
    expect(rows.map((r) => [r.start, r.end, r.pageStart])).toEqual([
      [0, 5, 1],
      [7, 11, undefined],
      [13, 17, 2],
      [19, 25, 4]
    ])
    expect(rows[0]).toMatchObject({ kind: 'heading', level: 1, block: 0, continued: false, continues: false })
    expect(pageCount(rows)).toBe(4)
    expect(pageCount(buildRows([{ kind: 'paragraph', start: 0, end: 4 }], 'One.'))).toBe(0)
  })

  it('cuts a long block after sentence ends (else at spaces) into rows that cover it exactly', () => {
    const sentence = 'The ministry said the convoy had crossed the border. '
    const text = sentence.repeat(400).trimEnd()
    const rows = buildRows([{ kind: 'paragraph', start: 0, end: text.length }], text, 1000)
    expect(rows.length).toBeGreaterThan(20)
    expect(rows[0].start).toBe(0)
    expect(rows.at(-1)!.end).toBe(text.length)
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i].start).toBe(rows[i - 1].end)
      expect(rows[i].end - rows[i].start).toBeLessThanOrEqual(1000)
      expect(text.slice(rows[i - 1].start, rows[i - 1].end)).toMatch(/border\. $/)
      expect(rows[i]).toMatchObject({ continued: true, block: 0 })
    }
    expect(rows.slice(0, -1).every((r) => r.continues)).toBe(true)
    const words = 'word '.repeat(1000)
    const spaced = buildRows([{ kind: 'paragraph', start: 0, end: words.length }], words, 1000)
    for (const r of spaced.slice(0, -1)) expect(words[r.end - 1]).toBe(' ')
  })

  it('never splits a surrogate pair', () => {
    const text = '😀'.repeat(1000)
    const rows = buildRows([{ kind: 'paragraph', start: 0, end: text.length }], text, 301)
    for (const r of rows) expect(r.start % 2).toBe(0)
  })
})

describe('rowAt', () => {
  it('finds the row holding an offset by binary search', () => {
    const text = 'aaaa\n\nbbbb\n\ncccc'
    const rows = buildRows(
      [0, 6, 12].map((start) => ({ kind: 'paragraph' as const, start, end: start + 4 })),
      text
    )
    expect([0, 3, 4, 5, 6, 11, 12, 99].map((o) => rowAt(rows, o))).toEqual([0, 0, 0, 0, 1, 1, 2, 2])
    expect(rowAt(rows, -1)).toBe(-1)
  })
})
