import { fireEvent, render, screen, waitFor } from '@testing-library/svelte'
import { afterEach, describe, expect, it } from 'vitest'
import { dialogs } from '../lib/dialogs.svelte'
import BriefingList from './BriefingList.svelte'
import { composerDesk } from './testing'

let ctx: Awaited<ReturnType<typeof composerDesk>>
afterEach(() => ctx?.dispose())

const stored = async () => (await ctx.service.api.currentCase()).briefings.map((b) => b.title)

describe('BriefingList', () => {
  it('lists the briefings, switches between them, adds one', async () => {
    ctx = await composerDesk([{ title: 'Kursk troops' }, { title: 'Second look' }])
    const [first, second] = ctx.desk.store.briefings
    render(BriefingList, { context: ctx.context })
    const titles = () => screen.getAllByTestId('briefing-item').map((i) => i.querySelector('.title')!.textContent)
    expect(titles()).toEqual(['Kursk troops', 'Second look'])
    expect(screen.getAllByTestId('briefing-item')[0].getAttribute('aria-current')).toBe('true')
    await fireEvent.click(screen.getAllByTestId('briefing-item')[1])
    expect(ctx.desk.composer.briefing?.id).toBe(second.id)
    await fireEvent.keyDown(screen.getByTestId('briefing-list'), { key: 'ArrowUp' })
    expect(ctx.desk.composer.briefing?.id).toBe(first.id)
    await fireEvent.click(screen.getByTestId('new-briefing'))
    await waitFor(() => expect(titles()).toEqual(['Kursk troops', 'Second look', 'case (3)']))
    expect(ctx.desk.composer.briefing?.title).toBe('case (3)')
  })

  it('shows the open briefing’s unsaved title at once', async () => {
    ctx = await composerDesk()
    render(BriefingList, { context: ctx.context })
    ctx.desk.composer.edit({ title: 'Renamed' }, { debounce: true })
    await waitFor(() => expect(screen.getByTestId('briefing-item').textContent).toContain('Renamed'))
  })

  it('deletes a briefing only after confirmation', async () => {
    ctx = await composerDesk([{ title: 'Kursk troops' }, { title: 'Second look' }])
    render(BriefingList, { context: ctx.context })
    await fireEvent.click(screen.getAllByTestId('delete-briefing')[1])
    expect(dialogs.confirm?.message).toContain('Second look')
    dialogs.confirm!.resolve(false)
    expect(await stored()).toHaveLength(2)
    await fireEvent.click(screen.getAllByTestId('delete-briefing')[1])
    dialogs.confirm!.resolve(true)
    await waitFor(() => expect(screen.getAllByTestId('briefing-item')).toHaveLength(1))
    expect(await stored()).toEqual(['Kursk troops'])
  })
})
