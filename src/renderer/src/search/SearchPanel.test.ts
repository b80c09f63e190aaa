import { fireEvent, render, screen, waitFor } from '@testing-library/svelte'
import { afterEach, describe, expect, it } from 'vitest'
import { loadedDesk, type TestDesk } from '../lib/testing/desk'
import SearchPanel from './SearchPanel.svelte'

let t: TestDesk
afterEach(() => t?.dispose())

const a = 'Donbas report\n\nFighting near Pokrovsk continued. Pokrovsk is a rail hub.'
const b = 'Second report\n\nShelling reached POKROVSK overnight.'

async function setup() {
  t = await loadedDesk({ documents: { 'a.txt': a, 'b.txt': b, 'c.txt': 'Third\n\nNothing here.' } })
  render(SearchPanel, { context: t.context })
  return t
}

describe('SearchPanel', () => {
  it('answers "where else is Pokrovsk mentioned?" grouped by document, and Enter walks the hits across documents', async () => {
    const { desk } = await setup()
    const input = screen.getByTestId('search-input')
    await fireEvent.input(input, { target: { value: 'pokrovsk' } })
    await waitFor(() => expect(screen.getByTestId('search-summary')).toHaveTextContent('3 in 2 documents'))
    expect(screen.getAllByTestId('search-document').map((d) => d.dataset.documentId)).toEqual([
      t.documents['a.txt'],
      t.documents['b.txt']
    ])
    expect(screen.getAllByTestId('search-hit')[0].querySelector('mark')!.textContent).toBe('Pokrovsk')
    // The reader gets the open document's hits to paint.
    expect(desk.ui.searchHits.map((h) => a.slice(h.start, h.end))).toEqual(['Pokrovsk', 'Pokrovsk'])
    await fireEvent.keyDown(input, { key: 'Enter' })
    await waitFor(() => expect(desk.ui.activeHit).toBe(0))
    await fireEvent.keyDown(input, { key: 'Enter' })
    await waitFor(() => expect(desk.ui.activeHit).toBe(1))
    await fireEvent.keyDown(input, { key: 'Enter' })
    await waitFor(() => expect(desk.store.currentDoc?.id).toBe(t.documents['b.txt']))
    expect(desk.ui.searchHits.map((h) => b.slice(h.start, h.end))).toEqual(['POKROVSK'])
    expect(desk.ui.activeHit).toBe(0)
    await fireEvent.keyDown(input, { key: 'Enter', shiftKey: true })
    await waitFor(() => expect(desk.store.currentDoc?.id).toBe(t.documents['a.txt']))
    expect(desk.ui.activeHit).toBe(1)
  })

  it('searches only the open document when asked, and clears with Escape', async () => {
    const { desk } = await setup()
    await desk.store.openDocument(t.documents['b.txt'])
    desk.search.open('document')
    const input = screen.getByTestId('search-input')
    await waitFor(() => expect(document.activeElement).toBe(input))
    await fireEvent.input(input, { target: { value: 'pokrovsk' } })
    await waitFor(() => expect(screen.getByTestId('search-summary')).toHaveTextContent('1 in 1 document'))
    expect(desk.ui.activeHit).toBe(0)
    await fireEvent.keyDown(input, { key: 'Escape' })
    expect(desk.ui.searchHits).toEqual([])
    expect(screen.queryByTestId('search-document')).toBeNull()
  })
})
