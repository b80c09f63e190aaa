import { describe, expect, it } from 'vitest'
import { Parser, type Node } from 'commonmark'
import { buildBriefingView } from '../../shared/briefing/view'
import { SAMPLE_CIRCULAR, sampleCase } from '../../shared/briefing/test-fixtures'
import { block, inline, renderMarkdown } from './markdown'

const generatedAt = '2024-05-03T10:00:00.000Z'
const parse = (md: string): Node => new Parser().parse(md)

/** Literal text of a node: text and code, soft breaks as spaces, hard breaks as newlines. */
function textOf(node: Node): string {
  let out = ''
  const walker = node.walker()
  let e
  while ((e = walker.next())) {
    if (!e.entering) {
      if (e.node.type === 'paragraph' && e.node !== node && e.node.next) out += '\n\n'
      continue
    }
    const t = e.node.type
    if (t === 'text' || t === 'code') out += e.node.literal
    else if (t === 'softbreak') out += ' '
    else if (t === 'linebreak') out += '\n'
  }
  return out
}

function blocks(doc: Node, type: string): Node[] {
  const out: Node[] = []
  const walker = doc.walker()
  let e
  while ((e = walker.next())) if (e.entering && e.node.type === type) out.push(e.node)
  return out
}

const hostile = [
  '*not emphasis* _nor this_ **or this**',
  '<img src=x onerror=alert(1)> <script>alert(1)</script>',
  '[link](javascript:alert(1)) ![img](x.png) <https://x.example>',
  '# not a heading',
  '1. not a list',
  '- not a list either',
  '> not a quote',
  '    not code',
  '```not a fence```',
  'AT&T &amp; &#60; back\\slash `code` trailing #',
  '---',
  '===',
  '| a | b |'
]

describe('Markdown escaping', () => {
  it.each(hostile)('keeps %j literal through a CommonMark parser', (text) => {
    const doc = parse(inline(text))
    const types = new Set<string>()
    const walker = doc.walker()
    let e
    while ((e = walker.next())) types.add(e.node.type)
    expect([...types].sort()).toEqual(['document', 'paragraph', 'text'])
    expect(textOf(doc)).toBe(text.trim())
  })

  it('keeps paragraphs and line breaks of multi-line text', () => {
    const text = 'First line\n# second line\n\n1) new paragraph'
    const doc = parse(block(text))
    expect(blocks(doc, 'paragraph')).toHaveLength(2)
    expect(textOf(doc)).toBe('First line\n# second line\n\n1) new paragraph')
  })
})

describe('renderMarkdown', () => {
  const data = sampleCase()
  const md = renderMarkdown(buildBriefingView(data, data.briefings[0], { generatedAt, circular: SAMPLE_CIRCULAR }))
  const doc = parse(md)
  const headings = blocks(doc, 'heading').map((h) => [h.level, textOf(h)])

  it('has the title, the sections in BLUF order and a heading per source', () => {
    expect(headings).toEqual([
      [1, 'Strait of Marren: shipping disruption'],
      [2, 'Bottom line'],
      [2, 'Key judgments'],
      [2, 'Reporting, grouped by source'],
      [3, 'Unnamed Coast Guard official'],
      [3, 'Lena Ostrova'],
      [3, 'Tidewatch'],
      [3, 'Piet Varga'],
      [3, 'Ops <b>desk</b> & "Co"'],
      [3, 'Unattributed'],
      [2, 'Sources and reliability'],
      [2, 'Conflicting reporting'],
      [3, '1. Vessels turned back: figures disagree'],
      [2, 'Consistent reporting from one source'],
      [3, '1. Tidewatch corroborates Tidewatch'],
      [2, 'Circular reporting'],
      [2, 'Information gaps'],
      [2, 'Citations'],
      [2, 'Documents cited']
    ])
  })

  it('quotes every claim under its source exactly: the blockquote is the quotation mark, none is added', () => {
    const quotes = blocks(doc, 'block_quote').map(textOf)
    for (const c of data.claims) expect(quotes).toContain(c.quote.exact)
    // Under the Tidewatch heading come its two claims, in document order.
    const tidewatch = blocks(doc, 'heading').find((h) => textOf(h) === 'Tidewatch')!
    const after: string[] = []
    for (let n = tidewatch.next; n && n.type !== 'heading'; n = n.next)
      if (n.type === 'block_quote') after.push(textOf(n))
    expect(after).toEqual(['daily transits dropped from 64 to 38', 'a decline of about 40 percent'])
  })

  it('gives each claim its grade, status, relay chain and citation', () => {
    expect(md).toContain('- Grade: **C3** (source fairly reliable; information possibly true)')
    expect(md).toContain('- Grade: **D6** (source not usually reliable; truth of the information cannot be judged)')
    expect(md).toContain('- Status: Contradicted')
    expect(md).toContain('- Attribution: Unnamed Coast Guard official, via Reuters, in The Harbour Tribune')
    const items = blocks(doc, 'item').map(textOf)
    expect(items).toContain('Citation: [3] D1, para. 2')
    expect(md).toContain('\\[6\\] D1, para. 7')
  })

  it('writes each note once, "[1][2]", and numbers the notes like every other format', () => {
    const view = buildBriefingView(data, data.briefings[0], { generatedAt })
    const judgments = blocks(doc, 'list')
      .find((l) => l.listType === 'ordered')!
      .walker()
    const lines: string[] = []
    for (let e = judgments.next(); e; e = judgments.next())
      if (e.entering && e.node.type === 'paragraph') lines.push(textOf(e.node))
    expect(lines).toEqual([
      'High confidence. Transits are down by about 40 percent. [1][2]',
      `Low confidence. ${view.judgments[1].text} [3][4]`
    ])
    const citations = blocks(doc, 'heading').find((h) => textOf(h) === 'Citations')!.next!
    const notes: string[] = []
    for (let item = citations.firstChild; item; item = item.next) notes.push(textOf(item))
    expect(notes).toEqual(view.citations.map((c) => c.note))
  })

  it('cites each document once, with its URL, capture, file, hash and the notes that point to it', () => {
    const annex = blocks(doc, 'heading').find((h) => textOf(h) === 'Documents cited')!.next!
    const entries: string[] = []
    for (let item = annex.firstChild; item; item = item.next) entries.push(textOf(item))
    expect(entries).toHaveLength(2)
    expect(entries[0]).toBe(
      [
        'D1 “Shipping through the Strait of Marren slows as patrols expand”, The Harbour Tribune, Mara Quill, 2024-05-01.',
        'https://tribune.example/marren-shipping',
        'Captured 2024-05-02 08:00 UTC from doc-report.txt',
        'SHA-256 646f632d7265706f727400000000000000000000000000000000000000000000',
        'Cited in notes 1–6, 9.'
      ].join('\n')
    )
    expect(md.split('646f632d7265706f7274').length - 1).toBe(1)
  })

  it('makes no raw HTML, no links except autolinks to http(s) URLs, and no emphasis from analyst text', () => {
    expect(blocks(doc, 'html_inline')).toEqual([])
    expect(blocks(doc, 'html_block')).toEqual([])
    const links = blocks(doc, 'link').map((l) => l.destination)
    expect(new Set(links)).toEqual(new Set(['https://tribune.example/marren-shipping']))
    expect(md).toContain('URL: javascript:alert(1)')
  })

  it('keeps the handling line, date and generated-at time', () => {
    const paragraphs = blocks(doc, 'paragraph').map(textOf)
    expect(paragraphs[0]).toBe('OFFICIAL — FOR TRAINING <only>')
    expect(paragraphs[1]).toBe('Date: 2024-05-03 09:30 UTC · Author: A. Analyst · Generated: 2024-05-03 10:00 UTC')
    expect(paragraphs).toContain('No independent count of diverted vessels.\n* Not a list item')
  })

  it('numbers the citation list from 1', () => {
    const citations = blocks(doc, 'heading').find((h) => textOf(h) === 'Citations')!.next!
    expect(citations.listStart).toBe(1)
    let n = 0
    for (let item = citations.firstChild; item; item = item.next) n++
    expect(n).toBe(buildBriefingView(data, data.briefings[0], { generatedAt }).citations.length)
  })

  it('writes the default briefing grouped by source', () => {
    const md2 = renderMarkdown(buildBriefingView(data, null, { generatedAt }))
    const h = blocks(parse(md2), 'heading').map(textOf)
    expect(h[0]).toBe('Marren shipping')
    expect(h).toContain('Reporting, grouped by source')
    expect(h).not.toContain('Bottom line')
  })
})

describe('a claim re-anchored onto changed words, not yet reviewed', () => {
  it('carries a caution in every place the claim is printed', () => {
    const data = sampleCase()
    for (const c of data.claims) c.anchor = { state: 'fuzzy', score: 0.95, previousQuote: `${c.quote.exact} (old)` }
    const md = renderMarkdown(buildBriefingView(data, data.briefings[0], { generatedAt }))
    const cautions = md.split('\n').filter((l) => l.includes('**Caution:** Not yet reviewed'))
    expect(cautions.length).toBeGreaterThan(3)
  })
})
