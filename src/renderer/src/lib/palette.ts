// Stable colours for sources. Hues from the Okabe-Ito and Paul Tol palettes, chosen to stay
// distinguishable with the common colour-vision deficiencies; each has a strong "ink" for
// underlines and swatches and a light tint for highlight backgrounds.

export interface Colour {
  ink: string
  tint: string
}

export const PALETTE: readonly Colour[] = [
  { ink: '#0072B2', tint: '#cfe3f2' }, // blue
  { ink: '#D55E00', tint: '#f8dcc7' }, // vermillion
  { ink: '#009E73', tint: '#c8eadf' }, // bluish green
  { ink: '#CC79A7', tint: '#f3dcea' }, // reddish purple
  { ink: '#B58900', tint: '#f4e7b8' }, // ochre (Okabe-Ito yellow, darkened to be visible)
  { ink: '#56B4E9', tint: '#d6ecf9' }, // sky blue
  { ink: '#882255', tint: '#e8cdda' }, // wine
  { ink: '#44AA99', tint: '#d2ebe6' }, // teal
  { ink: '#E69F00', tint: '#fbe6bd' }, // orange
  { ink: '#332288', tint: '#d8d4ec' }, // indigo
  { ink: '#999933', tint: '#e8e8c8' }, // olive
  { ink: '#AA4499', tint: '#edd3e9' } // purple
]

export const UNATTRIBUTED: Colour = { ink: '#8a8f98', tint: '#e4e6ea' }

/** FNV-1a, 32-bit. */
export function hash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/**
 * Palette index per source: the hash of its id, moved to the next free hue when an older
 * source already has it (while free hues remain). Older sources keep their colour when new
 * ones are added, and the first twelve sources of a case never share a colour.
 */
export function assignColours(sources: readonly { id: string; createdAt: string }[]): Map<string, number> {
  const ordered = [...sources].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
  const taken = new Set<number>()
  const result = new Map<string, number>()
  for (const source of ordered) {
    let index = hash(source.id) % PALETTE.length
    if (taken.size >= PALETTE.length) taken.clear()
    while (taken.has(index)) index = (index + 1) % PALETTE.length
    taken.add(index)
    result.set(source.id, index)
  }
  return result
}
