// The units the reading cursor moves by, found in one row of text at a time (rows are at most a few
// thousand characters, so a megabyte document costs nothing until the cursor gets there):
// - sentences: Intl.Segmenter, with breaks after abbreviations ("U.S.", "Gen.") undone;
// - clauses: a sentence cut at clause punctuation and at the words that open a reported or
//   subordinate clause ("that", "but", "said", "according to"), which stay outside both clauses, so
//   "the source said that Moscow was increasing its counterattacks" has the clause
//   "Moscow was increasing its counterattacks";
// - words: Intl.Segmenter's word-like segments;
// - quotations: from an opening quotation mark to its closing one, marks included.
// Every unit is trimmed: it starts and ends on a word or a quotation mark, never on a space.

export interface Span {
  start: number
  end: number
}

export interface Units {
  sentences: Span[]
  clauses: Span[]
  words: Span[]
  quotations: Span[]
}

const CLAUSE_PUNCTUATION = new Set([',', ';', ':', '—', '–', '(', ')', '[', ']', '،', '؛', '、', '，', '；', '：'])
const TERMINAL = new Set(['.', '!', '?', '…', ',', ';', ':', '。', '؟', '！', '？'])
const OPEN_QUOTES = new Set(['"', '“', '‘', '«', '‹', '„', '「', '『'])
const CLOSE_QUOTES = new Set(['"', '”', '’', '»', '›', '“', '」', '』'])
const PAIRS: Record<string, string[]> = {
  '“': ['”'],
  '„': ['“', '”'],
  '«': ['»'],
  '‹': ['›'],
  '「': ['」'],
  '『': ['』'],
  '"': ['"']
}

/**
 * Words that open a reported or subordinate clause. A clause ends before them and the next one
 * starts after them (except at the start of a sentence, where "That" and "When" are more often a
 * determiner or a question).
 */
const OPENERS = new Set([
  'that',
  'which',
  'who',
  'whom',
  'where',
  'when',
  'while',
  'whereas',
  'because',
  'although',
  'though',
  'but',
  'unless',
  'until',
  'after',
  'before',
  'since',
  'if',
  'whether',
  'said',
  'says',
  'say',
  'told',
  'tells',
  'added',
  'adding',
  'adds',
  'stated',
  'reported',
  'announced',
  'warned',
  'insisted',
  'noted'
])
/** Two-word openers: the first word with the word that must follow it. */
const OPENER_PAIRS: Record<string, string> = { according: 'to' }

/** A title or initials that a full stop follows without ending the sentence. */
const ABBREVIATION =
  /(?:^|[\s("“])(?:(?:[A-Za-z]\.){1,4}|(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Gov|Sen|Rep|Rev|St|Jr|Sr|No|Nos|vs|etc|approx|Inc|Corp|Ltd|Co|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec)\.)\s*$/

const segmenters = new Map<string, { sentence: Intl.Segmenter; word: Intl.Segmenter }>()

function segmenterFor(locale: string | undefined): { sentence: Intl.Segmenter; word: Intl.Segmenter } {
  const key = locale ?? ''
  let found = segmenters.get(key)
  if (!found) {
    let loc: string | undefined = locale
    try {
      new Intl.Segmenter(loc)
    } catch {
      loc = undefined
    }
    found = {
      sentence: new Intl.Segmenter(loc, { granularity: 'sentence' }),
      word: new Intl.Segmenter(loc, { granularity: 'word' })
    }
    segmenters.set(key, found)
  }
  return found
}

const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch)

/** [start, end) narrowed past whitespace; null when nothing is left. */
function trimmed(text: string, start: number, end: number): Span | null {
  while (start < end && isSpace(text[start])) start++
  while (end > start && isSpace(text[end - 1])) end--
  return end > start ? { start, end } : null
}

/**
 * Where a unit that ends after the word ending at `end` really ends: a closing quotation mark right
 * after the word belongs to it, with any punctuation before the mark (`soon."`, `region,"`).
 */
export function closeAfter(text: string, end: number, limit: number): number {
  let j = end
  let last = end
  while (j < limit && (TERMINAL.has(text[j]) || CLOSE_QUOTES.has(text[j]))) {
    if (CLOSE_QUOTES.has(text[j])) last = j + 1
    j++
  }
  return last
}

/** Where a unit that starts with the word starting at `start` really starts: with its opening marks. */
export function openBefore(text: string, start: number, limit: number): number {
  let j = start
  while (j > limit && OPEN_QUOTES.has(text[j - 1])) j--
  return j
}

function sentencesOf(text: string, from: number, to: number, seg: Intl.Segmenter): Span[] {
  const raw: Span[] = []
  for (const s of seg.segment(text.slice(from, to))) {
    const start = from + s.index
    const end = start + s.segment.length
    const prev = raw[raw.length - 1]
    if (prev && ABBREVIATION.test(text.slice(Math.max(prev.start, prev.end - 12), prev.end))) prev.end = end
    else raw.push({ start, end })
  }
  return raw.map((s) => trimmed(text, s.start, s.end)).filter((s): s is Span => s !== null)
}

function wordsOf(text: string, from: number, to: number, seg: Intl.Segmenter): Span[] {
  const out: Span[] = []
  for (const s of seg.segment(text.slice(from, to))) {
    if (s.isWordLike) out.push({ start: from + s.index, end: from + s.index + s.segment.length })
  }
  return out
}

function clausesOf(text: string, sentence: Span, words: readonly Span[]): Span[] {
  const out: Span[] = []
  let first = -1
  let last = -1
  const close = () => {
    if (first >= 0) {
      const start = openBefore(text, words[first].start, sentence.start)
      const end = closeAfter(text, words[last].end, sentence.end)
      out.push({ start, end })
    }
    first = -1
  }
  for (let i = 0; i < words.length; i++) {
    const w = words[i]
    if (w.start < sentence.start || w.end > sentence.end) continue
    // Clause punctuation between this word and the one before ends the clause.
    if (first >= 0) {
      for (let j = words[last].end; j < w.start; j++) {
        if (CLAUSE_PUNCTUATION.has(text[j])) {
          close()
          break
        }
      }
    }
    const lower = text.slice(w.start, w.end).toLowerCase()
    const atSentenceStart = i === 0 || words[i - 1].end <= sentence.start
    const pair = OPENER_PAIRS[lower]
    if (!atSentenceStart && pair && words[i + 1] && text.slice(words[i + 1].start, words[i + 1].end) === pair) {
      close()
      i++
      continue
    }
    if (!atSentenceStart && OPENERS.has(lower)) {
      close()
      continue
    }
    if (first < 0) first = i
    last = i
  }
  close()
  return out
}

function quotationsOf(text: string, from: number, to: number): Span[] {
  const out: Span[] = []
  const open: { ch: string; at: number }[] = []
  for (let i = from; i < to; i++) {
    const ch = text[i]
    const top = open[open.length - 1]
    if (ch === '"') {
      const before = i === from ? ' ' : text[i - 1]
      const after = i + 1 < to ? text[i + 1] : ' '
      const opens = (isSpace(before) || '([{—–-/'.includes(before) || OPEN_QUOTES.has(before)) && !isSpace(after)
      if (!opens && top?.ch === '"') out.push({ start: open.pop()!.at, end: i + 1 })
      else if (opens) {
        if (top?.ch === '"') open.pop()
        open.push({ ch, at: i })
      }
      continue
    }
    if (top && PAIRS[top.ch]?.includes(ch) && !(ch === '“' && top.ch === '“')) {
      out.push({ start: open.pop()!.at, end: i + 1 })
    } else if (PAIRS[ch] && ch !== '"') {
      open.push({ ch, at: i })
    }
  }
  return out.sort((a, b) => a.start - b.start)
}

/** The units of text[from, to) (one row), offsets into the whole text. */
export function unitsOf(text: string, from: number, to: number, locale?: string): Units {
  const seg = segmenterFor(locale)
  const sentences = sentencesOf(text, from, to, seg.sentence)
  const words = wordsOf(text, from, to, seg.word)
  const clauses: Span[] = []
  let w = 0
  for (const s of sentences) {
    while (w < words.length && words[w].end <= s.start) w++
    let e = w
    while (e < words.length && words[e].start < s.end) e++
    const found = clausesOf(text, s, words.slice(w, e))
    // A sentence without words (a lone symbol) is a clause of its own.
    clauses.push(...(found.length ? found : [s]))
  }
  return { sentences, clauses, words, quotations: quotationsOf(text, from, to) }
}
