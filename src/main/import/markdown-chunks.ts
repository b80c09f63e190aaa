// micromark spends time per block in proportion to the size of the whole document, far more on
// pathological inline markup, and per line in proportion to the lists and quotes open around it.
// These helpers measure nesting before anything is parsed, split a long document into independent
// runs of top-level blocks and defuse floods of delimiters, so parsing stays roughly linear.

const CHUNK_CHARS = 4 * 1024
const MAX_DELIMITERS_PER_BLOCK = 1000
const FENCE = /^ {0,3}(`{3,}|~{3,})/
const DEFINITION = /^ {0,3}\[[^\]]+\]:[ \t]*\S.*$/gm
const BULLET_ITEM = /^[-+*][ \t]+\S/
const ORDERED_ITEM = /^\d{1,9}[.)][ \t]+\S/

/** Splits Markdown where top-level blocks start (see startsBlock), outside fenced code and HTML comments. */
export function markdownChunks(source: string): string[] {
  const lines = source.split('\n')
  const { code, openAfter } = codeLines(lines)
  defuseRuns(lines, code)
  const definitions = [...new Set(source.match(DEFINITION) ?? [])].slice(0, 500).map((line) => ({
    line,
    label: line.slice(line.indexOf('['), line.indexOf(']') + 1).toLowerCase()
  }))
  const chunks: string[] = []
  let start = 0
  let size = 0
  for (let i = 0; i < lines.length; i++) {
    size += lines[i].length + 1
    const next = lines[i + 1]
    if (size >= CHUNK_CHARS && next !== undefined && !openAfter[i] && startsBlock(lines[i], next)) {
      chunks.push(lines.slice(start, i + 1).join('\n'))
      start = i + 1
      size = 0
    }
  }
  chunks.push(lines.slice(start).join('\n'))
  if (chunks.length === 1 || definitions.length === 0) return chunks
  // Reference links must resolve in every chunk, not only the one holding their definition.
  return chunks.map((chunk) => {
    const lower = chunk.toLowerCase()
    const used = definitions.filter((d) => lower.includes(d.label)).map((d) => d.line)
    return used.length ? chunk + '\n\n' + used.join('\n') + '\n' : chunk
  })
}

/** Which lines are fenced code or an HTML comment (markers included), and whether one is open after each line. */
function codeLines(lines: string[]): { code: boolean[]; openAfter: boolean[] } {
  const code: boolean[] = []
  const openAfter: boolean[] = []
  let fence = ''
  let inComment = false
  for (const line of lines) {
    const wasOpen = Boolean(fence) || inComment
    if (fence) {
      if (line.trim().startsWith(fence) && line.trim().replace(/[`~]/g, '') === '') fence = ''
    } else if (inComment) {
      if (line.includes('-->')) inComment = false
    } else {
      const open = FENCE.exec(line)
      if (open) fence = open[1]
      else if (line.includes('<!--') && !line.slice(line.lastIndexOf('<!--')).includes('-->')) inComment = true
    }
    const isOpen = Boolean(fence) || inComment
    code.push(wasOpen || isOpen)
    openAfter.push(isOpen)
  }
  return { code, openAfter }
}

/**
 * Whether `next` starts a top-level block whatever came before: an unindented line after a blank
 * one, or an unindented list item (a long list without blank lines was otherwise parsed in one
 * piece, which took minutes for 1 MB). An ordered item starts one only after a list line: after a
 * paragraph line it may continue that paragraph.
 */
function startsBlock(line: string, next: string): boolean {
  if (line.trim() === '') return /^\S/.test(next)
  if (BULLET_ITEM.test(next)) return true
  return ORDERED_ITEM.test(next) && (BULLET_ITEM.test(line) || ORDERED_ITEM.test(line) || /^\s/.test(line))
}

/**
 * The deepest nesting of lists and block quotes any line can be in, outside fenced code: an estimate
 * that errs on the deep side. Every container around a line is either a marker on it ("> ", "- ",
 * "1. ") or a list item it continues by indentation (at least two columns each, before the markers).
 */
export function containerDepth(source: string): number {
  let max = 0
  let fence = ''
  for (const line of source.split('\n')) {
    if (fence) {
      if (line.trim().startsWith(fence) && line.trim().replace(/[`~]/g, '') === '') fence = ''
      continue
    }
    const open = FENCE.exec(line)
    if (open) {
      fence = open[1]
      continue
    }
    max = Math.max(max, lineDepth(line))
  }
  return max
}

function lineDepth(line: string): number {
  let indent = 0
  let markers = 0
  let i = 0
  for (;;) {
    const c = line[i]
    if (c === ' ' || c === '\t') {
      // Space after a marker belongs to that marker; only indentation before the first one continues items.
      if (markers === 0) indent += c === '\t' ? 4 - (indent % 4) : 1
    } else if (c === '>') markers++
    else if ((c === '-' || c === '+' || c === '*') && /^[ \t]?$/.test(line[i + 1] ?? '')) markers++
    else {
      const ordered = /^\d{1,9}[.)](?=[ \t]|$)/.exec(line.slice(i, i + 11))
      if (!ordered) break
      markers++
      i += ordered[0].length
      continue
    }
    i++
  }
  return markers + Math.floor(indent / 2)
}

/**
 * Escapes floods of emphasis/link delimiters, which micromark takes minutes over, in each run of
 * text lines (a paragraph, or one list item's line and what continues it).
 */
function defuseRuns(lines: string[], code: boolean[]): void {
  let start = 0
  for (let i = 0; i <= lines.length; i++) {
    const ends =
      i === lines.length || code[i] || lines[i].trim() === '' || (i > start && startsBlock(lines[i - 1], lines[i]))
    if (!ends) continue
    if (i > start) defuse(lines, start, i)
    start = code[i] || lines[i]?.trim() === '' ? i + 1 : i
  }
}

function defuse(lines: string[], start: number, end: number): void {
  let delimiters = 0
  for (let n = start; n < end && delimiters <= MAX_DELIMITERS_PER_BLOCK; n++) {
    const line = lines[n]
    for (let i = 0; i < line.length && delimiters <= MAX_DELIMITERS_PER_BLOCK; i++) {
      const c = line.charCodeAt(i)
      if (c === 42 || c === 95 || c === 91 || c === 93 || c === 96) delimiters++ // * _ [ ] `
    }
  }
  if (delimiters <= MAX_DELIMITERS_PER_BLOCK) return
  for (let n = start; n < end; n++) lines[n] = lines[n].replace(/(?<!\\)([*_[\]`])/g, '\\$1')
}
