import { describe, expect, it } from 'vitest'
import { assignLayers, clusterStart, highlightName, type Interval } from './claim-layers'

const iv = (id: string, start: number, end: number): Interval => ({ id, start, end })

describe('assignLayers', () => {
  it('puts claims that do not overlap on layer 0 and overlapping ones on separate layers', () => {
    const layers = assignLayers(
      [iv('a', 0, 10), iv('b', 5, 20), iv('c', 12, 15), iv('d', 20, 30), iv('e', 8, 9)].sort(
        (x, y) => x.start - y.start
      )
    )
    expect(Object.fromEntries(layers)).toEqual({ a: 0, b: 1, e: 2, c: 0, d: 0 })
  })
  it('treats touching claims as not overlapping', () => {
    expect([...assignLayers([iv('a', 0, 5), iv('b', 5, 9)]).values()]).toEqual([0, 0])
  })
})

describe('clusterStart', () => {
  const claims = [iv('a', 0, 10), iv('b', 8, 20), iv('c', 18, 40), iv('d', 50, 60)]
  const covering = (o: number) => claims.filter((c) => c.start <= o && c.end > o)
  it('walks back over a chain of overlapping claims', () => {
    expect(clusterStart(30, covering)).toBe(0)
    expect(clusterStart(55, covering)).toBe(50)
    expect(clusterStart(45, covering)).toBe(45)
  })
  it('gives each claim the layer it has from the top, wherever the window starts', () => {
    const all = assignLayers(claims)
    const from = clusterStart(30, covering)
    const windowed = assignLayers(claims.filter((c) => c.end > from))
    expect(windowed.get('c')).toBe(all.get('c'))
  })
})

describe('highlightName', () => {
  it('names a highlight by colour and layer, capping the layer', () => {
    expect(highlightName(3, 0)).toBe('cd-claim-3-0')
    expect(highlightName(-1, 7)).toBe('cd-claim-u-2')
  })
})
