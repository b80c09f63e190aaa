// W3C Web Annotation selectors for a range of a document's text: a TextQuoteSelector (the words,
// with up to 32 characters of context on either side) and a TextPositionSelector.
import type { TextPositionSelector, TextQuoteSelector } from '../model'

export const CONTEXT_CHARS = 32

export interface Selectors {
  quote: TextQuoteSelector
  position: TextPositionSelector
}

export function selectorsFor(text: string, start: number, end: number): Selectors {
  return {
    quote: {
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
      suffix: text.slice(end, end + CONTEXT_CHARS)
    },
    position: { start, end }
  }
}
