// Labelled turns: transcripts, interviews and hearing records, where a paragraph opens with its
// speaker's label ("MINISTER HALE:", "Q:", "Q (ANNA BERG, CITY PAPER):", "Jon Ash (Daily Post):") and
// no reporting verb says who speaks. The label is the attribution: each assertion in the turn is the
// speaker's, "I" and "we" in it are the speaker (or the body the label says they speak for), and what a
// questioner puts to the speaker from someone else is that someone's claim, relayed by the questioner.
import { isReportingLemma, ORGANIZATION_WORDS, OUTLET_WORDS, ROLE_NOUNS, TITLES } from './lexicon'
import type { Sentence, Token } from './nlp'
import { profile, type Entity, type Profile, type Speakers } from './speakers'
import { trimClaim } from './attribution'
import type { Caveat, Cue, Quantity, Relay, SpeakerResolution, Span } from '../../shared/analysis'

/** A claim as the document pass drafts it (suggest.ts's drafts add what only it needs). */
export interface TurnDraft {
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

type Who = Pick<TurnDraft, 'entity' | 'mention' | 'resolution' | 'via'>

/**
 * "NAME:", "NAME (AFFILIATION):", "Q (NAME, AFFILIATION):" at the start of a paragraph, with speech after
 * the colon on the same line.
 */
const LABEL = /^([^\s:()[\]][^:()[\]\n]{0,40}?)\s*(?:\(([^()\n]{1,80})\))?\s*:[ \t]+(?=\S)/u
/** The questioner's and answerer's labels of an interview or a hearing. */
const ASKER = /^(?:q|question)$/i
const ANSWERER = /^(?:a|answer)$/i
/** Roles whose turns put questions (their own declaratives are the premises of a question). */
const ASKING_ROLES = new Set([
  'interviewer',
  'questioner',
  'reporter',
  'journalist',
  'correspondent',
  'host',
  'presenter',
  'moderator',
  'anchor',
  'chair',
  'chairman',
  'chairwoman',
  'chairperson',
  'counsel'
])
/** A document's apparatus, not a speaker: "UPDATE:", "EDITOR'S NOTE:", "TRANSCRIPT:". */
const APPARATUS =
  /^(?:transcript|interview|present|attending|participants|speakers|witnesses|panel|location|venue|date|time|exclusive|explainer|opinion|analysis|profile|note|notes|editor'?s note|update|updated|correction|corrections|clarification|source|sources|background|summary|breaking|photo|caption|credit|warning|disclaimer|read more|see also|related|contents|key points|key takeaways|excerpt|excerpts|full text|video|audio|listen|watch|tags?|topics?)$/i
const ALL_CAPS_WORD = /^[\p{Lu}][\p{Lu}\p{N}.'’&-]*$/u
const TITLE_WORD = /^[\p{Lu}][\p{L}.'’-]*$/u
/** A word an address to the other party is made of: "Minister, ...", "Sir, ...". */
const ADDRESS_WORDS = new Set(['sir', 'madam', "ma'am", 'madame', 'everyone', 'all'])
/** Modal and future auxiliaries: plans, offers, conditions and hedges, not accounts ("ca", "wo": can't, won't). */
const MODAL = new Set([
  'will',
  "'ll",
  'would',
  "'d",
  'shall',
  'should',
  'may',
  'might',
  'must',
  'can',
  'ca',
  'could',
  'wo'
])
/** What a speaker does in saying or knowing, not what happened: "I've seen that story", "we told them". */
const MENTAL_OR_VERBAL = new Set(
  (
    'know think believe understand expect hope want wish mean feel say tell ask answer ' +
    'regret try note stress repeat comment speak discuss explain mention suggest accept agree disagree recognise ' +
    'recognize remember recall doubt'
  ).split(' ')
)
/** Verbs of knowing and wanting: with a figure still the speaker's stance ("I expect 40 more"). */
const COGNITION = new Set('know think believe understand expect hope want wish mean feel doubt'.split(' '))
/** "I saw three fires" is an account, "I've seen that story" an experience of the speaker's. */
const PERCEPTION = new Set(['see', 'hear', 'read', 'watch', 'notice'])
/** Verbs that give an account beyond the reporting verbs: "declared the site safe", "listed it as ...". */
const DECLARING = new Set(
  'declare announce confirm estimate report state repeat list record publish post write claim insist allege put'.split(
    ' '
  )
)
/** "The fire service passed that to me": a giver of what the speaker just said. */
const PASS_VERBS = new Set(['pass', 'give', 'send', 'relay', 'provide', 'forward', 'tell', 'brief', 'report'])
const DEMONSTRATIVES = new Set(['that', 'this', 'these', 'those', 'it'])
const FIRST_PERSON = new Set(['i', 'me', 'my', 'mine', 'myself', 'we', 'us', 'our', 'ours', 'ourselves'])
const SECOND_PERSON = new Set(['you', 'your', 'yours', 'yourself', 'yourselves'])

const titleCase = (s: string) =>
  s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, before: string, c: string) => before + c.toUpperCase())
const isVerb = (t: Token) => t.pos === 'VERB' || t.pos === 'AUX'

interface Party {
  /** The name or role as written in the label. */
  mention: Span
  profile: Profile
}

/** A label's fuller form in the text, and what it says of the speaker. */
interface FullName {
  tokens: Token[]
  profile: Profile
}

interface Label {
  block: number
  /** Where the turn's speech begins, after the label and its colon. */
  body: number
  /** The label as written, colon included: the cue of the turn's claims. */
  span: Span
  key: string
  speaker: Party | null
  /** The body the speaker speaks for ("Q (ANNA BERG, CITY PAPER)": the City Paper). */
  affiliation: Party | null
  asks: boolean
  /** The turn before asked for a figure ("How many ...?"), which a bare one may answer ("About 4,000."). */
  answersCount?: boolean
}

function spanAt(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) }
}

function partyOf(text: string, start: number, written: string, kind: Profile['kind']): Party {
  const name = titleCase(written.trim())
  const words = name
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
  const p: Profile = {
    name,
    aliases: [],
    kind,
    form: 'named',
    head: words.at(-1) ?? '',
    words: new Set(words),
    indefinite: false,
    ...(kind === 'person' ? { surname: words.at(-1) } : {})
  }
  return { mention: spanAt(text, start, start + written.trim().length), profile: p }
}

/** Reads one paragraph's label, or null when the paragraph does not open with one. */
function labelOf(text: string, block: { start: number; end: number }, index: number): Label | null {
  const paragraph = text.slice(block.start, block.end)
  const m = LABEL.exec(paragraph)
  // "Interview: Ana Berg, head of the water board": a title, not speech, which ends as a sentence does.
  if (!m || !/[.!?…"”’)\]–—-]\s*$/u.test(paragraph)) return null
  const head = m[1].trim()
  const paren = m[2]?.trim()
  const words = head.split(/\s+/)
  const asker = ASKER.test(head)
  const answerer = ANSWERER.test(head)
  const caps = words.length <= 5 && words.every((w) => ALL_CAPS_WORD.test(w)) && /\p{Lu}{2}/u.test(head)
  const titled = words.length <= 4 && words.every((w) => TITLE_WORD.test(w))
  if (APPARATUS.test(head) || !(asker || answerer || caps || titled)) return null
  const at = (piece: string, from: number) => block.start + m[0].indexOf(piece, from)
  // "Q (ANNA BERG, CITY PAPER)": a name, then what the person speaks for; a role or a body alone is no name.
  // "(continuing)", "(through an interpreter)": a stage direction, not a name.
  const items = (paren ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter((x) => /\p{Lu}/u.test(x))
  const isRole = (w: string) => {
    const last = w.toLowerCase().split(/\s+/).at(-1)!.replace(/\.$/, '')
    return ROLE_NOUNS.has(last) || ASKING_ROLES.has(last)
  }
  const isBody = (w: string) => /^the\s/i.test(w) || OUTLET_WORDS.test(w) || ORGANIZATION_WORDS.test(w)
  const headIsName = !asker && !answerer && !isRole(head) && !isBody(head)
  const personItem = !headIsName ? items.find((w) => w && !isRole(w) && !isBody(w)) : undefined
  // "COURIER:", "THE PORT AUTHORITY:": a body speaks; an outlet's turns are an interview's questions.
  const headIsBody = !asker && !answerer && !isRole(head) && isBody(head)
  const bodyItem = headIsBody ? head : items.find((w) => w && w !== personItem && !isRole(w))
  const roles = [head, ...items].map((w) => w.toLowerCase().split(/\s+/).at(-1)!)
  // "Jon Ash (Daily Post):": a journalist, who asks.
  const asks = asker || roles.some((w) => ASKING_ROLES.has(w)) || (!!bodyItem && OUTLET_WORDS.test(bodyItem))
  const bodyKind = asks || (bodyItem && OUTLET_WORDS.test(bodyItem)) ? 'outlet' : 'organization'
  const parenStart = paren ? m[0].indexOf('(') : 0
  const speaker = headIsName
    ? partyOf(text, at(head, 0), head, 'person')
    : personItem
      ? partyOf(text, at(personItem, parenStart), personItem, 'person')
      : null
  const body = bodyItem ? partyOf(text, at(bodyItem, headIsBody ? 0 : parenStart), bodyItem, bodyKind) : null
  const key = (speaker?.profile.surname ?? head.toLowerCase()).replace(/\.$/, '')
  const colon = m[0].lastIndexOf(':')
  return {
    block: index,
    body: block.start + m[0].length,
    span: spanAt(text, block.start, block.start + colon + 1),
    key,
    speaker,
    affiliation: body,
    asks
  }
}

/**
 * A label's fuller form where the text gives one ("Defence Minister Ana Hale" for "MINISTER HALE"), as
 * tokens of the sentence it is in: the longest run of capitalised words ending in the surname.
 */
function fullForm(sentences: Sentence[], surname: string): Token[] | null {
  const word = surname.charAt(0).toUpperCase() + surname.slice(1)
  let best: Token[] | null = null
  for (const s of sentences) {
    const toks = s.tokens
    toks.forEach((t, i) => {
      if (t.text !== word) return
      let a = i
      while (a > 0 && /^\p{Lu}\p{Ll}/u.test(toks[a - 1].text) && toks[a - 1].pos !== 'DET' && i - a < 4) a--
      if (a < i && (!best || i - a + 1 > best.length)) best = toks.slice(a, i + 1)
    })
  }
  return best && (best as Token[]).length >= 2 ? best : null
}

/** The turns of a document; none for ordinary prose. */
export class Transcript {
  /** The document's sentences, a turn's label and an opening address ("Minister, ...") taken out. */
  readonly sentences: Sentence[]
  private readonly turnOf = new Map<number, Turn>()

  constructor(text: string, blocks: readonly { start: number; end: number; kind?: string }[], sentences: Sentence[]) {
    const labels = blocks
      .map((b, i) => (b.kind === 'heading' ? null : labelOf(text, b, i)))
      .filter((l): l is Label => !!l)
    // Turn-taking: several labelled paragraphs, two speakers at least, one of them speaking again, and
    // speech in them (a question, "I", "we", "you"), unlike a digest's place or topic labels.
    const counts = new Map<string, number>()
    for (const l of labels) counts.set(l.key, (counts.get(l.key) ?? 0) + 1)
    const speech = labels.some((l) => {
      const said = text.slice(l.body, blocks[l.block].end)
      return /\?|\bI\b/.test(said) || /\b(?:we|you)\b/i.test(said)
    })
    const dialogue = speech && labels.length >= 3 && counts.size >= 2 && [...counts.values()].some((n) => n >= 2)
    if (!dialogue) {
      this.sentences = sentences
      return
    }
    const first = labels[0].block
    // Paragraphs after the last label are the publisher's again (a closing note, the article going on).
    const last = labels.at(-1)!.block
    const people = new Map<string, Label>()
    // "Korhel took further questions:": the one an unnamed answerer ("A:") is, named just before the turns.
    const before = sentences.filter((s) => s.block < first && blocks[s.block]?.kind !== 'heading').at(-1)
    const verb = before ? before.tokens.findIndex(isVerb) : -1
    const introduced = before && verb > 0 ? before.tokens.slice(0, verb) : null
    const turns: Turn[] = []
    const names = new Map<string, FullName | null>()
    const fullName = (surname: string) => {
      if (!names.has(surname)) {
        const tokens = fullForm(sentences, surname)
        names.set(surname, tokens ? { tokens, profile: profile(tokens, text) } : null)
      }
      return names.get(surname)!
    }
    const labelAt = new Map(labels.map((l) => [l.block, l]))
    const turnOfBlock: (Turn | null)[] = []
    let current: Turn | null = null
    blocks.forEach((b, i) => {
      const label = labelAt.get(i)
      const inserted = /^\s*\[[^]*\]\s*$/.test(text.slice(b.start, b.end))
      if (label) {
        // "Q (BERG)": the same person named in full before, with what they speak for.
        const before = people.get(label.key)
        if (before && !label.affiliation) label.affiliation = before.affiliation
        if (before?.speaker && label.speaker && before.speaker.profile.words.size > label.speaker.profile.words.size)
          label.speaker = { mention: label.speaker.mention, profile: before.speaker.profile }
        people.set(label.key, label)
        // "QUIST:" after "Presenter Ada Quist": the role the fuller name gives asks.
        const surname = label.speaker?.profile.surname
        if (surname && fullName(surname)?.tokens.some((t) => ASKING_ROLES.has(t.lower))) label.asks = true
        const prior = labels[labels.indexOf(label) - 1]
        const asked = prior ? text.slice(prior.body, b.start).trim() : ''
        label.answersCount = /\b(?:how\s+many|how\s+much|what)\b[^.!?]*\?["”’]?$/i.test(asked)
        current = new Turn(text, label, fullName, turns, introduced)
        turns.push(current)
      } else if (b.kind === 'heading' || i < first || i > last) current = null
      // "[Inaudible.]", "[The minister showed a map.]": the publisher's note inside the record, no one's turn.
      turnOfBlock[i] = inserted ? null : current
    })
    sentences.forEach((s, si) => {
      const turn = turnOfBlock[s.block]
      if (turn) this.turnOf.set(si, turn)
    })
    // The words of every speaker's name or role, as labels and fuller names give them ("Harbour Master").
    const named = new Set(
      turns.flatMap((t) => {
        const p = t.label.speaker?.profile
        return p ? [...p.words, ...(fullName(p.surname ?? p.head)?.tokens.map((x) => x.lower) ?? [])] : []
      })
    )
    this.sentences = sentences.map((s, si) => this.turnOf.get(si)?.spoken(s, named) ?? s)
  }

  turnAt(si: number): Turn | undefined {
    return this.turnOf.get(si)
  }
}

export class Turn {
  private who: Who | null = null
  private ownBody: Who | null = null
  /** The speaker of a label that names no one ("Q:"), who relays nothing. */
  private unnamed: Entity | null = null

  constructor(
    private readonly text: string,
    readonly label: Label,
    private readonly fullName: (surname: string) => FullName | null,
    private readonly turns: Turn[],
    private readonly introduced: Token[] | null
  ) {}

  /** The sentence without the label and without an opening address to the other party. */
  spoken(s: Sentence, named: Set<string>): Sentence {
    let toks = s.tokens.filter((t) => t.start >= this.label.body)
    const comma = toks.findIndex((t) => t.text === ',')
    const addresses = (t: Token) => {
      const w = t.lower.replace(/\.$/, '')
      return /^\p{Lu}/u.test(t.text) && (TITLES.has(w) || ADDRESS_WORDS.has(w) || named.has(w))
    }
    const addressed = comma > 0 && comma <= 3 && toks.slice(0, comma).every(addresses)
    if (addressed && toks.length > comma + 2) toks = toks.slice(comma + 1)
    if (!toks.length || toks === s.tokens) return s
    return { ...s, start: toks[0].start, tokens: toks }
  }

  /** The turn's speaker, resolved once per turn. */
  speaker(speakers: Speakers): Who {
    if (this.who) return this.who
    const { label } = this
    const at = label.span.start
    let p = label.speaker?.profile
    if (label.speaker && p) {
      const fuller = this.fullName(p.surname ?? p.head)?.profile
      if (fuller && fuller.kind === 'person' && fuller.surname === p.surname) p = withoutRole(fuller)
      const { entity, resolution } = speakers.resolve(p, label.speaker.mention, at)
      this.who = { entity, mention: label.speaker.mention, resolution, via: [] }
    } else if (label.affiliation) {
      // "REPORTER (CITY PAPER):": the paper speaks through an unnamed reporter.
      const { entity, resolution } = speakers.resolve(label.affiliation.profile, label.affiliation.mention, at)
      this.who = { entity, mention: label.affiliation.mention, resolution, via: [] }
    } else if (ANSWERER.test(label.key) && this.introducedPerson(speakers)) {
      this.who = this.introducedPerson(speakers)!
    } else if (this.turns.some((t) => t.who && t.label.key === label.key)) {
      // "THE CHAIR:" again: the same one, not someone new each turn.
      const earlier = this.turns.find((t) => t.who && t.label.key === label.key)!.who!
      this.who = { ...earlier, mention: spanAt(this.text, at, at + label.span.text.length - 1) }
    } else if (this.rolePerson(speakers)) {
      this.who = this.rolePerson(speakers)!
    } else {
      const role = label.span.text.replace(/:$/, '').trim()
      const anonymous: Profile = {
        name: ASKER.test(role) ? 'Questioner' : ANSWERER.test(role) ? 'Interviewee' : titleCase(role),
        aliases: [],
        kind: 'anonymous',
        form: 'generic',
        head: role.toLowerCase(),
        words: new Set([role.toLowerCase()]),
        indefinite: false
      }
      const { entity, resolution } = speakers.resolve(anonymous, spanAt(this.text, at, at + role.length), at)
      this.who = { entity, mention: spanAt(this.text, at, at + role.length), resolution, via: [] }
      this.unnamed = entity
    }
    return this.who
  }

  /** The person named as the subject of the sentence before the turns, when the text knows them as a person. */
  private introducedPerson(speakers: Speakers): Who | null {
    const tokens = this.introduced
    if (!tokens?.length || tokens.some((t) => t.pos === 'PRON')) return null
    const p = profile(tokens, this.text)
    if (p.kind !== 'person' && !p.bare) return null
    const mention = spanAt(this.text, tokens[0].start, tokens.at(-1)!.end)
    const { entity, resolution } = speakers.resolve(p, mention, this.label.span.start)
    return entity.kind === 'person' ? { entity, mention, resolution, via: [] } : null
  }

  /** "THE CHAIR:" where the text names "Chair Lotte Brink": the person who holds the role. */
  private rolePerson(speakers: Speakers): Who | null {
    const role = this.label.key.split(/\s+/).at(-1)!.replace(/\.$/, '')
    if (!/^\p{L}{3,}$/u.test(role)) return null
    const cap = role.charAt(0).toUpperCase()
    const named = new RegExp(
      `(?<!\\p{L})[${cap}${role.charAt(0)}]${role.slice(1)}\\s+((?:\\p{Lu}[\\p{L}.'’-]*\\s+){0,2}\\p{Lu}[\\p{L}'’-]+)`,
      'u'
    ).exec(this.text)
    if (!named) return null
    const start = named.index + named[0].length - named[1].length
    const tokens = this.fullName(named[1].split(/\s+/).at(-1)!.toLowerCase())?.tokens
    const p = tokens ? profile(tokens, this.text) : null
    if (!p || p.kind !== 'person' || !tokens!.some((t) => t.start >= start)) return null
    const mention = spanAt(this.text, this.label.span.start, this.label.span.end - 1)
    const { entity, resolution } = speakers.resolve(withoutRole(p), mention, mention.start)
    return { entity, mention, resolution, via: [] }
  }

  /** "we", "our reporters": the body the label says the speaker speaks for, or the speaker. */
  private body(speakers: Speakers): Who {
    if (this.ownBody) return this.ownBody
    const b = this.label.affiliation
    if (!b || !this.label.speaker) return this.speaker(speakers)
    const entity = speakers.relay(b.profile, b.mention, this.label.span.start)
    this.ownBody = { entity, mention: b.mention, resolution: 'named', via: [] }
    return this.ownBody
  }

  private relayOf(who: Who): Relay | null {
    // A bare "Q:" names no one to relay through.
    if (!who.entity || !who.mention || this.turns.some((t) => t.unnamed === who.entity)) return null
    return { mention: who.mention, name: who.entity.name, kind: who.entity.kind, sourceId: who.entity.sourceId }
  }

  /**
   * A frame's speaker who is a party to the conversation: "I" and "we" are the turn's speaker (or the
   * body they speak for), "you" the other party. Null for anyone else.
   */
  pronoun(tokens: Token[], speakers: Speakers): Who | null {
    const mention = spanAt(this.text, tokens[0].start, tokens.at(-1)!.end)
    const first = tokens[0].lower
    if (tokens.length === 1 && ['i', 'me'].includes(first)) return { ...this.speaker(speakers), mention }
    if (FIRST_PERSON.has(first) && (tokens.length === 1 || tokens.every((t) => t.pos !== 'PROPN')))
      return { ...this.body(speakers), mention, resolution: 'pronoun' }
    if (SECOND_PERSON.has(first) && tokens.length === 1)
      return { entity: null, mention, resolution: 'pronoun', via: [] }
    return null
  }

  /**
   * The claims of one sentence of the turn, given the frames' drafts (`made`): reported speech keeps its
   * speaker and gains the turn's speaker as a relay; what is put back to the other party ("You said
   * ...") is theirs already. With no frame: a third party's account in the turn ("The coastguard
   * declared the area safe", "Her office repeated the figure ...") is that party's, relayed by the turn's
   * speaker; in an answer, "I can tell you that X" gives X, and an assertion is the speaker's own.
   */
  claims(
    made: TurnDraft[],
    s: Sentence,
    si: number,
    quantities: Quantity[],
    speakers: Speakers,
    drafts: TurnDraft[]
  ): TurnDraft[] {
    const me = this.speaker(speakers)
    const relay = this.relayOf(me)
    const out: TurnDraft[] = []
    for (const d of made) {
      // A turn has no publisher's voice; what is put back to the other party is theirs already.
      if (d.resolution === 'publisher' || (d.mention && personOf(d.mention.text) === 'second')) continue
      const via = d.via.map((r) => (personOf(r.mention.text) === 'first' ? this.ownRelay(speakers, r) : r))
      // "told our reporters", "told me": an audience on the turn's side is its relay.
      const ours = this.relayOf(this.body(speakers))
      // "The Ledger spoke to a registrar, who said ...", "We asked the port, which said ...": the turn's side relays.
      const toUs =
        (d.cue.end < d.claim.start && personOf(this.text.slice(d.cue.end, d.cue.end + 40).trimStart()) === 'first') ||
        (d.entity !== null && this.isUs(subjectBefore(s.tokens, verbAt(s.tokens)), d))
      if (toUs && ours && !via.some((r) => r.name === ours.name)) via.unshift(ours)
      const own = d.entity === me.entity || d.entity === this.ownBody?.entity
      if (!own && relay && !via.some((r) => r.name === relay.name)) via.push(relay)
      out.push({ ...d, via })
    }
    if (made.length || question(this.text, s)) return out
    const draft = (claim: { start: number; end: number }, who: Who): TurnDraft => ({
      ...who,
      claim: spanAt(this.text, claim.start, claim.end),
      cue: { ...this.label.span, kind: 'turn' },
      quantities: quantities.filter((q) => q.start >= claim.start && q.end <= claim.end),
      caveats: [],
      sentence: si,
      block: s.block
    })
    const toks = s.tokens
    let v = verbAt(toks)
    if (v === -1) {
      // "About 4,000, down from 12,000." answering "How many ...?": the figure is the speaker's.
      const bare = this.label.answersCount && !this.label.asks && s.start <= this.label.body + 1
      const counts = toks.some((t) => t.pos === 'NUM' && !/DATE|TIME/.test(t.entity ?? ''))
      if (bare && counts) out.push(draft(trimClaim(this.text, { start: s.start, end: s.end }), me))
      return out
    }
    // "Engineers we spoke to said ...": a clause after the subject's noun, the sentence's verb after it.
    let subjectEnd = v
    if (
      v >= 2 &&
      toks[v - 1].pos === 'PRON' &&
      personOf(toks[v - 1].text) &&
      /^(?:NOUN|PROPN)$/.test(toks[v - 2].pos)
    ) {
      const next = verbAt(toks.slice(v + 1))
      if (next !== -1) [subjectEnd, v] = [v - 1, v + 1 + next]
    }
    const subject = subjectBefore(toks, subjectEnd)
    const party = this.party(subject, speakers)
    const main = mainVerb(toks, v)
    if (party && party.entity !== me.entity && (this.label.asks || saying(toks[main])) && !modal(toks, v)) {
      // What was said when a clause follows ("estimates there were ..."), else from the verb on, as a
      // figure given is ("repeated 2,000 in a written statement").
      let from = saying(toks[main]) && clauseAfter(toks, main) ? main + 1 : v
      while (toks[from] && (toks[from].lower === 'that' || personOf(toks[from].text))) from++
      if (toks[from]) {
        const claim = trimClaim(this.text, { start: toks[from].start, end: s.end })
        out.push(draft(claim, { ...party, via: relay ? [relay] : [] }))
      }
      return out
    }
    if (this.label.asks || this.giver(s, v, subject, speakers, drafts, si)) return out
    // "I regret to tell you that three people were killed": what the speaker tells is theirs.
    const that = toks.findIndex((t, i) => i > v && t.lower === 'that' && saying(toks[i - 1], toks[i - 2]))
    if (subject.length === 1 && personOf(subject[0].text) === 'first' && that !== -1 && toks[that + 1]) {
      out.push(draft(trimClaim(this.text, { start: toks[that + 1].start, end: s.end }), me))
      return out
    }
    if (!asserts(toks, v, subject, quantities.length > 0)) return out
    const claim = trimClaim(this.text, { start: s.start, end: s.end })
    // "That was between 600 and 800 people": a demonstrative subject, not a complementiser.
    out.push(draft({ start: s.start, end: claim.end }, me))
    return out
  }

  /** The sentence's subject is the turn's side ("we", the questioner's outlet), not the frame's speaker. */
  private isUs(subject: Token[], d: TurnDraft): boolean {
    if (!subject.length || (d.mention && d.mention.start <= subject[0].start)) return false
    if (subject.length === 1 && personOf(subject[0].text) === 'first') return true
    const words = this.label.affiliation?.profile.words
    const own = subject.filter((t) => /\p{L}/u.test(t.text)).map((t) => t.lower)
    return !!words && own.length > 0 && own.every((w) => words.has(w))
  }

  /** A third party as a sentence's subject, when it can speak: a person, a body, a record or a role. */
  private party(subject: Token[], speakers: Speakers): Who | null {
    const head = subject.at(-1)
    if (!head || head.pos === 'PRON' || DEMONSTRATIVES.has(head.lower)) return null
    // "our sources", "your figure": the parties' own; "your ministry's papers" are the ministry's.
    if (personOf(subject[0].text) && !subject.some((t) => t.lower === "'s")) return null
    const mention = spanAt(this.text, subject[0].start, head.end)
    let p = profile(subject, this.text)
    // "Orbis's caption", "the agency's figure": whose it is speaks.
    const owner = subject.findIndex((t) => t.lower === "'s")
    if (p.kind === 'anonymous' && owner > 0 && /^\p{Lu}/u.test(subject[owner - 1].text))
      p = profile(subject.slice(0, owner), this.text)
    const speaks =
      ['person', 'organization', 'outlet', 'document'].includes(p.kind) ||
      (p.kind === 'anonymous' && ROLE_NOUNS.has(p.head))
    if (!speaks || p.unattributed || p.form === 'pronoun') return null
    const { entity, resolution } = speakers.resolve(p, mention, mention.start)
    return { entity, mention, resolution, via: [] }
  }

  private ownRelay(speakers: Speakers, r: Relay): Relay {
    return this.relayOf(this.body(speakers)) ?? r
  }

  /**
   * "The emergency service passed that to me ...": the speaker's claim just before came from the giver,
   * who becomes its speaker, the turn's speaker its relay; the sentence itself is no claim.
   */
  private giver(
    s: Sentence,
    v: number,
    subject: Token[],
    speakers: Speakers,
    drafts: TurnDraft[],
    si: number
  ): boolean {
    const verb = s.tokens[v]
    const after = s.tokens.slice(v + 1, v + 4).map((t) => t.lower)
    const toMe =
      after[0] === 'me' ||
      after[0] === 'us' ||
      (DEMONSTRATIVES.has(after[0]) && after[1] === 'to' && ['me', 'us'].includes(after[2]))
    const given = DEMONSTRATIVES.has(after[0]) || DEMONSTRATIVES.has(after[1])
    if (!PASS_VERBS.has(verb.lemma) || !toMe || !given || !subject.length) return false
    if (subject.some((t) => FIRST_PERSON.has(t.lower) || SECOND_PERSON.has(t.lower) || t.pos === 'PRON')) return false
    const me = this.who
    const prev = drafts.at(-1)
    if (!prev || !me || prev.entity !== me.entity || prev.sentence !== si - 1 || prev.block !== s.block) return false
    const mention = spanAt(this.text, subject[0].start, subject.at(-1)!.end)
    const { entity, resolution } = speakers.resolve(profile(subject, this.text), mention, mention.start)
    const relay = this.relayOf(me)
    Object.assign(prev, { entity, mention, resolution, via: relay ? [relay] : [] })
    return true
  }
}

const isRoleWord = (w: string) => ROLE_NOUNS.has(w.toLowerCase()) || ASKING_ROLES.has(w.toLowerCase())

/** "Presenter Ada Quist", "Chair Lotte Brink": the role is no part of the name. */
function withoutRole(p: Profile): Profile {
  const words = p.name.split(' ')
  const role = words.findIndex((w) => !isRoleWord(w))
  return role > 0 ? { ...p, name: words.slice(role).join(' ') } : p
}

/** "I", "we", "our" are the speaker's side; "you", "your" the other party's ("I'm", "you'd" included). */
function personOf(word: string): 'first' | 'second' | null {
  const w = word
    .toLowerCase()
    .replace(/['’].*$/, '')
    .split(/\s+/)[0]
  return FIRST_PERSON.has(w) ? 'first' : SECOND_PERSON.has(w) ? 'second' : null
}

/** A verb of saying, declaring or recording ("said", "declared", "listed", "estimates"). */
function saying(t: Token, before?: Token): boolean {
  if (before && t.pos === 'PRON') return saying(before)
  return isReportingLemma(t.lemma) || DECLARING.has(t.lemma)
}

/**
 * The sentence's first verb. wink may read a present-tense verb after its subject as a plural noun
 * ("The operator estimates there were ..."): a verb of saying between a noun and a clause is the verb.
 */
function verbAt(tokens: Token[]): number {
  return tokens.findIndex(
    (t, i) =>
      isVerb(t) ||
      (t.pos === 'NOUN' &&
        /s$/.test(t.lower) &&
        saying(t) &&
        i > 0 &&
        ['NOUN', 'PROPN'].includes(tokens[i - 1].pos) &&
        ['PRON', 'DET', 'SCONJ', 'NUM'].includes(tokens[i + 1]?.pos ?? ''))
  )
}

/** The main verb of the verb group at `v` ("are claiming": "claiming"). */
function mainVerb(tokens: Token[], v: number): number {
  let i = v
  while (tokens[i + 1] && tokens[i].pos === 'AUX' && ['AUX', 'VERB', 'PART', 'ADV'].includes(tokens[i + 1].pos)) i++
  return i
}

/** A clause after the verb at `v`: "that", or a verb before the next comma ("estimates there were ..."). */
function clauseAfter(tokens: Token[], v: number): boolean {
  if (tokens[v + 1]?.lower === 'that') return true
  for (let i = v + 2; i < tokens.length && tokens[i].text !== ','; i++) if (isVerb(tokens[i])) return true
  return false
}

function question(text: string, s: Sentence): boolean {
  return /\?["”’]?\s*$/.test(text.slice(s.start, s.end))
}

/** The subject before the verb at `v`: the words after the last comma before it ("With respect, those officers"). */
function subjectBefore(tokens: Token[], v: number): Token[] {
  let a = v
  while (a > 0 && tokens[a - 1].text !== ',') a--
  return tokens.slice(a, v).filter((t) => t.pos !== 'PUNCT')
}

/** A modal or "going to" in the verb group at `v`. */
function modal(tokens: Token[], v: number): boolean {
  for (let i = v; i < tokens.length && (isVerb(tokens[i]) || ['PART', 'ADV'].includes(tokens[i].pos)); i++) {
    if (MODAL.has(tokens[i].lower)) return true
    if (tokens[i].lower === 'going' && tokens[i + 1]?.lower === 'to') return true
    if (tokens[i].pos === 'VERB' && tokens[i].lower !== 'going') break
  }
  return false
}

/** The verb group at `v` tells what happened: a past tense or a perfect. */
function past(tokens: Token[], v: number): boolean {
  for (let i = v; i < tokens.length && (isVerb(tokens[i]) || ['PART', 'ADV'].includes(tokens[i].pos)); i++) {
    const t = tokens[i]
    if (['was', 'were', 'did', 'had'].includes(t.lower)) return true
    // "I don't recognise", "we are looking": the present.
    if (['do', 'does', 'am', 'is', 'are', "'m", "'re"].includes(t.lower)) return false
    if (t.lemma === 'be' || /['’]/.test(t.lower)) continue
    if (['has', 'have', "'ve"].includes(t.lower) && tokens.slice(i + 1).some((x) => x.pos === 'VERB')) return true
    if (t.pos === 'VERB') return t.lower !== t.lemma && !/(?:s|ing)$/.test(t.lower)
  }
  return false
}

/**
 * An answer's sentence that asserts something: a statement with a subject and a verb, not a condition,
 * a plan, an offer or a hedge (a modal), not about the other party ("you"), and not the speaker's own
 * stance ("I've seen that story", "I stand by it", "That is false"): "I" and "we" assert what they did.
 * An imperative asserts only a figure ("Call it 89 percent").
 */
function asserts(tokens: Token[], v: number, subject: Token[], figures: boolean): boolean {
  // "It was.", "It could.": a bare confirmation says nothing the question did not.
  if (['if', 'unless'].includes(tokens[0].lower) || tokens.filter((t) => /\p{L}|\d/u.test(t.text)).length < 3)
    return false
  if (v === 0 || !subject.length) return figures && tokens[0].pos === 'VERB'
  if (modal(tokens, v)) return false
  const head = subject.at(-1)!
  if (subject.length === 1 && personOf(head.text) === 'second') return false
  if (subject.length === 1 && personOf(head.text) === 'first') {
    // "We have 340 staff there": "have" with no verb after it is the verb, and a count is an account.
    const having = tokens[v].lemma === 'have' && !isVerb(tokens[v + 1] ?? tokens[v]) && tokens[v + 1]?.pos !== 'PART'
    const main = having ? tokens[v] : tokens.slice(v).find((t) => t.pos === 'VERB')
    const perfect = tokens.slice(v, main ? tokens.indexOf(main) : v).some((t) => t.lemma === 'have')
    // "We have asked three times": a counted act of asking or writing is an account, not a stance.
    const counted = figures && !!main && !COGNITION.has(main.lemma)
    return (
      (past(tokens, v) || (having && figures)) &&
      !!main &&
      (!MENTAL_OR_VERBAL.has(main.lemma) || counted) &&
      !(perfect && PERCEPTION.has(main.lemma))
    )
  }
  // "That is false", "That's not my understanding", "That is a matter for the ministry": a verdict on
  // what was said.
  if (subject.length === 1 && ['that', 'this'].includes(head.lower) && tokens[v].lemma === 'be')
    return tokens.slice(v + 1).some((t) => ['VERB', 'NUM', 'PROPN'].includes(t.pos))
  return true
}
