import { describe, expect, it } from 'vitest'
import type { Block } from '../../../shared/model'
import { segmentBlocks, type Span } from './segments'

const para = (start: number, end: number): Block => ({ kind: 'paragraph', start, end })

describe('segmentBlocks', () => {
  it('leaves a block without claims as one plain segment', () => {
    expect(segmentBlocks([para(0, 10)], [], 10)).toEqual([[{ start: 0, end: 10, claimIds: [] }]])
  })

  it('splits at claim boundaries and orders overlapping claims innermost first', () => {
    const spans: Span[] = [
      { id: 'outer', start: 2, end: 12 },
      { id: 'inner', start: 4, end: 6 }
    ]
    expect(segmentBlocks([para(0, 14)], spans, 14)[0]).toEqual([
      { start: 0, end: 2, claimIds: [] },
      { start: 2, end: 4, claimIds: ['outer'] },
      { start: 4, end: 6, claimIds: ['inner', 'outer'] },
      { start: 6, end: 12, claimIds: ['outer'] },
      { start: 12, end: 14, claimIds: [] }
    ])
  })

  it('cuts a claim that crosses blocks into each block and skips the gap between them', () => {
    const blocks = [para(0, 5), para(7, 12)]
    const result = segmentBlocks(blocks, [{ id: 'a', start: 3, end: 9 }], 12)
    expect(result[0]).toEqual([
      { start: 0, end: 3, claimIds: [] },
      { start: 3, end: 5, claimIds: ['a'] }
    ])
    expect(result[1]).toEqual([
      { start: 7, end: 9, claimIds: ['a'] },
      { start: 9, end: 12, claimIds: [] }
    ])
  })

  it('keeps the blocks in their given order even when unsorted', () => {
    const result = segmentBlocks([para(6, 9), para(0, 4)], [{ id: 'a', start: 1, end: 2 }], 9)
    expect(result[0]).toEqual([{ start: 6, end: 9, claimIds: [] }])
    expect(result[1].map((s) => s.claimIds)).toEqual([[], ['a'], []])
  })

  it('ignores empty and out-of-range claims', () => {
    const result = segmentBlocks(
      [para(0, 4)],
      [
        { id: 'empty', start: 2, end: 2 },
        { id: 'beyond', start: 8, end: 12 }
      ],
      4
    )
    expect(result).toEqual([[{ start: 0, end: 4, claimIds: [] }]])
  })

  it('matches a brute-force count of covering claims on random overlapping data', () => {
    let seed = 7
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n)
    const length = 2000
    const blocks: Block[] = []
    for (let at = 0; at < length;) {
      const end = Math.min(length, at + 20 + rand(80))
      blocks.push(para(at, end))
      at = end + rand(3)
    }
    const spans: Span[] = Array.from({ length: 150 }, (_, i) => {
      const start = rand(length - 1)
      return { id: `c${i}`, start, end: start + 1 + rand(120) }
    })
    const result = segmentBlocks(blocks, spans, length)
    const problems: string[] = []
    blocks.forEach((block, b) => {
      const segs = result[b]
      if (segs[0].start !== block.start || segs.at(-1)!.end !== block.end) problems.push(`block ${b} not covered`)
      segs.forEach((seg, s) => {
        if (s > 0 && seg.start !== segs[s - 1].end) problems.push(`gap before ${seg.start}`)
        const covering = spans
          .filter((c) => c.start <= seg.start && Math.min(c.end, length) >= seg.end)
          .map((c) => c.id)
        if ([...seg.claimIds].sort().join() !== covering.sort().join()) problems.push(`wrong claims at ${seg.start}`)
        // no claim boundary falls strictly inside a segment
        if (spans.some((c) => (c.start > seg.start && c.start < seg.end) || (c.end > seg.start && c.end < seg.end)))
          problems.push(`boundary inside ${seg.start}-${seg.end}`)
      })
    })
    expect(problems).toEqual([])
  })

  // Paint time is measured by bench/open-paint-bench.mjs, not here.
  it('segments a 100 KB document with 1,000 blocks and 800 claims', () => {
    const length = 100_000
    const blocks = Array.from({ length: 1000 }, (_, i) => para(i * 100, i * 100 + 98))
    const spans = Array.from({ length: 800 }, (_, i) => ({ id: `c${i}`, start: i * 120, end: i * 120 + 200 }))
    const result = segmentBlocks(blocks, spans, length)
    expect(result).toHaveLength(1000)
  })
})
