import { describe, expect, it } from 'vitest'
import { containerDepth, markdownChunks } from './markdown-chunks'

describe('markdownChunks', () => {
  it('leaves a short document whole', () => {
    expect(markdownChunks('# a\n\nb')).toEqual(['# a\n\nb'])
  })

  it('splits long documents between top-level blocks only', () => {
    const para = 'word '.repeat(200) + '\n\n'
    const fence = '```\n' + 'code line\n\n'.repeat(5000) + '```\n\n'
    const source =
      para.repeat(40) +
      fence +
      '- item\n\n  continued item\n\n' +
      'see [x][r]\n\n' +
      para.repeat(40) +
      '[r]: https://example.com\n'
    const chunks = markdownChunks(source)
    expect(chunks.length).toBeGreaterThan(2)
    // micromark slows down with the size of what it parses at once: chunks stay small
    for (const chunk of chunks) if (!chunk.includes('```')) expect(chunk.length).toBeLessThan(6 * 1024)
    expect(chunks.filter((c) => c.includes('```')).map((c) => c.split('```').length)).toEqual([3])
    expect(chunks.find((c) => c.includes('- item'))).toContain('  continued item')
    // the chunk that uses the reference can resolve it
    expect(chunks.find((c) => c.includes('see [x][r]'))).toContain('[r]: https://example.com')
  })

  it('splits a long list without blank lines between its items, and keeps their links', () => {
    const list = '- see [the report](https://example.org/r) and *this*\n'.repeat(2000)
    const chunks = markdownChunks(list)
    expect(chunks.length).toBeGreaterThan(10)
    expect(chunks.join('\n')).toBe(list)
    // An ordered item after a paragraph line may continue it: no split there.
    const para = ('Words words words words words words words words.\n'.repeat(100) + '2. not a list\n').repeat(3)
    for (const chunk of markdownChunks(para)) expect(chunk.startsWith('2.')).toBe(false)
  })

  it('escapes floods of delimiters', () => {
    const [flood] = markdownChunks('*a '.repeat(2000))
    expect(flood.startsWith('\\*a \\*a')).toBe(true)
    const [normal] = markdownChunks('*a* '.repeat(10))
    expect(normal).toBe('*a* '.repeat(10))
  })
})

describe('containerDepth', () => {
  it('counts the lists and quotes around the deepest line, by markers and by indentation', () => {
    expect(containerDepth('Plain text.\n\nMore text.')).toBe(0)
    expect(containerDepth('- a\n  - b\n    - c\n      continued')).toBe(3)
    expect(containerDepth('1. a\n   1. b\n> quoted\n> > twice')).toBe(2)
    expect(containerDepth('> '.repeat(500) + 'x')).toBe(500)
    expect(containerDepth('- '.repeat(300) + 'x')).toBe(300)
    // An estimate that errs on the deep side: four columns continue one item of "- ", counted as two.
    expect(containerDepth('- a\n\n    more of a')).toBe(2)
    // A list nested by indentation alone, as in the hostile 1,000-level file.
    const nested = Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n')
    expect(containerDepth(nested)).toBe(1000)
  })

  it('does not count indentation inside fenced code, nor rules and emphasis', () => {
    expect(containerDepth('```\n' + ' '.repeat(400) + 'deep code\n```\nafter')).toBe(0)
    expect(containerDepth('---\n***\n*emphasis* and -dash')).toBe(0)
  })
})
