// Suggested claims for one document: who asserts what, through whom, and on what cue. Pure and
// synchronous; run it through suggestInWorker (worker.ts) to keep it off the UI's thread.
import { invalid } from '../../shared/errors'
import { coveredByFiguresCaveat, figuresCaveat, type FiguresCaveat } from './figures-caveat'
import type { Source } from '../../shared/model'
import { normName } from '../../shared/source-names'
import { framesOf, namesAnAccount, quotesOpen, trimClaim, type Frame } from './attribution'
import {
  ACCOUNT_NOUNS,
  CARRIER_ASIDE,
  CAVEAT_ACCOUNT_OF,
  CAVEAT_CO_OWNER,
  CAVEAT_NAMED_REPORT,
  CAVEAT_ABOUT_FIGURES,
  CAVEAT_ABOUT_LAST,
  CAVEAT_ABOUT_TWO,
  CAVEAT_ON_OFFICIALS,
  CAVEAT_HOW_MANY,
  CAVEAT_NUMBER_OF,
  CAVEAT_ON_RECORD,
  CAVEAT_OWNER,
  CAVEAT_TOLL,
  CAVEATS,
  COMPARES_AMOUNTS,
  CONTRAST_TURN,
  DOCUMENT_HEADS,
  ESTIMATIVE,
  EVIDENCE_UNITS,
  GIVES_TOLL,
  GOVERNMENT_SPEAKER,
  INFERENCE_TURN,
  KEY_POINTS,
  NO_COMMENT_CLAIM,
  OPEN_QUESTION,
  ORGANIZATION_WORDS,
  CHECKED_CLAIM,
  NOTE_LABEL,
  OWN_VERDICT,
  PROCESS_NOTE,
  PUBLISHER_DENIAL,
  OCCASION,
  OWNED_RECORD,
  RECORD_MEDIUM,
  REBUTTAL,
  RECORD_COMPARISON,
  RECORD_TURN,
  REMARK_TURN,
  SILENCE,
  SOURCING_TERMS,
  TITLES,
  TRUNCATED
} from './lexicon'
import { sentencesOf, type Sentence, type Token } from './nlp'
import { extractQuantities } from './quantities'
import { kinProfile, profile, Speakers, type Entity } from './speakers'
import { Transcript, type TurnDraft } from './transcript'
import type {
  Caveat,
  Cue,
  CueKind,
  Quantity,
  Relay,
  SpeakerResolution,
  Span,
  Suggestion,
  SuggestInput
} from '../../shared/analysis'

interface Draft extends TurnDraft {
  /** The outlet this speaker gave an interview to, named in this draft's sentence. */
  interview?: Relay
  /** The surname of the one who asked the questions in that interview. */
  interviewer?: string
  /** The sentence names an occasion of its own ("in a statement", "at a news conference"). */
  occasion?: boolean
}

/** "Newsweek could not independently verify this": the publisher, when the metadata does not say. */
export function inferPublisher(text: string): string | null {
  const dateline = DATELINE.exec(text)
  if (dateline) return dateline[1]
  const m =
    /\b((?:[\p{Lu}][\p{L}&'’.-]*\s+){0,3}[\p{Lu}][\p{L}&'’.-]*)\s+(?:could\s+not|cannot|can't|was\s+unable\s+to|has\s+not\s+been\s+able\s+to)\s+(?:independently\s+)?(?:verify|confirm)/u.exec(
      text
    )
  return m ? (m[1].split(/\.\s+/).at(-1) ?? m[1]).replace(/^The\s+/, '') : null
}

/** A wire story's dateline: "KORVAL, March 14 (Meridian Press) - ". */
const DATELINE = /^[\p{Lu}][\p{Lu} .'-]+,\s+[^()\n]{0,40}\(([^)\n]{2,40})\)\s+[-–—]+\s+/mu
/** "09:12 The coastguard says ...": a live blog's timestamp opening an entry. */
const TIMESTAMP = /^\d{1,2}[:.]\d{2}\s+(?:[-–—]\s+)?/
/** "SORREL, Estrava - ", "CALDMERE — ": a dateline naming the place only. */
const PLACE_DATELINE = /^[\p{Lu}][\p{Lu} .'-]+(?:,\s+[\p{L} .'-]{0,40}?)?\s+[-–—]+\s+/u

function checkInput(doc: SuggestInput, sources: readonly Source[]): void {
  if (!doc || typeof doc.text !== 'string') throw invalid('suggestClaims: the document has no text')
  if (!Array.isArray(doc.blocks)) throw invalid('suggestClaims: the document has no blocks list')
  for (const b of doc.blocks)
    if (!(
      Number.isInteger(b.start) &&
      Number.isInteger(b.end) &&
      b.start >= 0 &&
      b.end <= doc.text.length &&
      b.start <= b.end
    ))
      throw invalid(
        `suggestClaims: a block's range [${b.start}, ${b.end}) is outside the text (${doc.text.length} characters)`
      )
  if (!Array.isArray(sources)) throw invalid('suggestClaims: sources must be a list')
}

const spanOf = (text: string, start: number, end: number): Span => ({ start, end, text: text.slice(start, end) })
const tokenSpan = (text: string, toks: Token[]): Span => spanOf(text, toks[0].start, toks.at(-1)!.end)

function caveatsIn(text: string, from: number, to: number): Caveat[] {
  const slice = text.slice(from, to)
  const out: Caveat[] = []
  for (const { kind, re } of CAVEATS) {
    const m = re.exec(slice)
    if (m) out.push({ kind, ...spanOf(text, from + m.index, from + m.index + m[0].length) })
  }
  return out
}

/** Figures in a sentence (offsets in the document), for the claims in it. */
function sentenceQuantities(text: string, s: Sentence): Quantity[] {
  return extractQuantities(text.slice(s.start, s.end)).map((q) => ({
    ...q,
    start: q.start + s.start,
    end: q.end + s.start,
    ...(q.time ? { time: { ...q.time, start: q.time.start + s.start, end: q.time.end + s.start } } : {})
  }))
}

const countable = (q: Quantity) => q.unitClass !== 'time'
/**
 * How a sentence going on with the figures before it opens: "Another 17 ...", "The remaining eight ...",
 * "Four of them ...".
 */
const CONTINUING =
  /^(?:another|a\s+further|the\s+(?:remaining|rest|other|others)|(?:[\p{L}\d]+\s+)?of\s+(?:those|these|them))\b/iu

/** The sentence's text outside the given claims (the attribution's own words). */
function outside(text: string, s: Sentence, claims: { start: number; end: number }[]): string {
  let out = ''
  let at = s.start
  for (const c of [...claims].sort((a, b) => a.start - b.start)) {
    out += `${text.slice(at, Math.max(at, c.start))} `
    at = Math.max(at, c.end)
  }
  return out + text.slice(at, s.end)
}

/** The outlets named by asides outside the claims as carrying the words, in the order they carried them. */
function carriersIn(text: string, s: Sentence, claims: { start: number; end: number }[]): Token[][] {
  const out: Token[][] = []
  for (const m of text.slice(s.start, s.end).matchAll(CARRIER)) {
    const from = s.start + m.index + m[0].length
    if (claims.some((c) => from > c.start && from <= c.end)) continue
    const toks = s.tokens.filter((t) => t.start >= from)
    const end = toks.findIndex(
      (t) =>
        ['PUNCT', 'VERB', 'AUX', 'SCONJ', 'ADP'].includes(t.pos) ||
        t.entity === 'DATE' ||
        ['that', 'which', 'who', 'last'].includes(t.lower)
    )
    const phrase = end === -1 ? toks : toks.slice(0, end)
    if (phrase.some((t) => t.pos === 'PROPN' || /^[A-Z]{2,}/.test(t.text))) out.push(phrase)
  }
  return out
}
const CARRIER = new RegExp(String.raw`\b${CARRIER_ASIDE}`, 'giu')

/** Where each capitalised word is, by its lower-case form: [sentence, token] in reading order. */
function capitalisedWords(sentences: Sentence[]): Map<string, [number, number][]> {
  const out = new Map<string, [number, number][]>()
  sentences.forEach((s, si) =>
    s.tokens.forEach((t, i) => {
      if (!/^\p{Lu}/u.test(t.text)) return
      const list = out.get(t.lower)
      if (list) list.push([si, i])
      else out.set(t.lower, [[si, i]])
    })
  )
  return out
}

/** The latest capitalised name up to sentence `upTo` that has `head` as its last word ("Office"). */
function recentName(
  text: string,
  sentences: Sentence[],
  capitalised: Map<string, [number, number][]>,
  upTo: number,
  head: string
): { profile: ReturnType<typeof profile>; at: number } | null {
  if (!head) return null
  const places = [...(capitalised.get(head) ?? []), ...(capitalised.get(`${head}s`) ?? [])]
    .filter(([si]) => si <= upTo)
    .sort((x, y) => y[0] - x[0] || y[1] - x[1])
  for (const [si, i] of places) {
    const toks = sentences[si].tokens
    let a = i
    while (
      a > 0 &&
      (/^\p{Lu}/u.test(toks[a - 1].text) || ['of', 'for', 'the', 'and', '-'].includes(toks[a - 1].lower)) &&
      toks[a - 1].pos !== 'DET'
    )
      a--
    while (a < i && ['of', 'for', 'the', 'and', '-'].includes(toks[a].lower)) a++
    if (a < i) return { profile: profile(toks.slice(a, i + 1), text), at: toks[a].start }
  }
  return null
}

const PLACE_PREPOSITIONS = new Set(['in', 'at', 'of', 'from', 'near', 'to', 'into', 'across', 'outside', 'inside'])

/** Names of two or more capitalised words, titles included ("Dr Anton Varga"), anywhere in a sentence. */
function personNames(s: Sentence): Token[][] {
  const out: Token[][] = []
  let run: Token[] = []
  const flush = () => {
    // "harbourmaster at Port Aubrel": a name after a preposition of place is a place.
    const at = s.tokens.indexOf(run[0])
    const place = PLACE_PREPOSITIONS.has(s.tokens[at - 1]?.lower ?? '')
    // "the Lindqvist Centre for Defence Studies": the end of a longer name, or a body's name, is no person.
    const nameGoesOn =
      ['for', 'of', 'and'].includes(s.tokens[at - 1]?.lower ?? '') && /^\p{Lu}/u.test(s.tokens[at - 2]?.text ?? '')
    const body = ORGANIZATION_WORDS.test(run.map((t) => t.text).join(' '))
    if (run.filter((t) => t.pos === 'PROPN').length >= 2 && !place && !nameGoesOn && !body) out.push(run)
    run = []
  }
  s.tokens.forEach((t, i) => {
    const named = /^\p{Lu}/u.test(t.text) && (t.pos === 'PROPN' || TITLES.has(t.lower)) && i > 0
    // "the Brevonian Doctors' Union" is one name (an organisation's), not the person "Brevonian Doctors".
    const apostrophe = /^['’]$/.test(t.text) && run.length && /^\p{Lu}/u.test(s.tokens[i + 1]?.text ?? '')
    if (named || apostrophe) run.push(t)
    else flush()
  })
  flush()
  return out
}

/**
 * The sentence's subject before its first verb, when it is a name ("Minister ... Karel Dusek visited") or
 * a plain noun phrase ("The national cyber security agency declined ...").
 */
function subjectOf(s: Sentence): Token[] | null {
  const toks = s.tokens
  let i = 0
  while (i < toks.length && toks[i].pos !== 'VERB' && toks[i].pos !== 'AUX' && toks[i].text !== ',') i++
  const run = toks.slice(0, i)
  // "In Vell, residents ...": a place after a preposition is where, not who.
  if (!run.length || run.length > 8 || run[0].pos === 'ADP') return null
  const nameLike =
    run.at(-1)!.pos === 'PROPN' &&
    run.every((t) => /^\p{Lu}/u.test(t.text) || ['of', 'the', 'for', 'and', "'s", '’s'].includes(t.lower))
  const nounPhrase =
    run.at(-1)!.pos === 'NOUN' &&
    run.every(
      (t, k) =>
        ['ADJ', 'NOUN', 'PROPN', 'PART'].includes(t.pos) ||
        t.lower === 'of' ||
        // "Executives at two of the bidders": a counted description after a preposition.
        (k > 0 && ['at', 'from', 'in'].includes(t.lower)) ||
        (t.pos === 'NUM' && run[k - 1]?.pos === 'ADP') ||
        (t.pos === 'DET' && (k === 0 || run[k - 1].lower === 'of') && !['that', 'which', 'this'].includes(t.lower))
    )
  return nameLike || nounPhrase ? run : null
}

/**
 * "Halvor Line, a shipping company whose tanker ...,": the name and its apposition, which says what the
 * name is (here a company, not a person).
 */
function withApposition(s: Sentence, subject: Token[]): Token[] {
  const at = s.tokens.indexOf(subject.at(-1)!) + 1
  if (s.tokens[at]?.text !== ',' || s.tokens[at + 1]?.pos !== 'DET') return subject
  let end = at + 2
  while (end < s.tokens.length && s.tokens[end].text !== ',' && !/^(?:who|whose|which|that)$/i.test(s.tokens[end].text))
    end++
  return s.tokens.slice(s.tokens.indexOf(subject[0]), end)
}

/**
 * Suggested claims in reading order. `sources` are the case's sources: a speaker who is one of them
 * (by name, alias or a safe looser match, see findSourceLoosely) carries its id. Headings, and text cut
 * off mid-phrase (captions, teasers), are not suggested from; a claim repeated word for word by the
 * same speaker is suggested once.
 */
export function suggestClaims(doc: SuggestInput, sources: readonly Source[]): Suggestion[] {
  checkInput(doc, sources)
  const { text } = doc
  const publisher = doc.outlet?.trim() || inferPublisher(text)
  const speakers = new Speakers(sources, publisher)
  const transcript = new Transcript(text, doc.blocks, sentencesOf(text, doc.blocks))
  const sentences = transcript.sentences
  const capitalised = capitalisedWords(sentences)
  const leads = leadSentences(text, doc.blocks, sentences)
  const drafts: Draft[] = []
  // Caveats on a record's contents, applied once the whole article is read.
  const recordCaveats: { caveats: Caveat[]; s: Sentence; sentenceText: string }[] = []
  // "The Post printed a statement by the coast guard as carried by Nortel": the outlets a record came through.
  const carried = new Map<Entity, Carried>()
  // Caveats on the article's figures ("any of the casualty figures cited below"), applied once it is read.
  const figureCaveats: { caveats: Caveat[]; on: FiguresCaveat; at: number }[] = []
  let onFigures: FiguresCaveat | null = null

  sentences.forEach((s, si) => {
    const block = doc.blocks[s.block]
    // "DRAVA CROSSING: THREE COUNTS, NO AGREEMENT": a line in capitals is a heading the text importer
    // could not mark.
    if (block?.kind === 'heading' || (block && CAPITALS_LINE.test(text.slice(block.start, block.end)))) return
    const turn = transcript.turnAt(si)
    const sentenceText = text.slice(s.start, s.end)
    if (TRUNCATED.test(sentenceText.replace(/["“][^"”]*["”]/g, ''))) return
    const subject = subjectOf(s)
    const subjectProfile = subject && subject.at(-1)!.pos === 'PROPN' ? profile(withApposition(s, subject), text) : null
    if (subjectProfile?.kind === 'person') speakers.noteName(subjectProfile, s.start)
    const kin = kinProfile(s.tokens.slice(0, 2), text)
    if (kin) speakers.noteName(kin, s.start)
    // "Karsovia's health ministry has updated its figures: it now says ...": the subject is the "it".
    const itLater = subject && s.tokens.some((t) => ['it', 'they'].includes(t.lower) && t.start > subject.at(-1)!.end)
    const bodyProfile = itLater && !subjectProfile ? profile(subject, text) : null
    if (bodyProfile && ['organization', 'outlet'].includes(bodyProfile.kind))
      speakers.noteName(bodyProfile, s.start, tokenSpan(text, subject!))
    speakers.recentName = (head) => recentName(text, sentences, capitalised, si, head)
    const dateline = DATELINE.exec(text.slice(s.start, s.end)) ?? PLACE_DATELINE.exec(text.slice(s.start, s.end))
    const stamp = TIMESTAMP.exec(sentenceText)
    const opening =
      dateline && dateline.index === 0 ? s.start + dateline[0].length : stamp ? s.start + stamp[0].length : s.start
    const quantities = sentenceQuantities(text, s)
    const caveats = caveatsIn(text, s.start, s.end)
    const interviewed = noteCarriedRecord(text, s, speakers, publisher, carried)
    relayBack(text, s, si, drafts, speakers)
    const made: Draft[] = []
    type Who = {
      entity: Entity | null
      mention: Span | null
      resolution: SpeakerResolution
      via: Relay[]
      interview?: Relay
      interviewer?: string
      occasion?: boolean
    }
    let last: Who | null = null

    /** Who speaks in a frame, with the relays it came through. */
    const speakerOf = (f: Frame): Who => {
      // "SORREL, Estrava - Norvania accused ...": the dateline is no part of the speaker.
      const own = f.speaker.filter((t) => t.start >= opening)
      const tokens = own.length ? own : f.speaker
      const inTurn = turn?.pronoun(tokens, speakers)
      if (inTurn) return inTurn
      const mention = tokenSpan(text, tokens)
      const p = profile(tokens, text)
      // "Reports have indicated ...": a claim with no one named behind it.
      if (p.unattributed) return { entity: null, mention, resolution: 'unattributed', via: [] }
      // '"He told me ...," she said': "she" is who was met before; "he" is someone else.
      const pronounRelays = new Map(
        f.relays
          .filter((r) => r.length === 1 && PRONOUN_RELAYS.has(r[0].lower))
          .map((r) => [r, speakers.resolve(profile(r, text), tokenSpan(text, r), r[0].start).entity])
      )
      const { entity, resolution } = speakers.resolve(p, mention, mention.start)
      const via: Relay[] = []
      for (const r of f.relays) {
        const span = tokenSpan(text, r)
        const known = pronounRelays.get(r)
        if (known) {
          via.push({ mention: span, name: known.name, kind: known.kind, sourceId: known.sourceId })
          continue
        }
        const p = profile(r, text)
        // "told the Courier" in The Hallam Courier: the publisher's own short name is no relay.
        const isPublisher = (name: string) =>
          !!publisher &&
          (normName(name).includes(normName(publisher)) ||
            (!!normName(name) && ` ${normName(publisher)} `.includes(` ${normName(name).replace(/^the /, '')} `)))
        if (isPublisher(p.name) || isPublisher(span.text)) continue
        // "the agency" after "the Meridian News Agency": the relay met before, by its full name.
        const relay = speakers.relay(p, span, span.start)
        if (isPublisher(relay.name)) continue
        via.push(relayAt(relay, span))
      }
      const attribution = outside(text, s, f.claims)
      const medium = RECORD_MEDIUM.exec(attribution)
      if (medium && entity) speakers.noteRecord(entity, medium[1].toLowerCase())
      // "The ministry's statement said ...": a later "the statement" is the ministry's too.
      const ownRecord = OWNED_RECORD.exec(mention.text)
      if (ownRecord && entity) speakers.noteRecord(entity, ownRecord[1].toLowerCase())
      // "said in a statement published by the agency Nortel", "according to the agency, whose report was
      // quoted by Radio Vest": outlets an aside outside the claim names as carrying the words.
      for (const r of carriersIn(text, s, f.claims)) {
        const span = tokenSpan(text, r)
        if (via.some((v) => v.mention.start === span.start)) continue
        const relay = speakers.relay(profile(r, text), span, span.start)
        if (relay === entity || (publisher && normName(relay.name) === normName(publisher))) continue
        via.push(relayAt(relay, span))
      }
      // "According to the statement" after "X printed a statement by Y as carried by Z": Y, through Z and X;
      // "she said" after "X quoted an interview that she gave to Z": she, through Z and X, and so does one
      // she relays.
      const chain = (e: Entity | null, head?: string) => {
        const c = e ? carried.get(e) : undefined
        return c && c.block === s.block && (c.record === undefined || c.record === head || c.whole) ? c.via : []
      }
      const relayed = [...via]
      via.splice(0, via.length, ...chain(entity, p.kind === 'document' ? p.head : undefined))
      for (const r of relayed)
        via.push(
          r,
          ...chain([...pronounRelays].find(([t]) => tokenSpan(text, t).start === r.mention.start)?.[1] ?? null)
        )
      // "the source said": still the interview the source gave Reuters.
      const earlier = [...drafts, ...made].reverse().find((d) => d.entity === entity)
      if (!via.length && earlier && (resolution === 'description' || resolution === 'pronoun')) via.push(...earlier.via)
      // An unnamed source speaks to the outlet it told, wherever the article quotes it again.
      const interview =
        (f.interview && via.find((r) => r.mention.start === f.interview![0].start)) ??
        (entity?.kind === 'anonymous' && resolution !== 'unattributed' ? via[0] : undefined)
      const occasion = !!medium || OCCASION.test(attribution)
      const interviewer = interview && f.interviewer?.at(-1)?.lower
      return {
        entity,
        mention,
        resolution,
        via,
        ...(interview ? { interview } : {}),
        ...(interviewer ? { interviewer } : {}),
        ...(occasion ? { occasion } : {})
      }
    }

    let spokeHere = false
    for (const f of framesOf(s, text)) {
      // "Neither government has confirmed ...": no one speaks; the publisher says so.
      if (NO_ONE.has(f.speaker[0]?.lower ?? '')) continue
      // '"Once you add the maintenance, ..."': outside a transcript's turns, "you" is anyone, not a speaker.
      if (!turn && f.speaker.length === 1 && f.speaker[0].lower === 'you') continue
      if (f.noted) speakers.noteName(profile(f.noted, text), f.noted[0].start)
      if (f.spoke) {
        last = speakerOf(f)
        spokeHere = true
      }
      if (!f.claims.length || !f.speaker.length) continue
      let who: Who | null = last
      if (f.mode === 'phrase' || !who) who = speakerOf(f)
      last = who
      for (const whole of f.claims) {
        if (NO_COMMENT_CLAIM.test(text.slice(whole.start, whole.end))) continue
        // "...; the Meridian Review was unable to verify it": the publisher's caveat split off a claim.
        if (f.claims.length > 1 && caveatsIn(text, whole.start, whole.end).length) continue
        const turn = publisherTurn(text, whole, publisher, quantities)
        const c = turn ? trimClaim(text, { start: whole.start, end: turn.at }) : whole
        made.push({
          claim: spanOf(text, Math.max(c.start, opening), c.end),
          ...who,
          cue: {
            ...spanOf(text, f.cue.start, f.cue.end),
            kind: f.cue.kind,
            ...(f.cue.lemma ? { lemma: f.cue.lemma } : {})
          },
          quantities: quantities.filter((q) => q.start >= c.start && q.end <= c.end),
          caveats: [],
          sentence: si,
          block: s.block
        })
        if (turn)
          made.push({
            claim: turn.claim,
            entity: speakers.publisherSpeaker(s.start),
            mention: null,
            resolution: 'publisher',
            via: [],
            cue: turn.cue,
            quantities: quantities.filter((q) => q.start >= turn.claim.start && q.end <= turn.claim.end),
            caveats: [],
            sentence: si,
            block: s.block
          })
      }
    }

    // "..., the governor said, the worst accident in the region since 2011.": a comparison with the record
    // after a closing attribution is the publisher's.
    const record = made.length ? recordAfter(text, s, made) : null
    if (record)
      made.push({
        claim: record.claim,
        entity: speakers.publisherSpeaker(s.start),
        mention: null,
        resolution: 'publisher',
        via: [],
        cue: record.cue,
        quantities: quantities.filter((q) => q.start >= record.claim.start && q.end <= record.claim.end),
        caveats: [],
        sentence: si,
        block: s.block
      })

    // "Thousands spent a second night at the crossing, as aid groups warned that ...": a leading
    // sentence's main clause before the attribution is the publisher's.
    const mainClause = made.length && leads.has(si) ? leadBefore(text, s, made, leads.get(si)!, opening) : null
    if (mainClause)
      made.unshift({
        claim: mainClause.claim,
        entity: speakers.publisherSpeaker(s.start),
        mention: null,
        resolution: 'publisher',
        via: [],
        cue: mainClause.cue,
        quantities: quantities.filter((q) => q.start >= mainClause.claim.start && q.end <= mainClause.claim.end),
        caveats: [],
        sentence: si,
        block: s.block
      })

    // A subject that did not speak here may be the "it" or "the agency" of a later sentence.
    if (subject && subjectProfile?.kind !== 'person' && !made.some((d) => d.mention))
      speakers.noteName(subjectProfile ?? profile(subject, text), s.start, tokenSpan(text, subject))
    // "It was challenged by Dr Anton Varga. He said ...", "Asked by Ilse Varnholt ..., Ressing said ...":
    // a person named in the sentence may be a later "she".
    // Names beside someone who spoke here, or whose interview is carried, are less likely the later "she"
    // than the speaker is.
    const spoke = interviewed || made.some((d) => d.mention && (d.entity?.kind === 'person' || d.entity?.individual))
    for (const name of personNames(s)) speakers.noteName(profile(name, text), spoke ? s.start - 1 : name[0].start)

    if (turn) return void drafts.push(...turn.claims(made, s, si, quantities, speakers, drafts))
    // "Two engineers disputed that.": someone spoke here, of nothing new; the sentence is no one else's.
    if (spokeHere && !made.length) return
    const account =
      !made.length && !caveats.length
        ? (followOn(drafts, s, si, text, opening) ?? goesOn(drafts, sentences, si, text))
        : null
    if (account) {
      const claim = trimClaim(text, { start: opening, end: s.end })
      made.push({
        ...account,
        claim: spanOf(text, claim.start, claim.end),
        mention: null,
        resolution: 'continuation',
        quantities: quantities.filter((q) => q.start >= claim.start && q.end <= claim.end),
        caveats: [],
        sentence: si,
        block: s.block
      })
    } else if (!made.length) {
      // A quotation going on from the one just before is that speaker's, figures and all.
      const quoted = /^["“]/.test(sentenceText) ? continuedQuotation(drafts, sentences, s, si, text) : null
      const own =
        CHECKED_CLAIM.test(sentenceText) || quoted
          ? null
          : // "The Ledger has seen the report but could not verify it": a caveat, not what the publisher found.
            ((caveats.some((c) => c.kind === 'unverified') ? null : ownWitness(text, s, publisher)) ??
            publisherClaim(text, s, quantities, caveats, opening) ??
            (!caveats.length && leads.has(si) && leadStates(s, leads.get(si)!, drafts.at(-1), si)
              ? leadClaim(text, s, opening)
              : null))
      if (own) {
        const entity = speakers.publisherSpeaker(s.start)
        // "..., and the Wire could not verify the report": a caveat after the claim is about the ones before.
        const later = caveats.filter((c) => c.start >= own.claim.end)
        if (own.cue.kind === 'non-statement' && later.length) attachCaveats(drafts, later, s, sentenceText)
        made.push({
          claim: own.claim,
          entity,
          mention: null,
          resolution: 'publisher',
          via: [],
          cue: own.cue,
          quantities: quantities.filter((q) => q.start >= own.claim.start && q.end <= own.claim.end),
          caveats: own.cue.kind === 'non-statement' ? caveats.filter((c) => c.start < own.claim.end) : [],
          sentence: si,
          block: s.block
        })
      } else if (quoted) {
        const claim = trimClaim(text, { start: s.start, end: s.end })
        made.push({
          ...quoted,
          claim: spanOf(text, claim.start, claim.end),
          mention: null,
          resolution: 'continuation',
          cue: { ...spanOf(text, s.start, s.start + 1), kind: 'quotation' },
          quantities: quantities.filter((q) => q.start >= claim.start && q.end <= claim.end),
          caveats: [],
          sentence: si,
          block: s.block
        })
      } else if (caveats.length && CAVEAT_ON_RECORD.test(sentenceText) && recordVoices(drafts, s).size) {
        recordCaveats.push({ caveats, s, sentenceText })
      } else if (caveats.length && (onFigures = figuresCaveat(sentenceText, aloneInBlock(sentences, si, drafts)))) {
        figureCaveats.push({ caveats, on: onFigures, at: drafts.length })
      } else if (caveats.length) {
        attachCaveats(drafts, caveats, s, sentenceText)
        // "Borealis cannot verify either figure, and neither side publishes its losses": the clause joined
        // after the caveat is the publisher's own statement.
        const after = joinedAfter(text, s, caveats.at(-1)!.end)
        if (!after) return
        made.push({
          claim: after,
          entity: speakers.publisherSpeaker(s.start),
          mention: null,
          resolution: 'publisher',
          via: [],
          cue: { ...after, kind: 'lead' },
          quantities: quantities.filter((q) => q.start >= after.start && q.end <= after.end),
          caveats: [],
          sentence: si,
          block: s.block
        })
      }
    } else if (caveats.length) {
      for (const d of made) d.caveats.push(...caveats)
    }
    if (made.length) ownSource(drafts, made, sentenceText, s.start, si)
    drafts.push(...made)
  })

  for (const { caveats, s, sentenceText } of recordCaveats) attachRecordCaveats(drafts, caveats, s, sentenceText)
  for (const { caveats, on, at } of figureCaveats)
    for (const d of coveredByFiguresCaveat(on, drafts.slice(0, at), drafts.slice(at))) d.caveats.push(...caveats)
  bridgeAccounts(drafts, sentences, text)
  carryInterviews(drafts)
  return finish(dedupe(drafts), speakers)
}

/** A relay met as a speaker entity: an outlet unless known as something else (an unnamed carrier is an outlet). */
function relayAt(relay: Entity, mention: Span): Relay {
  return {
    mention,
    name: relay.name,
    kind: relay.kind === 'anonymous' ? 'outlet' : relay.kind,
    sourceId: relay.sourceId
  }
}

/** Whose words a record (or interview) carried into the paragraph holds, and through which outlets. */
type Carried = { record?: string; block: number; via: Relay[]; whole?: boolean }

/**
 * "The Post, a weekly, printed a statement by the coast guard as carried by the agency Nortel.": the coast
 * guard speaks in "the statement" later in the paragraph, relayed by Nortel and then by the Post.
 */
function noteCarriedRecord(
  text: string,
  s: Sentence,
  speakers: Speakers,
  publisher: string | null,
  carried: Map<Entity, Carried>
): boolean {
  const sentenceText = text.slice(s.start, s.end)
  const owned = OWNED_RECORD_CARRIED.exec(sentenceText)
  if (owned?.indices) return noteOwnedRecord(text, s, owned.indices, owned[2], speakers, publisher, carried)
  const m = CARRIED_RECORD.exec(sentenceText) ?? CARRIED_INTERVIEW.exec(sentenceText)
  if (!m?.indices) return false
  const indices = m.indices
  // A phrase up to its apposition: "The Post, a local weekly," is the Post.
  const phrase = (g: number): Token[] => {
    const [from, to] = (indices[g] ?? [0, 0]).map((i) => i + s.start)
    const toks = s.tokens.filter((t) => t.start >= from && t.end <= to)
    const comma = toks.findIndex((t) => t.text === ',')
    return comma === -1 ? toks : toks.slice(0, comma)
  }
  const author = phrase(3)
  const carriers = [...(m[4] ? [phrase(4)] : []), phrase(1)].filter((t) => t.length)
  if (!author.length) return false
  const via: Relay[] = []
  for (const toks of carriers) {
    const span = tokenSpan(text, toks)
    const relay = speakers.relay(profile(toks, text), span, span.start)
    if (publisher && normName(relay.name) === normName(publisher)) continue
    via.push(relayAt(relay, span))
  }
  const span = tokenSpan(text, author)
  const { entity } = speakers.resolve(profile(author, text), span, span.start)
  const record = m[2].toLowerCase()
  if (record !== 'interview') speakers.noteRecord(entity, record)
  carried.set(entity, { record: record === 'interview' ? undefined : record, block: s.block, via })
  return entity.kind === 'person'
}
/**
 * "The ministry's statement, carried in full by the agency Nortel at 08:10, said ...": the ministry's claims in
 * the paragraph came through Nortel, whatever verb or pronoun gives them ("the ministry said", "it added").
 */
function noteOwnedRecord(
  text: string,
  s: Sentence,
  indices: RegExpIndicesArray,
  record: string,
  speakers: Speakers,
  publisher: string | null,
  carried: Map<Entity, Carried>
): boolean {
  const within = (g: number) => {
    const [from, to] = (indices[g] ?? [0, 0]).map((i) => i + s.start)
    return s.tokens.filter((t) => t.start >= from && t.end <= to)
  }
  const author = within(1)
  const carrier = within(3)
  if (!author.length || !carrier.length) return false
  const span = tokenSpan(text, carrier)
  const relay = speakers.relay(profile(carrier, text), span, span.start)
  if (publisher && normName(relay.name) === normName(publisher)) return false
  const via: Relay[] = [relayAt(relay, span)]
  const authorSpan = tokenSpan(text, author)
  const { entity } = speakers.resolve(profile(author, text), authorSpan, authorSpan.start)
  speakers.noteRecord(entity, record.toLowerCase())
  carried.set(entity, { record: record.toLowerCase(), block: s.block, via, whole: true })
  return false
}

/**
 * "Berg told a briefing that .... Kurier, which carried her remarks, added ...": the outlet relays the claims of
 * the sentence before that came with no relay.
 */
function relayBack(text: string, s: Sentence, si: number, drafts: Draft[], speakers: Speakers): void {
  const m = CARRIED_BACK.exec(text.slice(s.start, s.end))
  if (!m) return
  const toks = s.tokens.filter((t) => t.end <= s.start + m[1].length)
  if (!toks.length) return
  const span = tokenSpan(text, toks)
  const relay = speakers.relay(profile(toks, text), span, span.start)
  for (const d of drafts)
    if (d.sentence === si - 1 && d.block === s.block && d.mention && !d.via.length && d.entity !== relay)
      d.via.push(relayAt(relay, span))
}
const CARRIED_BACK =
  /^([^,]+),\s+(?:which|who)\s+(?:carried|reported|published|printed|aired|ran|broadcast)\s+(?:her|his|its|their)\s+(?:remarks|comments|statement|words|account)\s*,/iu

const CARRIED_RECORD =
  /^(.+?)\s+(?:printed|published|carried|ran|reproduced|reprinted|aired|broadcast|posted)\s+(?:a|an|the)\s+(?:[\p{L}-]+\s+)?(statement|report|letter|communique|release|bulletin|dispatch)\s+(?:by|from)\s+(.+?)(?:,?\s+as\s+(?:carried|reported|relayed|distributed|published|released)\s+by\s+(.+?))?\s*[.;]?$/du
const OWNED_RECORD_CARRIED =
  /^(.+?)['’]s\s+(?:[\p{L}-]+\s+)?(statement|report|letter|communique|release|bulletin)\s*,\s+(?:carried|published|relayed|reported|distributed|released|reproduced)\s+(?:in\s+full\s+)?by\s+(.+?)(?:\s+(?:at|on|in)\s+[^,]*)?\s*,/du
const CARRIED_INTERVIEW =
  /^(.+?)\s+(?:quoted|carried|printed|ran|reproduced|reprinted|aired|broadcast)\s+(?:an|the)\s+(interview)\s+(?:that|which)\s+(.+?)\s+gave\s+(?:to|on)\s+(.+?)(?:\s+(?:on|last|this|in)\s+[^,]*)?\s*[.;]?$/du

/** A clause joined by ", and" after index `from`, with a verb of its own: "..., and neither side publishes ...". */
function joinedAfter(text: string, s: Sentence, from: number): Span | null {
  const and = /,\s+and\s+/.exec(text.slice(from, s.end))
  if (!and) return null
  const start = from + and.index + and[0].length
  const verb = s.tokens.some((t) => t.start >= start && (t.pos === 'VERB' || t.pos === 'AUX'))
  const claim = trimClaim(text, { start, end: s.end })
  return verb && text.slice(claim.start, claim.end).split(/\s+/).length >= 3
    ? spanOf(text, claim.start, claim.end)
    : null
}

const PRONOUN_RELAYS = new Set(['he', 'she'])

/** "Its source was ...", "The paper's sources were ...": who stood behind the account just given. */
const SOURCE_WAS = /^(?:its|their|his|her|the\s+[\p{L}-]+['’]s)\s+(?:only\s+)?sources?\s+(?:was|were|is|are)\s+["“]?/iu

/**
 * "X wrote that A. Its source was "a senior officer", who also told the paper that B.": A is the source's,
 * relayed by X, as B is. The source is the speaker of the frame whose speaker opens after "was".
 */
function ownSource(drafts: Draft[], made: Draft[], sentenceText: string, sentenceStart: number, si: number): void {
  const m = SOURCE_WAS.exec(sentenceText)
  if (!m) return
  const named = made.find((d) => d.entity && d.via.length && d.mention?.start === sentenceStart + m[0].length)
  const teller = named?.via[0]
  if (!named || !teller) return
  // Only the teller's own claims in the sentence before: "X wrote that A".
  for (const d of drafts) {
    const same = (!!teller.sourceId && d.entity?.sourceId === teller.sourceId) || d.entity?.name === teller.name
    if (d.sentence !== si - 1 || !d.mention || d.via.length || !same) continue
    d.entity = named.entity
    d.mention = named.mention
    d.resolution = named.resolution
    d.via = [...named.via]
  }
}

/**
 * The speaker of the quotation just before, in this paragraph, or a whole quotation closing the paragraph
 * before, whose words a sentence opening with a quotation goes on with: not the speaker of a partial quote
 * a paragraph earlier.
 */
function continuedQuotation(
  drafts: Draft[],
  sentences: Sentence[],
  s: Sentence,
  si: number,
  text: string
): Draft | null {
  const prev = drafts.at(-1)
  if (!prev) return null
  const adjacent =
    prev.block === s.block
      ? /["“]/.test(text.slice(sentences[prev.sentence].start, sentences[prev.sentence].end))
      : /^["“]/.test(prev.claim.text)
  return prev.sentence >= si - 1 && prev.entity && adjacent ? prev : null
}

/**
 * "A, according to two officials. B. C, the officials said.": a sentence with no speaker of its own between
 * two sentences of one speaker's account in a paragraph, the second closing with its attribution, goes on
 * with that account. Only a figure or a lead read in the publisher's voice, or nothing, is there to replace.
 */
function bridgeAccounts(drafts: Draft[], sentences: Sentence[], text: string): void {
  for (let si = 1; si < sentences.length - 1; si++) {
    const s = sentences[si]
    const here = drafts.filter((d) => d.sentence === si)
    if (here.some((d) => d.resolution !== 'publisher' || !['figure', 'lead'].includes(d.cue.kind))) continue
    const before = drafts.filter((d) => d.sentence === si - 1 && d.block === s.block).at(-1)
    const after = drafts.find((d) => d.sentence === si + 1 && d.block === s.block)
    if (!before?.entity || !after || after.entity !== before.entity || after.cue.start < after.claim.end) continue
    if (['publisher', 'unattributed'].includes(before.resolution) || /["“”]/.test(text.slice(s.start, s.end))) continue
    const claim = trimClaim(text, { start: s.start, end: s.end })
    const bridged: Draft = {
      ...before,
      claim: spanOf(text, claim.start, claim.end),
      mention: null,
      resolution: 'continuation',
      quantities: here.flatMap((d) => d.quantities),
      caveats: here.flatMap((d) => d.caveats),
      sentence: si,
      block: s.block
    }
    const at = here.length ? drafts.indexOf(here[0]) : drafts.indexOf(before) + 1
    drafts.splice(at, here.length, bridged)
  }
}

/**
 * "In an interview on VTV1, Halvas told presenter Ruta Kessel ...": what the interviewee, or the one who
 * asked, says anywhere in the article, with no relay or occasion of its own, came through that interview
 * (an article built on an interview summarises it before naming it).
 */
function carryInterviews(drafts: Draft[]): void {
  const given = new Map<Entity, Relay>()
  const asked = new Map<string, Relay>()
  for (const d of drafts) {
    if (d.entity && d.interview && !given.has(d.entity)) given.set(d.entity, d.interview)
    if (d.interview && d.interviewer && !asked.has(d.interviewer)) asked.set(d.interviewer, d.interview)
  }
  for (const d of drafts) {
    const relay = d.entity && (given.get(d.entity) ?? (d.entity.surname ? asked.get(d.entity.surname) : undefined))
    if (relay && !d.via.length && !d.occasion) d.via = [relay]
  }
}

/**
 * "The registry records 19 as sold. Another 17 were scrapped ...": a sentence with no cue of its own that
 * goes on with the figures of the speaker just before, in the same paragraph, is that speaker's account.
 */
function followOn(drafts: Draft[], s: Sentence, si: number, text: string, opening: number): Draft | null {
  const prev = drafts.at(-1)
  if (!prev || prev.block !== s.block || prev.sentence !== si - 1 || !prev.entity) return null
  if (prev.resolution === 'publisher' || prev.resolution === 'unattributed') return null
  if (!/\d/.test(prev.claim.text) && !prev.quantities.length) return null
  const figure = s.tokens.find((t) => t.pos === 'NUM' && t.entity !== 'DATE')
  return figure && CONTINUING.test(text.slice(opening, s.end))
    ? { ...prev, cue: { ...spanOf(text, figure.start, figure.end), kind: 'figure' } }
    : null
}

/**
 * "..., the navy said in a statement. One of the injured sailors had suffered a head wound ...": a
 * sentence with no cue of its own right after a claim whose attribution closes the sentence, in the
 * same paragraph, goes on with that account, unless it names a new actor as its subject, quotes, or
 * carries the publisher's own judgment. The cue is the attribution it goes on from.
 */
function goesOn(drafts: Draft[], sentences: Sentence[], si: number, text: string): Draft | null {
  const s = sentences[si]
  const prev = drafts.at(-1)
  if (!prev || prev.block !== s.block || prev.sentence !== si - 1 || !prev.entity) return null
  // A sentence that went on with the account lets the next go on too (its cue is in a sentence before it).
  // So does a figure going on with the account ("She counted three aircraft. Two of them are burned out.").
  const closes =
    prev.cue.start >= prev.claim.end ||
    (prev.resolution === 'continuation' && (prev.cue.end <= sentences[si - 1].start || prev.cue.kind === 'figure'))
  if (prev.resolution === 'publisher' || prev.resolution === 'unattributed' || !closes) return null
  const sentenceText = text.slice(s.start, s.end)
  if (
    /["“”]/.test(sentenceText) ||
    [ESTIMATIVE, REBUTTAL, PUBLISHER_DENIAL, SOURCING_TERMS, OPEN_QUESTION, RECORD_COMPARISON].some((re) =>
      re.test(sentenceText)
    )
  )
    return null
  const first = s.tokens[0]
  if (!first || first.pos === 'PROPN' || ['we', 'i', 'our'].includes(first.lower)) return null
  // "He showed no footage from the village.": a person named in the third person is written about, not
  // heard.
  if (['he', 'she'].includes(first.lower) && prev.entity.kind === 'person') return null
  return s.tokens.some((t) => t.pos === 'VERB' || t.pos === 'AUX') ? prev : null
}

/**
 * Sentences that lead in the publisher's voice: the article's first paragraph (when its `first` sentence
 * reports an event, the `rest` go on with it), the first sentence under each heading and the lines
 * under a "Key takeaways" marker (`event`: when they report what a named actor did). Bylines and
 * datelines are not paragraphs.
 */
function leadSentences(
  text: string,
  blocks: SuggestInput['blocks'],
  sentences: Sentence[]
): Map<number, 'first' | 'rest' | 'event'> {
  const out = new Map<number, 'first' | 'rest' | 'event'>()
  let articleLead = true
  let afterHeading = true
  let takeaways = false
  blocks.forEach((b, bi) => {
    const blockText = text.slice(b.start, b.end).trim()
    if (KEY_POINTS.test(blockText) || b.kind === 'heading') {
      takeaways = KEY_POINTS.test(blockText)
      afterHeading = true
      return
    }
    const inBlock = sentences.flatMap((x, si) => (x.block === bi ? [si] : []))
    // "Harbour Post live blog. All times local.": a standfirst or a byline, not a paragraph that leads.
    const first = sentences[inBlock[0]]
    const words = first ? first.tokens.filter((t) => /\p{L}/u.test(t.text)).length : 0
    if (/\s[|•·]\s/.test(blockText) || !/[.!?]["”]?$/.test(blockText) || words < 8) return
    if (takeaways) for (const si of inBlock) out.set(si, 'event')
    else if (articleLead) inBlock.forEach((si, k) => out.set(si, k ? 'rest' : 'first'))
    else if (afterHeading) out.set(inBlock[0], 'event')
    articleLead = false
    afterHeading = false
  })
  return out
}

/** A sentence stating something: a subject (a noun or pronoun) before a verb, not a modal's plan. */
function statesSomething(s: Sentence): boolean {
  // "Since fighting resumed in January, the group has become ...": the main clause after an opening one.
  const comma = ['SCONJ', 'ADP'].includes(s.tokens[0]?.pos ?? '') ? s.tokens.findIndex((t) => t.text === ',') : -1
  const from = comma + 1
  const verb = s.tokens.findIndex((t, i) => i >= from && (t.pos === 'VERB' || t.pos === 'AUX'))
  return (
    verb > from &&
    !MODALS.has(s.tokens[verb].lower) &&
    // "The offensive opened ...": wink may read the subject's noun as an adjective.
    s.tokens.slice(from, verb).some((t) => ['NOUN', 'PROPN', 'PRON', 'ADJ'].includes(t.pos))
  )
}

const MODALS = new Set(['will', 'would', 'shall', 'should', 'may', 'might', 'can', 'could', 'must'])

/**
 * "Vosgard forces conducted a strike ...", "Karsenian forces have pushed ...": a subject (`named`: with
 * a capitalised word) and a verb in the past or the present perfect, not "be" and not negated.
 */
function reportsEvent(s: Sentence, named: boolean): boolean {
  const toks = s.tokens
  // "Thousands of people fleeing fighting ... spent": a participle in the subject is not its verb.
  const v = toks.findIndex((t) => t.pos === 'AUX' || (t.pos === 'VERB' && !/ing$/.test(t.lower)))
  const subject = toks.slice(0, v)
  if (v <= 0 || !subject.some((t) => ['PROPN', 'NOUN', 'PRON'].includes(t.pos))) return false
  if (named && !subject.some((t) => /^\p{Lu}/u.test(t.text) && ['PROPN', 'ADJ', 'NOUN'].includes(t.pos))) return false
  if (toks[v + 1]?.lower === 'not' || toks[v + 1]?.lower === "n't") return false
  // "the town has been cut off", "12 people were killed": a passive in the past or the present perfect.
  let p = v
  while (toks[p]?.pos === 'AUX' || (p > v && toks[p]?.pos === 'ADV')) p++
  const passive = p > v && toks.slice(v, p).some((t) => t.lemma === 'be') && toks[p]?.pos === 'VERB'
  if (passive && !/ing$/.test(toks[p].lower) && !MODALS.has(toks[v].lower) && !/^(?:is|are|am)$/.test(toks[v].lower))
    return true
  const main = toks[v].lemma === 'have' && toks[v + 1]?.pos === 'VERB' ? toks[v + 1] : toks[v]
  if (main.lemma === 'be') return false
  return main !== toks[v] || (main.pos === 'VERB' && main.lower !== main.lemma && !/(?:s|ing)$/.test(main.lower))
}

function leadStates(s: Sentence, lead: 'first' | 'rest' | 'event', prev: Draft | undefined, si: number): boolean {
  if (aboutAccounts(s) || PROCESS_NOTE.test(s.tokens.map((t) => t.text).join(' '))) return false
  if (lead === 'rest') return prev?.sentence === si - 1 && prev.block === s.block && statesSomething(s)
  return reportsEvent(s, lead === 'event')
}

/**
 * "The claim travelled along the coast ...", "Officials gave sharply different accounts of ...": a line
 * framing the accounts (its subject or its object an account noun) is about the reporting, not an event.
 */
function aboutAccounts(s: Sentence): boolean {
  const toks = s.tokens
  const v = toks.findIndex((t) => t.pos === 'VERB' || t.pos === 'AUX')
  if (v <= 0) return false
  // "The fullest account from the other side came ...": the head is before the subject's preposition.
  const adp = toks.slice(0, v).findIndex((t) => t.pos === 'ADP')
  const subjectHead = toks.slice(0, adp > 0 ? adp : v).findLast((t) => t.pos === 'NOUN')
  return (!!subjectHead && ACCOUNT_NOUNS.has(subjectHead.lower.replace(/s$/, ''))) || namesOnlyAccount(s)
}

/** "Managers at two of the firms tell a different story": the sentence's verb has an account as its object. */
function namesOnlyAccount(s: Sentence): boolean {
  const toks = s.tokens
  let v = toks.findIndex((t) => t.pos === 'VERB' || t.pos === 'AUX')
  if (v <= 0) return false
  while (toks[v + 1] && ['VERB', 'AUX', 'PART'].includes(toks[v + 1].pos)) v++
  return namesAnAccount(toks, v + 1, toks.length)
}

/** The main clause of a leading sentence before ", as <speaker> <cue> ..." when it reports an event. */
function leadBefore(
  text: string,
  s: Sentence,
  made: Draft[],
  lead: 'first' | 'rest' | 'event',
  opening: number
): { claim: Span; cue: Cue } | null {
  if (lead === 'rest') return null
  const first = Math.min(...made.map((d) => Math.min(d.mention?.start ?? d.cue.start, d.claim.start)))
  const i = s.tokens.findIndex((t) => t.start >= first)
  if (i < 3 || !['as', 'while'].includes(s.tokens[i - 1].lower) || s.tokens[i - 2].text !== ',') return null
  const main = { ...s, tokens: s.tokens.slice(0, i - 2), end: s.tokens[i - 3].end }
  if (!reportsEvent(main, lead === 'event') || aboutAccounts(main)) return null
  return leadClaim(text, main, opening)
}

function leadClaim(text: string, s: Sentence, opening: number): { claim: Span; cue: Cue } {
  const claim = trimClaim(text, { start: opening, end: s.end })
  const verb = s.tokens.find((t) => t.pos === 'VERB' || t.pos === 'AUX')!
  return { claim: spanOf(text, claim.start, claim.end), cue: { ...spanOf(text, verb.start, verb.end), kind: 'lead' } }
}

/**
 * Where a speaker's claim turns into the publisher's own words: an inference with a figure ("..., so
 * the gap amounts to well over 150,000 votes"), or a contrast whose subject is the publisher ("...,
 * though the Halden Institute has not observed evidence"). Null when it does not.
 */
function publisherTurn(
  text: string,
  c: { start: number; end: number },
  publisher: string | null,
  quantities: Quantity[]
): { at: number; claim: Span; cue: Cue } | null {
  const slice = text.slice(c.start, c.end)
  const own = new Set(publisher ? normName(publisher).split(/\s+/) : [])
  // "the Halden Institute" for the Halden Institute for Maritime Security; "we".
  const publisherLeads = (rest: string) => {
    if (/^we\s/i.test(rest)) return true
    const lead = /^(?:the\s+)?((?:\p{Lu}[\p{L}'’-]*\s+)+)/u.exec(rest)
    return (
      !!lead &&
      normName(lead[1])
        .split(/\s+/)
        .every((w) => own.has(w))
    )
  }
  for (const [re, kind] of [
    [INFERENCE_TURN, 'inference'],
    [CONTRAST_TURN, 'contrast'],
    [RECORD_TURN, 'record'],
    [REMARK_TURN, 'remark']
  ] as const)
    for (const m of slice.matchAll(re)) {
      if (quotesOpen(slice.slice(0, m.index))) continue
      const at = c.start + m.index
      const tail = trimClaim(text, { start: at + m[0].length, end: c.end })
      if (kind === 'record') {
        const record = text.slice(tail.start, tail.end)
        if (!/^the\s+first\s+time\b/i.test(record) && !RECORD_COMPARISON.test(record)) continue
        const cue = { ...spanOf(text, tail.start, Math.min(tail.end, tail.start + 20)), kind: 'lead' as const }
        return { at, claim: spanOf(text, tail.start, tail.end), cue }
      }
      if (kind === 'remark') {
        const cue = { ...spanOf(text, tail.start, Math.min(tail.end, tail.start + 20)), kind: 'lead' as const }
        return { at, claim: spanOf(text, tail.start, tail.end), cue }
      }
      if (kind === 'contrast') {
        if (!publisherLeads(text.slice(tail.start, tail.end))) continue
        const word = /\p{L}+/u.exec(m[0])!
        const cue = { ...spanOf(text, at + word.index, at + word.index + word[0].length), kind: 'rebuttal' as const }
        return { at, claim: spanOf(text, tail.start, tail.end), cue }
      }
      const figure = quantities.find((q) => countable(q) && q.start >= tail.start && q.end <= tail.end)
      if (figure)
        return {
          at,
          claim: spanOf(text, tail.start, tail.end),
          cue: { ...spanOf(text, figure.start, figure.end), kind: 'figure' }
        }
    }
  return null
}

/** ", the worst accident in the region since 2011" after the last attribution and claim of a sentence. */
function recordAfter(text: string, s: Sentence, made: Draft[]): { claim: Span; cue: Cue } | null {
  const from = Math.max(...made.map((d) => Math.max(d.cue.end, d.claim.end)))
  const comma = /,\s+(?=(?:the|a|an)\s)/i.exec(text.slice(from, s.end))
  if (!comma || quotesOpen(text.slice(s.start, from))) return null
  const claim = trimClaim(text, { start: from + comma.index + comma[0].length, end: s.end })
  const words = text.slice(claim.start, claim.end)
  if (!/^the\s+first\s+time\b/i.test(words) && !RECORD_COMPARISON.test(words)) return null
  return { claim: spanOf(text, claim.start, claim.end), cue: { ...spanOf(text, claim.start, claim.end), kind: 'lead' } }
}

/**
 * "Reporters for the agency who visited the street saw ...", "Our correspondent counted ...": what the
 * publisher's own journalists saw is the publisher's claim, from the verb of seeing on.
 */
function ownWitness(text: string, s: Sentence, publisher: string | null): { claim: Span; cue: Cue } | null {
  // "[Editor's note: CPR has seen ...": the note's label is no part of the sentence's subject.
  const sentenceText = text.slice(s.start, s.end).replace(NOTE_LABEL, '')
  const verdict = OWN_VERDICT.exec(sentenceText)
  if (verdict) {
    const claim = trimClaim(text, { start: s.end - sentenceText.length, end: s.end })
    const at = claim.start
    return {
      claim: spanOf(text, claim.start, claim.end),
      cue: { ...spanOf(text, at, at + verdict[0].trimEnd().length), kind: 'estimative' }
    }
  }
  // "Corvan Public Radio (CPR)": the name, its acronym, or the name in full.
  // "Meridian Monitoring Service (MMS), Calvoria desk": the desk after the comma is no part of the name.
  const name = publisher ? normName(publisher.split(/\s*[,—–]\s+/)[0]) : ''
  // "a Borealis reporter" from Borealis News: the name without a generic last word.
  const short = /^(.+?)\s+(?:news|media|online)$/.exec(name)?.[1] ?? ''
  const owns = publisher
    ? [normName(publisher), name, short, ...(/^(.*?)\s*\(([^()]+)\)$/.exec(name)?.slice(1) ?? [])]
        .filter(Boolean)
        .map((n) => n.replace(/^the /, ''))
    : []
  const ownWords = `(?:the\\s+(?:agency|newspaper|paper|broadcaster|programme|channel|station|site)${owns.map((own) => `|(?:the\\s+)?${own.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')}`).join('')})`
  const reporters = '(?:reporters?|correspondents?|journalists?|photographers?|a\\s+reporter|a\\s+correspondent)'
  // "CPR has seen copies of ...", "We have seen the letter": the publisher by name, or "we", saw it.
  const subject = new RegExp(
    `^(?:(?:our|(?:an?\\s+)?${ownWords}(?:['’]s)?)\\s+${reporters}|${reporters}\\s+(?:for|from|of|with)\\s+${ownWords}|(?:we|${ownWords})\\s+(?:(?:has|have|had)\\s+(?:also\\s+)?seen|found|counted|observed))\\b`,
    'i'
  )
  if (!subject.test(sentenceText)) return null
  const verb = s.tokens.find((t) => t.pos === 'VERB' && WITNESS_VERBS.has(t.lemma) && !/ing$/.test(t.lower))
  if (!verb) return null
  const claim = trimClaim(text, { start: verb.start, end: s.end })
  return { claim: spanOf(text, claim.start, claim.end), cue: { ...spanOf(text, verb.start, verb.end), kind: 'lead' } }
}
const CAPITALS_LINE = /^(?=[^\n]*\p{Lu}{3})[^\p{Ll}\n]+$/u
const NO_ONE = new Set(['neither', 'no', 'none', 'nobody', 'nothing'])
const WITNESS_VERBS = new Set(['see', 'witness', 'observe', 'count', 'hear', 'find'])

/** What the publisher asserts in its own voice: a non-statement, a rebuttal, a judgment, a figure. */
function publisherClaim(
  text: string,
  s: Sentence,
  quantities: Quantity[],
  caveats: Caveat[],
  opening: number
): { claim: Span; cue: Cue } | null {
  const sentenceText = text.slice(s.start, s.end)
  const whole = trimClaim(text, { start: opening, end: s.end })
  // A caveat ("did not provide evidence") is about the claims it names, not a claim of its own; but "X made
  // no mention of it, and the Wire could not verify the report" says what X left unsaid before it.
  const found = SILENCE.exec(sentenceText)
  const caveatAfter =
    !!found &&
    caveats.every((c) => c.start >= s.start + found.index + found[0].length) &&
    /,\s+(?:but|and)\s+/.test(text.slice(s.start + found.index + found[0].length, caveats[0]?.start ?? s.end))
  const silence = !caveats.length || caveatAfter ? found : null
  const nonStatement =
    caveats.find((c) => c.kind === 'not-confirmed-or-denied') ??
    (silence ? spanOf(text, s.start + silence.index, s.start + silence.index + silence[0].length) : undefined)
  if (nonStatement) {
    const but = /,\s+(?:but|and)\s+/.exec(text.slice(nonStatement.end, s.end))
    const end = but ? nonStatement.end + but.index : whole.end
    return {
      claim: spanOf(text, whole.start, end),
      cue: { ...spanOf(text, nonStatement.start, nonStatement.end), kind: 'non-statement' }
    }
  }
  const claim = spanOf(text, whole.start, whole.end)
  // The first cue the sentence carries, in this order: a rebuttal, an estimative judgment, a figure, a
  // publisher's denial.
  const said = (re: RegExp, kind: CueKind) => {
    const m = re.exec(sentenceText)
    return m ? { claim, cue: { ...spanOf(text, s.start + m.index, s.start + m.index + m[0].length), kind } } : null
  }
  // "Managers at two of the firms tell a different story": a line that only names an account has no figure.
  // "The Drevnian version reached readers at two removes": a figure after the verb of a line about an
  // account counts the reporting, not an event.
  const verb = s.tokens.find((t) => t.pos === 'VERB' || t.pos === 'AUX')
  const countsReporting = (q: Quantity) => aboutAccounts(s) && !!verb && q.start >= verb.end
  const figure = namesOnlyAccount(s)
    ? undefined
    : quantities.find(
        (q) => countable(q) && !EVIDENCE_UNITS.has(q.unit.split(' ').at(-1)!.replace(/s$/, '')) && !countsReporting(q)
      )
  return (
    said(REBUTTAL, 'rebuttal') ??
    said(ESTIMATIVE, 'estimative') ??
    (figure ? { claim, cue: { ...spanOf(text, figure.start, figure.end), kind: 'figure' as const } } : null) ??
    // "None of the figures could be verified": a caveat, not a denial.
    (caveats.length ? null : said(PUBLISHER_DENIAL, 'rebuttal'))
  )
}

/**
 * A sentence that is only a caveat ("Newsweek could not independently verify this.") is about the claim
 * before it; one about figures ("either side's figures") is about the claims with figures before it in
 * its paragraph; one naming a speaker ("Ramm did not provide evidence") is about that speaker's claims.
 */
function attachCaveats(drafts: Draft[], caveats: Caveat[], s: Sentence, sentenceText: string): void {
  // "could not confirm how many people were injured or how many vessels were present": every claim in the
  // article that gives an account of those things ("injured", "vessels"), whoever made it.
  const counted = [...sentenceText.matchAll(CAVEAT_HOW_MANY)]
    .flatMap((m) => [m[1], m[2]])
    .filter((w): w is string => !!w && w.toLowerCase() !== 'people')
    .map((w) => w.toLowerCase().replace(/(?:ed|s)$/, ''))
  const accounts = (d: Draft) =>
    d.resolution !== 'publisher' && counted.some((w) => new RegExp(`\\b${w}`, 'i').test(d.claim.text))
  // "could not verify the death toll, the number of missiles and drones launched, or the ministry's
  // account": each thing listed covers the accounts of it, whoever gave them.
  // "the number of people injured": "people" says nothing of what was counted; the participle does.
  const counts = [...sentenceText.matchAll(CAVEAT_NUMBER_OF)].map((m) => ({
    things: [m[1], m[2]].filter((w): w is string => !!w && !/^(?:people|persons)$/i.test(w)).map(stem),
    done: m[3] ? stem(m[3]) : null
  }))
  const givesCount = (d: Draft) =>
    counts.some(
      (c) =>
        (!c.things.length || c.things.some((w) => new RegExp(`\\b${w}`, 'i').test(d.claim.text))) &&
        (!c.done || new RegExp(`\\b${c.done}`, 'i').test(d.claim.text)) &&
        (c.things.length > 0 || !!c.done)
    )
  const toll = CAVEAT_TOLL.test(sentenceText)
  const listed = (d: Draft) =>
    d.resolution !== 'publisher' &&
    ((toll &&
      GIVES_TOLL.test(d.claim.text) &&
      /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\b/i.test(d.claim.text)) ||
      givesCount(d))
  const listedOwner = counts.length || toll ? CAVEAT_OWNER.exec(sentenceText)?.[1].toLowerCase() : undefined
  const ownersAccount = (d: Draft) =>
    !!listedOwner && !!d.entity && (d.entity.head === listedOwner || d.entity.words.has(listedOwner))
  // "could not verify Radio Vest's report of the attack or the Post's reading of the data": each speaker's
  // claims about the thing named.
  const accountsOf = [...sentenceText.matchAll(CAVEAT_ACCOUNT_OF)].map((m) => ({
    owner: m[1].toLowerCase(),
    thing: m[2].toLowerCase().replace(/(?:ings?|s)$/, '')
  }))
  const speaksOf = (d: Draft) =>
    d.resolution !== 'publisher' &&
    accountsOf.some(
      (a) =>
        a.thing.length > 3 &&
        new RegExp(`\\b${a.thing}`, 'i').test(d.claim.text) &&
        (d.entity?.words.has(a.owner) ||
          d.entity?.known.has(a.owner) ||
          d.via.some((v) => normName(v.name).split(' ').includes(a.owner)))
    )
  const any = (d: Draft) => accounts(d) || listed(d) || ownersAccount(d) || speaksOf(d)
  if (
    (counted.length && drafts.some(accounts)) ||
    drafts.some(listed) ||
    drafts.some(ownersAccount) ||
    drafts.some(speaksOf)
  ) {
    for (const d of drafts.filter(any)) d.caveats.push(...caveats)
    return
  }
  const inBlock = drafts.filter((d) => d.block === s.block)
  // "Vell Daily could not confirm either side's figures.": a paragraph that is only a caveat about two
  // accounts' figures is about the article's accounts, not the paragraph before.
  const wide = !inBlock.length && CAVEAT_ABOUT_TWO.test(sentenceText) && CAVEAT_ABOUT_FIGURES.test(sentenceText)
  const pool = inBlock.length
    ? inBlock
    : wide
      ? drafts.filter((d) => d.resolution !== 'publisher')
      : drafts.filter((d) => d.block === s.block - 1 || d.sentence === s.block - 1).slice(-1)
  if (!pool.length) {
    if (drafts.length) drafts.at(-1)!.caveats.push(...caveats)
    return
  }
  const firstName = s.tokens.find((t) => t.pos === 'PROPN')?.lower
  const bySpeaker = firstName
    ? pool.filter(
        (d) => d.entity && (d.entity.surname === firstName || normName(d.entity.name).split(' ').includes(firstName))
      )
    : []
  const withFigures = pool.filter((d) => d.quantities.some(countable))
  // "could not verify the group's claims": the claims of the speaker it names.
  const named = CAVEAT_OWNER.exec(sentenceText)
  // "either the Harbour Army's or the Coastal Command's account": both owners, each with its words.
  const coowner = named ? CAVEAT_CO_OWNER.exec(sentenceText.slice(0, named.index + named[0].length)) : null
  // "was unable to verify the Vesna report": the claims that report gave or carried.
  const attributive = named ? null : CAVEAT_NAMED_REPORT.exec(sentenceText)
  const owners = [
    ...(coowner ? [coowner[1].toLowerCase().split(/\s+/)] : []),
    ...(named ? [[named[1].toLowerCase()]] : []),
    ...(attributive ? [attributive[1].toLowerCase().split(/\s+/)] : [])
  ]
  const ownedByOne = (words: string[]) => (d: Draft) =>
    (d.entity && words.every((w) => d.entity!.head === w || d.entity!.words.has(w))) ||
    d.via.some((v) => words.every((w) => normName(v.name).split(' ').includes(w))) ||
    new RegExp(`\\b${words.join('\\s+')}['’]s\\b`, 'i').test(d.claim.text)
  // "the union's survey figures", paragraphs after "the union's own survey ... put coverage at 78 percent".
  const owned = owners.flatMap((w) => {
    const by = ownedByOne(w)
    return pool.some(by) ? pool.filter(by) : drafts.filter(by).slice(-2)
  })
  const ownedFigures = owned.filter((d) => d.quantities.some(countable))
  const byOwner = named && /^(?:figure|number|estimate)/i.test(named[2]) && ownedFigures.length ? ownedFigures : owned
  // "either account": the claims of the last two speakers; "these reports": all of the last one's.
  // "either figure": of the claims that give one.
  const numbered = pool.filter((d) => /\d/.test(d.claim.text))
  const about = CAVEAT_ABOUT_FIGURES.test(sentenceText) && numbered.length ? numbered : pool
  const lastSpeakers = [...new Set(about.map((d) => d.entity).reverse())].slice(
    0,
    CAVEAT_ABOUT_TWO.test(sentenceText) ? 2 : 1
  )
  const ofLast = about.filter((d) => lastSpeakers.includes(d.entity))
  const byLast =
    CAVEAT_ABOUT_LAST.test(sentenceText) || (CAVEAT_ABOUT_TWO.test(sentenceText) && lastSpeakers.length === 2)
      ? ofLast
      : []
  // "could not verify the accounts given by officials of either government": every account the article
  // gives from either side's government, its ministries, forces and officials.
  const officials =
    CAVEAT_ABOUT_TWO.test(sentenceText) && CAVEAT_ON_OFFICIALS.test(sentenceText)
      ? drafts.filter(
          (d) =>
            d.resolution !== 'publisher' &&
            d.entity &&
            GOVERNMENT_SPEAKER.test([d.entity.name, ...d.entity.aliases, ...d.entity.words].join(' '))
        )
      : []
  const targets = officials.length
    ? officials
    : byOwner.length
      ? byOwner
      : byLast.length
        ? byLast
        : bySpeaker.length && !/^(the|a|an)\b/i.test(sentenceText)
          ? bySpeaker
          : CAVEAT_ABOUT_FIGURES.test(sentenceText) && withFigures.length
            ? withFigures
            : [pool.at(-1)!]
  for (const d of targets) d.caveats.push(...caveats)
}

/** A sentence that is its paragraph's only one, with no claim before it in the paragraph. */
function aloneInBlock(sentences: Sentence[], si: number, drafts: Draft[]): boolean {
  const s = sentences[si]
  return (
    sentences[si - 1]?.block !== s.block && sentences[si + 1]?.block !== s.block && drafts.at(-1)?.block !== s.block
  )
}

/** Who speaks through the records a sentence names ("the report", "a report by the institute"), or "the document". */
function recordVoices(drafts: Draft[], s: Sentence): Set<Entity | null> {
  const records = new Set(['document', ...s.tokens.filter((t) => DOCUMENT_HEADS.has(t.lower)).map((t) => t.lower)])
  const names = (d: Draft) =>
    d
      .mention!.text.toLowerCase()
      .split(/[^\p{L}]+/u)
      .some((w) => records.has(w))
  return new Set(drafts.filter((d) => d.entity && d.mention && names(d)).map((d) => d.entity))
}

/**
 * "The Globe has seen a copy of the report but could not verify the figures it contains": every claim the
 * record gives in the article, before the caveat or after it, and its author's ("a report by the institute").
 * A caveat on figures covers the claims with a figure (a duration too) or a comparison of amounts.
 */
function attachRecordCaveats(drafts: Draft[], caveats: Caveat[], s: Sentence, sentenceText: string): void {
  const m = CAVEAT_ON_RECORD.exec(sentenceText)!
  const onFigures = /^(?:figures|numbers|estimates)$/i.test(m[1] ?? m[2])
  const voices = recordVoices(drafts, s)
  for (const d of drafts)
    if (
      d.resolution !== 'publisher' &&
      voices.has(d.entity) &&
      (!onFigures || d.quantities.length > 0 || COMPARES_AMOUNTS.test(d.claim.text))
    )
      d.caveats.push(...caveats)
}

const stem = (word: string) => word.toLowerCase().replace(/(?:ed|es|s)$/, '')

/** One suggestion for a claim the same speaker repeats (a caption, a key takeaway): the longer one. */
function dedupe(drafts: Draft[]): Draft[] {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
  // Each text normalised once, and compared only with its own speaker's (a long transcript of one
  // speaker would otherwise cost a regex per pair).
  const texts = drafts.map((d) => norm(d.claim.text))
  const bySpeaker = new Map<Draft['entity'], number[]>()
  drafts.forEach((d, i) => {
    const list = bySpeaker.get(d.entity)
    if (list) list.push(i)
    else bySpeaker.set(d.entity, [i])
  })
  return drafts.filter((d, i) => {
    const mine = texts[i]
    return !bySpeaker.get(d.entity)!.some((j) => {
      if (j === i) return false
      const theirs = texts[j]
      return theirs.includes(mine) && (theirs.length > mine.length || j < i)
    })
  })
}

/** A name as a source is made from it: without invisible format characters (bidi controls, zero widths). */
const visible = (name: string): string => name.replace(/\p{Cf}/gu, '').trim()

function finish(drafts: Draft[], speakers: Speakers): Suggestion[] {
  return drafts.map((d, i) => {
    const e = d.entity
    const unattributed = d.resolution === 'unattributed'
    const caveats = uniqueCaveats(d.caveats)
    const grading: Suggestion['grading'] = {}
    if (caveats.some((c) => c.kind === 'unverified' || c.kind === 'not-confirmed-or-denied')) grading.credibility = '6'
    if (caveats.length) grading.status = 'unverified'
    return {
      id: `s${i + 1}`,
      claim: d.claim,
      speaker: {
        mention: d.mention,
        resolution: d.resolution,
        entity: e?.id ?? (unattributed ? 'unattributed' : 'publisher'),
        name: visible(e?.name ?? (unattributed ? '' : (speakers.publisherName() ?? ''))),
        aliases: e ? [...new Set(e.aliases.filter((a) => a !== e.name).map(visible))].filter(Boolean) : [],
        kind: e?.kind ?? (unattributed ? 'document' : 'outlet'),
        sourceId: e?.sourceId ?? null
      },
      via: d.via,
      cue: d.cue,
      quantities: d.quantities,
      caveats,
      grading
    }
  })
}

function uniqueCaveats(caveats: Caveat[]): Caveat[] {
  const seen = new Set<string>()
  return caveats.filter((c) => {
    const key = `${c.start}:${c.kind}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
