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
 * The floors, chosen on the re-anchoring benchmark's known answers (bench/reanchor-bench.mjs) and
 * on what chance looks like: 32 characters of unrelated English prose score about 0.35 against
 * each other. An exact quote with unrelated context on both sides and far from its old place
 * scores 0.5 + 0.4 × 0.35 = 0.64: orphaned. The same quote with one side of its context intact,
 * or near its old place, clears 0.7. A reworded quote needs its context or its place to vouch for it.
 */
export const MIN_SCORE = 0.65
/** At least this share of the quote's characters must survive (also bounds the fuzzy search). */
export const MIN_QUOTE = 0.6

export interface Evidence {
  /** 1 - errors / quote length. */
  quote: number
  /** Similarity of the old context to the text now before and after the match. */
  prefix: number
  suffix: number
  /** 1 at the expected place, falling to 0 at `spread` characters away. */
  position: number
}

export function scoreOf(e: Evidence): number {
  return WEIGHTS.quote * e.quote + WEIGHTS.prefix * e.prefix + WEIGHTS.suffix * e.suffix + WEIGHTS.position * e.position
}

export function clears(e: Evidence): boolean {
  return e.quote >= MIN_QUOTE && scoreOf(e) >= MIN_SCORE
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
  return 1 - Math.min(1, Math.abs(start - expected) / Math.max(1, spread))
}
