import { join, resolve } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { addSampleContent } from './sample'
import { testService, type TestService } from './testing/service'

let t: TestService | undefined

afterEach(() => t?.dispose())

it('builds the first-run sample case through the API', async () => {
  t = testService()
  const { api } = t
  const opened = await t.service.openAtStart(join(t.dir, 'Default'), () =>
    addSampleContent(api, resolve(__dirname, '../../resources'))
  )
  expect(opened?.documents).toHaveLength(1)
  expect(opened?.documents[0].outlet).toBe('The Harbour Ledger')
  const view = await api.getDocument(opened!.documents[0].id)
  expect(view.claims.length).toBeGreaterThanOrEqual(6)
  expect(new Set(view.claims.map((c) => c.sourceId)).size).toBeGreaterThanOrEqual(4)
  expect(view.claims.some((c) => c.via.length > 0)).toBe(true)
  expect(view.links.some((l) => l.kind === 'corroborates')).toBe(true)
  // Three diverging counts make one conflict set, which a briefing prints once, side by side.
  expect(opened?.conflictSets.map((s) => [s.kind, s.status, s.claimIds.length])).toEqual([['conflict', 'confirmed', 3]])
  const [briefing] = opened?.briefings ?? []
  expect(briefing.judgments.length).toBeGreaterThan(0)
  expect(briefing.judgments.every((j) => j.claimIds.length > 0)).toBe(true)
  // A new analyst's first Ctrl+Z must not take the sample apart.
  expect(opened?.history).toEqual({ undo: null, redo: null })
})
