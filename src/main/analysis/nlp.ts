// Sentences and tokens with their offsets in the document text, from wink-nlp and its English model
// (both ship inside their npm packages; nothing is fetched). The model loads once, on first use.
import winkNLP from 'wink-nlp'
import model from 'wink-eng-lite-web-model'
import { MONTHS, WEEKDAYS } from './lexicon'

export interface Token {
  start: number
  end: number
  text: string
  lower: string
  /** Universal part of speech (NOUN, PROPN, VERB, AUX, ADP, DET, PUNCT, ...). */
  pos: string
  lemma: string
  /** Named-entity type from the model (DATE, CARDINAL, PERCENT, ...), when the token is in one. */
  entity?: string
}

export interface Sentence {
  start: number
  end: number
  tokens: Token[]
  /** Index of the block the sentence is in. */
  block: number
}

let engine: ReturnType<typeof winkNLP> | null = null

// The slice of wink's API used here, typed loosely: its own types do not describe `its.lemma` as an
// output function, nor the callbacks' parameters.
interface WinkItem {
  out(f?: unknown): unknown
}
interface WinkCollection extends WinkItem {
  each(cb: (item: WinkItem) => void): void
  length(): number
}
interface WinkDoc {
  tokens(): WinkCollection
  entities(): WinkCollection
  sentences(): WinkCollection
}
const read = (text: string) => nlp().readDoc(text) as unknown as WinkDoc
const its = () => nlp().its as unknown as Record<'pos' | 'lemma' | 'span' | 'type', unknown>

function nlp(): ReturnType<typeof winkNLP> {
  engine ??= winkNLP(model, ['sbd', 'pos', 'ner'])
  return engine
}

/** Loads the model now rather than on the first document (it takes about 100 ms). */
export function loadModel(): void {
  nlp()
}

/** The raw library's own reading of a text: the reference the benchmark compares against. */
export function readWithWink(text: string): number {
  return read(text).tokens().length()
}

/**
 * wink reads a run of characters with no space in time that grows with the square of its length (80,000
 * characters: 3 s), so a run longer than any word or web address (an encoded blob pasted into an
 * article) is read in pieces: a space takes every 256th character's place, keeping every offset.
 */
export function readable(slice: string): string {
  return slice.replace(/\S{257,}/g, (run) => run.replace(/(\S{255})\S/g, '$1 '))
}

/** Latin letters beyond Latin-1 ("š", "ć", "Ł", "ễ"), which wink reads as words of their own. */
const EXTENDED_LATIN = /[\u0100-\u024f\u1e00-\u1eff]/gu

/** Letters with a stroke, which have no decomposition. */
const STROKED: Record<string, string> = { ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ħ: 'h', Ħ: 'H', ı: 'i', ŧ: 't', Ŧ: 'T' }

/**
 * wink splits "Tešić" into "Te š i ć", so it reads each letter beyond Latin-1 as its base letter (one UTF-16
 * unit for one, keeping every offset); tokens keep the text as written.
 */
export function plainLetters(slice: string): string {
  return slice.replace(EXTENDED_LATIN, (c) => {
    const base = STROKED[c] ?? c.normalize('NFD')[0]
    return /[A-Za-z]/.test(base) ? base : c === c.toLowerCase() ? 'x' : 'X'
  })
}

const FOOTNOTE = /^\[\d{1,3}\]$/
const isQuote = (t: Token) => t.text === '"' || t.text === '“' || t.text === '”'

/**
 * The sentences of each block, in reading order. Sentences never cross blocks or line breaks; a
 * sentence that opens a quotation runs on until the quotation closes ("There was no siren, nothing.
 * By the time we woke up ...," said ...); footnote marks ("[7]") belong to the sentence before them.
 */
const PERIODICALS = new Set(['daily', 'weekly', 'monthly', 'fortnightly'])

export function sentencesOf(text: string, blocks: readonly { start: number; end: number }[]): Sentence[] {
  const { pos: POS, lemma: LEMMA, span: SPAN, type: TYPE } = its()
  const out: Sentence[] = []
  const ranges = blocks.length ? blocks : paragraphs(text)
  ranges.forEach((block, blockIndex) => {
    const slice = plainLetters(readable(text.slice(block.start, block.end)))
    if (!slice.trim()) return
    const doc = read(slice)
    const tokens: Token[] = []
    let cursor = 0
    const values = doc.tokens().out() as string[]
    const pos = doc.tokens().out(POS) as string[]
    const lemma = doc.tokens().out(LEMMA) as string[]
    values.forEach((value, i) => {
      const at = slice.indexOf(value, cursor)
      const start = at === -1 || at - cursor > 40 ? cursor : at
      const end = at === -1 || at - cursor > 40 ? cursor : at + value.length
      cursor = end
      if (pos[i] === 'SPACE') return
      const written = start < end ? text.slice(block.start + start, block.start + end) : value
      tokens[i] = {
        start: block.start + start,
        end: block.start + end,
        text: written,
        // A typographic apostrophe ("Ledger’s", "haven’t") reads as the plain one the rules look for.
        lower: written.toLowerCase().replace(/’/g, "'"),
        pos: pos[i],
        lemma: lemma[i] ?? value.toLowerCase()
      }
    })
    doc.entities().each((e) => {
      const [from, to] = e.out(SPAN) as [number, number]
      const type = e.out(TYPE) as string
      for (let i = from; i <= to; i++) if (tokens[i]) tokens[i].entity = type
    })
    const pieces: Token[][] = []
    doc.sentences().each((s) => {
      const [from, to] = s.out(SPAN) as [number, number]
      let piece: Token[] = []
      for (let i = from; i <= to; i++) {
        const t = tokens[i]
        if (!t) continue
        if (piece.length && text.slice(piece.at(-1)!.end, t.start).includes('\n')) {
          pieces.push(piece)
          piece = []
        }
        piece.push(t)
      }
      if (piece.length) pieces.push(piece)
    })
    const merged: Token[][] = []
    for (const piece of pieces.flatMap(splitAfterClockTime)) {
      const prev = merged.at(-1)
      const openQuote = prev && prev.filter(isQuote).length % 2 === 1
      const sameLine = prev && !text.slice(prev.at(-1)!.end, piece[0].start).includes('\n')
      if (prev && sameLine && (openQuote || leadingFootnote(piece) === piece.length)) prev.push(...piece)
      else if (prev && sameLine && leadingFootnote(piece) > 0) {
        const n = leadingFootnote(piece)
        prev.push(...piece.slice(0, n))
        merged.push(piece.slice(n))
      } else merged.push(piece)
    }
    for (const toks of merged.flatMap(splitAfterQuotation)) {
      if (!toks.length) continue
      // A capitalised word inside a sentence is a name, not a verb ("The Korval Herald, citing ...").
      toks.forEach((t, i) => {
        const prev = toks[i - 1]
        if (i > 0 && t.pos === 'VERB' && /^\p{Lu}\p{Ll}/u.test(t.text) && prev && !isQuote(prev) && prev.text !== ':')
          t.pos = 'PROPN'
        // "Flooding in the north has killed ...": an opening -ing word whose sentence reaches its auxiliary before
        // any comma is the subject, not a participle clause.
        if (i === 0 && t.pos === 'VERB' && /ing$/.test(t.lower) && toks[1]?.pos === 'ADP') {
          const comma = toks.findIndex((x) => x.text === ',')
          const aux = toks.findIndex((x) => x.pos === 'AUX')
          if (aux > 1 && (comma === -1 || aux < comma)) t.pos = 'NOUN'
        }
        // "the clinic's only doctor": a word after a possessive (and its modifier) is a noun.
        const possessive = (k: number) => /^['’]s$/.test(toks[k]?.text ?? '')
        const afterPossessive = possessive(i - 1) || (['ADJ', 'ADV'].includes(prev?.pos ?? '') && possessive(i - 2))
        if (t.pos === 'VERB' && afterPossessive && toks[i + 1]?.pos !== 'DET') t.pos = 'NOUN'
        // "The agency has since said ...": "since" between an auxiliary and its verb is an adverb.
        if (t.lower === 'since' && prev?.pos === 'AUX' && toks[i + 1]?.pos === 'VERB') t.pos = 'ADV'
        // "the crossing", "the heavy shelling": an -ing word after an article is a noun.
        const det = prev?.pos === 'DET' ? prev : prev?.pos === 'ADJ' ? toks[i - 2] : undefined
        if (t.pos === 'VERB' && /ing$/.test(t.lower) && det?.pos === 'DET' && det.lower !== 'that') t.pos = 'NOUN'
        // "the weekly wrote", "the daily's count": an adverb or adjective between an article and a verb or
        // a possessive is a noun; not in "an anonymously run channel", where the verb is a participle.
        const [next, after] = [toks[i + 1], toks[i + 2]]
        const beforeNoun = ['NOUN', 'PROPN', 'ADJ'].includes(after?.pos ?? '') || /^['’]s$/.test(after?.text ?? '')
        const verb =
          t.pos === 'ADV' &&
          ['VERB', 'AUX'].includes(next?.pos ?? '') &&
          !beforeNoun &&
          !/ing$/.test(after?.lower ?? '')
        const possessed = ['ADV', 'ADJ'].includes(t.pos) && /^['’]s$/.test(next?.text ?? '')
        if (['the', 'a', 'an'].includes(prev?.lower ?? '') && (verb || possessed)) t.pos = 'NOUN'
        // "the largest daily by circulation", "the opposition weekly": a paper's period after an article (and
        // its modifiers), with no noun after it, is the paper.
        const described =
          ['DET', 'ADJ'].includes(prev?.pos ?? '') || (prev?.pos === 'NOUN' && toks[i - 2]?.pos === 'DET')
        if (PERIODICALS.has(t.lower) && described && !['NOUN', 'PROPN', 'ADJ'].includes(next?.pos ?? '')) t.pos = 'NOUN'
      })
      out.push({ start: toks[0].start, end: toks.at(-1)!.end, tokens: toks, block: blockIndex })
    }
  })
  return out
}

const CLOCK = /^[ap]\.m\.$/i
const OF_THE_TIME = new Set([...WEEKDAYS, ...MONTHS, 'local'])
const TIME_ZONE = /^[A-Z]{2,4}$/

/**
 * "... between 1:40 a.m. and 5 a.m. Air defence units had shot down ...": wink may read a clock time's
 * full stop as no sentence end. A capitalised word after "a.m." with a verb after it starts a sentence,
 * unless it belongs to the time ("5 p.m. Monday", "6 a.m. GMT", "9 a.m. Moscow time").
 */
function splitAfterClockTime(piece: Token[]): Token[][] {
  const at = piece.findIndex((t, i) => {
    const next = piece[i + 1]
    // "... between £40m and £60m. A spokeswoman said ...": a figure's full stop before an article or pronoun.
    const figureStop =
      (/^\d[\d,]*\.$/.test(t.text) || (/^(?:m|bn|k)\.$/i.test(t.text) && piece[i - 1]?.pos === 'NUM')) &&
      ['DET', 'PRON'].includes(next?.pos ?? '') &&
      /^\p{Lu}/u.test(next?.text ?? '')
    if (figureStop) return true
    // '... at about 3 a.m. "People did not want ...," she said': a quotation opening after the time.
    if (CLOCK.test(t.text) && /^["“]$/.test(next?.text ?? '') && /^\p{Lu}/u.test(piece[i + 2]?.text ?? '')) return true
    return (
      CLOCK.test(t.text) &&
      !!next &&
      /^\p{Lu}\p{Ll}/u.test(next.text) &&
      !OF_THE_TIME.has(next.lower) &&
      !TIME_ZONE.test(next.text) &&
      piece[i + 2]?.lower !== 'time' &&
      piece.slice(i + 1).some((x) => x.pos === 'VERB' || x.pos === 'AUX')
    )
  })
  return at === -1 ? [piece] : [piece.slice(0, at + 1), ...splitAfterClockTime(piece.slice(at + 1))]
}

/**
 * 'who added: "Food up 62%. Let that sink in." Speaking on Sunday, he said ...': a quotation closing on a
 * full stop ends the sentence when a capitalised word follows (wink may read "in." as one word).
 */
function splitAfterQuotation(piece: Token[]): Token[][] {
  let quotes = 0
  const at = piece.findIndex((t, i) => {
    if (!isQuote(t)) return false
    quotes++
    const next = piece[i + 1]
    return (
      quotes % 2 === 0 &&
      /[.!?]$/.test(piece[i - 1]?.text ?? '') &&
      !!next &&
      /^\p{Lu}/u.test(next.text) &&
      piece.slice(i + 1).some((x) => x.pos === 'VERB' || x.pos === 'AUX')
    )
  })
  return at === -1 ? [piece] : [piece.slice(0, at + 1), ...splitAfterQuotation(piece.slice(at + 1))]
}

/** How many tokens at the start of a sentence are a footnote mark: "[", "7", "]". */
function leadingFootnote(tokens: Token[]): number {
  if (tokens.length >= 3 && tokens[0].text === '[' && tokens[2].text === ']' && /^\d{1,3}$/.test(tokens[1].text))
    return 3
  return tokens.length && FOOTNOTE.test(tokens[0].text) ? 1 : 0
}

function paragraphs(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = []
  for (const m of text.matchAll(/[^\n]+(?:\n(?!\s*\n)[^\n]+)*/g))
    out.push({ start: m.index, end: m.index + m[0].length })
  return out
}
