// The reader in jsdom: what it renders, what it paints (through a stand-in for the Highlight API),
// selections and the reading cursor's keys. Layout-dependent behaviour (hit-testing a highlight,
// scrolling a long article, real painting) is checked in Chromium by e2e/reader.spec.ts.
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte'
import { tick } from 'svelte'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { handleGlobalKey } from '../lib/shortcuts'
import { loadedDesk, type TestDesk } from '../lib/testing/desk'
import Reader from './Reader.svelte'
import ReaderRow from './ReaderRow.svelte'
import { installFakeHighlights, type FakeHighlights } from './testing/fake-highlights'

const text =
  'Kursk report\n\nRussia has deployed just under 60,000 troops to Kursk, the source said, adding that Moscow was increasing its counterattacks.\n\nZelensky estimated around 50,000.'

let t: TestDesk
let fake: FakeHighlights
beforeEach(() => {
  fake = installFakeHighlights()
  localStorage.clear()
})
afterEach(async () => {
  fake.uninstall()
  await t?.dispose()
})

async function setup(readOnly = false, documents: Record<string, string> = { 'kursk.txt': text }) {
  t = await loadedDesk({ documents, sources: [{ name: 'ISW' }], readOnly })
  return t
}

function select(node: Node, from: number, to: number, endNode: Node = node) {
  const range = document.createRange()
  range.setStart(node, from)
  range.setEnd(endNode, to)
  const selection = window.getSelection()!
  selection.removeAllRanges()
  selection.addRange(range)
  document.dispatchEvent(new Event('selectionchange'))
}

/** Presses a key as the app does: through the one global handler. */
async function press(key: string, shiftKey = false) {
  const e = new KeyboardEvent('keydown', { key, shiftKey, bubbles: true, cancelable: true })
  handleGlobalKey(e, t.desk)
  await tick()
  await new Promise((r) => setTimeout(r, 0))
}

const selected = () => {
  const s = t.desk.ui.selection
  return s ? t.desk.store.currentDoc!.text.slice(s.start, s.end) : null
}

describe('Reader', () => {
  it('renders each block with exactly its text, its offsets and dir="auto"', async () => {
    const { context } = await setup()
    render(Reader, { context })
    const blocks = screen.getAllByTestId('reader-block')
    expect(blocks.map((b) => b.tagName)).toEqual(['H1', 'P', 'P'])
    for (const b of blocks) {
      expect(b.textContent).toBe(text.slice(Number(b.dataset.start), Number(b.dataset.end)))
      expect(b.children).toHaveLength(0)
      expect(b.getAttribute('dir')).toBe('auto')
    }
  })

  it('paints claims as highlights, one layer per overlap, without touching the text', async () => {
    const { desk, context, sources } = await setup()
    const start = text.indexOf('Russia')
    const outer = (await desk.store.createClaim(start, start + 53))!
    await desk.store.createClaim(text.indexOf('60,000'), text.indexOf('60,000') + 6)
    render(Reader, { context })
    const para = screen.getAllByTestId('reader-block')[1]
    expect(para.children).toHaveLength(0)
    await waitFor(() =>
      expect(fake.painted()).toEqual({
        'cd-claim-u-0': ['Russia has deployed just under 60,000 troops to Kursk'],
        'cd-claim-u-1': ['60,000']
      })
    )
    // Attributing the outer claim recolours it: it moves to its source's highlight.
    await desk.store.updateClaim(outer.id, { sourceId: sources.ISW })
    const colour = desk.store.colours.get(sources.ISW)
    await waitFor(() =>
      expect(fake.painted()).toEqual({
        [`cd-claim-${colour}-0`]: ['Russia has deployed just under 60,000 troops to Kursk'],
        'cd-claim-u-1': ['60,000']
      })
    )
  })

  it('paints a span being marked at once, as an unattributed claim, until its claim takes its place', async () => {
    const { desk, context } = await setup()
    render(Reader, { context })
    const api = desk.store.api
    const create = api.createClaim
    let release = () => {}
    const held = new Promise<void>((done) => (release = done))
    api.createClaim = async (input) => {
      await held
      return create(input)
    }
    const start = text.indexOf('Russia')
    const made = desk.store.createClaim(start, start + 6)
    await waitFor(() => expect(fake.painted()).toEqual({ 'cd-claim-u-0': ['Russia'] }))
    expect(desk.store.docClaims).toEqual([])
    release()
    await made
    expect(desk.store.docClaims).toHaveLength(1)
    await tick()
    expect(fake.painted()).toEqual({ 'cd-claim-u-0': ['Russia'] })
  })

  it('paints search hits as their own layer, the active one apart', async () => {
    const { desk, context } = await setup()
    render(Reader, { context })
    const at = (word: string) => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length })
    desk.ui.searchHits = [at('Kursk,'), at('Moscow'), at('50,000')]
    desk.ui.activeHit = 1
    await waitFor(() => expect(fake.painted()).toEqual({ 'cd-hit': ['50,000', 'Kursk,'], 'cd-hit-active': ['Moscow'] }))
    desk.ui.searchHits = []
    await waitFor(() => expect(fake.painted()).toEqual({}))
  })

  it('paints the suggestions left to decide dashed, the active one apart, and none once hidden', async () => {
    const { desk, context } = await setup()
    render(Reader, { context })
    const queue = desk.suggestions
    await queue.load()
    const texts = queue.pending.map((x) => x.claim.text).sort()
    expect(texts.length).toBeGreaterThanOrEqual(2)
    const active = queue.active!.claim.text
    await waitFor(() =>
      expect(fake.painted()).toEqual({
        'cd-suggestion': texts.filter((x) => x !== active),
        'cd-suggestion-active': [active]
      })
    )
    // Accepted, it is a claim (painted as one) and no longer a suggestion.
    await queue.accept()
    await waitFor(() => expect(fake.painted()['cd-suggestion-active']).not.toEqual([active]))
    expect(
      Object.entries(fake.painted()).some(([name, xs]) => name.startsWith('cd-claim-') && xs.includes(active))
    ).toBe(true)
    queue.setShown(false)
    await waitFor(() => expect(Object.keys(fake.painted()).filter((n) => n.includes('suggestion'))).toEqual([]))
  })

  it('shows Mark claim for a selection and creates the claim from trimmed offsets', async () => {
    const { desk, context } = await setup()
    render(Reader, { context })
    const para = screen.getAllByTestId('reader-block')[1]
    // " has deployed " with spaces at both edges
    select(para.firstChild!, 6, 20)
    const button = await screen.findByTestId('mark-claim')
    await fireEvent.click(button)
    await waitFor(() => expect(desk.store.docClaims).toHaveLength(1))
    const created = t.calls.find((c) => c.method === 'createClaim')!.args[0] as { start: number; end: number }
    expect(text.slice(created.start, created.end)).toBe('has deployed')
    expect(desk.store.focusedClaimId).toBe(desk.store.docClaims[0].id)
  })

  it('hides Mark claim for a selection outside the article', async () => {
    const { desk, context } = await setup()
    render(Reader, { context })
    const meta = screen.getByTestId('document-meta')
    select(meta.querySelector('.title')!.firstChild!, 0, 3)
    expect(screen.queryByTestId('mark-claim')).toBeNull()
    expect(desk.ui.selection).toBeNull()
  })

  it('offers no Mark claim in a read-only case', async () => {
    const { context, desk } = await setup(true)
    render(Reader, { context })
    const para = screen.getAllByTestId('reader-block')[1]
    select(para.firstChild!, 0, 6)
    // The selection is read (the handler runs on the event), yet nothing offers to mark it.
    expect(desk.ui.selection).not.toBeNull()
    await tick()
    expect(screen.queryByTestId('mark-claim')).toBeNull()
  })
})

describe('the reading cursor', () => {
  it('selects by clause and sentence, adjusts by word, and marks with C', async () => {
    const { desk, context } = await setup()
    render(Reader, { context })
    await press('s')
    expect(selected()).toBe('Kursk report')
    await press('n')
    expect(selected()).toBe('Russia has deployed just under 60,000 troops to Kursk')
    // The selection is the DOM's too, so it shows and can be copied.
    await waitFor(() =>
      expect(window.getSelection()!.toString()).toBe('Russia has deployed just under 60,000 troops to Kursk')
    )
    await press('n')
    expect(selected()).toBe('the source')
    await press('n')
    expect(selected()).toBe('Moscow was increasing its counterattacks')
    await press('w', true)
    expect(selected()).toBe('Moscow was increasing its')
    await press('b')
    expect(selected()).toBe('that Moscow was increasing its')
    await press('b', true)
    await press('w')
    expect(selected()).toBe('Moscow was increasing its counterattacks')
    await press('e')
    expect(selected()).toBe(
      'Russia has deployed just under 60,000 troops to Kursk, the source said, adding that Moscow was increasing its counterattacks.'
    )
    await press('n', true)
    expect(selected()).toBe('Kursk report')
    await press('s')
    await press('n')
    await press('c')
    await waitFor(() => expect(desk.store.docClaims).toHaveLength(1))
    const claim = desk.store.docClaims[0]
    expect(text.slice(claim.position.start, claim.position.end)).toBe('the source')
    // The cursor goes on from where the claim ends.
    await press('n')
    expect(selected()).toBe('Moscow was increasing its counterattacks')
    await press('p')
    expect(selected()).toBe('Zelensky estimated around 50,000.')
  })

  it('does nothing while the user types in a field', async () => {
    const { desk, context } = await setup()
    render(Reader, { context })
    const input = document.createElement('input')
    document.body.append(input)
    const e = new KeyboardEvent('keydown', { key: 'n', bubbles: true, cancelable: true })
    input.dispatchEvent(e)
    expect(handleGlobalKey(e, desk)).toBe(false)
    expect(desk.ui.selection).toBeNull()
    input.remove()
  })
})

describe('long and paged documents', () => {
  it('renders only a window of a long article, with gaps standing in for the rest', async () => {
    const paragraphs = Array.from({ length: 600 }, (_, i) => `Paragraph ${i} says the convoy crossed the border.`)
    const { context } = await setup(false, { 'long.txt': paragraphs.join('\n\n') })
    render(Reader, { context })
    const article = screen.getByTestId('reader')
    expect(article.dataset.rows).toBe('600')
    const blocks = screen.getAllByTestId('reader-block')
    expect(blocks.length).toBeGreaterThan(0)
    expect(blocks.length).toBeLessThan(100)
    expect(article.querySelectorAll('.gap').length).toBeGreaterThan(0)
    expect(blocks[0].textContent).toBe(paragraphs[0])
  })

  it('shows where each page of a paged document begins, as generated text outside the block', () => {
    const pageText = 'Page two says the bridge was destroyed.'
    const row = { block: 3, kind: 'paragraph' as const, start: 10, end: 10 + pageText.length, page: 2, pageStart: 2 }
    render(ReaderRow, {
      row: { ...row, continued: false, continues: false },
      index: 5,
      text: ' '.repeat(10) + pageText
    })
    const marker = screen.getByTestId('page-break')
    expect(marker.dataset.pageStart).toBe('2')
    expect(marker.dataset.row).toBe('5')
    const block = screen.getByTestId('reader-block')
    expect(block.textContent).toBe(pageText)
    expect(block.dataset.page).toBe('2')
    expect(marker.textContent).toBe(pageText)
  })
})

describe('reader settings', () => {
  it('changes font size and line width from the header menu and remembers them', async () => {
    const { context } = await setup()
    const first = render(Reader, { context })
    await fireEvent.click(screen.getByTestId('reader-settings'))
    await fireEvent.click(screen.getByTestId('reader-font-larger'))
    await fireEvent.click(screen.getByTestId('reader-width-wide'))
    expect(screen.getByTestId('reader-font-size').textContent).toBe('18px')
    const scroller = screen.getByTestId('reader-scroller')
    expect(scroller.style.getPropertyValue('--reader-size')).toBe('18px')
    expect(scroller.style.getPropertyValue('--reader-width')).toBe('84ch')
    first.unmount()
    render(Reader, { context })
    expect(screen.getByTestId('reader-scroller').style.getPropertyValue('--reader-size')).toBe('18px')
  })
})
