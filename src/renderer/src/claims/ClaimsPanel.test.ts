import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte'
import { join } from 'node:path'
import { tick } from 'svelte'
import { afterEach, describe, expect, it } from 'vitest'
import { handleGlobalKey } from '../lib/shortcuts'
import { holdCalls, loadedDesk, type TestDesk } from '../lib/testing/desk'
import ClaimsPanel from './ClaimsPanel.svelte'

const text = 'Title\n\nAlpha beta gamma delta epsilon zeta eta theta iota kappa.'

let ctx: TestDesk
afterEach(() => ctx?.dispose())

async function setup() {
  ctx = await loadedDesk({ documents: { 'd1.txt': text }, sources: [{ name: 'ISW' }, { name: 'Reuters' }] })
  const { store } = ctx.desk
  const isw = store.sourcesById.get(ctx.sources['ISW'])!
  const reuters = store.sourcesById.get(ctx.sources['Reuters'])!
  const at = (w: string) => text.indexOf(w)
  const a = (await store.createClaim(at('Alpha'), at('Alpha') + 5))!
  const b = (await store.createClaim(at('gamma'), at('gamma') + 5))!
  const c = (await store.createClaim(at('theta'), at('theta') + 5))!
  await store.updateClaim(a.id, { sourceId: reuters.id, tags: ['troops'] })
  await store.updateClaim(b.id, { sourceId: isw.id, via: [reuters.id], tags: ['front'], status: 'confirmed' })
  store.focusClaim(null)
  render(ClaimsPanel, { context: ctx.context })
  await waitFor(() => expect(screen.getAllByTestId('claim-item')).toHaveLength(3))
  return { ...ctx, isw, reuters, a, b, c }
}

const groupLabels = () => screen.getAllByTestId('claim-group-head').map((g) => g.querySelector('.label')!.textContent)

describe('ClaimsPanel', () => {
  it('groups by source with the unattributed last, and by topic', async () => {
    await setup()
    expect(groupLabels()).toEqual(['ISW', 'Reuters', 'Unattributed'])
    expect(screen.getByTestId('claim-count').textContent).toBe('3')
    await fireEvent.click(screen.getByTestId('group-by-topic'))
    await waitFor(() => expect(groupLabels()).toEqual(['front', 'troops', 'Untagged']))
  })

  it('filters by source (as speaker or relay), status and text, showing "n of m"', async () => {
    const { desk, reuters } = await setup()
    desk.view.sourceId = reuters.id
    await waitFor(() => expect(screen.getAllByTestId('claim-item')).toHaveLength(2))
    expect(screen.getByTestId('claim-count').textContent).toBe('2 of 3')
    desk.view.sourceId = ''
    await fireEvent.change(screen.getByTestId('claim-filter-status'), { target: { value: 'confirmed' } })
    await waitFor(() => expect(screen.getAllByTestId('claim-item')).toHaveLength(1))
    await fireEvent.change(screen.getByTestId('claim-filter-status'), { target: { value: '' } })
    await fireEvent.input(screen.getByTestId('claim-filter'), { target: { value: 'theta' } })
    await waitFor(() =>
      expect(screen.getAllByTestId('claim-item').map((i) => i.textContent)).toEqual([expect.stringContaining('theta')])
    )
  })

  it('shows relay chain and grade on each item, and the source where no heading names it', async () => {
    const { b } = await setup()
    const item = () => screen.getAllByTestId('claim-item').find((i) => i.dataset.claimId === b.id)!
    expect(item().textContent).toContain('via Reuters')
    expect(item().textContent).toContain('F6')
    expect(within(item()).queryByText('ISW')).toBeNull()
    await fireEvent.click(screen.getByTestId('group-by-topic'))
    await waitFor(() => expect(within(item()).getByText('ISW')).toBeTruthy())
  })

  it('moves with arrow keys in panel order, edits with Enter, deletes with Delete and undoes', async () => {
    const { desk, a, b } = await setup()
    const list = screen.getByTestId('claims-list')
    await fireEvent.keyDown(list, { key: 'ArrowDown' })
    await waitFor(() => expect(desk.store.focusedClaimId).toBe(b.id)) // ISW group first
    await fireEvent.keyDown(list, { key: 'ArrowDown' })
    await waitFor(() => expect(desk.store.focusedClaimId).toBe(a.id))
    await fireEvent.keyDown(list, { key: 'ArrowUp' })
    await waitFor(() => expect(desk.store.focusedClaimId).toBe(b.id))
    await fireEvent.keyDown(list, { key: 'Enter' })
    expect(desk.store.editorFocus?.field).toBe('source')
    await fireEvent.keyDown(list, { key: 'Delete' })
    await waitFor(() => expect(desk.store.claims.has(b.id)).toBe(false))
    await waitFor(() => expect(screen.getAllByTestId('claim-item')).toHaveLength(2))
    await desk.notices.toasts.at(-1)!.actions[0].run()
    expect(desk.store.claims.has(b.id)).toBe(true)
    await waitFor(() => expect(screen.getAllByTestId('claim-item')).toHaveLength(3))
  })

  it('places every row under its group: a list index for each row and back', async () => {
    const { desk } = await setup()
    const { view } = desk
    expect(view.size).toBe(3 + 3) // three claims, three groups
    expect(view.rowAt(0)).toMatchObject({ kind: 'head', group: { label: 'ISW' } })
    for (let offset = 0; offset < view.total; offset++) {
      expect(view.rowAt(view.indexOf(offset))).toMatchObject({ kind: 'claim', offset })
    }
    expect(view.rowAt(view.indexOf(2))).toMatchObject({ group: { label: 'Unattributed' } })
    expect(view.rowAt(view.size)).toBeUndefined()
  })

  it('focuses a claim on click', async () => {
    const { desk, c } = await setup()
    const item = screen.getAllByTestId('claim-item').find((i) => i.dataset.claimId === c.id)!
    await fireEvent.click(item)
    expect(desk.store.focusedClaimId).toBe(c.id)
    await waitFor(() => expect(item.getAttribute('aria-selected')).toBe('true'))
  })
})

describe('ClaimsPanel picking several claims', () => {
  const row = (id: string) => screen.getAllByTestId('claim-item').find((i) => i.dataset.claimId === id)!
  const picked = () =>
    screen
      .getAllByTestId('claim-item')
      .filter((i) => i.getAttribute('aria-checked') === 'true')
      .map((i) => i.dataset.claimId)

  it('Ctrl-click starts from the focused claim, Shift-click takes the rows between, Space puts one back', async () => {
    const { desk, a, b, c } = await setup()
    expect(screen.queryByTestId('selection-bar')).toBeNull()
    await fireEvent.click(row(b.id)) // ISW: the first row
    await fireEvent.click(row(c.id), { ctrlKey: true })
    await waitFor(() => expect(screen.getByTestId('selection-count').textContent).toBe('2 selected'))
    expect(picked()).toEqual([b.id, c.id])
    expect(desk.store.focusedClaimId).toBe(b.id)
    desk.view.selection.clear()
    await fireEvent.click(row(c.id), { shiftKey: true })
    await waitFor(() => expect(picked()).toEqual([b.id, a.id, c.id]))
    await fireEvent.keyDown(screen.getByTestId('claims-list'), { key: ' ' })
    await waitFor(() => expect(picked()).toEqual([a.id, c.id]))
    await fireEvent.keyDown(screen.getByTestId('claims-list'), { key: 'Escape' })
    await waitFor(() => expect(screen.queryByTestId('selection-bar')).toBeNull())
  })

  it('Shift-click extends from the claim last picked, not from its old row once the filters change', async () => {
    const { desk, a, b, c, reuters } = await setup()
    await fireEvent.click(row(c.id), { ctrlKey: true }) // Unattributed: the third row
    await waitFor(() => expect(picked()).toEqual([c.id]))
    desk.view.sourceId = reuters.id // b (ISW, via Reuters) and a (Reuters); c is hidden
    await waitFor(() => expect(screen.getAllByTestId('claim-item')).toHaveLength(2))
    await fireEvent.click(row(b.id), { shiftKey: true })
    await waitFor(() => expect(screen.getByTestId('selection-count').textContent).toBe('2 selected'))
    expect(desk.view.selection.ids).toEqual([c.id, b.id])
    // From b (now the anchor), a Shift-click on a takes the rows between.
    await fireEvent.click(row(a.id), { shiftKey: true })
    await waitFor(() => expect(desk.view.selection.ids).toEqual([c.id, b.id, a.id]))
  })

  it('Ctrl+A picks what the filters find; a topic goes on and comes off every picked claim as one undo step', async () => {
    const { desk, a, b, c } = await setup()
    await fireEvent.input(screen.getByTestId('claim-filter'), { target: { value: 'a' } })
    desk.view.status = 'unverified'
    await waitFor(() => expect(screen.getAllByTestId('claim-item')).toHaveLength(2))
    await fireEvent.keyDown(screen.getByTestId('claims-list'), { key: 'a', ctrlKey: true })
    await waitFor(() => expect(screen.getByTestId('selection-count').textContent).toBe('2 selected'))
    const topic = screen.getByTestId('selection-add-topic')
    await fireEvent.input(topic, { target: { value: 'kursk' } })
    await fireEvent.submit(topic.closest('form')!)
    await waitFor(() => expect(desk.store.claims.get(c.id)?.tags).toEqual(['kursk']))
    expect(desk.store.claims.get(a.id)?.tags).toEqual(['troops', 'kursk'])
    expect(desk.store.claims.get(b.id)?.tags).toEqual(['front'])
    await fireEvent.change(screen.getByTestId('selection-remove-topic'), { target: { value: 'troops' } })
    await waitFor(() => expect(desk.store.claims.get(a.id)?.tags).toEqual(['kursk']))
    await fireEvent.change(screen.getByTestId('selection-status'), { target: { value: 'false' } })
    await waitFor(() => expect(desk.store.claims.get(c.id)?.status).toBe('false'))
    expect((screen.getByTestId('selection-status') as HTMLSelectElement).value).toBe('')
    await desk.store.step('undo')
    await waitFor(() => expect(desk.store.claims.get(c.id)?.status).toBe('unverified'))
    await desk.store.step('undo')
    await waitFor(() => expect(desk.store.claims.get(a.id)?.tags).toEqual(['troops', 'kursk']))
    await desk.store.step('undo')
    await waitFor(() => expect(desk.store.claims.get(c.id)?.tags).toEqual([]))
  })

  it('Esc in the bar clears the topic typed, then puts the picked claims back and returns to the list', async () => {
    const { desk, a, c } = await setup()
    desk.view.selection.add([a.id, c.id])
    const topic = await screen.findByTestId('selection-add-topic')
    await fireEvent.input(topic, { target: { value: 'half typed' } })
    await fireEvent.keyDown(topic, { key: 'Escape' })
    expect((topic as HTMLInputElement).value).toBe('')
    expect(desk.view.selection.size).toBe(2)
    await fireEvent.keyDown(topic, { key: 'Escape' })
    await waitFor(() => expect(screen.queryByTestId('selection-bar')).toBeNull())
    expect(document.activeElement).toBe(screen.getByTestId('claims-list'))
  })

  it('deletes the picked claims with Delete as one change, and Undo brings them all back', async () => {
    const { desk, a, c } = await setup()
    desk.view.selection.add([a.id, c.id])
    await waitFor(() => expect(screen.getByTestId('selection-count').textContent).toBe('2 selected'))
    await fireEvent.keyDown(screen.getByTestId('claims-list'), { key: 'Delete' })
    await waitFor(() => expect(screen.getAllByTestId('claim-item')).toHaveLength(1))
    expect(screen.queryByTestId('selection-bar')).toBeNull()
    expect(desk.notices.toasts.at(-1)!.message).toBe('Deleted 2 claims')
    await desk.notices.toasts.at(-1)!.actions[0].run()
    await waitFor(() => expect(screen.getAllByTestId('claim-item')).toHaveLength(3))
  })

  it('in the bar, Delete deletes the picked claims (not the focused one) and Esc puts them back; focus returns to the list', async () => {
    const { desk, a, b, c } = await setup()
    // The app's one window-wide key handler, as App.svelte installs it.
    const globalKeys = (e: KeyboardEvent) => handleGlobalKey(e, desk) && e.preventDefault()
    window.addEventListener('keydown', globalKeys)
    try {
      desk.view.selection.add([a.id, c.id])
      desk.store.focusClaim(b.id)
      await waitFor(() => expect(screen.getByTestId('selection-clear')).toBeTruthy())
      screen.getByTestId('selection-clear').focus()
      await fireEvent.keyDown(screen.getByTestId('selection-clear'), { key: 'Escape' })
      await waitFor(() => expect(screen.queryByTestId('selection-bar')).toBeNull())
      expect(document.activeElement).toBe(screen.getByTestId('claims-list'))

      desk.view.selection.add([a.id, c.id])
      await waitFor(() => expect(screen.getByTestId('selection-make-set')).toBeTruthy())
      screen.getByTestId('selection-make-set').focus()
      await fireEvent.keyDown(screen.getByTestId('selection-make-set'), { key: 'Delete' })
      await waitFor(() => expect(screen.getAllByTestId('claim-item').map((i) => i.dataset.claimId)).toEqual([b.id]))
      expect(desk.notices.toasts.at(-1)!.message).toBe('Deleted 2 claims')
      await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('claims-list')))
    } finally {
      window.removeEventListener('keydown', globalKeys)
    }
  })

  it('asks before deleting picked claims the filters hide, and deletes nothing when the analyst says no', async () => {
    const { desk, a, b, c } = await setup()
    desk.view.selection.add([a.id, b.id, c.id])
    desk.view.status = 'confirmed' // only b
    await waitFor(() => expect(screen.getAllByTestId('claim-item')).toHaveLength(1))
    const asked: string[] = []
    desk.store.confirm = async (title, _action, message) => (asked.push(`${title} ${message}`), false)
    await fireEvent.keyDown(screen.getByTestId('claims-list'), { key: 'Delete' })
    await waitFor(() =>
      expect(asked).toEqual(['Delete 3 claims? 2 of the 3 picked are not in the list as it is filtered now.'])
    )
    expect(desk.store.claimCount).toBe(3)
    expect(desk.view.selection.size).toBe(3)
    desk.store.confirm = async () => true
    await fireEvent.click(screen.getByTestId('selection-delete'))
    await waitFor(() => expect(desk.store.claimCount).toBe(0))
    expect(desk.view.selection.size).toBe(0)
  })

  it('makes a conflict set of the picked claims: the Conflicts tab opens with them drafted', async () => {
    const { desk, a, b } = await setup()
    desk.view.selection.add([a.id, b.id])
    await waitFor(() => expect(screen.getByTestId('selection-make-set')).toBeTruthy())
    await fireEvent.click(screen.getByTestId('selection-make-set'))
    expect(desk.ui.leftTab).toBe('conflicts')
    expect(desk.conflicts.draft?.claimIds).toEqual([a.id, b.id])
    expect(desk.conflicts.item).toEqual({ kind: 'new' })
  })
})

describe('ClaimsPanel when another case opens', () => {
  it('drops the last case’s rows at once, then lists the new case’s claims', async () => {
    const { desk, service, api } = await setup()
    await fireEvent.click(screen.getByTestId('scope-case'))
    await waitFor(() => expect(screen.getAllByTestId('claim-item')).toHaveLength(3))
    const held = holdCalls(api, 'listClaims')
    expect(await desk.store.newCase(join(service.dir, 'other'))).toBe(true)
    await tick()
    expect(screen.queryAllByTestId('claim-item')).toHaveLength(0)
    expect(screen.queryAllByTestId('claim-group-head')).toHaveLength(0)
    expect(screen.getByTestId('claim-count').textContent).toBe('0')
    await held.release()
    const made = await api.pasteText({ text: 'Other\n\nOne two three.', title: 'Other' })
    await desk.store.openDocument(made.value.id)
    await desk.store.createClaim(7, 10)
    await held.release()
    await waitFor(() => expect(screen.getAllByTestId('claim-item')).toHaveLength(1))
    expect(groupLabels()).toEqual(['Unattributed'])
  })
})

describe('ClaimsPanel with more claims than a page', () => {
  it('renders only what is on screen, loads pages as needed, and the keys reach rows not loaded yet', async () => {
    const words = Array.from({ length: 250 }, (_, i) => `w${String(i).padStart(3, '0')}`)
    const text = `Title\n\n${words.join(' ')}`
    ctx = await loadedDesk({ documents: { 'many.txt': text } })
    const documentId = ctx.documents['many.txt']
    const ids: string[] = []
    for (const w of words) {
      const start = text.indexOf(w)
      ids.push((await ctx.service.api.createClaim({ documentId, start, end: start + w.length })).value.id)
    }
    await ctx.desk.store.load()
    render(ClaimsPanel, { context: ctx.context })
    await waitFor(() => expect(screen.getByTestId('claim-count').textContent).toBe('250'))
    await waitFor(() => expect(screen.getAllByTestId('claim-item').length).toBeGreaterThan(5))
    expect(screen.getAllByTestId('claim-item').length).toBeLessThan(100)
    const offsets = () =>
      ctx.calls.filter((c) => c.method === 'listClaims').map((c) => (c.args[0] as { offset: number }).offset)
    expect(offsets()).not.toContain(100)

    // The last claim of the first page, then one step down: the next page loads and its first claim is focused.
    ctx.desk.store.focusClaim(ids[99])
    await fireEvent.keyDown(screen.getByTestId('claims-list'), { key: 'ArrowDown' })
    await waitFor(() => expect(ctx.desk.store.focusedClaimId).toBe(ids[100]))
    expect(offsets()).toContain(100)
    expect(ctx.desk.view.cursor).toBe(100)
    // The focused row is in the DOM (kept mounted) and is the list's active descendant.
    const list = screen.getByTestId('claims-list')
    await waitFor(() => expect(list.getAttribute('aria-activedescendant')).toBe('claim-row-100'))
    expect(document.getElementById('claim-row-100')?.dataset.claimId).toBe(ids[100])
  })
})

describe('a quote with quotation marks of its own', () => {
  it('is shown with one pair of outer marks, the inner ones as single marks (quoteForDisplay)', async () => {
    const said = 'Title\n\nHe said "the ships will sail soon." Then he left.'
    ctx = await loadedDesk({ documents: { 'd1.txt': said } })
    const start = said.indexOf('"the')
    await ctx.desk.store.createClaim(start, said.indexOf('left') - ' Then he '.length)
    render(ClaimsPanel, { context: ctx.context })
    const quote = await waitFor(() => screen.getByTestId('claim-item').querySelector('q')!)
    expect(quote.textContent).toBe('“the ships will sail soon.”')
  })
})
