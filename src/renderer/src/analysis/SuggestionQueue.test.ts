import { fireEvent, render, screen, waitFor } from '@testing-library/svelte'
import { afterEach, describe, expect, it } from 'vitest'
import { loadedDesk, type TestDesk } from '../lib/testing/desk'
import SuggestionQueue from './SuggestionQueue.svelte'

const ARTICLE = [
  'Port traffic falls as patrols widen',
  '',
  'Harbour master Lena Ostrova said on Monday that 80 vessels had been turned back.',
  '',
  'An unnamed coast guard official told Reuters that at least 120 vessels were diverted.',
  '',
  'Ostrova added that the port would reopen within two weeks.'
].join('\n')

let t: TestDesk | undefined
afterEach(async () => {
  await t?.dispose()
  t = undefined
})

async function setup() {
  t = await loadedDesk({ documents: { 'port.txt': ARTICLE } })
  await t.desk.store.openDocument(t.documents['port.txt'])
  render(SuggestionQueue, { context: t.context })
  await waitFor(() => expect(screen.getAllByTestId('suggestion').length).toBeGreaterThanOrEqual(3))
  return { ...t, list: screen.getByTestId('suggestion-list') }
}

const texts = () => screen.getAllByTestId('suggestion').map((li) => li.querySelector('.text')!.textContent)

describe('SuggestionQueue', () => {
  it('lists the document’s suggestions with speaker, relay and cue, the first one active', async () => {
    const { list } = await setup()
    const items = screen.getAllByTestId('suggestion')
    expect(items[0]).toHaveAttribute('aria-selected', 'true')
    expect(list.getAttribute('aria-activedescendant')).toBe(items[0].id)
    const official = items.find((li) => li.textContent!.includes('120 vessels'))!
    expect(official.querySelector('.via')!.textContent).toBe('via Reuters')
    expect(official.querySelector('.cue')!.textContent).toBe('told')
    expect(screen.getByTestId('suggestion-count')).toHaveTextContent(String(items.length))
  })

  it('accepts with Enter, rejects with Backspace (not deleting a claim), and moves with the arrows', async () => {
    const { list, desk } = await setup()
    const before = texts()
    await fireEvent.keyDown(list, { key: 'ArrowDown' })
    expect(screen.getAllByTestId('suggestion')[1]).toHaveAttribute('aria-selected', 'true')
    await fireEvent.keyDown(list, { key: 'Enter' })
    // Out of the queue at once, a claim once the change is saved.
    expect(texts()).not.toContain(before[1])
    await waitFor(() => expect(desk.store.docClaims.map((c) => c.quote.exact)).toEqual([before[1]]))
    // The next one is active now; Backspace rejects it and keeps the claim just made.
    const next = screen.getAllByTestId('suggestion').find((li) => li.getAttribute('aria-selected') === 'true')!
    const rejected = next.querySelector('.text')!.textContent
    await fireEvent.keyDown(list, { key: 'Backspace' })
    await waitFor(() => expect(texts()).not.toContain(rejected))
    expect(desk.store.docClaims).toHaveLength(1)
    expect(screen.getByTestId('restore-rejected')).toHaveTextContent('1 rejected')
    await fireEvent.click(screen.getByTestId('restore-rejected'))
    await waitFor(() => expect(texts()).toContain(rejected))
  })

  it('accepts every suggestion of the active speaker with A, creating the source once', async () => {
    const { list, desk } = await setup()
    const ostrova = screen.getAllByTestId('suggestion').find((li) => li.textContent!.includes('Ostrova'))!
    await fireEvent.click(ostrova)
    expect(screen.getByTestId('accept-speaker')).toHaveTextContent(/^All 2 from/)
    await fireEvent.keyDown(list, { key: 'a' })
    await waitFor(() => expect(desk.store.docClaims).toHaveLength(2))
    expect(new Set(desk.store.docClaims.map((c) => c.sourceId)).size).toBe(1)
    expect(desk.store.sources.filter((s) => s.name.includes('Ostrova'))).toHaveLength(1)
  })

  it('labels a speaker "in the case" once a source of that name is made, not "new person"', async () => {
    const { desk } = await setup()
    const label = () =>
      screen
        .getAllByTestId('suggestion')
        .filter((li) => li.textContent!.includes('Ostrova'))
        .map((li) => li.querySelector('.src')!.textContent)
    expect(label()).toEqual(['new person', 'new person'])
    await desk.store.createSource({
      name: 'Lena Ostrova',
      kind: 'person',
      description: '',
      reliability: 'F',
      aliases: []
    })
    await waitFor(() => expect(label()).toEqual(['in the case', 'in the case']))
  })

  it('names the source a speaker written otherwise will be filed under', async () => {
    const { desk } = await setup()
    await desk.store.createSource({
      name: 'Harbour master Lena Ostrova',
      kind: 'person',
      description: '',
      reliability: 'F',
      aliases: []
    })
    const ostrova = () => screen.getAllByTestId('suggestion').filter((li) => li.textContent!.includes('Ostrova'))
    await waitFor(() =>
      expect(ostrova().map((li) => li.querySelector('.src')!.textContent)).toEqual([
        'as Harbour master Lena Ostrova, in the case',
        'as Harbour master Lena Ostrova, in the case'
      ])
    )
  })

  it('keeps the keyboard when the last suggestion goes, and gives it back to the list on Undo', async () => {
    const { list, desk } = await setup()
    list.focus()
    const queue = screen.getByTestId('suggestion-queue')
    for (let left = screen.getAllByTestId('suggestion').length; left > 0; left--) {
      await fireEvent.keyDown(document.activeElement!, { key: 'Enter' })
      await waitFor(() => expect(screen.queryAllByTestId('suggestion')).toHaveLength(left - 1))
    }
    await waitFor(() => expect(document.activeElement).toBe(queue))
    await desk.store.step('undo')
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('suggestion-list')))
    expect(screen.getAllByTestId('suggestion')).toHaveLength(1)
    await fireEvent.keyDown(document.activeElement!, { key: 'Backspace' })
    await waitFor(() => expect(screen.queryAllByTestId('suggestion')).toHaveLength(0))
    await waitFor(() => expect(document.activeElement).toBe(queue))
  })

  it('takes the keyboard when asked (the U key), showing the queue if it was hidden', async () => {
    const { desk } = await setup()
    desk.suggestions.setShown(false)
    desk.suggestions.setShown(true)
    desk.ui.suggestionsFocus++
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('suggestion-list')))
  })

  it('Shift+Enter accepts and opens the new claim in the editor', async () => {
    const { list, desk } = await setup()
    await fireEvent.keyDown(list, { key: 'Enter', shiftKey: true })
    await waitFor(() => expect(desk.store.focusedClaimId).toBe(desk.store.docClaims[0]?.id))
    expect(desk.store.editorFocus?.field).toBe('source')
  })

  it('hides and shows the queue', async () => {
    await setup()
    await fireEvent.click(screen.getByTestId('toggle-suggestions'))
    expect(screen.queryByTestId('suggestion-list')).toBeNull()
    await fireEvent.click(screen.getByTestId('toggle-suggestions'))
    expect(screen.getByTestId('suggestion-list')).toBeInTheDocument()
  })
})
