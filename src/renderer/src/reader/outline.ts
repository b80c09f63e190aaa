// Boxes drawn around a span of text (the focused claim, the active search hit): the span's client
// rectangles merged into one box per line, in the coordinates of the scrolling container's content.

export interface Box {
  top: number
  left: number
  width: number
  height: number
}

type RectLike = Pick<DOMRect, 'top' | 'left' | 'right' | 'bottom'>

/** Merges rectangles on the same line; `origin` is where the container's content starts on screen. */
export function lineBoxes(rects: Iterable<RectLike>, origin: { top: number; left: number }): Box[] {
  const lines: { top: number; bottom: number; left: number; right: number }[] = []
  for (const r of rects) {
    if (r.right - r.left < 0.5 || r.bottom - r.top < 0.5) continue
    const mid = (r.top + r.bottom) / 2
    const line = lines.find((l) => mid > l.top && mid < l.bottom)
    if (line) {
      line.left = Math.min(line.left, r.left)
      line.right = Math.max(line.right, r.right)
      line.top = Math.min(line.top, r.top)
      line.bottom = Math.max(line.bottom, r.bottom)
    } else lines.push({ top: r.top, bottom: r.bottom, left: r.left, right: r.right })
  }
  return lines.map((l) => ({
    top: l.top - origin.top,
    left: l.left - origin.left,
    width: l.right - l.left,
    height: l.bottom - l.top
  }))
}
