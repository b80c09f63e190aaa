// Maps DOM selections in the reader back to [start, end) offsets in the document's text.
// Every block element carries data-start/data-end and contains exactly the text
// doc.text.slice(start, end) as its text nodes (list bullets and the like come from CSS).

const BLOCK = '[data-block]'

function blockOf(node: Node, root: HTMLElement): HTMLElement | null {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement
  const block = el?.closest<HTMLElement>(BLOCK) ?? null
  return block && root.contains(block) ? block : null
}

/** Offset in the document text of a DOM boundary point (node, offset). */
export function boundaryOffset(root: HTMLElement, node: Node, offset: number): number {
  const doc = root.ownerDocument
  const block = blockOf(node, root)
  if (block) {
    const before = doc.createRange()
    before.setStart(block, 0)
    before.setEnd(node, offset)
    const start = Number(block.dataset.start)
    return Math.min(start + before.toString().length, Number(block.dataset.end))
  }
  // Between blocks or outside the reader: snap to the next block's start (or the last block's end).
  const blocks = root.querySelectorAll<HTMLElement>(BLOCK)
  if (blocks.length === 0) return 0
  const point = doc.createRange()
  point.setStart(node, offset)
  let lo = 0
  let hi = blocks.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (point.comparePoint(blocks[mid], 0) > 0) hi = mid
    else lo = mid + 1
  }
  return lo < blocks.length ? Number(blocks[lo].dataset.start) : Number(blocks[blocks.length - 1].dataset.end)
}

/** Narrows [start, end) past whitespace at both edges; null when nothing is left. */
export function trimOffsets(text: string, start: number, end: number): { start: number; end: number } | null {
  while (start < end && /\s/.test(text[start])) start++
  while (end > start && /\s/.test(text[end - 1])) end--
  return end > start ? { start, end } : null
}

/** The text range a DOM range covers in the reader, trimmed; null when it covers no text. */
export function rangeToOffsets(root: HTMLElement, range: Range, text: string): { start: number; end: number } | null {
  if (range.collapsed || !range.intersectsNode(root)) return null
  const start = boundaryOffset(root, range.startContainer, range.startOffset)
  const end = boundaryOffset(root, range.endContainer, range.endOffset)
  return trimOffsets(text, Math.min(start, end), Math.max(start, end))
}
