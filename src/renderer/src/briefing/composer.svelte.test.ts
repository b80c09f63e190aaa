import { afterEach, describe, expect, it, vi } from 'vitest'
import { BriefingComposer, TEXT_SAVE_DELAY_MS } from './composer.svelte'
import { composerDesk, NOW } from './testing'

type Ctx = Awaited<ReturnType<typeof composerDesk>>
let ctx: Ctx

async function setup() {
  ctx = await composerDesk()
  const composer = new BriefingComposer(ctx.desk.store, () => NOW, null)
  return { ...ctx, store: ctx.desk.store, composer }
}

afterEach(async () => {
  vi.useRealTimers()
  await ctx?.dispose()
})

describe('BriefingComposer', () => {
  it('opens the first briefing and resolves its view as the backend does for every export', async () => {
    const { composer, c1 } = await setup()
    expect(composer.briefing?.title).toBe('Kursk')
    await composer.refreshLayout()
    const view = composer.layout!
    expect(view.header.generatedAt).toBe(NOW)
    expect(view.claims.map((c) => c.id)[0]).toBe(c1.id)
    expect(view.claims[0].grade).toBe('C3')
    expect(view.claims[0].chain).toBe('General Staff source, in Newsweek')
    expect(view.claims[0].citation.locator).toBe('para. 1')
  })

  it('the view now carries unsaved text; the lists follow the structure', async () => {
    const { composer } = await setup()
    await composer.refreshLayout()
    composer.edit({ title: 'Kursk: troops', bottomLine: 'Likely.' }, { debounce: true })
    const now = (await composer.viewNow())!
    expect(now.header.title).toBe('Kursk: troops')
    expect(now.bottomLine).toBe('Likely.')
    const before = composer.structure
    composer.edit({ groupBy: 'topic' })
    expect(composer.structure).not.toBe(before)
    await composer.refreshLayout()
    expect(composer.layout!.reporting.groupBy).toBe('topic')
  })

  it('shows text edits at once and saves them together after a pause', async () => {
    const { composer, updates, store } = await setup()
    // (Faked once the desk is set up: marking its claims waits for a frame and a task.)
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    composer.edit({ title: 'Kursk: troops' }, { debounce: true })
    composer.edit({ handling: 'UNCLASSIFIED' }, { debounce: true })
    expect(composer.briefing?.title).toBe('Kursk: troops')
    expect(composer.saveState.state).toBe('pending')
    await vi.advanceTimersByTimeAsync(TEXT_SAVE_DELAY_MS - 50)
    expect(updates()).toEqual([])
    await vi.advanceTimersByTimeAsync(100)
    vi.useRealTimers()
    await vi.waitFor(() => expect(composer.saveState.state).toBe('saved'))
    expect(updates()).toEqual([{ title: 'Kursk: troops', handling: 'UNCLASSIFIED' }])
    expect(store.briefings[0].title).toBe('Kursk: troops')
  })

  it('saves structural edits at once, one save at a time and in order', async () => {
    const { composer, api, updates, store } = await setup()
    let release!: () => void
    const original = api.updateBriefing
    const sent: unknown[] = []
    api.updateBriefing = async (id, patch) => {
      sent.push(patch)
      if (sent.length === 1) await new Promise<void>((r) => (release = r))
      return original(id, patch)
    }
    composer.edit({ groupBy: 'document' })
    await vi.waitFor(() => expect(release).toBeDefined())
    expect(composer.saveState.state).toBe('saving')
    composer.edit({ gaps: 'Who commands the North Korean units?' })
    composer.edit({ groupBy: 'topic' })
    release()
    await vi.waitFor(() => expect(composer.saveState.state).toBe('saved'))
    expect(updates()).toEqual(sent)
    expect(sent).toEqual([{ groupBy: 'document' }, { gaps: 'Who commands the North Korean units?', groupBy: 'topic' }])
    const stored = (await ctx.service.api.currentCase()).briefings[0]
    expect(stored).toMatchObject({ groupBy: 'topic', gaps: 'Who commands the North Korean units?' })
    expect(store.briefings[0]).toMatchObject({ groupBy: 'topic' })
  })

  it('keeps a refused edit on screen and sends it again with the next one', async () => {
    const { composer, api } = await setup()
    const original = api.updateBriefing
    api.updateBriefing = async () => {
      throw { code: 'io', message: 'The disk is full' }
    }
    composer.edit({ author: 'A. Analyst' })
    await vi.waitFor(() => expect(composer.saveState).toEqual({ state: 'error', message: 'The disk is full' }))
    expect(composer.briefing?.author).toBe('A. Analyst')
    expect(composer.hasUnsaved).toBe(true)
    api.updateBriefing = original
    composer.edit({ handling: 'SECRET' })
    await vi.waitFor(() => expect(composer.saveState.state).toBe('saved'))
    expect((await ctx.service.api.currentCase()).briefings[0]).toMatchObject({
      author: 'A. Analyst',
      handling: 'SECRET'
    })
    expect(composer.hasUnsaved).toBe(false)
  })

  it('edits judgments as a list and leaves out claims deleted meanwhile', async () => {
    const { composer, store, c1, c2, updates } = await setup()
    composer.editJudgments(() => [
      { id: 'j1', text: 'Russia will likely retake Kursk.', confidence: 'high', claimIds: [c1.id, c2.id] }
    ])
    await vi.waitFor(() => expect(composer.saveState.state).toBe('saved'))
    await composer.refreshLayout()
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
    const { composer, store } = await setup()
    const first = store.briefings[0].id
    const second = (await composer.create())!
    expect(second.title).toBe('case (2)')
    expect(second.date).toBe(NOW)
    expect(composer.briefing?.id).toBe(second.id)
    composer.select(first)
    expect(composer.briefing?.id).toBe(first)
    expect(await composer.remove(first)).toBe(true)
    expect(store.briefings.map((b) => b.id)).toEqual([second.id])
    expect((await ctx.service.api.currentCase()).briefings.map((b) => b.id)).toEqual([second.id])
    expect(composer.briefing?.id).toBe(second.id)
  })
})
