// Right-to-left and structured documents in the reader: captions, table rows, dir="auto", and
// selections in Arabic and Hebrew mapped to the right offsets (ranges are in logical order, so a
// claim covers the same characters whatever direction they are drawn in).
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadedDesk, type TestDesk } from '../lib/testing/desk'
import Reader from './Reader.svelte'
import { rangeToOffsets } from './selection'
import { installFakeHighlights, type FakeHighlights } from './testing/fake-highlights'

// A saved page whose blocks are a heading, a paragraph, a caption, a table row, a Hebrew paragraph
// and a list item (what the web-page importer makes of it).
const page = `<!doctype html><html lang="ar" dir="rtl"><head><title>تقرير من الحدود</title>
<meta property="og:site_name" content="الصحيفة اليومية"><meta name="author" content="Jane Roe"></head>
<body><article><h1>تقرير من الحدود</h1>
<p>قال المتحدث باسم الجيش إن 1,200 جندي وصلوا إلى المنطقة يوم الثلاثاء.</p>
<figure><img src="x.png"><figcaption>صورة غير موثقة: قافلة على الطريق السريع</figcaption></figure>
<table><tr><td>المدينة</td><td>عدد النازحين</td><td>2024</td></tr></table>
<p lang="he" dir="rtl">לדברי הדובר, "המצב יציב" ב-Kursk מאז אתמול.</p>
<ul><li>נקודה ראשונה ברשימה</li></ul></article></body></html>`

let t: TestDesk
let fake: FakeHighlights
beforeEach(() => (fake = installFakeHighlights()))
afterEach(() => {
  fake.uninstall()
  return t?.dispose()
})

async function rtlDesk() {
  t = await loadedDesk({ documents: { 'rtl.html': page } })
  return { ...t, doc: t.desk.store.currentDoc! }
}

function textNodes(root: Node): Text[] {
  const out: Text[] = []
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text)
  return out
}

/** A DOM range over the rendered text covering `quote` inside `block` (across separator spans). */
function rangeOver(block: HTMLElement, quote: string): Range {
  const nodes = textNodes(block)
  const all = nodes.map((n) => n.data).join('')
  const start = all.indexOf(quote)
  if (start < 0) throw new Error(`not rendered: ${quote}`)
  const at = (offset: number, end: boolean) => {
    let seen = 0
    for (const node of nodes) {
      if (end ? offset <= seen + node.data.length : offset < seen + node.data.length)
        return { node, offset: offset - seen }
      seen += node.data.length
    }
    throw new Error('out of range')
  }
  const a = at(start, false)
  const b = at(start + quote.length, true)
  const range = document.createRange()
  range.setStart(a.node, a.offset)
  range.setEnd(b.node, b.offset)
  return range
}

function select(range: Range) {
  const selection = window.getSelection()!
  selection.removeAllRanges()
  selection.addRange(range)
  document.dispatchEvent(new Event('selectionchange'))
}

describe('reader with right-to-left and structured text', () => {
  it('renders captions as captions, table rows as rows, every block dir="auto" with exactly its text', async () => {
    const { context, doc } = await rtlDesk()
    render(Reader, { context })
    const blocks = screen.getAllByTestId('reader-block')
    expect(blocks.map((b) => [b.tagName, b.dataset.kind])).toEqual([
      ['H1', 'heading'],
      ['P', 'paragraph'],
      ['P', 'caption'],
      ['DIV', 'table-row'],
      ['P', 'paragraph'],
      ['P', 'list-item']
    ])
    expect(blocks[2].classList.contains('caption')).toBe(true)
    expect(blocks[3].classList.contains('table-row')).toBe(true)
    expect([...blocks[3].querySelectorAll('.cell-sep')].map((s) => s.textContent)).toEqual([' | ', ' | '])
    for (const b of blocks) {
      expect(b.getAttribute('dir')).toBe('auto')
      expect(b.textContent).toBe(doc.text.slice(Number(b.dataset.start), Number(b.dataset.end)))
    }
    expect(screen.getByTestId('reader').getAttribute('lang')).toBe('ar')
    // Metadata values are isolated so an Arabic outlet cannot reorder the Latin names around it.
    const isolated = [...screen.getByTestId('document-meta').querySelectorAll('bdi')].map((b) => b.textContent)
    expect(isolated).toEqual(['الصحيفة اليومية', 'Jane Roe', 'rtl.html'])
  })

  it('maps an Arabic selection with digits inside it to the exact characters, and paints the claim over them', async () => {
    const { desk, context, doc } = await rtlDesk()
    render(Reader, { context })
    const quote = 'إن 1,200 جندي وصلوا'
    select(rangeOver(screen.getAllByTestId('reader-block')[1], quote))
    await fireEvent.click(await screen.findByTestId('mark-claim'))
    await waitFor(() => expect(desk.store.docClaims).toHaveLength(1))
    const claim = desk.store.docClaims[0]
    expect(doc.text.slice(claim.position.start, claim.position.end)).toBe(quote)
    await waitFor(() => expect(fake.painted()).toEqual({ 'cd-claim-u-0': [quote] }))
  })

  it('maps a Hebrew selection that starts inside a highlight and spans into the next block', async () => {
    const { desk, context, doc } = await rtlDesk()
    const inner = doc.text.indexOf('"המצב יציב"')
    await desk.store.createClaim(inner, inner + '"המצב יציב"'.length)
    render(Reader, { context })
    const blocks = screen.getAllByTestId('reader-block')
    const from = rangeOver(blocks[4], 'יציב" ב-Kursk')
    const to = rangeOver(blocks[5], 'נקודה')
    const range = document.createRange()
    range.setStart(from.startContainer, from.startOffset)
    range.setEnd(to.endContainer, to.endOffset)
    const offsets = rangeToOffsets(screen.getByTestId('reader'), range, doc.text)!
    expect(doc.text.slice(offsets.start, offsets.end)).toBe('יציב" ב-Kursk מאז אתמול.\n\nנקודה')
  })

  it('keeps a selection inside a table row exact across the cell separators', async () => {
    const { context, doc } = await rtlDesk()
    render(Reader, { context })
    const row = screen.getAllByTestId('reader-block')[3]
    const offsets = rangeToOffsets(screen.getByTestId('reader'), rangeOver(row, 'النازحين | 2024'), doc.text)!
    expect(doc.text.slice(offsets.start, offsets.end)).toBe('النازحين | 2024')
  })
})
