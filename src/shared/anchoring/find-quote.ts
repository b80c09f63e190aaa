// A quote someone typed (the CLI's --quote, the sample case) found in a document's text: exact
// first, then ignoring the typographic differences of quotes, dashes and white space.
import type { TextPositionSelector } from '../model'

/** Straight quotes, single spaces, no soft hyphens: how people type a quote they read. */
function foldChar(ch: string): string {
  switch (ch) {
    case '\u2018':
    case '\u2019':
    case '\u201B':
    case '\u2032':
      return "'"
    case '\u201C':
    case '\u201D':
    case '\u201F':
    case '\u2033':
      return '"'
    case '\u2013':
    case '\u2014':
      return '-'
    case '\u00AD':
      return ''
    default:
      return /\s/.test(ch) ? ' ' : ch
  }
}

/** The folded text and, for each folded character, its index in the original. */
function fold(text: string): { folded: string; map: number[] } {
  let folded = ''
  const map: number[] = []
  for (let i = 0; i < text.length; i++) {
    const f = foldChar(text[i])
    if (f === '') continue
    if (f === ' ' && folded.endsWith(' ')) continue
    folded += f
    map.push(i)
  }
  map.push(text.length)
  return { folded, map }
}

function allIndexes(haystack: string, needle: string): number[] {
  const found: number[] = []
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) found.push(i)
  return found
}

export interface QuoteMatches {
  /** Every place the quote occurs, in text order. */
  ranges: TextPositionSelector[]
  /** True when the quote only matched after folding quotes, dashes and white space. */
  folded: boolean
}

/** Every occurrence of `quote` in `text`, exact first, then ignoring typographic differences. */
export function findQuote(text: string, quote: string): QuoteMatches {
  const exact = allIndexes(text, quote)
  if (exact.length > 0) {
    return { ranges: exact.map((start) => ({ start, end: start + quote.length })), folded: false }
  }
  const t = fold(text)
  const q = fold(quote.trim()).folded
  if (q.length === 0) return { ranges: [], folded: true }
  const ranges = allIndexes(t.folded, q).map((i) => ({
    start: t.map[i],
    end: t.map[i + q.length - 1] + 1
  }))
  return { ranges, folded: true }
}
