import { fireEvent, render, screen, waitFor } from '@testing-library/svelte'
import { afterEach, describe, expect, it } from 'vitest'
import { dialogs } from '../lib/dialogs.svelte'
import { loadedDesk, type TestDesk } from '../lib/testing/desk'
import SourceDetail from './SourceDetail.svelte'

let t: TestDesk
afterEach(() => t?.dispose())

async function setup(used: boolean) {
  t = await loadedDesk({
    documents: { 'd1.txt': 'T\n\nSome text here.' },
    sources: [{ name: 'Kyiv’s top soldier' }, { name: 'Oleksandr Syrskyi', aliases: ['Syrskyi'] }]
  })
  const a = t.desk.store.sourcesById.get(t.sources['Kyiv’s top soldier'])!
  const b = t.desk.store.sourcesById.get(t.sources['Oleksandr Syrskyi'])!
  if (used) {
    const claim = (await t.desk.store.createClaim(3, 7))!
    await t.desk.store.updateClaim(claim.id, { sourceId: a.id })
  }
  render(SourceDetail, { context: t.context, props: { source: a } })
  return { ...t, a, b }
}

const calls = (method: string) => t.calls.filter((c) => c.method === method)
const firstClaim = () => t.desk.store.docClaims[0]

describe('SourceDetail', () => {
  it('renames a source; the backend keeps the old name as an alias', async () => {
    const { a } = await setup(false)
    const name = screen.getByTestId('source-name-input')
    await fireEvent.change(name, { target: { value: 'General Oleksandr Syrskyi' } })
    await waitFor(() => expect(calls('updateSource')[0]?.args).toEqual([a.id, { name: 'General Oleksandr Syrskyi' }]))
    await waitFor(() => expect(t.desk.store.sourcesById.get(a.id)?.aliases).toEqual(['Kyiv’s top soldier']))
    expect(screen.getByText(/kept as an alias/)).toBeTruthy()
  })

  it('lists the claims the source asserts', async () => {
    await setup(true)
    await waitFor(() => expect(screen.getByTestId('source-detail').textContent).toContain('Some'))
  })

  it('merges after confirmation', async () => {
    const { desk, a, b } = await setup(true)
    expect(firstClaim().sourceId).toBe(a.id)
    await fireEvent.change(screen.getByTestId('merge-into'), { target: { value: b.id } })
    await fireEvent.click(screen.getByTestId('merge-source'))
    await waitFor(() => expect(dialogs.confirm?.message).toContain('Its 1 claim'))
    dialogs.confirm!.resolve(true)
    await waitFor(() => expect(calls('mergeSources')).toHaveLength(1))
    await waitFor(() => expect(firstClaim().sourceId).toBe(b.id))
    expect(desk.store.sources.map((s) => s.id)).toEqual([b.id])
    expect(desk.ui.sourceDetailId).toBe(b.id)
  })

  it('requires a reassignment before deleting a source in use', async () => {
    const { a, b } = await setup(true)
    const del = screen.getByTestId('delete-source') as HTMLButtonElement
    expect(del.disabled).toBe(true)
    await fireEvent.change(screen.getByTestId('reassign-to'), { target: { value: b.id } })
    expect(del.disabled).toBe(false)
    await fireEvent.click(del)
    await waitFor(() => expect(dialogs.confirm).not.toBeNull())
    dialogs.confirm!.resolve(true)
    await waitFor(() => expect(calls('deleteSource')[0]?.args).toEqual([a.id, b.id]))
    await waitFor(() => expect(firstClaim().sourceId).toBe(b.id))
  })

  it('deletes an unused source without asking where its claims go, and not when cancelled', async () => {
    const { desk, a } = await setup(false)
    expect(screen.queryByTestId('reassign-to')).toBeNull()
    await fireEvent.click(screen.getByTestId('delete-source'))
    await waitFor(() => expect(dialogs.confirm).not.toBeNull())
    dialogs.confirm!.resolve(false)
    expect(calls('deleteSource')).toHaveLength(0)
    await fireEvent.click(screen.getByTestId('delete-source'))
    await waitFor(() => expect(dialogs.confirm).not.toBeNull())
    dialogs.confirm!.resolve(true)
    await waitFor(() => expect(desk.store.sources.map((s) => s.id)).not.toContain(a.id))
  })
})
