// Splits a document's blocks into runs of text covered by the same set of claims, so the reader
// can paint overlapping highlights as flat spans. Pure, O((blocks + claims) log claims).
import type { Block } from '../../../shared/model'

export interface Span {
  id: string
  start: number
  end: number
}

export interface Segment {
  start: number
  end: number
  /** Claims covering this run, innermost (shortest) first; empty for plain text. */
  claimIds: string[]
}

interface Run {
  start: number
  end: number
  claimIds: string[]
}

/** Runs of text covered by at least one claim, in document order, never overlapping. */
export function coveredRuns(spans: readonly Span[], textLength: number): Run[] {
  const points: { at: number; open: boolean; span: Span }[] = []
  for (const span of spans) {
    const start = Math.max(0, span.start)
    const end = Math.min(textLength, span.end)
    if (end <= start) continue
    points.push({ at: start, open: true, span }, { at: end, open: false, span })
  }
  points.sort((a, b) => a.at - b.at)
  const active = new Map<string, Span>()
  const runs: Run[] = []
  let i = 0
  while (i < points.length) {
    const at = points[i].at
    while (i < points.length && points[i].at === at) {
      const p = points[i++]
      if (p.open) active.set(p.span.id, p.span)
      else active.delete(p.span.id)
    }
    if (active.size === 0 || i === points.length) continue
    const ids = [...active.values()]
      .sort((a, b) => a.end - a.start - (b.end - b.start) || b.start - a.start)
      .map((s) => s.id)
    runs.push({ start: at, end: points[i].at, claimIds: ids })
  }
  return runs
}

/** For each block, its segments covering exactly [block.start, block.end). */
export function segmentBlocks(blocks: readonly Block[], spans: readonly Span[], textLength: number): Segment[][] {
  const runs = coveredRuns(spans, textLength)
  const order = blocks.map((_, i) => i).sort((a, b) => blocks[a].start - blocks[b].start)
  const result: Segment[][] = new Array(blocks.length)
  let first = 0
  for (const index of order) {
    const { start, end } = blocks[index]
    const segments: Segment[] = []
    while (first < runs.length && runs[first].end <= start) first++
    let at = start
    for (let r = first; r < runs.length && runs[r].start < end; r++) {
      const from = Math.max(runs[r].start, start)
      const to = Math.min(runs[r].end, end)
      if (from > at) segments.push({ start: at, end: from, claimIds: [] })
      segments.push({ start: from, end: to, claimIds: runs[r].claimIds })
      at = to
    }
    if (at < end) segments.push({ start: at, end, claimIds: [] })
    result[index] = segments
  }
  return result
}
