// A caveat on "the figures" with no owner: "could not verify any of the casualty figures cited below" at the
// top of a digest, or a closing "Reuters could not independently verify the figures." standing alone. It is
// about the article's figures (of the kind it names), not the one claim next to it.
import type { Quantity } from '../../shared/analysis'

export interface FiguresCaveat {
  /** The figures it covers come after it ("cited below") or before it (a closing paragraph). */
  direction: 'before' | 'after'
  /** The kind of figure named ("casualty figures"), read from a claim's words; null for any figure. */
  kind: RegExp | null
}

interface Covered {
  resolution: string
  claim: { text: string }
  quantities: Quantity[]
}

const ON_FIGURES =
  /\b(?:(?:any|all|each|none)\s+of\s+)?the\s+(?:([\p{L}-]+)\s+)?(?:figures|numbers|tolls|estimates)\b(?:\s+(?:cited|given|reported|quoted|mentioned|used)\s+(below|above|here))?/iu
/** A caveat whose figures belong to someone or something: left to the owner rules. */
const OWNED = /['’]s\s|\b(?:either|both|by|from|for|in|it|they|these|those)\b/i
/** Words that say which figures without naming a kind. */
const NO_KIND = new Set(
  'official latest new other same various different reported exact precise final initial'.split(' ')
)
/** What a casualty figure counts. */
const CASUALTIES =
  /\b(?:killed|dead|died|deaths?|injured|injuries|wounded|hurt|casualt\w*|hospital\w*|admitted|toll|missing)\b/i

export function figuresCaveat(sentenceText: string, alone: boolean): FiguresCaveat | null {
  const m = ON_FIGURES.exec(sentenceText)
  if (!m) return null
  if (OWNED.test(sentenceText.slice(m.index + m[0].length).replace(/^[\s,]*(?:below|above|here)\b/i, ''))) return null
  const direction = m[2]?.toLowerCase() === 'below' ? 'after' : m[2] || alone ? 'before' : null
  if (!direction) return null
  const word = m[1]?.toLowerCase()
  const kind =
    !word || NO_KIND.has(word)
      ? null
      : /^casualt/.test(word)
        ? CASUALTIES
        : new RegExp(`\\b${word.replace(/(?:ies|y|s)$/, '')}`, 'iu')
  return { direction, kind }
}

/** The claims a figures caveat covers: others' claims with a figure (of its kind), on its side of it. */
export function coveredByFiguresCaveat<T extends Covered>(caveat: FiguresCaveat, before: T[], after: T[]): T[] {
  const pool = caveat.direction === 'after' ? after : before
  return pool.filter(
    (d) =>
      d.resolution !== 'publisher' &&
      d.quantities.some((q) => q.unitClass !== 'time') &&
      (!caveat.kind || caveat.kind.test(d.claim.text))
  )
}
