// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Briefing } from '../../../shared/model'
import { CaseStore } from '../lib/case.svelte'
import { Notices } from '../lib/notices.svelte'
import { makeBriefing, makeDocument, makeSource, memoryApi } from '../lib/testing/memory-api'
import { BriefingComposer, TEXT_SAVE_DELAY_MS } from './composer.svelte'

const text =
  'Kursk report\n\nRussia has deployed just under 60,000 troops to Kursk, the source said.\n\nZelensky said around 50,000 Russian troops were fighting.'

async function setup(briefings: Briefing[] = [makeBriefing({ title: 'Kursk' })]) {
  const gs = makeSource('General Staff source', { reliability: 'C' })
  const api = memoryApi({ documents: [makeDocument('d1', text, { outlet: 'Newsweek' })], sources: [gs], briefings })
  const store = new CaseStore(api, new Notices(), null)
  await store.load()
  const at = (w: string) => text.indexOf(w)
  const c1 = (await store.createClaim(at('Russia has'), at(', the source')))!
  const c2 = (await store.createClaim(at('around'), at(' were fighting')))!
  await store.updateClaim(c1.id, { sourceId: gs.id, credibility: '2' })
  const composer = new BriefingComposer(store, () => '2024-11-25T08:00:00.000Z', null)
  const updates = () => api.data.calls.filter((c) => c.method === 'updateBriefing').map((c) => c.args[1])
  return { api, store, composer, c1, c2, gs, updates }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('BriefingComposer', () => {
  it('opens the first briefing and resolves its view from the case', async () => {
    const { composer, c1 } = await setup()
    expect(composer.briefing?.id).toBe('b1')
    const view = composer.layout!
    expect(view.header.generatedAt).toBe('2024-11-25T08:00:00.000Z')
    expect(view.claims.map((c) => c.id)[0]).toBe(c1.id)
    expect(view.claims[0].grade).toBe('C2')
    expect(view.claims[0].chain).toBe('General Staff source, in Newsweek')
  })

  it('re-resolves the briefing for the lists when its structure changes, not on each keystroke', async () => {
    const { composer } = await setup()
    const before = composer.layout
    composer.edit({ title: 'Kursk: troops', bottomLine: 'Likely.' }, { debounce: true })
    expect(composer.layout).toBe(before)
    expect(composer.currentView()!.header.title).toBe('Kursk: troops')
    expect(composer.currentView()!.bottomLine).toBe('Likely.')
    composer.edit({ groupBy: 'topic' })
    expect(composer.layout).not.toBe(before)
    expect(composer.layout!.reporting.groupBy).toBe('topic')
  })

  it('shows text edits at once and saves them together after a pause', async () => {
    vi.useFakeTimers()
    const { composer, updates, store } = await setup()
    composer.edit({ title: 'Kursk: troops' }, { debounce: true })
    composer.edit({ handling: 'UNCLASSIFIED' }, { debounce: true })
    expect(composer.briefing?.title).toBe('Kursk: troops')
    expect(composer.saveState.state).toBe('pending')
    await vi.advanceTimersByTimeAsync(TEXT_SAVE_DELAY_MS - 50)
    expect(updates()).toEqual([])
    await vi.advanceTimersByTimeAsync(100)
    expect(updates()).toEqual([{ title: 'Kursk: troops', handling: 'UNCLASSIFIED' }])
    expect(composer.saveState.state).toBe('saved')
    expect(store.briefings[0].title).toBe('Kursk: troops')
  })

  it('saves structural edits at once, one save at a time and in order', async () => {
    const { composer, api, updates } = await setup()
    let release!: () => void
    const original = api.updateBriefing
    api.updateBriefing = async (id, patch) => {
      if (updates().length === 0) await new Promise<void>((r) => (release = r))
      return original(id, patch)
    }
    composer.edit({ groupBy: 'document' })
    await vi.waitFor(() => expect(release).toBeDefined())
    expect(composer.saveState.state).toBe('saving')
    composer.edit({ gaps: 'Who commands the North Korean units?' })
    composer.edit({ groupBy: 'topic' })
    release()
    await vi.waitFor(() => expect(composer.saveState.state).toBe('saved'))
    const sent = api.data.calls.filter((c) => c.method === 'updateBriefing').map((c) => c.args[1])
    expect(sent).toEqual([{ groupBy: 'document' }, { gaps: 'Who commands the North Korean units?', groupBy: 'topic' }])
    expect(api.data.briefings[0]).toMatchObject({ groupBy: 'topic', gaps: 'Who commands the North Korean units?' })
  })

  it('keeps a refused edit on screen and sends it again with the next one', async () => {
    const { composer, api } = await setup()
    const original = api.updateBriefing
    api.updateBriefing = async () => {
      throw { code: 'read-only', message: 'The case is open read-only' }
    }
    composer.edit({ author: 'A. Analyst' })
    await vi.waitFor(() =>
      expect(composer.saveState).toEqual({ state: 'error', message: 'The case is open read-only' })
    )
    expect(composer.briefing?.author).toBe('A. Analyst')
    expect(composer.hasUnsaved).toBe(true)
    api.updateBriefing = original
    composer.edit({ handling: 'SECRET' })
    await vi.waitFor(() => expect(composer.saveState.state).toBe('saved'))
    expect(api.data.briefings[0]).toMatchObject({ author: 'A. Analyst', handling: 'SECRET' })
    expect(composer.hasUnsaved).toBe(false)
  })

  it('edits judgments as a list and leaves out claims deleted meanwhile', async () => {
    const { composer, store, c1, c2, updates } = await setup()
    composer.editJudgments(() => [
      { id: 'j1', text: 'Russia will likely retake Kursk.', confidence: 'high', claimIds: [c1.id, c2.id] }
    ])
    await vi.waitFor(() => expect(composer.saveState.state).toBe('saved'))
    await composer.loadBlocks(composer.neededDocuments)
    expect(composer.layout!.judgments[0].citations).toEqual([1, 2])
    await store.deleteClaim(c2.id)
    expect(composer.briefing!.judgments[0].claimIds).toEqual([c1.id])
    composer.edit({ claimIds: [c2.id, c1.id] })
    await vi.waitFor(() => expect(composer.saveState.state).toBe('saved'))
    expect(updates().at(-1)).toEqual({ claimIds: [c1.id] })
  })

  it('reads the bottom line and judgments as one product for the ICD 203 check', async () => {
    const { composer } = await setup()
    composer.edit({ bottomLine: 'Russia will likely retake the salient.' }, { debounce: true })
    composer.editJudgments(() => [
      {
        id: 'j1',
        text: 'It is highly probable that troops stay. We have high confidence it is very likely.',
        confidence: 'high',
        claimIds: []
      }
    ])
    const { warnings, terms } = composer.language
    expect(warnings.get('bottomLine')).toBeUndefined()
    expect(terms.get('bottomLine')!.map((t) => t.text)).toEqual(['likely'])
    const kinds = warnings.get('judgment:j1')!.map((w) => w.kind)
    expect(kinds).toEqual(['mixed-scales', 'confidence-with-likelihood'])
    expect(warnings.get('judgment:j1')![0].reason).toContain('highly probable')
  })

  it('creates, selects and removes briefings', async () => {
    const { composer, store, api } = await setup()
    const second = (await composer.create())!
    expect(second.title).toBe('Test case (2)')
    expect(second.date).toBe('2024-11-25T08:00:00.000Z')
    expect(composer.briefing?.id).toBe(second.id)
    composer.select('b1')
    expect(composer.briefing?.id).toBe('b1')
    expect(await composer.remove('b1')).toBe(true)
    expect(store.briefings.map((b) => b.id)).toEqual([second.id])
    expect(api.data.briefings.map((b) => b.id)).toEqual([second.id])
    expect(composer.briefing?.id).toBe(second.id)
  })

  it('fetches document blocks once, for the paragraph numbers of citations', async () => {
    const { composer, api, store } = await setup()
    store.currentDoc = null
    const calls = () => api.data.calls.length
    const gets = vi.spyOn(api, 'getDocument')
    await composer.loadBlocks(composer.neededDocuments)
    await composer.loadBlocks(composer.neededDocuments)
    expect(gets).toHaveBeenCalledTimes(1)
    expect(calls()).toBeGreaterThan(0)
    expect(composer.layout!.claims[0].citation.locator).toBe('para. 1')
    expect(composer.layout!.claims[1].citation.locator).toBe('para. 2')
  })
})
