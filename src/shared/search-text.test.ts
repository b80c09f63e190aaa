import { describe, expect, it } from 'vitest'
import { findAll, foldText, matches, queryPattern } from './search-text'

const find = (text: string, query: string) =>
  findAll(foldText(text), queryPattern(query)!).hits.map((h) => text.slice(h.start, h.end))

describe('search text', () => {
  it('ignores case and accents, and keeps offsets into the original', () => {
    expect(find('Near POKROVSK and Pokróvsk, pokrovsk.', 'pokrovsk')).toEqual(['POKROVSK', 'Pokróvsk', 'pokrovsk'])
  })

  it('matches any run of white space, line breaks included', () => {
    expect(find('the source told\n\nReuters on Monday', 'told Reuters')).toEqual(['told\n\nReuters'])
    expect(find('told Reuters', '  told   reuters ')).toEqual(['told Reuters'])
  })

  it('maps back through characters that fold to another length', () => {
    const text = 'Straße in İstanbul: the strasse'
    expect(find(text, 'istanbul')).toEqual(['İstanbul'])
    expect(find(text, 'strasse')).toEqual(['strasse'])
  })

  it('treats the query as words, not a pattern, and finds nothing for nothing', () => {
    expect(find('costs $40 (est.)', '$40 (est.)')).toEqual(['$40 (est.)'])
    expect(queryPattern('   ')).toBeNull()
  })

  it('counts every hit but lists only up to the limit', () => {
    const r = findAll(foldText('a a a a'), queryPattern('a')!, 2)
    expect(r.count).toBe(4)
    expect(r.hits).toHaveLength(2)
    expect(matches('Institute for the Study of War', queryPattern('study OF')!)).toBe(true)
  })
})
