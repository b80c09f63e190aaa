import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { CaseEvent } from '../../shared/api'
import { testService, type TestService } from '../testing/service'

let t: TestService
afterEach(() => t?.dispose())

const eventsAfter = async (after: number): Promise<CaseEvent[]> => t.api.caseEvents(after, 0)

describe('every window hears of every change (caseEvents)', () => {
  it('tells a change with what it changed, an undo too, and never a call that changed nothing', async () => {
    t = testService()
    await t.api.newCase(join(t.dir, 'work.claimdesk.json'))
    const start = (await eventsAfter(0)).at(-1)!.seq
    const { value: source, changes } = await t.api.createSource({ name: 'Aldric Venn' })
    await t.api.undo()
    expect((await t.api.undo()).value).toBeNull() // nothing left to undo: no change
    const events = await eventsAfter(start)
    expect(events.map((e) => e.kind)).toEqual(['changed', 'changed'])
    expect(events[0].changes).toEqual(changes)
    expect(events[1].changes?.sources?.removed).toEqual([source.id])
    expect(events[1].changes!.revision).toBeGreaterThan(changes.revision)
  })

  it('tells a change of thousands of items without them, so windows read the case again', async () => {
    t = testService()
    await t.api.newCase(join(t.dir, 'work.claimdesk.json'))
    const text = Array.from({ length: 2_100 }, (_, i) => `Venn said ship ${i} was held.`).join('\n\n')
    const { value } = await t.api.pasteText({ text: `Ships\n\n${text}`, title: 'Ships' })
    const start = (await eventsAfter(0)).at(-1)!.seq
    const { value: accepted, changes } = await t.api.acceptSuggestions({ documentId: value.id })
    expect(accepted.claims.length).toBeGreaterThan(2_000)
    const [told] = await eventsAfter(start)
    expect(told).toMatchObject({ kind: 'changed', details: { revision: changes.revision } })
    expect(told.changes).toBeUndefined()
  })

  it('tells that another case was opened, with its path', async () => {
    t = testService()
    const path = join(t.dir, 'work.claimdesk.json')
    await t.api.newCase(path)
    expect((await eventsAfter(0)).filter((e) => e.kind === 'switched').map((e) => e.details)).toEqual([
      { path, revision: expect.any(Number) }
    ])
  })
})
