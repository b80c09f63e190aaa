// Rebuilding reading blocks from PDF text runs. pdf.js gives positioned runs of text in content
// order; this groups them into lines by baseline, drops running headers, footers and page numbers,
// and joins lines into paragraphs using the page's geometry: vertical gaps, font size, first-line
// indents and short last lines. Hyphens that only split a word across lines are removed.
import type { BlockKind } from '../../shared/model'

export interface TextRun {
  str: string
  /** Left edge and baseline in PDF units (y grows upwards). */
  x: number
  y: number
  width: number
  /** Font size in PDF units. */
  size: number
  /** pdf.js saw a line break after this run. */
  hasEOL?: boolean
}

export interface PageRuns {
  /** 1-based page number. */
  page: number
  height: number
  runs: TextRun[]
}

export interface LaidOutBlock {
  kind: BlockKind
  text: string
  page: number
  level?: number
}

interface Line {
  text: string
  x: number
  endX: number
  y: number
  size: number
  page: number
}

// Bullet glyphs only: a dash at the start of a line is as often a spaced dash wrapped there.
const BULLET = /^[•◦▪▫●○■□‣⁃∙·]\s+/
// "1.", "(2)", "a)", "iv." -- lower-case letters only, so an initial ("A. Smith") is not a marker.
const NUMBERED = /^(\(?\d{1,3}[.)]|\(?[a-z][.)]|[ivx]{1,4}\.)\s+/
const CAPTION = /^(figure|fig\.|table|chart|map|graph|photo|image|exhibit|source)\s*[\d:.]/i
const SENTENCE_END = /[.!?:;"'”’»)\]]$/
const WORD_HYPHEN = /\p{L}[-\u2010\u2011\u00ad]$/u

/** Lines of one page, in content order. */
export function pageLines(page: PageRuns): Line[] {
  const lines: Line[] = []
  let line: Line | null = null
  let breakNext = false
  for (const run of page.runs) {
    const size = run.size > 0 ? run.size : 10
    if (run.str === '') {
      if (run.hasEOL) breakNext = true
      continue
    }
    const sameLine =
      line !== null &&
      !breakNext &&
      Math.abs(run.y - line.y) <= 0.5 * Math.max(size, line.size) &&
      run.x >= line.endX - 2 * size
    if (!sameLine) {
      if (line) lines.push(line)
      line = { text: run.str, x: run.x, endX: run.x + run.width, y: run.y, size, page: page.page }
    } else if (line) {
      const gap = run.x - line.endX
      if (gap > 0.15 * size && !/\s$/.test(line.text) && !/^\s/.test(run.str)) line.text += ' '
      line.text += run.str
      line.endX = Math.max(line.endX, run.x + run.width)
      // The line's size is that of its largest text: a heading with a small footnote mark stays a heading.
      if (run.str.trim()) line.size = Math.max(line.size, size)
    }
    breakNext = Boolean(run.hasEOL)
  }
  if (line) lines.push(line)
  for (const l of lines) l.text = l.text.replace(/\s+/g, ' ').trim()
  return lines.filter((l) => l.text !== '')
}

/** Reading blocks for a whole document. */
export function layoutPages(pages: PageRuns[]): LaidOutBlock[] {
  const perPage = pages.map((page) => ({ page, lines: pageLines(page) }))
  dropRunningLines(perPage)
  const all = perPage.flatMap((p) => p.lines)
  const body = bodySize(all)
  const headingSizes = [...new Set(all.filter((l) => l.size >= body * 1.15).map((l) => round(l.size)))].sort(
    (a, b) => b - a
  )
  const blocks: LaidOutBlock[] = []
  for (const { lines } of perPage) {
    const spacing = lineSpacing(lines, body)
    const right = columnEdges(lines, body)
    let current: { lines: Line[]; kind: BlockKind; level?: number } | null = null
    const finish = (): void => {
      if (current) blocks.push(toBlock(current.lines, current.kind, current.level))
      current = null
    }
    lines.forEach((line, i) => {
      const prev = lines[i - 1]
      const marker = BULLET.test(line.text) || NUMBERED.test(line.text)
      const headingLevel = line.size >= body * 1.15 ? Math.min(6, headingSizes.indexOf(round(line.size)) + 1) : 0
      const kind: BlockKind = headingLevel
        ? 'heading'
        : marker
          ? 'list-item'
          : CAPTION.test(line.text) && line.size <= body
            ? 'caption'
            : 'paragraph'
      const continues =
        current !== null &&
        prev !== undefined &&
        !marker &&
        !(kind === 'caption') &&
        continuesBlock(prev, line, current.kind, current.lines[0], { spacing, right, body })
      if (!continues) {
        finish()
        current = { lines: [line], kind, level: headingLevel || undefined }
      } else current!.lines.push(line)
    })
    finish()
  }
  return joinAcrossPages(blocks)
}

/**
 * The right edge of the column a line starts in: the furthest line end shared by at least two body
 * lines starting near it (justified text), else the furthest line end. Lines are bucketed by where
 * they start, so a page of thousands of lines costs no more than a few passes over it.
 */
function columnEdges(lines: Line[], body: number): (line: Line) => number {
  const buckets = new Map<number, number[]>()
  for (const line of lines) {
    if (Math.abs(line.size - body) >= 0.5) continue
    const key = Math.round(line.x / body)
    const bucket = buckets.get(key)
    if (bucket) bucket.push(line.endX)
    else buckets.set(key, [line.endX])
  }
  const edges = new Map<number, number>()
  return (line) => {
    const key = Math.round(line.x / body)
    let edge = edges.get(key)
    if (edge === undefined) {
      const ends: number[] = []
      for (let k = key - 3; k <= key + 3; k++) ends.push(...(buckets.get(k) ?? []))
      ends.sort((a, b) => b - a)
      edge = ends.find((end, i) => i + 1 < ends.length && end - ends[i + 1] <= 1) ?? ends[0] ?? 0
      edges.set(key, edge)
    }
    return Math.max(line.endX, edge)
  }
}

/**
 * A paragraph cut mid-sentence by a page break is one paragraph (and a word hyphenated across the
 * break one word). It keeps the page it starts on.
 */
function joinAcrossPages(blocks: LaidOutBlock[]): LaidOutBlock[] {
  const out: LaidOutBlock[] = []
  blocks.forEach((block, i) => {
    const prev = out[out.length - 1]
    const firstOnPage = i > 0 && blocks[i - 1].page !== block.page
    const runsOn =
      firstOnPage &&
      prev.page <= block.page - 1 &&
      blocks[i - 1].page === block.page - 1 &&
      prev.kind === 'paragraph' &&
      block.kind === 'paragraph' &&
      !SENTENCE_END.test(prev.text) &&
      /^\p{Ll}/u.test(block.text)
    if (runsOn) prev.text = joinLines(prev.text, block.text)
    else out.push(block)
  })
  return out
}

function continuesBlock(
  prev: Line,
  line: Line,
  kind: BlockKind,
  first: Line,
  page: { spacing: number; right: (line: Line) => number; body: number }
): boolean {
  const size = Math.max(line.size, prev.size)
  if (Math.abs(line.size - prev.size) > 0.15 * size) return false
  const drop = prev.y - line.y
  if (drop <= 0) {
    // Back up the page: a new column. Only a sentence cut in two carries on.
    return !SENTENCE_END.test(prev.text) && /^\p{Ll}/u.test(line.text)
  }
  // More space than between the lines of a paragraph.
  if (drop > Math.max(page.spacing, size) * 1.25) return false
  if (kind === 'heading') return true
  if (kind === 'list-item') {
    // An item's own lines hang indented under its text.
    if (line.x <= first.x + 0.5 * size) return false
  } else if (line.x > prev.x + 0.8 * size) {
    // A first-line indent starts a paragraph.
    return false
  }
  // A line well short of the column's edge ended its paragraph if it ended a sentence, and ended
  // it anyway if it is very short (table rows, addresses, list items without bullet characters).
  const width = page.right(prev) - prev.x
  const used = prev.endX - prev.x
  if (used < width - Math.max(3 * size, 0.12 * width) && SENTENCE_END.test(prev.text)) return false
  if (used < width * 0.6) return false
  return true
}

function toBlock(lines: Line[], kind: BlockKind, level?: number): LaidOutBlock {
  let text = lines[0].text
  for (const line of lines.slice(1)) text = joinLines(text, line.text)
  // Large type running on for several lines is a standfirst or pull quote, not a heading.
  if (kind === 'heading' && (lines.length > 3 || text.length > 200)) kind = 'paragraph'
  if (kind === 'list-item') text = text.replace(BULLET, '')
  const block: LaidOutBlock = { kind, text, page: lines[0].page }
  if (kind === 'heading' && level) block.level = level
  if (kind === 'list-item') block.level = 1
  return block
}

/** Joins two lines of a paragraph, undoing end-of-line hyphenation. */
export function joinLines(before: string, after: string): string {
  if (before.endsWith('\u00ad')) return before.slice(0, -1) + after
  if (WORD_HYPHEN.test(before) && /^\p{Ll}/u.test(after)) return before.slice(0, -1) + after
  if (/[\u3000-\u9fff\uac00-\ud7af]$/.test(before) && /^[\u3000-\u9fff\uac00-\ud7af]/.test(after)) return before + after
  return before + ' ' + after
}

/** Drops lines repeated at the top or bottom of many pages (running heads, footers) and page numbers. */
function dropRunningLines(pages: { page: PageRuns; lines: Line[] }[]): void {
  const edge = (p: { page: PageRuns; lines: Line[] }): Line[] => {
    const sorted = [...p.lines].sort((a, b) => b.y - a.y)
    return [...sorted.slice(0, 2), ...sorted.slice(-2)]
  }
  const key = (line: Line): string => line.text.toLowerCase().replace(/\d+/g, '#')
  const counts = new Map<string, number>()
  for (const p of pages) for (const k of new Set(edge(p).map(key))) counts.set(k, (counts.get(k) ?? 0) + 1)
  const threshold = Math.max(3, Math.ceil(pages.length * 0.5))
  for (const p of pages) {
    const doomed = new Set(
      edge(p).filter((line) => {
        const nearEdge = line.y > p.page.height * 0.88 || line.y < p.page.height * 0.12
        return (counts.get(key(line)) ?? 0) >= threshold || (nearEdge && isPageNumber(line.text))
      })
    )
    p.lines = p.lines.filter((line) => !doomed.has(line))
  }
}

function isPageNumber(text: string): boolean {
  return /^(page|p\.|seite|стр\.?|страница)?\s*[-–]?\s*\d{1,4}\s*[-–]?(\s*(of|\/|von|из)\s*\d{1,4})?$/i.test(
    text.trim()
  )
}

/** The most common font size, by amount of text. */
function bodySize(lines: Line[]): number {
  const weight = new Map<number, number>()
  for (const line of lines) weight.set(round(line.size), (weight.get(round(line.size)) ?? 0) + line.text.length)
  let best = 10
  let most = -1
  for (const [size, w] of weight) if (w > most) [best, most] = [size, w]
  return best
}

/** Typical baseline-to-baseline distance of body text on a page. */
function lineSpacing(lines: Line[], body: number): number {
  const gaps: number[] = []
  for (let i = 1; i < lines.length; i++) {
    const gap = lines[i - 1].y - lines[i].y
    if (gap > 0 && gap < body * 3 && Math.abs(lines[i].size - body) < 0.5) gaps.push(gap)
  }
  if (gaps.length === 0) return body * 1.2
  gaps.sort((a, b) => a - b)
  return gaps[Math.floor(gaps.length / 2)]
}

function round(size: number): number {
  return Math.round(size * 2) / 2
}
