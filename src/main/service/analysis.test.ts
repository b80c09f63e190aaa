import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testService, type TestService } from '../testing/service'

let t: TestService
beforeEach(() => {
  t = testService()
})
afterEach(() => t.dispose())

const article = [
  'Floods in the north',
  '',
  'Floods have killed at least 140 people, the Relief Office said on Thursday.',
  '',
  'The ministry told Reuters that 2,100 rescuers had been deployed. Officials at the ministry said the toll could rise.'
].join('\n')

async function caseWithArticle() {
  await t.api.newCase(join(t.dir, 'work'))
  const {
    value: [r]
  } = await t.api.importFiles([{ path: t.file('floods.txt', article) }])
  return r.documentId!
}

describe('suggested claims', () => {
  it('proposes claims with speaker, relay and cue, and changes nothing', async () => {
    const documentId = await caseWithArticle()
    const before = await t.api.currentCase()
    const suggestions = await t.api.suggestClaims(documentId)
    const texts = suggestions.map((s) => [s.claim.text, s.speaker.name, s.via.map((v) => v.name), s.cue.kind])
    expect(texts).toContainEqual(['Floods have killed at least 140 people', 'Relief Office', [], 'reporting-verb'])
    expect(texts).toContainEqual(['2,100 rescuers had been deployed', 'Ministry', ['Reuters'], 'reporting-verb'])
    expect(await t.api.currentCase()).toEqual(before)
  })

  it('accepts one speaker’s suggestions as one undoable change: sources made once, claims made', async () => {
    const documentId = await caseWithArticle()
    const suggestions = await t.api.suggestClaims(documentId)
    const ministry = suggestions.find((s) => s.speaker.name === 'Ministry')!
    const { value, changes } = await t.api.acceptSuggestions({ documentId, entity: ministry.speaker.entity })
    expect(value.claims.length).toBeGreaterThan(0)
    expect(value.sources.map((s) => s.name).sort()).toEqual(['Ministry', 'Reuters'])
    expect(changes.history.undo).toBe(
      `accept ${value.claims.length === 1 ? '1 suggested claim' : `${value.claims.length} suggested claims`}`
    )
    // Accepting again makes nothing new: the claims are there.
    const again = await t.api.acceptSuggestions({ documentId, entity: ministry.speaker.entity })
    expect(again.value).toMatchObject({ claims: [], sources: [], skipped: value.claims.length })
    await t.api.undo()
    await t.api.undo()
    expect((await t.api.currentCase()).sources).toEqual([])
    expect((await t.api.listClaims({})).total).toBe(0)
  })

  it('links speakers to sources the case knows by name or alias', async () => {
    const documentId = await caseWithArticle()
    const { value: office } = await t.api.createSource({ name: 'UN Relief Office', aliases: ['Relief Office'] })
    const { value } = await t.api.acceptSuggestions({ documentId })
    expect(value.claims.find((c) => c.quote.exact.startsWith('Floods have killed'))?.sourceId).toBe(office.id)
    expect(value.sources.map((s) => s.name)).not.toContain('Relief Office')
  })
})
