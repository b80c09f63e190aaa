import { fireEvent, render, screen, waitFor } from '@testing-library/svelte'
import { tick } from 'svelte'
import { afterEach, describe, expect, it } from 'vitest'
import { loadedDesk, type TestDesk } from '../lib/testing/desk'
import Reader from './Reader.svelte'

const text =
  'Kursk report\n\nRussia has deployed just under 60,000 troops to Kursk, the source said.\n\nZelensky estimated around 50,000.'

let t: TestDesk
afterEach(() => t?.dispose())

async function setup(readOnly = false) {
  t = await loadedDesk({ documents: { 'kursk.txt': text }, sources: [{ name: 'ISW' }], readOnly })
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

describe('Reader', () => {
  it('renders each block with exactly its text, its offsets and dir="auto"', async () => {
    const { context } = await setup()
    render(Reader, { context })
    const blocks = screen.getAllByTestId('reader-block')
    expect(blocks.map((b) => b.tagName)).toEqual(['H1', 'P', 'P'])
    for (const b of blocks) {
      expect(b.textContent).toBe(text.slice(Number(b.dataset.start), Number(b.dataset.end)))
      expect(b.getAttribute('dir')).toBe('auto')
    }
  })

  it('paints overlapping claims as marks that keep the text intact', async () => {
    const { desk, context } = await setup()
    const start = text.indexOf('Russia')
    const outer = (await desk.store.createClaim(start, start + 53))!
    const inner = (await desk.store.createClaim(text.indexOf('60,000'), text.indexOf('60,000') + 6))!
    render(Reader, { context })
    const para = screen.getAllByTestId('reader-block')[1]
    expect(para.textContent).toBe(text.slice(Number(para.dataset.start), Number(para.dataset.end)))
    const marks = [...para.querySelectorAll<HTMLElement>('mark')]
    expect(marks.map((m) => m.textContent)).toEqual(['Russia has deployed just under ', '60,000', ' troops to Kursk'])
    expect(marks[1].dataset.claimId).toBe(inner.id)
    expect(marks[1].dataset.claimIds).toBe(`${inner.id} ${outer.id}`)
    expect(marks[1].classList.contains('overlap')).toBe(true)
  })

  it('focuses a claim when its highlight is clicked, then the one beneath on a second click', async () => {
    const { desk, context } = await setup()
    const start = text.indexOf('Russia')
    const outer = (await desk.store.createClaim(start, start + 53))!
    const inner = (await desk.store.createClaim(text.indexOf('60,000'), text.indexOf('60,000') + 6))!
    desk.store.focusClaim(null)
    render(Reader, { context })
    const mark = screen.getByText('60,000')
    await fireEvent.click(mark)
    expect(desk.store.focusedClaimId).toBe(inner.id)
    // A click focuses the claim; it does not take the keyboard into the editor.
    expect(desk.store.editorFocus).toBeNull()
    await waitFor(() => expect(mark.classList.contains('focused')).toBe(true))
    await fireEvent.click(mark)
    expect(desk.store.focusedClaimId).toBe(outer.id)
  })

  it('shows Mark claim for a selection and creates the claim from trimmed offsets', async () => {
    const { desk, context } = await setup()
    render(Reader, { context })
    const para = screen.getAllByTestId('reader-block')[1]
    const textNode = [...para.childNodes].find(
      (n) => n.nodeType === Node.TEXT_NODE && n.textContent!.startsWith('Russia')
    )!
    // " has deployed " with spaces at both edges
    select(textNode, 6, 20)
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
    select(
      [...para.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent)!,
      0,
      6
    )
    // The selection is read (the handler runs on the event), yet nothing offers to mark it.
    expect(desk.ui.selection).not.toBeNull()
    await tick()
    expect(screen.queryByTestId('mark-claim')).toBeNull()
  })
})
