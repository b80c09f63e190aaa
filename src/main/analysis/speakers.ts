// Who a speaker phrase names: a proposed source name, aliases and kind ("Kyiv's top soldier, General
// Oleksandr Syrskyi" is the person Oleksandr Syrskyi), and which earlier speaker a later mention is
// ("Syrskyi", "he", "the source", "the think tank"), and which existing source the speaker is.
import { findSpeakerSource, normName } from '../../shared/source-names'
import type { Source, SourceKind } from '../../shared/model'
import {
  DOCUMENT_HEADS,
  GENERIC_BODIES,
  GENERIC_OUTLETS,
  ORGANIZATION_WORDS,
  OUTLET_WORDS,
  OWN_MEDIUM,
  POSSESSIVE_PRONOUNS,
  POST_NOMINALS,
  PRONOUNS,
  RAW_RECORDS,
  RECKONING_NOUNS,
  ROLE_NOUNS,
  TITLES
} from './lexicon'
import type { Token } from './nlp'
import type { SpeakerResolution, Span } from '../../shared/analysis'

export interface Profile {
  name: string
  aliases: string[]
  kind: SourceKind
  form: 'pronoun' | 'definite' | 'named' | 'generic'
  /** The head noun, lower-case: "source" for "the source", "tank" for "the think tank". */
  head: string
  /** Lower-case words of the phrase and its acronyms, for matching later mentions. */
  words: Set<string>
  /** The person's surname, for persons. */
  surname?: string
  indefinite: boolean
  /** "Reports have indicated": a record no one is named behind; the claim gets no speaker. */
  unattributed?: boolean
  /** One bare capitalised word ("Ukraine", "Petrak"): taken for an organisation unless it is a known person's surname. */
  bare?: boolean
  /** The head names several ("two officials", "residents", "people"): never "he" or "she". */
  plural?: boolean
  /** "Her brother": a relative, whom a later "he" may be. */
  gender?: 'f' | 'm'
}

/** Records that stand for no one in particular when nothing says whose they are ("reports say"). */
const HEARSAY_RECORDS = new Set(['reports', 'assessments'])
/** Verbs by which a body puts out a record ("figures the ministry published"). */
const PUBLISHING_VERBS = new Set(['release', 'publish', 'issue', 'compile', 'collect', 'provide', 'gather'])
const QUANTIFIERS = new Set(['some', 'several', 'many', 'other', 'multiple', 'numerous', 'various'])

/** Records with an author: "data from X" is X speaking. */
const SEEING = new Set(['seen', 'reviewed', 'obtained', 'examined'])
const AUTHORED = new Set([
  'data',
  'figures',
  'report',
  'reports',
  'article',
  'story',
  'statement',
  'records',
  'analysis',
  'study',
  'survey',
  'assessment',
  'assessments'
])
const GENDER: Record<string, 'f' | 'm'> = { she: 'f', he: 'm' }
const CARRIED_BY = /\b(?:attached to|in|with|from)\s+(?:the|that|this)\s+(\p{L}+)$/iu
const PLURAL_HEADS = new Set(['people', 'police', 'staff', 'crew', 'media', 'personnel'])
const MINOR = new Set(['of', 'for', 'the', 'and', 'de', 'al', 'von', 'van', 'on', 'in'])
const POSSESSIVE_MARK = /^['’]s$/
const capitalised = (t: Token) => /^\p{Lu}/u.test(t.text) && t.pos !== 'DET' && t.pos !== 'PUNCT'
const singular = (w: string) => w.replace(/(?<=[^s])s$/, '').replace(/ie$/, 'y')
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
const textOf = (tokens: Token[], text: string) => (tokens.length ? text.slice(tokens[0].start, tokens.at(-1)!.end) : '')

function segments(tokens: Token[]): Token[][] {
  const out: Token[][] = [[]]
  for (const t of tokens) {
    if (t.text === ',') out.push([])
    else out.at(-1)!.push(t)
  }
  return out.filter((s) => s.length)
}

/** Capitalised runs ("Institute for the Study of War"), allowing minor words inside a run. */
function runs(tokens: Token[]): Token[][] {
  const out: Token[][] = []
  let run: Token[] = []
  tokens.forEach((t, i) => {
    if (run.at(-1) === t) return // the "the" of "for the", taken with it
    if (capitalised(t) && t.lower !== "'s") run.push(t)
    // "Kanal 9", "Radio 1": a short number closing a name is part of it.
    else if (run.length && /^\d{1,3}$/.test(t.text) && i === tokens.length - 1) run.push(t)
    else if (
      run.length &&
      /^['’]$/.test(t.text) &&
      /s$/.test(run.at(-1)!.text) &&
      tokens[i + 1] &&
      capitalised(tokens[i + 1])
    )
      run.push(t)
    else if (run.length && MINOR.has(t.lower) && tokens[i + 1] && capitalised(tokens[i + 1])) run.push(t)
    // "Institute for the Study of War", "Ministry of the Interior".
    else if (
      run.length &&
      ['of', 'for'].includes(t.lower) &&
      tokens[i + 1]?.lower === 'the' &&
      tokens[i + 2] &&
      capitalised(tokens[i + 2])
    )
      run.push(t, tokens[i + 1])
    else {
      if (run.length) out.push(run)
      run = []
    }
  })
  if (run.length) out.push(run)
  return out
}

/** The person's name at the end of a phrase: "Ukrainian President Volodymyr Zelensky" -> "Volodymyr Zelensky". */
function personName(whole: Token[], role: boolean): Token[] | null {
  let end = whole.length
  while (end > 1 && POST_NOMINALS.has(whole[end - 1].lower)) end--
  const segment = whole.slice(0, end)
  const last = segment.at(-1)
  if (!last || !capitalised(last) || /^[A-Z]{2,}$/.test(last.text)) return null
  let i = segment.length - 1
  while (
    i >= 0 &&
    capitalised(segment[i]) &&
    !TITLES.has(segment[i].lower) &&
    !ORGANIZATION_WORDS.test(segment[i].text)
  )
    i--
  const name = segment.slice(i + 1)
  if (name.length === 0 || name.length > 3) return null
  // "Ukraine said", "Norvania has said": one bare word is a surname only with a title before it or a
  // person's role after it ("Sorrel, a marine insurance broker").
  if (name.length === 1 && !role && !(segment[i] && TITLES.has(segment[i].lower))) return null
  // "the Red Crescent": a body's name of several words ("red cross", "think tank") is no person's.
  const written = name.map((t) => t.text).join(' ')
  if (OUTLET_WORDS.test(written) || ORGANIZATION_WORDS.test(written)) return null
  const before = segment[i]
  // "Residents of Tarsk": a place after "of"/"in", not a person.
  if (before && ['of', 'in', 'at', 'from', 'for'].includes(before.lower)) return null
  if (before && before.lower === "'s") return null
  // "the business weekly Kapital", "the aid group Frontline Water": what comes before says what it is.
  if (descriptorKind(before)) return null
  return name
}

/** The kind a lower-case word just before a name gives it ("the tabloid Ostrelan Voice"). */
function descriptorKind(t: Token | undefined): 'outlet' | 'organization' | null {
  if (!t || !/^\p{Ll}/u.test(t.text) || !['NOUN', 'ADJ'].includes(t.pos)) return null
  return OUTLET_WORDS.test(t.text) ? 'outlet' : ORGANIZATION_WORDS.test(t.text) ? 'organization' : null
}

function acronyms(tokens: Token[], text: string): string[] {
  const out: string[] = []
  const phrase = textOf(tokens, text)
  for (const m of phrase.matchAll(/\(([\p{Lu}][\p{L}]{1,7})\)/gu)) out.push(m[1])
  for (const r of runs(tokens)) {
    const initials = r.filter((t) => !MINOR.has(t.lower)).map((t) => t.text.charAt(0))
    if (initials.length >= 2) out.push(initials.join(''))
  }
  return out
}

const withoutAcronyms = (s: string) => s.replace(/\s*\([^()]*\)/g, '').trim()
const isParenthesised = (run: Token[], text: string) => text[run[0].start - 1] === '(' && text[run.at(-1)!.end] === ')'

/**
 * A mention of a named speaker as an alias: a name a reader would use. A parenthesised acronym (kept
 * apart), a leading article, an apposition ("Ukraine's Defense Minister, Rustem Umerov" is Rustem Umerov)
 * and, for a body, a description before its name ("U.S.-based think tank the Institute ...") go; a
 * person keeps a title ("Harbour master Jan Ostrow"). A description with no name in it ("the think
 * tank", "the Ministry", "the Minister") is no alias. Anonymous speakers have only descriptions, kept as
 * written.
 */
export function aliasOf(written: string, name: string, kind: SourceKind): string | null {
  if (kind === 'anonymous') return written.trim() || null
  const article = /^(?:the|a|an|its|his|her|their)\s+/i
  const plain = withoutAcronyms(written)
  const bare = withoutAcronyms(name)
  const at = plain.toLowerCase().lastIndexOf(bare.toLowerCase())
  if (at === -1) {
    const alias = plain.split(/\s*,\s*/)[0].replace(article, '')
    const description = !/\s/.test(alias) && (TITLES.has(alias.toLowerCase()) || ORGANIZATION_WORDS.test(alias))
    return /\p{Lu}/u.test(alias) && !description ? alias : null
  }
  const before = plain.slice(0, at).split(/\s+/).filter(Boolean)
  let k = before.length
  if (kind === 'person') while (k > 0 && !before[k - 1].endsWith(',')) k--
  else while (k > 0 && /^\p{Lu}/u.test(before[k - 1]) && !before[k - 1].endsWith(',')) k--
  return [...before.slice(k), plain.slice(at, at + bare.length)].join(' ').replace(article, '')
}

/** Capitalised modifiers listed before one common noun: "Latvian, Estonian and Finnish officials". */
function modifierList(segs: Token[][]): boolean {
  const last = segs.at(-1)
  const noun = last?.at(-1)
  return (
    segs.length >= 2 &&
    !!noun &&
    noun.pos === 'NOUN' &&
    /^\p{Ll}/u.test(noun.text) &&
    last!.some((t) => t.pos === 'CCONJ') &&
    segs.slice(0, -1).every((seg) => seg.length <= 3 && seg.every(capitalised))
  )
}

/** The head noun of the phrase's first part: the last noun before "of", "in", "at", a participle or a comma. */
function headOf(tokens: Token[]): Token | undefined {
  const first = segments(tokens)[0] ?? []
  let head: Token | undefined
  for (const [i, t] of first.entries()) {
    if (
      t.pos === 'ADP' ||
      t.text === '(' ||
      (t.pos === 'VERB' && /(ed|ing)$/.test(t.lower) && head && first[i + 1]?.pos !== 'NOUN')
    )
      break
    // "the country's largest daily": the country is the possessor, not the head.
    if (first[i + 1]?.lower === "'s") continue
    // wink reads "figures" in "figures published by the trust" as a verb.
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'PRON' || (!head && DOCUMENT_HEADS.has(t.lower))) head = t
  }
  return head ?? first.at(-1)
}

const wordsOf = (phrase: string, possessors: Set<string>) =>
  new Set(
    normName(phrase)
      .replace(/[’']s\b/g, '')
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w && !MINOR.has(w) && w !== 'a' && w !== 'an' && !possessors.has(w))
  )

/** What a speaker phrase says about who speaks. */
export function profile(tokens: Token[], text: string): Profile {
  const phrase = textOf(tokens, text)
  // "The trust's chief executive": the trust is someone else, not a word for this speaker.
  const possessors = new Set(tokens.filter((_, i) => tokens[i + 1]?.lower === "'s").map((t) => t.lower))
  const words = wordsOf(phrase, possessors)
  const acr = acronyms(tokens, text)
  for (const a of acr) words.add(a.toLowerCase())
  // "South Korean, U.S. and Ukrainian intelligence": one noun with a list of modifiers, not a name and an
  // apposition.
  const listed = modifierList(segments(tokens))
  const segs = listed ? [tokens.filter((t) => t.text !== ',')] : segments(tokens)
  const head = listed ? tokens.at(-1) : headOf(tokens)
  const headWord = head ? singular(head.lower) : ''
  const indefinite = /^(a|an)\s/i.test(phrase)
  const plural = !!head && (singular(head.lower) !== head.lower || PLURAL_HEADS.has(head.lower))
  const base = { words, head: headWord, indefinite, aliases: [] as string[], ...(plural ? { plural } : {}) }

  const pronoun = tokens.length === 1 ? (POSSESSIVE_PRONOUNS[tokens[0].lower] ?? tokens[0].lower) : ''
  if (PRONOUNS[pronoun]) return { ...base, name: pronoun, kind: 'person', form: 'pronoun' }
  // "One of the diplomats": one of the speakers "the diplomats" names.
  const member = /^(?:one|two|three|some|several|many|most|both|all|each|another)\s+of\s+the\s/i.exec(phrase)
  const of = member ? tokens.findIndex((t) => t.lower === 'the') : -1
  if (of !== -1 && tokens.length - of > 1) {
    const group = profile(tokens.slice(of), text)
    return group.form === 'generic' ? { ...group, form: 'definite' } : group
  }
  // "one of them", "the other": one of the speakers just named.
  if (
    /^(?:(?:one|some|two|several|many|most|both|all) of (?:them|those)|the others?|both|all|each|neither)$/i.test(
      phrase
    )
  )
    return { ...base, name: 'they', kind: 'anonymous', form: 'pronoun' }
  // "a group calling itself BlackTide": the name it goes by.
  const calledName =
    /\b(?:calling (?:itself|themselves)|known as|called|named)\s+((?:[\p{Lu}][\p{L}\p{N}'’-]*\s?)+)/u.exec(phrase)
  if (calledName) {
    const name = calledName[1].trim()
    const kind: SourceKind =
      ORGANIZATION_WORDS.test(phrase) || /\b(group|gang|unit|collective)\b/i.test(phrase) ? 'organization' : 'person'
    return { ...base, name, aliases: [phrase], kind, form: 'named', words: new Set([...words, name.toLowerCase()]) }
  }

  // "The bureau's economists", "forecasters at the weather service": staff speaking for an institution are
  // the institution.
  const body = head && INSTITUTION_STAFF.has(head.lower) ? staffBody(tokens, tokens.indexOf(head)) : null
  if (body) return profile(body, text)

  const clean = (s: string) => capitalise(s.replace(/^(the|a|an)\s+/i, ''))
  // "data from Portwatch Marine", "an article in the newspaper Vecherny Listok": the named author speaks.
  // Footage and imagery come from places ("footage from Port Amsel"), so they stay records.
  // "Data the agency released on Monday", "figures the ministry published": the record's author speaks.
  const record = tokens.findIndex(
    (t, k) => k <= 2 && (t.pos === 'NOUN' || (k === 0 && t.pos === 'PROPN')) && AUTHORED.has(t.lower)
  )
  const issued =
    record !== -1 && ['DET', 'PROPN', 'PRON'].includes(tokens[record + 1]?.pos ?? '')
      ? tokens.findIndex((t, k) => k > record + 1 && t.pos === 'VERB' && PUBLISHING_VERBS.has(t.lemma))
      : -1
  if (issued !== -1) return profile(tokens.slice(record + 1, issued), text)
  // "according to our analysis of satellite imagery", "its report": the record's owner speaks.
  const ownedBy = POSSESSIVE_PRONOUNS[tokens[0]?.lower ?? '']
  if (ownedBy && tokens.length > 1 && head && (DOCUMENT_HEADS.has(head.lower) || RECKONING_NOUNS.has(head.lower)))
    return { ...base, name: ownedBy, kind: 'person', form: 'pronoun' }
  if (head && DOCUMENT_HEADS.has(head.lower)) {
    const i = tokens.indexOf(head)
    // "The company's last annual report put the loss at ...": whose record it is speaks.
    const owner = tokens.findIndex((t, k) => k < i && t.lower === "'s")
    if (owner > 0 && ['NOUN', 'PROPN'].includes(tokens[owner - 1].pos)) return profile(tokens.slice(0, owner), text)
    const next = tokens[i + 1]
    const after =
      next && ['published', 'released', 'compiled', 'issued', 'provided', 'posted', 'shared'].includes(next.lower)
        ? tokens[i + 2]
        : next
    // "a report by the audit office that was leaked to the Globe": the author ends where a clause or aside
    // about the record begins.
    const byWhom = after ? tokens.slice(tokens.indexOf(after) + 1) : []
    // "a poll by Tern Research for the Daily Post": the paper it was made for only published it.
    const aside = byWhom.findIndex((t) => t.text === ',' || t.lower === 'for' || RELATIVE_WORDS.has(t.lower))
    const author = aside === -1 ? byWhom : byWhom.slice(0, aside)
    // "a video posted by the channel X": whoever put out any record speaks through it.
    const putOut = after?.lower === 'by' && after !== next
    if (
      after &&
      ['from', 'in', 'by', 'of'].includes(after.lower) &&
      author.length &&
      (AUTHORED.has(head.lower) || putOut)
    ) {
      return profile(author, text)
    }
    // "Reports have indicated", "according to new assessments": no one in particular says it.
    const hearsay =
      HEARSAY_RECORDS.has(head.lower) &&
      head === tokens.at(-1) &&
      tokens.slice(0, -1).every((t) => ['ADJ', 'NOUN'].includes(t.pos) || QUANTIFIERS.has(t.lower))
    if (hearsay) return { ...base, name: '', kind: 'document', form: 'generic', unattributed: true }
    // "an internal email seen by the Tribune": the record is the email; the Tribune only saw it.
    const seen = tokens.findIndex((t, k) => k > i && t.pos === 'VERB' && tokens[k + 1]?.lower === 'by')
    // "Tender documents seen by the Standard show ...": a record that says nothing itself is read by who saw it.
    const reader = seen !== -1 && SEEING.has(tokens[seen].lower) && RAW_RECORDS.has(head.lower) ? seen + 2 : -1
    if (reader !== -1 && reader < tokens.length) {
      let end = reader
      while (
        end < tokens.length &&
        tokens[end].text !== ',' &&
        !['under', 'at', 'on', 'in', 'last'].includes(tokens[end].lower)
      )
        end++
      return profile(tokens.slice(reader, end), text)
    }
    const own = seen === -1 ? phrase : textOf(tokens.slice(0, seen), text)
    return {
      ...base,
      name: clean(own),
      aliases: [],
      words: seen === -1 ? words : wordsOf(own, possessors),
      kind: 'document',
      form: 'generic'
    }
  }

  const unnamed = /\b(unnamed|anonymous|unidentified)\b/i.test(phrase)
  const runsNamed = runs(tokens).filter((r) => r.some((t) => t.pos === 'PROPN' || /^[A-Z]{2,}/.test(t.text)))
  // An apposition says what the named thing is: "Frontline Water, an aid group with teams ...".
  // "Jonas Weil, director of the Orr Institute, a research group": an apposition after another describes
  // the noun before it, not the name.
  const firstOther = segs.findIndex((s, k) => k > 0 && s[0].pos !== 'DET')
  const appositionHeads = segs.slice(1, firstOther === -1 ? undefined : firstOther).map((s) => headOf(s)?.lower ?? '')
  // "A local watchdog group, Fair Count": a description before the name says what it is, too.
  const described =
    segs.length > 1 && segs[0][0].pos === 'DET' && segs[1].some((t) => t.pos === 'PROPN')
      ? [headOf(segs[0])?.lower ?? '']
      : []
  appositionHeads.push(...described.filter((h) => !ROLE_NOUNS.has(singular(h))))
  const appositionKind: SourceKind | null = appositionHeads.some((h) => ORGANIZATION_WORDS.test(h))
    ? 'organization'
    : appositionHeads.some((h) => OUTLET_WORDS.test(h))
      ? 'outlet'
      : null
  const role = appositionHeads.some((h) => ROLE_NOUNS.has(singular(h)))
  const person = segs.map((seg) => personName(seg, role)).find((p) => p)
  if (person && !unnamed && !appositionKind) {
    const name = textOf(person, text)
    const alias = aliasOf(phrase, name, 'person')
    return {
      ...base,
      name,
      aliases: alias && alias !== name ? [alias] : [],
      kind: 'person',
      form: 'named',
      surname: person.at(-1)!.lower
    }
  }
  // The head noun decides when it is a common noun: "Orvian port authorities", "South Korean media".
  const finalHead = segs.at(-1)?.at(-1)
  const common = finalHead && finalHead.pos === 'NOUN' && /^\p{Ll}/u.test(finalHead.text)
  // "two brokers in the port of Sorrel": counted people, whoever they are.
  const counted =
    /^(?:two|three|four|five|six|several|some|many|dozens|hundreds|\d+)\s/i.test(phrase) &&
    head?.pos === 'NOUN' &&
    /^\p{Ll}.*s$/u.test(head.text)
  const generic = headWord && (ROLE_NOUNS.has(headWord) || counted)
  if (unnamed || (generic && (indefinite || /s$/.test(head!.lower) || !runsNamed.length))) {
    const desc = phrase.replace(/^(a|an)\s+/i, '')
    return {
      ...base,
      name: unnamed || !indefinite ? capitalise(desc) : `Unnamed ${desc}`,
      kind: 'anonymous',
      form: 'generic'
    }
  }
  const definite = /^the\s/i.test(phrase) && !runsNamed.length
  if (common && !appositionKind) {
    const kind: SourceKind = OUTLET_WORDS.test(finalHead.text)
      ? 'outlet'
      : ORGANIZATION_WORDS.test(finalHead.text)
        ? 'organization'
        : 'anonymous'
    // "a welder who has worked there for years": someone unnamed, as "an official" is.
    const name = kind === 'anonymous' && indefinite ? `Unnamed ${phrase.replace(/^(a|an)\s+/i, '')}` : clean(phrase)
    return { ...base, name, kind, form: definite ? 'definite' : 'generic' }
  }
  // "the Institute for the Study of War (ISW)": the name is the run the acronym stands for.
  const named = runsNamed.filter((r, k) => k === 0 || !isParenthesised(r, text))
  const run = appositionKind ? named[0] : named.at(-1)
  const kind: SourceKind =
    appositionKind ??
    descriptorKind(run && tokens[tokens.indexOf(run[0]) - 1]) ??
    (/\b(news agency|newspaper|broadcaster|press|reuters|associated press|afp|bloomberg|bbc|cnn|newsweek|tass|interfax|xinhua|yonhap|herald|gazette|times|tribune)\b/i.test(
      phrase
    )
      ? 'outlet'
      : ORGANIZATION_WORDS.test(phrase)
        ? 'organization'
        : OUTLET_WORDS.test(phrase)
          ? 'outlet'
          : run && run.length >= 2 && run.length <= 3
            ? 'person'
            : 'organization')
  if (definite) return { ...base, name: clean(phrase), kind, form: 'definite' }
  // "The regional hospital in Korval": the name is a place; the hospital is what speaks.
  const place =
    run &&
    head &&
    /^\p{Ll}/u.test(head.text) &&
    tokens.indexOf(head) < tokens.indexOf(run[0]) &&
    ['in', 'of', 'at', 'from', 'near'].includes(tokens[tokens.indexOf(run[0]) - 1]?.lower ?? '')
  // "Kostrel's Defence Ministry" is not "Aldervia's Defence Ministry": a body's name owned by a place keeps
  // its owner.
  const owner = run && kind === 'organization' ? placeOwner(tokens, tokens.indexOf(run[0])) : null
  const owned = owner
    ? [...owner, ...tokens.slice(tokens.indexOf(owner.at(-1)!) + 1, tokens.indexOf(run!.at(-1)!) + 1)]
    : run
  if (owner) for (const t of owner) words.add(t.lower)
  const name = withoutAcronyms(owned && !place ? textOf(owned, text) : clean(phrase))
  // An acronym made from a name's initials is an alias only when the text uses it ("ISW", not "SW").
  const used = acr.filter((a) => new RegExp(`(?<![\\p{L}\\p{N}])${a}(?![\\p{L}\\p{N}])`, 'u').test(text))
  const aliases = [...new Set([aliasOf(phrase, name, kind), ...used])].filter(
    (a): a is string => !!a && normName(a) !== normName(name)
  )
  const bare = run?.length === 1 && !/^[A-Z]{2,}$/.test(run[0].text)
  return {
    ...base,
    name,
    aliases,
    kind,
    form: 'named',
    surname: kind === 'person' || bare ? run?.at(-1)?.lower : undefined,
    ...(bare ? { bare } : {})
  }
}

const RELATIVE_WORDS = new Set(['that', 'which', 'who', 'whose'])
/** Plural staff who speak for the body they work at, not for themselves. */
const INSTITUTION_STAFF = new Set([
  'analysts',
  'researchers',
  'economists',
  'scientists',
  'statisticians',
  'forecasters',
  'experts'
])

/** The body owning the staff at `at`: "the bureau's economists", "economists at the bureau", or null. */
function staffBody(tokens: Token[], at: number): Token[] | null {
  const owner = tokens[at - 1]?.lower === "'s" ? at - 1 : -1
  if (owner > 0 && ['NOUN', 'PROPN'].includes(tokens[owner - 1].pos)) {
    const possessor = tokens.slice(0, owner)
    return possessor.some((t) => t.pos === 'PROPN' || ORGANIZATION_WORDS.test(t.lower)) ? possessor : null
  }
  const place = tokens[at + 1]
  if (at !== 0 || !place || !['at', 'of', 'from'].includes(place.lower)) return null
  const body = tokens.slice(at + 2)
  const end = body.findIndex((t) => t.text === ',' || RELATIVE_WORDS.has(t.lower))
  const named = end === -1 ? body : body.slice(0, end)
  return named[0]?.pos === 'DET' && named.some((t) => ORGANIZATION_WORDS.test(t.lower)) ? named : null
}

/** Two names of one surname may be one person: one has no forename, or the forenames (or an initial) agree. */
function sameForename(a: string, b: string): boolean {
  const [x, y] = [a, b].map((n) => n.split(' '))
  if (x.length < 2 || y.length < 2) return true
  const [f, g] = [x[0], y[0]].map((w) => w.replace(/\.$/, ''))
  return f === g || (f.length === 1 && g.startsWith(f)) || (g.length === 1 && f.startsWith(g))
}

/** "Kostrel's" before the name at `at`: the capitalised possessor's words, or null. */
function placeOwner(tokens: Token[], at: number): Token[] | null {
  if (!POSSESSIVE_MARK.test(tokens[at - 1]?.text ?? '')) return null
  let a = at - 1
  while (a > 0 && tokens[a - 1].pos === 'PROPN') a--
  return a < at - 1 ? tokens.slice(a, at - 1) : null
}

function withAlias(p: Profile, mention: string): string[] {
  const alias = aliasOf(mention, p.name, 'anonymous')
  return alias && normName(alias) !== normName(p.name) && !p.aliases.some((a) => normName(a) === normName(alias))
    ? [...p.aliases, alias]
    : [...p.aliases]
}

const PRINT_WORDS = new Set(['paper', 'newspaper', 'daily', 'weekly', 'gazette', 'tabloid', 'magazine'])
const BROADCAST_WORDS = new Set(['channel', 'broadcaster', 'station', 'tv', 'television', 'radio', 'network'])

/** Relatives by gender: "her brother", "his wife". */
const KIN: Record<string, 'f' | 'm'> = {
  brother: 'm',
  son: 'm',
  father: 'm',
  husband: 'm',
  uncle: 'm',
  nephew: 'm',
  sister: 'f',
  daughter: 'f',
  mother: 'f',
  wife: 'f',
  aunt: 'f',
  niece: 'f'
}

/** "Her brother", "his wife": a relative of someone named, as a person a later "he" or "she" may be. */
export function kinProfile(tokens: Token[], text: string): Profile | null {
  if (tokens.length !== 2 || !['her', 'his', 'their', 'its'].includes(tokens[0].lower)) return null
  const gender = KIN[tokens[1].lower]
  if (!gender) return null
  const name = text.slice(tokens[0].start, tokens[1].end)
  const head = tokens[1].lower
  return { name, aliases: [], kind: 'person', form: 'named', head, words: new Set([head]), indefinite: false, gender }
}

export interface Entity {
  id: string
  name: string
  aliases: string[]
  kind: SourceKind
  words: Set<string>
  head: string
  surname?: string
  lastSeen: number
  sourceId: string | null
  /** Seen only as a sentence's subject (a named person, an organisation, a record), never yet as a speaker. */
  mentionedOnly?: boolean
  /** Seen only as a relay ("told the Meridian News Agency"): a later "the agency" is it, "it" is not. */
  relayOnly?: boolean
  /** Records it spoke through ("said in a written statement"): a later "the statement said" is it. */
  records?: Set<string>
  /** From the pronouns that have named it. */
  gender?: 'f' | 'm'
  /** Named by one bare word ("Kranjec", "Ukraine"), so its kind is a guess until a pronoun says. */
  bare?: boolean
  /** One unnamed person ("a nurse on the ward"): "he" or "she" may be them, as a named person may. */
  individual?: boolean
  /** normName of the name and every alias. */
  known: Set<string>
}

/**
 * The speakers of one document, as mentions arrive in reading order. A new mention is an earlier
 * speaker when it is a pronoun (the last fitting speaker), a definite description ("the source": the
 * last speaker described with that noun), the same name, a surname or acronym of one, or a subset of
 * its words; an indefinite phrase ("a Ukrainian official") is always someone new.
 */
export class Speakers {
  readonly entities: Entity[] = []
  private publisherEntity: Entity | null = null

  /** A name written shortly before that contains a word ("the Office" after "the Inter-Agency Relief Office"). */
  recentName?: (head: string) => { profile: Profile; at: number } | null

  constructor(
    private readonly sources: readonly Source[],
    private readonly publisher: string | null
  ) {}

  publisherName(): string | null {
    return this.publisher
  }

  /** The publisher's own voice, as a speaker. */
  publisherSpeaker(at: number): Entity | null {
    if (!this.publisher) return null
    if (!this.publisherEntity) {
      const kind: SourceKind =
        ORGANIZATION_WORDS.test(this.publisher) && !OUTLET_WORDS.test(this.publisher) ? 'organization' : 'outlet'
      this.publisherEntity = this.create(
        {
          name: this.publisher,
          aliases: [],
          kind,
          head: '',
          words: new Set(normName(this.publisher).split(/\W+/)),
          form: 'named',
          indefinite: false
        },
        at
      )
    }
    this.publisherEntity.lastSeen = at
    return this.publisherEntity
  }

  /**
   * Notes a sentence's subject that is not (yet) a speaker, so that a later "he", "it" or "the Minister"
   * can find it: a named person, or an organisation, outlet or record ("The national cyber security
   * agency declined to comment. It said ...").
   */
  noteName(p: Profile, at: number, mention?: Span): void {
    if ((p.kind === 'person' || p.bare) && p.form === 'named') {
      // A bare word ("a charge Strel rejected") is noted only as someone met before.
      const known = this.find(p)
      if (known) known.lastSeen = Math.max(known.lastSeen, at)
      else if (!p.bare) this.create(p, at).mentionedOnly = true
    } else if (
      mention &&
      p.form !== 'pronoun' &&
      // "Executives at two of the bidders tell a different story. Both said ...": a group is a later "they".
      (['organization', 'outlet', 'document'].includes(p.kind) ||
        (p.kind === 'anonymous' && p.plural && ROLE_NOUNS.has(p.head)))
    ) {
      const before = this.entities.length
      const { entity } = this.lookup(p, mention, at)
      if (this.entities.length > before) entity.mentionedOnly = true
    }
  }

  resolve(p: Profile, mention: Span, at: number): { entity: Entity; resolution: SpeakerResolution } {
    const found = this.lookup(p, mention, at)
    found.entity.relayOnly = false
    return found
  }

  private lookup(
    p: Profile,
    mention: Span,
    at: number,
    nearer = true
  ): { entity: Entity; resolution: SpeakerResolution } {
    if (p.form === 'pronoun') {
      const word = PRONOUNS[p.name]
        ? p.name
        : (POSSESSIVE_PRONOUNS[mention.text.toLowerCase()] ?? mention.text.toLowerCase())
      const want = PRONOUNS[word] ?? 'plural'
      const pub = want === 'publisher' ? this.publisherSpeaker(at) : null
      if (pub) return { entity: pub, resolution: 'pronoun' }
      // "he" is not someone already called "she".
      const gender = GENDER[word]
      const fits = (e: Entity) =>
        e.relayOnly
          ? false
          : want === 'person'
            ? (e.kind === 'person' || !!e.individual) && !(gender && e.gender && e.gender !== gender)
            : want === 'thing'
              ? e.kind !== 'person' && e.kind !== 'anonymous'
              : // The publisher is "we", never "they" or "one of them".
                e.kind !== 'person' && !e.individual && e !== this.publisherEntity
      // "Kranjec said ... She said": a bare name a person's pronoun points back to is a person.
      const found =
        this.latest(fits) ??
        (want === 'person' ? this.latest((e) => !!e.bare && !e.relayOnly && !e.sourceId) : undefined)
      if (found) {
        found.lastSeen = at
        if (found.bare && want === 'person') found.kind = 'person'
        found.bare = false
        if (gender) found.gender = gender
        return { entity: found, resolution: 'pronoun' }
      }
    }
    // "A map attached to the post showed ...": a record carried by a speaker's post is that speaker's.
    const carrier = p.kind === 'document' ? CARRIED_BY.exec(mention.text) : null
    const owner = carrier ? this.latest((e) => !!e.records?.has(carrier[1].toLowerCase())) : undefined
    if (owner) {
      owner.lastSeen = at
      return { entity: owner, resolution: 'description' }
    }
    if (p.form === 'definite' || (p.form === 'generic' && /^the\s/i.test(mention.text))) {
      const author = p.kind === 'document' ? this.latest((e) => !!e.records?.has(p.head)) : undefined
      if (author) {
        author.lastSeen = at
        return { entity: author, resolution: 'description' }
      }
      const content = [...p.words].filter((w) => w !== 'the')
      // "the commission" is not "Commission chairwoman Petra Lund", nor "the trust" "a spokesman for the
      // trust": a person, named or not, answers only to a role.
      const role = TITLES.has(p.head) || ROLE_NOUNS.has(p.head)
      const found = this.latest(
        (e) =>
          (!e.mentionedOnly || e.kind !== 'person' || TITLES.has(p.head)) &&
          ((e.kind !== 'person' && e.kind !== 'anonymous') || role) &&
          content.every(
            (w) =>
              e.words.has(w) ||
              e.words.has(`${w}s`) ||
              e.head === w ||
              // "the chairman" is "the committee's chair".
              (role && [...e.words].some((x) => x.length >= 5 && (w.startsWith(x) || x.startsWith(w))))
          )
      )
      // A name written since the speaker was last met is the nearer one ("the Office" after "the
      // Inter-Agency Relief Office", though a "Press Office" spoke earlier).
      // Once only: the nearer name may itself be a description with the same head ("Situation Report").
      const recent = nearer ? this.recentName?.(p.head) : null
      // Every other word must be the name's: "the provincial governor's office" is not "the Relief Office".
      const shortened = recent && content.every((w) => w === p.head || recent.profile.words.has(w))
      if (recent && shortened && (!found || recent.at > found.lastSeen))
        return this.lookup(recent.profile, mention, at, false)
      // "The organisation warned", "the company's report": the body that last spoke, whatever its name.
      const body =
        found ??
        (GENERIC_BODIES.has(p.head) && content.length === 1
          ? this.latest((e) => e.kind === 'organization' && !e.relayOnly)
          : undefined)
      if (body) {
        body.lastSeen = at
        this.addAlias(body, mention.text)
        body.sourceId ??= this.sourceFor(body.kind, [mention.text])
        return { entity: body, resolution: 'description' }
      }
      // "The Harbour Post reported ... One of the diplomats told the paper ...": a paper, agency or broadcaster
      // just named is "the paper", not the publisher.
      // "the paper" is not the channel named last, nor "the channel" a paper.
      const medium = (e: Entity) => {
        const print = [...e.words].some((w) => PRINT_WORDS.has(w)) || (e.sourceId !== null && this.print(e.sourceId))
        const broadcast = [...e.words].some((w) => BROADCAST_WORDS.has(w))
        return PRINT_WORDS.has(p.head) ? !broadcast : BROADCAST_WORDS.has(p.head) ? !print : true
      }
      const isOutlet = (e: Entity) =>
        e.kind === 'outlet' || (!!e.sourceId && this.sources.some((x) => x.id === e.sourceId && x.kind === 'outlet'))
      const outlet =
        GENERIC_OUTLETS.has(p.head) && content.length === 1
          ? this.latest((e) => isOutlet(e) && e !== this.publisherEntity && medium(e))
          : undefined
      if (outlet) {
        outlet.lastSeen = at
        return { entity: outlet, resolution: 'description' }
      }
      // "told the programme" on Radio Kestrel: the publisher's own show, when no one else is that.
      const own = this.publisher ? ` ${normName(this.publisher)} ` : ''
      if (
        this.publisher &&
        p.head &&
        (own.includes(` ${p.head} `) || OWN_MEDIUM.has(p.head)) &&
        content.every((w) => w === p.head || own.includes(` ${w} `) || OWN_MEDIUM.has(w))
      ) {
        const pub = this.publisherSpeaker(at)!
        return { entity: pub, resolution: 'description' }
      }
    }
    if (p.form === 'named') {
      const found = this.find(p)
      if (found) {
        found.lastSeen = at
        // A bare name noted earlier was taken for a person; the speaker phrase says better.
        if (found.mentionedOnly && p.kind !== 'person' && !p.bare) found.kind = p.kind
        found.mentionedOnly = false
        this.addAlias(found, mention.text)
        if (!found.sourceId) found.sourceId = this.sourceFor(p.kind, [mention.text, p.name])
        return { entity: found, resolution: 'named' }
      }
    }
    const entity = this.create(p, at, mention.text)
    return { entity, resolution: p.form === 'pronoun' || p.form === 'definite' ? 'description' : 'named' }
  }

  /** A relay as an entity: "the agency" after "the Meridian News Agency" is that agency. */
  relay(p: Profile, mention: Span, at: number): Entity {
    const before = this.entities.length
    const { entity } = this.lookup(p, mention, at)
    if (this.entities.length > before) entity.relayOnly = true
    return entity
  }

  /** Notes that a speaker spoke through a record ("in a statement"). */
  noteRecord(entity: Entity, record: string): void {
    ;(entity.records ??= new Set()).add(record)
  }

  /** A case source whose name or aliases say it is printed ("the paper", "the daily"). */
  private print(sourceId: string): boolean {
    const src = this.sources.find((x) => x.id === sourceId)
    return !!src && [src.name, ...src.aliases].some((n) => /\b(?:paper|newspaper|daily|weekly|gazette)\b/i.test(n))
  }

  /** The existing source a phrase names; anonymous speakers only by an exact name or alias. */
  sourceFor(kind: SourceKind, phrases: string[]): string | null {
    return findSpeakerSource(this.sources, kind, phrases)?.id ?? null
  }

  private find(p: Profile): Entity | undefined {
    if (p.indefinite) return undefined
    const wanted = normName(p.name)
    const same = (e: Entity) => e.known.has(wanted)
    // "Kessel" is the last Kessel met; "Piotr Kessel" is not "Anna Kessel".
    const bySurname = (e: Entity) =>
      !!p.surname && e.kind === 'person' && e.surname === p.surname && sameForename(wanted, normName(e.name))
    const acronym = (e: Entity) =>
      /^[A-Z]{2,}$/.test(p.name.replace(/^the\s+/i, '')) && e.words.has(p.name.replace(/^the\s+/i, '').toLowerCase())
    // A person's words include the bodies their title names ("Orsa chief executive Ilan Moro"): the
    // body's own name ("Orsa said") is not that person.
    const subset = (e: Entity) =>
      e.kind !== 'anonymous' &&
      e.kind !== 'person' &&
      p.kind !== 'person' &&
      p.words.size > 0 &&
      [...p.words].every((w) => e.words.has(w)) &&
      // "Sarvany" (a country) is not the Sarvany Herald; "the Herald" is.
      !(p.bare && e.kind === 'outlet' && normName(e.name).split(' ').at(-1) !== wanted)
    // "Kovar" after "Kovar Mining": an organisation by the first word of its name ("Sarvany" is not the
    // Sarvany Herald: an outlet goes by its last word).
    const shortName = (e: Entity) =>
      e.kind === 'organization' &&
      !wanted.includes(' ') &&
      normName(e.name).split(' ')[0] === wanted &&
      normName(e.name) !== wanted
    // A surname alone is whoever of that name came last, not the first one it was used for.
    const surnameOnly = !!p.surname && wanted === p.surname
    return (
      (surnameOnly ? this.latest(bySurname) : undefined) ??
      this.latest(same) ??
      this.latest(bySurname) ??
      this.latest(acronym) ??
      this.latest(subset) ??
      this.latest(shortName)
    )
  }

  private latest(test: (e: Entity) => boolean): Entity | undefined {
    let best: Entity | undefined
    for (const e of this.entities) if (test(e) && (!best || e.lastSeen > best.lastSeen)) best = e
    return best
  }

  private addAlias(e: Entity, mention: string): void {
    const word = mention.toLowerCase()
    if (PRONOUNS[word] || POSSESSIVE_PRONOUNS[word]) return
    const n = normName(mention)
    if (!e.known.has(n)) {
      e.known.add(n)
      const alias = aliasOf(mention, e.name, e.kind)
      if (alias && normName(alias) !== normName(e.name) && !e.aliases.some((a) => normName(a) === normName(alias)))
        e.aliases.push(alias)
    }
    for (const w of n.split(/[^\p{L}\p{N}]+/u)) if (w && !MINOR.has(w)) e.words.add(w)
  }

  private create(p: Profile, at: number, mention?: string): Entity {
    const source = findSpeakerSource(this.sources, p.kind, [mention, p.name])
    const entity: Entity = {
      id: `e${this.entities.length + 1}`,
      name: p.name,
      // An unnamed speaker is known by its description as written, which "she" or "the agent" later is.
      aliases: p.kind === 'anonymous' && mention && p.form !== 'pronoun' ? withAlias(p, mention) : [...p.aliases],
      // "Petrak said" with no first name before: a person only when the case knows one by that name.
      kind: p.bare && source?.kind === 'person' ? 'person' : p.kind,
      ...(p.bare && !source ? { bare: true } : {}),
      ...(p.kind === 'anonymous' && !p.plural && p.form !== 'pronoun' ? { individual: true } : {}),
      words: new Set(p.words),
      head: p.head,
      surname: p.surname,
      ...(p.gender ? { gender: p.gender } : {}),
      lastSeen: at,
      sourceId: source?.id ?? null,
      known: new Set([p.name, ...p.aliases, ...(mention ? [mention] : [])].map(normName))
    }
    this.entities.push(entity)
    return entity
  }
}
