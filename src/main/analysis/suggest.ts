// Suggested claims for one document: who asserts what, through whom, and on what cue. Pure and
// synchronous; run it through suggestInWorker (worker.ts) to keep it off the UI's thread.
import { invalid } from '../../shared/errors'
import type { Source } from '../../shared/model'
import { normName } from '../../shared/source-names'
import { framesOf, trimClaim } from './attribution'
import { CAVEAT_ABOUT_FIGURES, CAVEATS, ESTIMATIVE, REBUTTAL, TRUNCATED } from './lexicon'
import { sentencesOf, type Sentence, type Token } from './nlp'
import { extractQuantities } from './quantities'
import { profile, Speakers, type Entity } from './speakers'
import type {
  Caveat,
  Cue,
  Quantity,
  Relay,
  SpeakerResolution,
  Span,
  Suggestion,
  SuggestInput
} from '../../shared/analysis'

interface Draft {
  claim: Span
  entity: Entity | null
  mention: Span | null
  resolution: SpeakerResolution
  via: Relay[]
  cue: Cue
  quantities: Quantity[]
  caveats: Caveat[]
  sentence: number
  block: number
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

/** The latest capitalised name in these sentences that has `head` as a word ("Office"). */
function recentName(text: string, sentences: Sentence[], head: string): ReturnType<typeof profile> | null {
  if (!head) return null
  for (const s of [...sentences].reverse()) {
    const toks = s.tokens
    for (let i = toks.length - 1; i >= 0; i--) {
      if (toks[i].lower !== head && toks[i].lower !== `${head}s`) continue
      if (!/^\p{Lu}/u.test(toks[i].text)) continue
      let a = i
      while (
        a > 0 &&
        (/^\p{Lu}/u.test(toks[a - 1].text) || ['of', 'for', 'the', 'and', '-'].includes(toks[a - 1].lower)) &&
        toks[a - 1].pos !== 'DET'
      )
        a--
      while (a < i && ['of', 'for', 'the', 'and', '-'].includes(toks[a].lower)) a++
      if (a < i) return profile(toks.slice(a, i + 1), text)
    }
  }
  return null
}

/** The person named at the start of a sentence, before its first verb ("Minister ... Karel Dusek visited"). */
function subjectName(s: Sentence): Token[] | null {
  const toks = s.tokens
  let i = 0
  while (i < toks.length && toks[i].pos !== 'VERB' && toks[i].pos !== 'AUX' && toks[i].text !== ',') i++
  const run = toks.slice(0, i)
  const nameLike = run.every((t) => /^\p{Lu}/u.test(t.text) || ['of', 'the', 'for', 'and'].includes(t.lower))
  return run.length && run.length <= 8 && nameLike && run.at(-1)!.pos === 'PROPN' ? run : null
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
  const sentences = sentencesOf(text, doc.blocks)
  const drafts: Draft[] = []

  sentences.forEach((s, si) => {
    const block = doc.blocks[s.block]
    if (block?.kind === 'heading') return
    const sentenceText = text.slice(s.start, s.end)
    if (TRUNCATED.test(sentenceText.replace(/["“][^"”]*["”]/g, ''))) return
    const subject = subjectName(s)
    if (subject) speakers.noteName(profile(subject, text), s.start)
    speakers.recentName = (head) => recentName(text, sentences.slice(0, si + 1), head)
    const dateline = DATELINE.exec(text.slice(s.start, s.end))
    const opening = dateline && dateline.index === 0 ? s.start + dateline[0].length : s.start
    const quantities = sentenceQuantities(text, s)
    const caveats = caveatsIn(text, s.start, s.end)
    const made: Draft[] = []
    type Who = { entity: Entity | null; mention: Span | null; resolution: SpeakerResolution; via: Relay[] }
    let last: Who | null = null

    for (const f of framesOf(s, text)) {
      if (f.noted) speakers.noteName(profile(f.noted, text), f.noted[0].start)
      if (!f.claims.length || !f.speaker.length) continue
      let who: Who | null = last
      if (f.mode === 'phrase' || !who) {
        const mention = tokenSpan(text, f.speaker)
        const { entity, resolution } = speakers.resolve(profile(f.speaker, text), mention, mention.start)
        const via: Relay[] = []
        for (const r of f.relays) {
          const p = profile(r, text)
          if (
            publisher &&
            (normName(p.name) === normName(publisher) ||
              normName(tokenSpan(text, r).text).includes(normName(publisher)))
          )
            continue
          via.push({
            mention: tokenSpan(text, r),
            name: p.name,
            kind: p.kind === 'anonymous' ? 'outlet' : p.kind,
            sourceId: speakers.sourceFor(p.kind, [tokenSpan(text, r).text, p.name])
          })
        }
        // "the source said": still the interview the source gave Reuters.
        const earlier = [...drafts, ...made].reverse().find((d) => d.entity === entity)
        if (!via.length && earlier && (resolution === 'description' || resolution === 'pronoun'))
          via.push(...earlier.via)
        who = { entity, mention, resolution, via }
      }
      last = who
      for (const c of f.claims)
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
    }

    if (!made.length) {
      const own = publisherClaim(text, s, quantities, caveats, opening)
      if (own) {
        const entity = speakers.publisherSpeaker(s.start)
        made.push({
          claim: own.claim,
          entity,
          mention: null,
          resolution: 'publisher',
          via: [],
          cue: own.cue,
          quantities: quantities.filter((q) => q.start >= own.claim.start && q.end <= own.claim.end),
          caveats: own.cue.kind === 'non-statement' ? caveats : [],
          sentence: si,
          block: s.block
        })
      } else if (/^["“]/.test(sentenceText) && drafts.length) {
        const prev = drafts.at(-1)!
        if (
          prev.sentence >= si - 1 &&
          prev.entity &&
          /["“]/.test(text.slice(sentences[prev.sentence].start, sentences[prev.sentence].end))
        ) {
          const claim = trimClaim(text, { start: s.start, end: s.end })
          made.push({
            ...prev,
            claim: spanOf(text, claim.start, claim.end),
            mention: null,
            resolution: 'continuation',
            cue: { ...spanOf(text, s.start, s.start + 1), kind: 'quotation' },
            quantities: quantities.filter((q) => q.start >= claim.start && q.end <= claim.end),
            caveats: [],
            sentence: si,
            block: s.block
          })
        }
      } else if (caveats.length) {
        attachCaveats(drafts, caveats, s, sentenceText)
        return
      }
    } else if (caveats.length) {
      for (const d of made) d.caveats.push(...caveats)
    }
    drafts.push(...made)
  })

  return finish(dedupe(drafts), speakers)
}

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
  const nonStatement = caveats.find((c) => c.kind === 'not-confirmed-or-denied')
  if (nonStatement) {
    const but = /,\s+but\s+/.exec(text.slice(nonStatement.end, s.end))
    const end = but ? nonStatement.end + but.index : whole.end
    return {
      claim: spanOf(text, whole.start, end),
      cue: { ...spanOf(text, nonStatement.start, nonStatement.end), kind: 'non-statement' }
    }
  }
  const claim = spanOf(text, whole.start, whole.end)
  const rebuttal = REBUTTAL.exec(sentenceText)
  if (rebuttal)
    return {
      claim,
      cue: {
        ...spanOf(text, s.start + rebuttal.index, s.start + rebuttal.index + rebuttal[0].length),
        kind: 'rebuttal'
      }
    }
  const judgment = ESTIMATIVE.exec(sentenceText)
  if (judgment)
    return {
      claim,
      cue: {
        ...spanOf(text, s.start + judgment.index, s.start + judgment.index + judgment[0].length),
        kind: 'estimative'
      }
    }
  const figure = quantities.find(countable)
  if (figure) return { claim, cue: { ...spanOf(text, figure.start, figure.end), kind: 'figure' } }
  return null
}

/**
 * A sentence that is only a caveat ("Newsweek could not independently verify this.") is about the claim
 * before it; one about figures ("either side's figures") is about the claims with figures before it in
 * its paragraph; one naming a speaker ("Ramm did not provide evidence") is about that speaker's claims.
 */
function attachCaveats(drafts: Draft[], caveats: Caveat[], s: Sentence, sentenceText: string): void {
  const inBlock = drafts.filter((d) => d.block === s.block)
  const pool = inBlock.length
    ? inBlock
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
  const targets =
    bySpeaker.length && !/^(the|a|an)\b/i.test(sentenceText)
      ? bySpeaker
      : CAVEAT_ABOUT_FIGURES.test(sentenceText) && withFigures.length
        ? withFigures
        : [pool.at(-1)!]
  for (const d of targets) d.caveats.push(...caveats)
}

/** One suggestion for a claim the same speaker repeats (a caption, a key takeaway): the longer one. */
function dedupe(drafts: Draft[]): Draft[] {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
  return drafts.filter((d, i) => {
    const mine = norm(d.claim.text)
    return !drafts.some((o, j) => {
      if (j === i || o.entity !== d.entity) return false
      const theirs = norm(o.claim.text)
      return theirs.includes(mine) && (theirs.length > mine.length || j < i)
    })
  })
}

function finish(drafts: Draft[], speakers: Speakers): Suggestion[] {
  return drafts.map((d, i) => {
    const e = d.entity
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
        entity: e?.id ?? 'publisher',
        name: e?.name ?? speakers.publisherName() ?? '',
        aliases: e ? e.aliases.filter((a) => a !== e.name) : [],
        kind: e?.kind ?? 'outlet',
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
