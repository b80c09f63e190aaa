import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte'
import { afterEach, describe, expect, it } from 'vitest'
import { composerDesk } from '../briefing/testing'
import EditorPane from './EditorPane.svelte'

let ctx: Awaited<ReturnType<typeof composerDesk>>
afterEach(() => ctx?.dispose())

async function setup() {
  ctx = await composerDesk()
  ctx.desk.store.focusClaim(ctx.c1.id)
  render(EditorPane, { context: ctx.context })
  return ctx
}

const storedLinks = async () => (await ctx.service.api.getDocument(ctx.documents['kursk.txt'])).links

describe('ClaimLinks', () => {
  it('links the claim to another one as contradicting, with a note, and lists the link', async () => {
    const { c1, c3, desk } = await setup()
    await fireEvent.click(screen.getByTestId('add-link'))
    const search = screen.getByTestId('link-picker-search')
    const options = () => screen.getAllByTestId('link-picker-option').map((o) => o.dataset.claimId)
    await waitFor(() => expect(options()).toHaveLength(2))
    expect(options()).not.toContain(c1.id)
    await fireEvent.input(search, { target: { value: '45,000' } })
    await waitFor(() => expect(options()).toEqual([c3.id]))
    await fireEvent.keyDown(search, { key: 'Enter' })
    expect(screen.getByTestId('link-target').textContent).toContain('roughly 45,000 soldiers were there')
    await fireEvent.input(screen.getByTestId('link-note'), { target: { value: 'Three figures for one quantity' } })
    await fireEvent.click(screen.getByTestId('link-add'))
    const link = await screen.findByTestId('claim-link')
    expect(link.dataset.linkKind).toBe('contradicts')
    expect(link.textContent).toContain('roughly 45,000')
    expect(link.textContent).toContain('Three figures for one quantity')
    expect(await storedLinks()).toEqual([
      expect.objectContaining({ from: c1.id, to: c3.id, kind: 'contradicts', note: 'Three figures for one quantity' })
    ])
    expect(desk.store.links).toHaveLength(1)
    expect(screen.queryByTestId('link-note')).toBeNull()
  })

  it('Enter typed before the search answers picks from the answer to the words typed, not the list before', async () => {
    const { c3, desk } = await setup()
    // The answer to the words typed comes late, as on a busy machine.
    const api = desk.store.api
    const listClaims = api.listClaims.bind(api)
    api.listClaims = async (query) => {
      if (query?.text) await new Promise((r) => setTimeout(r, 100))
      return listClaims(query)
    }
    await fireEvent.click(screen.getByTestId('add-link'))
    await waitFor(() => expect(screen.getAllByTestId('link-picker-option')).toHaveLength(2))
    const search = screen.getByTestId('link-picker-search')
    await fireEvent.input(search, { target: { value: '45,000' } })
    await fireEvent.keyDown(search, { key: 'Enter' })
    await waitFor(() =>
      expect(screen.getByTestId('link-target').textContent).toContain('roughly 45,000 soldiers were there')
    )
    expect(c3.quote.exact).toContain('45,000')
  })

  it('adds a corroborating link, shows it from the other claim too, and removes it', async () => {
    const { c1, c2, desk } = await setup()
    await fireEvent.click(screen.getByTestId('add-link'))
    await fireEvent.click(screen.getByTestId('link-kind-corroborates'))
    const option = await waitFor(() =>
      screen.getAllByTestId('link-picker-option').find((o) => o.dataset.claimId === c2.id)!
    )
    await fireEvent.mouseDown(option)
    await fireEvent.click(screen.getByTestId('link-add'))
    await waitFor(async () =>
      expect(await storedLinks()).toEqual([
        expect.objectContaining({ from: c1.id, to: c2.id, kind: 'corroborates', note: '' })
      ])
    )

    desk.store.focusClaim(c2.id)
    await waitFor(() => expect(screen.getByTestId('claim-editor').dataset.claimId).toBe(c2.id))
    const link = screen.getByTestId('claim-link')
    expect(link.querySelector('button.other')!.textContent).toContain('just under 60,000')
    await fireEvent.click(within(link).getByTestId('remove-link'))
    await waitFor(() => expect(screen.queryByTestId('claim-link')).toBeNull())
    expect(await storedLinks()).toEqual([])
  })

  it('forgets links when a linked claim is deleted', async () => {
    const { desk, c1, c2 } = await setup()
    await desk.store.createLink({ from: c1.id, to: c2.id, kind: 'contradicts' })
    await desk.store.deleteClaim(c2.id)
    expect(desk.store.links).toEqual([])
    expect(screen.queryByTestId('claim-link')).toBeNull()
  })
})
