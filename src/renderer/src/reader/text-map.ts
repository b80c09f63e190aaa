// Offsets in the document's text to DOM points in the rendered rows, and back: a row holds exactly
// its slice of the text, usually as one text node (table rows add a few separator spans), so an
// offset is a binary search over row starts and a subtraction, not a walk over the article.
import { rowAt, type Row } from './rows'

export interface DomPoint {
  node: Node
  offset: number
}

export class TextMap {
  constructor(
    private rows: readonly Row[],
    private elementOf: (row: number) => HTMLElement | undefined
  ) {}

  /** The DOM point at `offset`, or null when its row is not rendered. */
  point(offset: number): DomPoint | null {
    const index = Math.max(0, rowAt(this.rows, offset))
    const row = this.rows[index]
    const el = row && this.elementOf(index)
    if (!el) return null
    const local = Math.min(Math.max(0, offset - row.start), row.end - row.start)
    // Usually the first text node holds the whole row.
    const first = el.firstChild
    if (first?.nodeType === Node.TEXT_NODE && local <= (first as Text).data.length)
      return { node: first, offset: local }
    let seen = 0
    const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT)
    let last: Text | null = null
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      if (local <= seen + n.data.length) return { node: n, offset: local - seen }
      seen += n.data.length
      last = n
    }
    return last ? { node: last, offset: last.data.length } : { node: el, offset: 0 }
  }

  /** A live range over [start, end), or null when either end is not rendered. */
  range(start: number, end: number): Range | null {
    const a = this.point(start)
    const b = this.point(end)
    if (!a || !b) return null
    const range = new Range()
    range.setStart(a.node, a.offset)
    range.setEnd(b.node, b.offset)
    return range
  }

  /** A static range (cheaper for the Highlight API: the DOM does not keep it up to date). */
  staticRange(start: number, end: number): StaticRange | null {
    const a = this.point(start)
    const b = this.point(end)
    if (!a || !b) return null
    return new StaticRange({ startContainer: a.node, startOffset: a.offset, endContainer: b.node, endOffset: b.offset })
  }
}
