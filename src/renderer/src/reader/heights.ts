// Row heights for the virtualised article: an estimate for every row from its length and the
// reader's font, replaced by the measured height once the row has been on screen, kept in a
// Fenwick tree so "how far down is row i" and "which row is at y" are O(log n) after any change.
import type { Row } from './rows'

export interface TextMetrics {
  /** Characters of body text on one line of the column. */
  charsPerLine: number
  /** Body line height, px. */
  lineHeight: number
  /** Body font size, px (margins are in em). */
  fontSize: number
}

/** How tall a row is likely to be before it has been laid out. */
export function estimateHeight(row: Row, m: TextMetrics): number {
  let scale = 1
  let lineScale = 1
  let extra = 0.85 * m.fontSize
  if (row.kind === 'heading') {
    scale = (row.level ?? 2) <= 1 ? 1.6 : (row.level ?? 2) === 2 ? 1.3 : 1.06
    lineScale = 0.85 * scale
    extra = 1.6 * m.fontSize
  } else if (row.kind === 'table-row' || row.kind === 'caption') {
    scale = 0.82
    lineScale = 0.9
    extra = row.kind === 'caption' ? 40 : 8
  } else if (row.kind === 'preformatted') {
    scale = 1
    extra = 16 + 0.85 * m.fontSize
  } else if (row.kind === 'list-item') {
    extra = 0.4 * m.fontSize
  }
  if (row.continues) extra = 0
  if (row.pageStart !== undefined) extra += 2.4 * m.fontSize
  const perLine = Math.max(8, m.charsPerLine / scale)
  const lines = Math.max(1, Math.ceil((row.end - row.start) / perLine))
  return lines * m.lineHeight * lineScale + extra
}

export class HeightIndex {
  private tree: Float64Array
  private values: Float64Array
  private measured: Uint8Array

  constructor(estimates: ArrayLike<number>) {
    const n = estimates.length
    this.values = Float64Array.from(estimates)
    this.measured = new Uint8Array(n)
    this.tree = new Float64Array(n + 1)
    for (let i = 1; i <= n; i++) {
      this.tree[i] += this.values[i - 1]
      const parent = i + (i & -i)
      if (parent <= n) this.tree[parent] += this.tree[i]
    }
  }

  get count(): number {
    return this.values.length
  }

  get total(): number {
    return this.top(this.values.length)
  }

  height(i: number): number {
    return this.values[i]
  }

  isMeasured(i: number): boolean {
    return this.measured[i] === 1
  }

  /** Sets row i's measured height; returns whether it changed. */
  measure(i: number, height: number): boolean {
    this.measured[i] = 1
    const delta = height - this.values[i]
    if (Math.abs(delta) < 0.5) return false
    this.values[i] = height
    for (let k = i + 1; k <= this.values.length; k += k & -k) this.tree[k] += delta
    return true
  }

  /** How far down row i starts (the heights of rows 0..i-1). */
  top(i: number): number {
    let sum = 0
    for (let k = Math.min(i, this.values.length); k > 0; k -= k & -k) sum += this.tree[k]
    return sum
  }

  /** The row at vertical position y (clamped to the first and last rows). */
  rowAtY(y: number): number {
    const n = this.values.length
    if (n === 0) return -1
    let pos = 0
    let rest = y
    for (let step = 1 << Math.floor(Math.log2(n)); step > 0; step >>= 1) {
      const next = pos + step
      if (next <= n && this.tree[next] <= rest) {
        pos = next
        rest -= this.tree[next]
      }
    }
    return Math.min(pos, n - 1)
  }
}
