// Finding words the way an analyst types them: case and accents ignored, and any run of white space
// in the query matching any run in the text, so "pokrovsk" finds "Pokrovsk" and "Pokróvsk", and
// "told Reuters" finds them across a line break. Offsets found in the folded text map back to the
// original.

export interface FoldedText {
  /** Lower case, without combining marks, each white-space unit a space. */
  folded: string
  /** Original offset of each folded offset (length folded.length + 1); null when they are the same. */
  map: Int32Array | null
}

const memo = new Map<number, string>()

/** What one UTF-16 unit becomes when folded ('' for a combining mark). */
function foldUnit(code: number): string {
  let f = memo.get(code)
  if (f === undefined) {
    const ch = String.fromCharCode(code)
    f = /\s/.test(ch) ? ' ' : ch.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')
    memo.set(code, f)
  }
  return f
}

const ACCENTED = /[\u00C0-\u024F\u1E00-\u1EFF]/g
const baseLetter = (c: string): string => foldUnit(c.charCodeAt(0)) || c

export function foldText(text: string): FoldedText {
  // The common case, done by the engine: lower case keeps the length and no combining mark stands
  // alone, so accented letters become their base letter one for one and the offsets stay the same.
  const lower = text.toLowerCase()
  if (lower.length === text.length && !/\p{M}/u.test(lower)) {
    return { folded: lower.replace(/\s/g, ' ').replace(ACCENTED, baseLetter), map: null }
  }
  let folded = ''
  let identity = true
  for (let i = 0; i < text.length; i++) {
    const f = foldUnit(text.charCodeAt(i))
    if (f.length !== 1) identity = false
    folded += f
  }
  if (identity) return { folded, map: null }
  // Rare: a unit folded to more or fewer units (a combining mark, a ligature); keep the offsets.
  const map = new Int32Array(folded.length + 1)
  let at = 0
  for (let i = 0; i < text.length; i++) {
    const n = foldUnit(text.charCodeAt(i)).length
    for (let k = 0; k < n; k++) map[at++] = i
  }
  map[at] = text.length
  return { folded, map }
}

/** A pattern for the query, folded like the text; null when there is nothing to look for. */
export function queryPattern(query: string): RegExp | null {
  const words = foldText(query).folded.split(' ').filter(Boolean)
  if (words.length === 0) return null
  return new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(' +'), 'g')
}

export interface TextHit {
  start: number
  end: number
}

/** Every place the pattern matches `text`, as original offsets: the first `limit`, and how many in all. */
export function findAll(text: FoldedText, pattern: RegExp, limit = Infinity): { hits: TextHit[]; count: number } {
  const hits: TextHit[] = []
  let count = 0
  const re = new RegExp(pattern.source, 'g')
  for (let m = re.exec(text.folded); m; m = re.exec(text.folded)) {
    count++
    if (hits.length >= limit) continue
    const i = m.index
    const n = m[0].length
    hits.push(text.map ? { start: text.map[i], end: text.map[i + n - 1] + 1 } : { start: i, end: i + n })
  }
  return { hits, count }
}

/** Whether the pattern matches anywhere in a short text (a note, a name). */
export function matches(text: string, pattern: RegExp): boolean {
  return new RegExp(pattern.source).test(foldText(text).folded)
}
