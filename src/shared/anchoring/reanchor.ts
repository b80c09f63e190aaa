// Moving a claim onto a new version of its document, in the order the evidence is strongest:
//   1. its words lie in text both versions share: taken where that text went (exact or moved);
//   2. the exact quote in the new text that replaced the old text around it, chosen by context and
//      distance from where the claim is expected;
//   3. an approximate match there (approx-string-match), scored on quote, prefix, suffix and distance;
//   4. the exact quote in any other stretch the new version changed (not in a version that rewrote
//      more than half its text), where position vouches for nothing: its context must, on a higher
//      floor, and no other place may score near it. The same strict terms hold in step 2, and step 3
//      is skipped, when what replaced the claim's surroundings is longer than a few paragraphs;
//   5. else orphaned: nothing cleared the floor (score.ts), and the claim is never attached to
//      doubtful text. Changed words far from their old place are not searched for: with neither the
//      words nor the place to vouch for them, a match there is the doubtful text this avoids.
// A match must overlap text the new version changed. Text both versions share was some other part of
// the old version, so a claim whose own words are gone never lands on a sentence that merely looks
// like them.
import type { TextPositionSelector, TextQuoteSelector } from '../model'
import {
  approximateOccurrences,
  bestOf,
  exactOccurrences,
  scoreOccurrence,
  windowArea,
  stretchesArea,
  type Occurrence,
  type QuoteMatch,
  type ScoreOptions,
  type SearchArea
} from './match-quote'
import { clears, MARGIN_ELSEWHERE, MIN_QUOTE, MIN_SCORE, MIN_SCORE_ELSEWHERE } from './score'
import { editDistance } from './similarity'
import { alignTexts, type TextAlignment, type TextRange } from './text-alignment'

export type Placement =
  | { state: 'exact' | 'moved' | 'fuzzy'; start: number; end: number; score: number }
  | { state: 'orphaned'; start?: undefined; end?: undefined; score: number | null }

/** How far from its expected place a match still earns something for position, at the least. */
const MIN_SPREAD = 1000

export interface Reanchorer {
  place(selectors: { quote: TextQuoteSelector; position: TextPositionSelector }): Placement
}

/** Places claims of `oldText` in `newText`; the texts are aligned once for all of them. */
export function reanchorer(oldText: string, newText: string): Reanchorer {
  const alignment = alignTexts(oldText, newText)
  const changedChars = alignment.changed.reduce((n, r) => n + r.end - r.start, 0)
  // In a version that rewrote most of the text, words far from their place are not looked for.
  const farSearch = changedChars <= newText.length / 2
  let changed: SearchArea | null = null
  const changedArea = () => (changed ??= stretchesArea(newText, alignment.changed))
  return {
    place: (selectors) => placeClaim(newText, alignment, farSearch ? changedArea : null, selectors)
  }
}

function placeClaim(
  text: string,
  alignment: TextAlignment,
  changed: (() => SearchArea) | null,
  { quote, position }: { quote: TextQuoteSelector; position: TextPositionSelector }
): Placement {
  const exact = quote.exact
  if (exact === '') return { state: 'orphaned', score: null }
  const shared = alignment.sharedRange(position.start, position.end)
  if (shared && text.slice(shared.start, shared.end) === exact) {
    return { state: shared.start === position.start ? 'exact' : 'moved', ...shared, score: 1 }
  }

  const expected = alignment.expected(position.start)
  const around = windowOf(alignment, position, exact.length, expected)
  // Near its old place, in a rewrite of about its own size, position vouches for a match; in a long
  // rewritten stretch or elsewhere in the changed text it says nothing, and only the exact words count.
  const nearby: ScoreOptions = {
    expected,
    spread: Math.max(MIN_SPREAD, around.end - around.start),
    floor: MIN_SCORE,
    minQuote: MIN_QUOTE,
    margin: 0
  }
  const strict: ScoreOptions = {
    expected,
    spread: 0,
    floor: MIN_SCORE_ELSEWHERE,
    minQuote: 1,
    margin: MARGIN_ELSEWHERE
  }
  const maxErrors = Math.floor(exact.length * (1 - MIN_QUOTE))
  const window = around.end > around.start ? windowArea(text, around.start, around.end) : null
  const steps: { options: ScoreOptions; find: () => Occurrence[] }[] = []
  if (window && around.local) {
    steps.push({ options: nearby, find: () => exactOccurrences(window, exact) })
    steps.push({ options: nearby, find: () => approximateOccurrences(window, exact, maxErrors) })
  } else if (window) {
    steps.push({ options: strict, find: () => exactOccurrences(window, exact) })
  }
  if (changed) steps.push({ options: strict, find: () => exactOccurrences(changed(), exact) })
  let bestScore = 0
  for (const step of steps) {
    const best = bestOf(
      text,
      quote,
      step.find().filter((o) => alignment.touchesChanged(o)),
      step.options
    )
    bestScore = Math.max(bestScore, best.bestScore)
    const found = best.match
    if (!found) continue
    const match = text.slice(found.start, found.end) === exact ? found : snapToWords(text, quote, found, step.options)
    if (!clears(match.evidence, step.options.floor, step.options.minQuote)) continue
    const wordsKept = text.slice(match.start, match.end) === exact
    const state = !wordsKept ? 'fuzzy' : match.start === position.start ? 'exact' : 'moved'
    return { state, start: match.start, end: match.end, score: round(match.score) }
  }
  return { state: 'orphaned', score: bestScore > 0 ? round(bestScore) : null }
}

/**
 * The new text that replaced the old text under the claim, widened by the quote's length so a
 * match straddling its edge is found, and kept within REACH of where the claim is expected (a
 * version sharing little with the old one would otherwise make every search span the whole text).
 * Empty when the claim's text was deleted outright; local when the replacement is no longer than a
 * few paragraphs, so that being in it says something.
 */
function windowOf(
  alignment: TextAlignment,
  position: TextPositionSelector,
  length: number,
  expected: number
): TextRange & { local: boolean } {
  const first = alignment.replacement(position.start)
  const last = alignment.replacement(Math.max(position.start, position.end - 1))
  const start = Math.min(first.start, last.start)
  const end = Math.max(first.end, last.end)
  if (end === start) return { start, end, local: true }
  const reach = REACH + length
  return {
    start: Math.max(start - length, expected - reach),
    end: Math.min(end + length, expected + reach),
    local: end - start <= LOCAL_STRETCH + length
  }
}

/** How far from its expected place a claim's words are looked for in rewritten text. */
const REACH = 5000
/** The longest replacement (characters) in which being near the claim's old place counts as evidence. */
const LOCAL_STRETCH = 3000

const WORD = /[\p{L}\p{N}]/u
const isWord = (ch: string | undefined): boolean => ch !== undefined && WORD.test(ch)
/** Longest part of a word an approximate match may have cut off. */
const WORD_TAIL = 24

/**
 * An approximate match may stop inside a word ("order" of "orders"): when the claim's words began
 * or ended at a word's edge, so does the match, rescored on the words it then covers (and dropped
 * by the caller if it no longer clears the floor: half a word is doubtful text).
 */
function snapToWords(text: string, quote: TextQuoteSelector, m: QuoteMatch, options: ScoreOptions): QuoteMatch {
  const { exact, prefix, suffix } = quote
  let { start, end } = m
  if (isWord(exact[0]) && !isWord(prefix.at(-1))) {
    for (let n = 0; n < WORD_TAIL && isWord(text[start - 1]); n++) start--
  }
  if (isWord(exact.at(-1)) && !isWord(suffix[0])) {
    for (let n = 0; n < WORD_TAIL && isWord(text[end]); n++) end++
  }
  if (start === m.start && end === m.end) return m
  const errors = exact.length <= MAX_RESCORE ? editDistance(exact, text.slice(start, end)) : undefined
  if (errors === undefined) return { ...m, start, end }
  return scoreOccurrence(text, quote, { start, end, errors }, options)
}
/** Quotes longer than this keep the score of the match as found (rescoring is quadratic). */
const MAX_RESCORE = 2000

const round = (score: number): number => Math.round(score * 1000) / 1000
