// Stable colours for sources. Hues from the Okabe-Ito and Paul Tol palettes, chosen to stay
// distinguishable with the common colour-vision deficiencies; each has a strong "ink" for
// underlines and swatches and a tint for highlight backgrounds, in a light and a dark set.
// Components use `PALETTE`, whose values are CSS variables, so a theme switch repaints through CSS
// alone; the theme (lib/theme.svelte.ts) sets the variables from `SOURCE_COLOURS`.

export interface Colour {
  ink: string
  tint: string
}

export type ThemeName = 'light' | 'dark'

/** Light tints keep the reader's dark text legible; dark tints are deep enough for its light text. */
export const SOURCE_COLOURS: Record<ThemeName, readonly Colour[]> = {
  light: [
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
  ],
  // The same hues, lightened so swatches stand out on a dark panel; tints are 30% ink over the panel.
  dark: [
    { ink: '#4da3e0', tint: '#2b475d' },
    { ink: '#f08a3c', tint: '#5c402c' },
    { ink: '#2fc49a', tint: '#225148' },
    { ink: '#e29ac4', tint: '#584555' },
    { ink: '#d9b23a', tint: '#554c2b' },
    { ink: '#7fcbf2', tint: '#3a5362' },
    { ink: '#e0607e', tint: '#573340' },
    { ink: '#5fc4b2', tint: '#31514f' },
    { ink: '#f2b640', tint: '#5d4d2d' },
    { ink: '#8f83e0', tint: '#3f3e5d' },
    { ink: '#bcbc55', tint: '#4d4f33' },
    { ink: '#cf74c0', tint: '#523954' }
  ]
}

export const UNATTRIBUTED_COLOURS: Record<ThemeName, Colour> = {
  light: { ink: '#8a8f98', tint: '#e4e6ea' },
  dark: { ink: '#8a9099', tint: '#353a42' }
}

export const PALETTE: readonly Colour[] = SOURCE_COLOURS.light.map((_, i) => ({
  ink: `var(--source-${i}-ink)`,
  tint: `var(--source-${i}-tint)`
}))

export const UNATTRIBUTED: Colour = { ink: 'var(--unattributed-ink)', tint: 'var(--unattributed-tint)' }

/** The CSS variables PALETTE and UNATTRIBUTED name, with their values in `theme`. */
export function paletteVariables(theme: ThemeName): Record<string, string> {
  const vars: Record<string, string> = {}
  SOURCE_COLOURS[theme].forEach((c, i) => {
    vars[`--source-${i}-ink`] = c.ink
    vars[`--source-${i}-tint`] = c.tint
  })
  vars['--unattributed-ink'] = UNATTRIBUTED_COLOURS[theme].ink
  vars['--unattributed-tint'] = UNATTRIBUTED_COLOURS[theme].tint
  return vars
}

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
