import { describe, expect, it } from 'vitest'
import { CENTRE_MIN, DEFAULT_SIZES, fit, Layout, LIMITS, RAIL, readSizes } from './layout.svelte'

function memory(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial))
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data }
}

describe('readSizes', () => {
  it('takes the defaults for a missing, damaged or foreign entry', () => {
    expect(readSizes(null)).toEqual(DEFAULT_SIZES)
    expect(readSizes('{not json')).toEqual(DEFAULT_SIZES)
    expect(readSizes('[1,2]')).toEqual(DEFAULT_SIZES)
    expect(readSizes('{"left":"wide","editorCollapsed":"yes"}')).toEqual(DEFAULT_SIZES)
  })

  it('keeps what was saved, clamped to the limits', () => {
    const sizes = readSizes(JSON.stringify({ left: 5000, right: 300, editor: 0.01, rightCollapsed: true }))
    expect(sizes.left).toBe(LIMITS.left[1])
    expect(sizes.right).toBe(300)
    expect(sizes.editor).toBe(LIMITS.editor[0])
    expect(sizes.rightCollapsed).toBe(true)
  })
})

describe('fit', () => {
  it('shows the chosen widths when they fit beside the centre', () => {
    expect(fit(DEFAULT_SIZES, 'desk', 1440)).toEqual({ left: 250, right: 380, leftSqueezed: false })
  })

  it('narrows the right pane, then the left, so the centre keeps its room (960 wide)', () => {
    const f = fit(DEFAULT_SIZES, 'desk', 960)
    expect(960 - f.left - f.right).toBeGreaterThanOrEqual(CENTRE_MIN)
    expect(f.left).toBe(250)
    expect(f.right).toBe(350)
  })

  it('folds the left pane to its rail when even the minimums do not fit, and never overflows', () => {
    for (const width of [800, 640, 500]) {
      const f = fit(DEFAULT_SIZES, 'desk', width)
      expect(f.leftSqueezed).toBe(true)
      expect(f.left).toBe(RAIL)
      expect(f.left + f.right).toBeLessThanOrEqual(Math.max(width, RAIL + LIMITS.right[0]))
    }
  })

  it('uses the briefing width beside the composer, and rails for collapsed panes', () => {
    const sizes = { ...DEFAULT_SIZES, leftCollapsed: true, briefingRight: 500 }
    expect(fit(sizes, 'briefing', 1600)).toEqual({ left: RAIL, right: 500, leftSqueezed: false })
    expect(fit({ ...sizes, rightCollapsed: true }, 'briefing', 1600).right).toBe(RAIL)
  })
})

describe('Layout', () => {
  it('remembers sizes and folded panes between sessions', () => {
    const storage = memory()
    const first = new Layout(storage)
    first.resize('left', 'desk', 300.4)
    first.resize('right', 'briefing', 10)
    first.resizeEditor(0.7)
    first.resizeSuggestions(0.95)
    first.toggle('editor')
    const again = new Layout(storage)
    expect(again.sizes).toMatchObject({
      left: 300,
      briefingRight: LIMITS.briefingRight[0],
      editor: 0.7,
      suggestions: LIMITS.suggestions[1]
    })
    expect(again.sizes.editorCollapsed).toBe(true)
  })
})
