import type { Block } from '../../../shared/model'

/** The HTML element a block (or a row of it) is rendered as. */
export function blockTag(block: Pick<Block, 'kind' | 'level'>): string {
  switch (block.kind) {
    case 'heading':
      return `h${Math.min(6, Math.max(1, block.level ?? 2))}`
    case 'quote':
      return 'blockquote'
    case 'preformatted':
      return 'pre'
    case 'table-row':
      return 'div'
    default:
      return 'p'
  }
}

/** Table-row text (cells joined by " | ") cut so the separators can be drawn apart from the cells. */
export function cellPieces(text: string): { text: string; separator: boolean }[] {
  const pieces: { text: string; separator: boolean }[] = []
  let at = 0
  for (let i = text.indexOf(' | '); i >= 0; i = text.indexOf(' | ', at)) {
    if (i > at) pieces.push({ text: text.slice(at, i), separator: false })
    pieces.push({ text: ' | ', separator: true })
    at = i + 3
  }
  if (at < text.length) pieces.push({ text: text.slice(at), separator: false })
  return pieces
}
