import { describe, expect, it } from 'vitest'
import { metaText } from './meta-values'

describe('metaText', () => {
  it('makes one line of plain text: spaces folded, markup dropped, bounded', () => {
    expect(metaText('  The\u00a0Harbour\n Ledger ')).toBe('The Harbour Ledger')
    expect(metaText('<script>alert(1)</script>')).toBe('alert(1)')
    expect(metaText('<script></script>')).toBe('')
    expect(metaText('AT&T <b>News</b>')).toBe('AT&T News')
    expect(metaText('x'.repeat(400))).toHaveLength(300)
  })
})
