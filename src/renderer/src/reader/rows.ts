// The reader renders a document as rows: one per block, except that a very long block (a text file
// without blank lines, a transcript) is cut at sentence ends or spaces into rows of at most
// MAX_ROW characters, so the article can be virtualised by row and no row is costly to lay out.
// Row starts are the document's offset index: offset -> row by binary search.
import type { Block, BlockKind } from '../../../shared/model'

export const MAX_ROW = 3000

export interface Row {
  /** The block this row belongs to. */
  block: number
  kind: BlockKind
  level?: number
  start: number
  end: number
  /** Page of a paged document (PDF). */
  page?: number
  /** Set on the first row of each page: the page break shown above it. */
  pageStart?: number
  /** Continues the block of the row before (no gap above). */
  continued: boolean
  /** The block goes on in the next row (no gap below). */
  continues: boolean
}

const SPACE = /\s/
const ENDS = new Set(['.', '!', '?', '…', '。', '؟'])
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '»'])

/** Where to cut [start, end) of `text` to keep pieces under `max`: after a sentence end, else a space. */
function cuts(text: string, start: number, end: number, max: number): number[] {
  const out: number[] = []
  let at = start
  while (end - at > max) {
    let cut = -1
    let space = -1
    for (let i = at + max; i > at + max / 2 && cut < 0; i--) {
      if (!SPACE.test(text[i])) continue
      if (space < 0) space = i
      let j = i - 1
      while (j > at && CLOSERS.has(text[j])) j--
      if (ENDS.has(text[j])) cut = i
    }
    if (cut < 0) cut = space >= 0 ? space : at + max
    // Keep a surrogate pair whole.
    if (/[\uDC00-\uDFFF]/.test(text[cut] ?? '')) cut--
    // Whitespace at the cut goes with the earlier row.
    while (cut < end && SPACE.test(text[cut])) cut++
    if (cut >= end) break
    out.push(cut)
    at = cut
  }
  return out
}

export function buildRows(blocks: readonly Block[], text: string, max = MAX_ROW): Row[] {
  const ordered = blocks.map((b, i) => ({ b, i })).sort((x, y) => x.b.start - y.b.start)
  const rows: Row[] = []
  let page: number | undefined
  for (const { b, i } of ordered) {
    const edges = [b.start, ...cuts(text, b.start, b.end, max), b.end]
    for (let k = 0; k + 1 < edges.length; k++) {
      const row: Row = {
        block: i,
        kind: b.kind,
        start: edges[k],
        end: edges[k + 1],
        continued: k > 0,
        continues: k + 2 < edges.length
      }
      if (b.level !== undefined) row.level = b.level
      if (b.page !== undefined) {
        row.page = b.page
        if (b.page !== page) row.pageStart = b.page
        page = b.page
      }
      rows.push(row)
    }
  }
  return rows
}

/** The row holding `offset` (the last row starting at or before it); -1 before the first row. */
export function rowAt(rows: readonly Row[], offset: number): number {
  let lo = 0
  let hi = rows.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (rows[mid].start <= offset) lo = mid + 1
    else hi = mid
  }
  return lo - 1
}

/** The document's last page, or 0 when it has none. */
export function pageCount(rows: readonly Row[]): number {
  let last = 0
  for (const r of rows) if (r.page !== undefined && r.page > last) last = r.page
  return last
}
