// Figures in text: value, unit, the hedge that bounds them ("just under", "upward of", "about"), the
// comparison the text itself makes ("from 531 to 309", "12,400 of 31,000") and the time they refer to.
// Plain regular expressions: this runs over every claim of a case when conflicts are looked for.
import type { Quantity, QuantityBound, Span } from '../../shared/analysis'
import { WEEKDAYS } from './lexicon'

const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)'
const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)'
/** Expressions of time, as the text writes them; figures inside them are not quantities. */
const TIME_EXPRESSION = new RegExp(
  [
    `(?:(?:early|mid|late)[- ])?${MONTH}(?:\\s+\\d{1,2}(?:st|nd|rd|th)?)?(?:,?\\s+\\d{4})?`,
    `\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}(?:\\s+\\d{4})?`,
    `(?:(?:late|early) on\\s+|on\\s+|last\\s+|this\\s+|next\\s+)?${WEEKDAY}`,
    '(?:earlier|later|early|late)?\\s*(?:this|last|next|the past)\\s+(?:week|weekend|month|year)',
    '(?:in|since|by|until|before)\\s+(?:early\\s+|mid-?|late\\s+)?(?:1[89]|20)\\d{2}',
    '\\b(?:yesterday|today|overnight|this morning|this evening|recent (?:days|weeks|months))'
  ].join('|'),
  'g'
)
const CLOCK = /\b\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|\b\d{1,2}:\d{2}\b/gi

const WORD_NUMBERS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  dozen: 12,
  hundred: 100,
  thousand: 1000
}
const SCALES: Record<string, number> = {
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  bn: 1e9,
  m: 1e6,
  dozen: 12
}
const CURRENCY: Record<string, string> = { $: 'dollars', '€': 'euros', '£': 'pounds' }

/** Cheap first look: most sentences have no figure at all. */
export const mayHaveFigures = (text: string): boolean => MAY_HAVE_NUMBER.test(text)
const MAY_HAVE_NUMBER = new RegExp(
  `\\d|\\b(?:${Object.keys(WORD_NUMBERS).join('|')}|half|quarter|third|thirds|quarters|fifth|tenth|dozens|hundreds|thousands|millions)\\b`,
  'i'
)
/** "Twenty-six", "forty-one": a tens word and a unit word. */
const COMPOUND_NUMBER =
  '(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three|four|five|six|seven|eight|nine)'
const NUMBER = new RegExp(
  `(?<![\\p{L}\\d.,:/]|\\p{L}-)((?:US|A|C|NZ|HK)?[$€£])?(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|${COMPOUND_NUMBER}|(?:a\\s+)?(?:${Object.keys(WORD_NUMBERS).join('|')}))` +
    `(?:\\s*(thousand|million|billion|trillion|bn|m|dozen)\\b)?(%)?(?![\\p{L}\\d]|[:-]\\p{L}|,\\d)`,
  'giu'
)

/** Hedges before a figure, longest first, with the bound each gives. */
const HEDGES: [string, QuantityBound][] = [
  ['just under', 'at-most'],
  ['just below', 'at-most'],
  ['no more than', 'at-most'],
  ['at most', 'at-most'],
  ['up to', 'at-most'],
  ['as many as', 'at-most'],
  ['nearly', 'at-most'],
  ['almost', 'at-most'],
  ['barely', 'at-most'],
  ['within', 'at-most'],
  ['upward of', 'at-least'],
  ['upwards of', 'at-least'],
  ['at least', 'at-least'],
  ['no fewer than', 'at-least'],
  ['no less than', 'at-least'],
  ['in excess of', 'at-least'],
  ['north of', 'at-least'],
  ['just over', 'at-least'],
  ['just above', 'at-least'],
  ['more than', 'more-than'],
  ['greater than', 'more-than'],
  ['over', 'more-than'],
  ['above', 'more-than'],
  ['fewer than', 'less-than'],
  ['less than', 'less-than'],
  ['under', 'less-than'],
  ['below', 'less-than'],
  ['approximately', 'approx'],
  ['an estimated', 'approx'],
  ['roughly', 'approx'],
  ['around', 'approx'],
  ['about', 'approx'],
  ['close to', 'approx'],
  ['closer to', 'approx'],
  ['nearer', 'approx'],
  ['in the region of', 'approx'],
  ['some', 'approx'],
  ['circa', 'approx'],
  ['estimated', 'approx']
]
const HEDGE_BEFORE = new RegExp(`\\b(${HEDGES.map(([h]) => h.replace(/ /g, '\\s+')).join('|')})\\s+["“]?$`, 'i')
const HEDGE_BOUND = new Map(HEDGES)
/** The bound a hedge as written gives ("upward of" -> at-least); a qualifier before it ("well over") is read through. */
export function hedgeBound(hedge: string): QuantityBound | undefined {
  const h = hedge.toLowerCase().trim().replace(/\s+/g, ' ')
  if (/^between\b/.test(h)) return 'range'
  return HEDGE_BOUND.get(h) ?? HEDGES.find(([w]) => h.endsWith(` ${w}`))?.[1]
}
/** "fewer than half", "just under a quarter": a hedged fraction is a share in percent. */
const FRACTIONS: Record<string, number> = {
  half: 50,
  quarter: 25,
  third: 33,
  fifth: 20,
  tenth: 10,
  'two-thirds': 67,
  'three-quarters': 75
}
const FRACTION = /\b((?:an?\s+)?(?:half|quarter|third|fifth|tenth)|two-thirds|three-quarters)\b/gi
/** The hedge right before a fraction ("just under a quarter"); not one before a quotation of it. */
const FRACTION_HEDGE = new RegExp(`\\b(${HEDGES.map(([h]) => h.replace(/ /g, '\\s+')).join('|')})\\s+$`, 'i')

/** Units that count the same thing. Anything else is its own class (its singular form). */
const UNIT_CLASSES: Record<string, string[]> = {
  troops: [
    'troop',
    'soldier',
    'serviceman',
    'servicemen',
    'servicemember',
    'personnel',
    'fighter',
    'conscript',
    'reservist',
    'trooper',
    'sailor',
    'marine'
  ],
  people: [
    'people',
    'person',
    'persons',
    'resident',
    'civilian',
    'death',
    'dead',
    'casualty',
    'casualties',
    'victim',
    'refugee',
    'child',
    'children',
    'patient',
    'rescuer',
    'worker',
    'migrant',
    'employee',
    'miner',
    'contractor',
    'passenger',
    'body'
  ],
  percent: ['percent', 'per cent', '%', 'pct'],
  vessels: ['ship', 'vessel', 'boat', 'tanker', 'craft', 'warship', 'frigate', 'hull', 'trawler', 'cutter'],
  attacks: ['attack', 'assault', 'engagement', 'clash', 'raid'],
  time: ['second', 'minute', 'hour', 'day', 'week', 'month', 'year', 'decade', 'night']
}
/** Units that also qualify the noun after them ("attack drones", "assault battalions"): no phrase ends on them. */
const MODIFIERS = new Set(['attack', 'assault'])
const CLASS_OF = new Map(Object.entries(UNIT_CLASSES).flatMap(([cls, units]) => units.map((u) => [u, cls] as const)))
const MULTIWORD_UNITS = [
  'square miles',
  'square kilometres',
  'square kilometers',
  'square metres',
  'square meters',
  'sq km',
  'per cent',
  'metric tons',
  'percentage points'
]
/** Units of measure: each ends its unit phrase ("40 kilometres downstream", "80 times above"). */
const MEASURES = new Set(
  'kilometre kilometer km mile metre meter foot feet yard tonne ton kilogram kg gram litre liter gallon barrel hectare acre times'.split(
    ' '
  )
)
/** Words that end a unit phrase ("44 drones overnight", "16 men aboard": adverbs are no unit). */
const UNIT_STOP = new Set([
  ...'overnight aboard onboard ashore abroad today yesterday tonight nationwide overall altogether apiece here there above below beyond downstream upstream away along behind ahead apart off in on at to for from by with into over under across through since during than and or but that which who whom as of were was are is be been have has had will would could can may might should not no its their his her this these those the a an per between once near now then got until within around among inside outside after before against about'.split(
    ' '
  ),
  ...WEEKDAYS
])
const PRONOUNS = new Set(['it', 'they', 'he', 'she', 'we', 'you', 'i'])
/** Verbs that follow a figure whose unit was left out ("41 remained", "38 died"). */
const UNIT_VERBS = new Set(
  'remain remained remains died fled left stayed were was are is had have has ago show shows showed appear appears appeared'.split(
    ' '
  )
)
/** "40 revetments dug along the ridge", "24 barges sank": an irregular verb after the unit opens a clause. */
const IRREGULAR_VERBS = new Set(
  (
    'dug built hit shot seen taken held found made kept lost sent put set cut brought bought caught fought struck ' +
    'stolen thrown known shown given driven written spent sold won burnt burned left sank sunk fell rose went came ' +
    'ran flew broke stood lay drove grew'
  ).split(' ')
)
/** "put the death toll at 112": the unit comes before the figure. */
const UNIT_BEFORE =
  /\b(death\s+toll|toll|(population)|number\s+of\s+(?:\p{L}+\s+)?(\p{L}+)|count\s+of\s+(?:\p{L}+\s+)?(\p{L}+))\s+(?:(?:now|still|already)\s+)?(?:at|to|of|was|is|stood\s+at|stands\s+at|rose\s+to|reached|climbed\s+to|(?:has|had)\s+(?:risen|climbed|grown|reached)(?:\s+to)?)\s+["“]?(?:likely\s+|probably\s+|now\s+|still\s+)?$/iu
const INCREMENT = /^(more|additional|extra|further|another|new)$/i
const IRREGULAR_SINGULAR: Record<string, string> = {
  people: 'people',
  personnel: 'personnel',
  craft: 'craft',
  police: 'police',
  children: 'child',
  casualties: 'casualty',
  bodies: 'body',
  servicemen: 'serviceman'
}

function singular(word: string): string {
  if (IRREGULAR_SINGULAR[word]) return IRREGULAR_SINGULAR[word]
  if (/ies$/.test(word)) return word.slice(0, -3) + 'y'
  if (/(ss|us|is)$/.test(word)) return word
  return word.replace(/s$/, '')
}

export function unitClassOf(unit: string): string {
  if (!unit) return ''
  if (unit === 'percentage points') return 'percentage points'
  // "five times", "80 times above": occurrences or a multiple, never the duration class "time".
  if (unit === 'times') return 'times'
  const [count, per] = unit.split(' per ')
  // "shells per month" is a rate, never compared with a count of shells.
  if (per && CLASS_OF.get(singular(per)) === 'time') return `${unitClassOf(count)} per ${singular(per)}`
  const last = count.split(' ').at(-1) ?? unit
  const one = singular(last)
  return CLASS_OF.get(unit) ?? CLASS_OF.get(one) ?? CLASS_OF.get(last) ?? (unit.includes(' ') ? unit : one)
}

/** Measures of one dimension in its base unit (metres, square metres, kilograms), by the unit as written. */
const MEASURE_SIZES: [RegExp, string, number][] = [
  [/^(?:square\s+(?:kilomet(?:re|er)s?)|sq\.?\s*km|km2|km²)$/, 'area', 1e6],
  [/^square\s+miles?$/, 'area', 2589988.11],
  [/^square\s+(?:met(?:re|er)s?)$/, 'area', 1],
  [/^hectares?$/, 'area', 1e4],
  [/^acres?$/, 'area', 4046.856],
  [/^nautical\s+miles?$/, 'length', 1852],
  [/^(?:kilomet(?:re|er)s?|km)$/, 'length', 1000],
  [/^miles?$/, 'length', 1609.344],
  [/^(?:met(?:re|er)s?)$/, 'length', 1],
  [/^(?:feet|foot)$/, 'length', 0.3048],
  [/^(?:tonnes?|metric\s+tons)$/, 'mass', 1000],
  [/^(?:kilograms?|kg)$/, 'mass', 1]
]

/** The dimension of a unit of measure and its size in that dimension's base unit, if it is one. */
export function measureOf(unit: string): { dimension: string; size: number } | undefined {
  if (!MEASURE_OF.has(unit)) {
    const u = unit.toLowerCase().trim()
    const found = MEASURE_SIZES.find(([re]) => re.test(u))
    // "shells per month" beside "shells per year": one rate, in days.
    const rate = / per (\p{L}+)$/u.exec(u)
    const days = rate && DAYS_IN[singular(rate[1])]
    MEASURE_OF.set(
      unit,
      found
        ? { dimension: found[1], size: found[2] }
        : days
          ? { dimension: `${unitClassOf(u.slice(0, rate.index))} per time`, size: 1 / days }
          : undefined
    )
  }
  return MEASURE_OF.get(unit)
}
const DAYS_IN: Record<string, number> = {
  hour: 1 / 24,
  day: 1,
  night: 1,
  week: 7,
  fortnight: 14,
  month: 365.25 / 12,
  quarter: 365.25 / 4,
  year: 365.25
}
/** Units are few and repeat across a case's claims: each is looked up once. */
const MEASURE_OF = new Map<string, { dimension: string; size: number } | undefined>()

/** [start, end) ranges of time expressions and clock times in a text. */
export function timeExpressions(text: string): Span[] {
  const out: Span[] = []
  for (const re of [TIME_EXPRESSION, CLOCK])
    for (const m of text.matchAll(re)) {
      const s = m[0].trimStart()
      const start = m.index + (m[0].length - s.length)
      if (s) out.push({ start, end: start + s.length, text: s })
    }
  return out.sort((a, b) => a.start - b.start)
}

interface Unit {
  unit: string
  end: number
  increment: boolean
  of?: string
}

/** The unit phrase after a figure: "Russian troops" -> troops; "fast attack craft" -> craft. */
function unitAfter(text: string, from: number): Unit {
  let i = from
  const rest = text.slice(i, i + 80)
  const quoteSkip = /^["”]?\s*/.exec(rest)?.[0].length ?? 0
  i += quoteSkip
  let increment = false
  const head = text.slice(i, i + 40).toLowerCase()
  for (const mw of MULTIWORD_UNITS)
    if (head.startsWith(mw) && !/\p{L}/u.test(head.charAt(mw.length)))
      return withOf(text, mw === 'per cent' ? 'percent' : mw, i + mw.length, false)
  const words: { word: string; end: number }[] = []
  const wordRe = /\s*([\p{L}][\p{L}'’-]*)/uy
  wordRe.lastIndex = i
  for (let m = wordRe.exec(text); m && words.length < 5; m = wordRe.exec(text)) {
    const word = m[1]
    const lower = word.toLowerCase()
    if (words.length === 0 && INCREMENT.test(word)) {
      increment = true
      continue
    }
    if (UNIT_STOP.has(lower)) {
      if (lower === 'per' && words.length) {
        const per = /\s+per\s+(\p{L}+)/uy
        per.lastIndex = words.at(-1)!.end
        const pm = per.exec(text)
        if (pm) words.push({ word: `${words.pop()!.word} per ${pm[1]}`, end: per.lastIndex })
      }
      break
    }
    if (UNIT_VERBS.has(lower) || (words.length && IRREGULAR_VERBS.has(lower))) break
    // "three sources saying ...", "voters backed him": an -ing or -ed word after the unit opens a clause
    // about it (not after an adverb: "heavily armed men").
    if (words.length && (/ing$/.test(lower) || (/ed$/.test(lower) && !/ly$/i.test(words.at(-1)!.word)))) break
    words.push({ word, end: wordRe.lastIndex })
    if (/[,.;:!?"”)]/.test(text.charAt(wordRe.lastIndex))) break
    // "31 people remain": a known unit ends the phrase.
    const known =
      (CLASS_OF.has(singular(lower)) && !MODIFIERS.has(singular(lower))) ||
      MEASURES.has(singular(lower)) ||
      MEASURES.has(lower)
    if (known && !/^\s+per\s/.test(text.slice(wordRe.lastIndex, wordRe.lastIndex + 6))) break
  }
  // A closing -ed/-ing word is the verb after the figure ("41 remained"), not its unit.
  while (words.length && /(ed|ing)$/i.test(words.at(-1)!.word) && !/per /.test(words.at(-1)!.word)) words.pop()
  const last = words.at(-1)
  if (!last) return { unit: '', end: from, increment }
  // "45,000 shells a month", "300 tonnes a day": a count per period of time is a rate.
  const period = RATE_PERIOD.exec(text.slice(last.end, last.end + 20))
  if (period && !/ per /.test(last.word))
    return {
      unit: `${last.word.toLowerCase()} per ${period[1].toLowerCase()}`,
      end: last.end + period[0].length,
      increment
    }
  return withOf(text, last.word.toLowerCase(), last.end, increment)
}

const RATE_PERIOD = /^\s+(?:a|an|each|every|per)\s+(second|minute|hour|day|night|week|fortnight|month|quarter|year)\b/i
/** "one station in six", "two in three voters", "three in every ten": a share, in percent. */
const ONE_IN = new RegExp(
  `\\b(one|two|three|four|five|six|seven|eight|nine|\\d{1,2})\\s+(?:([\\p{L}-]+)\\s+)?in\\s+(?:every\\s+)?(two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|\\d{1,3})\\b(?!\\s*(?:percent|per\\s+cent|%|[.,]\\d))`,
  'giu'
)
const FRACTION_OF_SCALE = /\b(half|an?\s+quarter|an?\s+third)\s+(?:of\s+)?an?\s+(million|billion|trillion)\b/gi
/** "daily average had been around", "monthly output at between": a rate's period before its figure. */
const RATE_ADJECTIVE = new RegExp(
  `\\b(hourly|daily|weekly|monthly|yearly|annual)\\s+(?:[\\p{L}-]+\\s+){0,2}(?:(?:at|of|was|is|were|are|stood\\s+at|stands\\s+at|(?:has|had)\\s+been|reached)\\s+)(?:(?:${HEDGES.map(([h]) => h.replace(/ /g, '\\s+')).join('|')}|between)\\s+)?["“]?$`,
  'iu'
)
const MULTIPLE: Record<string, number> = { doubled: 2, tripled: 3, trebled: 3, quadrupled: 4, halved: 0.5 }
const MULTIPLIED = /\b(doubled|tripled|trebled|quadrupled|halved)\s+from\s+$/i
/** The cheap first look for RATE_ADJECTIVE. */
const PERIODIC = /(?:[Hh]our|[Dd]ai|[Ww]eek|[Mm]onth|[Yy]ear)ly\s|[Aa]nnual\s/
const PERIOD_OF: Record<string, string> = {
  hourly: 'hour',
  daily: 'day',
  weekly: 'week',
  monthly: 'month',
  yearly: 'year',
  annual: 'year'
}
/** The cheap first look for ONE_IN: " in " before a number. */
function mayBeOneIn(text: string): boolean {
  for (let i = text.indexOf(' in '); i !== -1; i = text.indexOf(' in ', i + 4))
    if (NUMBER_AFTER_IN.test(text.slice(i + 4, i + 16)) && NUMBER_BEFORE_IN.test(text.slice(Math.max(0, i - 25), i)))
      return true
  return false
}
const NUMBER_AFTER_IN = /^(?:every\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|\d{1,3}\b)/
const NUMBER_BEFORE_IN = /\b(?:one|two|three|four|five|six|seven|eight|nine|\d{1,2})(?:\s+[\p{L}-]+)?$/iu
/** Demonyms ("1,100 Belmorans", "103 Varosians") count people. */
const DEMONYM = /^\p{Lu}\p{L}+(?:ans|ians|ese)$/u

/** "percent of the territory": what a share is of. */
function withOf(text: string, unit: string, end: number, increment: boolean): Unit {
  const m = /\s+of\s+(?:the\s+|its\s+|their\s+|[\p{Lu}][\p{L}]*['’]s\s+)?([\p{L}-]+(?:\s+[\p{L}-]+)?)/uy
  m.lastIndex = end
  const of = m.exec(text)
  if (!of) return { unit, end, increment }
  const words: string[] = []
  for (const w of of[1].toLowerCase().split(/\s+/)) {
    if (UNIT_STOP.has(w) || PRONOUNS.has(w)) break
    words.push(w)
  }
  return { unit, end, increment, of: words.join(' ') || undefined }
}

function numberValue(raw: string, scale: string | undefined): number {
  const word = raw.toLowerCase().replace(/^a\s+/, '')
  const [tens, ones] = word.split('-')
  const base =
    word in WORD_NUMBERS
      ? WORD_NUMBERS[word]
      : ones && tens in WORD_NUMBERS && ones in WORD_NUMBERS
        ? WORD_NUMBERS[tens] + WORD_NUMBERS[ones]
        : Number(raw.replace(/,/g, ''))
  return scale ? base * SCALES[scale.toLowerCase()] : base
}

function interval(
  bound: QuantityBound,
  hedge: string | undefined,
  value: number,
  high?: number
): [number | null, number | null] {
  const near = 0.05 * value
  switch (bound) {
    case 'exact':
      return [value, value]
    case 'approx':
      return [value - near, value + near]
    case 'range':
      return [value, high ?? value]
    case 'at-least':
    case 'more-than':
      return hedge && /just/i.test(hedge) ? [value, value + near] : [value, null]
    case 'at-most':
      if (hedge && /just|nearly|almost|barely/i.test(hedge)) return [value - 2 * near, value]
      return [0, value]
    case 'less-than':
      return [0, value]
  }
}

const sentenceBounds = (text: string): number[] => {
  const ends = [0]
  for (const m of text.matchAll(/[.!?]["”]?\s+(?=["“\p{Lu}\d])|\n\s*\n/gu)) ends.push(m.index + m[0].length)
  ends.push(text.length)
  return ends
}

/**
 * Every figure in `text` that counts or measures something: counts with their unit, percentages, money,
 * measurements. Dates, clock times, years, footnote marks and list numbers are not figures; durations
 * ("36 hours") are, with unitClass "time". A figure written without a unit ("41 remained") takes the unit
 * of the figure before it in the same sentence.
 */
export function extractQuantities(
  text: string,
  opts: {
    /** Keep figures without a unit ("shot down 41 of them"), with unit ''. */
    bare?: boolean
    /** Read unhedged fractions ("half our boats") and vague counts ("hundreds of people") too. */
    loose?: boolean
  } = {}
): Quantity[] {
  if (!mayHaveFigures(text)) return []
  const times = timeExpressions(text)
  const inTime = (start: number, end: number) => times.some((t) => start < t.end && end > t.start)
  const bounds = sentenceBounds(text)
  const sentenceOf = (pos: number) => {
    let i = 0
    while (i + 1 < bounds.length && bounds[i + 1] <= pos) i++
    return i
  }
  const out: (Quantity & { sentence: number })[] = []
  const shares: (Quantity & { sentence: number })[] = []
  const scaled = text.includes('illion')
    ? [...text.matchAll(FRACTION_OF_SCALE)].map((m) => [m.index, m.index + m[0].length])
    : []
  const inScale = (start: number, end: number) => scaled.some(([a, b]) => start < b && end > a)
  if (mayBeOneIn(text)) oneInShares(text, sentenceOf, shares)
  for (const m of text.matchAll(NUMBER)) {
    const [whole, currency, raw, scale, pct] = m
    let start = m.index
    const end = m.index + whole.length
    if (inTime(start, end) || shares.some((x) => start < x.end && end > x.start) || inScale(start, end)) continue
    const before = text.slice(Math.max(0, start - 60), start)
    const after = text.slice(end, end + 3)
    if (/\[$/.test(before) && after.startsWith(']')) continue // footnote mark
    if (/(^|\n)\s*$/.test(before) && /^[.)]\s/.test(after)) continue // list number
    const isWord = /^[a-z]/i.test(raw)
    const value = numberValue(raw, scale)
    if (!Number.isFinite(value)) continue
    const unitInfo = pct
      ? withOf(text, 'percent', end, false)
      : currency
        ? { unit: CURRENCY[currency.slice(-1)], end, increment: false }
        : unitAfter(text, end)
    // "monthly output at between 30,000 and 35,000 shells": the adjective of a period makes a count a rate.
    const periodic = PERIODIC.test(before) && RATE_ADJECTIVE.exec(before)
    if (periodic && unitInfo.unit && !unitInfo.unit.includes(' per '))
      unitInfo.unit = `${unitInfo.unit} per ${PERIOD_OF[periodic[1].toLowerCase()]}`
    let unit = unitInfo.unit
    const hedgeMatch = HEDGE_BEFORE.exec(before)
    const before40 = UNIT_BEFORE.exec(hedgeMatch ? before.slice(0, before.length - hedgeMatch[0].length) : before)
    if (!unit && before40)
      Object.assign(unitInfo, { unit: before40[2] ? 'people' : (before40[3] ?? before40[4] ?? 'deaths'), end })
    unit = unitInfo.unit
    const partOf = unit
      ? null
      : /^\s+of\s+(?:the|its|their|his|her|[\p{Lu}][\p{L}.]*['’]s)\s+(?=\p{L})(?!\p{L}+['’]s\s+(?:\p{L}+\s+)?\d)/u.exec(
          text.slice(end, end + 40)
        )
    if (partOf) {
      // "45,000 of Moscow's soldiers": the unit is what the figure is part of.
      const inner = unitAfter(text, end + partOf[0].length)
      if (inner.unit) Object.assign(unitInfo, inner)
      unit = unitInfo.unit
    }
    if (isWord && !unit) continue // "one of", "ten" alone: not a figure
    const initial = text.charAt(unitInfo.end - unit.length)
    const demonym =
      initial !== initial.toLowerCase() &&
      !unit.includes(' ') &&
      DEMONYM.test(text.slice(unitInfo.end - unit.length, unitInfo.end))
    if (!scale && !currency && !pct && /^(1[89]|20)\d{2}$/.test(raw) && unitClassOf(unit) !== 'people') continue // a year

    // Range "10,000 to 12,000 troops" / "between 10 and 12": the first figure takes the second's unit.
    const hedge = hedgeMatch?.[1].replace(/\s+/g, ' ')
    let bound: QuantityBound = hedge ? (HEDGE_BOUND.get(hedge.toLowerCase()) ?? 'approx') : 'exact'
    if (hedgeMatch) start = m.index - hedgeMatch[0].length
    const q: Quantity & { sentence: number } = {
      start,
      end: unit ? unitInfo.end : end,
      text: '',
      value,
      unit,
      unitClass: demonym ? 'people' : unitClassOf(unit),
      bound,
      hedge,
      low: null,
      highBound: null,
      sentence: sentenceOf(m.index)
    }
    if (unitInfo.increment) q.increment = true
    if (unitInfo.of && unit) q.of = unitInfo.of
    const prev = out.at(-1)
    const between = prev ? text.slice(prev.end, m.index) : ''
    if (prev && prev.sentence === q.sentence && !prev.unit && /^\s*(?:-|–|to|and)\s*$/i.test(between) && unit) {
      const rangeStart = /between\s+$/i.test(text.slice(Math.max(0, prev.start - 9), prev.start))
      if (/^\s*(?:-|–)\s*$/.test(between) || rangeStart || /to/i.test(between)) {
        if (!/from\s+$/i.test(text.slice(Math.max(0, prev.start - 6), prev.start))) {
          out.pop()
          q.start = prev.start
          q.value = prev.value
          q.high = value
          const lead = text.slice(Math.max(0, prev.start - 60), prev.start)
          const periodic = PERIODIC.test(lead) && RATE_ADJECTIVE.exec(lead)
          if (periodic && !unit.includes(' per ')) {
            unit = q.unit = `${unit} per ${PERIOD_OF[periodic[1].toLowerCase()]}`
            q.unitClass = unitClassOf(unit)
          }
          q.bound = 'range'
          // "between 60 and 70 vehicles": the range's own word is its hedge.
          q.hedge = prev.hedge ?? (rangeStart ? 'between' : undefined)
          bound = 'range'
        }
      }
    }
    // "12,400 of the 31,000 households", "1,200 of the town's roughly 8,000 residents".
    if (/^\s+of\s+(?:the\s+)?(?:\p{L}+['’]s\s+)?(?:\p{L}+\s+)?\d/iu.test(text.slice(end, end + 40))) q.role = 'part'
    // "between 44 and 48 percent": the first figure waits for the second's unit.
    const rangeAhead = !unit && /^\s*(?:-|–|to|and)\s*[$€£]?\d/.test(text.slice(end, end + 8))
    if (!unit && !rangeAhead) {
      const donor = [...out].reverse().find((p) => p.sentence === q.sentence && p.unit)
      if (!donor || q.role === 'part') {
        out.push(q)
        continue
      }
      unit = q.unit = donor.unit
      q.unitClass = donor.unitClass
      if (/\bof\s+(?:\w+\s+)?$/i.test(text.slice(Math.max(0, donor.start - 12), donor.start))) {
        donor.role = 'whole'
        q.role = 'part'
      }
    }
    if (
      prev &&
      prev.role === 'part' &&
      !prev.unit &&
      prev.sentence === q.sentence &&
      /^\s+of\s+(?:the\s+)?(?:\p{L}+['’]s\s+)?(?:\p{L}+\s+)?$/iu.test(between)
    ) {
      prev.unit = unit
      prev.unitClass = q.unitClass
      q.role = 'whole'
    }
    if (/\bfrom\s+$/i.test(text.slice(Math.max(0, start - 5), start))) q.role = 'from'
    else if (
      /\bto\s+$/i.test(text.slice(Math.max(0, start - 3), start)) &&
      out.some((p) => p.sentence === q.sentence && p.role === 'from')
    )
      q.role = 'to'
    q.bound = bound
    out.push(q)
  }
  // "half a million shells", "a quarter of a million euros": a fraction of a scale is a figure.
  if (scaled.length)
    for (const m of text.matchAll(FRACTION_OF_SCALE)) {
      const end = m.index + m[0].length
      const unit = unitAfter(text, end)
      const hedged = HEDGE_BEFORE.exec(text.slice(Math.max(0, m.index - 30), m.index))
      const hedge = hedged?.[1].replace(/\s+/g, ' ')
      shares.push({
        start: m.index - (hedged?.[0].length ?? 0),
        end: unit.unit ? unit.end : end,
        text: '',
        value: (FRACTIONS[m[1].toLowerCase().replace(/^an?\s+/, '')] / 100) * SCALES[m[2].toLowerCase()],
        unit: unit.unit,
        unitClass: unitClassOf(unit.unit),
        bound: hedge ? (HEDGE_BOUND.get(hedge.toLowerCase()) ?? 'approx') : 'exact',
        ...(hedge ? { hedge } : {}),
        low: null,
        highBound: null,
        sentence: sentenceOf(m.index)
      })
    }
  // "tripled from 4,000 tonnes": the figure the change reaches, when the text gives only its base.
  for (const base of out.filter((q) => q.role === 'from')) {
    const verb = MULTIPLIED.exec(text.slice(Math.max(0, base.start - 30), base.start))
    if (!verb || out.some((q) => q.role === 'to' && q.sentence === base.sentence)) continue
    const value = base.value * MULTIPLE[verb[1].toLowerCase()]
    shares.push({
      ...base,
      start: base.start - verb[0].length,
      value,
      bound: base.bound,
      role: 'to',
      low: null,
      highBound: null
    })
  }
  // Shares read as "one in six" lend no unit to figures after them.
  out.push(...shares)
  for (const m of text.matchAll(FRACTION)) {
    const end = m.index + m[0].length
    if (inScale(m.index, end)) continue
    const hedged = FRACTION_HEDGE.exec(text.slice(Math.max(0, m.index - 30), m.index))
    // Without a hedge (when asked for), only a share of something named after it: "half of the fleet",
    // "half our boats", "a third of households"; not "the second half", "half an hour".
    if (
      !hedged &&
      (!opts.loose ||
        /\b(?:first|second|third|last|other|latter|former|and|in|by)\s+$/i.test(
          text.slice(Math.max(0, m.index - 10), m.index)
        ) ||
        !/^\s+(?:of\s+(?:the|its|their|our|his|her|all|\p{Lu}|\p{L}+s\b)|(?:the|its|their|our|his|her)\s)/u.test(
          text.slice(end, end + 30)
        ) ||
        (/^(?:an?\s+)?(?:quarter|third|fifth|tenth)$/i.test(m[1]) && !/^(?:a|one)\s/i.test(m[1])))
    )
      continue
    const hedge = hedged?.[1].replace(/\s+/g, ' ')
    const bound: QuantityBound = hedge ? (HEDGE_BOUND.get(hedge.toLowerCase()) ?? 'approx') : 'exact'
    const share = withOf(text, 'percent', end, false)
    out.push({
      start: m.index - (hedged?.[0].length ?? 0),
      end,
      text: '',
      value:
        FRACTIONS[
          m[1]
            .toLowerCase()
            .replace(/^an?\s+/, '')
            .replace(/\s+/g, ' ')
        ],
      unit: 'percent',
      unitClass: 'percent',
      bound,
      ...(hedge ? { hedge } : {}),
      low: null,
      highBound: null,
      ...(share.of ? { of: share.of } : {}),
      sentence: sentenceOf(m.index)
    })
  }
  if (opts.loose)
    for (const m of text.matchAll(VAGUE_COUNT)) {
      const unit = unitAfter(text, m.index + m[0].length)
      if (!unit.unit || inTime(m.index, unit.end)) continue
      const [low, high] = VAGUE_RANGES[m[1].toLowerCase().replace(/\s+/g, ' ')]
      out.push({
        start: m.index,
        end: unit.end,
        text: '',
        value: low,
        high,
        unit: unit.unit,
        unitClass: unitClassOf(unit.unit),
        bound: 'range',
        low: null,
        highBound: null,
        sentence: sentenceOf(m.index)
      })
    }
  const hasBase = out.some((q) => q.role === 'from')
  const timesOf = (all: { role?: string; sentence: number; end: number }[], i: number, sentence: number) => {
    const earlier = all.filter((p, j) => j !== i && p.role === 'from' && p.sentence === sentence).map((p) => p.end)
    return times.filter((t) => !earlier.some((e) => /^\s*(?:in|on|at)?\s*$/.test(text.slice(e, t.start))))
  }
  return out
    .sort((a, b) => a.start - b.start)
    .filter((q) => q.unit || (opts.bare && !LABEL_BEFORE.test(text.slice(Math.max(0, q.start - 30), q.start))))
    .map(({ sentence, ...q }, i, all) => {
      const [low, high] = interval(q.bound, q.hedge, q.value, q.high)
      // "4,500, up from 4,200 on Monday": a time right after the earlier figure of a change is that figure's alone.
      const own = hasBase ? timesOf(all, i, sentence) : times
      const time = nearestTime(own, q, bounds[sentence], bounds[sentence + 1])
      return {
        ...q,
        text: text.slice(q.start, q.end),
        low,
        highBound: high,
        ...(time ? { time } : {})
      }
    })
}

/** "one station in six", "two in three voters": shares in percent, with what they are of. */
function oneInShares(
  text: string,
  sentenceOf: (pos: number) => number,
  shares: (Quantity & { sentence: number })[]
): void {
  for (const m of text.matchAll(ONE_IN)) {
    const [, part, noun, whole] = m
    const of = noun ? unitClassOf(noun.toLowerCase()) : undefined
    if (noun && (UNIT_STOP.has(noun.toLowerCase()) || of === 'time' || of === 'percent' || measureOf(noun))) continue // "one in the morning", "two days in ten"
    const denominator = numberValue(whole, undefined)
    const numerator = /^one$/i.test(part) ? 1 : numberValue(part, undefined)
    if (!(numerator < denominator)) continue
    const hedged = HEDGE_BEFORE.exec(text.slice(Math.max(0, m.index - 30), m.index))
    const hedge = hedged?.[1].replace(/\s+/g, ' ')
    let end = m.index + m[0].length
    // "two in three voters": the noun after the share is what it is of.
    const after = noun ? undefined : unitAfter(text, end)
    if (after?.unit) end = after.end
    shares.push({
      start: m.index - (hedged?.[0].length ?? 0),
      end,
      text: '',
      value: Math.round((1000 * numerator) / denominator) / 10,
      unit: 'percent',
      unitClass: 'percent',
      bound: hedge ? (HEDGE_BOUND.get(hedge.toLowerCase()) ?? 'approx') : 'exact',
      ...(hedge ? { hedge } : {}),
      low: null,
      highBound: null,
      of: (noun ?? after?.unit)?.toLowerCase() || undefined,
      sentence: sentenceOf(m.index)
    })
  }
}

/** "dozens of", "tens of thousands of": counts the text gives only by their order of size. */
const VAGUE_RANGES: Record<string, [number, number]> = {
  dozens: [24, 99],
  hundreds: [200, 999],
  thousands: [2000, 9999],
  'tens of thousands': [20000, 99999],
  'hundreds of thousands': [200000, 999999],
  millions: [2e6, 9.99e6]
}
const VAGUE_COUNT = /\b(dozens|(?:tens\s+of\s+|hundreds\s+of\s+)?thousands|hundreds|millions)\s+of\s+/gi

/** "Hill 212", "Unit 4471", "No. 2": a number after a capitalised word or a sign names something. */
const LABEL_BEFORE = /(?:\p{Lu}[\p{L}.]*|[#№])\s*$/u

/**
 * Counts the text gives as none: "no deaths", "not a single system", "nobody". Each is a figure of
 * zero in the unit named after it, so that it can be set against a count of the same thing.
 */
export function zeroCounts(text: string): Quantity[] {
  const out: Quantity[] = []
  for (const m of text.matchAll(ZERO)) {
    const start = m.index
    let unit: Unit
    if (m[1]) unit = { unit: 'people', end: start + m[0].length, increment: false }
    else {
      unit = unitAfter(text, start + m[0].length)
      if (!unit.unit || unit.increment) continue
    }
    out.push({
      start,
      end: unit.end,
      text: text.slice(start, unit.end),
      value: 0,
      unit: unit.unit,
      unitClass: unitClassOf(unit.unit),
      bound: 'exact',
      low: 0,
      highBound: 0
    })
  }
  return out
}
const ZERO =
  /\b(?:(?:no|zero|not\s+(?:a\s+single|one|any)|none\s+of\s+(?:the|its|their))\b(?!\s+(?:more|fewer|less|longer|later|sooner|earlier|one|such|other|idea|sign|evidence|record|comment|doubt|reason|matter)\b)\s*["“”]?|(no[\s-]?one|nobody)\b)/gi

function nearestTime(times: Span[], q: { start: number; end: number }, from: number, to: number): Span | undefined {
  let best: Span | undefined
  let bestDistance = Infinity
  for (const t of times) {
    if (t.start < from || t.end > to || (t.start < q.end && t.end > q.start)) continue
    const d = t.start >= q.end ? t.start - q.end : q.start - t.end
    if (d < bestDistance) [best, bestDistance] = [t, d]
  }
  return best
}
