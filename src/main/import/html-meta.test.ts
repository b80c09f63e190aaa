import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import { cleanByline, pageMetadata, suggestSources } from './html-meta'

const meta = (head: string, html = '') =>
  pageMetadata(new JSDOM(`<html ${html}><head>${head}</head><body></body></html>`).window.document)

describe('pageMetadata', () => {
  it('reads JSON-LD graphs, meta tags and the canonical link', () => {
    const found = meta(
      '<script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"x"},{"@type":["NewsArticle"],"headline":"Headline","author":[{"name":"Jane Roe"},{"name":"John Doe"}],"publisher":{"name":"Wire"},"datePublished":"2024-11-23T10:00:00+01:00"}]}</script>' +
        '<meta property="og:site_name" content="Site Name"><link rel="canonical" href="https://site.example/a?b=1">',
      'lang="en_GB"'
    )
    expect(found).toEqual({
      title: 'Headline',
      outlet: 'Site Name',
      author: 'Jane Roe, John Doe',
      url: 'https://site.example/a?b=1',
      published: '2024-11-23T10:00:00+01:00',
      language: 'en-GB'
    })
  })

  it('drops values that are not what they claim to be', () => {
    const found = meta(
      '<meta name="author" content="https://site.example/staff/1"><link rel="canonical" href="/relative"><meta name="date" content="yesterday">'
    )
    expect(found).toMatchObject({ author: '', url: '', published: '' })
    expect(meta('<meta name="date" content="Sat, 23 Nov 2024 14:05:00 GMT">').published).toBe(
      '2024-11-23T14:05:00.000Z'
    )
  })
})

describe('bylines and suggested sources', () => {
  it('cleans a byline', () => {
    expect(cleanByline('By Brendan Cole | Nov 23, 2024')).toBe('Brendan Cole')
    expect(cleanByline('  Jane   Roe - 23 November 2024 ')).toBe('Jane Roe')
  })

  it('suggests the outlet and each named person once', () => {
    expect(
      suggestSources({ title: '', outlet: 'Reuters', author: 'Jane Roe and John Doe, Reuters', url: '', published: '' })
    ).toEqual([
      { name: 'Reuters', kind: 'outlet' },
      { name: 'Jane Roe', kind: 'person' },
      { name: 'John Doe', kind: 'person' }
    ])
  })
})
