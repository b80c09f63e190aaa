// A caveat on "the figures" with no owner: "could not verify any of the casualty figures cited below" at the
// top of a digest, or a closing "Reuters could not independently verify the figures." standing alone. It is
// about the article's figures (of the kind it names), not the one claim next to it.
import type { Quantity } from '../../shared/analysis'

export interface FiguresCaveat {
  /** The figures it covers come after it ("cited below"), before it (a closing paragraph), or anywhere. */
  direction: 'before' | 'after' | 'any'
  /** Whose figures ("provided by the directorate and district hospitals"): each owner's words; none for anyone's. */
  owners: string[][]
  /** The kind of figure named ("casualty figures"), read from a claim's words; null for any figure. */
  kind: RegExp | null
}

interface Covered {
  resolution: string
  entity: { name: string } | null
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
  /\b(?:killed|dead|died|deaths?|bodies|injured|injuries|wounded|hurt|casualt\w*|hospital\w*|admitted|toll|missing)\b/i

/** "Casualty figures provided by the directorate and district hospitals": figures with their owners named. */
const PROVIDED =
  /\b(?:the\s+)?(?:([\p{L}-]+)\s+)?(?:figures|numbers|tolls|estimates)\s+(?:provided|given|released|reported|published|issued)\s+by\s+(.+?)(?=\s+(?:could|can|cannot|have|has|were|are|was|is)\b|[.,;]|$)/iu
const STOP_WORDS = new Set(['the', 'a', 'an', 'of', 'its', 'their'])
const singular = (w: string) => w.replace(/(?<=[^s])s$/, '')

export function figuresCaveat(sentenceText: string, alone: boolean): FiguresCaveat | null {
  const provided = PROVIDED.exec(sentenceText)
  // "given by either side", "by any of the parties": the older rules' "either" and "officials".
  if (provided && !/^(?:either|both|any|all|each|neither)\b/i.test(provided[2])) {
    const owners = provided[2]
      .split(/\s*,\s*(?:and\s+)?|\s+and\s+/)
      .map((o) =>
        o
          .toLowerCase()
          .split(/\s+/)
          .filter((w) => w && !STOP_WORDS.has(w))
          .map(singular)
      )
      .filter((o) => o.length)
    if (owners.length) return { direction: 'any', owners, kind: kindOf(provided[1]) }
  }
  const m = ON_FIGURES.exec(sentenceText)
  if (!m) return null
  if (OWNED.test(sentenceText.slice(m.index + m[0].length).replace(/^[\s,]*(?:below|above|here)\b/i, ''))) return null
  const direction = m[2]?.toLowerCase() === 'below' ? 'after' : m[2] || alone ? 'before' : null
  if (!direction) return null
  return { direction, owners: [], kind: kindOf(m[1]) }
}

function kindOf(written: string | undefined): RegExp | null {
  const word = written?.toLowerCase()
  if (!word || NO_KIND.has(word)) return null
  return /^casualt/.test(word) ? CASUALTIES : new RegExp(`\\b${word.replace(/(?:ies|y|s)$/, '')}`, 'iu')
}

/** The claims a figures caveat covers: others' claims with a figure (of its kind), on its side of it. */
export function coveredByFiguresCaveat<T extends Covered>(caveat: FiguresCaveat, before: T[], after: T[]): T[] {
  const pool = caveat.direction === 'after' ? after : caveat.direction === 'before' ? before : [...before, ...after]
  const owned = (d: Covered) => {
    const words = (d.entity?.name ?? '')
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .map(singular)
    return caveat.owners.some((o) => o.every((w) => words.includes(w)))
  }
  return pool.filter(
    (d) =>
      d.resolution !== 'publisher' &&
      (!caveat.owners.length || owned(d)) &&
      d.quantities.some((q) => q.unitClass !== 'time') &&
      (!caveat.kind || caveat.kind.test(d.claim.text))
  )
}
