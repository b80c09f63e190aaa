// Which rows of the article are in the DOM: those on screen plus an overscan margin, and any row
// pinned there (where a selection starts or ends, so dragging a selection past the edge of the
// window keeps its anchor). Rows left out are stood in for by gaps of their (estimated) height.
import type { HeightIndex } from './heights'

export interface RowWindow {
  /** First and last rows rendered (inclusive), overscan included. */
  first: number
  last: number
  /** First and last rows at least partly on screen. */
  visibleFirst: number
  visibleLast: number
}

export type RenderItem = { kind: 'row'; index: number } | { kind: 'gap'; from: number; to: number; height: number }

/** The rows to render for a scroll position (px from the article's top) and viewport height. */
export function windowAt(heights: HeightIndex, scrollTop: number, viewport: number, overscan: number): RowWindow {
  if (heights.count === 0) return { first: 0, last: -1, visibleFirst: 0, visibleLast: -1 }
  const top = Math.max(0, scrollTop)
  const bottom = top + Math.max(viewport, 1)
  return {
    first: heights.rowAtY(top - overscan),
    last: heights.rowAtY(bottom + overscan),
    // A row showing less than a pixel is not in view (heights are fractional, scroll positions not).
    visibleFirst: heights.rowAtY(top + 1),
    visibleLast: heights.rowAtY(bottom - 1)
  }
}

/** Rows first..last and the pinned rows, in order, with a gap standing in for each run left out. */
export function renderItems(heights: HeightIndex, first: number, last: number, pinned: Iterable<number>): RenderItem[] {
  const rows = new Set<number>()
  for (let i = Math.max(0, first); i <= last && i < heights.count; i++) rows.add(i)
  for (const i of pinned) if (i >= 0 && i < heights.count) rows.add(i)
  const sorted = [...rows].sort((a, b) => a - b)
  const items: RenderItem[] = []
  let next = 0
  for (const index of sorted) {
    if (index > next) items.push({ kind: 'gap', from: next, to: index, height: heights.top(index) - heights.top(next) })
    items.push({ kind: 'row', index })
    next = index + 1
  }
  if (next < heights.count) {
    items.push({ kind: 'gap', from: next, to: heights.count, height: heights.total - heights.top(next) })
  }
  return items
}
