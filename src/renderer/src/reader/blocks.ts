import type { Block } from '../../../shared/model'

/** The HTML element a block is rendered as. */
export function blockTag(block: Block): string {
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

/** How a claim's highlight looks: its source's colours and a hover title. */
export interface Paint {
  tint: string
  ink: string
  title: string
}
