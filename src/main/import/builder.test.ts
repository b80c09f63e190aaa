import { describe, expect, it } from 'vitest'
import { DocumentBuilder, cleanBlock, cleanFileName, cleanPreformatted, titleFrom } from './builder'

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

describe('cleanFileName', () => {
  it('keeps an ordinary name and makes controls and direction overrides visible and harmless', () => {
    expect(cleanFileName('Отчёт 2026 (final).pdf')).toBe('Отчёт 2026 (final).pdf')
    expect(cleanFileName('esc\u001b]0;PWNED\u0007\u001b[31mname.txt')).toBe('esc\ufffd]0;PWNED\ufffd\ufffd[31mname.txt')
    expect(cleanFileName('two\nlines.txt')).toBe('two\ufffdlines.txt')
    expect(cleanFileName('invoice\u202Etxt.exe')).toBe('invoice\ufffdtxt.exe')
  })
})
