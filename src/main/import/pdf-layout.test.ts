import { describe, expect, it } from 'vitest'
import { joinLines, layoutPages, pageLines, type PageRuns, type TextRun } from './pdf-layout'

const CHAR = 5 // width of a character at size 10
const run = (str: string, x: number, y: number, size = 10): TextRun => ({
  str,
  x,
  y,
  width: str.length * CHAR * (size / 10),
  size
})

/** Lines of a column at x, from y downwards, 12 units apart. */
function column(lines: string[], x: number, top: number, size = 10, leading = 12): TextRun[] {
  return lines.map((text, i) => run(text, x, top - i * leading, size))
}

function page(runs: TextRun[], n = 1): PageRuns {
  return { page: n, height: 800, runs }
}

const WIDE = 'x'.repeat(60) // a full line of a 300-unit column

describe('pageLines', () => {
  it('joins runs on one baseline, with a space where there is a gap', () => {
    const lines = pageLines(
      page([run('Moscow', 50, 700), run("'s troops", 80, 700.4), run('advanced', 130, 700), run('Next line', 50, 688)])
    )
    expect(lines.map((l) => l.text)).toEqual(["Moscow's troops advanced", 'Next line'])
  })
})

describe('layoutPages', () => {
  it('splits paragraphs on a blank line, a first-line indent and a short last line', () => {
    const blocks = layoutPages([
      page([
        ...column([WIDE, WIDE, 'end of the first paragraph.'], 50, 700),
        ...column([WIDE, 'second paragraph after a gap.'], 50, 650),
        run('third paragraph, indented first line ' + 'x'.repeat(18), 70, 626),
        run(WIDE, 50, 614)
      ])
    ])
    expect(blocks.map((b) => [b.kind, b.text.slice(0, 6), b.page])).toEqual([
      ['paragraph', 'xxxxxx', 1],
      ['paragraph', 'xxxxxx', 1],
      ['paragraph', 'third ', 1]
    ])
    expect(blocks[0].text).toBe(`${WIDE} ${WIDE} end of the first paragraph.`)
  })

  it('finds headings by size, list items by bullet or number, captions by their label', () => {
    const blocks = layoutPages([
      page([
        run('Assessment', 50, 750, 18),
        run('Background', 50, 720, 14),
        ...column([WIDE, 'body text.'], 50, 700),
        run('• first point that wraps on ' + 'x'.repeat(33), 50, 670),
        run('to a second line', 60, 658),
        run('(a) lettered point', 50, 646),
        run('Figure 2: Russian advances near Korenevo.', 50, 620, 9),
        ...column([WIDE, 'A. Smith said this was not a list item.'], 50, 600)
      ])
    ])
    expect(blocks.map((b) => [b.kind, b.level, b.text])).toEqual([
      ['heading', 1, 'Assessment'],
      ['heading', 2, 'Background'],
      ['paragraph', undefined, `${WIDE} body text.`],
      ['list-item', 1, `first point that wraps on ${'x'.repeat(33)} to a second line`],
      ['list-item', 1, '(a) lettered point'],
      ['caption', undefined, 'Figure 2: Russian advances near Korenevo.'],
      ['paragraph', undefined, `${WIDE} A. Smith said this was not a list item.`]
    ])
  })

  it('reads columns in content order and keeps a sentence running into the next column whole', () => {
    const blocks = layoutPages([
      page([
        ...column([WIDE, WIDE, 'the sentence goes'], 50, 700),
        ...column(['on in the next column, ' + 'x'.repeat(37), 'and ends.'], 400, 700)
      ])
    ])
    expect(blocks.map((b) => b.text)).toEqual([
      `${WIDE} ${WIDE} the sentence goes on in the next column, ${'x'.repeat(37)} and ends.`
    ])
  })

  it('drops running heads and page numbers, and joins a paragraph cut by a page break', () => {
    const pages = [1, 2, 3].map((n) =>
      page(
        [
          run('Weekly assessment - RESTRICTED', 50, 780, 8),
          ...column([WIDE, n === 1 ? 'a paragraph that runs over the page brea-' : 'Sentence ends here.'], 50, 700),
          ...(n === 2 ? column(['king point and ends.', WIDE, 'done.'], 50, 740) : []),
          run(String(n), 300, 30, 9)
        ].sort((a, b) => b.y - a.y),
        n
      )
    )
    const blocks = layoutPages(pages)
    expect(blocks.map((b) => b.text).join(' ')).not.toMatch(/RESTRICTED|^\d$| \d /)
    expect(blocks[0]).toMatchObject({
      page: 1,
      text: `${WIDE} a paragraph that runs over the page breaking point and ends.`
    })
  })

  it('turns long large type into a paragraph, not a heading', () => {
    const blocks = layoutPages([
      page([...column([WIDE, WIDE, WIDE, WIDE], 50, 700, 14, 17), ...column([WIDE, 'body.'], 50, 600)])
    ])
    expect(blocks[0].kind).toBe('paragraph')
  })
})

describe('joinLines', () => {
  it('undoes hyphenation only where a word was split', () => {
    expect(joinLines('reinforce-', 'ments arrived')).toBe('reinforcements arrived')
    expect(joinLines('soft\u00ad', 'hyphen')).toBe('softhyphen')
    expect(joinLines('North-', 'Korean troops')).toBe('North- Korean troops')
    expect(joinLines('a range of 40-', '50 percent')).toBe('a range of 40- 50 percent')
    expect(joinLines('モスクワは', 'ロシア')).toBe('モスクワはロシア')
    expect(joinLines('end of line', 'next')).toBe('end of line next')
  })
})
