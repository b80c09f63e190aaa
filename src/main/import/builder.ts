import type { Block, BlockKind } from '../../shared/model'

export const BLOCK_SEPARATOR = '\n\n'

// C0/C1 controls other than tab and newline carry no meaning in a reading text; U+FEFF is a BOM
// or zero-width no-break space left over from concatenated files.
// eslint-disable-next-line no-control-regex -- control characters are what imported text must not keep
const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufeff]/g

// In a file name every control character is a threat (a terminal escape, a newline that forges a
// second line of output), as are the bidirectional overrides that make "evil‮txt.exe" read as safe.
// eslint-disable-next-line no-control-regex -- control characters are what a shown file name must not keep
const NAME_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g

/** A file's name as Claimdesk keeps and shows it: each control or direction override becomes "�". */
export function cleanFileName(name: string): string {
  return name.replace(NAME_CONTROLS, '\ufffd')
}

export interface BlockExtras {
  level?: number
  page?: number
}

/**
 * Builds a document's text and blocks together so the ranges can never drift from the text.
 * Each block's text is cleaned so that "\n\n" only ever occurs between blocks.
 */
export class DocumentBuilder {
  private readonly parts: string[] = []
  private length = 0
  readonly blocks: Block[] = []

  add(kind: BlockKind, raw: string, extras: BlockExtras = {}): Block | undefined {
    const text = kind === 'preformatted' ? cleanPreformatted(raw) : cleanBlock(raw)
    if (!text) return undefined
    if (this.blocks.length > 0) {
      this.parts.push(BLOCK_SEPARATOR)
      this.length += BLOCK_SEPARATOR.length
    }
    const block: Block = { kind, start: this.length, end: this.length + text.length }
    if (extras.level !== undefined) block.level = extras.level
    if (extras.page !== undefined) block.page = extras.page
    this.parts.push(text)
    this.length += text.length
    this.blocks.push(block)
    return block
  }

  get isEmpty(): boolean {
    return this.blocks.length === 0
  }

  build(): { text: string; blocks: Block[] } {
    return { text: this.parts.join(''), blocks: this.blocks }
  }
}

/** Text of a flowing block: trimmed, single newlines kept, no blank lines, no trailing spaces. */
export function cleanBlock(raw: string): string {
  let text = raw.replace(CONTROL_CHARS, '')
  if (text.includes('\n')) text = text.replace(/[ \t]*\n\s*/g, '\n')
  return text.trim()
}

/** Code and other preformatted text: indentation kept; a blank line becomes a single space. */
export function cleanPreformatted(raw: string): string {
  const lines = raw.replace(CONTROL_CHARS, '').split('\n')
  let first = 0
  let last = lines.length - 1
  while (first <= last && lines[first].trim() === '') first++
  while (last >= first && lines[last].trim() === '') last--
  return lines
    .slice(first, last + 1)
    .map((line) => line.trimEnd() || ' ')
    .join('\n')
}

/** Inline text as a browser would lay it out: runs of whitespace become one space. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ')
}

/** A title from a line of text: one line, collapsed, at most `max` characters. */
export function titleFrom(text: string, max = 200): string {
  const line = collapseWhitespace(text.replace(CONTROL_CHARS, '')).trim()
  if (line.length <= max) return line
  const cut = line.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return (space > max / 2 ? cut.slice(0, space) : cut) + '…'
}
