import { describe, expect, it } from 'vitest'
import { HeightIndex } from './heights'
import { renderItems, windowAt } from './viewport'

describe('windowAt', () => {
  const heights = new HeightIndex(Array.from({ length: 1000 }, () => 100))
  it('covers the viewport and the overscan on both sides', () => {
    expect(windowAt(heights, 5000, 800, 400)).toEqual({ first: 46, last: 62, visibleFirst: 50, visibleLast: 57 })
  })
  it('clamps at the top and the bottom of the article', () => {
    expect(windowAt(heights, 0, 800, 400)).toMatchObject({ first: 0, visibleFirst: 0, last: 12 })
    expect(windowAt(heights, 1e9, 800, 400)).toMatchObject({ first: 999, last: 999 })
  })
  it('is empty for a document without rows', () => {
    expect(windowAt(new HeightIndex([]), 0, 800, 400)).toEqual({ first: 0, last: -1, visibleFirst: 0, visibleLast: -1 })
  })
})

describe('renderItems', () => {
  const heights = new HeightIndex(Array.from({ length: 100 }, (_, i) => 10 + i))
  const sum = (a: number, b: number) => {
    let s = 0
    for (let i = a; i < b; i++) s += 10 + i
    return s
  }

  it('stands in for the rows left out with gaps of their height', () => {
    const items = renderItems(heights, 10, 12, [])
    expect(items).toEqual([
      { kind: 'gap', from: 0, to: 10, height: sum(0, 10) },
      { kind: 'row', index: 10 },
      { kind: 'row', index: 11 },
      { kind: 'row', index: 12 },
      { kind: 'gap', from: 13, to: 100, height: sum(13, 100) }
    ])
    const total = items.reduce((s, it) => s + (it.kind === 'gap' ? it.height : heights.height(it.index)), 0)
    expect(total).toBeCloseTo(heights.total)
  })

  it('keeps pinned rows (a selection anchor) in the DOM far from the window', () => {
    const items = renderItems(heights, 50, 51, [3, 51, 99, 500])
    expect(items.map((it) => (it.kind === 'row' ? it.index : `gap ${it.from}-${it.to}`))).toEqual([
      'gap 0-3',
      3,
      'gap 4-50',
      50,
      51,
      'gap 52-99',
      99
    ])
  })
})
