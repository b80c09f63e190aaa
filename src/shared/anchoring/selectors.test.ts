import { describe, expect, it } from 'vitest'
import { CONTEXT_CHARS, selectorsFor } from './selectors'

const text = 'The minister said "at least 40 ships" were held. A spokesman said fewer than 25 ships were held.'

describe('selectorsFor', () => {
  it('takes the exact text and up to 32 characters of context', () => {
    const start = text.indexOf('fewer')
    const s = selectorsFor(text, start, start + 'fewer than 25'.length)
    expect(s.quote.exact).toBe('fewer than 25')
    expect(s.quote.prefix).toBe(text.slice(start - 32, start))
    expect(s.quote.suffix).toBe(' ships were held.')
    expect(s.position).toEqual({ start, end: start + 13 })
  })

  it('cuts the context at the ends of the text', () => {
    const s = selectorsFor(text, 0, 3)
    expect(s.quote).toEqual({ exact: 'The', prefix: '', suffix: text.slice(3, 3 + CONTEXT_CHARS) })
    expect(selectorsFor(text, text.length - 5, text.length).quote.suffix).toBe('')
  })
})
