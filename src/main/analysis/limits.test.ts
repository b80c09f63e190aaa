import { describe, expect, it } from 'vitest'
import { checkSuggestSize, SUGGEST_LIMITS } from './limits'

describe('checkSuggestSize', () => {
  it('passes a document within the limit and refuses a longer one, naming it and the limit', () => {
    expect(() => checkSuggestSize('Short', SUGGEST_LIMITS.textChars)).not.toThrow()
    expect(() => checkSuggestSize('Year of coverage', 1_048_576)).toThrow(
      /“Year of coverage” is too long to read for suggestions \(1,048,576 characters; the limit is 400,000\)/
    )
  })
})
