// ICD 203 estimative-language check. Recognises the likelihood terms of both ICD 203 scales and the
// analytic-confidence phrases, and warns (gently) about the two habits the standard asks analysts to
// avoid: mixing the two scales in one product, and putting confidence and likelihood in one sentence.
// Pure: runs in the composer on every keystroke and in the exporters.

export interface TextRange {
  start: number
  end: number
}

/** ICD 203 has two parallel term sets; a product should use one. */
export type TermSet = 'likely' | 'probable'

export interface LikelihoodBand {
  level: number
  /** Percent range, e.g. [55, 80]. */
  percent: [number, number]
  terms: Record<TermSet, string[]>
}

/**
 * The seven ICD 203 bands, both term sets, with the adverbs ICD 203 lists beside them ("probable
 * (probably)", "improbable (improbably)"). Longer phrases are matched before their substrings.
 */
export const ICD203_SCALE: LikelihoodBand[] = [
  { level: 1, percent: [1, 5], terms: { likely: ['almost no chance'], probable: ['remote'] } },
  { level: 2, percent: [5, 20], terms: { likely: ['very unlikely'], probable: ['highly improbable'] } },
  { level: 3, percent: [20, 45], terms: { likely: ['unlikely'], probable: ['improbable', 'improbably'] } },
  { level: 4, percent: [45, 55], terms: { likely: ['roughly even chance'], probable: ['roughly even odds'] } },
  { level: 5, percent: [55, 80], terms: { likely: ['likely'], probable: ['probable', 'probably'] } },
  { level: 6, percent: [80, 95], terms: { likely: ['very likely'], probable: ['highly probable'] } },
  {
    level: 7,
    percent: [95, 99],
    terms: { likely: ['almost certain', 'almost certainly'], probable: ['nearly certain', 'nearly certainly'] }
  }
]

export const TERM_SET_NAMES: Record<TermSet, string> = {
  likely: 'almost no chance … likely … almost certain',
  probable: 'remote … probable … nearly certain'
}

export interface LikelihoodTerm extends TextRange {
  text: string
  set: TermSet
  level: number
  percent: [number, number]
}

export interface ConfidenceMention extends TextRange {
  text: string
  level: 'high' | 'moderate' | 'low'
}

export type WarningKind = 'mixed-scales' | 'confidence-with-likelihood'

export interface EstimativeWarning {
  kind: WarningKind
  reason: string
  /** The words the warning is about. */
  ranges: TextRange[]
  /** For confidence-with-likelihood: the sentence. */
  sentence?: TextRange
}

export interface EstimativeCheck {
  terms: LikelihoodTerm[]
  confidence: ConfidenceMention[]
  warnings: EstimativeWarning[]
}

interface TermInfo {
  set: TermSet
  level: number
  percent: [number, number]
}

const TERMS = new Map<string, TermInfo>()
for (const band of ICD203_SCALE)
  for (const set of ['likely', 'probable'] as const)
    for (const t of band.terms[set]) TERMS.set(t, { set, level: band.level, percent: band.percent })

const phrase = (t: string): string => t.split(' ').join('\\s+')
// "remote" is a likelihood word only in a likelihood context ("a remote chance", "is remote");
// "remote sensing" or "a remote village" is not.
const REMOTE =
  '(?<=\\b(?:is|are|was|were|be|been|remains|remain|seems|seem|appears|appear)\\s+(?:very\\s+|extremely\\s+)?)remote\\b|remote(?=\\s+(?:chance|possibility|prospect|likelihood|probability)\\b)'
const ALTERNATIVES = [...TERMS.keys()]
  .filter((t) => t !== 'remote')
  .sort((a, b) => b.length - a.length) // longest first: "very unlikely" before "unlikely", "likely"
  .map((t) => `\\b${phrase(t)}\\b`)
const TERM_RE = new RegExp(`${ALTERNATIVES.join('|')}|${REMOTE}`, 'gi')

const CONFIDENCE_RE =
  /\b(high|moderate|low)(?:\s+|-)confidence\b|\bconfidence\s+(?:is|was|remains|level\s+is)\s+(?:only\s+)?(high|moderate|low)\b|\b(high|moderate|low)ly\s+confident\b/gi

function normalise(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ')
}

export function findLikelihoodTerms(text: string): LikelihoodTerm[] {
  const out: LikelihoodTerm[] = []
  for (const m of text.matchAll(TERM_RE)) {
    const info = TERMS.get(normalise(m[0]))!
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], ...info })
  }
  return out
}

export function findConfidence(text: string): ConfidenceMention[] {
  const out: ConfidenceMention[] = []
  for (const m of text.matchAll(CONFIDENCE_RE)) {
    const level = (m[1] ?? m[2] ?? m[3]).toLowerCase() as ConfidenceMention['level']
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], level })
  }
  return out
}

// Words after which a full stop does not end a sentence.
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'gen',
  'lt',
  'col',
  'maj',
  'capt',
  'sgt',
  'adm',
  'sen',
  'rep',
  'gov',
  'st',
  'no',
  'vs',
  'etc',
  'approx',
  'est',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'e.g',
  'i.e',
  'u.s',
  'u.k',
  'u.n'
])

/** Sentence ranges: ends at . ! ? followed by space and a capital/digit/quote, or at a blank line. */
export function splitSentences(text: string): TextRange[] {
  const out: TextRange[] = []
  let start = 0
  const re = /([.!?]+)["'”’)\]]*(?=\s+["'“‘([]?[\p{Lu}\d])|\n\s*\n/gu
  for (const m of text.matchAll(re)) {
    if (m[1]) {
      const before = text.slice(start, m.index)
      const word = /([\p{L}.]+)$/u.exec(before)?.[1].toLowerCase() ?? ''
      if (m[1] === '.' && (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word)))
        continue
    }
    const end = m.index + m[0].length
    if (text.slice(start, end).trim()) out.push({ start, end })
    start = end
  }
  if (text.slice(start).trim()) out.push({ start, end: text.length })
  return out
}

interface ChosenScale {
  set: TermSet
  /** The term that chose it, quoted in the warning. */
  term: string
}

/** Warns about the terms that are not from the chosen scale. */
function mixedScaleWarning(chosen: ChosenScale, terms: LikelihoodTerm[]): EstimativeWarning | null {
  const other = terms.filter((t) => t.set !== chosen.set)
  if (other.length === 0) return null
  return {
    kind: 'mixed-scales',
    reason:
      `Mixes the two ICD 203 scales: “${chosen.term}” is from the ${TERM_SET_NAMES[chosen.set]} set, ` +
      `“${other[0].text}” from the ${TERM_SET_NAMES[other[0].set]} set. Use one scale throughout a product.`,
    ranges: other.map(({ start, end }) => ({ start, end }))
  }
}

function sentenceWarnings(text: string, terms: LikelihoodTerm[], conf: ConfidenceMention[]): EstimativeWarning[] {
  if (terms.length === 0 || conf.length === 0) return []
  const out: EstimativeWarning[] = []
  for (const s of splitSentences(text)) {
    const inside = <T extends TextRange>(r: T): boolean => r.start >= s.start && r.end <= s.end
    const t = terms.filter(inside)
    const c = conf.filter(inside)
    if (t.length === 0 || c.length === 0) continue
    out.push({
      kind: 'confidence-with-likelihood',
      reason:
        `“${c[0].text}” and “${t[0].text}” in one sentence: ICD 203 keeps analytic confidence apart from ` +
        'likelihood. State the likelihood, and the confidence in a separate sentence.',
      ranges: [...c, ...t].sort((x, y) => x.start - y.start).map(({ start, end }) => ({ start, end })),
      sentence: s
    })
  }
  return out
}

export function checkEstimativeLanguage(text: string): EstimativeCheck {
  const terms = findLikelihoodTerms(text)
  const confidence = findConfidence(text)
  const warnings: EstimativeWarning[] = []
  const mixed = terms.length > 0 ? mixedScaleWarning({ set: terms[0].set, term: terms[0].text }, terms) : null
  if (mixed) warnings.push(mixed)
  warnings.push(...sentenceWarnings(text, terms, confidence))
  return { terms, confidence, warnings }
}

export interface FieldText {
  /** Caller's name for the field, e.g. "bottomLine" or "judgment:<id>". */
  field: string
  text: string
}

export interface FieldWarning extends EstimativeWarning {
  field: string
}

/**
 * Checks the fields of one product together: the first likelihood term, in field order, chooses the
 * scale, and a field using the other one is warned even when it is consistent on its own.
 */
export function checkProductLanguage(fields: FieldText[]): FieldWarning[] {
  const out: FieldWarning[] = []
  let chosen: ChosenScale | null = null
  for (const { field, text } of fields) {
    const terms = findLikelihoodTerms(text)
    if (terms.length > 0) {
      chosen ??= { set: terms[0].set, term: terms[0].text }
      const mixed = mixedScaleWarning(chosen, terms)
      if (mixed) out.push({ ...mixed, field })
    }
    for (const w of sentenceWarnings(text, terms, findConfidence(text))) out.push({ ...w, field })
  }
  return out
}
