// How many keystrokes the reading cursor needs to select each gold quote of the seed article
// (../shared/acceptance/kursk-gold.json) and mark it, found by a breadth-first search over the
// cursor's moves on the article as the importer makes it. Counted three ways:
// - "in view": the quote's paragraph is the first in view, no cursor yet (moves start there);
// - "reading": marking the quotes in reading order, each from where the previous one left the cursor;
// - "from the top": from the top of the article with no cursor, for reference (not a target).
// The mark key (C) is counted.
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadedDesk, type TestDesk } from '../lib/testing/desk'
import { moveCursor, MOTIONS, TextUnits, type Motion } from './reading-cursor'
import { buildRows } from './rows'
import type { Span } from './text-units'

const shared = resolve(__dirname, '../../../../../shared')
const goldFile = join(shared, 'acceptance/kursk-gold.json')
const present = existsSync(goldFile)
if (!present && process.env.CI === 'true')
  throw new Error(`${goldFile} is missing: the keystroke test cannot run on CI`)
if (!present) console.log('keystrokes.test: skipped, ../shared (seed article and gold quotes) is absent')

interface Gold {
  id: string
  quote: string
  start: number
}

const key = (s: Span | null) => (s ? s.start * 1e8 + s.end : -1)

/** The fewest moves from `from` that select `target`, with the moves, or null past `limit`. */
export function plan(
  units: TextUnits,
  from: Span | null,
  origin: number,
  target: Span,
  limit: number
): Motion[] | null {
  if (from && key(from) === key(target)) return []
  const parent = new Map<number, { prev: Span | null; motion: Motion }>()
  let frontier: (Span | null)[] = [from]
  const seen = new Set([key(from)])
  for (let depth = 1; depth <= limit && frontier.length; depth++) {
    const next: (Span | null)[] = []
    for (const s of frontier) {
      for (const motion of MOTIONS) {
        const r = moveCursor(units, s, origin, motion)
        if (!r || seen.has(key(r))) continue
        seen.add(key(r))
        parent.set(key(r), { prev: s, motion })
        if (key(r) === key(target)) {
          const path: Motion[] = []
          for (let at: Span | null = r; at && parent.has(key(at)); at = parent.get(key(at))!.prev) {
            path.unshift(parent.get(key(at))!.motion)
          }
          return path
        }
        next.push(r)
      }
    }
    frontier = next
  }
  return null
}

describe.skipIf(!present)('selecting the gold quotes by keyboard', () => {
  let t: TestDesk
  let units: TextUnits
  let quotes: (Gold & { span: Span })[]

  beforeAll(async () => {
    const data = JSON.parse(readFileSync(goldFile, 'utf8'))
    const seed = readFileSync(join(shared, 'acceptance', data.document), 'utf8')
    t = await loadedDesk({ documents: { 'kursk.txt': seed } })
    const doc = t.desk.store.currentDoc!
    units = new TextUnits(doc.text, buildRows(doc.blocks, doc.text), 'en')
    // The imported text may differ from the file's: take each quote's occurrence nearest its gold offset.
    quotes = (data.claims as Gold[]).map((g) => {
      let best = -1
      for (let at = doc.text.indexOf(g.quote); at >= 0; at = doc.text.indexOf(g.quote, at + 1)) {
        if (best < 0 || Math.abs(at - g.start) < Math.abs(best - g.start)) best = at
      }
      expect(best, g.quote).toBeGreaterThanOrEqual(0)
      return { ...g, span: { start: best, end: best + g.quote.length } }
    })
    quotes.sort((a, b) => a.span.start - b.span.start)
  }, 60_000)
  afterAll(() => t?.dispose())

  const report = (label: string, counts: number[]) => {
    const sorted = [...counts].sort((a, b) => a - b)
    const histogram = new Map<number, number>()
    for (const c of counts) histogram.set(c, (histogram.get(c) ?? 0) + 1)
    console.log(
      `${label}: max ${sorted.at(-1)}, median ${sorted[Math.floor(sorted.length / 2)]}, mean ${(counts.reduce((a, b) => a + b, 0) / counts.length).toFixed(1)}; ` +
        [...histogram]
          .sort((a, b) => a[0] - b[0])
          .map(([k, n]) => `${k} keys × ${n}`)
          .join(', ')
    )
  }

  it('takes under 15 keystrokes (mark included) for every quote with its paragraph in view', () => {
    const counts = quotes.map((q) => {
      const paragraph = units.rows[units.rowOf(q.span.start)]
      const path = plan(units, null, paragraph.start, q.span, 13)
      expect(path, `${q.id} ${q.quote}`).not.toBeNull()
      console.log(`${q.id}: ${path!.length + 1} keys: ${[...path!, 'mark'].join(' ')}`)
      return path!.length + 1
    })
    report('paragraph in view', counts)
    expect(Math.max(...counts)).toBeLessThan(15)
  })

  it('takes under 15 keystrokes for each quote when marking them in reading order', () => {
    let cursor: Span | null = null
    const counts = quotes.map((q) => {
      const path = plan(units, cursor, 0, q.span, 13)
      expect(path, `${q.id} ${q.quote}`).not.toBeNull()
      // Marking leaves the cursor where the claim ends.
      cursor = { start: q.span.end, end: q.span.end }
      return path!.length + 1
    })
    report('reading order', counts)
    expect(Math.max(...counts)).toBeLessThan(15)
  })

  it('reports the keystrokes from the top of the article (for reference)', () => {
    const counts = quotes.map((q) => (plan(units, null, 0, q.span, 40)?.length ?? Infinity) + 1)
    report('from the top', counts)
    expect(counts.every(Number.isFinite)).toBe(true)
  }, 120_000)
})
