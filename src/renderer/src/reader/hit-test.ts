// Which character of the article is under the pointer: the caret position at the point, checked
// against the character's own box (a caret position is found even beside a line's end).
import { boundaryOffset } from './selection'
import type { TextMap } from './text-map'

export function charAtPoint(
  article: HTMLElement,
  map: TextMap,
  textLength: number,
  x: number,
  y: number
): number | null {
  if (typeof document.caretPositionFromPoint !== 'function') return null
  const pos = document.caretPositionFromPoint(x, y)
  if (!pos || !article.contains(pos.offsetNode)) return null
  const at = boundaryOffset(article, pos.offsetNode, pos.offset)
  for (const c of [at, at - 1]) {
    if (c < 0 || c >= textLength) continue
    for (const rect of map.range(c, c + 1)?.getClientRects() ?? []) {
      if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return c
    }
  }
  return null
}
