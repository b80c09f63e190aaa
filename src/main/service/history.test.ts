import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ClaimdeskApi } from '../../shared/api'
import type { CaseDocument } from '../../shared/model'
import { rangeOf, steppingClock, testService, type TestService } from '../testing/service'

let t: TestService
let api: ClaimdeskApi
let doc: CaseDocument

const article =
  'Sarn report\n\nThe minister said at least 40 ships were held. A spokesman said fewer than 25 ships waited.'

beforeEach(async () => {
  t = testService({ now: steppingClock() })
  api = t.api
  await api.newCase(join(t.dir, 'work'))
  const {
    value: [r]
  } = await api.importFiles([{ path: t.file('sarn.txt', article) }])
  doc = (await api.getDocument(r.documentId!)).document
})

afterEach(() => t.dispose())

const claims = async () => (await api.listClaims({ limit: 100 })).claims
/** The whole case as the UI could see it, for before/after comparisons. */
async function everything() {
  const overview = await api.currentCase()
  const { history: _h, revision: _r, ...rest } = overview
  return { ...rest, claims: await claims(), view: await api.getDocument(doc.id).catch(() => null) }
}

describe('undo and redo', () => {
  it('names each change and reverts it exactly, then applies it again', async () => {
    const { value: src } = await api.createSource({ name: 'Aldric Venn' })
    const { value: claim } = await api.createClaim({ documentId: doc.id, ...rangeOf(doc.text, 'at least 40 ships') })
    const before = await everything()
    const { changes } = await api.updateClaim(claim.id, { status: 'contradicted' })
    expect(changes.history).toEqual({ undo: 'status → Contradicted', redo: null })
    const after = await everything()

    const undone = await api.undo()
    expect(undone.value).toBe('status → Contradicted')
    expect(undone.changes.claims?.put[0].status).toBe('unverified')
    expect(undone.changes.history).toEqual({ undo: 'mark “at least 40 ships”', redo: 'status → Contradicted' })
    expect(await everything()).toEqual(before)

    const redone = await api.redo()
    expect(redone.value).toBe('status → Contradicted')
    expect(await everything()).toEqual(after)
    expect(src.name).toBe('Aldric Venn')
  })

  it('undoes a claim deletion with its links and briefing citations, in place', async () => {
    const { value: a } = await api.createClaim({ documentId: doc.id, ...rangeOf(doc.text, 'at least 40 ships') })
    const { value: b } = await api.createClaim({ documentId: doc.id, ...rangeOf(doc.text, 'fewer than 25 ships') })
    await api.createLink({ from: a.id, to: b.id, kind: 'contradicts', note: 'counts differ' })
    await api.createBriefing({
      claimIds: [b.id, a.id],
      judgments: [{ id: 'j1', text: 'Counts differ.', confidence: 'low', claimIds: [a.id, b.id] }]
    })
    const before = await everything()
    const deleted = await api.deleteClaim(a.id)
    expect(deleted.changes.history.undo).toBe('delete “at least 40 ships”')
    expect((await everything()).view?.links).toEqual([])
    await api.undo()
    expect(await everything()).toEqual(before)
  })

  it('covers sources, documents, briefings and imports, and redo is dropped by a new change', async () => {
    const { value: s } = await api.createSource({ name: 'Navy spokesman' })
    await api.updateSource(s.id, { name: 'Ivo Dravic', reliability: 'B' })
    await api.updateDocument(doc.id, { outlet: 'The Harbour Ledger' })
    const { value: brief } = await api.createBriefing({ title: 'Sarn' })
    await api.updateBriefing(brief.id, { bottomLine: 'Inspections continue.' })
    const {
      value: [second]
    } = await api.importFiles([{ path: t.file('two.txt', 'Second\n\nMore text.') }])
    const labels: (string | null)[] = []
    for (let i = 0; i < 6; i++) labels.push((await api.undo()).value)
    expect(labels).toEqual([
      'import “Second”',
      'briefing bottom line',
      'new briefing “Sarn”',
      'details of “Sarn report”',
      'rename “Navy spokesman” → “Ivo Dravic”',
      'new source “Navy spokesman”'
    ])
    const now = await api.currentCase()
    expect(now.sources).toEqual([])
    expect(now.briefings).toEqual([])
    expect(now.documents.map((d) => [d.id, d.outlet])).toEqual([[doc.id, '']])
    expect(second.documentId).toBeDefined()
    expect((await api.undo()).value).toBe('import “Sarn report”')
    expect((await api.undo()).value).toBeNull()

    await api.redo()
    expect((await api.currentCase()).history.redo).toBe('new source “Navy spokesman”')
    await api.setCaseTitle('New direction')
    expect((await api.currentCase()).history).toEqual({ undo: 'case title “New direction”', redo: null })
  })

  it('makes one step of quick edits to the same briefing field', async () => {
    const { value: brief } = await api.createBriefing({ title: 'Sarn' })
    for (const text of ['I', 'In', 'Ins', 'Insp']) await api.updateBriefing(brief.id, { bottomLine: text })
    await api.updateBriefing(brief.id, { gaps: 'none' })
    await api.undo()
    expect((await api.currentCase()).briefings[0]).toMatchObject({ bottomLine: 'Insp', gaps: '' })
    await api.undo()
    expect((await api.currentCase()).briefings[0].bottomLine).toBe('')
    await api.redo()
    expect((await api.currentCase()).briefings[0].bottomLine).toBe('Insp')
  })

  it('belongs to one case: switching cases leaves nothing to undo in the other', async () => {
    const { value: claim } = await api.createClaim({ documentId: doc.id, ...rangeOf(doc.text, 'at least 40 ships') })
    await api.deleteClaim(claim.id)
    const work = (await api.currentCase()).info.path
    const other = await api.newCase(join(t.dir, 'other'))
    expect(other.history).toEqual({ undo: null, redo: null })
    expect((await api.undo()).value).toBeNull()
    const back = await api.openCase(work)
    expect(back.history).toEqual({ undo: null, redo: null })
    expect(await claims()).toEqual([])
  })

  it('survives Save as: the copy can undo what was done before it', async () => {
    await api.createSource({ name: 'Kept' })
    const copy = await api.saveCaseAs(join(t.dir, 'copy'))
    expect(copy.history.undo).toBe('new source “Kept”')
    await api.undo()
    expect((await api.currentCase()).sources).toEqual([])
  })
})
