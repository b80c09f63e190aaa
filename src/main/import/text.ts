import type { BlockKind } from '../../shared/model'
import { DocumentBuilder, titleFrom } from './builder'
import { decodeText } from './decode'
import { fileError } from './fail'
import type { ReadOptions, ImportedDocument } from './types'

export function importText(fileName: string, bytes: Uint8Array, options: ReadOptions = {}): ImportedDocument {
  const decoded = decodeText(fileName, bytes, { forced: options.encoding })
  const doc = plainTextDocument(decoded.text)
  if (!doc) throw fileError(fileName, 'the file contains no text')
  return {
    meta: emptyMeta(doc.title),
    text: doc.text,
    blocks: doc.blocks,
    format: 'txt',
    encoding: decoded.encoding,
    notices: decoded.notices,
    suggestedSources: []
  }
}

export function emptyMeta(title: string): ImportedDocument['meta'] {
  return { title, outlet: '', author: '', url: '', published: '' }
}

const LIST_MARKER = /^(\s*)(?:[-*•◦▪‣]|\d{1,3}[.)]|[a-z][.)]|\(\d{1,3}\)|\([a-z]\))\s+\S/
const BULLET = /^\s*[-*•◦▪‣]\s+/
/** What ends a sentence; a line ending in one of these is not a heading. */
const FINAL_PUNCTUATION = /[.,;:…]$/
const SENTENCE_END = /[.!?,;:…"'”’»)\]]$/

interface Piece {
  kind: BlockKind
  text: string
  level?: number
}

/**
 * Blocks from plain text. Paragraphs are separated by blank lines, or are single lines when the
 * text has no blank line at all. A blank-line group whose lines look hard-wrapped becomes one
 * paragraph; otherwise each of its lines stands alone. Returns null for a text with nothing in it.
 */
export function plainTextDocument(
  raw: string
): { title: string; text: string; blocks: ImportedDocument['blocks'] } | null {
  const lines = raw.replace(/\r\n?/g, '\n').replace(/\f/g, '\n\n').split('\n')
  const groups: string[][] = []
  let current: string[] = []
  for (const line of lines) {
    if (line.trim() === '') {
      if (current.length) groups.push(current)
      current = []
    } else {
      current.push(line.trimEnd())
    }
  }
  if (current.length) groups.push(current)
  if (groups.length === 0) return null

  const builder = new DocumentBuilder()
  // No blank line between any two lines of text: every line is a paragraph.
  const lineMode = groups.length === 1
  const units = lineMode ? groups[0].map((line) => [line]) : groups
  units.forEach((group, index) => {
    const pieces = piecesOf(group)
    if (pieces.length === 1 && pieces[0].kind === 'paragraph' && group.length === 1) {
      const next = units[index + 1]
      if (index === 0 && isTitleLine(group[0])) pieces[0] = { kind: 'heading', text: group[0], level: 1 }
      else if (!lineMode && next && isSubheading(group[0], next))
        pieces[0] = { kind: 'heading', text: group[0], level: 2 }
    }
    for (const piece of pieces) {
      builder.add(piece.kind, piece.text.trim(), piece.level === undefined ? {} : { level: piece.level })
    }
  })
  if (builder.isEmpty) return null
  // A text file written as Markdown ("# Title") is titled without the heading's marks; its text keeps them.
  const firstLine = groups[0][0].replace(/^ {0,3}#{1,6}\s+/, '').replace(/\s+#+\s*$/, '')
  return { title: titleFrom(firstLine || groups[0][0]), ...builder.build() }
}

function piecesOf(group: string[]): Piece[] {
  const pieces: Piece[] = []
  const plain: string[] = []
  const flushPlain = (): void => {
    if (plain.length === 0) return
    if (looksHardWrapped(plain)) pieces.push({ kind: 'paragraph', text: joinWrapped(plain) })
    else for (const line of plain) pieces.push({ kind: 'paragraph', text: line })
    plain.length = 0
  }
  for (const line of group) {
    const marker = LIST_MARKER.exec(line)
    const last = pieces[pieces.length - 1]
    if (marker) {
      flushPlain()
      const indent = marker[1].replace(/\t/g, '    ').length
      pieces.push({ kind: 'list-item', text: line.replace(BULLET, ''), level: 1 + Math.floor(indent / 2) })
    } else if (plain.length === 0 && last?.kind === 'list-item' && /^\s/.test(line)) {
      last.text = joinWrapped([last.text, line.trim()])
    } else {
      plain.push(line)
    }
  }
  flushPlain()
  return pieces
}

/** Lines of one paragraph wrapped at a fixed width: all but the last fill most of that width. */
function looksHardWrapped(lines: string[]): boolean {
  if (lines.length < 2) return false
  const widths = lines.map((line) => line.trim().length)
  const max = Math.max(...widths)
  if (max < 30 || max > 120) return false
  return widths.slice(0, -1).every((w) => w >= max * 0.6)
}

function joinWrapped(lines: string[]): string {
  let text = lines[0].trim()
  for (const line of lines.slice(1)) {
    const next = line.trim()
    // "well-" + "known": keep the hyphen, drop the break.
    text += /\p{L}-$/u.test(text) ? next : ' ' + next
  }
  return text
}

function isTitleLine(line: string): boolean {
  const text = line.trim()
  return text.length <= 150 && !FINAL_PUNCTUATION.test(text)
}

/** A short capitalised line standing alone between blank lines, before a longer paragraph. */
function isSubheading(line: string, next: string[]): boolean {
  const text = line.trim()
  if (text.length > 80 || SENTENCE_END.test(text) || !/^[\p{Lu}\p{Lo}]/u.test(text)) return false
  if (LIST_MARKER.test(line)) return false
  const nextText = next.join(' ').trim()
  return nextText.length > text.length * 2 && SENTENCE_END.test(nextText)
}
