// The reading cursor: selecting a claim's words by keyboard. The cursor is a span of the text (the
// selection it shows), or a point (where the last selection ended). It moves by clause, sentence
// and paragraph, each move selecting the unit it lands on; it widens to the sentence (again: the
// paragraph) or to the quotation under it; it grows or shrinks by a word at either end. With no
// cursor yet (or one scrolled out of view), moves start from `origin`, the first text in view.
// Pure: the reader applies the span it returns as the selection.
import { rowAt, type Row } from './rows'
import { closeAfter, openBefore, unitsOf, type Span, type Units } from './text-units'

export type Motion =
  | 'next-clause'
  | 'prev-clause'
  | 'next-sentence'
  | 'prev-sentence'
  | 'next-paragraph'
  | 'prev-paragraph'
  | 'sentence'
  | 'quotation'
  | 'grow-end'
  | 'shrink-end'
  | 'grow-start'
  | 'shrink-start'

export const MOTIONS: readonly Motion[] = [
  'next-clause',
  'prev-clause',
  'next-sentence',
  'prev-sentence',
  'next-paragraph',
  'prev-paragraph',
  'sentence',
  'quotation',
  'grow-end',
  'shrink-end',
  'grow-start',
  'shrink-start'
]

type Kind = 'sentences' | 'clauses' | 'words' | 'quotations'

/** A document's units, segmented a row at a time as the cursor reaches it. */
export class TextUnits {
  private cache = new Map<number, Units>()

  constructor(
    readonly text: string,
    readonly rows: readonly Row[],
    readonly locale?: string
  ) {}

  at(row: number): Units {
    let units = this.cache.get(row)
    if (!units) {
      const r = this.rows[row]
      units = unitsOf(this.text, r.start, r.end, this.locale)
      this.cache.set(row, units)
    }
    return units
  }

  /** The row holding `offset` (the first row for offsets before it). */
  rowOf(offset: number): number {
    return Math.max(0, rowAt(this.rows, offset))
  }

  /** The first unit of `kind` matching `test`, looking forward from the row of `from`. */
  first(kind: Kind, from: number, test: (u: Span) => boolean, sameBlock = false): Span | null {
    const startRow = this.rowOf(from)
    for (let r = startRow; r < this.rows.length; r++) {
      if (sameBlock && this.rows[r].block !== this.rows[startRow].block) return null
      const found = this.at(r)[kind].find(test)
      if (found) return found
    }
    return null
  }

  /** The last unit of `kind` matching `test`, looking back from the row of `from`. */
  last(kind: Kind, from: number, test: (u: Span) => boolean): Span | null {
    for (let r = this.rowOf(from); r >= 0; r--) {
      const list = this.at(r)[kind]
      for (let i = list.length - 1; i >= 0; i--) if (test(list[i])) return list[i]
    }
    return null
  }

  /** The first sentence of the block of row `row`. */
  blockStart(row: number): Span | null {
    let r = row
    while (r > 0 && this.rows[r - 1].block === this.rows[row].block) r--
    return this.first('sentences', this.rows[r].start, () => true)
  }

  /** The span of the whole block holding `offset`, trimmed to its sentences. */
  blockSpan(offset: number): Span | null {
    const row = this.rowOf(offset)
    let a = row
    let b = row
    while (a > 0 && this.rows[a - 1].block === this.rows[row].block) a--
    while (b + 1 < this.rows.length && this.rows[b + 1].block === this.rows[row].block) b++
    const first = this.first('sentences', this.rows[a].start, () => true, true)
    const last = this.last('sentences', this.rows[b].end, (s) => s.start >= this.rows[a].start)
    return first && last && last.end > first.start ? { start: first.start, end: last.end } : null
  }
}

const same = (a: Span | null, b: Span | null) => a !== null && b !== null && a.start === b.start && a.end === b.end

/** The span the cursor moves to, or null when it cannot move that way. */
export function moveCursor(units: TextUnits, cursor: Span | null, origin: number, motion: Motion): Span | null {
  const next = (kind: Kind) =>
    cursor
      ? units.first(kind, cursor.start, (u) => u.start > cursor.start)
      : units.first(kind, origin, (u) => u.start >= origin)
  const prev = (kind: Kind) => (cursor ? units.last(kind, cursor.start, (u) => u.start < cursor.start) : next(kind))
  const at = cursor ?? { start: origin, end: origin }
  switch (motion) {
    case 'next-clause':
      return next('clauses')
    case 'prev-clause':
      return prev('clauses')
    case 'next-sentence':
      return next('sentences')
    case 'prev-sentence':
      return prev('sentences')
    case 'next-paragraph': {
      if (!cursor) return next('sentences')
      const row = units.rowOf(cursor.start)
      for (let r = row + 1; r < units.rows.length; r++) {
        if (units.rows[r].block === units.rows[row].block) continue
        const s = units.at(r).sentences[0]
        if (s) return s
      }
      return null
    }
    case 'prev-paragraph': {
      if (!cursor) return next('sentences')
      let row = units.rowOf(cursor.start)
      for (;;) {
        const start = units.blockStart(row)
        if (start && start.start < cursor.start) return start
        while (row > 0 && units.rows[row - 1].block === units.rows[row].block) row--
        if (row === 0) return null
        row--
      }
    }
    case 'sentence': {
      const containing = (p: number) =>
        units.last('sentences', p, (s) => s.start <= p) ?? units.first('sentences', p, () => true)
      const a = containing(at.start)
      const b = containing(Math.max(at.start, at.end - 1))
      if (!a || !b) return null
      const sentence = { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) }
      if (!same(sentence, cursor)) return sentence
      const block = units.blockSpan(at.start)
      return block && !same(block, cursor) ? block : null
    }
    case 'quotation': {
      const row = units.rowOf(at.start)
      const quotes = units.at(row).quotations
      const around = quotes
        .filter((q) => q.start <= at.start && q.end >= at.end && !same(q, cursor))
        .sort((x, y) => x.end - x.start - (y.end - y.start))[0]
      if (around) return around
      const sentence = units.last('sentences', at.start, (s) => s.start <= at.start)
      const inSentence = quotes.find((q) => q.start >= at.start && (!sentence || q.start < sentence.end))
      return inSentence ?? quotes.find((q) => q.start >= at.start) ?? null
    }
    case 'grow-end': {
      const w = units.first('words', at.end, (u) => u.end > at.end)
      if (!w) return null
      const end = closeAfter(units.text, w.end, units.rows[units.rowOf(w.start)].end)
      return cursor && cursor.end > cursor.start
        ? { start: cursor.start, end }
        : { start: openBefore(units.text, w.start, 0), end }
    }
    case 'grow-start': {
      const w = units.last('words', at.start, (u) => u.start < at.start)
      if (!w) return null
      const start = openBefore(units.text, w.start, units.rows[units.rowOf(w.start)].start)
      return cursor && cursor.end > cursor.start
        ? { start, end: cursor.end }
        : { start, end: closeAfter(units.text, w.end, units.rows[units.rowOf(w.start)].end) }
    }
    case 'shrink-end': {
      if (!cursor || cursor.end <= cursor.start) return null
      const last = units.last('words', cursor.end, (u) => u.start < cursor.end)
      const before = last && units.last('words', last.start, (u) => u.start < last.start)
      if (!before || before.end <= cursor.start) return null
      return { start: cursor.start, end: closeAfter(units.text, before.end, last.start) }
    }
    case 'shrink-start': {
      if (!cursor || cursor.end <= cursor.start) return null
      const first = units.first('words', cursor.start, (u) => u.end > cursor.start)
      const after = first && units.first('words', first.end, (u) => u.start >= first.end)
      if (!after || after.start >= cursor.end) return null
      return { start: openBefore(units.text, after.start, first.end), end: cursor.end }
    }
  }
}
