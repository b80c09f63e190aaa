import { describe, expect, it } from 'vitest'
import { estimateHeight, HeightIndex } from './heights'
import type { Row } from './rows'

const row = (start: number, end: number, extra: Partial<Row> = {}): Row => ({
  block: 0,
  kind: 'paragraph',
  start,
  end,
  continued: false,
  continues: false,
  ...extra
})

describe('estimateHeight', () => {
  const m = { charsPerLine: 70, lineHeight: 27, fontSize: 17 }
  it('grows with the number of lines and adds the paragraph gap', () => {
    expect(estimateHeight(row(0, 70), m)).toBeCloseTo(27 + 0.85 * 17)
    expect(estimateHeight(row(0, 71), m)).toBeCloseTo(54 + 0.85 * 17)
    expect(estimateHeight(row(0, 71, { continues: true }), m)).toBeCloseTo(54)
  })
  it('makes room for a page break and for larger heading type', () => {
    expect(estimateHeight(row(0, 10, { pageStart: 2 }), m)).toBeGreaterThan(estimateHeight(row(0, 10), m))
    expect(estimateHeight(row(0, 100, { kind: 'heading', level: 1 }), m)).toBeGreaterThan(
      estimateHeight(row(0, 100), m)
    )
  })
})

describe('HeightIndex', () => {
  it('answers top(i) and rowAtY(y) after measurements', () => {
    const index = new HeightIndex([10, 20, 30, 40, 50])
    expect(index.total).toBe(150)
    expect([0, 1, 2, 3, 4, 5].map((i) => index.top(i))).toEqual([0, 10, 30, 60, 100, 150])
    expect([0, 9.9, 10, 29, 30, 149, 150, 999, -5].map((y) => index.rowAtY(y))).toEqual([0, 0, 1, 1, 2, 4, 4, 4, 0])
    expect(index.measure(1, 25)).toBe(true)
    expect(index.measure(1, 25.2)).toBe(false)
    expect(index.isMeasured(1)).toBe(true)
    expect(index.isMeasured(2)).toBe(false)
    expect(index.top(3)).toBe(65)
    expect(index.total).toBe(155)
    expect(index.rowAtY(34)).toBe(1)
    expect(index.rowAtY(35)).toBe(2)
  })

  it('agrees with a plain sum over 50,000 rows with random updates', () => {
    const n = 50_000
    const plain = Array.from({ length: n }, (_, i) => 20 + (i % 7))
    const index = new HeightIndex(plain)
    let x = 7
    for (let k = 0; k < 2000; k++) {
      x = (x * 1103515245 + 12345) % 2147483648
      const i = x % n
      plain[i] = 10 + (x % 300)
      index.measure(i, plain[i])
    }
    for (let i = 0; i < n; i += 997) {
      expect(index.top(i)).toBeCloseTo(
        plain.slice(0, i).reduce((a, b) => a + b, 0),
        3
      )
      expect(index.rowAtY(index.top(i))).toBe(i)
    }
  })

  it('handles an empty document', () => {
    const index = new HeightIndex([])
    expect(index.total).toBe(0)
    expect(index.rowAtY(10)).toBe(-1)
  })
})
