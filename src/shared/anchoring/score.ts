// How well a place in the new text fits a claim's selectors, and the floor below which a claim is
// orphaned rather than attached to doubtful text. The weights follow the Hypothesis client's
// (quote 50, prefix 20, suffix 20), with more weight on position because ours is the claim's old
// place carried across the edit (text-alignment.ts), not the raw old offset. Unlike Hypothesis,
// a match must clear a floor: without one, a deleted sentence's claim lands on whatever sentence
// looks most like it.
import type { TextQuoteSelector } from '../model'
import { similarity } from './similarity'

export const WEIGHTS = { quote: 0.5, prefix: 0.2, suffix: 0.2, position: 0.1 } as const

/**
 * Near the claim's old place (the new text that replaced its surroundings). The floors come from what
 * chance looks like: 32 characters of unrelated prose score about 0.16 against each other (measured
 * by bench/reanchor-bench.mjs). There an exact quote whose context changed on both sides scores
 * 0.5 + 0.4 × 0.16 + up to 0.1 for position ≈ 0.66: it attaches only right where its words were. A
 * quote that lost a tenth of its characters needs one side of its context (0.45 + 0.2 + 0.03 + 0.1);
 * one that lost two fifths needs both.
 */
export const MIN_SCORE = 0.65
/** At least this share of the quote's characters must survive (also bounds the fuzzy search). */
export const MIN_QUOTE = 0.6
/**
 * Away from its old place position vouches for nothing and look-alike sentences are many: an exact
 * quote needs about three quarters of its context on both sides (0.5 + 0.2 × 1.5).
 */
export const MIN_SCORE_ELSEWHERE = 0.8
/** There a match must also outscore every other place by this much: a phrase the text repeats is no evidence. */
export const MARGIN_ELSEWHERE = 0.05

export interface Evidence {
  /** 1 - errors / quote length. */
  quote: number
  /** Similarity of the old context to the text now before and after the match. */
  prefix: number
  suffix: number
  /** 1 at the expected place, falling to 0 at `spread` characters away (0 throughout when spread is 0). */
  position: number
}

export function scoreOf(e: Evidence): number {
  return WEIGHTS.quote * e.quote + WEIGHTS.prefix * e.prefix + WEIGHTS.suffix * e.suffix + WEIGHTS.position * e.position
}

export function clears(e: Evidence, floor = MIN_SCORE, minQuote = MIN_QUOTE): boolean {
  return e.quote >= minQuote && scoreOf(e) >= floor
}

/** How the old prefix and suffix compare with the text around [start, end) now. */
export function contextEvidence(
  text: string,
  start: number,
  end: number,
  quote: TextQuoteSelector
): Pick<Evidence, 'prefix' | 'suffix'> {
  // Context that was empty (the quote began or ended the text) says nothing unless it still is.
  return {
    prefix:
      quote.prefix === ''
        ? start === 0
          ? 1
          : 0.5
        : similarity(quote.prefix, text.slice(Math.max(0, start - quote.prefix.length), start)),
    suffix:
      quote.suffix === ''
        ? end === text.length
          ? 1
          : 0.5
        : similarity(quote.suffix, text.slice(end, end + quote.suffix.length))
  }
}

export function positionEvidence(start: number, expected: number, spread: number): number {
  if (spread <= 0) return 0
  return 1 - Math.min(1, Math.abs(start - expected) / spread)
}
