// Where the text of one version of a document went in the next. Both texts are cut into sentences
// (and lines); a sentence found exactly once in each version is an anchor; the anchors that keep
// their order (the longest increasing run, as patience diff takes them) and equal sentences next
// to them are text both versions share. Anchors out of that order are passages that moved. What
// lies between two shared stretches of the new text is what replaced the old text between them.
import type { TextPositionSelector as TextRange } from '../model'

export type { TextRange }

export interface TextAlignment {
  /** The new place of an old range lying wholly in text both versions share unchanged; null otherwise. */
  sharedRange(start: number, end: number): TextRange | null
  /**
   * Where an old offset is expected in the new text: its own place when the text around it is
   * shared, else the same proportion of the way across the new text that replaced the old.
   */
  expected(offset: number): number
  /** The new text that replaced the old text around an offset (an empty range where it is shared). */
  replacement(offset: number): TextRange
  /** Stretches of the new text that no shared old text maps to (inserted or rewritten), in order. */
  readonly changed: readonly TextRange[]
  /** True when a range of the new text overlaps a changed stretch. */
  touchesChanged(range: TextRange): boolean
}

/** Where a sentence or a run of line breaks ends. */
const BOUNDARY = /\n+|[.!?…]+["'”’»)\]]*[ \t]+/g
/** Pieces longer than this (no sentence ends, no lines) are cut at word breaks the text itself picks. */
const LONG_PIECE = 600
const MIN_PIECE = 120

/** Start offsets of the text's pieces, then its length. */
export function pieceStarts(text: string): number[] {
  const starts = [0]
  const cutLong = (from: number, to: number): void => {
    if (to - from <= LONG_PIECE) return
    let last = from
    for (let i = text.indexOf(' ', from + MIN_PIECE); i !== -1 && i < to - MIN_PIECE; i = text.indexOf(' ', i + 1)) {
      // A break chosen by the letters after it, so an edit upstream cannot shift every later break.
      const next = text.charCodeAt(i + 1) * 961 + text.charCodeAt(i + 2) * 31 + text.charCodeAt(i + 3)
      if (i - last >= MIN_PIECE && next % 7 === 0) {
        starts.push(i + 1)
        last = i + 1
      }
    }
  }
  let last = 0
  for (const m of text.matchAll(BOUNDARY)) {
    const end = m.index + m[0].length
    if (end <= last || end >= text.length) continue
    cutLong(last, end)
    starts.push(end)
    last = end
  }
  cutLong(last, text.length)
  starts.push(text.length)
  return starts
}

function piecesOf(text: string, starts: readonly number[]): string[] {
  const out: string[] = []
  for (let i = 0; i + 1 < starts.length; i++) out.push(text.slice(starts[i], starts[i + 1]))
  return out
}

/** Indexes into `values` of a longest strictly increasing subsequence. */
export function longestIncreasing(values: readonly number[]): number[] {
  const tails: number[] = []
  const previous = new Int32Array(values.length).fill(-1)
  for (let i = 0; i < values.length; i++) {
    let lo = 0
    let hi = tails.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (values[tails[mid]] < values[i]) lo = mid + 1
      else hi = mid
    }
    if (lo > 0) previous[i] = tails[lo - 1]
    tails[lo] = i
  }
  const out: number[] = []
  for (let i = tails.length ? tails[tails.length - 1] : -1; i !== -1; i = previous[i]) out.push(i)
  return out.reverse()
}

/** The last index whose start is <= offset. */
function pieceAt(starts: readonly number[], offset: number): number {
  let lo = 0
  let hi = starts.length - 2
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (starts[mid] <= offset) lo = mid
    else hi = mid - 1
  }
  return Math.max(0, lo)
}

export function alignTexts(oldText: string, newText: string): TextAlignment {
  const oldStarts = pieceStarts(oldText)
  const newStarts = pieceStarts(newText)
  const oldPieces = piecesOf(oldText, oldStarts)
  const newPieces = piecesOf(newText, newStarts)

  // Pieces found exactly once in each version.
  const seen = new Map<string, { old: number; new: number; oldIndex: number; newIndex: number }>()
  oldPieces.forEach((piece, i) => {
    const entry = seen.get(piece)
    if (entry) entry.old++
    else seen.set(piece, { old: 1, new: 0, oldIndex: i, newIndex: -1 })
  })
  newPieces.forEach((piece, j) => {
    const entry = seen.get(piece)
    if (!entry) return
    entry.new++
    entry.newIndex = j
  })
  const unique = [...seen.values()].filter((e) => e.old === 1 && e.new === 1).sort((a, b) => a.oldIndex - b.oldIndex)

  /** For each old piece, the new piece holding the same text, or -1. */
  const matchOf = new Int32Array(oldPieces.length).fill(-1)
  const newTaken = new Uint8Array(newPieces.length)
  /** Old pieces whose match keeps the order of the text (not moved passages). */
  const inOrder = new Uint8Array(oldPieces.length)
  const match = (i: number, j: number, ordered: boolean): void => {
    matchOf[i] = j
    newTaken[j] = 1
    if (ordered) inOrder[i] = 1
  }
  const extend = (i: number, j: number, ordered: boolean): void => {
    for (let a = i + 1, b = j + 1; a < oldPieces.length && b < newPieces.length; a++, b++) {
      if (matchOf[a] !== -1 || newTaken[b] || oldPieces[a] !== newPieces[b]) break
      match(a, b, ordered)
    }
    for (let a = i - 1, b = j - 1; a >= 0 && b >= 0; a--, b--) {
      if (matchOf[a] !== -1 || newTaken[b] || oldPieces[a] !== newPieces[b]) break
      match(a, b, ordered)
    }
  }
  const ordered = new Set(longestIncreasing(unique.map((e) => e.newIndex)))
  unique.forEach((e, k) => ordered.has(k) && match(e.oldIndex, e.newIndex, true))
  unique.forEach((e, k) => ordered.has(k) && extend(e.oldIndex, e.newIndex, true))
  unique.forEach(
    (e, k) =>
      !ordered.has(k) && matchOf[e.oldIndex] === -1 && !newTaken[e.newIndex] && match(e.oldIndex, e.newIndex, false)
  )
  unique.forEach(
    (e, k) => !ordered.has(k) && matchOf[e.oldIndex] === e.newIndex && extend(e.oldIndex, e.newIndex, false)
  )

  // The nearest shared piece before and after each old piece: in order, and of any kind (a moved passage's).
  const nearest = (keep: (i: number) => boolean) => {
    const before = new Int32Array(oldPieces.length)
    const after = new Int32Array(oldPieces.length)
    for (let i = 0, last = -1; i < oldPieces.length; i++) {
      before[i] = last
      if (keep(i)) last = i
    }
    for (let i = oldPieces.length - 1, next = -1; i >= 0; i--) {
      after[i] = next
      if (keep(i)) next = i
    }
    return { before, after }
  }
  const inOrderNear = nearest((i) => inOrder[i] === 1)
  const any = nearest((i) => matchOf[i] !== -1)

  const changed: TextRange[] = []
  for (let j = 0; j < newPieces.length; j++) {
    if (newTaken[j]) continue
    const last = changed[changed.length - 1]
    if (last && last.end === newStarts[j]) last.end = newStarts[j + 1]
    else changed.push({ start: newStarts[j], end: newStarts[j + 1] })
  }

  const stretch = (b: number, a: number) => ({
    oldStart: b === -1 ? 0 : oldStarts[b + 1],
    oldEnd: a === -1 ? oldText.length : oldStarts[a],
    newStart: b === -1 ? 0 : newStarts[matchOf[b] + 1],
    newEnd: a === -1 ? newText.length : newStarts[matchOf[a]]
  })
  /**
   * The old and new stretches between the shared pieces around old piece i: its nearest shared
   * neighbours when they still enclose a stretch of about its size (an edited sentence in a moved
   * paragraph), else the nearest in-order ones.
   */
  const gap = (i: number) => {
    const near = stretch(any.before[i], any.after[i])
    const grown = near.newEnd - near.newStart
    if (grown >= 0 && grown <= 4 * (near.oldEnd - near.oldStart) + 1000) return near
    return stretch(inOrderNear.before[i], inOrderNear.after[i])
  }
  const sharedOffset = (offset: number): number | null => {
    const i = pieceAt(oldStarts, offset)
    const j = matchOf[i]
    return j === -1 ? null : newStarts[j] + (offset - oldStarts[i])
  }

  return {
    changed,
    sharedRange(start, end) {
      if (end <= start || end > oldText.length) return null
      const first = pieceAt(oldStarts, start)
      const last = pieceAt(oldStarts, end - 1)
      const j = matchOf[first]
      if (j === -1) return null
      for (let i = first + 1; i <= last; i++) if (matchOf[i] !== j + (i - first)) return null
      return {
        start: newStarts[j] + (start - oldStarts[first]),
        end: newStarts[j + (last - first)] + (end - oldStarts[last])
      }
    },
    expected(offset) {
      const shared = sharedOffset(offset)
      if (shared !== null) return shared
      const g = gap(pieceAt(oldStarts, offset))
      const share = g.oldEnd > g.oldStart ? (offset - g.oldStart) / (g.oldEnd - g.oldStart) : 0
      return Math.round(g.newStart + share * (g.newEnd - g.newStart))
    },
    replacement(offset) {
      const shared = sharedOffset(offset)
      if (shared !== null) return { start: shared, end: shared }
      const g = gap(pieceAt(oldStarts, offset))
      return { start: g.newStart, end: g.newEnd }
    },
    touchesChanged(range) {
      let lo = 0
      let hi = changed.length
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (changed[mid].end <= range.start) lo = mid + 1
        else hi = mid
      }
      return lo < changed.length && changed[lo].start < range.end
    }
  }
}
