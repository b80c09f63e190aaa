// What a figure measures, read off its claim when no topic tag says so: the thing it counts (its unit
// class, or what a share is of), the event it counts ("killed", "missing", "launched", "shot down"),
// whose it is ("Russian troops", "Liranian forces lost"), the names and words of its clause, and when.
// Two figures measure the same thing when nothing of this sets them apart and something ties them
// together; figures of one subject that count different events, sides or dates are kept apart.
import type { Quantity, Span } from '../../shared/analysis'
import { contentStems, stem, type ClaimFacts } from './claim-facts'
import { MONTHS, WEEKDAYS } from './lexicon'
import { measureOf as measureSize, timeExpressions, unitClassOf } from './quantities'

export interface Measure {
  q: Quantity
  /** The unit class; a share of a named whole is also filed under that whole's class. */
  keys: string[]
  /** What a share is of (stemmed), when the text says. */
  of: string | null
  /** The event the figure counts: a class of EVENTS, or the stem of the verb it is the object or subject of. */
  event: string | null
  eventText: string
  /** Whose it is: a name modifying the counted noun, or the name of the clause's subject. */
  actors: Set<string>
  /** Names of places the figure is in, at or from ("in Orrin town", "near the village of Oskarvel"). */
  places: Set<string>
  /** Names in the figure's clause (first five letters, lower case). */
  names: Set<string>
  /** Content stems of the figure's clause, less the unit, the names and words of counting. */
  words: Set<string>
  time: When | null
  /** The stretch of time a count covers ("over the past week"), "same" for "the same period". */
  span: string | null
}

/** Events a figure counts, each under the words that name it (verbs, participles, nouns). */
const EVENTS: Record<string, string[]> = {
  killed: 'kill killed killing die died dying dead death deaths toll fatalities fatality perished'.split(' '),
  injured: 'injure injured injuring injuries injury wounded wounding hurt harmed'.split(' '),
  casualties: ['casualties', 'casualty'],
  losses: ['lost', 'losses', 'loss', 'lose', 'losing'],
  missing: ['missing', 'unaccounted'],
  displaced:
    'displaced displacement fled flee fleeing evacuated evacuation evacuations uprooted homeless gone left'.split(' '),
  detained: ['detained', 'arrested', 'arrests', 'detentions', 'detainees'],
  launched: ['launched', 'launch', 'fired', 'firing'],
  downed: ['intercepted', 'downed', 'shot', 'brought', 'interceptions', 'destroyed'],
  treated: ['treated', 'admitted', 'hospitalised', 'hospitalized'],
  arrived: ['crossed', 'arrived', 'arrivals', 'processed', 'entered'],
  present: 'deployed deploying fighting concentrated massed stationed involved positioned amassed gathered'.split(' '),
  postponed: ['postponed', 'cancelled', 'canceled', 'delayed'],
  turnout: ['turnout'],
  coverage: ['coverage', 'vaccinated', 'immunised', 'immunized']
}
const EVENT_OF = new Map(Object.entries(EVENTS).flatMap(([e, words]) => words.map((w) => [w, e] as const)))
/** Events one of which the other includes: casualties are the killed and the wounded. */
const COMPATIBLE = new Set([
  'casualties|killed',
  'casualties|injured',
  'casualties|losses',
  'casualties|treated',
  'killed|losses'
])
/** "shot down", "brought down", "pull back": a verb and its particle. */
const PARTICLES = new Set(['down', 'out', 'back', 'off', 'up', 'away', 'in'])
/** Verbs of counting, reporting and changing: they say how a figure is known or moved, not what it counts. */
const GENERIC = new Set(
  (
    'said say says told reported report reports recorded record records counted count counts estimated estimate ' +
    'estimates put puts putting confirmed confirm registered identified showed show shows listed list cited gave ' +
    'give gives published documented verified tallied numbered totalled totaled amounted reached stood stands ' +
    'remained remains remain seen saw noted added found including included comprising figure figures number ' +
    'numbers total totals official officially least roughly nearly around about some likely probably real true ' +
    'actual own still already more fewer less than over under above below within upward closer million ' +
    'billion thousand hundred dozen half forces force rose risen fell fallen dropped declined increased decreased grew ' +
    'shrank climbed jumped doubled halved went been being had has have having was were are is get got'
  ).split(' ')
)
export const GENERIC_STEMS = new Set([...GENERIC].map(stem))
/** Words that join a figure to the verb before or after it. */
const FILLER = new Set(
  'had has have been be being were was are is still now all also reportedly already later then allegedly since so far only just some a an the their its his her our of them those these'.split(
    ' '
  )
)
const PREPOSITION = /^(?:of|in|on|at|from|near|across|aboard|inside|outside)$/
const AUX = new Set(['had', 'have', 'has', 'were', 'was', 'are', 'is'])
/** Adverbs between a verb and its figure: "was probably close to 700". */
const ADVERBS = new Set(
  'probably likely possibly perhaps now still already reportedly only just well nearly roughly'.split(' ')
)
/** Verbs of change before "to": "had risen to", "dropped to". */
const CHANGE = new Map([
  ...'risen rose rise rises climbed grown grew increased jumped doubled'.split(' ').map((w) => [w, 'rise'] as const),
  ...'fallen fell fall falls dropped decreased declined shrunk shrank halved'
    .split(' ')
    .map((w) => [w, 'fall'] as const)
])
const STOPWORD =
  /^(?:and|or|but|that|which|who|what|when|where|while|as|by|in|on|at|for|from|with|into|to|it|they|he|she|we|there|this|these|those|the|a|an)$/
const COPULA = new Set(['was', 'were', 'is', 'are', 'stood', 'reached', 'remained', 'totalled', 'totaled', 'numbered'])
const IRREGULAR = new Set(
  'lost left fled gone hit shot brought taken took held seen sent sold bought run ran built made kept struck caught fought won paid spent dead missing'.split(
    ' '
  )
)
/** Capitalised words that name nothing. */
const NOT_NAMES = new Set(
  'the a an and but or he she it they we i his her its their our this that these those there on in at by for of to from with after before since as when while if no not one two three four five six seven eight nine ten some most many all both either neither according mr mrs ms dr'.split(
    ' '
  )
)
/** A preposition of place before a name, with up to three words between: "in the town of Dravik". */
const PLACE_BEFORE =
  /\b(?:in|at|near|to|from|into|over|across|towards?|around|outside|inside|off)\s+(?:(?:the|a|an|[\p{Ll}-]+)\s+){0,3}$/u

const isVerbish = (w: string) =>
  EVENT_OF.has(w) || IRREGULAR.has(w) || (w.length > 4 && /^\p{L}+(?:ed|en)$/u.test(w) && !/(?:een|ten)$/.test(w))
const nameKey = (w: string) =>
  w
    .toLowerCase()
    .replace(/['’]s$/, '')
    .slice(0, 5)

export interface Word {
  text: string
  lower: string
  start: number
  end: number
}
function wordsOf(text: string, from = 0): Word[] {
  const out: Word[] = []
  for (const m of text.matchAll(/\p{L}[\p{L}'’-]*/gu))
    out.push({
      text: m[0],
      lower: m[0].toLowerCase().replace(/['’]s$/, ''),
      start: from + m.index,
      end: from + m.index + m[0].length
    })
  return out
}

/** The clause of a sentence around [start, end): between the nearest boundaries on either side. */
const BOUNDARY =
  /[;:()—–]|,\s+(?=(?:and|but|while|whereas|although|though|which|who|when|where|according|as|citing|saying|adding)\b)|\s(?=(?:and|but|while|whereas)\s+(?:that|the|its|their|his|her)\b)/g
function clauseAround(sentence: string, start: number, end: number): [number, number] {
  let a = 0
  let b = sentence.length
  for (const m of sentence.matchAll(BOUNDARY)) {
    const at = m.index
    if (at + m[0].length <= start) a = at + m[0].length
    else if (at >= end) {
      b = at
      break
    }
  }
  return [a, b]
}

interface Event {
  /** A class of EVENTS, or the stem of the verb. */
  event: string | null
  /** The word as written ("killed", "shot down"), for the set's subject. */
  text: string
  /** Where the verb before the figure starts, when the event is one: its subject's name is whose it is. */
  verbAt: number
}
const NO_EVENT: Event = { event: null, text: '', verbAt: -1 }
const eventNamed = (w: Word, text = w.text, verbAt = -1, next = ''): Event => ({
  // "left in the cold", "left without heating": a state, not people gone.
  event: w.lower === 'left' && LEFT_AS.test(next) ? 'left as' : (EVENT_OF.get(w.lower) ?? stem(w.lower)),
  text,
  verbAt
})
const LEFT_AS = /^\s*(?:in|without|with|behind|out|alone|over|untouched|unchanged|intact|open|empty|stranded)\b/i

/** The event the figure counts, from the verb or noun next to it; none when the text gives none. */
function eventOf(sentence: string, q: Quantity, quoteStart: number): Event {
  const fromUnit = EVENT_OF.get(q.unit)
  if (fromUnit) return { event: fromUnit, text: '', verbAt: -1 }
  const units = new Set(q.unit.split(/\s+/).map(stem))
  const from = Math.max(0, Math.min(quoteStart - 60, q.start - 120))
  const before = wordsOf(sentence.slice(from, q.start), from)
  const after = wordsOf(sentence.slice(q.end, q.end + 80), q.end)
  const joined = (x: Word, y: { start: number }) => !/[,;:.!?]/.test(sentence.slice(x.end, y.start))
  // Before the figure: "launched 47", "shot down 38", "pull back 30 kilometres", "the death toll at 112",
  // "turnout of 58 percent", "the toll was above 40".
  let i = before.length - 1
  while (i > 0 && ADVERBS.has(before[i].lower) && joined(before[i], i + 1 < before.length ? before[i + 1] : q)) i--
  if (i >= 0 && joined(before[i], i + 1 < before.length ? before[i + 1] : q)) {
    if (PARTICLES.has(before[i].lower) && i > 0) {
      const verb = before[i - 1]
      if (verb.lower === 'pull') return { event: 'pullback', text: 'pullback', verbAt: verb.start }
      if (isVerbish(verb.lower) && !GENERIC.has(verb.lower))
        return eventNamed(verb, `${verb.text} ${before[i].text}`, verb.start)
      i--
    }
    const w = before[i]
    // "fell by about 40 percent", "fell from 42 transits": a change, whatever changed.
    if ((w.lower === 'by' || w.lower === 'from') && i > 0 && CHANGE.has(before[i - 1].lower))
      return { event: CHANGE.get(before[i - 1].lower)!, text: before[i - 1].text, verbAt: before[i - 1].start }
    const change = w.lower === 'to' && i > 0 && CHANGE.has(before[i - 1].lower)
    if (w.lower === 'at' || w.lower === 'of' || COPULA.has(w.lower) || change) {
      // The noun before "at", "of", a copula or a change names what the figure counts: "the death toll
      // at 112", "turnout of 58 percent", "the total cost had risen to 2.1 billion".
      let noun: Word | undefined
      for (let k = i - (change ? 2 : 1); k >= Math.max(0, i - 9) && joined(before[k], before[k + 1]); k--) {
        const x = before[k]
        // "there were at least twenty shots": the copula of "there" names nothing before it.
        if (x.lower === 'there' && k === i - 1) break
        if (EVENT_OF.has(x.lower)) return eventNamed(x)
        if (
          !noun &&
          !units.has(stem(x.lower)) &&
          !FILLER.has(x.lower) &&
          !GENERIC.has(x.lower) &&
          !STOPWORD.test(x.lower)
        )
          noun = x
      }
      if (noun && (w.lower !== 'of' || noun === before[i - 1])) return eventNamed(noun)
    } else if (isVerbish(w.lower) && !GENERIC.has(w.lower))
      return eventNamed(w, w.text, w.start, sentence.slice(w.end, w.end + 12))
  }
  // "41 wounded people", "nine dead": a word of the counted phrase names the event.
  const inPhrase = wordsOf(q.text).find((w) => EVENT_OF.has(w.lower))
  if (inPhrase) return eventNamed(inPhrase)
  // After it, past auxiliaries only: "23 people were still missing", "27 people had been killed".
  // Past a phrase after the figure up to its auxiliary: "40 percent of households in the affected
  // districts had left", "no one on either vessel had been hurt".
  const aux = PREPOSITION.test(after[0]?.lower ?? '') ? after.findIndex((w, k) => k < 9 && AUX.has(w.lower)) : -1
  for (let k = Math.max(aux, 0); k < after.length && k < 10; k++) {
    const w = after[k]
    if (!joined(k ? after[k - 1] : { end: q.end, start: q.end, text: '', lower: '' }, w)) break
    if (FILLER.has(w.lower)) continue
    return isVerbish(w.lower) && !GENERIC.has(w.lower)
      ? eventNamed(w, w.text, -1, sentence.slice(w.end, w.end + 12))
      : NO_EVENT
  }
  return NO_EVENT
}

export interface When {
  year?: string
  month?: string
  day?: string
  weekday?: string
  since: boolean
  /** Told by the day ("on Monday", "today", "overnight") rather than by a date. */
  recent: boolean
  /** An earlier occasion, named only as such ("at that time"). */
  then?: boolean
}
const THEN = /\b(?:at (?:that|the) time|on that occasion|in (?:an|the) earlier (?:attack|strike|incident))\b/i

function whenOf(sentence: string, time: Span | undefined): When | null {
  // "At that time the ministry said ...": an earlier occasion than the one the text is about.
  if (THEN.test(sentence)) return { since: false, recent: false, then: true }
  if (!time) return null
  const t = time.text.toLowerCase()
  const before = sentence.slice(Math.max(0, time.start - 8), time.start).toLowerCase()
  const year = /\b(1[89]\d{2}|20\d{2})\b/.exec(t)?.[1]
  const month = MONTHS.find((m) => t.includes(m) || t.includes(`${m.slice(0, 3)}.`))
  const day = /\b(\d{1,2})(?:st|nd|rd|th)?\b/.exec(t.replace(/\b(?:1[89]|20)\d{2}\b/, ''))?.[1]
  const weekday = WEEKDAYS.find((d) => t.includes(d))
  return {
    ...(year ? { year } : {}),
    ...(month ? { month } : {}),
    ...(day && month ? { day } : {}),
    ...(weekday ? { weekday } : {}),
    since: /\bsince\b/.test(t) || /\b(?:since|from)\s*$/.test(before),
    recent: !!weekday || /\b(?:today|yesterday|overnight|this (?:morning|evening|week)|last night)\b/.test(t)
  }
}

/** The time expression of a clause nearest a figure, in the sentence's offsets. */
function nearest(times: Span[], q: Quantity, from: number): Span | undefined {
  const distance = (t: Span) => Math.abs(t.start + from - q.start)
  const best = times
    .filter((t) => t.end + from <= q.start || t.start + from >= q.end)
    .sort((a, b) => distance(a) - distance(b))[0]
  return best && { ...best, start: best.start + from, end: best.end + from }
}

/** Two times that cannot be the same: other years, other months, other days of the week or month. */
function timesDiffer(a: When | null, b: When | null): boolean {
  if (!!a?.then !== !!b?.then) return true
  if (!a || !b) return false
  if (a.year && b.year && a.year !== b.year) return true
  // A figure dated by its year ("in 1987") is not one told by the day ("on Wednesday").
  if ((a.year && !a.since && b.recent && !b.year) || (b.year && !b.since && a.recent && !a.year)) return true
  // A count since a date and a count on another date: the one is part of the other, or a later state.
  if (a.since !== b.since) {
    const [since, point] = a.since ? [a, b] : [b, a]
    return !!(since.month && point.month && !point.day && point.month !== since.month)
  }
  if (a.month && b.month && a.month !== b.month) return true
  if (a.month && a.month === b.month && a.day && b.day && a.day !== b.day) return true
  return !!(a.weekday && b.weekday && a.weekday !== b.weekday)
}

/**
 * The names in sentence[from, to): capitalised words that name something (not the first word of the
 * sentence, months, weekdays), each with its key (first five letters, lower case) and whether a
 * preposition of place comes before it ("in the town of Dravik").
 */
export function namesIn(sentence: string, from: number, to: number): { w: Word; key: string; place: boolean }[] {
  const clause = sentence.slice(from, to)
  const out: { w: Word; key: string; place: boolean }[] = []
  for (const m of clause.matchAll(CAPITALISED)) {
    const lower = m[0].toLowerCase().replace(/['’]s$/, '')
    if (NOT_NAMES.has(lower) || MONTHS.includes(lower) || WEEKDAYS.includes(lower)) continue
    const start = from + m.index
    // The first word of a sentence is capitalised whatever it is.
    let k = start - 1
    while (k >= 0 && /\s/.test(sentence[k])) k--
    if (k < 0 || !/[\p{L}\d,"“”']/u.test(sentence[k])) continue
    const w = { text: m[0], lower, start, end: start + m[0].length }
    out.push({ w, key: nameKey(w.text), place: PLACE_BEFORE.test(wordsBefore(clause, m.index)) })
  }
  return out
}
/** A word that starts with a capital (as `wordsOf` reads words). */
const CAPITALISED = /(?<![\p{L}'’-])\p{Lu}[\p{L}'’-]*/gu

/** The words of text before `end`, up to about 100 characters of them (no word cut). */
function wordsBefore(text: string, end: number): string {
  let start = Math.max(0, end - 100)
  while (start > 0 && start < end && /\p{L}/u.test(text[start - 1])) start++
  return text.slice(start, end)
}

/** The measures of a claim's figures: one per figure, in the order of its quantities. */
export function measuresOf(f: ClaimFacts): Measure[] {
  const out: Measure[] = []
  for (const q of f.quantities) {
    const prev = out.at(-1)
    const between = prev ? f.sentence.slice(prev.q.end, q.start) : ''
    const share = prev && q.unitClass === 'percent' && prev.q.unitClass === 'percent' && SET_AGAINST.test(between)
    out.push(measureOf(f, q, prev && (COORDINATED.test(between) || share) ? prev : undefined))
  }
  // "12,400 of the 31,000 households had been evacuated": the part counts what its whole counts.
  for (const m of out)
    if (m.q.role === 'part' && !m.event) {
      const whole = out.find((x) => x.q.role === 'whole' && x.q.unitClass === m.q.unitClass)
      if (whole) Object.assign(m, { event: whole.event, eventText: whole.eventText })
    }
  return out.filter(
    (m) =>
      // "a further 5.2 million": an amount on top of another, not a total.
      !FURTHER.test(f.sentence.slice(Math.max(0, m.q.start - 16), m.q.start)) &&
      // "Nobody said", "no one could tell them": none counts something only beside what happened to them.
      !(m.q.value === 0 && m.q.unit === 'people' && !(m.event && m.event in EVENTS))
  )
}
const FURTHER = /\b(?:a\s+further|an?\s+additional|another|an?\s+extra)\s+$/i
/** "shot down 38 of the drones and two of the missiles": a figure coordinated with the one before. */
const COORDINATED = /^\s*(?:,\s*)?(?:and|or|as well as|along with)\s+$/
/** "63.2 percent of the vote against 29.8 percent": a share set beside another is of the same whole. */
const SET_AGAINST = /^[^.;]{0,40}?\b(?:against|versus|vs\.?|compared\s+with|to|and)\s+$/

function measureOf(f: ClaimFacts, q: Quantity, before: Measure | undefined): Measure {
  const [a, b] = clauseAround(f.sentence, q.start, q.end)
  // The clause within the quote; a unit the text gives before the quote brings the sentence before it.
  const unitWritten = /\p{L}{3,}["”]?$/u.test(q.text)
  const from = unitWritten ? Math.max(a, f.quoteStart) : 0
  const to = Math.min(b, Math.max(f.quoteEnd, q.end))
  const clause = f.sentence.slice(from, to)
  const own = eventOf(f.sentence, q, f.quoteStart)
  // A figure coordinated with the one before counts what it counts: "launched nine missiles and 46 drones".
  const { event, text, verbAt } =
    !own.event && before?.event ? { ...own, event: before.event, text: before.eventText } : own
  const names = new Set<string>()
  const actors = new Set<string>()
  const places = new Set<string>()
  for (const { w, key, place } of namesIn(f.sentence, from, to)) {
    names.add(key)
    if (place) places.add(key)
    const possessive = /['’]s$/.test(w.text)
    // Whose: a name inside the counted phrase ("Russian troops"), or the subject just before its verb.
    if (!possessive && ((w.start >= q.start && w.end <= q.end) || (w.end <= verbAt && verbAt - w.end < 30)))
      actors.add(key)
  }
  const unitStems = new Set(q.unit.split(/\s+/).map(stem))
  const words = new Set(
    [...contentStems(clause)].filter((s) => !unitStems.has(s) && !names.has(s.slice(0, 5)) && !GENERIC_STEMS.has(s))
  )
  // A share set beside another ("... of the vote against 29.8 percent") is of the other's whole.
  const of = q.of ? stem(q.of.split(' ').at(-1)!) : q.unitClass === 'percent' && before?.of ? before.of : null
  const keys = [q.unitClass]
  if (of) keys.push(`of:${of}`, unitClassOf((q.of ?? of).split(' ').at(-1)!))
  if (q.unitClass !== 'percent') keys.push(`of:${stem(q.unit.split(' ').at(-1)!)}`)
  // A change in percent beside the change in a count: "fell by about 40 percent", "fell from 42 to 25".
  if (event === 'rise' || event === 'fall') keys.push(event)
  // A rate per month and one per year of one thing measure it alike.
  const rate = measureSize(q.unit)?.dimension
  if (rate?.endsWith(' per time')) keys.push(rate)
  // Soldiers are people: "no casualties" and "four soldiers were treated" count one thing.
  if (q.unitClass === 'troops') keys.push('people')
  if (!actors.size && before && event === before.event) for (const a of before.actors) actors.add(a)
  return {
    q,
    keys: [...new Set(keys)],
    of,
    event,
    eventText: text,
    actors,
    places,
    names,
    words,
    // The time the figure's own clause gives, else the sentence's ("said on Monday").
    time: whenOf(f.sentence, q.time && (nearest(timeExpressions(clause), q, from) ?? q.time)),
    // A rate carries its period in its unit ("40,000 shells a month"), not a stretch of time counted.
    span: rate?.endsWith(' per time') ? null : spanOf(clause)
  }
}

/**
 * The stretch of time a count covers, when the clause gives one ("over the past week", "in a day"):
 * "same" for one that points back to another's ("for the same period").
 */
function spanOf(clause: string): string | null {
  const m = SPAN.exec(clause)
  if (!m) return null
  return m[1] ? 'same' : m[2].toLowerCase().replace(/s$/, '')
}
const SPAN =
  /\b(?:(?:over|in|during|for)\s+)?(?:(the\s+same)|the\s+(?:past|last|previous)|a|one|per|each|every)\s+(?:(?:single|full|whole)\s+)?(day|days|week|weeks|month|months|year|years|period|night|24\s+hours)\b/i

const sameEvent = (a: string, b: string) => a === b || COMPATIBLE.has(`${a}|${b}`) || COMPATIBLE.has(`${b}|${a}`)
const meet = <T>(a: Set<T>, b: Set<T>) => {
  for (const x of a) if (b.has(x)) return true
  return false
}
const count = <T>(a: Set<T>, b: Set<T>) => {
  let n = 0
  for (const x of a) if (b.has(x)) n++
  return n
}

/** Why two figures cannot be of one measure, or null: other events, other sides, other times, other wholes. */
export function apart(a: Measure, b: Measure): string | null {
  if (a.event && b.event && !sameEvent(a.event, b.event)) return 'event'
  if (a.actors.size && b.actors.size && !meet(a.actors, b.actors)) return 'actor'
  if (a.places.size && b.places.size && !meet(a.places, b.places)) return 'place'
  if (a.q.unitClass === 'percent' && b.q.unitClass === 'percent' && a.of && b.of && a.of !== b.of) return 'of'
  if (timesDiffer(a.time, b.time)) return 'time'
  // A count over a stretch of time ("in the past week") is not one of no stretch, nor of another.
  if (a.span !== b.span && a.span !== 'same' && b.span !== 'same') return 'span'
  return null
}

/** How much ties two figures together (0: nothing): the same event, shared names, shared words. */
export function ties(a: Measure, b: Measure): number {
  const event = a.event && b.event ? 2 : (a.event && b.words.has(a.event)) || (b.event && a.words.has(b.event)) ? 1 : 0
  // A shared side counts twice: its name is also among the names.
  return event + count(a.actors, b.actors) + count(a.names, b.names) + count(a.words, b.words)
}

/** The words naming what a figure measures, for a set's subject: "people missing", "drones shot down". */
export function describeMeasure(m: Measure): string {
  return [m.q.unit, m.eventText.toLowerCase()].filter(Boolean).join(' ')
}
