import { describe, expect, it } from 'vitest'
import { lineBoxes } from './outline'

const r = (left: number, top: number, right: number, bottom: number) => ({ left, top, right, bottom })

describe('lineBoxes', () => {
  it('merges the rectangles of one line and keeps lines apart, relative to the origin', () => {
    const boxes = lineBoxes([r(100, 50, 180, 70), r(180, 51, 300, 69), r(20, 78, 90, 98), r(5, 5, 5, 30)], {
      top: 40,
      left: 10
    })
    expect(boxes).toEqual([
      { top: 10, left: 90, width: 200, height: 20 },
      { top: 38, left: 10, width: 70, height: 20 }
    ])
  })
})
