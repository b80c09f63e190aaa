import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte'
import { afterEach, describe, expect, it } from 'vitest'
import { loadedDesk, type TestDesk } from '../lib/testing/desk'
import EditorPane from './EditorPane.svelte'

const text = 'Report\n\nUkraine had lost more than 40 percent of the territory, the source told Reuters.'

let t: TestDesk
afterEach(() => t?.dispose())

async function setup() {
  t = await loadedDesk({
    documents: { 'report.txt': text },
    sources: [
      { name: 'Unnamed General Staff source', kind: 'anonymous', reliability: 'C', aliases: ['the source'] },
      { name: 'Reuters', kind: 'outlet', reliability: 'B' },
      { name: 'Institute for the Study of War (ISW)', kind: 'organization' }
    ]
  })
  const claim = (await t.desk.store.createClaim(8, 62))!
  render(EditorPane, { context: t.context })
  const source = (name: string) => t.desk.store.sources.find((s) => s.name === name)!
  return { ...t, gs: source('Unnamed General Staff source'), reuters: source('Reuters'), claim }
}

const lastPatch = (_api?: unknown) => t.calls.filter((c) => c.method === 'updateClaim').at(-1)?.args[1]

describe('ClaimEditor', () => {
  it('leaves a field on Escape once nothing is open over it, so the app keys work again', async () => {
    await setup()
    const source = screen.getByTestId('source-input')
    await waitFor(() => expect(document.activeElement).toBe(source))
    await fireEvent.input(source, { target: { value: 'reu' } })
    expect(screen.getByTestId('source-input-options')).toBeTruthy()
    await fireEvent.keyDown(source, { key: 'Escape' })
    expect(document.activeElement).toBe(source)
    await fireEvent.keyDown(source, { key: 'Escape' })
    expect(document.activeElement).not.toBe(source)
    const note = screen.getByTestId('note-input')
    note.focus()
    await fireEvent.keyDown(note, { key: 'Escape' })
    expect(document.activeElement).not.toBe(note)
  })

  it('saves a note being typed when the editor closes under it (another window, another claim)', async () => {
    const { claim, desk } = await setup()
    const note = screen.getByTestId('note-input') as HTMLTextAreaElement
    note.focus()
    await fireEvent.input(note, { target: { value: 'typed as the editor closed' } })
    desk.store.focusedClaimId = null
    await waitFor(() => expect(screen.queryByTestId('note-input')).toBeNull())
    await waitFor(() => expect(desk.store.claims.get(claim.id)?.note).toBe('typed as the editor closed'))
  })

  it('saves a note being typed when the page goes (a reload, a closed window) before it would autosave', async () => {
    const { claim, desk } = await setup()
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('source-input')))
    const note = screen.getByTestId('note-input') as HTMLTextAreaElement
    note.focus()
    await fireEvent.input(note, { target: { value: 'typed just before the reload' } })
    expect(desk.store.claims.get(claim.id)?.note).toBe('')
    window.dispatchEvent(new PageTransitionEvent('pagehide'))
    // Sent then, not when the autosave timer would have fired.
    expect(desk.store.claims.get(claim.id)?.note).toBe('typed just before the reload')
    await waitFor(async () =>
      expect((await t.service.api.getClaims([claim.id]))[0].note).toBe('typed just before the reload')
    )
  })

  it('says the note typed when its claim is deleted elsewhere under it, with its words', async () => {
    const { claim, desk } = await setup()
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('source-input')))
    const note = screen.getByTestId('note-input') as HTMLTextAreaElement
    note.focus()
    await fireEvent.input(note, { target: { value: 'words typed as it went' } })
    // Another window deletes it: the change arrives as the others' do.
    const { changes } = await t.service.api.deleteClaim(claim.id)
    desk.store.applyChanges(changes)
    await waitFor(() => expect(screen.queryByTestId('note-input')).toBeNull())
    expect(desk.store.notices.errors.map((n) => n.message)).toEqual([
      'The claim was deleted while you typed its note, which was not saved: “words typed as it went”'
    ])
  })

  it('shows the note a claim has when it opens', async () => {
    const { claim, desk } = await setup()
    await desk.store.updateClaim(claim.id, { note: 'Publisher’s caveat: not verified' })
    desk.store.focusedClaimId = null
    await waitFor(() => expect(screen.queryByTestId('note-input')).toBeNull())
    desk.store.focusClaim(claim.id)
    const note = (await screen.findByTestId('note-input')) as HTMLTextAreaElement
    expect(note.value).toBe('Publisher’s caveat: not verified')
  })

  it('a note changed elsewhere while one is typed is shown; nothing is overwritten until the analyst picks', async () => {
    const { claim, desk } = await setup()
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('source-input')))
    const note = screen.getByTestId('note-input') as HTMLTextAreaElement
    note.focus()
    await fireEvent.input(note, { target: { value: 'mine' } })
    // Another window's edit (or an Undo) lands while this one is typed.
    await t.service.api.updateClaim(claim.id, { note: 'theirs' })
    await desk.store.updateClaim(claim.id, { note: 'theirs' })
    const banner = await screen.findByTestId('note-changed-elsewhere')
    expect(banner.textContent).toContain('theirs')
    expect(note.value).toBe('mine')
    await fireEvent.blur(note)
    expect(desk.store.claims.get(claim.id)?.note).toBe('theirs')
    await fireEvent.click(screen.getByTestId('note-keep-mine'))
    await waitFor(() => expect(desk.store.claims.get(claim.id)?.note).toBe('mine'))
    expect(screen.queryByTestId('note-changed-elsewhere')).toBeNull()

    note.focus()
    await fireEvent.input(note, { target: { value: 'mine, longer' } })
    await desk.store.updateClaim(claim.id, { note: 'theirs again' })
    await fireEvent.click(await screen.findByTestId('note-use-theirs'))
    expect(note.value).toBe('theirs again')
    await fireEvent.blur(note)
    expect(desk.store.claims.get(claim.id)?.note).toBe('theirs again')
    expect(screen.queryByTestId('note-changed-elsewhere')).toBeNull()
  })

  it('a note this editor saved earlier, coming back by Redo, is shown, and closing the editor keeps it', async () => {
    const { claim, desk } = await setup()
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('source-input')))
    const note = screen.getByTestId('note-input') as HTMLTextAreaElement
    note.focus()
    await fireEvent.input(note, { target: { value: 'typed here' } })
    note.blur()
    await waitFor(() => expect(lastPatch()).toEqual({ note: 'typed here' }))
    await desk.store.step('undo')
    await waitFor(() => expect(note.value).toBe(''))
    await desk.store.step('redo')
    await waitFor(() => expect(desk.store.claims.get(claim.id)?.note).toBe('typed here'))
    await waitFor(() => expect(note.value).toBe('typed here'))
    desk.store.focusedClaimId = null
    await waitFor(() => expect(screen.queryByTestId('note-input')).toBeNull())
    expect(desk.store.claims.get(claim.id)?.note).toBe('typed here')
    expect((await t.service.api.getClaims([claim.id]))[0].note).toBe('typed here')
  })

  it('a note typed over one changed elsewhere is still saved when the editor closes before the analyst picks', async () => {
    const { claim, desk } = await setup()
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('source-input')))
    const note = screen.getByTestId('note-input') as HTMLTextAreaElement
    note.focus()
    await fireEvent.input(note, { target: { value: 'mine' } })
    await desk.store.updateClaim(claim.id, { note: 'theirs' })
    await screen.findByTestId('note-changed-elsewhere')
    desk.store.focusedClaimId = null
    await waitFor(() => expect(screen.queryByTestId('note-input')).toBeNull())
    await waitFor(() => expect(desk.store.claims.get(claim.id)?.note).toBe('mine'))
  })

  it('shows the quote and focuses the source field of a new claim', async () => {
    const { claim } = await setup()
    expect(screen.getByTestId('claim-editor').textContent).toContain(claim.quote.exact)
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('source-input')))
  })

  it('Escape closes the suggestions, then leaves the field without taking the typed text', async () => {
    await setup()
    const input = screen.getByTestId('source-input') as HTMLInputElement
    await waitFor(() => expect(document.activeElement).toBe(input))
    await fireEvent.input(input, { target: { value: 'reu' } })
    expect(screen.getByTestId('source-input-options')).toBeTruthy()
    await fireEvent.keyDown(input, { key: 'Escape' })
    expect(screen.queryByTestId('source-input-options')).toBeNull()
    expect(document.activeElement).toBe(input)
    await fireEvent.keyDown(input, { key: 'Escape' })
    expect(document.activeElement).not.toBe(input)
    await waitFor(() => expect(input.value).toBe(''))

    const tags = screen.getByTestId('tag-input') as HTMLInputElement
    tags.focus()
    await fireEvent.input(tags, { target: { value: 'half-typed' } })
    await fireEvent.keyDown(tags, { key: 'Escape' })
    expect(document.activeElement).not.toBe(tags)
    expect(tags.value).toBe('')
    expect(t.calls.filter((c) => c.method === 'updateClaim')).toEqual([])
  })

  it('picks a source by alias with the keyboard, shows its grade, then adds a relay', async () => {
    const { api, gs, reuters, desk } = await setup()
    const input = screen.getByTestId('source-input')
    await fireEvent.input(input, { target: { value: 'the sou' } })
    const options = screen.getByTestId('source-input-options')
    expect(within(options).getAllByRole('option')[0].textContent).toContain('Unnamed General Staff source')
    await fireEvent.keyDown(input, { key: 'Enter' })
    await waitFor(() => expect(lastPatch(api)).toEqual({ sourceId: gs.id, via: [] }))
    await waitFor(() => expect(screen.getByTestId('grade').textContent!.trim()).toBe('C6'))

    const via = screen.getByTestId('via-input')
    await fireEvent.input(via, { target: { value: 'reu' } })
    await fireEvent.keyDown(via, { key: 'Enter' })
    await waitFor(() => expect(lastPatch(api)).toEqual({ via: [reuters.id] }))
    await waitFor(() =>
      expect(screen.getAllByTestId('via-chip').map((c) => c.textContent)).toEqual([expect.stringContaining('Reuters')])
    )
    expect(desk.store.focusedClaim?.via).toEqual([reuters.id])
  })

  it('creates a new source in place with the kind the analyst picks', async () => {
    const { api, desk } = await setup()
    const input = screen.getByTestId('source-input')
    await fireEvent.input(input, { target: { value: 'Lloyd Austin' } })
    const create = within(screen.getByTestId('source-input-options')).getByText('Create “Lloyd Austin”')
    await fireEvent.mouseDown(create)
    const kind = screen.getByTestId('new-source-kind') as HTMLSelectElement
    expect(kind.value).toBe('person')
    await fireEvent.change(kind, { target: { value: 'organization' } })
    await fireEvent.click(screen.getByTestId('create-source-confirm'))
    await waitFor(() => expect(desk.store.sources.find((s) => s.name === 'Lloyd Austin')?.kind).toBe('organization'))
    const created = desk.store.sources.find((s) => s.name === 'Lloyd Austin')!
    await waitFor(() => expect(lastPatch(api)).toEqual({ sourceId: created.id, via: [] }))
  })

  it('adds tags with comma and Enter, removes the last with Backspace', async () => {
    const { api } = await setup()
    const tags = screen.getByTestId('tag-input')
    await fireEvent.input(tags, { target: { value: 'territory,' } })
    await waitFor(() => expect(lastPatch(api)).toEqual({ tags: ['territory'] }))
    expect((tags as HTMLInputElement).value).toBe('')
    await fireEvent.input(tags, { target: { value: 'Kursk' } })
    await fireEvent.keyDown(tags, { key: 'Enter' })
    await waitFor(() => expect(lastPatch(api)).toEqual({ tags: ['territory', 'Kursk'] }))
    await fireEvent.input(tags, { target: { value: '' } })
    await fireEvent.keyDown(tags, { key: 'Backspace' })
    await waitFor(() => expect(lastPatch(api)).toEqual({ tags: ['territory'] }))
  })

  it('turns pasted comma-separated tags into tags and keeps the unfinished one until blur', async () => {
    const { api } = await setup()
    const tags = screen.getByTestId('tag-input')
    await fireEvent.input(tags, { target: { value: 'front line, Kursk, troo' } })
    await waitFor(() => expect(lastPatch(api)).toEqual({ tags: ['front line', 'Kursk'] }))
    expect((tags as HTMLInputElement).value).toBe('troo')
    await fireEvent.blur(tags)
    await waitFor(() => expect(lastPatch(api)).toEqual({ tags: ['front line', 'Kursk', 'troo'] }))
  })

  it('saves status and credibility on change and shows the saved state', async () => {
    const { api } = await setup()
    await fireEvent.change(screen.getByTestId('status-select'), { target: { value: 'contradicted' } })
    await waitFor(() => expect(lastPatch(api)).toEqual({ status: 'contradicted' }))
    await fireEvent.change(screen.getByTestId('credibility-select'), { target: { value: '3' } })
    await waitFor(() => expect(lastPatch(api)).toEqual({ credibility: '3' }))
    await waitFor(() => expect(screen.getByTestId('save-state').textContent).toContain('Saved'))
  })

  it('after a source is picked, no list sits over the form: a click on Topics adds no relay', async () => {
    await setup()
    const input = screen.getByTestId('source-input')
    await fireEvent.input(input, { target: { value: 'reu' } })
    await fireEvent.keyDown(input, { key: 'Enter' })
    // Focus moves on to Via for the keyboard, but its suggestions wait for typing or ↓.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('via-input')))
    expect(screen.queryByTestId('via-input-options')).toBeNull()
    await fireEvent.mouseDown(screen.getByTestId('tag-input'))
    await fireEvent.focus(screen.getByTestId('tag-input'))
    await fireEvent.blur(screen.getByTestId('via-input'))
    expect(t.desk.store.focusedClaim?.via).toEqual([])
    // (The edit is sent once it has been drawn.)
    await waitFor(() =>
      expect(t.calls.filter((c) => c.method === 'updateClaim').map((c) => Object.keys(c.args[1] as object))).toEqual([
        ['sourceId', 'via']
      ])
    )
    const via = screen.getByTestId('via-input')
    await fireEvent.keyDown(via, { key: 'ArrowDown' })
    expect(screen.getByTestId('via-input-options')).toBeTruthy()
    await fireEvent.blur(via)
    expect(screen.queryByTestId('via-input-options')).toBeNull()
  })

  it('shows a failed save inline', async () => {
    const { api } = await setup()
    api.updateClaim = async () => {
      throw { code: 'read-only', message: 'The case is open read-only' }
    }
    await fireEvent.change(screen.getByTestId('status-select'), { target: { value: 'false' } })
    await waitFor(() =>
      expect(screen.getByTestId('save-state').textContent).toContain('Not saved: The case is open read-only')
    )
  })
})
