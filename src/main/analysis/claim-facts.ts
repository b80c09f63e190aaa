// What the conflict and circular-reporting rules read off one claim: its sentence in the document,
// its figures, whether it asserts or denies, reports an expectation or a fact, disputes another's
// figure or takes a stance that another can oppose, and the words it is about. Computed once per
// claim and shared by both.
import type { CaseDocument, Claim } from '../../shared/model'
import { MONTHS, WEEKDAYS } from './lexicon'
import { extractQuantities, mayHaveFigures, zeroCounts } from './quantities'
import type { Quantity } from '../../shared/analysis'

export interface ClaimFacts {
  claim: Claim
  /** The claim's quote with the rest of its sentence around it, and where the quote sits in it. */
  sentence: string
  quoteStart: number
  quoteEnd: number
  /** Figures inside the quote (offsets into `sentence`), counts given as none among them; durations left out. */
  quantities: Quantity[]
  /** Figures inside the quote whose unit the text leaves out ("shot down 41 of them"). */
  bare: Quantity[]
  /** Denies or negates what it is about ("denied that ...", "no vessels were hit"). */
  negative: boolean
  /** Denies it in so many words ("denied that ...", "rejected the report", "called the claims false"). */
  denial: boolean
  /** Reports an expectation rather than a fact ("expected ... soon", "would send"). */
  expected: boolean
  /**
   * Sets itself against someone else's figure ("at least double the official count", "much lower than
   * reported") or account ("the real cause was ...").
   */
  disputes: 'figure' | 'account' | null
  /** One side of a pair of accounts that cannot both hold (see STANCES), if the quote takes one. */
  stance: Stance | null
  /** Stems of the content words of the quote. */
  stems: Set<string>
  tags: string[]
}

const STOP = new Set([
  ...MONTHS,
  ...WEEKDAYS,
  ...(
    'a an the and or but of in on at to for from by with into over under about as is are was were be been being ' +
    'have has had do does did will would could can may might should must shall not no never none it its they ' +
    'their them he she his her we our you i this that these those there which who whom what when where while ' +
    'than then so if also only just more most some any all each other such very too own same new said say says ' +
    'told tell according since after before during until against between through per up down out off again ' +
    'week weeks month months year years day days today yesterday percent people one two three four five six seven ' +
    'eight nine ten'
  ).split(' ')
])
/** "called the report fabricated", "described the claims as baseless": a denial in other words. */
const CALLED_FALSE =
  '\\b(?:called|calls|call|described|describes|branded|brands|labelled|labeled)\\s+(?:[^\\s.]+\\s+){0,5}?["“]?(?:false|untrue|fabricated|baseless|groundless|unfounded|fake|lies|a\\s+lie|nonsense|propaganda|a\\s+fabrication|fiction)\\b'
const DENIAL_BEFORE = new RegExp(
  `\\b(?:denied|denies|deny|rejected|rejects|dismissed|dismisses|refuted|refutes|disputed|disputes)\\b|${CALLED_FALSE}`,
  'i'
)
const DENIAL_IN = new RegExp(
  `\\b(?:denied|denies|deny|rejected|rejects|dismissed|dismisses|refuted|refutes|disputed|disputes)\\b|\\b(?:reports?|claims?|allegations?)\\b.*\\b(?:is|are|was|were)\\s+(?:false|untrue|baseless|groundless|unfounded|fabricated)\\b|${CALLED_FALSE}`,
  'i'
)
/**
 * Negation of what the claim is about; not of a report ("not confirmed"), nor a hedge ("no more than"),
 * nor inside what someone was told to do ("staff had been told not to speak").
 */
const NEGATION = /\b(?:not|n't|never|no|none|nothing|nobody|neither)\b/gi
const NOT_CONTENT =
  /^(?:not\s+(?:yet\s+)?(?:been\s+)?(?:independently\s+)?(?:confirmed|denied|commented|verified|said|disclosed)|no\s+(?:more|fewer|less)\s+than|no\s+longer|not\s+only|not\s+to\b)/i
/** "are not enough": a copula's negation judges; "were not hit" (a passive) denies an event. */
const COPULA_NOT = /\b(?:is|are|was|were|be|been)\s+(?:not|n't)\s+(\p{L}+)/iu
const EXPECTATION =
  /\b(?:expects?|expected|expecting|will|would|soon|plans?\s+to|planned\s+to|set\s+to|intends?\s+to|going\s+to|due\s+to\s+(?:arrive|begin|start))\b/i

export function stem(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, '')
  if (w.length > 5) w = w.replace(/(?:ing|ed|es)$/, '')
  if (w.length > 3) w = w.replace(/s$/, '')
  return w
}

export function contentStems(text: string): Set<string> {
  const out = new Set<string>()
  for (const m of text.matchAll(/\p{L}[\p{L}'’-]*/gu)) {
    const w = m[0].toLowerCase()
    if (w.length < 3 || STOP.has(w)) continue
    out.add(stem(w))
  }
  return out
}

/**
 * The sentence around [start, end) in a text: back to the previous sentence end or line break, on to
 * the next. A stop inside an abbreviation ("7 a.m., the", "Dr. Lind") ends nothing.
 */
const ABBREVIATION = /(?:^|[\s(])(?:\p{L}|\p{L}\.\p{L}|Dr|Mr|Mrs|Ms|No|St|Gen|Col|Lt|Sgt|Capt|Prof)\.$/u
/** Whether a sentence ends at text[i]: a line break, or a stop (closing quotes after it) before a space. */
const STOPS = new Set(['.', '!', '?'])
function endsAt(text: string, i: number): boolean {
  if (text[i] === '\n') return true
  if (!STOPS.has(text[i]) || !/^["”’)]*(?:\s|$)/.test(text.slice(i + 1, i + 4))) return false
  return text[i] !== '.' || !ABBREVIATION.test(text.slice(Math.max(0, i - 6), i + 1))
}
function sentenceAround(text: string, start: number, end: number): [number, number] {
  const isStop = (c: string) => c === '.' || c === '!' || c === '?'
  let a = Math.max(0, start - 400)
  for (let i = start - 1; i >= a; i--) {
    if (text[i] === '\n') {
      a = i + 1
      break
    }
    if (isStop(text[i]) && endsAt(text, i)) {
      // After the stop, its closing quotes and the space that follows them.
      let k = i + 1
      while (k < start && /["”’)]/.test(text[k])) k++
      a = Math.min(k + 1, start)
      break
    }
  }
  let b = Math.min(text.length, end + 400)
  for (let i = end; i < b; i++)
    if (text[i] === '\n' || (isStop(text[i]) && endsAt(text, i))) {
      b = i
      break
    }
  return [a, Math.min(text.length, b + 1)]
}

/**
 * A figure measured against another: a multiple or a fraction of it, far off it, "the real number",
 * or one said to overstate it.
 */
const DISPUTES_FIGURE =
  /\b(?:(?:double|twice|triple|treble|half)\s+(?:what|th(?:at|e|ose)\s+(?:\S+\s+)?(?:figures?|numbers?|estimates?|counts?|toll|totals?|reported))\b|(?:two|three|four|five|several|many)\s+times\s+(?:higher|lower|more|fewer|greater|smaller|larger)\b|a\s+fraction\s+of\b|(?:far|much)\s+(?:fewer|more|higher|lower|less|greater|smaller)\b|(?:real|true|actual)\s+(?:number|figure|toll|count|total)\b|overstat\w*|understat\w*|exaggerat\w*|inflat(?:ed|ing)\b)/i

/** "The real cause was ...", "the true reason": an account set against the one given. */
const DISPUTES_ACCOUNT = /\b(?:real|true|actual)\s+(?:cause|reason|purpose|motive|target|story)\b/i

/**
 * Accounts that cannot both hold, each read off its words: ground reported taken ("seized the village",
 * "advanced") or still held ("still held the ridge"); something moved ("batteries moved south") or where
 * it was ("what it was a month ago"); supplies short ("the vaccine ran out") or enough. The first side
 * that a quote's words match is its stance.
 */
const STANCES = [
  [
    'still held',
    /\b(?:(?:still|continues?\s+to|continued\s+to|remains?|remained)\s+(?:\S+\s+){0,2}?(?:hold|holds|held|holding|control|controls|controlled|controlling|under\s+(?:\S+\s+){0,2}?control)|repelled|repulsed|beat(?:en)?\s+back|pushed\s+(?:\S+\s+){0,2}?back)\b/i
  ],
  [
    'ground taken',
    /\b(?:seized|captured|liberated|cleared(?!\s+of\b)|overran|overrun|advanced(?=\s+(?:on|into|towards?|to|along|in|by|from|further|deeper|past|beyond|up|about|some|several|\d)\b|\s*[,.;]|$)|(?:took|taken|gained|restored|established)\s+(?:full\s+|complete\s+)?control|(?:took|taken)\s+the\s+(?!decision|step|view|position|lead|time|opportunity|case|stand|floor|matter|risk|chance|blame|responsibility)|now\s+(?:hold|holds|held|control|controls))\b/i
  ],
  [
    'where it was',
    /\b(?:(?:where|what)\s+(?:it|they)\s+(?:was|were|had\s+been)|unchanged|(?:remains?|remained|stayed?)\s+in\s+place|(?:has|have|had)\s+not\s+(?:moved|changed|been\s+moved))\b/i
  ],
  [
    'moved',
    /\b(?:moved|moving|withdr[ae]wn?|withdrawing|pulled\s+(?:back|out)|relocated|relocating|redeployed|redeploying|transferred)\b/i
  ],
  ['supplies enough', /\b(?<!(?:not|n't)\s+)(?:enough|sufficient|ample|plenty\s+of|no\s+shortages?)\b/i],
  [
    'supplies short',
    /\b(?:ran\s+out|run(?:ning)?\s+out|runs\s+out|shortages?|short\s+of|(?:a\s+)?lack\s+of|lacking|interrupted|exhausted|depleted|insufficient|not\s+enough)\b/i
  ]
] as const
export type Stance = (typeof STANCES)[number][0]
/** The stance each stance cannot stand beside. */
export const OPPOSED: Record<Stance, Stance> = {
  'still held': 'ground taken',
  'ground taken': 'still held',
  'where it was': 'moved',
  moved: 'where it was',
  'supplies enough': 'supplies short',
  'supplies short': 'supplies enough'
}

/** "has not confirmed or denied": says nothing either way. */
const NON_STATEMENT = /\bnot\s+(?:yet\s+)?(?:been\s+)?(?:confirmed\s+or\s+denied|denied\s+or\s+confirmed)\b/gi

/** A denial earlier in the sentence, with no stop between it and the quote, or in the quote. */
const isDenial = (quote: string, before: string) =>
  DENIAL_BEFORE.test(before.slice(before.lastIndexOf('.') + 1)) || DENIAL_IN.test(quote.replace(NON_STATEMENT, ''))

function isNegative(quote: string, denial: boolean): boolean {
  if (denial) return true
  for (const m of quote.matchAll(NEGATION)) {
    if (NOT_CONTENT.test(quote.slice(m.index))) continue
    const copula = COPULA_NOT.exec(quote.slice(Math.max(0, m.index - 8)))
    if (copula && copula.index <= 8 && !/(?:ed|en)$/i.test(copula[1])) continue
    return true
  }
  return false
}

/**
 * "around 40 percent of its population of 180,000": a share of a count is itself a count (about
 * 72,000), the figure the claim gives for that unit, as the part of its whole.
 */
function sharesAsCounts(figures: Quantity[], sentence: string): Quantity[] {
  const out = [...figures]
  for (let i = 0; i + 1 < out.length; i++) {
    const share = out[i]
    const whole = out[i + 1]
    if (share.unitClass !== 'percent' || whole.unitClass === 'percent' || whole.role || whole.bound !== 'exact')
      continue
    if (!/^\s+of\s+[^\d,;.]*$/.test(sentence.slice(share.end, whole.start))) continue
    const of = (p: number | null) => (p === null ? null : Math.round((p / 100) * whole.value))
    out[i + 1] = { ...whole, role: 'whole' }
    out.splice(i + 2, 0, {
      ...whole,
      start: share.start,
      text: sentence.slice(share.start, whole.end),
      value: of(share.value)!,
      bound: share.bound,
      hedge: share.hedge,
      low: of(share.low),
      highBound: of(share.highBound),
      role: 'part'
    })
  }
  return out
}

function disputesIn(quote: string): ClaimFacts['disputes'] {
  if (DISPUTES_FIGURE.test(quote)) return 'figure'
  return DISPUTES_ACCOUNT.test(quote) ? 'account' : null
}

function stanceOf(quote: string): Stance | null {
  return STANCES.find(([, words]) => words.test(quote))?.[0] ?? null
}

export function claimFacts(claim: Claim, doc: Pick<CaseDocument, 'text'> | undefined): ClaimFacts {
  const quote = claim.quote.exact
  let sentence = quote
  let quoteStart = 0
  const text = doc?.text
  const at =
    text && text.slice(claim.position.start, claim.position.end) === quote
      ? claim.position.start
      : (text?.indexOf(quote) ?? -1)
  if (text && at >= 0) {
    const [a, b] = sentenceAround(text, at, at + quote.length)
    sentence = text.slice(a, b)
    quoteStart = at - a
  }
  const quoteEnd = quoteStart + quote.length
  const inQuote = (q: Quantity) => q.start >= quoteStart && q.end <= quoteEnd && q.unitClass !== 'time'
  const figures = (mayHaveFigures(quote) ? extractQuantities(sentence, { bare: true, loose: true }) : []).filter(
    inQuote
  )
  const quantities = [
    ...sharesAsCounts(
      figures.filter((q) => q.unit),
      sentence
    ),
    ...zeroCounts(sentence).filter(inQuote)
  ]
  const before = sentence.slice(0, quoteStart)
  const denial = isDenial(quote, before)
  return {
    claim,
    sentence,
    quoteStart,
    quoteEnd,
    quantities,
    bare: figures.filter((q) => !q.unit),
    negative: isNegative(quote, denial),
    denial,
    expected: EXPECTATION.test(quote) || EXPECTATION.test(before.split(/[,;]/).at(-1) ?? ''),
    disputes: disputesIn(quote.replace(/["“”]/g, '')),
    stance: stanceOf(quote.replace(/["“”]/g, '')),
    stems: contentStems(quote),
    tags: claim.tags.map((t) => t.trim().toLowerCase()).filter(Boolean)
  }
}
