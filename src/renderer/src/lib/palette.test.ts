import { describe, expect, it } from 'vitest'
import { PALETTE, assignColours, hash } from './palette'

const source = (id: string, n: number) => ({ id, createdAt: `2024-01-01T00:00:${String(n).padStart(2, '0')}Z` })

describe('assignColours', () => {
  it('gives the first twelve sources twelve different colours', () => {
    const sources = Array.from({ length: 12 }, (_, i) => source(`s-${i}`, i))
    expect(new Set(assignColours(sources).values()).size).toBe(PALETTE.length)
  })

  it('keeps the colours of older sources when a newer one is added', () => {
    const sources = Array.from({ length: 5 }, (_, i) => source(`id-${i * 7}`, i))
    const before = assignColours(sources)
    const after = assignColours([...sources, source('newcomer', 30)])
    for (const s of sources) expect(after.get(s.id)).toBe(before.get(s.id))
  })

  it('starts from the hash of the id, so a lone source has the same colour in any case', () => {
    expect(assignColours([source('abc', 0)]).get('abc')).toBe(hash('abc') % PALETTE.length)
  })

  it('still colours every source beyond the palette size', () => {
    const sources = Array.from({ length: 30 }, (_, i) => source(`x${i}`, i))
    const map = assignColours(sources)
    expect(map.size).toBe(30)
    for (const v of map.values()) expect(v).toBeGreaterThanOrEqual(0)
  })
})
