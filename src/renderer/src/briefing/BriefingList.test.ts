// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import { dialogs } from '../lib/dialogs.svelte'
import BriefingList from './BriefingList.svelte'
import { briefingOf, composerDesk } from './testing'

describe('BriefingList', () => {
  it('lists the briefings, switches between them, adds one', async () => {
    const ctx = await composerDesk([briefingOf(), briefingOf({ id: 'b2', title: 'Second look', claimIds: [] })])
    render(BriefingList, { context: ctx.context })
    const titles = () => screen.getAllByTestId('briefing-item').map((i) => i.querySelector('.title')!.textContent)
    expect(titles()).toEqual(['Kursk troops', 'Second look'])
    expect(screen.getAllByTestId('briefing-item')[0].getAttribute('aria-selected')).toBe('true')
    await fireEvent.click(screen.getAllByTestId('briefing-item')[1])
    expect(ctx.desk.composer.briefing?.id).toBe('b2')
    await fireEvent.keyDown(screen.getByTestId('briefing-list'), { key: 'ArrowUp' })
    expect(ctx.desk.composer.briefing?.id).toBe('b1')
    await fireEvent.click(screen.getByTestId('new-briefing'))
    await waitFor(() => expect(titles()).toEqual(['Kursk troops', 'Second look', 'Test case (3)']))
    expect(ctx.desk.composer.briefing?.title).toBe('Test case (3)')
  })

  it('shows the open briefing’s unsaved title at once', async () => {
    const ctx = await composerDesk()
    render(BriefingList, { context: ctx.context })
    ctx.desk.composer.edit({ title: 'Renamed' }, { debounce: true })
    await waitFor(() => expect(screen.getByTestId('briefing-item').textContent).toContain('Renamed'))
  })

  it('deletes a briefing only after confirmation', async () => {
    const ctx = await composerDesk([briefingOf(), briefingOf({ id: 'b2', title: 'Second look' })])
    render(BriefingList, { context: ctx.context })
    await fireEvent.click(screen.getAllByTestId('delete-briefing')[1])
    expect(dialogs.confirm?.message).toContain('Second look')
    dialogs.confirm!.resolve(false)
    expect(ctx.api.data.briefings).toHaveLength(2)
    await fireEvent.click(screen.getAllByTestId('delete-briefing')[1])
    dialogs.confirm!.resolve(true)
    await waitFor(() => expect(screen.getAllByTestId('briefing-item')).toHaveLength(1))
    expect(ctx.api.data.briefings.map((b) => b.id)).toEqual(['b1'])
  })
})
