// The ::highlight() rules for every highlight the reader registers, made from the palette so each
// colour is defined once. Backgrounds mix the source's ink with transparency, so they read on a
// light or a dark page alike; search hits and suggestions take the theme's --hit, --hit-active and
// --suggestion (styles.css).
import { PALETTE, UNATTRIBUTED, type Colour } from '../lib/palette'
import { highlightName, LAYERS } from './claim-layers'

export const HIT = 'cd-hit'
export const ACTIVE_HIT = 'cd-hit-active'
/** The engine's suggested claims (dashed, in no source's colour) and the one the queue is on. */
export const SUGGESTION = 'cd-suggestion'
export const ACTIVE_SUGGESTION = 'cd-suggestion-active'

function layerRule(colour: Colour, layer: number): string {
  const ink = colour.ink
  switch (layer) {
    case 0:
      return `background-color: color-mix(in srgb, ${ink} 24%, transparent); text-decoration: underline 2px ${ink}; text-underline-offset: 3px;`
    case 1:
      return `text-decoration: underline 2px dashed ${ink}; text-underline-offset: 7px;`
    default:
      return `text-decoration: overline 2px ${ink};`
  }
}

export function highlightStyles(): string {
  const rules: string[] = []
  const colours: [number, Colour][] = [[-1, UNATTRIBUTED], ...PALETTE.map((c, i): [number, Colour] => [i, c])]
  for (const [index, colour] of colours) {
    for (let layer = 0; layer < LAYERS; layer++) {
      rules.push(`::highlight(${highlightName(index, layer)}) { ${layerRule(colour, layer)} }`)
    }
  }
  rules.push(`::highlight(${HIT}) { background-color: var(--hit); }`)
  rules.push(`::highlight(${ACTIVE_HIT}) { background-color: var(--hit-active); }`)
  const dashed = 'text-decoration: underline 1.5px dashed var(--suggestion); text-underline-offset: 4px;'
  rules.push(`::highlight(${SUGGESTION}) { ${dashed} }`)
  rules.push(
    `::highlight(${ACTIVE_SUGGESTION}) { ${dashed} background-color: color-mix(in srgb, var(--suggestion) 14%, transparent); }`
  )
  return rules.join('\n')
}

/** Adds the rules to the document once. */
export function installHighlightStyles(doc: Document): void {
  if (doc.getElementById('cd-highlight-styles')) return
  const style = doc.createElement('style')
  style.id = 'cd-highlight-styles'
  style.textContent = highlightStyles()
  doc.head.append(style)
}
