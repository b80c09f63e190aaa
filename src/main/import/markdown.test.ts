import { describe, expect, it } from 'vitest'
import { nestedMarkdown } from './fixtures/hostile'
import { importMarkdown, markdownDocument } from './markdown'
import type { ImportedDocument } from './types'

const rows = (doc: ImportedDocument): [string, string, number | undefined][] =>
  doc.blocks.map((b) => [b.kind, doc.text.slice(b.start, b.end), b.level])

describe('markdown', () => {
  it('keeps headings, paragraphs, quotes, list items and code, without markup', () => {
    const doc = markdownDocument(
      'a.md',
      [
        '# Kursk *update*',
        '',
        'Moscow\'s troops "recently **advanced**", [ISW](https://example.org/isw "t") said.',
        'A soft break.  ',
        'A hard break.',
        '',
        '## Sources',
        '',
        '> "Russia\'s own troops are not enough," Syrskyi said.',
        '>',
        '> Second quoted paragraph.',
        '',
        '- one',
        '  - nested `code`',
        '- two',
        '',
        '3. third',
        '4. fourth',
        '',
        '```',
        'raw  text',
        '',
        'more',
        '```',
        '',
        '![map](map.png)',
        '',
        '***'
      ].join('\n')
    )
    expect(rows(doc)).toEqual([
      ['heading', 'Kursk update', 1],
      ['paragraph', 'Moscow\'s troops "recently advanced", ISW said. A soft break.\nA hard break.', undefined],
      ['heading', 'Sources', 2],
      ['quote', '"Russia\'s own troops are not enough," Syrskyi said.', undefined],
      ['quote', 'Second quoted paragraph.', undefined],
      ['list-item', 'one', 1],
      ['list-item', 'nested code', 2],
      ['list-item', 'two', 1],
      ['list-item', '3. third', 1],
      ['list-item', '4. fourth', 1],
      ['preformatted', 'raw  text\n \nmore', undefined]
    ])
    expect(doc.meta.title).toBe('Kursk update')
    expect(doc.text).not.toMatch(/https?:|\*\*|\[|#/)
  })

  it('reads pipe tables as table rows', () => {
    const doc = markdownDocument(
      't.md',
      '| Source | Figure |\n|---|:--:|\n| Zelensky | 50,000 |\n| *Syrskyi* | 45\\|000 |'
    )
    expect(rows(doc)).toEqual([
      ['table-row', 'Source | Figure', undefined],
      ['table-row', 'Zelensky | 50,000', undefined],
      ['table-row', 'Syrskyi | 45|000', undefined]
    ])
  })

  it('takes metadata from front matter', () => {
    const doc = markdownDocument(
      'n.md',
      '---\ntitle: "Front title"\nauthor: Jane Roe\nsite: Example News\ndate: 2024-11-23\nurl: https://example.com/a\nlang: en\n---\n# Heading\n\nBody.'
    )
    expect(doc.meta).toEqual({
      title: 'Front title',
      author: 'Jane Roe',
      outlet: 'Example News',
      published: '2024-11-23',
      url: 'https://example.com/a',
      language: 'en'
    })
    expect(doc.suggestedSources).toEqual([
      { name: 'Example News', kind: 'outlet' },
      { name: 'Jane Roe', kind: 'person' }
    ])
    expect(doc.text).toBe('Heading\n\nBody.')
  })

  it('keeps the text of raw HTML but never its scripts', () => {
    const doc = markdownDocument(
      'h.md',
      'Intro.\n\n<div onclick="x()">Inside &amp; out<script>alert(1)</script></div>\n\nEnd.'
    )
    expect(doc.text).toBe('Intro.\n\nInside & out\n\nEnd.')
  })

  it('takes the first line as the title when there is no heading', () => {
    expect(markdownDocument('p.md', 'Just a line of text\nand more.').meta.title).toBe('Just a line of text and more.')
  })

  it('reads a long document with reference links resolved across chunks', () => {
    const doc = markdownDocument(
      'long.md',
      'See [the ISW][isw] report.\n\n'.repeat(2000) + '[isw]: https://example.org/isw\n'
    )
    expect(doc.blocks.length).toBe(2000)
    expect(doc.text.slice(0, 21)).toBe('See the ISW report.\n\n')
    expect(doc.text).not.toContain('[')
  })

  // Unguarded, micromark takes minutes on these inputs: the test's timeout is the bound.
  it('reads a file nested past the limit as plain text, with a notice', () => {
    const notice =
      'The Markdown nests lists or quotes more than 64 levels deep, too deep to read as Markdown: its text was kept as plain text.'
    const doc = markdownDocument(
      'deep.md',
      '> '.repeat(20000) + 'deep\n\n' + '- '.repeat(3000) + 'item\n\n' + '*a '.repeat(20000) + 'b*'.repeat(20000)
    )
    expect(doc.text).toContain('deep')
    expect(doc.text).toContain('item')
    expect(doc.notices).toEqual([notice])
    const nested = importMarkdown('nested.md', nestedMarkdown(1000))
    expect(nested).toMatchObject({ format: 'md', notices: [notice] })
    expect(nested.text).toContain('item 1000')
    // Within the limit, lists are lists.
    const fine = markdownDocument(
      'fine.md',
      Array.from({ length: 10 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n')
    )
    expect(fine.notices).toEqual([])
    expect(fine.blocks.at(-1)).toMatchObject({ kind: 'list-item', level: 10 })
  })

  it('reads delimiter floods', () => {
    const doc = markdownDocument('flood.md', '*a '.repeat(20000) + 'b*'.repeat(20000))
    expect(doc.text).toContain('b')
    expect(doc.notices).toEqual([])
  })

  it('decodes bytes, handles CRLF and rejects empty documents', () => {
    const doc = importMarkdown('c.md', new TextEncoder().encode('# T\r\n\r\nBody\r\n'))
    expect(doc.text).toBe('T\n\nBody')
    expect(doc.encoding).toBe('utf-8')
    expect(() => importMarkdown('e.md', new TextEncoder().encode('***\n\n[x]: http://a\n'))).toThrow(
      /^e\.md: the file contains no text/
    )
  })
})
