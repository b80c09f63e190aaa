// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import { dialogs } from '../lib/dialogs.svelte'
import { loadedDesk } from '../lib/testing/desk'
import { makeDocument, makeSource } from '../lib/testing/memory-api'
import SourceDetail from './SourceDetail.svelte'

async function setup(used: boolean) {
  const a = makeSource('Kyiv’s top soldier')
  const b = makeSource('Oleksandr Syrskyi', { aliases: ['Syrskyi'] })
  const ctx = await loadedDesk({ documents: [makeDocument('d1', 'T\n\nSome text here.')], sources: [a, b] })
  if (used) {
    const claim = (await ctx.desk.store.createClaim(3, 7))!
    await ctx.desk.store.updateClaim(claim.id, { sourceId: a.id })
  }
  render(SourceDetail, { context: ctx.context, props: { source: a } })
  return { ...ctx, a, b }
}

describe('SourceDetail', () => {
  it('renames a source and keeps the old name as an alias', async () => {
    const { api, a } = await setup(false)
    const name = screen.getByTestId('source-name-input')
    await fireEvent.change(name, { target: { value: 'General Oleksandr Syrskyi' } })
    await waitFor(() =>
      expect(api.data.calls.find((c) => c.method === 'updateSource')?.args).toEqual([
        a.id,
        { name: 'General Oleksandr Syrskyi', aliases: ['Kyiv’s top soldier'] }
      ])
    )
  })

  it('merges after confirmation', async () => {
    const { api, desk, a, b } = await setup(true)
    expect(desk.store.claims[0].sourceId).toBe(a.id)
    await fireEvent.change(screen.getByTestId('merge-into'), { target: { value: b.id } })
    await fireEvent.click(screen.getByTestId('merge-source'))
    await waitFor(() => expect(dialogs.confirm?.message).toContain('Its 1 claim'))
    dialogs.confirm!.resolve(true)
    await waitFor(() => expect(api.data.calls.some((c) => c.method === 'mergeSources')).toBe(true))
    await waitFor(() => expect(desk.store.claims[0].sourceId).toBe(b.id))
    expect(desk.store.sources.map((s) => s.id)).toEqual([b.id])
    expect(desk.ui.sourceDetailId).toBe(b.id)
  })

  it('requires a reassignment before deleting a source in use', async () => {
    const { api, desk, a, b } = await setup(true)
    const del = screen.getByTestId('delete-source') as HTMLButtonElement
    expect(del.disabled).toBe(true)
    await fireEvent.change(screen.getByTestId('reassign-to'), { target: { value: b.id } })
    expect(del.disabled).toBe(false)
    await fireEvent.click(del)
    await waitFor(() => expect(dialogs.confirm).not.toBeNull())
    dialogs.confirm!.resolve(true)
    await waitFor(() => expect(api.data.calls.find((c) => c.method === 'deleteSource')?.args).toEqual([a.id, b.id]))
    await waitFor(() => expect(desk.store.claims[0].sourceId).toBe(b.id))
  })

  it('deletes an unused source without asking where its claims go, and not when cancelled', async () => {
    const { api, desk, a } = await setup(false)
    expect(screen.queryByTestId('reassign-to')).toBeNull()
    await fireEvent.click(screen.getByTestId('delete-source'))
    await waitFor(() => expect(dialogs.confirm).not.toBeNull())
    dialogs.confirm!.resolve(false)
    expect(api.data.calls.some((c) => c.method === 'deleteSource')).toBe(false)
    await fireEvent.click(screen.getByTestId('delete-source'))
    await waitFor(() => expect(dialogs.confirm).not.toBeNull())
    dialogs.confirm!.resolve(true)
    await waitFor(() => expect(desk.store.sources.map((s) => s.id)).not.toContain(a.id))
  })
})
