// The painter's plan, and its bookkeeping against a stand-in for the Highlight API (jsdom has none;
// e2e/reader.spec.ts checks the real painting in Chromium).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { HighlightPainter, planClaims, planHits, type Paint } from './highlight-painter'

describe('planClaims', () => {
  it('clamps claims to the window and layers overlapping ones', () => {
    const plan = planClaims(
      [
        { id: 'a', start: 0, end: 50, colour: 2 },
        { id: 'b', start: 40, end: 60, colour: -1 },
        { id: 'c', start: 70, end: 80, colour: 2 },
        { id: 'd', start: 200, end: 210, colour: 1 }
      ],
      30,
      100
    )
    expect(Object.fromEntries(plan)).toEqual({
      a: { name: 'cd-claim-2-0', start: 30, end: 50 },
      b: { name: 'cd-claim-u-1', start: 40, end: 60 },
      c: { name: 'cd-claim-2-0', start: 70, end: 80 }
    })
  })
})

describe('planHits', () => {
  it('takes the hits in the window, the active one apart', () => {
    const hits = [0, 100, 200, 300, 400].map((s) => ({ start: s, end: s + 5 }))
    const plan = planHits(hits, 2, 150, 350, { hit: 'h', active: 'a' })
    expect(Object.fromEntries(plan)).toEqual({
      '2': { name: 'a', start: 200, end: 205 },
      '3': { name: 'h', start: 300, end: 305 }
    })
  })
})

class FakeHighlight extends Set<AbstractRange> {
  priority = 0
}

describe('HighlightPainter', () => {
  let registry: Map<string, FakeHighlight>
  let text: Text
  beforeEach(() => {
    ;(globalThis as { Highlight?: unknown }).Highlight = FakeHighlight
    registry = new Map()
    document.body.innerHTML = '<p>some text in a paragraph</p>'
    text = document.body.firstChild!.firstChild as Text
  })
  afterEach(() => delete (globalThis as { Highlight?: unknown }).Highlight)

  // Static ranges, as the reader registers: they keep pointing at a removed text node.
  const rangeOf = (start: number, end: number) =>
    new StaticRange({ startContainer: text, startOffset: start, endContainer: text, endOffset: end })
  const plan = (entries: Record<string, Paint>) => new Map(Object.entries(entries))

  it('adds ranges once, moves only what changed, and drops what left the window', () => {
    const painter = new HighlightPainter(registry as unknown as HighlightRegistry, (n) => (n === 'hit' ? 1 : 0))
    expect(
      painter.apply(plan({ a: { name: 'x', start: 0, end: 4 }, b: { name: 'x', start: 5, end: 9 } }), rangeOf)
    ).toBe(2)
    expect(registry.get('x')!.size).toBe(2)
    // Recolour b: one move.
    expect(
      painter.apply(plan({ a: { name: 'x', start: 0, end: 4 }, b: { name: 'hit', start: 5, end: 9 } }), rangeOf)
    ).toBe(1)
    expect(registry.get('x')!.size).toBe(1)
    expect(registry.get('hit')!.size).toBe(1)
    expect(registry.get('hit')!.priority).toBe(1)
    // Unchanged: nothing to do.
    expect(
      painter.apply(plan({ a: { name: 'x', start: 0, end: 4 }, b: { name: 'hit', start: 5, end: 9 } }), rangeOf)
    ).toBe(0)
    // a leaves the window.
    painter.apply(plan({ b: { name: 'hit', start: 5, end: 9 } }), rangeOf)
    expect(registry.get('x')!.size).toBe(0)
    expect(painter.size).toBe(1)
    painter.dispose()
    expect(registry.size).toBe(0)
  })

  it('replaces a range whose text node left the DOM', () => {
    const painter = new HighlightPainter(registry as unknown as HighlightRegistry)
    const p = plan({ a: { name: 'x', start: 0, end: 4 } })
    painter.apply(p, rangeOf)
    const first = [...registry.get('x')!][0]
    text.remove()
    document.body.innerHTML = '<p>some text again</p>'
    text = document.body.firstChild!.firstChild as Text
    expect(painter.apply(p, rangeOf)).toBe(1)
    expect([...registry.get('x')!][0]).not.toBe(first)
  })
})
