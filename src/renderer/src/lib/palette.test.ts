import { describe, expect, it } from 'vitest'
import { PALETTE, SOURCE_COLOURS, UNATTRIBUTED_COLOURS, assignColours, hash, paletteVariables } from './palette'

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

/** WCAG contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
    })
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
  }
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x)
  return (hi + 0.05) / (lo + 0.05)
}

// The reader's text and the panel in each theme (--read-text and --panel in styles.css).
const READ_TEXT = { light: '#1b1d21', dark: '#dfe1e4' }
const PANEL = { light: '#ffffff', dark: '#1e2126' }

describe('source colours', () => {
  it('name CSS variables, so a theme switch repaints without re-rendering', () => {
    expect(PALETTE[3]).toEqual({ ink: 'var(--source-3-ink)', tint: 'var(--source-3-tint)' })
    expect(Object.keys(paletteVariables('dark'))).toContain('--unattributed-tint')
  })

  it('keep highlighted text legible (4.5:1) in both themes', () => {
    for (const theme of ['light', 'dark'] as const) {
      for (const c of [...SOURCE_COLOURS[theme], UNATTRIBUTED_COLOURS[theme]]) {
        expect(contrast(c.tint, READ_TEXT[theme]), `${theme} ${c.tint}`).toBeGreaterThanOrEqual(4.5)
      }
    }
  })

  it('give dark-theme swatches and underlines 3:1 against the panel', () => {
    for (const c of SOURCE_COLOURS.dark) expect(contrast(c.ink, PANEL.dark), c.ink).toBeGreaterThanOrEqual(3)
  })
})
