import { describe, expect, it } from 'vitest'
import { markdownChunks } from './markdown-chunks'

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

  it('bounds nesting and escapes floods of delimiters', () => {
    const [deep] = markdownChunks('> '.repeat(500) + 'x')
    expect(deep.split('>').length - 1).toBe(64)
    const [flood] = markdownChunks('*a '.repeat(2000))
    expect(flood.startsWith('\\*a \\*a')).toBe(true)
    const [normal] = markdownChunks('*a* '.repeat(10))
    expect(normal).toBe('*a* '.repeat(10))
  })
})
