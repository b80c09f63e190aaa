// Anchoring claims to text: selectors from a range, ranges from a quote, and re-anchoring that
// reports a lost anchor instead of jumping to look-alike text.
import type { TextPositionSelector, TextQuoteSelector } from './model'

export const CONTEXT_CHARS = 32

export function selectorsFor(
  text: string,
  start: number,
  end: number
): { quote: TextQuoteSelector; position: TextPositionSelector } {
  return {
    quote: {
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
      suffix: text.slice(end, end + CONTEXT_CHARS)
    },
    position: { start, end }
  }
}

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

export type AnchorStatus = 'exact' | 'moved' | 'orphaned'

export interface Anchor {
  status: AnchorStatus
  start: number
  end: number
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++
  return n
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a[n] === b[n]) n++
  return n
}

/**
 * Where a claim's quote stands in `text` now. The stored position wins when it still holds the
 * quote. Otherwise the quote is looked up: a single occurrence, or the one whose surrounding
 * context matches the stored prefix/suffix best, is accepted; several equally good candidates
 * or none at all leave the claim orphaned rather than guessing.
 */
export function anchor(text: string, quote: TextQuoteSelector, position: TextPositionSelector): Anchor {
  if (text.slice(position.start, position.end) === quote.exact) {
    return { status: 'exact', ...position }
  }
  const candidates = allIndexes(text, quote.exact)
  if (candidates.length === 0) return { status: 'orphaned', ...position }
  const scored = candidates.map((start) => {
    const end = start + quote.exact.length
    const context =
      commonSuffixLength(text.slice(Math.max(0, start - quote.prefix.length), start), quote.prefix) +
      commonPrefixLength(text.slice(end, end + quote.suffix.length), quote.suffix)
    return { start, end, context }
  })
  scored.sort((a, b) => b.context - a.context || Math.abs(a.start - position.start) - Math.abs(b.start - position.start))
  const [best, second] = scored
  const unique = scored.length === 1
  const contextWins = best.context > 0 && (!second || best.context > second.context)
  if (!unique && !contextWins) return { status: 'orphaned', ...position }
  return { status: 'moved', start: best.start, end: best.end }
}
