// Attribution frames in one sentence: the cue ("said", "told", "according to"), the speaker phrase,
// the relays, and the spans that carry the claims. The frame shapes, in order of the rules below:
//   X said (that) Y.              X, who ..., told Reuters on Saturday that Y.      (leading)
//   Y, X said [on Saturday].      "Y," said X, an official with Z.                  (trailing, inverted)
//   Y, X said, adding that Z.     X said Y, but that Z.                             (several claims)
//   Y, according to X[, which said Z].   According to X, Y.
//   X, citing W, reported that Y.  (W speaks, X relays)     ... and said Z.  (the same speaker again)
//   The Office's estimate that Y ...                                                 (possessive)
import {
  ACCOUNT_NOUNS,
  ACCUSE_VERBS,
  AUDIENCES,
  CARRIER_ASIDE,
  INTERVIEWERS,
  CLAIM_NOUNS,
  CLAIM_SPLITS,
  DENY_VERBS,
  DOCUMENT_HEADS,
  RECKONING_VERBS,
  FIGURE_HEDGES,
  FIGURE_NOUNS,
  GIVE_VERBS,
  LEMMA_FIXES,
  NEGATED_TAIL,
  ORGANIZATION_WORDS,
  OUTLET_WORDS,
  NEEDS_CLAUSE,
  OBJECT_CLAIM_VERBS,
  POSSESSIVE_CLAIM_NOUNS,
  POSSESSIVE_PRONOUNS,
  SOURCING_TERMS,
  RECKONING_NOUNS,
  RECORD_VERBS,
  ROLE_NOUNS,
  RULING_VERBS,
  TELL_VERBS,
  isReportingLemma
} from './lexicon'
import type { Sentence, Token } from './nlp'
import type { CueKind } from '../../shared/analysis'

export interface Frame {
  cue: { start: number; end: number; kind: CueKind; lemma?: string }
  /** Tokens of the speaker phrase; empty when the speaker is the previous frame's (and said ...). */
  speaker: Token[]
  mode: 'phrase' | 'same-as-before'
  /** Relays, nearest the speaker first. */
  relays: Token[][]
  claims: { start: number; end: number }[]
  /** Where the frame's own words begin (its speaker, or its conjunction): claims before stop here. */
  begins: number
  /** A name seen as the subject of a reporting verb whose frame carries no claim ("a charge Strel rejected"). */
  noted?: Token[]
  /** The relay is an outlet the speaker gave an interview to ("in an interview on X", "speaking to X"). */
  interview?: Token[]
  /** Who asked the questions ("told presenter Ruta Kessel"). */
  interviewer?: Token[]
  /** The speaker spoke, but of nothing new ("disputed that"): no claim, yet a speaker later words may point to. */
  spoke?: boolean
}

const BOUNDARY_WORDS = new Set([
  'as',
  'because',
  'while',
  'although',
  'though',
  'if',
  'when',
  'after',
  'before',
  'since',
  'whereas',
  'until',
  'unless',
  'once',
  'that',
  'which',
  'who',
  'whom',
  'whose',
  'what',
  'where'
])
const RELATIVE = new Set(['which', 'who', 'whom', 'whose', 'what'])
const CONJUNCTIONS = new Set(['as', 'although', 'though', 'whereas', 'while', 'because', 'unless'])
/** "continued to complain", "purported to show": the verb before "to" has the reporting verb's subject. */
const CONTINUING_VERBS = new Set(['continue', 'keep', 'begin', 'start', 'go', 'purport', 'appear', 'seem'])
/** "Both said ...", "All three said ...": those just named, as "they" are. */
export const GROUP_PRONOUNS = /^(?:both|all|each|neither)$/
const QUANTIFIER_WORDS = new Set(['many', 'most', 'some', 'several', 'all', 'half', 'both', 'few', 'none'])
const MODALS = new Set(['can', 'could', 'may', 'might', 'should', 'must', 'would', 'will', 'shall', 'to'])
const NEGATIONS = new Set(['not', "n't", 'never'])
const SKIPPABLE_ADVERBS = new Set([
  'recently',
  'also',
  'later',
  'earlier',
  'previously',
  'separately',
  'again',
  'repeatedly',
  'publicly',
  'privately',
  'today',
  'yesterday',
  'reportedly',
  'further',
  'once',
  'last',
  'late',
  'early',
  'first',
  'then',
  'now',
  'already',
  'however',
  'meanwhile'
])
const QUOTE = /^["“”]$/
const POSSESSIVE = /^['’]s$/
const PERSONAL_PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we'])
const OBJECT_PRONOUNS = new Set(['us', 'me', 'him', 'her', 'them', 'you'])
/** "The utility itself told ORT": the speaker is the utility. */
const REFLEXIVES = new Set(['itself', 'himself', 'herself', 'themselves'])
/** "X, citing Y, reported", "X, quoting Y, said": Y speaks, X relays. */
const CITING = new Set(['citing', 'quoting'])
/** "Residents interviewed by the Voice", "an email seen by the Tribune": the outlet is a relay. */
const RELAYED_BY = new Set([
  'interviewed',
  'quoted',
  'cited',
  'contacted',
  'reached',
  'seen',
  'obtained',
  'reviewed',
  'reported',
  'published',
  'carried'
])
/** Phrasal verbs of saying and denying, by "lemma particle". */
const PHRASAL_CUES = new Set(['point out', 'rule out'])
const NAMING = /^(?:calling (?:itself|themselves|himself|herself)|known as)$/
/** "a firm called Norcast", "a unit named "Storm"": the name after the participle is capitalised or quoted. */
const NAMED = new Set(['called', 'named'])
/** Verbs a record can be the subject of; negated they still assert ("the imagery does not show damage"). */
const SHOW_VERBS = new Set(['show', 'indicate', 'suggest', 'reveal'])

const lemmaOf = (t: Token) => LEMMA_FIXES[t.lower] ?? (t.pos === 'ADJ' ? t.lower.replace(/e?d$/, '') : t.lemma)
const isQuote = (t: Token) => QUOTE.test(t.text)

function isModifierParticiple(toks: Token[], i: number): boolean {
  const t = toks[i]
  if (t.pos !== 'VERB') return false
  if (t.lower === 'think' && toks[i + 1]?.lower === 'tank') return true
  // "a group calling itself X", "a unit known as X", "a firm called X": part of the name.
  if (NAMING.test(`${t.lower} ${toks[i + 1]?.lower ?? ''}`)) return true
  // "He called again for ...", "called for talks": a verb, not a name given.
  if (NAMED.has(t.lower) && toks[i + 1] && (/^\p{Lu}/u.test(toks[i + 1].text) || isQuote(toks[i + 1]))) return true
  // "an anonymously run channel", "a privately held firm": an adverb between the article and the participle.
  if (toks[i - 2]?.pos === 'DET' && toks[i - 1]?.pos === 'ADV' && /ly$/.test(toks[i - 1].lower) && toks[i + 1])
    return ['NOUN', 'PROPN', 'ADJ'].includes(toks[i + 1].pos) || /ing$/.test(toks[i + 1].lower)
  if (!/(ed|en|ing)$/.test(t.lower)) return false
  const prev = toks[i - 1]
  const next = toks[i + 1]
  return (
    prev?.text === '-' ||
    // "accepted at least 340,000 crowns": "at least" opens a figure, not a phrase of place.
    (next?.pos === 'ADP' &&
      (prev?.pos === 'NOUN' || prev?.pos === 'PROPN') &&
      !(next.lower === 'at' && ['least', 'most'].includes(toks[i + 2]?.lower ?? ''))) ||
    (['NOUN', 'ADJ'].includes(next?.pos ?? '') && ['DET', 'ADJ'].includes(prev?.pos ?? '')) ||
    // "A Sorrel shipping agent": an -ing word between a name or noun and a noun is a modifier; without
    // an auxiliary before it, it cannot be a finite verb.
    (/ing$/.test(t.lower) &&
      next?.pos === 'NOUN' &&
      (['PROPN', 'NOUN'].includes(prev?.pos ?? '') || !prev || isModifierParticiple(toks, i - 1))) ||
    // "a report dated 14 May": a participle between a noun and a date.
    (/(?:ed|en)$/.test(t.lower) && prev?.pos === 'NOUN' && next?.entity === 'DATE') ||
    // "an aid group running a tent": an -ing word right after its noun, with no auxiliary, describes it.
    (/ing$/.test(t.lower) && prev?.pos === 'NOUN' && ['DET', 'PRON'].includes(next?.pos ?? ''))
  )
}

/**
 * A reporting verb's participle modifying a noun ("imagery collected by X ... shows", "a televised
 * interview"), which is not a cue: the sentence's own verb comes later, with no "that" before it.
 * "The company stated on Monday that ..." is a cue.
 */
function isModifierCue(toks: Token[], i: number): boolean {
  const t = toks[i]
  if (!/(ed|en|ing)$/.test(t.lower)) return false
  const prev = toks[i - 1]
  const next = toks[i + 1]
  if (prev?.text === '-') return true
  if (['NOUN', 'ADJ'].includes(next?.pos ?? '') && ['DET', 'ADJ'].includes(prev?.pos ?? '')) return true
  // "returned it with written amendments": a participle between a preposition and its noun.
  if (next?.pos === 'NOUN' && prev?.pos === 'ADP' && /(?:ed|en)$/.test(t.lower)) return true
  // "Video posted on social media showed ...": a sentence's first word is capitalised, yet a noun.
  const firstNoun = i === 1 && prev?.pos === 'PROPN'
  if (next?.pos !== 'ADP' || (prev?.pos !== 'NOUN' && !firstNoun) || (!/^\p{Ll}/u.test(prev.text) && i > 1))
    return false
  for (let j = i + 1; j < toks.length; j++) {
    if (toks[j].lower === 'that') return false
    if (toks[j].pos === 'AUX' || (toks[j].pos === 'VERB' && !isModifierParticiple(toks, j))) return true
  }
  return false
}

function isFiniteVerb(toks: Token[], i: number): boolean {
  const t = toks[i]
  return t.pos === 'AUX' || (t.pos === 'VERB' && !isModifierParticiple(toks, i))
}

/** A noun phrase: no finite verb, something nominal in it, not opening with a preposition or adverb. */
function isNounPhrase(toks: Token[], from: number, to: number): boolean {
  if (to <= from) return false
  const first = toks[from]
  if (['ADP', 'SCONJ', 'ADV', 'CCONJ'].includes(first.pos) && first.lower !== 'of') return false
  let nominal = false
  for (let i = from; i < to; i++) {
    if (isFiniteVerb(toks, i)) return false
    if (['NOUN', 'PROPN', 'PRON', 'NUM'].includes(toks[i].pos) || /^[A-Z]{2,}/.test(toks[i].text)) nominal = true
    // "The other said ...": one of a pair just named; "Both said ...": the pair itself.
    if (toks[i].lower === 'other' && i === to - 1 && toks[i - 1]?.lower === 'the') nominal = true
    if (to - from === 1 && GROUP_PRONOUNS.test(toks[i].lower)) nominal = true
  }
  return nominal
}

const onlyQuotes = (toks: Token[], from: number, to: number) => toks.slice(from, to).every(isQuote)
/** An odd number of quote marks before index `i`: a quotation is open there. */
const quoteOpenBefore = (toks: Token[], i: number) => toks.slice(0, i).filter(isQuote).length % 2 === 1

/** [from, to) with leading prepositions, conjunctions and quote marks trimmed off. */
function trimPhrase(toks: Token[], from: number, to: number): [number, number] {
  while (
    from < to &&
    (['ADP', 'CCONJ', 'SCONJ'].includes(toks[from].pos) || isQuote(toks[from]) || toks[from].text === ',')
  )
    from++
  while (to > from && (toks[to - 1].text === ',' || isQuote(toks[to - 1]) || REFLEXIVES.has(toks[to - 1].lower))) to--
  // "Health Minister Jonas Brek on Thursday": a date after a name is no part of it (a record's date, as in
  // "imagery collected on April 2", tells which record it is).
  let d = to
  while (d > from && toks[d - 1].entity === 'DATE') d--
  const record = toks.slice(from, d).some((t) => DOCUMENT_HEADS.has(t.lower))
  if (d < to && d - 1 > from && DATE_ADPS.has(toks[d - 1].lower) && !record) to = d - 1
  return [from, to]
}

interface Cue {
  index: number
  end: number
  lemma: string
  kind: CueKind
  /** "The imagery does not show ...": where the negated verb group starts. */
  negatedFrom?: number
  /** The claim starts at the verb: "put the death toll at 112", "gave a third count: 31 ...", "promised aid". */
  claimFromVerb?: boolean
  /** "complained about shortages of ...": where the claim starts, after the preposition. */
  claimAt?: number
  /** "X quoted Y as saying ...": the index of "as". */
  quotedAs?: number
  /** "X defended the plan, saying ...": a participle after a comma; the main clause's subject speaks. */
  participle?: boolean
}

function cuesIn(toks: Token[]): Cue[] {
  const out: Cue[] = []
  toks.forEach((t, i) => {
    if (t.lower === 'according' && toks[i + 1]?.lower === 'to') {
      out.push({ index: i, end: i + 2, lemma: 'according to', kind: 'according-to' })
      return
    }
    // "Karsenia, he went on, had lost ...": "go on" between commas reports what follows.
    if (t.lemma === 'go' && toks[i + 1]?.lower === 'on' && toks[i + 2]?.text === ',' && toks[i - 2]?.text === ',') {
      out.push({ index: i, end: i + 2, lemma: 'go on', kind: 'reporting-verb' })
      return
    }
    // ", pointing out that ...": a phrasal verb of saying; "ruled out a new levy": of denying, the claim
    // from the verb. "used the interview to rule out ...": the occasion's user speaks.
    const phrasal = `${t.lemma} ${toks[i + 1]?.lower ?? ''}`
    if (PHRASAL_CUES.has(phrasal) && t.pos === 'VERB') {
      const before = toks[i - 1]
      const usedTo = before?.lower === 'to' && toks.slice(Math.max(0, i - 6), i - 1).some((x) => x.lemma === 'use')
      if (before && MODALS.has(before.lower) && !usedTo) return
      // "a single pass can't rule out damage": a hedge on what is known, not a denial.
      const modal = (x?: Token) => !!x && (MODALS.has(x.lower) || ['ca', 'wo'].includes(x.lower))
      if (before && (before.lower === 'cannot' || (NEGATIONS.has(before.lower) && modal(toks[i - 2])))) return
      const participle = /ing$/.test(t.lower) && before?.text === ','
      out.push({ index: i, end: i + 2, lemma: phrasal, kind: 'reporting-verb', ...(participle ? { participle } : {}) })
      return
    }
    const lemma = lemmaOf(t)
    if (t.lower === 'saying' && toks[i - 1]?.lower === 'as') return // "quoted X as saying": the frame is "quoted"
    // "the registry records 19 as sold": wink reads "records" after its subject as a noun.
    const recordNoun =
      t.pos === 'NOUN' &&
      RECORD_VERBS.has(singularLemma(t.lower)) &&
      /s$/.test(t.lower) &&
      ['NOUN', 'PROPN'].includes(toks[i - 1]?.pos ?? '') &&
      toks[i + 1]?.pos === 'NUM'
    // "Nordel reports about 30,000 customers ...": wink reads "reports" after a name as a noun.
    const reportNoun =
      t.pos === 'NOUN' &&
      t.lower === 'reports' &&
      ['NOUN', 'PROPN'].includes(toks[i - 1]?.pos ?? '') &&
      isFigureStart(toks, i + 1)
    const special =
      t.pos === 'VERB' || reportNoun
        ? specialCue(toks, i, reportNoun ? 'report' : lemma)
        : recordNoun
          ? specialCue(toks, i, singularLemma(t.lower))
          : null
    // wink sometimes tags "notes" in "The Ministry notes that", and "shows" in "imagery ... shows fire
    // damage", as nouns, and "informed" in "has informed" as an adjective.
    const prevPos = toks[i - 1]?.pos ?? ''
    // "the two news reports that seemed to ...": "that" right before a verb is a relative pronoun.
    const thatClause = toks[i + 1]?.lower === 'that' && !['VERB', 'AUX'].includes(toks[i + 2]?.pos ?? '')
    const nounVerb =
      t.pos === 'NOUN' &&
      /s$/.test(t.lower) &&
      ['DET', 'NOUN', 'PROPN', 'NUM'].includes(prevPos) &&
      (thatClause ||
        (SHOW_VERBS.has(singularLemma(t.lower)) &&
          prevPos !== 'DET' &&
          ['NOUN', 'DET', 'NUM', 'ADJ'].includes(toks[i + 1]?.pos ?? '')))
    // "Partners report that", "..., Jana Ostrova, reports that": a verb before "that" after its subject.
    const before = toks[i - 1]
    const reportsThat =
      t.pos === 'NOUN' &&
      thatClause &&
      !!before &&
      (/s$/.test(t.lower)
        ? before.text === ','
        : (['NOUN', 'PROPN'].includes(before.pos) && /s$/.test(before.lower)) || ['we', 'they'].includes(before.lower))
    // "his name published said morale ...": wink may read "said" as an adjective; it is one only after
    // an article ("the said vessel").
    const adjVerb =
      t.pos === 'ADJ' &&
      ((prevPos === 'AUX' && /ed$/.test(t.lower)) || (['said', 'told'].includes(t.lower) && prevPos !== 'DET'))
    // "The Network, which deployed 900 monitors, estimates turnout at ...": after an aside, too.
    const afterAside =
      t.pos === 'NOUN' &&
      /s$/.test(t.lower) &&
      toks[i - 1]?.text === ',' &&
      toks.slice(0, i - 1).some((x, k) => RELATIVE.has(x.lower) && toks[k - 1]?.text === ',') &&
      ['NOUN', 'DET', 'ADJ', 'NUM', 'SCONJ'].includes(toks[i + 1]?.pos ?? '')
    // "forest that border guards say is ...": wink may read "say" after a plural noun as a noun.
    // "Tender documents seen by the Standard show that ...": so may "show" before "that".
    const sayNoun =
      t.pos === 'NOUN' &&
      ['NOUN', 'PROPN', 'PRON'].includes(prevPos) &&
      ((['say', 'says'].includes(t.lower) && ['AUX', 'VERB', 'SCONJ'].includes(toks[i + 1]?.pos ?? '')) ||
        (SHOW_VERBS.has(t.lower) && thatClause))
    if (
      !special &&
      t.pos !== 'VERB' &&
      t.pos !== 'AUX' &&
      !nounVerb &&
      !adjVerb &&
      !afterAside &&
      !reportsThat &&
      !sayNoun
    )
      return
    const nounLemma = sayNoun
      ? lemmaOf({ ...t, pos: 'VERB', lemma: t.lower.replace(/s$/, '') })
      : nounVerb || afterAside || reportsThat
        ? singularLemma(t.lower)
        : lemma
    if (!special && !isReportingLemma(nounLemma)) return
    if (isModifierCue(toks, i)) return
    // "a milblogger who claims to serve with ...": a verb with an infinitive reports nothing.
    // "The delegations agreed not to brief the press": negated, too.
    const infinitive = toks[i + 1]?.lower === 'not' ? i + 2 : i + 1
    if (toks[infinitive]?.lower === 'to' && toks[infinitive + 1]?.pos === 'VERB') return
    // "did not want his name published said ...": a participle right before the sentence's reporting verb.
    if (/(?:ed|en)$/.test(t.lower) && toks[i + 1]?.pos === 'VERB' && isReportingLemma(lemmaOf(toks[i + 1]))) return
    // "X quoted Y as saying", "Y was quoted by X as saying": active and passive alike.
    if (special?.quotedAs !== undefined) {
      out.push(special)
      return
    }
    // "where we could check them, we say so": "so" points back; nothing is said.
    if (toks[i + 1]?.lower === 'so' && (!toks[i + 2] || /^[.,;:!?]$/.test(toks[i + 2].text))) return
    // "has not confirmed or denied": the publisher's non-statement, not a denial.
    if (toks[i - 1]?.lower === 'or' && toks.slice(Math.max(0, i - 4), i).some((x) => NEGATIONS.has(x.lower))) return
    let k = i - 1
    while (k >= 0 && toks[k].pos === 'ADV' && !NEGATIONS.has(toks[k].lower)) k--
    const prev = toks[k]
    const negated =
      !!prev && (NEGATIONS.has(prev.lower) || (prev.pos === 'AUX' && NEGATIONS.has(toks[k - 1]?.lower ?? '')))
    // "continued to complain about ...", "kept saying ...": still reporting, not a plan.
    const goesOnDoing = prev?.lower === 'to' && CONTINUING_VERBS.has(toks[k - 1]?.lemma ?? '')
    if (prev && MODALS.has(prev.lower) && !goesOnDoing) return
    // "The claim was first reported by X": a passive; what X says comes in its own words.
    if (
      prev &&
      prev.pos === 'AUX' &&
      /^(?:is|are|was|were|be|been|being)$/.test(prev.lower) &&
      !NEGATIONS.has(toks[k - 1]?.lower ?? '')
    )
      return
    if (special) {
      if (!negated) out.push(special)
      return
    }
    // "a sum of 5,000 crowns, reported by the Courier, was ...", ", reported on Monday by the Courier,": a
    // passive aside.
    if (agentAt(toks, i) !== -1 && /(?:ed|en)$/.test(t.lower) && !/^(?:has|have|had)$/.test(prev?.lower ?? '')) return
    if (negated && !SHOW_VERBS.has(lemma)) return
    if (negated) {
      let a = k
      while (
        a > 0 &&
        (NEGATIONS.has(toks[a].lower) || toks[a].pos === 'AUX') &&
        toks[a - 1] &&
        (toks[a - 1].pos === 'AUX' || NEGATIONS.has(toks[a - 1].lower))
      )
        a--
      out.push({ index: i, end: i + 1, lemma, kind: 'reporting-verb', negatedFrom: a })
      return
    }
    // ", adding that ...", ", saying ...": the previous frame goes on, or the main clause's subject speaks.
    if (/ing$/.test(t.lower) && prev?.text === ',') {
      out.push({ index: i, end: i + 1, lemma, kind: 'reporting-verb', participle: true })
      return
    }
    if (/ing$/.test(t.lower) && toks[i + 1]?.pos === 'NOUN') return
    // "The station showed a post by X", "aired footage from Y": showing someone's record is no claim.
    if (SHOW_VERBS.has(nounLemma) && shownRecord(toks, i + 1)) return
    out.push({ index: i, end: i + 1, lemma: nounLemma, kind: 'reporting-verb' })
  })
  return out
}

/** Where a figure starts: a number, or a hedge before one ("more than", "about"), past any quote mark. */
/** "a post by X", "the footage from Y": a record and who made it, after a verb of showing at `k`. */
function shownRecord(toks: Token[], k: number): boolean {
  let n = k
  if (toks[n]?.pos === 'DET') n++
  while (toks[n]?.pos === 'ADJ') n++
  const head = toks[n]?.lower ?? ''
  return (DOCUMENT_HEADS.has(head) || SHOWN_RECORDS.has(head)) && ['by', 'from'].includes(toks[n + 1]?.lower ?? '')
}
/** Records a broadcaster shows that DOCUMENT_HEADS lacks. */
const SHOWN_RECORDS = new Set(['post', 'posts', 'clip', 'clips', 'photo', 'picture', 'pictures'])

/** Numbers written as nouns: "counted a dozen new buildings", "logged hundreds of calls". */
const COUNT_WORDS = new Set(['dozen', 'dozens', 'score', 'scores', 'hundreds', 'thousands'])

function isFigureStart(toks: Token[], k: number): boolean {
  while (toks[k] && isQuote(toks[k])) k++
  // "as many as 62,000", "as much as a third"
  if (toks[k]?.lower === 'as' && toks[k + 2]?.lower === 'as') k += 3
  const t = toks[k]
  return !!t && (t.pos === 'NUM' || /^\d/.test(t.text) || FIGURE_HEDGES.has(t.lower))
}

/**
 * Cues that are not reporting verbs: figures given ("put the death toll at 112", "gave a third count:
 * 31 ships", "recorded 84 grain ships"), commitments and descriptions ("promised compensation",
 * "described long queues"), and "X quoted Y as saying". Null for anything else.
 */
function specialCue(toks: Token[], i: number, lemma: string): Cue | null {
  const cue = (extra: Partial<Cue>): Cue => ({ index: i, end: i + 1, lemma, kind: 'reporting-verb', ...extra })
  const clauseEnds = (t: Token) => ['.', ';', '!', '?'].includes(t.text)
  if (lemma === 'quote') {
    for (let k = i + 1; k < toks.length && k < i + 16 && !clauseEnds(toks[k]); k++)
      if (toks[k].lower === 'as' && toks[k + 1]?.lower === 'saying') return cue({ quotedAs: k })
    return null
  }
  if (lemma === 'put') {
    for (let k = i + 1; k < toks.length && k < i + 14 && !clauseEnds(toks[k]) && toks[k].text !== ','; k++)
      if (toks[k].lower === 'at') return isFigureStart(toks, k + 1) ? cue({ claimFromVerb: true }) : null
    return null
  }
  // "Nordel reports about 30,000 customers without power": a figure reported as the object.
  if (lemma === 'report' && isFigureStart(toks, i + 1)) return cue({ claimFromVerb: true })
  if (GIVE_VERBS.has(lemma)) {
    let k = i + 1
    while (toks[k] && ['DET', 'ADJ', 'NUM'].includes(toks[k].pos)) k++
    return FIGURE_NOUNS.has(toks[k]?.lower ?? '') ? cue({ claimFromVerb: true }) : null
  }
  if (RECORD_VERBS.has(lemma)) {
    for (let k = i + 1; k < toks.length && k < i + 10; k++) {
      if (clauseEnds(toks[k]) || [',', ':'].includes(toks[k].text) || toks[k].lower === 'that') break
      if ((toks[k].pos === 'NUM' && toks[k].entity !== 'DATE') || COUNT_WORDS.has(toks[k].lower))
        return cue({ claimFromVerb: true })
    }
    return null
  }
  // "described that withdrawal as ...": "that" before a noun and no verb is a determiner.
  if (OBJECT_CLAIM_VERBS.has(lemma))
    return cue({
      claimFromVerb:
        toks[i + 1]?.lower !== 'that' || (toks[i + 2]?.pos === 'NOUN' && !!toks[i + 3] && !isFiniteVerb(toks, i + 3))
    })
  // 'The report refers to a "sharp rise" in ...': a quoted characterisation referred to is the claim.
  if (lemma === 'refer' && toks[i + 1]?.lower === 'to' && toks.slice(i + 2, i + 5).some(isQuote))
    return cue({ claimAt: i + 2 })
  // "milbloggers complained about shortages of ...": what they complain of is the claim.
  if (lemma === 'complain' && ['about', 'of'].includes(toks[i + 1]?.lower ?? '') && toks[i + 2])
    return cue({ claimAt: i + 2 })
  // "She allowed the prosecution to play ...", "The judge refused to let ...": a ruling, by a person.
  // "She ruled that ...": a ruling reported as a clause is said, as "said that" is.
  if (RULING_VERBS.has(lemma) && /(?:ed|ld)$/.test(toks[i].lower) && toks[i + 1]?.lower !== 'that') {
    let k = i - 1
    while (k >= 0 && toks[k].pos === 'ADV') k--
    const byPerson = ['he', 'she'].includes(toks[k]?.lower ?? '') || ROLE_NOUNS.has(toks[k]?.lower ?? '')
    const refusal = /^(?:comment|answer|respond|say|discuss|give|elaborate|confirm)$/.test(toks[i + 2]?.lower ?? '')
    return byPerson && !refusal ? cue({ claimFromVerb: true }) : null
  }
  return null
}

const singularLemma = (word: string) => LEMMA_FIXES[word] ?? word.replace(/s$/, '')

/** The start of the clause a cue's subject is in: after a subordinator, a semicolon, or the sentence start. */
function clauseStart(toks: Token[], v: number): number {
  // "Asked where the figure came from, X told ...", "When police searched the house, they found ...": a
  // boundary inside the phrase or clause that opens the sentence ends at the phrase's comma.
  const adverbialClause =
    BOUNDARY_WORDS.has(toks[0]?.lower ?? '') && !RELATIVE.has(toks[0].lower) && toks[0].lower !== 'that'
  const opener =
    adverbialClause ||
    ['SCONJ', 'ADP'].includes(toks[0]?.pos ?? '') ||
    (toks[0]?.pos === 'VERB' && /^\p{Lu}\p{Ll}+ed$/u.test(toks[0].text))
  const openerEnd = opener ? toks.findIndex((t) => t.text === ',') : -1
  const inOpener = (i: number) =>
    openerEnd > i && openerEnd < v && !toks.slice(1, i).some((_, k) => isFiniteVerb(toks, k + 1))
  for (let i = v - 1; i >= 0; i--) {
    const t = toks[i]
    if (t.text === ';' || t.text === ':') return i + 1
    if (!BOUNDARY_WORDS.has(t.lower)) continue
    // '"We register every person who crosses. ...," Ekwall said': a clause inside a quotation that closes
    // before the verb is part of the claim.
    if (toks.slice(i + 1, v).filter(isQuote).length % 2 === 1) continue
    // ", which operates the dam,": an aside inside the subject, not a clause boundary.
    if (RELATIVE.has(t.lower) && toks[i - 1]?.text === ',' && toks.slice(i + 1, v).some((x) => x.text === ',')) continue
    if (
      t.pos === 'SCONJ' ||
      // "..., as aid groups warned that ...", "..., although engineers warned ...": wink may read these
      // conjunctions as prepositions.
      (CONJUNCTIONS.has(t.lower) && toks[i - 1]?.text === ',') ||
      RELATIVE.has(t.lower) ||
      t.lower === 'that' ||
      ['until', 'unless', 'once', 'where'].includes(t.lower)
    )
      return inOpener(i) ? openerEnd + 1 : i
  }
  // "When police searched the house, they found ...": an opening adverbial clause is not the claim.
  return adverbialClause && inOpener(0) ? openerEnd + 1 : 0
}

interface Left {
  speaker: [number, number] | null
  origin: [number, number] | null
  sameAsBefore: boolean
  /** Index of the comma ending the claim, for trailing frames ("Y, X said"). */
  claimComma: number | null
  relative: boolean
  objectRelative: boolean
  objection: [number, number] | null
  objectionStart?: number
  /** "what it said was ...", "photographs that it said were taken ...": the index of the relative word. */
  pronounRelative?: number
  /** "..., a figure it says is based on ...": the noun phrase's start and the pronoun that speaks. */
  objectPronoun?: [number, number]
  /** "a route that border guards say is the busiest": the relative clause's subject, which speaks. */
  objectSpeaker?: [number, number]
  /** "which Sarvany has accused of ...": the claim is the relative clause, up to its comma. */
  accusation?: boolean
  /** ", reported by the Courier,": an outlet in an aside between the speaker and the verb. */
  relayAside?: [number, number]
}

function leftOf(toks: Token[], v: number): Left {
  const out: Left = {
    speaker: null,
    origin: null,
    sameAsBefore: false,
    claimComma: null,
    relative: false,
    objectRelative: false,
    objection: null
  }
  let j = v - 1
  while (j >= 0 && (toks[j].pos === 'ADV' || toks[j].pos === 'AUX' || NEGATIONS.has(toks[j].lower))) j--
  // "The border guard, however, says ...": an adverb set off by commas stands between subject and verb.
  if (toks[j]?.text === ',' && toks[j - 1]?.pos === 'ADV' && toks[j - 2]?.text === ',' && j - 2 > 0) j -= 3
  // "X continued to complain about ...": the subject is the continuing verb's.
  if (toks[j]?.lower === 'to' && CONTINUING_VERBS.has(toks[j - 1]?.lemma ?? '')) j -= 2
  // "X also used the interview to rule out ...": the subject is the user's.
  if (toks[j]?.lower === 'to') {
    const use = toks.slice(Math.max(0, j - 5), j).findLastIndex((x) => x.lemma === 'use' && x.pos === 'VERB')
    if (use !== -1) j = Math.max(0, j - 5) + use - 1
  }
  while (j >= 0 && (toks[j].pos === 'ADV' || toks[j].pos === 'AUX')) j--
  // "X, usually quick to praise the port, complained ...", "X, standing on the quay, says ...": an aside
  // opening with an adjective or a participle describes X.
  if (toks[j]?.text === ',') {
    const k = toks.slice(0, j).findLastIndex((t) => t.text === ',')
    let a = k + 1
    while (k > 0 && toks[a]?.pos === 'ADV') a++
    const adjective = toks[a]?.pos === 'ADJ' && ['ADP', 'PART'].includes(toks[a + 1]?.pos ?? '')
    // Not "citing Y" nor "speaking to Y", which name an origin or a relay.
    const participle =
      ['VERB', 'NOUN'].includes(toks[a]?.pos ?? '') &&
      /ing$/.test(toks[a].lower) &&
      !CITING.has(toks[a].lower) &&
      !['speaking', 'writing', 'according', 'including'].includes(toks[a].lower) &&
      toks[a + 1]?.pos === 'ADP'
    if (k > 0 && a < j && (adjective || participle)) j = k - 1
  }
  // ", who asked not to be named because ..., said": the aside, clauses and all, is not the subject.
  // "Y, which have risen, the council's director, Riya Halloran, told ...": a last part with no verb is a
  // name after the aside, which belongs to the claim.
  if (toks[j]?.text === ',')
    for (let k = j - 1, verbless = false; k > 0 && k > j - 40; k--) {
      if (toks[k].text === ';' || isQuote(toks[k])) break
      if (toks[k].text === ',' && apposedRelative(toks, k, j)) {
        j = k - 1
        break
      }
      if (toks[k].text === ',' && !verbless)
        verbless = !toks
          .slice(k + 1, j)
          .some((_, m) => isFiniteVerb(toks, k + 1 + m) || RELATIVE.has(toks[k + 1 + m].lower))
      if (verbless) break
      if (RELATIVE.has(toks[k].lower) && toks[k - 1]?.text === ',') {
        j = k - 2
        break
      }
      // "A former official who worked on the tender, and who spoke on condition of anonymity, said ...".
      if (RELATIVE.has(toks[k].lower) && toks[k - 1]?.lower === 'and' && toks[k - 2]?.text === ',') {
        j = k - 3
        break
      }
    }
  // "..., a figure it says is based on ...": the pronoun speaks of the noun before it.
  if (
    ['it', 'he', 'she', 'they', 'we'].includes(toks[j]?.lower ?? '') &&
    toks[j - 1]?.pos === 'NOUN' &&
    toks[v + 1] &&
    isFiniteVerb(toks, v + 1)
  ) {
    let a = j - 1
    while (a > 0 && ['DET', 'ADJ', 'NOUN', 'NUM'].includes(toks[a - 1].pos)) a--
    out.objectPronoun = [a, j]
    return out
  }
  const boundary = clauseStart(toks, j + 1)
  const relativeClause =
    ['who', 'whom'].includes(toks[boundary]?.lower ?? '') &&
    toks[boundary - 1]?.text !== ',' &&
    toks.slice(boundary + 1, j + 1).some((_, k) => isFiniteVerb(toks, boundary + 1 + k))
  // "Buses will run for those who wish to leave, he said": a pronoun takes no relative clause; the
  // clause before its comma closes the claim.
  if (relativeClause && PERSONAL_PRONOUNS.has(toks[j]?.lower ?? '') && toks[j - 1]?.text === ',' && j === v - 1) {
    out.claimComma = j - 1
    out.speaker = [j, j + 1]
    return out
  }
  // "a welder who has worked there for 22 years said ...": a relative clause with its own verb ends
  // before the cue, which is the main verb; the speaker is the noun phrase the clause describes.
  if (relativeClause) {
    const described = nounPhraseBefore(toks, boundary)
    if (described) {
      out.speaker = [appositionStart(toks, described[0]), described[1]]
      return out
    }
  }
  let lo =
    boundary < toks.length && BOUNDARY_WORDS.has(toks[boundary]?.lower) && boundary <= j ? boundary + 1 : boundary
  const boundaryWord = lo > 0 ? toks[lo - 1].lower : ''
  // "But two nurses ... said": a sentence-opening conjunction is not part of the subject.
  if (lo === 0 && j > 0 && toks[0].pos === 'CCONJ') lo = 1
  if (j < lo) {
    if (RELATIVE.has(boundaryWord)) out.relative = true
    else if (toks[j]?.pos === 'CCONJ') out.sameAsBefore = true
    return out
  }
  if (toks[j].pos === 'CCONJ' && j === lo + 0 && j + 1 === v) {
    out.sameAsBefore = true
    return out
  }
  if (toks[j].pos === 'CCONJ') {
    out.sameAsBefore = true
    return out
  }
  const pronoun = j === lo && ['it', 'he', 'she', 'they'].includes(toks[lo].lower)
  if (pronoun && (boundaryWord === 'what' || (boundaryWord === 'that' && toks[v + 1] && isFiniteVerb(toks, v + 1)))) {
    out.pronounRelative = lo - 1
    return out
  }
  // "Patrols have held up traffic for a third week, and Norvania's government said ...": the subject is
  // the second clause's ("records and reports by councils, its spokesperson said" is one claim).
  for (let c = j; c > lo; c--) {
    if (toks[c].pos !== 'CCONJ') continue
    const joinsClauses = toks[c - 1]?.text === ',' || !toks.slice(c + 1, j + 1).some((t) => t.text === ',')
    if (joinsClauses && isNounPhrase(toks, c + 1, j + 1) && toks.slice(0, c).some((_, k) => isFiniteVerb(toks, k)))
      lo = c + 1
    break
  }
  // "a claim that many in the port believe": "that" after an account noun is the verb's object.
  const accountThat = boundaryWord === 'that' && ACCOUNT_NOUNS.has(singularLemma(toks[lo - 2]?.lower ?? ''))
  // "a route that border guards say is now the busiest": the relative's subject speaks of its noun.
  const nounThat = boundaryWord === 'that' && ['NOUN', 'PROPN'].includes(toks[lo - 2]?.pos ?? '')
  // "a clip in which its reporter says ...": after a preposition the relative is no object of the verb.
  const prepositional =
    ['which', 'whom'].includes(boundaryWord) && toks[lo - 2]?.pos === 'ADP' && toks[v + 1]?.text !== ','
  if (
    !prepositional &&
    (nounThat || boundaryWord === 'which') &&
    isNounPhrase(toks, lo, j + 1) &&
    toks[v + 1] &&
    isFiniteVerb(toks, v + 1) &&
    // "the agreement that both said would be ready is nowhere near agreed": the sentence's own verb after
    // the relative clause ends it, and what was said is not the rest.
    !toks.slice(v + 2).some((_, k) => isFiniteVerb(toks, v + 2 + k) && toks[v + 1 + k].pos !== 'AUX')
  ) {
    out.objectSpeaker = [lo, j + 1]
    return out
  }
  if (!prepositional && (RELATIVE.has(boundaryWord) || accountThat) && isNounPhrase(toks, lo, j + 1)) {
    // "the tanker, which Sarvany has accused of carrying fuel, ...": the accusation is the relative clause.
    if (['which', 'whom', 'who'].includes(boundaryWord) && ACCUSE_VERBS.has(lemmaOf(toks[v])) && toks[v + 1]) {
      out.objectSpeaker = [lo, j + 1]
      out.accusation = true
      return out
    }
    out.objectRelative = true // "which Kyiv claimed ...": the verb's object came first
    return out
  }
  // "The clinic had treated 30 patients, six of them children, said Dr Oda Venn": an inverted attribution
  // after a comma names its speaker after the verb; the phrase before the comma goes on with the claim.
  if (toks[v - 1]?.text === ',' && v - 1 > lo && invertedSpeaker(toks, v)) {
    out.claimComma = v - 1
    return out
  }
  // Comma-separated parts of the region, right to left.
  const parts: [number, number][] = []
  let end = j + 1
  for (let i = j; i >= lo; i--) {
    if (toks[i].text === ',') {
      parts.push([i + 1, end])
      end = i
    }
  }
  parts.push([lo, end])
  let speakerFrom = -1
  let speakerTo = -1
  for (let p = 0; p < parts.length; p++) {
    const [a, b] = parts[p]
    if (b <= a || onlyQuotes(toks, a, b)) continue
    // '"The talks open a new chapter," Petrak said': a quotation closing at this comma is the claim, even
    // with no verb found in it (wink reads "open" there as an adjective).
    if (toks[b]?.text === ',' && toks[b + 1] && isQuote(toks[b + 1]) && quoteOpenBefore(toks, b)) {
      out.claimComma = b
      break
    }
    // "On 10 July the armed forces of Orvenia claimed ...": an opening date is no part of the speaker.
    // "At 06:20 the news site X wrote ...": so is a clock time.
    if (a === lo && speakerTo === -1 && DATE_ADPS.has(toks[a].lower) && toks[a + 1] && isWhen(toks[a + 1])) {
      let d = a + 1
      while (d < b - 1 && isWhen(toks[d])) d++
      if (d > a + 1 && isNounPhrase(toks, d, b)) {
        if (speakerTo === -1) speakerTo = b
        speakerFrom = d
        break
      }
    }
    const first = toks[a]
    // "In a televised address on Sunday she said ...": an opening phrase with no comma after it, then the
    // pronoun that speaks.
    if (a === 0 && first.pos === 'ADP' && b === j + 1 && b - a > 2 && PERSONAL_PRONOUNS.has(toks[j].lower)) {
      speakerFrom = j
      speakerTo = b
      break
    }
    if (RELATIVE.has(first.lower)) continue // ", which operates the dam,"
    if (CITING.has(first.lower)) {
      out.origin = trimPhrase(toks, a + 1, b)
      continue
    }
    // ", speaking on condition of anonymity,", ", seen by the Tribune,", "Asked about the report, ...";
    // "Closing his address, Brodnik said ...", whose capitalised first word wink may read as a name.
    // "..., while waiting in the queue, the charity told ANP": a participle clause opened by a conjunction
    // ends the claim.
    if (a === lo && lo > 0 && toks[lo - 1].pos === 'SCONJ' && speakerTo !== -1 && b < j + 1) {
      out.claimComma = b
      break
    }
    // "X burst its banks, forcing the evacuation of 2,000 residents, officials said": a participle phrase
    // before the speaker, not opening the sentence, goes on with the claim.
    if (first.pos === 'VERB' && /ing$/.test(first.lower) && speakerTo !== -1 && a > 0) {
      out.claimComma = b
      break
    }
    // ", made to reporters in Sarn,": irregular participles ("made", "held", "sent") open asides too.
    const participle =
      /(?:ing|ed|en)$/.test(first.lower) ||
      (toks[a - 1]?.text === ',' && first.lemma !== first.lower && !/s$/.test(first.lower))
    if (first.pos === 'VERB' && participle && !(a === 0 && isModifierParticiple(toks, a))) {
      // "An assessment by X, reported on Monday by the Courier, put ...": the outlet in the aside relays.
      const agent = RELAYED_BY.has(first.lower) ? agentAt(toks, a) : -1
      const whom = agent !== -1 && agent < b ? toldWhom(toks, agent + 1) : null
      if (whom?.relay && whom.relay[1] <= b) out.relayAside = whom.relay
      continue
    }
    if (a === 0 && /^\p{Lu}\p{Ll}+ing$/u.test(first.text) && ['DET', 'PRON'].includes(toks[a + 1]?.pos ?? '')) continue
    // ", in a report published in 2023,": an aside between the subject and its verb; "In a statement sent
    // to the programme, the ministry said": a phrase before the subject.
    // "By midday the figure had been revised to 11, the office said": a clause (an auxiliary says so;
    // "a statement sent to X" has none), not a phrase, is the claim.
    const clause = toks.slice(a, b).some((t) => t.pos === 'AUX')
    // "At least 14 ships a day pass ...": a figure's hedge opens no phrase.
    const hedge = ['least', 'most'].includes(toks[a + 1]?.lower ?? '') && toks[a + 2]?.pos === 'NUM'
    if (
      first.pos === 'ADP' &&
      !clause &&
      !hedge &&
      (a === lo ? speakerTo !== -1 : speakerTo === -1 && toks[b]?.text === ',')
    ) {
      out.relayAside ??= relayIn(toks, a, b) ?? undefined
      continue
    }
    // "On Monday, after users challenged it, the account posted a reply saying ...": an opening clause
    // before the subject, whose verb has its own clause after it, is no claim.
    if (['ADP', 'SCONJ'].includes(first.pos) && speakerTo !== -1 && openersOnly(toks, lo, a) && !closesClaim(toks, v))
      continue
    // "Speaking to AVT, in remarks later reported by Interpress, she claimed ...": a phrase naming the
    // outlet that carried the words is no claim.
    const carried = first.pos === 'ADP' && speakerTo !== -1 && toks[b]?.text === ',' ? relayIn(toks, a, b) : null
    if (carried) {
      out.relayAside ??= carried
      continue
    }
    // "Many boats, she said, are now owned ...": a pronoun takes no apposition; what comes before it is
    // the first half of the claim.
    if (speakerTo === -1 && b - a === 1 && PERSONAL_PRONOUNS.has(toks[a].lower) && a > lo && interrupts(toks, v)) {
      speakerFrom = a
      speakerTo = b
      out.claimComma = a - 1
      break
    }
    // "... since January, the diplomat said": a date closing the claim is no apposition of the speaker.
    if (speakerTo !== -1 && toks.slice(a, b).every((t) => /DATE|DURATION|TIME/.test(t.entity ?? ''))) {
      out.claimComma = b
      break
    }
    // "..., many for hypothermia and exhaustion, the agency reported": a quantifier's phrase goes on with
    // the claim; it is no apposition of the speaker.
    if (speakerTo !== -1 && QUANTIFIER_WORDS.has(toks[a].lower) && ['ADP', 'NOUN'].includes(toks[a + 1]?.pos ?? '')) {
      out.claimComma = b
      break
    }
    // "Ground crews shot down 12 drones, army spokesman Major X said": an apposition is set off on both
    // sides ("the harbour master, Jan Ostrow, said"), so a phrase before a speaker that meets its verb
    // with no comma is the claim, even when the tagger finds no verb in it.
    const abutting =
      speakerTo !== -1 &&
      a < speakerFrom &&
      toks.slice(speakerTo, v).every((t) => t.pos === 'ADV') &&
      closesClaim(toks, v)
    if (abutting && isNounPhrase(toks, a, b)) {
      out.claimComma = b
      break
    }
    if (isNounPhrase(toks, a, b)) {
      // Noun phrases between the claim and the verb are the speaker and its appositions:
      // "Y, the harbour master, Jan Ostrow, said"; "U.S. Secretary of Defense, Lloyd Austin, said".
      if (speakerTo === -1) speakerTo = b
      speakerFrom = a
      if (a === lo) break
      continue
    }
    const hasVerb = toks.slice(a, b).some((_, k) => isFiniteVerb(toks, a + k))
    // "Asked by the chair, Tom Berg, why the programme was late, she blamed ...": the question belongs to the
    // participle that opens the sentence; it is no claim.
    const askedFirst = /^\p{Lu}\p{Ll}+ed$/u.test(toks[0].text) && toks[0].pos === 'VERB' && speakerTo !== -1
    // Claim material before the speaker ("Y, X said"), or before the verb ("Y," said X).
    if (hasVerb && !askedFirst) out.claimComma = b
    break
  }
  if (speakerTo !== -1) {
    const [a, b] = trimPhrase(toks, speakerFrom, speakerTo)
    // "..., a formula the union's negotiators rejected last year": a noun set off after a clause, described
    // by a relative clause with no "that", whose subject is a name; the verb reports nothing after it.
    let h = a + 1
    while (h < b && toks[h].pos === 'ADJ') h++
    if (
      toks[a - 1]?.text === ',' &&
      ['a', 'an'].includes(toks[a].lower) &&
      toks[h]?.pos === 'NOUN' &&
      h + 1 < b &&
      ['PROPN', 'DET', 'PRON'].includes(toks[h + 1].pos) &&
      closesClaim(toks, v)
    ) {
      out.objection = [h + 1, b]
      out.objectionStart = a
      return out
    }
    // "a charge Strel rejected": an objection to the previous clause.
    const head = toks.slice(a, b).find((t) => t.pos === 'NOUN')
    // "..., an account residents disputed": an objection by a plural noun as much as by a name.
    const objector = toks[b - 1].pos === 'PROPN' || (toks[b - 1] !== head && /s$/.test(toks[b - 1].lower))
    const claimNoun = head && (CLAIM_NOUNS.has(head.lower) || ACCOUNT_NOUNS.has(head.lower))
    // '"...," the account @Halden wrote': after a quotation, the account noun names the speaker.
    if (claimNoun && objector && ['PROPN', 'NOUN'].includes(toks[b - 1].pos) && !(a > 0 && isQuote(toks[a - 1]))) {
      let n = b - 1
      while (n > a && toks[n - 1].pos === toks[b - 1].pos) n--
      out.objection = [n, b]
      out.objectionStart = a
      return out
    }
    // "seven boats it described as militia": a pronoun takes no phrase before it.
    if (b - a > 1 && PERSONAL_PRONOUNS.has(toks[b - 1].lower)) out.speaker = [b - 1, b]
    else if (b > a) out.speaker = [a, b]
  }
  return out
}

/** The comma-separated parts in [from, to) all open with a preposition, conjunction or adverb. */
function openersOnly(toks: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++)
    if ((k === from || toks[k - 1].text === ',') && !['ADP', 'SCONJ', 'ADV'].includes(toks[k].pos)) return false
  return true
}

/** "..., X said on state television, adding ...": no clause of the verb's own follows it before a comma. */
function closesClaim(toks: Token[], v: number): boolean {
  for (let k = v + 1; k < toks.length && toks[k].text !== ','; k++)
    if (toks[k].lower === 'that' || isQuote(toks[k]) || isFiniteVerb(toks, k)) return false
  return true
}

/** "she said, are ...", "he told the jury, had ...": the attribution at `v` is set off by a comma after it. */
function interrupts(toks: Token[], v: number): boolean {
  for (let k = v + 1; k < Math.min(toks.length, v + 6); k++) {
    if (toks[k].text === ',') return true
    if (isFiniteVerb(toks, k) || isQuote(toks[k]) || toks[k].pos === 'SCONJ') return false
  }
  return false
}

/**
 * Past an apposition after a speaker at the comma `k` ("according to Sorrel, a marine insurance broker,
 * premiums ..."): where the speaker phrase ends. A leading frame's apposition must leave a claim after it.
 */
function appositionEnd(toks: Token[], k: number, stop: number, leading: boolean, from: number): number {
  if (toks[k]?.text !== ',') return k
  let m = k + 1
  while (m < stop && toks[m].text !== ',') m++
  if (!isNounPhrase(toks, k + 1, m) || (leading && m >= stop - 1)) return k
  // "According to the agency, the front's spokesman, Kiro Adamsk, told ...": a phrase that is the subject
  // of a reporting verb after it is the claim's speaker, not the agency's apposition.
  if (leading && reportsNext(toks, m, stop)) return k
  // "according to our site manager, Lusine Darrow, who ...": a role's name.
  const role = toks
    .slice(from, k)
    .reverse()
    .find((t) => t.pos === 'NOUN')
  const name = m - k > 2 && toks.slice(k + 1, m).every((t) => t.pos === 'PROPN')
  if (name && role && ROLE_NOUNS.has(singularLemma(role.lower))) return m
  const first = toks[k + 1].lower
  const head = toks
    .slice(k + 1, m)
    .reverse()
    .find((t) => t.pos === 'NOUN')
  const describes =
    first === 'a' ||
    first === 'an' ||
    (first === 'the' &&
      !!head &&
      (ROLE_NOUNS.has(head.lower.replace(/s$/, '')) ||
        OUTLET_WORDS.test(head.text) ||
        ORGANIZATION_WORDS.test(head.text)))
  return describes ? m : k
}

/** "The first witness, Joss Amberley, a former clerk who worked ...": the names a phrase at `from` is in apposition to. */
function appositionStart(toks: Token[], from: number): number {
  for (;;) {
    const before = toks[from - 1]?.text === ',' ? nounPhraseBefore(toks, from - 1) : null
    if (!before || before[1] !== from - 1) return from
    // "Outside the main gate on Wednesday, a welder who ...": a phrase after a preposition is no name.
    // "a post by Red Harbour, an anonymous channel, which ...": the maker of a record is a name.
    const maker = toks[before[0] - 1]?.lower === 'by' && toks[before[0] - 2]?.pos === 'NOUN'
    if (
      (toks[before[0] - 1]?.pos === 'ADP' && !maker) ||
      toks.slice(before[0], before[1]).every((t) => t.entity === 'DATE')
    )
      return from
    from = before[0]
  }
}

/** After the comma at `m`, a name or role (and its own apposition) and then a reporting verb. */
function reportsNext(toks: Token[], m: number, stop: number): boolean {
  let k = m
  for (let parts = 0; parts < 2 && toks[k]?.text === ','; parts++) {
    const v = k + 1
    if (toks[v] && cuesIn(toks.slice(v, v + 1)).length && isFiniteVerb(toks, v)) return true
    k = v
    while (k < stop && toks[k].text !== ',') k++
    if (!isNounPhrase(toks, v, k)) return false
  }
  return false
}

/** "The channel showed a post by X, ...": the channel, which passes X's post on. */
function showerOf(toks: Token[], maker: number): Token[] | null {
  if (toks[maker - 1]?.lower !== 'by') return null
  let v = maker - 2
  if (!SHOWN_RECORDS.has(toks[v]?.lower ?? '') && !DOCUMENT_HEADS.has(toks[v]?.lower ?? '')) return null
  while (v > 0 && ['NOUN', 'ADJ', 'DET'].includes(toks[v].pos)) v--
  if (!SHOW_VERBS.has(lemmaOf(toks[v])) && !CARRY_VERBS.has(lemmaOf(toks[v])) && lemmaOf(toks[v]) !== 'print')
    return null
  const subject = leftOf(toks, v).speaker
  return subject ? toks.slice(subject[0], subject[1]) : null
}

/** The comma after which the main clause around a relative aside goes on with its verb, or -1. */
function mainClauseAfter(toks: Token[], from: number, stop: number): number {
  for (let k = from; k < stop; k++) {
    if (isQuote(toks[k]) || toks[k].pos === 'CCONJ') return -1
    if (toks[k].text !== ',') continue
    let n = k + 1
    while (n < stop && toks[n].pos === 'ADV') n++
    if (n < stop && isFiniteVerb(toks, n) && !cuesIn(toks.slice(n, n + 1)).length) return k
  }
  return -1
}

/** Verbs of an outlet passing on another's report: "a dispatch that Merkur reproduced". */
const CARRY_VERBS = new Set(['reproduce', 'carry', 'reprint', 'republish', 'run', 'air', 'rebroadcast'])

/** "reported in a dispatch that Merkur reproduced in full": the outlet that carried the report relays it. */
function carriedBy(toks: Token[], from: number, stop: number): Token[] | null {
  if (!['in', 'on'].includes(toks[from]?.lower ?? '') || toks[from + 1]?.pos !== 'DET') return null
  let k = from + 2
  while (k < stop && ['NOUN', 'ADJ'].includes(toks[k].pos)) k++
  if (k === from + 2 || !['that', 'which'].includes(toks[k]?.lower ?? '')) return null
  let v = k + 1
  while (v < stop && ['DET', 'PROPN', 'NOUN'].includes(toks[v].pos)) v++
  return v > k + 1 && toks[v] && CARRY_VERBS.has(lemmaOf(toks[v])) ? toks.slice(k + 1, v) : null
}

/** '"a customs officer at the quay", who ...': a quoted noun phrase closing just before index `end`. */
function quotedBefore(toks: Token[], end: number): [number, number] | null {
  if (!isQuote(toks[end - 1] ?? toks[end])) return null
  let open = end - 2
  while (open >= 0 && !isQuote(toks[open])) open--
  return open >= 0 && end - 1 - open > 1 && isNounPhrase(toks, open + 1, end - 1) ? [open + 1, end - 1] : null
}

/** The noun phrase that ends just before index `end` ("a March 27 article in the newspaper X"). */
function nounPhraseBefore(toks: Token[], end: number): [number, number] | null {
  let a = end
  while (
    a > 0 &&
    (['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PART'].includes(toks[a - 1].pos) ||
      ['of', 'in', 'at', 'for', 'from'].includes(toks[a - 1].lower) ||
      toks[a - 1].text === '-')
  )
    a--
  const [from, to] = trimPhrase(toks, a, end)
  return to > from && isNounPhrase(toks, from, to) ? [from, to] : null
}

/** Verbs of saying that come before their speaker ("said X", "added X"); "told X" names who was told. */
const INVERTING_VERBS = new Set(['say', 'add', 'write', 'explain', 'insist', 'recall'])
/** ", said Dr Oda Venn, the head of ...": a name after the verb that ends at a comma or the sentence's end. */
function invertedSpeaker(toks: Token[], v: number): boolean {
  if (!INVERTING_VERBS.has(toks[v].lemma)) return false
  const right = rightSpeaker(toks, v)
  if (!right) return false
  const end = toks[right[1]]
  const named = toks.slice(right[0], right[1]).some((t) => t.pos === 'PROPN' && !t.entity)
  return named && (!end || [',', '.', '!', '?'].includes(end.text))
}

/** "said X, an official with Y": the speaker after the verb. */
function rightSpeaker(toks: Token[], v: number): [number, number] | null {
  let i = v + 1
  const start = i
  if (!toks[i] || !['DET', 'PROPN', 'NOUN', 'ADJ', 'PRON'].includes(toks[i].pos)) return null
  while (i < toks.length && toks[i].text !== ',' && !isFiniteVerb(toks, i) && !['.', '!', '?'].includes(toks[i].text))
    i++
  if (i === start) return null
  let end = i
  // "said the Air Force spokesman, Colonel Ada Varn": a role's name after the comma.
  const role = toks
    .slice(start, i)
    .reverse()
    .find((t) => t.pos === 'NOUN')
  if (toks[i]?.text === ',' && toks[i + 1]?.pos === 'PROPN' && role && ROLE_NOUNS.has(singularLemma(role.lower))) {
    let k = i + 1
    while (toks[k]?.pos === 'PROPN') k++
    if (k - i > 2 && (!toks[k] || [',', '.', '!', '?'].includes(toks[k].text))) return [start, k]
  }
  if (toks[i]?.text === ',' && toks[i + 1] && ['DET', 'NOUN', 'ADJ'].includes(toks[i + 1].pos)) {
    let k = i + 1
    while (k < toks.length && toks[k].text !== ',' && !['.', '!', '?'].includes(toks[k].text) && !isFiniteVerb(toks, k))
      k++
    if (isNounPhrase(toks, i + 1, k)) end = k
  }
  const [a, b] = trimPhrase(toks, start, end)
  return b > a ? [a, b] : null
}

const CLOCK_TIME = /^\d{1,2}[:.]\d{2}$/
const isWhen = (t: Token) => t.entity === 'DATE' || CLOCK_TIME.test(t.text)
const DATE_ADPS = new Set(['on', 'in', 'at', 'during', 'late', 'early', 'earlier', 'last', 'this', 'by'])

/** Where the claim after a leading cue starts, skipping relays, dates and "in a statement". */
function complementStart(
  toks: Token[],
  from: number
): { start: number; origin: [number, number] | null; relay?: [number, number] } | null {
  let origin: [number, number] | null = null
  // "said the figure referred to the first dose": a participle read as a modifier is the verb after all
  // when no other verb follows.
  let participle = -1
  const clauseAt = (i: number) => {
    // No "that": the claim starts after the dates and adverbs that follow the cue.
    let k = from
    while (k < i) {
      const tk = toks[k]
      if (tk.entity === 'DATE' || tk.entity === 'TIME' || (SKIPPABLE_ADVERBS.has(tk.lower) && tk.pos === 'ADV')) k++
      else if (DATE_ADPS.has(tk.lower) && (toks[k + 1]?.entity === 'DATE' || toks[k + 1]?.entity === 'TIME')) k++
      else break
    }
    // The verb right after the cue starts no clause, unless it is a plural noun misread ("alerts had").
    const misread = i === k && /s$/.test(toks[i].lower) && toks[i + 1]?.pos === 'AUX'
    return k < i ||
      misread ||
      ['DET', 'NOUN', 'PROPN', 'PRON', 'NUM', 'ADJ', 'ADV'].includes(toks[k].pos) ||
      isQuote(toks[k])
      ? { start: k, origin }
      : null
  }
  // "added the comment: "Food up 62%."": what a colon after the verb's object opens is the claim.
  for (let i = from; i < toks.length && i < from + 6 && ['DET', 'ADJ', 'NOUN'].includes(toks[i].pos); i++)
    if (toks[i + 1]?.text === ':' && isQuote(toks[i + 2] ?? toks[i]) && toks[i + 3]) return { start: i + 2, origin }
  // "posted at 09:14: "...", "wrote on Monday: "..."": a time or place, then a colon opening a quotation.
  for (let i = from; i < toks.length && i < from + 8; i++) {
    if (toks[i].text === ':' && isQuote(toks[i + 1] ?? toks[i]) && toks[i + 2]) return { start: i + 1, origin }
    if ([',', ';', '.'].includes(toks[i].text) || isQuote(toks[i]) || isFiniteVerb(toks, i)) break
  }
  // "said in a video address posted after 9 a.m. that ...": a phrase after the verb, then the clause.
  // Not a figure's hedge ("at least three houses") nor a second claim's "and that".
  if (toks[from]?.pos === 'ADP' && toks[from].lower !== 'that' && !isFigureStart(toks, from))
    for (let i = from + 1; i < toks.length && i < from + 15; i++) {
      if ([',', ';', ':'].includes(toks[i].text) || isQuote(toks[i]) || /^[.!?]$/.test(toks[i].text)) break
      if (toks[i].pos === 'CCONJ') break
      if (toks[i].lower === 'that' && toks[i + 1]) return { start: i + 1, origin }
    }
  for (let i = from; i < toks.length && i < from + 30; i++) {
    const t = toks[i]
    // "showed flags over a ridge that overlooks the road": "that" between a noun and its verb is relative.
    const relative = i > from && toks[i - 1].pos === 'NOUN' && ['VERB', 'AUX'].includes(toks[i + 1]?.pos ?? '')
    if (
      t.lower === 'that' &&
      !relative &&
      toks[i + 1] &&
      toks[i + 1].text !== ',' &&
      !['NOUN'].includes(toks[i + 1].pos)
    )
      return { start: i + 1, origin }
    if (
      t.lower === 'that' &&
      toks[i + 1]?.pos === 'NOUN' &&
      toks.slice(i + 2, i + 10).some((_, k) => isFiniteVerb(toks, i + 2 + k))
    )
      return { start: i + 1, origin }
    // "said on Friday, in remarks carried by KIN, that ...": an aside naming the outlet, then the clause.
    if (t.text === ',' && toks[i + 1]?.pos === 'ADP') {
      let c = i + 2
      while (c < toks.length && c < i + 14 && ![',', '.', ';'].includes(toks[c].text)) c++
      const relay = toks[c]?.text === ',' && toks[c + 1]?.lower === 'that' ? relayIn(toks, i + 1, c) : null
      if (relay && toks[c + 2]) return { start: c + 2, origin, relay }
    }
    if (t.text === ',' && CITING.has(toks[i + 1]?.lower ?? '')) {
      let k = i + 2
      while (k < toks.length && toks[k].text !== ',') k++
      origin = trimPhrase(toks, i + 2, k)
      i = k
      continue
    }
    if (['.', '!', '?', ';'].includes(t.text)) return participle === -1 ? null : clauseAt(participle)
    if (participle === -1 && t.pos === 'VERB' && /ed$/.test(t.lower) && i > from && toks[i - 1].pos === 'NOUN')
      participle = i
    // "in a statement published overnight that ...": a participle after its noun; the clause is to come.
    if (/(?:ed|en)$/.test(t.lower) && toks[i - 1]?.pos === 'NOUN' && thatFollows(toks, i + 1)) continue
    if (isFiniteVerb(toks, i)) return clauseAt(i)
  }
  return participle === -1 ? null : clauseAt(participle)
}

/** A "that" within the next few words ("posted shortly after 9 a.m. that"), before any comma or full stop. */
function thatFollows(toks: Token[], from: number): boolean {
  for (let k = from; k < toks.length && k < from + 8; k++) {
    if (toks[k].lower === 'that') return true
    if (toks[k].text === ',' || toks[k].text === '.') return false
  }
  return false
}

/** The "by" of a passive participle at `i`, past a date ("reported on Monday by X"); -1 when none. */
function agentAt(toks: Token[], i: number): number {
  let k = i + 1
  if (DATE_ADPS.has(toks[k]?.lower ?? '') && toks[k + 1]?.entity === 'DATE') {
    k++
    while (toks[k]?.entity === 'DATE') k++
  }
  return toks[k]?.lower === 'by' ? k : -1
}

/** "in remarks later reported by the Interpress agency": the outlet a passive aside in [a, b) names. */
function relayIn(toks: Token[], a: number, b: number): [number, number] | null {
  for (let k = a; k < b; k++) {
    if (!RELAYED_BY.has(toks[k].lower) || toks[k].pos !== 'VERB') continue
    const agent = agentAt(toks, k)
    const whom = agent !== -1 && agent < b ? toldWhom(toks, agent + 1) : null
    if (whom?.relay && whom.relay[1] <= b) return whom.relay
  }
  return null
}

/** The object of "told": a relay ("Reuters", "state broadcaster OTV") or an audience ("reporters"). */
function toldWhom(toks: Token[], from: number): { relay: [number, number] | null; end: number } {
  // "told us", "told him": whoever was told, no relay.
  if (toks[from]?.pos === 'PRON' && OBJECT_PRONOUNS.has(toks[from].lower)) return { relay: null, end: from + 1 }
  let i = from
  // "told Reuters the boarding party had ...", "told reporters Ostria had ...": a new noun phrase after
  // the one told is the claim's subject.
  const newPhrase = (k: number) =>
    k > from &&
    ((toks[k].pos === 'DET' && ['PROPN', 'NOUN'].includes(toks[k - 1].pos)) ||
      (toks[k].pos === 'PROPN' && AUDIENCES.has(toks[k - 1].lower)))
  // "told Kanal 9 that": a number ending a name, not a figure the claim opens with.
  const nameNumber = (k: number) =>
    toks[k].pos === 'NUM' &&
    toks[k - 1]?.pos === 'PROPN' &&
    k > from &&
    (toks[k + 1]?.lower === 'that' || [',', '.'].includes(toks[k + 1]?.text ?? ''))
  while (
    i < toks.length &&
    (['DET', 'ADJ', 'NOUN', 'PROPN', 'PART'].includes(toks[i].pos) || nameNumber(i)) &&
    toks[i].lower !== 'that' &&
    // "told the Sunday Courier", "the Morning Wire": a time word after an article begins a name; "the noon
    // briefing": one before a noun describes it.
    (!toks[i].entity?.match(/DATE|TIME/) ||
      (toks[i - 1]?.pos === 'DET' && /^\p{Lu}/u.test(toks[i].text)) ||
      (toks[i - 1]?.pos === 'DET' && toks[i + 1]?.pos === 'NOUN' && !toks[i + 1].entity)) &&
    !newPhrase(i)
  )
    i++
  if (i === from) return { relay: null, end: from }
  const head = toks
    .slice(from, i)
    .reverse()
    .find((t) => t.pos === 'NOUN' || t.pos === 'PROPN')
  // "told MPs", "told Parliament": one word naming an audience is one, capitalised or not. "told presenter
  // Ruta Kessel": the one who asks in an interview is its audience; the programme relays.
  const audience =
    (head && AUDIENCES.has(head.lower) && (head.pos === 'NOUN' || i - from === 1)) ||
    toks.slice(from, i).some((t) => INTERVIEWERS.has(t.lower))
  // "told staff of the charity Harbour Aid that ...": the body whose people were told relays.
  if (audience && ['of', 'at', 'from'].includes(toks[i]?.lower ?? '')) {
    let e = i + 1
    while (e < toks.length && ['DET', 'ADJ', 'NOUN', 'PROPN'].includes(toks[e].pos) && toks[e].lower !== 'that') e++
    if (toks.slice(i + 1, e).some((t) => t.pos === 'PROPN')) return { relay: [i + 1, e], end: e }
  }
  return { relay: audience ? null : [from, i], end: i }
}

function sentenceEnd(toks: Token[]): number {
  let e = toks.length
  while (
    e > 0 &&
    (['.', '!', '?'].includes(toks[e - 1].text) ||
      /^\[?\d{1,3}\]?$/.test(toks[e - 1].text) ||
      toks[e - 1].text === '[' ||
      toks[e - 1].text === ']')
  ) {
    if (/^\d{1,3}$/.test(toks[e - 1].text) && toks[e - 2]?.text !== '[') break
    e--
  }
  return e
}

type FrameDraft = Frame & {
  cueIndex: number
  /** The claim runs to the sentence end, until a later frame's own words cap it. */
  uncapped: boolean
  /** The grammatical subject and its relays, when the claim's speaker is someone it cites. */
  subject?: { speaker: Token[]; relays: Token[][] }
  /** "..., a figure it says is ...": a speaker's own remark on the claim before, not its content. */
  aside?: boolean
}

/**
 * ", an anonymous channel with 40,000 subscribers that covers the region,": an apposition after a name whose
 * noun a "that" clause describes; the name before it is the subject.
 */
function apposedRelative(toks: Token[], comma: number, end: number): boolean {
  if (!['a', 'an'].includes(toks[comma + 1]?.lower ?? '')) return false
  if (!['NOUN', 'PROPN', 'NUM'].includes(toks[comma - 1]?.pos ?? '')) return false
  const that = toks.slice(comma + 2, end).findIndex((t) => t.lower === 'that') + comma + 2
  if (that < comma + 3) return false
  const phrase = toks.slice(comma + 2, that)
  let verb = that + 1
  while (toks[verb]?.pos === 'ADV') verb++
  // "that broadcasts from abroad": wink reads the verb after "that" as a plural noun.
  const misread = toks[verb]?.pos === 'NOUN' && /s$/.test(toks[verb].lower) && toks[verb + 1]?.pos === 'ADP'
  return (
    phrase.every((t) => ['DET', 'ADJ', 'NOUN', 'PROPN', 'ADP', 'NUM', 'ADV'].includes(t.pos)) &&
    (misread || isFiniteVerb(toks, verb))
  )
}

/**
 * ", citing Y," (or quoting) after a claim's start, outside quotation marks: the comma and Y, and whether
 * Y is a record the speaker points to ("citing an internal audit") rather than someone else speaking.
 */
function citingAfter(
  toks: Token[],
  from: number,
  stop: number
): { comma: number; origin: [number, number]; record: boolean } | null {
  let quotes = 0
  for (let k = from; k < stop; k++) {
    if (isQuote(toks[k])) quotes++
    if (quotes % 2 || toks[k].text !== ',' || !CITING.has(toks[k + 1]?.lower ?? '') || k === from) continue
    let e = k + 2
    while (e < stop && toks[e].text !== ',') e++
    const origin = trimPhrase(toks, k + 2, e)
    const record = toks.slice(origin[0], origin[1]).some((t) => DOCUMENT_HEADS.has(t.lower))
    return origin[1] > origin[0] ? { comma: k, origin, record } : null
  }
  return null
}

/**
 * "X quoted Y as saying (that) Z" (Y speaks, X relays) and "Y was quoted [by X] as saying Z": fills in
 * the frame; false when there is no speaker or claim.
 */
function quotedFrame(
  toks: Token[],
  cue: Cue,
  frame: FrameDraft,
  stop: number,
  endChar: (i: number) => number
): boolean {
  const v = cue.index
  const as = cue.quotedAs!
  const passive = /^(?:is|are|was|were|be|been|being)$/.test(toks[v - 1]?.lower ?? '')
  const left = leftOf(toks, v)
  const subject = left.speaker
  const by = toks.slice(v + 1, as).findIndex((t) => t.lower === 'by')
  const speaker = passive ? subject : trimPhrase(toks, v + 1, as)
  const relay = passive ? (by === -1 ? null : trimPhrase(toks, v + 2 + by, as)) : subject
  if (!speaker || speaker[1] <= speaker[0]) return false
  // "quoted the consulate, via the agency LNA, as saying": the outlet after "via" relays.
  const via = toks
    .slice(speaker[0], speaker[1])
    .findIndex((t, k) => t.lower === 'via' && toks[speaker[0] + k - 1]?.text === ',')
  const through = via > 0 ? trimPhrase(toks, speaker[0] + via + 1, speaker[1]) : null
  if (through && through[1] > through[0]) {
    frame.relays.push(toks.slice(through[0], through[1]))
    speaker[1] = speaker[0] + via - 1
  }
  let from = as + 2
  if (toks[from]?.lower === 'that') from++
  // '"We have twelve beds ...," she was quoted as saying.': the quotation before it is the claim.
  const closing = from >= stop && left.claimComma !== null ? left.claimComma : null
  if (from >= stop && closing === null) return false
  frame.speaker = toks.slice(speaker[0], speaker[1])
  if (relay && relay[1] > relay[0]) frame.relays.push(toks.slice(relay[0], relay[1]))
  frame.begins = toks[Math.min(speaker[0], relay?.[0] ?? speaker[0])].start
  if (closing !== null) {
    const end = isQuote(toks[closing + 1] ?? toks[0]) ? toks[closing + 1].end : toks[closing - 1].end
    frame.claims.push({ start: toks[0].start, end })
    return true
  }
  frame.claims.push({ start: toks[from].start, end: endChar(stop) })
  frame.uncapped = true
  return true
}

/**
 * The attribution frames of one sentence. Frames whose cue lies inside another frame's claim are the
 * claim's content ("Geolocated footage shows X, the ISW said": the ISW is the speaker), unless they
 * are coordinated with it ("..., and B said ...").
 */
export function framesOf(sentence: Sentence, text: string): Frame[] {
  const toks = sentence.tokens
  const stop = sentenceEnd(toks)
  const endChar = (i: number) => toks[Math.min(i, toks.length) - 1]?.end ?? sentence.start
  const frames: FrameDraft[] = []
  for (const cue of cuesIn(toks)) {
    const v = cue.index
    const frame: FrameDraft = {
      cue: { start: toks[v].start, end: toks[cue.end - 1].end, kind: cue.kind, lemma: cue.lemma },
      speaker: [],
      mode: 'phrase',
      relays: [],
      claims: [],
      begins: toks[v].start,
      cueIndex: v,
      uncapped: false
    }
    if (cue.kind === 'according-to') {
      let k = cue.end
      while (k < stop && toks[k].text !== ',' && !RELATIVE.has(toks[k].lower) && toks[k].pos !== 'SCONJ') k++
      // "The line of cars stretched for 15 km, according to X.": with nothing after it, the frame closes
      // the claim even when wink's tags leave no finite verb before it.
      const leading =
        (v === 0 || (toks[v - 1]?.text === ',' && !toks.slice(0, v - 1).some((_, i) => isFiniteVerb(toks, i)))) &&
        (v === 0 || toks.slice(k, stop).some((t) => t.text === ','))
      k = appositionEnd(toks, k, stop, leading, cue.end)
      const [a, b] = trimPhrase(toks, cue.end, k)
      if (b <= a) continue
      frame.speaker = toks.slice(a, b)
      if (toks[k]?.text === ',' && CITING.has(toks[k + 1]?.lower ?? '')) {
        let c = k + 2
        while (c < stop && toks[c].text !== ',') c++
        const [oa, ob] = trimPhrase(toks, k + 2, c)
        frame.relays.push(frame.speaker)
        frame.speaker = toks.slice(oa, ob)
        if (toks[c]?.text === ',') k = c
      }
      // "According to X's poll, published by Y, ...": Y relays. "According to X, which cited Y, ...": Y
      // speaks and X relays.
      if (toks[k]?.text === ',') {
        const byRelay = RELAYED_BY.has(toks[k + 1]?.lower ?? '') && toks[k + 2]?.lower === 'by'
        const cited =
          ['which', 'who'].includes(toks[k + 1]?.lower ?? '') &&
          !!toks[k + 2] &&
          ['cite', 'quote'].includes(lemmaOf(toks[k + 2]))
        let c = k + 3
        while (c < stop && toks[c].text !== ',') c++
        const [ra, rb] = trimPhrase(toks, k + 3, c)
        if ((byRelay || cited) && rb > ra && toks[c]?.text === ',') {
          if (byRelay) frame.relays.push(toks.slice(ra, rb))
          else {
            frame.relays.push(frame.speaker)
            frame.speaker = toks.slice(ra, rb)
          }
          k = c
        }
      }
      if (leading) {
        let c = k
        while (c < stop && toks[c].text !== ',') c++
        if (c + 1 < stop) frame.claims.push({ start: toks[c + 1].start, end: endChar(stop) })
        frame.uncapped = true
      } else if (toks[v - 1]?.text === ',' && RELATIVE.has(toks[v - 2]?.lower ?? '') && toks[k]?.text === ',') {
        // "..., which, according to company filings, owns nine trawlers": the relative clause is the claim.
        if (k + 1 < stop) frame.claims.push({ start: toks[k + 1].start, end: endChar(stop) })
        frame.uncapped = true
      } else {
        let c = v
        while (c > 0 && toks[c - 1].text === ',') c--
        if (c > 0) frame.claims.push({ start: toks[0].start, end: toks[c - 1].end })
      }
      frames.push(frame)
      continue
    }

    const prev = frames.at(-1)
    if (cue.participle) {
      // "Petrich defended the programme, saying the vessels were ...": only with no frame before it that
      // carries a claim.
      if (prev && !prev.spoke) continue
      let main = 0
      while (main < v && !isFiniteVerb(toks, main)) main++
      const subject = main < v ? leftOf(toks, main).speaker : null
      let from = cue.end
      if (toks[from]?.lower === 'that') from++
      if (!subject || from >= stop || !toks.slice(from, stop).some((_, k) => isFiniteVerb(toks, from + k))) continue
      const [sa, sb] = trimPhrase(toks, subject[0], subject[1])
      frame.speaker = toks.slice(sa, sb)
      frame.begins = toks[v - 1].start
      // "..., telling parliament that ...": whom the speaker told is no part of the claim.
      if (TELL_VERBS.has(cue.lemma)) {
        const whom = toldWhom(toks, cue.end)
        if (whom.relay) frame.relays.push(toks.slice(whom.relay[0], whom.relay[1]))
        from = whom.end
        if (toks[from]?.lower === 'that') from++
        if (from >= stop) continue
      }
      frame.claims.push({ start: toks[from].start, end: endChar(stop) })
      frame.uncapped = true
      frames.push(frame)
      continue
    }
    if (cue.quotedAs !== undefined) {
      if (quotedFrame(toks, cue, frame, stop, endChar)) frames.push(frame)
      continue
    }
    const left = leftOf(toks, v)
    if (left.objectPronoun) {
      const [a, pro] = left.objectPronoun
      frame.speaker = [toks[pro]]
      frame.begins = toks[a].start
      frame.claims.push({ start: toks[v + 1].start, end: endChar(stop) })
      frame.uncapped = true
      frame.aside = true
      frames.push(frame)
      continue
    }
    if (left.objectSpeaker) {
      const [a, b] = left.objectSpeaker
      frame.speaker = toks.slice(a, b)
      frame.begins = toks[a - 1].start
      let end = stop
      if (left.accusation) for (end = v + 1; end < stop && toks[end].text !== ','; end++);
      frame.claims.push({ start: toks[left.accusation ? a - 1 : v + 1].start, end: endChar(end) })
      frame.uncapped = true
      frame.aside = true
      frames.push(frame)
      continue
    }
    if (left.pronounRelative !== undefined) {
      // "the Herald published what it said was a letter ...": "it" is the subject of the clause around.
      const r = left.pronounRelative
      let governing = r - 1
      while (governing >= 0 && !isFiniteVerb(toks, governing)) governing--
      const subject = governing >= 0 ? leftOf(toks, governing).speaker : null
      if (!subject) continue
      frame.speaker = toks.slice(subject[0], subject[1])
      frame.begins = frame.speaker[0].start
      if (v + 1 >= stop) continue
      frame.claims.push({ start: toks[v + 1].start, end: endChar(stop) })
      frame.uncapped = true
      frames.push(frame)
      continue
    }
    if (left.objectRelative) continue
    if (left.objection) {
      frame.noted = toks.slice(left.objection[0], left.objection[1])
      frame.begins = toks[left.objectionStart ?? left.objection[0]].start
      frame.claims = []
      frames.push(frame)
      continue
    }
    if (left.relative) {
      // ", which said ...": the speaker is the phrase before the comma (often an "according to" source).
      // ", who also told ...": adverbs after the relative word.
      let r = v - 1
      while (r > 0 && toks[r].pos === 'ADV' && !RELATIVE.has(toks[r].lower)) r--
      const antecedent = toks[r - 1]?.text === ',' ? (quotedBefore(toks, r - 1) ?? nounPhraseBefore(toks, r - 1)) : null
      if (
        prev &&
        prev.speaker.length &&
        prev.speaker.at(-1)!.end <= toks[r].start &&
        prev.speaker.at(-1) === toks[r - 2]
      )
        frame.speaker = prev.speaker
      else if (antecedent) {
        const a = appositionStart(toks, antecedent[0])
        frame.speaker = toks.slice(a, antecedent[1])
        const shower = showerOf(toks, a)
        if (shower) frame.relays.push(shower)
      } else continue
    } else if (left.sameAsBefore && !prev) {
      // "X put the toll at 112 ... and said ...": the subject at the start of the sentence, or of the clause
      // joined by ", and" ("X found the site, and we checked it and agree").
      const subjectFrom = (from: number): [number, number] => {
        let k = from
        while (k < v && !isFiniteVerb(toks, k)) k++
        return trimPhrase(toks, from, k)
      }
      const joined = toks.findLastIndex((t, c) => c < v - 1 && t.text === ',' && toks[c + 1].lower === 'and')
      const inClause = joined > 0 ? subjectFrom(joined + 2) : null
      const clause = !!inClause && inClause[1] > inClause[0] && isNounPhrase(toks, inClause[0], inClause[1])
      const [a, b] = clause ? inClause! : subjectFrom(0)
      if (b <= a || !isNounPhrase(toks, a, b) || (!clause && toks[0].pos === 'ADP')) continue
      frame.speaker = toks.slice(a, b)
      frame.begins = toks[v - 1].start
    } else if (left.sameAsBefore) {
      if (!prev) continue
      // "X reported that A, citing Y, and said B": B is X's own.
      if (prev.subject) {
        frame.speaker = prev.subject.speaker
        frame.relays = prev.subject.relays
      } else {
        frame.mode = 'same-as-before'
        frame.speaker = prev.speaker
        frame.relays = prev.relays
      }
      const conj = toks
        .slice(0, v)
        .reverse()
        .find((t) => t.pos === 'CCONJ')
      if (conj) frame.begins = toks[v - 1]?.text === ',' ? conj.start : conj.start
    } else if (left.speaker) {
      // "In a video address ... posted on 28 November, he said ...": a phrase after an opening preposition
      // is where the words appeared, not who spoke.
      if (left.speaker[0] === 1 && toks[0].pos === 'ADP' && toks.slice(cue.end, stop).some((t) => t.text === ','))
        continue
      frame.speaker = toks.slice(left.speaker[0], left.speaker[1])
      frame.begins = frame.speaker[0].start
      if (left.relayAside) frame.relays.push(toks.slice(left.relayAside[0], left.relayAside[1]))
      if (left.origin) {
        frame.relays.push(frame.speaker)
        frame.speaker = toks.slice(left.origin[0], left.origin[1])
      }
    } else if (
      left.claimComma !== null &&
      // "Y, told X" never names the speaker after the verb: X is who was told; nor does ", showed X".
      !TELL_VERBS.has(cue.lemma ?? '') &&
      !SHOW_VERBS.has(cue.lemma ?? '') &&
      toks[v - 1] &&
      (toks[v - 1].text === ',' || isQuote(toks[v - 1]))
    ) {
      const right = rightSpeaker(toks, v)
      if (!right) continue
      frame.speaker = toks.slice(right[0], right[1])
    } else continue
    // "Residents interviewed by the Ostrelan Voice": the outlet is a relay.
    const by = frame.speaker.findIndex((t, k) => RELAYED_BY.has(t.lower) && agentAt(frame.speaker, k) !== -1)
    if (by !== -1 && frame.mode === 'phrase') {
      const whom = toldWhom(frame.speaker, agentAt(frame.speaker, by) + 1)
      if (whom.relay) frame.relays = [...frame.relays, frame.speaker.slice(whom.relay[0], whom.relay[1])]
      // "A Varoil engineer quoted by Radio Selvan": the engineer speaks, the broadcaster relays.
      if (whom.relay && by > 0 && ['quoted', 'cited'].includes(frame.speaker[by].lower))
        frame.speaker = frame.speaker.slice(0, by)
    }

    let after = cue.end
    if (TELL_VERBS.has(cue.lemma)) {
      const whom = toldWhom(toks, after)
      if (whom.relay) frame.relays.push(toks.slice(whom.relay[0], whom.relay[1]))
      if (toks.slice(after, whom.end).some((t) => INTERVIEWERS.has(t.lower)))
        frame.interviewer = toks.slice(after, whom.end)
      after = whom.end
    }
    const carrier = carriedBy(toks, after, stop)
    if (carrier) frame.relays.push(carrier)
    const trailing = left.claimComma !== null
    if (trailing) {
      let c = left.claimComma!
      while (c > 0 && (toks[c - 1].text === ',' || isQuote(toks[c - 1]))) c--
      // A quotation closed after its comma ("... like this," said X) keeps its marks.
      const closing =
        toks[left.claimComma!]?.text === ',' && toks[left.claimComma! + 1] && isQuote(toks[left.claimComma! + 1])
      const quoted = toks[left.claimComma! - 1] && isQuote(toks[left.claimComma! - 1])
      const end = closing ? toks[left.claimComma! + 1].end : quoted ? toks[left.claimComma! - 1].end : toks[c - 1].end
      // '"On one occasion," X told the jury, "the money travelled ..."', "Many boats, she said, are owned
      // ...": the claim the attribution interrupts goes on after it; a fragment before it is no claim.
      const resumes =
        toks[after]?.text === ',' &&
        after + 1 < stop &&
        !['CCONJ', 'SCONJ', 'ADP'].includes(toks[after + 1].pos) &&
        !/ing$/.test(toks[after + 1].lower) &&
        // "..., an account the Ledger has not been able to confirm": a remark on the claim, not its rest.
        !(toks[after + 1].pos === 'DET' && ACCOUNT_NOUNS.has(singularLemma(toks[after + 2]?.lower ?? ''))) &&
        (isQuote(toks[after + 1]) || toks.slice(after + 1, stop).some((_, k) => isFiniteVerb(toks, after + 1 + k)))
      const fragment = !toks.slice(0, left.claimComma!).some((_, k) => isFiniteVerb(toks, k))
      // "He told X that A: of 90 boats, he said, 45 ...": the first half is the frame before's claim.
      // "Investigators believed A, the same official told the Tribune, an account ...": a named speaker's
      // closing attribution takes the frame before it as its claim instead.
      const within =
        prev?.claims.some((c) => c.start <= frame.cue.start && c.end >= frame.cue.end) &&
        frame.speaker.length === 1 &&
        PERSONAL_PRONOUNS.has(frame.speaker[0].lower)
      if (!(resumes && (fragment || within))) frame.claims.push({ start: toks[0].start, end })
      if (resumes) frame.claims.push({ start: toks[after + 1].start, end: endChar(stop) })
      if (resumes && within) frame.aside = true
      // "..., the source said, adding that ...": the rest is the same speaker's.
      const rest = text.slice(toks[cue.end - 1].end, endChar(stop))
      const adding = /,\s+(?:adding|saying)(?:\s+that)?\s+/i.exec(rest)
      if (adding && !resumes)
        frame.claims.push({ start: toks[cue.end - 1].end + adding.index + adding[0].length, end: endChar(stop) })
      // "..., she said: by the institute's estimate, ...", "..., he added, turning out 20,000 a month": what
      // follows a colon, or a participle that is no verb of saying, goes on with the claim.
      const next = toks[after + 1]
      const goesOn =
        !resumes &&
        !adding &&
        !!next &&
        after + 1 < stop &&
        (toks[after]?.text === ':' ||
          (toks[after]?.text === ',' &&
            next.pos === 'VERB' &&
            /ing$/.test(next.lower) &&
            !isReportingLemma(next.lemma) &&
            !CITING.has(next.lower) &&
            next.lower !== 'according' &&
            // ", speaking on condition of anonymity because ...": how the source spoke, not what.
            !SOURCING_TERMS.test(text.slice(next.start, endChar(stop)))))
      if (goesOn) frame.claims.push({ start: next.start, end: endChar(stop) })
      // "Y, the diplomat said, and his government had twice raised ...": the clause joined on, with no cue
      // of its own, goes on with the same account.
      const joined = toks[after]?.text === ',' && toks[after + 1]?.lower === 'and' ? after + 2 : -1
      if (
        joined !== -1 &&
        !resumes &&
        !adding &&
        toks.slice(joined, stop).some((_, k) => isFiniteVerb(toks, joined + k)) &&
        !cuesIn(toks.slice(joined, stop)).length
      )
        frame.claims.push({ start: toks[joined].start, end: endChar(stop) })
      frames.push(frame)
      continue
    }
    if (cue.negatedFrom !== undefined) {
      frame.claims.push({ start: toks[cue.negatedFrom].start, end: endChar(stop) })
      frame.uncapped = true
      frames.push(frame)
      continue
    }
    const responsibility = cue.lemma === 'claim' && toks[cue.end]?.lower === 'responsibility'
    // "estimates turnout at between 44 and 48 percent": the estimate is the claim.
    const at = toks.slice(cue.end, cue.end + 6).findIndex((x) => x.lower === 'at')
    const estimateAt =
      cue.lemma === 'estimate' &&
      at !== -1 &&
      /^(?:\d|between|about|around|some|roughly|more|less|over|under)/i.test(toks[cue.end + at + 1]?.text ?? '')
    if (cue.claimAt !== undefined) {
      frame.claims.push({ start: toks[cue.claimAt].start, end: endChar(stop) })
      frame.uncapped = true
      frames.push(frame)
      continue
    }
    const denial = DENY_VERBS.has(cue.lemma) || cue.lemma === 'rule out'
    if (denial || ACCUSE_VERBS.has(cue.lemma) || responsibility || estimateAt || cue.claimFromVerb) {
      // "The fans' group disputed the police account.": nothing new is said, but the group spoke (a later
      // "the group said" is it).
      if (namesAnAccount(toks, cue.end, stop)) {
        frame.spoke = true
        frames.push(frame)
        continue
      }
      // "Two engineers disputed that.", "She rejected it, saying ...": a pronoun for the account before says
      // nothing new, but the speaker spoke (a later "one of them" or a participle is theirs).
      const after = toks[cue.end + 1]
      if (['that', 'this', 'it'].includes(toks[cue.end]?.lower ?? '') && (cue.end + 1 >= stop || after?.text === ',')) {
        frame.spoke = true
        frames.push(frame)
        continue
      }
      frame.claims.push({ start: toks[v].start, end: endChar(stop) })
      frame.uncapped = true
      frames.push(frame)
      continue
    }
    const recordSpeaks = SHOW_VERBS.has(cue.lemma) && frame.speaker.some((t) => DOCUMENT_HEADS.has(t.lower))
    const comp = complementStart(toks, after) ?? (recordSpeaks && after < stop ? { start: after, origin: null } : null)
    if (!comp || comp.start >= stop) continue
    // "declared three days of mourning, and flags are at half-mast": a clause joined after the object is
    // not the verb's.
    let own = comp.start
    while (own < stop && !(toks[own].text === ',' && toks[own + 1]?.pos === 'CCONJ')) own++
    const clause =
      toks[comp.start - 1]?.lower === 'that' ||
      (toks[comp.start - 1]?.text === ':' && isQuote(toks[comp.start])) ||
      toks.slice(comp.start, own).some((_, k) => isFiniteVerb(toks, comp.start + k))
    if (NEEDS_CLAUSE.has(cue.lemma) && !clause && !recordSpeaks) continue
    if (comp.relay) frame.relays.push(toks.slice(comp.relay[0], comp.relay[1]))
    if (comp.origin) {
      frame.relays.unshift(frame.speaker)
      frame.speaker = toks.slice(comp.origin[0], comp.origin[1])
    }
    // "X reported that A, citing Y, and said B": Y is A's speaker, X its relay.
    const cited = citingAfter(toks, comp.start, stop)
    if (cited && (cited.record || RECKONING_VERBS.has(cue.lemma))) {
      // "citing an internal audit", "estimated ..., citing hospital registers": evidence the speaker gives;
      // the claim stays the speaker's.
      frame.claims.push({ start: toks[comp.start].start, end: toks[cited.comma - 1].end })
      frames.push(frame)
      continue
    }
    if (cited) {
      frame.subject = { speaker: frame.speaker, relays: frame.relays }
      frame.relays = [frame.speaker, ...frame.relays]
      frame.speaker = toks.slice(cited.origin[0], cited.origin[1])
      frame.claims.push({ start: toks[comp.start].start, end: toks[cited.comma - 1].end })
      frames.push(frame)
      continue
    }
    // "The mayor, who said the roads were safe, resigned on Friday": a relative aside's claim ends where
    // the main clause takes up again.
    const resumes = left.relative && toks[v - 2]?.text === ',' ? mainClauseAfter(toks, comp.start, stop) : -1
    frame.claims.push({ start: toks[comp.start].start, end: resumes === -1 ? endChar(stop) : toks[resumes - 1].end })
    frame.uncapped = resumes === -1
    frames.push(frame)
  }

  // "The Office's estimate that ...": the possessor speaks.
  toks.forEach((t, i) => {
    if (!POSSESSIVE_CLAIM_NOUNS.has(t.lower) || toks[i - 1]?.lower !== "'s" || toks[i + 1]?.lower !== 'that') return
    let a = i - 1
    const capital = (k: number) => /^\p{Lu}/u.test(toks[k]?.text ?? '')
    // "the Vosgard Ministry of Defense's claim": "of" inside a capitalised name is part of it.
    const inName = (k: number) => ['of', 'for'].includes(toks[k].lower) && capital(k - 1) && capital(k + 1)
    while (a > 0 && (['DET', 'ADJ', 'NOUN', 'PROPN'].includes(toks[a - 1].pos) || inName(a - 1))) a--
    if (a >= i - 1 || i + 2 >= stop) return
    frames.push({
      cue: { start: t.start, end: t.end, kind: 'possessive' },
      speaker: toks.slice(a, i - 1),
      mode: 'phrase',
      relays: [],
      claims: [{ start: toks[i + 2].start, end: endChar(stop) }],
      begins: toks[a].start,
      cueIndex: i,
      uncapped: true
    })
  })
  const reckoning = reckoningFrame(toks, stop, endChar) ?? closingReckoningFrame(toks, stop)
  if (reckoning) frames.push(reckoning)
  frames.sort((a, b) => a.cueIndex - b.cueIndex)

  // "Open Hands said its teams had treated 600 people, the ANP news agency reported": an outlet's report
  // closing the sentence relays the account of the frame that opens it.
  for (const outer of frames) {
    const claim = outer.claims[0]
    const outlet =
      outer.speaker.length && OUTLET_WORDS.test(text.slice(outer.speaker[0].start, outer.speaker.at(-1)!.end))
    if (outer.mode !== 'phrase' || !claim || !outlet || outer.claims.some((c) => c.end > outer.cue.start)) continue
    const inner = frames.find(
      (f) => f !== outer && f.mode === 'phrase' && f.begins === claim.start && f.cue.end <= claim.end && f.claims.length
    )
    if (!inner) continue
    inner.relays = [...inner.relays, outer.speaker]
    inner.claims = inner.claims.map((c) => ({ ...c, end: Math.min(c.end, claim.end) }))
    outer.claims = []
  }

  // "According to the agency, the front's spokesman told Kanal 9 that ...": the source opening the sentence
  // relays the account of the frame its claim is.
  for (const outer of frames) {
    const claim = outer.claims[0]
    if (outer.cue.kind !== 'according-to' || !claim || claim.start < outer.cue.end) continue
    const inner = frames.find(
      (f) => f !== outer && f.mode === 'phrase' && f.begins === claim.start && f.claims.length && f.speaker.length
    )
    if (!inner) continue
    inner.relays = [...inner.relays, outer.speaker]
    outer.claims = []
  }

  // '"He told me they were fifteen on board," she said': a quotation opening with what someone told the
  // speaker is that someone's account, relayed by the speaker. Not a vague "they told us", which is the
  // speaker's own testimony of being told.
  for (const f of frames) {
    const told = TELL_VERBS.has(f.cue.lemma ?? '') && ['me', 'us'].includes(toks[f.cueIndex + 1]?.lower ?? '')
    const first = f.speaker[0]
    const someone = f.speaker.length > 1 || ['he', 'she'].includes(first?.lower ?? '') || first?.pos === 'PROPN'
    const open = first ? toks[toks.indexOf(first) - 1] : undefined
    if (!told || !someone || !f.claims.length || !open || !isQuote(open)) continue
    const outer = frames.find((o) => o !== f && o.speaker.length && o.claims.some((c) => c.start === open.start))
    if (!outer) continue
    f.relays = [...f.relays, outer.speaker, ...outer.relays]
    // Up to the quotation's closing mark.
    const closing = toks.find((t) => t.end === outer.claims[0].end && isQuote(t))
    const end = closing ? closing.start : outer.claims[0].end
    f.claims = f.claims.map((c) => ({ ...c, end: Math.min(c.end, end) }))
    outer.claims = []
    outer.spoke = true
  }

  // Nested cues are the content of the claim around them, unless coordinated with it.
  const kept = frames.filter((f) => {
    // A trailing frame ("Y, X said") is the outer one: its claim comes before its cue, even when a clause
    // joined after the cue goes on with it ("Y, she said, and Z").
    if (f.mode === 'same-as-before' || f.noted || f.aside || !f.claims.length || f.claims[0].end <= f.cue.start)
      return true
    return !frames.some((outer) => {
      if (outer === f || !outer.claims.length) return false
      const inside = outer.claims.some((c) => f.cue.start >= c.start && f.cue.end <= c.end)
      if (!inside) return false
      const before = toks.find((t) => t.end <= f.begins && t.end > f.begins - 3 && t.text !== ' ')
      const lead = toks
        .slice(
          0,
          toks.findIndex((t) => t.start >= f.begins)
        )
        .at(-1)
      const coordinated = lead && (lead.pos === 'CCONJ' || lead.text === ';' || CONJUNCTIONS.has(lead.lower))
      return !(coordinated || (before && before.pos === 'CCONJ'))
    })
  })

  // A claim running to the sentence end stops where the next frame's own words begin.
  for (let i = 0; i < kept.length; i++) {
    const f = kept[i]
    const next = kept.slice(i + 1).find((n) => n.begins > (f.claims[0]?.start ?? Infinity))
    if (next && f.uncapped)
      f.claims = f.claims.map((c) => (c.end > next.begins ? { ...c, end: Math.max(c.start, next.begins) } : c))
    if (f.mode === 'phrase') {
      const from = kept[i - 1]?.claims.at(-1)?.end ?? sentence.start
      const to = f.claims[0]?.start ?? sentence.end
      // "put the figure at 15,000 in an interview with Radio Tesmar": an interview closing the claim.
      const last = f.claims.at(-1)
      const closing = last ? interviewRelay(toks, last.start, last.end) : null
      const tail = closing && closing.at(-1)!.end === last!.end ? closing : null
      const relay = interviewRelay(toks, from, to) ?? tail
      if (relay && !f.relays.some((r) => r[0] === relay[0])) f.relays = [...f.relays, relay]
      if (relay) f.interview = relay
      if (tail && relay === tail) {
        let k = toks.indexOf(tail[0]) - 3
        while (k > 0 && ['DET', 'ADP'].includes(toks[k].pos)) k--
        f.claims = [...f.claims.slice(0, -1), { ...last!, end: Math.max(last!.start, toks[k].end) }]
      }
    }
    f.claims = f.claims
      .map((c) => withoutNegatedTail(text, c))
      .flatMap((c) => splitClaim(text, c))
      .map((c) => trimClaim(text, c))
      .filter((c) => wordCount(text, c) >= 2 && !PRO_FORM.test(text.slice(c.start, c.end)))
  }
  return kept.map(({ cueIndex: _c, uncapped: _u, subject: _s, aside: _a, ...f }) => f)
}

/**
 * "disputed the charity's account", "gave a lower figure", "rejected that estimate within hours": an object
 * that only names an account (an account noun, not "no figure", with no figure, quotation or "that" after
 * it in its clause) says nothing checkable of its own.
 */
export function namesAnAccount(toks: Token[], from: number, stop: number): boolean {
  let k = from
  let head: Token | undefined
  // wink may read "that" before a noun as a conjunction ("rejected that estimate"); no verb follows it.
  const demonstrative = (i: number) =>
    toks[i].lower === 'that' && toks[i + 1]?.pos === 'NOUN' && !['VERB', 'AUX'].includes(toks[i + 2]?.pos ?? '')
  while (
    k < stop &&
    (['DET', 'ADJ', 'ADV', 'NOUN', 'PROPN', 'PRON', 'PART'].includes(toks[k].pos) ||
      POSSESSIVE.test(toks[k].text) ||
      demonstrative(k)) &&
    toks[k].lower !== 'no' &&
    (toks[k].lower !== 'that' || toks[k].pos === 'DET' || demonstrative(k))
  ) {
    if (toks[k].pos === 'NOUN') head = toks[k]
    k++
  }
  if (!head || head !== toks[k - 1] || !ACCOUNT_NOUNS.has(singularLemma(head.lower))) return false
  // "... rejected Berg's criticism and said that ...": a second verb is a claim of its own.
  const coordinated = (i: number) => toks[i].pos === 'CCONJ' && ['VERB', 'AUX'].includes(toks[i + 1]?.pos ?? '')
  for (; k < stop && toks[k].text !== ',' && toks[k].text !== ';' && !coordinated(k); k++)
    if (
      (toks[k].pos === 'NUM' && toks[k].entity !== 'DATE') ||
      isQuote(toks[k]) ||
      [':', 'that'].includes(toks[k].lower)
    )
      return false
  return true
}

/**
 * "By his count, closer to 35 ...", "By the union's own estimate, ...": the owner of the reckoning that
 * opens the sentence speaks the rest of it.
 */
function reckoningFrame(toks: Token[], stop: number, endChar: (i: number) => number): FrameDraft | null {
  if (toks[0]?.lower !== 'by') return null
  const comma = toks.findIndex((t, i) => i < stop && t.text === ',')
  if (comma < 3 || comma + 1 >= stop) return null
  let noun = comma - 1
  if (!RECKONING_NOUNS.has(toks[noun].lower)) return null
  if (toks[noun - 1]?.lower === 'own') noun--
  const owner =
    POSSESSIVE_PRONOUNS[toks[1].lower] && noun === 2
      ? [1, 2]
      : POSSESSIVE.test(toks[noun - 1]?.text ?? '')
        ? [1, noun - 1]
        : null
  if (!owner || owner[1] <= owner[0] || (!isNounPhrase(toks, owner[0], owner[1]) && owner[1] - owner[0] > 1))
    return null
  return {
    cue: { start: toks[0].start, end: toks[comma - 1].end, kind: 'according-to' },
    speaker: toks.slice(owner[0], owner[1]),
    mode: 'phrase',
    relays: [],
    claims: [{ start: toks[comma + 1].start, end: endChar(stop) }],
    begins: toks[0].start,
    cueIndex: 0,
    uncapped: true
  }
}

/**
 * "... had shut — one shop in five on the register, by the paper's count.": the owner of a count closing
 * the sentence speaks the words from the dash (or colon, semicolon) before it, or from the sentence start.
 */
function closingReckoningFrame(toks: Token[], stop: number): FrameDraft | null {
  let end = stop
  while (end > 0 && /^[.!?"”]$/.test(toks[end - 1].text)) end--
  let noun = end - 1
  if (!RECKONING_NOUNS.has(toks[noun]?.lower ?? '')) return null
  if (toks[noun - 1]?.lower === 'own') noun--
  let by = noun - 1
  while (by > 0 && toks[by].lower !== 'by' && noun - by < 8) by--
  if (toks[by]?.lower !== 'by' || toks[by - 1]?.text !== ',') return null
  const owner: [number, number] | null =
    POSSESSIVE_PRONOUNS[toks[by + 1].lower] && noun === by + 2
      ? [by + 1, by + 2]
      : POSSESSIVE.test(toks[noun - 1]?.text ?? '')
        ? [by + 1, noun - 1]
        : null
  if (!owner || owner[1] <= owner[0] || !isNounPhrase(toks, owner[0], owner[1])) return null
  let from = by - 1
  while (from > 0 && !['—', '–', ';', ':'].includes(toks[from - 1].text)) from--
  if (by - 1 - from < 2) return null
  return {
    cue: { start: toks[by].start, end: toks[end - 1].end, kind: 'according-to' },
    speaker: toks.slice(owner[0], owner[1]),
    mode: 'phrase',
    relays: [],
    claims: [{ start: toks[from].start, end: toks[by - 2].end }],
    begins: toks[from].start,
    cueIndex: by,
    uncapped: false
  }
}

/**
 * "In an interview with the weekly Kapital, X said", "in an interview on VTV's The Week", "speaking to
 * ORT", "appearing on Radio Nord's Sunday programme": the outlet is a relay.
 */
function interviewRelay(toks: Token[], from: number, to: number): Token[] | null {
  for (let i = 0; i < toks.length - 2; i++) {
    if (toks[i].start < from || toks[i].end > to) continue
    const pair = `${toks[i].lower} ${toks[i + 1].lower}`
    if (
      !/^(?:interviews? (?:with|on|to)|(?:speaking|talking|appearing|spoke) (?:to|on)|comments to|remarks to)$/.test(
        pair
      )
    )
      continue
    // "speaking to state broadcaster X": wink reads the noun after "to" as an infinitive.
    const modifier = toks[i + 2]?.pos === 'VERB' && ['NOUN', 'PROPN'].includes(toks[i + 3]?.pos ?? '')
    const read = modifier ? toks.map((t, k) => (k === i + 2 ? { ...t, pos: 'ADJ' } : t)) : toks
    const whom = toldWhom(read, i + 2)
    if (!whom.relay) continue
    const relay = read.slice(whom.relay[0], whom.relay[1])
    // "speaking on condition of anonymity", "on state television", "spoke to a night porter": an outlet
    // or programme has a name.
    if (!relay.some((t) => /^\p{Lu}/u.test(t.text) && !/^(?:a|an)$/i.test(t.text))) continue
    return relay
  }
  // "in a Tarn Post interview", "in the same Gazeta interview": the outlet's name before the noun.
  for (let i = 1; i < toks.length; i++) {
    if (toks[i].start < from || toks[i].end > to || !/^interviews?$/.test(toks[i].lower)) continue
    let a = i
    while (a > 0 && toks[a - 1].pos === 'PROPN' && /^\p{Lu}/u.test(toks[a - 1].text)) a--
    const article = ['a', 'an', 'the', 'same', 'his', 'her', 'its', 'their'].includes(toks[a - 1]?.lower ?? '')
    if (a < i && article) return toks.slice(a, i)
  }
  return null
}

/** "X had seized two tonnes, but did not say how many ...": the tail is the publisher's remark. */
function withoutNegatedTail(text: string, c: { start: number; end: number }): { start: number; end: number } {
  const slice = text.slice(c.start, c.end)
  const m = NEGATED_TAIL.exec(slice)
  return m && !quotesOpen(slice.slice(0, m.index)) ? { start: c.start, end: c.start + m.index } : c
}

/** "A diplomat said the same": a claim that only points back to another says nothing of its own. */
const PRO_FORM = /^(?:the\s+same|much\s+the\s+same|as\s+much|so\s+too|likewise|otherwise)$/i
const wordCount = (text: string, c: { start: number; end: number }) =>
  text
    .slice(c.start, c.end)
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length

/** "X, but that Y", "X and that Y", "X; Y": one claim each. */
function splitClaim(text: string, c: { start: number; end: number }): { start: number; end: number }[] {
  const slice = text.slice(c.start, c.end)
  const out: { start: number; end: number }[] = []
  let from = 0
  for (const m of slice.matchAll(CLAIM_SPLITS)) {
    if (quotesOpen(slice.slice(0, m.index))) continue
    out.push({ start: c.start + from, end: c.start + m.index })
    from = m.index + m[0].length
  }
  out.push({ start: c.start + from, end: c.end })
  return out
}

export const quotesOpen = (s: string) => (s.match(/["“”]/g)?.length ?? 0) % 2 === 1

/** Trims spaces, a leading "that", trailing commas, a final full stop outside quotes and footnote marks. */
const CARRIED_TAIL = new RegExp(String.raw`,\s+${CARRIER_ASIDE}[^,;"“”]+$`, 'iu')

export function trimClaim(text: string, c: { start: number; end: number }): { start: number; end: number } {
  let { start, end } = c
  const again = () => {
    const before = { start, end }
    while (start < end && /[\s:]/.test(text[start])) start++
    while (end > start && /[\s,;:—–]/.test(text[end - 1])) end--
    // "..., while": the conjunction of a clause that is not the claim's.
    const tail = /[\s,]+(?:while|whereas|and|but|or|though|although)$/i.exec(text.slice(start, end))
    if (tail) end -= tail[0].length
    const head = /^that\s+/i.exec(text.slice(start, end))
    if (head) start += head[0].length
    // "..., in remarks carried by the Ledger on Tuesday": the outlet that carried the claim is no part of it.
    const carried = CARRIED_TAIL.exec(text.slice(start, end))
    if (carried) end -= carried[0].length
    const foot = /\[\d{1,3}\]$/.exec(text.slice(start, end))
    if (foot) end -= foot[0].length
    // "[Editor's note: ... seen copies.]": the note's closing bracket, with no opening one in the claim.
    if (text[end - 1] === ']' && !text.slice(start, end).includes('[')) end--
    // "... and 5 a.m.": an abbreviation keeps its full stop.
    const abbreviation = /\b[ap]\.m\.$/i.test(text.slice(start, end))
    if (/[.!?]$/.test(text.slice(start, end)) && !abbreviation && !quotesOpen(text.slice(start, end - 1))) end--
    return before.start !== start || before.end !== end
  }
  while (again()) {
    /* trim until stable */
  }
  return { start, end }
}
