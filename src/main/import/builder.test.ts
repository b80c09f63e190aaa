import { describe, expect, it } from 'vitest'
import { DocumentBuilder, cleanBlock, cleanPreformatted, titleFrom } from './builder'

describe('DocumentBuilder', () => {
  it('joins blocks with a blank line and records exact ranges', () => {
    const b = new DocumentBuilder()
    b.add('heading', '  Title ', { level: 1 })
    b.add('paragraph', '')
    b.add('paragraph', 'First\u0007 paragraph.', { page: 2 })
    const { text, blocks } = b.build()
    expect(text).toBe('Title\n\nFirst paragraph.')
    expect(blocks).toEqual([
      { kind: 'heading', start: 0, end: 5, level: 1 },
      { kind: 'paragraph', start: 7, end: 23, page: 2 }
    ])
    for (const block of blocks) expect(text.slice(block.start, block.end)).not.toMatch(/^\s|\s$/)
  })

  it('never lets a blank line into a block', () => {
    expect(cleanBlock('a  \n\n \n b')).toBe('a\nb')
    expect(cleanPreformatted('\n\n  x = 1\n\n  y = 2  \n\n')).toBe('  x = 1\n \n  y = 2')
  })

  it('makes a one-line title of bounded length', () => {
    expect(titleFrom(' A\n  title ')).toBe('A title')
    const long = titleFrom('word '.repeat(100), 50)
    expect(long.length).toBeLessThanOrEqual(50)
    expect(long.endsWith('…')).toBe(true)
  })
})
