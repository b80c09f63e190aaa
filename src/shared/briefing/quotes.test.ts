import { describe, expect, it } from 'vitest'
import { quoteForDisplay } from './quotes'

/** The narrow no-break space between an inner and an outer mark. */
const T = '\u202F'

describe('quoteForDisplay', () => {
  it.each([
    ['plain text', 'around 80 vessels had been diverted', '“around 80 vessels had been diverted”'],
    // The doubled mark the issue saw: a speaker's words at the end of the quote.
    [
      'a quotation ending the quote, straight marks',
      'he expected to see North Korean soldiers "engaged in combat soon."',
      `“he expected to see North Korean soldiers ‘engaged in combat soon.’${T}”`
    ],
    [
      'a quotation ending the quote, curly marks',
      'he expected to see soldiers “engaged in combat soon.”',
      `“he expected to see soldiers ‘engaged in combat soon.’${T}”`
    ],
    [
      'a quotation opening the quote',
      '"Russia\'s own troops are not enough" for operations in Kursk',
      `“${T}‘Russia's own troops are not enough’ for operations in Kursk”`
    ],
    [
      'a quotation inside',
      'Moscow\'s troops "recently advanced" in the area',
      "“Moscow's troops ‘recently advanced’ in the area”"
    ],
    [
      'one quotation from first to last character keeps its pair as the outer one',
      '"Part of the military was transferred to the border areas,"',
      '“Part of the military was transferred to the border areas,”'
    ],
    ['the same with curly marks', '“We will leave soon.”', '“We will leave soon.”'],
    [
      'a selection that began inside a quotation uses its closing mark',
      'engaged in combat soon."',
      '“engaged in combat soon.”'
    ],
    [
      'a selection that ends inside a quotation uses its opening mark',
      '“Part of the military was',
      '“Part of the military was”'
    ],
    [
      'nested quotations inside an enclosing pair',
      '"He said \'no\' and "never" today"',
      "“He said 'no' and ‘never’ today”"
    ],
    ['two quotations side by side', '"A" and "B"', `“${T}‘A’ and ‘B’${T}”`],
    ['an apostrophe at the end is not a quotation mark', 'the ships’', '“the ships’”'],
    [
      'apostrophes and single marks are left alone',
      'the harbour master’s ‘rough’ count',
      '“the harbour master’s ‘rough’ count”'
    ],
    ['white space around the quote', '  soon. \n', '“soon.”']
  ])('%s', (_name, quote, shown) => {
    expect(quoteForDisplay(quote)).toBe(shown)
  })

  it('never doubles a mark at either end and never leaves a straight double mark', () => {
    const quotes = [
      'a "b"',
      '"a" b',
      '"a"',
      'a."',
      '"a',
      '“a”',
      'a ”',
      'x "y "z" w" v',
      '"',
      'he said "it is "final"."'
    ]
    for (const q of quotes) {
      const shown = quoteForDisplay(q)
      expect(shown.startsWith('“') && shown.endsWith('”'), shown).toBe(true)
      expect(shown, q).not.toMatch(/^“[“"]|[”"]”$|"/)
    }
  })

  it('keeps line breaks of a quote that spans paragraphs, marks only at its ends', () => {
    expect(quoteForDisplay('First paragraph.\n\nSecond "one."')).toBe(`“First paragraph.\n\nSecond ‘one.’${T}”`)
  })

  it('gives nothing for an empty quote', () => {
    expect(quoteForDisplay('   ')).toBe('')
  })
})
