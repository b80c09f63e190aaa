// A claim's quote between quotation marks, as a briefing prints it. The quote is the article's exact
// text and often holds quotation marks of its own: a speaker's words ("engaged in combat soon."), a
// whole quoted sentence, or a selection that begins or ends inside a quotation. Wrapping such text in
// another pair doubles the marks (`soon."”`), so:
// - a quote that is one quotation from its first character to its last keeps that pair as the outer one;
// - a lone closing mark at the end (the selection began inside a quotation), or a lone opening mark at
//   the start, becomes the outer mark on that side;
// - every other double mark inside becomes the single mark of a quotation within a quotation.
// Only double marks change: a single ' or ’ may be an apostrophe. Where an inner mark meets an outer
// one (“‘ or ’”), a narrow no-break space keeps them apart, as style guides ask, and on one line.
// Pure string work.

const OPEN = '\u201C' // “
const CLOSE = '\u201D' // ”
const INNER_OPEN = '\u2018' // ‘
const INNER_CLOSE = '\u2019' // ’
const THIN = '\u202F'

interface Mark {
  index: number
  open: boolean
  /** Index of the mark it pairs with, or -1. */
  partner: number
}

/** Straight " opens after a start, a space or an opening bracket or dash when a word follows. */
function opensHere(text: string, i: number): boolean {
  const before = i === 0 ? '' : text[i - 1]
  const after = text[i + 1] ?? ''
  return (before === '' || /[\s([{\u2014\u2013/-]/.test(before)) && after !== '' && !/\s/.test(after)
}

function findMarks(text: string): Mark[] {
  const marks: Mark[] = []
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === OPEN || c === '\u201E') marks.push({ index: i, open: true, partner: -1 })
    else if (c === CLOSE) marks.push({ index: i, open: false, partner: -1 })
    else if (c === '"') marks.push({ index: i, open: opensHere(text, i), partner: -1 })
  }
  const stack: Mark[] = []
  for (const m of marks) {
    if (m.open) stack.push(m)
    else {
      const opener = stack.pop()
      if (opener) {
        opener.partner = m.index
        m.partner = opener.index
      }
    }
  }
  return marks
}

/** The quote trimmed and between “ ”, its own double marks nested or used as the outer pair. */
export function quoteForDisplay(quote: string): string {
  const text = quote.trim()
  if (text === '') return ''
  const marks = findMarks(text)
  const first = marks[0]
  const last = marks[marks.length - 1]
  const end = text.length - 1
  const outer = new Set<number>()
  if (first && first.index === 0 && first.open && first.partner === end) outer.add(0).add(end)
  else {
    if (last && last.index === end && !last.open && last.partner === -1) outer.add(end)
    if (first && first.index === 0 && first.open && first.partner === -1) outer.add(0)
  }
  let body = ''
  let at = 0
  for (const m of marks) {
    body += text.slice(at, m.index)
    if (!outer.has(m.index)) body += m.open ? INNER_OPEN : INNER_CLOSE
    at = m.index + 1
  }
  body += text.slice(at)
  body = body.trim()
  const before = body.startsWith(INNER_OPEN) ? THIN : ''
  const after =
    body.endsWith(INNER_CLOSE) && marks.some((m) => m.index === text.length - 1 && !outer.has(m.index)) ? THIN : ''
  return `${OPEN}${before}${body}${after}${CLOSE}`
}
