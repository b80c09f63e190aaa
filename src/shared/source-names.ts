// Finding a source by what it is called: its name or any alias, ignoring case and edge spaces.
// The one place this rule lives (the service, the CLI, annotation import, the import queue and the
// source type-ahead all use it).
import type { Source, SourceKind } from './model'

export interface SourceMatch<S extends Source = Source> {
  source: S
  /** The alias that matched, when it was not the name. */
  alias?: string
}

/** The form two source names are compared in. */
export const normName = (text: string): string => text.trim().replace(/\s+/g, ' ').toLowerCase()
const norm = normName

function score(candidate: string, query: string): number {
  const c = norm(candidate)
  if (c === query) return 0
  if (c.startsWith(query)) return 1
  if (c.split(/[\s,.'’()-]+/).some((word) => word.startsWith(query))) return 2
  if (c.includes(query)) return 3
  return Infinity
}

export function matchSources<S extends Source>(
  sources: readonly S[],
  query: string,
  exclude: readonly string[] = [],
  limit = 8
): SourceMatch<S>[] {
  const q = norm(query)
  const skip = new Set(exclude)
  const scored: { match: SourceMatch<S>; score: number }[] = []
  for (const source of sources) {
    if (skip.has(source.id)) continue
    if (!q) {
      scored.push({ match: { source }, score: 0 })
      continue
    }
    let best = { match: { source } as SourceMatch<S>, score: score(source.name, q) }
    for (const alias of source.aliases) {
      const s = score(alias, q)
      if (s < best.score) best = { match: { source, alias }, score: s }
    }
    if (best.score < Infinity) scored.push(best)
  }
  scored.sort((a, b) => a.score - b.score || a.match.source.name.localeCompare(b.match.source.name))
  return scored.slice(0, limit).map((s) => s.match)
}

/** Every name a source answers to. */
export function namesOf(source: Pick<Source, 'name' | 'aliases'>): string[] {
  return [source.name, ...source.aliases]
}

/** The source whose name or an alias is exactly this text (ignoring case and spacing). */
export function findSourceByName(sources: Iterable<Source>, text: string, exceptId?: string): Source | undefined {
  const q = norm(text)
  if (!q) return undefined
  for (const s of sources) if (s.id !== exceptId && namesOf(s).some((n) => norm(n) === q)) return s
  return undefined
}

/** A first guess at the kind of a source being created from its name; the analyst can change it. */
export function guessKind(name: string): SourceKind {
  if (/\b(unnamed|anonymous|unidentified|officials?|sources?|spokes(man|woman|person))\b/i.test(name))
    return 'anonymous'
  if (
    /\b(reuters|associated press|afp|ap|bbc|cnn|newsweek|times|post|news|journal|tass|ria|interfax|gazette|tribune|herald|agency|press|tv|radio)\b/i.test(
      name
    )
  )
    return 'outlet'
  if (
    /\b(ministry|department|institute|government|council|army|forces|intelligence|police|office|committee|staff|kremlin|pentagon|un|nato|agency|party|group|company|inc|ltd|university|command)\b/i.test(
      name
    )
  )
    return 'organization'
  if (/\b(report|statement|document|memo|filing|dossier)\b/i.test(name)) return 'document'
  // An acronym (ISW, IAEA, OSCE) names a body, not a person.
  if (/^\(?\p{Lu}{2,6}\)?$/u.test(name.trim())) return 'organization'
  return 'person'
}

export interface LooseSourceMatch {
  source: Source
  /** Which rule matched: the whole phrase or one of its comma-separated parts is a name or alias;
   * a name or alias is written inside the phrase; every word of one is in the phrase, or every word of
   * the phrase is in one; the phrase is a person's surname. */
  how: 'exact' | 'contains' | 'words' | 'surname'
}

const LEADING_ARTICLE = /^(the|a|an)\s+/i
const MINOR_WORDS = new Set([
  'the',
  'a',
  'an',
  'of',
  'and',
  'in',
  'on',
  'at',
  'for',
  'by',
  'to',
  'with',
  'from',
  "'s",
  's'
])
/** Words before a person's name that are not part of it. */
const PERSON_TITLES =
  /^(mr|mrs|ms|dr|prof|president|general|gen|colonel|col|captain|capt|major|lieutenant|admiral|minister|secretary|governor|mayor|senator|sen|rep|judge|sir|lord|lady|prince|king|queen|chancellor|premier|spokesman|spokeswoman|spokesperson)\.?$/i

const words = (text: string): string[] =>
  normName(text)
    .replace(/[’']s\b/g, '')
    .split(/[^\p{L}\p{N}.-]+/u)
    .map((w) => w.replace(/^[.-]+|[.-]+$/g, ''))
    .filter((w) => w && !MINOR_WORDS.has(w))

/** A single word that names something (Zelensky, ISW, Reuters), not a common noun (source, ministry). */
const isProperWord = (name: string): boolean => /^\p{Lu}/u.test(name.trim()) && !/\s/.test(name.trim())

function containsWords(haystack: string, needle: string): boolean {
  const h = ` ${normName(haystack).replace(/[^\p{L}\p{N}]+/gu, ' ')} `
  const n = normName(needle)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
  return n !== '' && h.includes(` ${n} `)
}

const wordTokens = (text: string) =>
  [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({
    word: m[0].toLowerCase(),
    start: m.index,
    end: m.index + m[0].length
  }))

/**
 * What may follow a name that the phrase is about: nothing, punctuation, or a word that opens what is
 * said of it ("Zelensky, who", "Reuters in London", "the Institute for the Study of War (ISW)").
 */
const AFTER_HEAD =
  /^\.?(?:\s*$|\s*[,;:()[\]"“”]|\s*[—–]|\s+-\s|\s+(?:of|for|who|whose|which|that|in|at|on|with|from|to|by|via|as|after|before|during|since)\b)/iu

/** A preposition before a name puts it in what describes someone else ("officials in Ukraine"). */
const IN_MODIFIER = /\b(?:of|for|in|at|from|with|on|near|to|about|inside|within|across|among)\s+(?:the\s+)?$/i

/**
 * Whether the phrase names this name as what it is about, not as words describing something else:
 * "Ukrainian President Volodymyr Zelensky" names Zelensky; "Ukraine's defence minister", "the
 * U.S.-based institute", "U.S. and Ukrainian intelligence" and "officials in Ukraine" do not name
 * Ukraine or the U.S.
 */
function namedAsHead(phrase: string, name: string): boolean {
  const needle = wordTokens(name).map((t) => t.word)
  const hay = wordTokens(phrase)
  if (needle.length === 0) return false
  for (let i = 0; i + needle.length <= hay.length; i++) {
    if (!needle.every((w, j) => hay[i + j].word === w)) continue
    const before = phrase.slice(0, hay[i].start).split(/[,;(]/).at(-1)!
    if (!IN_MODIFIER.test(before) && AFTER_HEAD.test(phrase.slice(hay[i + needle.length - 1].end))) return true
  }
  return false
}

/** The one source a rule picks; several sources tied on one rule is no match (never guess). */
function single(candidates: { source: Source; weight: number }[]): Source | undefined | null {
  if (candidates.length === 0) return undefined
  const best = Math.max(...candidates.map((c) => c.weight))
  const top = new Set(candidates.filter((c) => c.weight === best).map((c) => c.source))
  return top.size === 1 ? [...top][0] : null
}

/**
 * The existing source a speaker phrase as written names, by rules looser than findSourceByName but
 * safe: "Zelensky" or "Ukrainian President Volodymyr Zelensky" finds "Volodymyr Zelensky"; "the interior
 * ministry" finds "Ministry of the Interior of Sarvana" when no other source has those words. When a
 * rule fits two sources equally, it stops there and returns undefined: a wrong match is worse than none.
 */
export function findSourceLoosely(sources: readonly Source[], phrase: string): LooseSourceMatch | undefined {
  const text = phrase.trim()
  if (!text) return undefined
  const parts = [text, ...text.split(/\s*,\s*/)].map((p) => p.replace(LEADING_ARTICLE, '')).filter(Boolean)
  for (const part of [text, ...parts]) {
    const exact = findSourceByName(sources, part)
    if (exact) return { source: exact, how: 'exact' }
  }
  const stripped = (name: string) => name.replace(LEADING_ARTICLE, '')

  const contains: { source: Source; weight: number }[] = []
  for (const source of sources)
    for (const raw of namesOf(source)) {
      const name = stripped(raw)
      const multiWord = words(name).length >= 2
      if ((multiWord || isProperWord(name)) && namedAsHead(text, name)) contains.push({ source, weight: name.length })
    }
  const byContains = single(contains)
  if (byContains) return { source: byContains, how: 'contains' }
  if (byContains === null) return undefined

  const phraseWords = new Set(words(text))
  // "a military source" introduces someone new: an indefinite phrase never stands for a known source
  // whose name merely has more words; nor does a description stand for an anonymous source.
  const indefinite = /^(a|an)\s/i.test(text)
  const bySet: { source: Source; weight: number }[] = []
  for (const source of sources)
    for (const name of namesOf(source)) {
      const nameWords = new Set(words(name))
      if (nameWords.size < 2) continue
      const nameInPhrase = [...nameWords].every((w) => phraseWords.has(w))
      const phraseInName =
        !indefinite &&
        source.kind !== 'anonymous' &&
        phraseWords.size >= 2 &&
        [...phraseWords].every((w) => nameWords.has(w))
      if (nameInPhrase || phraseInName) bySet.push({ source, weight: Math.min(nameWords.size, phraseWords.size) })
    }
  const byWords = single(bySet)
  if (byWords) return { source: byWords, how: 'words' }
  if (byWords === null) return undefined

  const tokens = text.split(/\s+/).filter((t) => !PERSON_TITLES.test(t))
  if (tokens.length === 1 && isProperWord(tokens[0])) {
    const surname = normName(tokens[0]).replace(/[’']s$/, '')
    const people = sources.filter(
      (s) => s.kind === 'person' && namesOf(s).some((n) => normName(n).split(' ').at(-1) === surname)
    )
    if (people.length === 1) return { source: people[0], how: 'surname' }
  }
  return undefined
}

const PRONOUN = /^(?:he|she|it|they|we|i|you|him|her|them|us)$/i

/**
 * The existing source a speaker is, from the ways it is written (the mention, the proposed name, its
 * aliases), first match wins: findSourceLoosely, except that an anonymous speaker ("a senior official")
 * is a source only by an exact name or alias, or by the one known description it opens, and a pronoun is
 * never a source. The engine, the suggestion queue and the quality bench all resolve speakers by this rule.
 */
export function findSpeakerSource<S extends Source>(
  sources: readonly S[],
  kind: SourceKind,
  names: readonly (string | null | undefined)[]
): S | undefined {
  for (const name of names) {
    // "he" is whoever the text means by it, never a source that once had "he" written as an alias.
    if (!name || PRONOUN.test(name.trim())) continue
    const match = findSourceLoosely(sources, name)
    if (match && (kind !== 'anonymous' || match.how === 'exact')) return match.source as S
    if (kind === 'anonymous') {
      const opened = openedDescription(sources, name)
      if (opened) return opened
    }
  }
  return undefined
}

/**
 * "A milblogger" for the known "A milblogger who claims to serve with ...": the one anonymous source a
 * name or alias of which is this description followed by its relative clause or aside.
 */
function openedDescription<S extends Source>(sources: readonly S[], name: string): S | undefined {
  const head = normName(name)
  if (head.split(' ').length < 2) return undefined
  const opens = (n: string) =>
    n.startsWith(head) && /^(?:,\s*|\s+)(?:who|whose|which|that)\s/.test(n.slice(head.length))
  const found = sources.filter((s) => s.kind === 'anonymous' && namesOf(s).some((n) => opens(normName(n))))
  return found.length === 1 ? found[0] : undefined
}

/**
 * Sources that may be the one this new name means, though no name or alias is it: one of their names
 * holds it as whole words or is held in it ("Zelensky", "Volodymyr Zelensky"), or findSourceLoosely
 * picks it ("President Zelensky"). Only ever offered to the analyst (to merge), never taken as a match.
 */
export function similarSources(sources: readonly Source[], text: string): Source[] {
  if (words(text).length === 0 || findSourceByName(sources, text)) return []
  const loose = findSourceLoosely(sources, text)?.source
  return sources.filter(
    (s) =>
      s === loose || namesOf(s).some((n) => words(n).length > 0 && (containsWords(n, text) || containsWords(text, n)))
  )
}
