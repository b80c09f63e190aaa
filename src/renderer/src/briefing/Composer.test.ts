import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte'
import { afterEach, describe, expect, it } from 'vitest'
import type { Briefing } from '../../../shared/model'
import Composer from './Composer.svelte'
import { CLAIM_MIME } from './drag'
import { composerDesk } from './testing'

let ctx: Awaited<ReturnType<typeof composerDesk>>
afterEach(() => ctx?.dispose())

const stored = async () => (await ctx.service.api.currentCase()).briefings
const briefingOf = (fields: Partial<Briefing> = {}): Partial<Briefing> => ({ title: 'Kursk troops', ...fields })

/** What a drag of `claimId` (from `group`, when reordering) carries when it is dropped. */
function carrying(claimId: string, group?: string) {
  const payload = JSON.stringify(group ? { claimId, group } : { claimId })
  return {
    dataTransfer: { types: [CLAIM_MIME], getData: (t: string) => (t === CLAIM_MIME ? payload : ''), dropEffect: 'none' }
  }
}

/** The composer on a case with a briefing (or those given), once it has the resolved briefing. */
async function setup(briefings: Partial<Briefing>[] = [briefingOf()]) {
  ctx = await composerDesk(briefings)
  render(Composer, { context: ctx.context })
  if (briefings.length) await screen.findByTestId('composer')
  return ctx
}

describe('Composer', () => {
  it('offers to create the first briefing when the case has none', async () => {
    await setup([])
    await fireEvent.click(screen.getByTestId('new-briefing-empty'))
    await waitFor(() => expect(screen.getByTestId('composer')).toBeInTheDocument())
    expect(await stored()).toHaveLength(1)
    expect((screen.getByTestId('composer-title') as HTMLInputElement).value).toBe('case')
  })

  it('saves heading fields a moment after typing and shows the saved state', async () => {
    const { updates } = await setup()
    await fireEvent.input(screen.getByTestId('composer-title'), { target: { value: 'Kursk: Russian troop numbers' } })
    await fireEvent.input(screen.getByTestId('composer-handling'), { target: { value: 'UNCLASSIFIED // TRAINING' } })
    expect(screen.getByTestId('briefing-save-state').textContent).toContain('Editing')
    expect(updates()).toEqual([])
    await waitFor(() => expect(screen.getByTestId('briefing-save-state').textContent).toContain('Saved'))
    expect(updates()).toEqual([{ title: 'Kursk: Russian troop numbers', handling: 'UNCLASSIFIED // TRAINING' }])
  })

  it('stores the date-time as UTC and shows how it will print', async () => {
    const { updates } = await setup()
    const input = screen.getByTestId('composer-date') as HTMLInputElement
    await fireEvent.change(input, { target: { value: '2024-12-01T09:30' } })
    await waitFor(() => expect(updates()).toEqual([{ date: new Date('2024-12-01T09:30').toISOString() }]))
    expect(input.value).toBe('2024-12-01T09:30')
  })

  it('adds a judgment, sets its confidence, cites claims through the picker', async () => {
    const { updates, c1, c2 } = await setup()
    await fireEvent.click(screen.getByTestId('add-judgment'))
    const judgment = screen.getByTestId('judgment')
    await fireEvent.input(within(judgment).getByTestId('judgment-text'), {
      target: { value: 'Russia will likely hold 50,000 troops in Kursk.' }
    })
    await fireEvent.click(within(judgment).getByTestId('confidence-high'))
    await fireEvent.click(within(judgment).getByTestId('cite-claims'))
    const search = screen.getByTestId('claim-picker-search')
    const options = () => screen.getAllByTestId('claim-picker-option').map((o) => o.dataset.claimId)
    await fireEvent.input(search, { target: { value: 'zelensky' } })
    await waitFor(() => expect(options()).toEqual([c2.id]))
    await fireEvent.keyDown(search, { key: 'Enter' })
    await fireEvent.input(search, { target: { value: '60,000' } })
    await waitFor(() => expect(options()).toEqual([c1.id]))
    await fireEvent.keyDown(search, { key: 'Enter' })
    await fireEvent.keyDown(search, { key: 'Escape' })
    expect(screen.queryByTestId('claim-picker')).toBeNull()
    const chips = within(judgment).getAllByTestId('cited-claim')
    expect(chips.map((c) => c.dataset.claimId)).toEqual([c2.id, c1.id])
    expect(chips[0].textContent).toContain('[1]')
    await waitFor(() => expect(screen.getByTestId('briefing-save-state').textContent).toContain('Saved'))
    const last = updates().at(-1)!.judgments as { text: string; confidence: string; claimIds: string[] }[]
    expect(last).toEqual([
      expect.objectContaining({
        text: 'Russia will likely hold 50,000 troops in Kursk.',
        confidence: 'high',
        claimIds: [c2.id, c1.id]
      })
    ])
  })

  it('warns gently, with the reason, about mixed scales and confidence beside likelihood', async () => {
    await setup()
    await fireEvent.input(screen.getByTestId('composer-bottom-line'), {
      target: { value: 'Russia will likely retake Kursk.' }
    })
    expect(screen.queryAllByTestId('estimative-warning')).toHaveLength(0)
    expect(screen.getByTestId('estimative-terms').textContent).toContain('likely 55–80%')
    await fireEvent.click(screen.getByTestId('add-judgment'))
    await fireEvent.input(screen.getByTestId('judgment-text'), {
      target: { value: 'We have moderate confidence that a counteroffensive is highly probable.' }
    })
    const warnings = within(screen.getByTestId('judgment')).getAllByTestId('estimative-warning')
    expect(warnings.map((w) => w.dataset.kind)).toEqual(['mixed-scales', 'confidence-with-likelihood'])
    expect(warnings[0].textContent).toContain('Use one scale throughout a product')
  })

  it('moves and removes judgments', async () => {
    const judgments = [
      { id: 'j1', text: 'First', confidence: 'high' as const, claimIds: [] },
      { id: 'j2', text: 'Second', confidence: 'low' as const, claimIds: [] }
    ]
    const { updates } = await setup([briefingOf({ judgments })])
    const texts = () => screen.getAllByTestId('judgment-text').map((el) => (el as HTMLTextAreaElement).value)
    await fireEvent.keyDown(screen.getAllByTestId('judgment-text')[1], { key: 'ArrowUp', altKey: true })
    expect(texts()).toEqual(['Second', 'First'])
    await fireEvent.click(screen.getAllByTestId('remove-judgment')[1])
    expect(texts()).toEqual(['Second'])
    await waitFor(() =>
      expect(updates().map((u) => (u.judgments as { id: string }[]).map((j) => j.id))).toEqual([['j2', 'j1'], ['j2']])
    )
  })

  it('reorders reporting with Alt+arrows within a group, switching "all claims" to a chosen list', async () => {
    const { updates, c1, c2, c3 } = await setup([briefingOf({ groupBy: 'document' })])
    const rows = () => screen.getAllByTestId('reporting-claim').map((r) => r.dataset.claimId)
    expect(screen.getByTestId('reporting-all').getAttribute('aria-pressed')).toBe('true')
    expect(rows()).toEqual([c1.id, c2.id, c3.id])
    await fireEvent.keyDown(screen.getAllByTestId('reporting-claim')[2], { key: 'ArrowUp', altKey: true })
    await waitFor(() => expect(rows()).toEqual([c1.id, c3.id, c2.id]))
    expect(screen.getByTestId('reporting-choose').getAttribute('aria-pressed')).toBe('true')
    await waitFor(() => expect(updates()).toEqual([{ claimIds: [c1.id, c3.id, c2.id] }]))
    await fireEvent.keyDown(screen.getAllByTestId('reporting-claim')[0], { key: 'Delete' })
    await waitFor(() => expect(rows()).toEqual([c3.id, c2.id]))
    await fireEvent.click(screen.getByTestId('reporting-all'))
    await waitFor(() => expect(rows()).toEqual([c1.id, c2.id, c3.id]))
    await waitFor(() => expect(updates().at(-1)).toEqual({ claimIds: [] }))
  })

  it('groups the reporting by source, topic or document, as the export does', async () => {
    const { updates } = await setup()
    const heads = () => screen.getAllByTestId('reporting-group').map((g) => g.querySelector('.title')!.textContent)
    expect(heads()).toEqual(['General Staff source', 'Zelensky', 'Unattributed'])
    await fireEvent.click(screen.getByTestId('reporting-group-by-document'))
    await waitFor(() => expect(heads()).toEqual(['Kursk report']))
    await waitFor(() => expect(updates()).toEqual([{ groupBy: 'document' }]))
  })

  it('moves a whole group with its arrows', async () => {
    const { updates, c1, c2, c3 } = await setup()
    await fireEvent.keyDown(screen.getAllByTestId('reporting-group')[1].querySelector('.group-head')!, {
      key: 'ArrowUp',
      altKey: true
    })
    await waitFor(() => expect(updates()).toEqual([{ claimIds: [c2.id, c1.id, c3.id] }]))
    await waitFor(() =>
      expect(screen.getAllByTestId('reporting-group').map((g) => g.querySelector('.title')!.textContent)).toEqual([
        'Zelensky',
        'General Staff source',
        'Unattributed'
      ])
    )
  })

  it('shows linked claims side by side, the sources table and the citations', async () => {
    const { desk, c1, c2 } = await setup()
    await desk.store.createLink({ from: c1.id, to: c2.id, kind: 'contradicts', note: 'Two troop figures' })
    const pairs = await screen.findByTestId('composer-conflicting')
    await waitFor(() => expect(pairs.textContent).toContain('Two troop figures'))
    expect(pairs.querySelector('.comparison-head')!.textContent).toBe('General Staff source contradicts Zelensky')
    expect(pairs.querySelectorAll('.side')).toHaveLength(2)
    expect(screen.getByTestId('composer-corroborating').textContent).toContain('None yet')
    const rows = screen.getByTestId('composer-sources').querySelectorAll('tbody tr')
    expect([...rows].map((r) => r.querySelector('td')!.textContent)).toEqual(['Zelensky', 'General Staff source'])
  })

  it('cites a claim dropped on a judgment', async () => {
    const judgments = [{ id: 'j1', text: 'Troops are likely massing.', confidence: 'moderate' as const, claimIds: [] }]
    const { updates, c3 } = await setup([briefingOf({ judgments })])
    const judgment = screen.getByTestId('judgment')
    await fireEvent.dragOver(judgment, carrying(c3.id))
    expect(judgment.classList.contains('dropping')).toBe(true)
    await fireEvent.drop(judgment, carrying(c3.id))
    await waitFor(() =>
      expect(
        within(judgment)
          .getAllByTestId('cited-claim')
          .map((c) => c.dataset.claimId)
      ).toEqual([c3.id])
    )
    await waitFor(() => expect(updates()).toEqual([{ judgments: [{ ...judgments[0], claimIds: [c3.id] }] }]))
  })

  it('reorders reporting by dragging a row within its group, and ignores a drop into another group', async () => {
    const { updates, c1, c2, c3, documents } = await setup([briefingOf({ groupBy: 'document' })])
    const rows = () => screen.getAllByTestId('reporting-claim')
    const group = `document:${documents['kursk.txt']}`
    // jsdom has no layout (nor a pointer position): the drop lands before the row it is on.
    await fireEvent.dragOver(rows()[0], carrying(c3.id, group))
    expect(rows()[0].classList.contains('drop-before')).toBe(true)
    await fireEvent.drop(rows()[0], carrying(c3.id, group))
    await waitFor(() => expect(rows().map((r) => r.dataset.claimId)).toEqual([c3.id, c1.id, c2.id]))
    await waitFor(() => expect(updates()).toEqual([{ claimIds: [c3.id, c1.id, c2.id] }]))
    await fireEvent.drop(rows()[2], carrying(c1.id, 'document:elsewhere'))
    expect(rows().map((r) => r.dataset.claimId)).toEqual([c3.id, c1.id, c2.id])
  })

  it('adds a claim dropped on a chosen reporting list', async () => {
    const { c1, c2, desk, updates } = await setup()
    desk.composer.edit({ claimIds: [c1.id] })
    await waitFor(() => expect(screen.getAllByTestId('reporting-claim')).toHaveLength(1))
    await fireEvent.drop(screen.getByRole('list', { name: 'Reporting' }), carrying(c2.id))
    await waitFor(() =>
      expect(screen.getAllByTestId('reporting-claim').map((r) => r.dataset.claimId)).toEqual([c1.id, c2.id])
    )
    await waitFor(() => expect(updates().at(-1)).toEqual({ claimIds: [c1.id, c2.id] }))
  })

  it('keeps the information gaps', async () => {
    const { updates } = await setup()
    await fireEvent.input(screen.getByTestId('composer-gaps'), {
      target: { value: 'Unit strength of the North Korean contingent.' }
    })
    await fireEvent.blur(screen.getByTestId('composer-gaps'))
    await waitFor(() => expect(updates()).toEqual([{ gaps: 'Unit strength of the North Korean contingent.' }]))
  })

  it('keeps Delete from reaching the app-wide key that deletes the focused claim', async () => {
    const { desk, c1 } = await setup()
    desk.store.focusClaim(c1.id)
    let reached = 0
    const count = (e: KeyboardEvent) => e.key === 'Delete' && reached++
    window.addEventListener('keydown', count)
    await fireEvent.keyDown(screen.getAllByTestId('reporting-claim')[0], { key: 'Delete' })
    await fireEvent.keyDown(screen.getByTestId('add-judgment'), { key: 'Delete' })
    window.removeEventListener('keydown', count)
    expect(reached).toBe(0)
    expect(desk.store.claims.has(c1.id)).toBe(true)
  })

  it('is read-only when the case is', async () => {
    await setup()
    const path = ctx.desk.store.info!.path
    await ctx.service.service.close()
    await ctx.desk.store.openCase(path, { readOnly: true })
    await waitFor(() => expect(screen.getByTestId('composer-title')).toBeDisabled())
    expect(screen.getByTestId('add-judgment')).toBeDisabled()
  })
})
