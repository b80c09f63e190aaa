// Places in a document's text where a claim's quote is, exactly or approximately, each scored
// against the claim's selectors. Approximate search is approx-string-match (Myers' bit-parallel
// algorithm, the library the Hypothesis client uses), which finds the fewest-errors matches.
import search from 'approx-string-match'
import type { TextQuoteSelector } from '../model'
import { clears, contextEvidence, positionEvidence, scoreOf, type Evidence } from './score'
import type { TextRange } from './text-alignment'

/** Part of a document to search: its text, and where a range of it lies in the document. */
export interface SearchArea {
  text: string
  /** The document range of `text[start, end)`, or null when it crosses a seam between stretches. */
  place(start: number, end: number): TextRange | null
}

/** The document's text from `from` to `to`. */
export function windowArea(text: string, from: number, to: number): SearchArea {
  const start = Math.max(0, from)
  const end = Math.min(text.length, to)
  return {
    text: text.slice(start, Math.max(start, end)),
    place: (s, e) => ({ start: start + s, end: start + e })
  }
}

/** Stretches of the document (in order) searched as one: joined by a character no text holds. */
export function stretchesArea(text: string, stretches: readonly TextRange[]): SearchArea {
  const SEAM = '\u0000'
  const offsets: number[] = []
  let joined = ''
  for (const s of stretches) {
    if (joined) joined += SEAM
    offsets.push(joined.length)
    joined += text.slice(s.start, s.end)
  }
  const stretchAt = (i: number): number => {
    let lo = 0
    let hi = offsets.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (offsets[mid] <= i) lo = mid
      else hi = mid - 1
    }
    return lo
  }
  return {
    text: joined,
    place(start, end) {
      const k = stretchAt(start)
      if (end <= start || stretchAt(end - 1) !== k || joined[end - 1] === SEAM) return null
      const base = stretches[k].start - offsets[k]
      return { start: base + start, end: base + end }
    }
  }
}

export interface Occurrence extends TextRange {
  /** Edits between the quote and the text here (0 for an exact occurrence). */
  errors: number
}

/** Where the quote occurs exactly in the area (at most `limit` places), in document offsets. */
export function exactOccurrences(area: SearchArea, exact: string, limit = 1000): Occurrence[] {
  const found: Occurrence[] = []
  if (exact === '') return found
  for (let i = area.text.indexOf(exact); i !== -1 && found.length < limit; i = area.text.indexOf(exact, i + 1)) {
    const place = area.place(i, i + exact.length)
    if (place) found.push({ ...place, errors: 0 })
  }
  return found
}

/** The places with the fewest edits from the quote, if no more than `maxErrors`, in document offsets. */
export function approximateOccurrences(area: SearchArea, exact: string, maxErrors: number): Occurrence[] {
  if (exact === '' || area.text === '') return []
  const found: Occurrence[] = []
  for (const m of search(area.text, exact, maxErrors)) {
    const place = m.end > m.start ? area.place(m.start, m.end) : null
    if (place) found.push({ ...place, errors: m.errors })
  }
  return found
}

export interface QuoteMatch extends TextRange {
  score: number
  evidence: Evidence
}

export interface ScoreOptions {
  /** Where the quote is expected in the document, and how far from it position still counts. */
  expected: number
  spread: number
  /** The score a match must reach, and the share of the quote it must keep (score.ts). */
  floor: number
  minQuote: number
  /** How far it must outscore any other place it could be (0: a tie goes to the nearer). */
  margin: number
}

export function scoreOccurrence(
  text: string,
  quote: TextQuoteSelector,
  o: Occurrence,
  options: ScoreOptions
): QuoteMatch {
  const evidence: Evidence = {
    quote: 1 - o.errors / Math.max(1, quote.exact.length),
    ...contextEvidence(text, o.start, o.end, quote),
    position: positionEvidence(o.start, options.expected, options.spread)
  }
  return { start: o.start, end: o.end, score: scoreOf(evidence), evidence }
}

export interface BestMatch {
  /** The best match that clears the floors, or null. */
  match: QuoteMatch | null
  /** The best score seen, floors or not (0 when nothing was found). */
  bestScore: number
}

/**
 * The best-scoring occurrence that clears the floor (a tie goes to the nearer to the expected place),
 * unless another place, not overlapping it, scores within the margin of it: then none, as ambiguous.
 */
export function bestOf(
  text: string,
  quote: TextQuoteSelector,
  occurrences: readonly Occurrence[],
  options: ScoreOptions
): BestMatch {
  const scored = occurrences.map((o) => scoreOccurrence(text, quote, o, options))
  let match: QuoteMatch | null = null
  let bestScore = 0
  for (const m of scored) {
    bestScore = Math.max(bestScore, m.score)
    if (!clears(m.evidence, options.floor, options.minQuote)) continue
    const nearer = match !== null && Math.abs(m.start - options.expected) < Math.abs(match.start - options.expected)
    if (!match || m.score > match.score || (m.score === match.score && nearer)) match = m
  }
  if (match && options.margin > 0) {
    const best = match
    const rival = scored.some(
      (m) => (m.end <= best.start || m.start >= best.end) && m.score > best.score - options.margin
    )
    if (rival) match = null
  }
  return { match, bestScore }
}
