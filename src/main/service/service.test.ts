import { readdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CaseEvent, ClaimdeskApi } from '../../shared/api'
import { ClaimdeskError } from '../../shared/errors'
import { SCHEMA_VERSION } from '../../shared/model'
import { dispatch } from '../dispatch'
import { rangeOf, steppingClock, testService, type TestService } from '../testing/service'

let t: TestService
let api: ClaimdeskApi

const article = [
  'Blockade Tightens on the Sarn',
  '',
  'The minister said at least 40 ships were held at the narrows.',
  '',
  'A navy spokesman said fewer than 25 ships were waiting, the agency reported.'
].join('\n')

async function caseWithDocument() {
  await api.newCase(join(t.dir, 'work'))
  const {
    value: [result]
  } = await api.importFiles([{ path: t.file('sarn.txt', article) }])
  expect(result.status).toBe('imported')
  return (await api.getDocument(result.documentId!)).document
}

async function allClaims() {
  return (await api.listClaims({ limit: 5000 })).claims
}

beforeEach(() => {
  t = testService({ now: steppingClock() })
  api = t.api
})

afterEach(() => t.dispose())

describe('cases', () => {
  it('tells the user of a journal write a crash cut short, and of the changes it recovered', async () => {
    const doc = await caseWithDocument()
    await api.createClaim({ documentId: doc.id, ...rangeOf(doc.text, 'at least 40 ships') })
    await api.createClaim({ documentId: doc.id, ...rangeOf(doc.text, 'fewer than 25 ships') })
    // A copy taken while the case is open: the case file and a journal not yet folded in, its end torn.
    const live = join(t.dir, 'work.claimdesk.json')
    const copy = join(t.dir, 'crashed.claimdesk.json')
    await writeFile(copy, await readFile(live))
    const journal = await readFile(`${live}.journal`)
    await writeFile(`${copy}.journal`, journal.subarray(0, journal.length - 30))
    const opened = await api.openCase(copy)
    expect(opened.info.tornBytes).toBeGreaterThan(0)
    expect(opened.info.recovered).toBeGreaterThan(0)
  })

  it('creates a case file with the extension added, and lists it as recent with its title', async () => {
    const created = await api.newCase(join(t.dir, 'alpha'))
    expect(created.info.path).toBe(join(t.dir, 'alpha.claimdesk.json'))
    expect(created.info.name).toBe('alpha')
    expect(created.documents).toEqual([])
    await api.setCaseTitle('Sarn inspections')
    const [recent] = await api.recentCases()
    expect(recent).toMatchObject({ path: created.info.path, name: 'alpha' })
  })

  it('refuses to create over an existing case', async () => {
    await api.newCase(join(t.dir, 'alpha'))
    await expect(api.newCase(join(t.dir, 'alpha.claimdesk.json'))).rejects.toMatchObject({ code: 'conflict' })
  })

  it('reports a missing case by its path', async () => {
    await expect(api.openCase(join(t.dir, 'nope.claimdesk.json'))).rejects.toThrow(
      /nope\.claimdesk\.json: no such case file/
    )
  })

  it('keeps every change across close and reopen', async () => {
    const doc = await caseWithDocument()
    const { value: src } = await api.createSource({ name: 'Aldric Venn', kind: 'person', reliability: 'C' })
    const { value: claim } = await api.createClaim({
      documentId: doc.id,
      ...rangeOf(doc.text, 'at least 40 ships'),
      sourceId: src.id,
      credibility: '3'
    })
    const path = (await api.currentCase()).info.path
    await t.service.close()
    const reopened = await api.openCase(path)
    expect(await allClaims()).toEqual([claim])
    expect(reopened.sources).toEqual([{ ...src, claimCount: 1, relayCount: 0 }])
    expect(reopened.documents[0]).toMatchObject({ id: doc.id, claimCount: 1, title: 'Blockade Tightens on the Sarn' })
    expect(reopened.claimCount).toBe(1)
  })

  it('holds no absolute path or machine detail in the file', async () => {
    await caseWithDocument()
    const path = (await api.currentCase()).info.path
    await t.service.close()
    const text = await readFile(path, 'utf8')
    expect(text).not.toContain(t.dir)
    expect(JSON.parse(text).version).toBe(SCHEMA_VERSION)
  })

  it('save as writes a copy and continues in it', async () => {
    const doc = await caseWithDocument()
    const copy = await api.saveCaseAs(join(t.dir, 'copy'))
    expect(copy.info.name).toBe('copy')
    await api.createSource({ name: 'Only in the copy' })
    await t.service.close()
    const original = await api.openCase(join(t.dir, 'work'))
    expect(original.documents.map((d) => d.id)).toEqual([doc.id])
    expect(original.sources).toEqual([])
  })

  it('opening the case already open keeps it, and close waits for changes already asked for', async () => {
    await api.newCase(join(t.dir, 'work'))
    const again = await api.openCase(join(t.dir, 'work'))
    expect(again.info.readOnly).toBe(false)
    const pasted = api.pasteText({ text: 'Late edit\n\nStill saved.' })
    await t.service.close()
    await pasted
    expect((await api.openCase(join(t.dir, 'work'))).documents.map((d) => d.title)).toEqual(['Late edit'])
  })

  it('restores a backup in place of a damaged case, keeps the damaged file and opens the case', async () => {
    await caseWithDocument()
    const path = (await api.currentCase()).info.path
    await t.service.close()
    const [backup] = await api.listBackups(path)
    expect(backup).toBeDefined()
    await writeFile(path, '{"version": 1, "documents": [')
    await expect(api.openCase(path)).rejects.toMatchObject({ code: 'corrupt', details: { path } })
    const restored = await api.restoreBackup(path, backup.file)
    expect(restored.info).toMatchObject({ path, readOnly: false })
    expect((await readdir(t.dir)).some((f) => f.includes('.corrupt-'))).toBe(true)
    await api.createSource({ name: 'After the restore' })
  })

  it('a restore with a wrong backup name leaves the open case open', async () => {
    await caseWithDocument()
    const path = (await api.currentCase()).info.path
    await expect(api.restoreBackup(path, 'nothing.claimdesk.json')).rejects.toMatchObject({ code: 'invalid' })
    expect((await api.currentCase()).info.path).toBe(path)
    await api.createSource({ name: 'Still writable' })
  })

  it('read-only cases refuse changes', async () => {
    await caseWithDocument()
    await t.service.close()
    await api.openCase(join(t.dir, 'work'), { readOnly: true })
    await expect(api.createSource({ name: 'X' })).rejects.toMatchObject({ code: 'read-only' })
  })

  it('creates the folder of a case opened at start, and fills it only when new', async () => {
    const path = join(t.dir, 'fresh', 'home', 'Default.claimdesk.json')
    let fills = 0
    const fill = async () => {
      fills++
      await api.setCaseTitle('Filled')
    }
    expect((await t.service.openAtStart(path, fill))?.info.title).toBe('Filled')
    // Filling the case is not something the analyst can undo.
    expect((await api.currentCase()).history).toEqual({ undo: null, redo: null })
    await t.service.close()
    await t.service.openAtStart(path, fill)
    expect(fills).toBe(1)
  })
})

describe('documents', () => {
  it('imports once: the same bytes again are a duplicate', async () => {
    const doc = await caseWithDocument()
    const {
      value: [again]
    } = await api.importFiles([{ path: t.file('copy.txt', article) }])
    expect(again).toMatchObject({ status: 'duplicate', documentId: doc.id })
  })

  it('keeps a changed article beside the old one as a new version', async () => {
    const doc = await caseWithDocument()
    const {
      value: [v2]
    } = await api.importFiles([{ path: t.file('sarn-v2.txt', article + '\n\nUpdated at noon.') }])
    expect(v2.status).toBe('imported')
    expect(v2.message).toMatch(/new version of “Blockade Tightens on the Sarn”/)
    expect((await api.getDocument(v2.documentId!)).document.versionOf).toBe(doc.id)
  })

  it('reports a bad file by name and changes nothing', async () => {
    const doc = await caseWithDocument()
    const before = await api.currentCase()
    const { value: results } = await api.importFiles([
      { path: t.file('empty.txt', '') },
      { path: t.file('binary.txt', new Uint8Array([0, 1, 2, 0, 255, 0, 3])) },
      { path: join(t.dir, 'gone.txt') },
      { path: t.file('sheet.xlsx', 'x'), name: 'Budget.xlsx' }
    ])
    expect(results.map((r) => r.status)).toEqual(['failed', 'failed', 'failed', 'failed'])
    expect(results[0].message).toMatch(/^empty\.txt: the file is empty/)
    expect(results[1].message).toMatch(/binary\.txt/)
    expect(results[2].message).toBe('gone.txt: no such file')
    expect(results[3].message).toMatch(/^Budget\.xlsx: "\.xlsx" files are not supported/)
    expect((await api.currentCase()).documents.map((d) => d.id)).toEqual(before.documents.map((d) => d.id))
    expect((await api.getDocument(doc.id)).document.text).toBe(doc.text)
  })

  it('pastes text as a document titled from its first line', async () => {
    await api.newCase(join(t.dir, 'work'))
    const { value: doc, changes } = await api.pasteText({ text: 'Port Arvel minelayers\n\nTwo vessels moved.' })
    expect(doc.title).toBe('Port Arvel minelayers')
    expect(doc.provenance.format).toBe('paste')
    expect(changes.documents?.put.map((d) => d.id)).toEqual([doc.id])
  })

  it('edits metadata, validating dates at the contract', async () => {
    const doc = await caseWithDocument()
    const { value: updated } = await api.updateDocument(doc.id, {
      outlet: 'The Harbour Ledger',
      published: '2026-03-11'
    })
    expect(updated).toMatchObject({ outlet: 'The Harbour Ledger', published: '2026-03-11' })
    await expect(api.updateDocument(doc.id, { published: 'last Tuesday' })).rejects.toThrow(
      /updateDocument: argument 2 field "published"/
    )
  })

  it('keeps the rejected suggestions of a document apart from it, in text order, refusing what is no span', async () => {
    const doc = await caseWithDocument()
    const reject = (spans: string[]) => api.rejectSuggestions({ documentId: doc.id, spans, rejected: true })
    const { value, changes } = await reject(['40:52', '3:9', '40:52', '100:120'])
    expect(value).toEqual(['3:9', '40:52', '100:120'])
    expect(changes.history.undo).toMatch(/^reject 3 suggestions in /)
    expect(changes.documents).toBeUndefined()
    expect(changes.rejections?.put).toEqual([{ id: doc.id, spans: value, updatedAt: expect.any(String) }])
    expect((await api.getDocument(doc.id)).rejectedSuggestions).toEqual(value)
    // Again: nothing changes, nothing is written or undone.
    const again = await reject(['3:9'])
    expect([again.value, again.changes.rejections, again.changes.history.undo]).toEqual([
      value,
      undefined,
      changes.history.undo
    ])
    await expect(reject(['s1'])).rejects.toThrow(
      /rejectSuggestions: argument 1 field "spans\.0": expected the span of a suggestion/
    )
    await expect(reject(['9:3'])).rejects.toThrow(/spans\[0\] "9:3": not the span of a suggestion in “/)
    await expect(reject([`0:${doc.text.length + 1}`])).rejects.toThrow(/its text has \d+ characters/)
    await expect(api.rejectSuggestions({ documentId: doc.id, rejected: true })).rejects.toThrow(
      /name the spans to reject/
    )
    const brought = await api.rejectSuggestions({ documentId: doc.id, spans: ['40:52'], rejected: false })
    expect([brought.value, brought.changes.history.undo]).toEqual([
      ['3:9', '100:120'],
      expect.stringMatching(/^bring back 1 rejected suggestion in /)
    ])
    await api.undo()
    expect((await api.getDocument(doc.id)).rejectedSuggestions).toEqual(value)
    expect((await api.rejectSuggestions({ documentId: doc.id, rejected: false })).changes.rejections?.removed).toEqual([
      doc.id
    ])

    const all = (await api.suggestClaims(doc.id)).map((s) => `${s.claim.start}:${s.claim.end}`)
    await reject([all[0]])
    const { value: accepted } = await api.acceptSuggestions({ documentId: doc.id })
    expect(accepted.claims.map((c) => `${c.position.start}:${c.position.end}`)).not.toContain(all[0])
    const { value: named } = await api.acceptSuggestions({ documentId: doc.id, suggestionIds: ['s1'] })
    expect(named.claims.map((c) => `${c.position.start}:${c.position.end}`)).toEqual([all[0]])
    // At most 10,000 per document, however they come.
    const pairs: string[] = []
    for (let a = 0; pairs.length < 10_500; a++) for (let b = a + 1; b <= doc.text.length; b++) pairs.push(`${a}:${b}`)
    await api.rejectSuggestions({ documentId: doc.id, rejected: false })
    await reject(pairs.slice(0, 6000))
    await expect(reject(pairs.slice(6000))).rejects.toThrow(/keeps at most 10000 rejected suggestions/)
    expect((await api.getDocument(doc.id)).rejectedSuggestions).toHaveLength(6000)
    // The document going takes its rejections with it.
    const { changes: gone } = await api.deleteDocument(doc.id)
    expect(gone.rejections?.removed).toEqual([doc.id])
  })

  it('keeps a rejected span once however its numbers are written ("07:10" is "7:10")', async () => {
    const doc = await caseWithDocument()
    const reject = (spans: string[], rejected = true) => api.rejectSuggestions({ documentId: doc.id, spans, rejected })
    expect((await reject(['7:10'])).value).toEqual(['7:10'])
    const again = await reject(['07:10', '0007:010'])
    expect([again.value, again.changes.rejections]).toEqual([['7:10'], undefined])
    expect((await reject(['07:0010'], false)).value).toEqual([])
  })

  it('deleting a document removes its claims and their links, and says so', async () => {
    const doc = await caseWithDocument()
    const { value: a } = await api.createClaim({ documentId: doc.id, ...rangeOf(doc.text, 'at least 40 ships') })
    const { value: b } = await api.createClaim({ documentId: doc.id, ...rangeOf(doc.text, 'fewer than 25 ships') })
    const { value: link } = await api.createLink({ from: a.id, to: b.id, kind: 'contradicts' })
    const { value, changes } = await api.deleteDocument(doc.id)
    expect(value).toEqual([a.id, b.id])
    expect(changes.claims?.removed.sort()).toEqual([a.id, b.id].sort())
    expect(changes.links?.removed).toEqual([link.id])
    expect(changes.documents?.removed).toEqual([doc.id])
    expect((await api.currentCase()).documents).toEqual([])
    expect(await allClaims()).toEqual([])
  })

  it('gives a document with its claims, the links that touch them and the claims at their other ends', async () => {
    const doc = await caseWithDocument()
    const {
      value: [other]
    } = await api.importFiles([{ path: t.file('other.txt', 'Second report\n\nThe port said 31 ships waited.') }])
    const otherDoc = (await api.getDocument(other.documentId!)).document
    const { value: a } = await api.createClaim({ documentId: doc.id, ...rangeOf(doc.text, 'fewer than 25 ships') })
    const { value: b } = await api.createClaim({ documentId: doc.id, ...rangeOf(doc.text, 'at least 40 ships') })
    const { value: c } = await api.createClaim({ documentId: otherDoc.id, ...rangeOf(otherDoc.text, '31 ships') })
    const { value: link } = await api.createLink({ from: a.id, to: c.id, kind: 'contradicts' })
    const view = await api.getDocument(doc.id)
    expect(view.claims.map((x) => x.id)).toEqual([b.id, a.id]) // text order
    expect(view.links).toEqual([link])
    expect(view.linkedClaims).toEqual([c])
  })
})

describe('claims', () => {
  it('anchors a claim by quote and position with context', async () => {
    const doc = await caseWithDocument()
    const { value: claim } = await api.createClaim({ documentId: doc.id, ...rangeOf(doc.text, 'at least 40 ships') })
    expect(claim.quote.exact).toBe('at least 40 ships')
    expect(claim.quote.prefix.endsWith('The minister said ')).toBe(true)
    expect(claim.quote.suffix.startsWith(' were held')).toBe(true)
    expect(claim).toMatchObject({ status: 'unverified', credibility: '6', sourceId: null, via: [] })
  })

  it('refuses ranges outside the text, blank selections and unknown sources', async () => {
    const doc = await caseWithDocument()
    await expect(api.createClaim({ documentId: doc.id, start: 0, end: doc.text.length + 5 })).rejects.toMatchObject({
      code: 'invalid'
    })
    const gap = doc.text.indexOf('\n\n')
    await expect(api.createClaim({ documentId: doc.id, start: gap, end: gap + 2 })).rejects.toThrow(/blank/)
    await expect(api.createClaim({ documentId: doc.id, start: 0, end: 5, sourceId: 'nobody' })).rejects.toMatchObject({
      code: 'not-found'
    })
    expect(await allClaims()).toEqual([])
  })

  it('validates every call at the contract, naming the field', async () => {
    const doc = await caseWithDocument()
    const h = t.service.handlers
    await expect(
      dispatch(h, 'createClaim', [{ documentId: doc.id, start: 0, end: 5, credibility: '9' }])
    ).rejects.toThrow(/createClaim: argument 1 field "credibility"/)
    await expect(dispatch(h, 'createClaim', [{ documentId: doc.id, start: 5, end: 2 }])).rejects.toThrow(
      /end must be after start/
    )
    await expect(dispatch(h, 'dropDatabase', [])).rejects.toThrow(/unknown method "dropDatabase"/)
    await expect(dispatch(h, 'newCase', [join(t.dir, 'a\0b')])).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringContaining('a path cannot contain a NUL character')
    })
    await expect(dispatch(h, 'getDocument', [42])).rejects.toBeInstanceOf(ClaimdeskError)
  })

  it('keeps both of two overlapping edits of one claim', async () => {
    const doc = await caseWithDocument()
    const { value: src } = await api.createSource({ name: 'U.S. State Department', kind: 'organization' })
    const { value: claim } = await api.createClaim({ documentId: doc.id, ...rangeOf(doc.text, 'at least 40 ships') })
    const [first, second] = await Promise.all([
      api.updateClaim(claim.id, { sourceId: src.id }),
      api.updateClaim(claim.id, { tags: ['combat'] })
    ])
    expect((await allClaims())[0]).toMatchObject({ sourceId: src.id, tags: ['combat'] })
    // The replies carry growing revisions, so a UI can keep the newest if they arrive out of order.
    expect(second.changes.revision).toBeGreaterThan(first.changes.revision)
  })

  it('a change reports the counts it moved: the document, the old and new source, the tags', async () => {
    const doc = await caseWithDocument()
    const { value: a } = await api.createSource({ name: 'A' })
    const { value: b } = await api.createSource({ name: 'B' })
    const { value: claim } = await api.createClaim({
      documentId: doc.id,
      start: 0,
      end: 8,
      sourceId: a.id,
      tags: ['x']
    })
    const { changes } = await api.updateClaim(claim.id, { sourceId: b.id, tags: ['y'] })
    const counts = Object.fromEntries(changes.sources!.put.map((s) => [s.name, s.claimCount]))
    expect(counts).toEqual({ A: 0, B: 1 })
    expect(changes.documents!.put).toMatchObject([{ id: doc.id, claimCount: 1 }])
    expect(changes.tags).toEqual([{ tag: 'y', count: 1 }])
    expect(changes.claimCount).toBe(1)
  })

  it('tags and deletes several claims as one step of undo each, validated at the contract', async () => {
    const doc = await caseWithDocument()
    const make = (start: number) => api.createClaim({ documentId: doc.id, start, end: start + 8, tags: ['old'] })
    const ids = [(await make(0)).value.id, (await make(10)).value.id, (await make(20)).value.id]
    const { value, changes } = await api.updateClaims(ids.slice(0, 2), { addTags: ['troops'], removeTags: ['old'] })
    expect(value).toEqual(ids.slice(0, 2))
    expect(changes.claims?.put.map((c) => c.tags)).toEqual([['troops'], ['troops']])
    expect(changes.tags).toEqual(expect.arrayContaining([{ tag: 'troops', count: 2 }]))
    await api.deleteClaims(ids)
    expect(await allClaims()).toEqual([])
    await api.undo()
    expect((await allClaims()).map((c) => c.tags)).toEqual([['troops'], ['troops'], ['old']])
    await api.undo()
    expect((await allClaims()).map((c) => c.tags)).toEqual([['old'], ['old'], ['old']])
    const h = t.service.handlers
    await expect(dispatch(h, 'updateClaims', [[], { status: 'confirmed' }])).rejects.toThrow(/updateClaims: argument 1/)
    await expect(dispatch(h, 'updateClaims', [ids, {}])).rejects.toThrow(/name a change to make/)
    await expect(dispatch(h, 'updateClaims', [ids, { note: 'x' }])).rejects.toThrow(/note/)
  })

  it('normalises tags and refuses a source relaying itself', async () => {
    const doc = await caseWithDocument()
    const { value: src } = await api.createSource({ name: 'Meridian News Agency', kind: 'outlet' })
    const { value: claim } = await api.createClaim({
      documentId: doc.id,
      start: 0,
      end: 8,
      tags: [' shipping ', 'Shipping', 'front  line']
    })
    expect(claim.tags).toEqual(['shipping', 'front line'])
    await expect(api.updateClaim(claim.id, { sourceId: src.id, via: [src.id] })).rejects.toThrow(/its own relay/)
  })
})

describe('sources', () => {
  it('refuses a second source with the same name, or with a name another source has as an alias', async () => {
    await api.newCase(join(t.dir, 'work'))
    await api.createSource({ name: 'Reuters', kind: 'outlet', aliases: ['Thomson Reuters'] })
    await expect(api.createSource({ name: 'reuters' })).rejects.toMatchObject({ code: 'conflict' })
    await expect(api.createSource({ name: 'thomson  reuters' })).rejects.toThrow(/an alias of/)
    await expect(api.createSource({ name: 'Agency', aliases: ['REUTERS'] })).rejects.toMatchObject({ code: 'conflict' })
  })

  it('a renamed source keeps its old name as an alias', async () => {
    await api.newCase(join(t.dir, 'work'))
    const { value: s } = await api.createSource({ name: 'Navy spokesman' })
    const { value: renamed } = await api.updateSource(s.id, { name: 'Ivo Dravic' })
    expect(renamed.aliases).toEqual(['Navy spokesman'])
    expect((await api.currentCase()).history.undo).toBe('rename “Navy spokesman” → “Ivo Dravic”')
  })

  it('merges two sources: claims and relays follow, the old name becomes an alias', async () => {
    const doc = await caseWithDocument()
    const { value: a } = await api.createSource({ name: 'Navy spokesman', aliases: ['the spokesman'] })
    const { value: b } = await api.createSource({ name: 'Ivo Dravic' })
    const { value: agency } = await api.createSource({ name: 'Meridian', kind: 'outlet' })
    const { value: c1 } = await api.createClaim({
      documentId: doc.id,
      ...rangeOf(doc.text, 'fewer than 25 ships'),
      sourceId: a.id,
      via: [agency.id]
    })
    const { value: c2 } = await api.createClaim({
      documentId: doc.id,
      ...rangeOf(doc.text, 'at least 40 ships'),
      sourceId: b.id,
      via: [a.id]
    })
    const { value: merged } = await api.mergeSources(a.id, b.id)
    expect(merged.aliases).toEqual(['Navy spokesman', 'the spokesman'])
    const after = await api.currentCase()
    expect(after.sources.map((s) => s.name).sort()).toEqual(['Ivo Dravic', 'Meridian'])
    const claims = await allClaims()
    expect(claims.find((c) => c.id === c1.id)).toMatchObject({ sourceId: b.id, via: [agency.id] })
    // A relay that became the speaker itself is dropped from the chain.
    expect(claims.find((c) => c.id === c2.id)).toMatchObject({ sourceId: b.id, via: [] })
  })

  it('deletes a source only when unused or with reassignment', async () => {
    const doc = await caseWithDocument()
    const { value: a } = await api.createSource({ name: 'A' })
    const { value: b } = await api.createSource({ name: 'B' })
    const { value: claim } = await api.createClaim({ documentId: doc.id, start: 0, end: 8, sourceId: a.id })
    await expect(api.deleteSource(a.id)).rejects.toThrow(/used by 1 claim/)
    await api.deleteSource(a.id, b.id)
    expect((await allClaims()).find((c) => c.id === claim.id)?.sourceId).toBe(b.id)
  })
})

describe('briefings', () => {
  it('stores a briefing and refuses citations of unknown claims', async () => {
    await caseWithDocument()
    const { value: b } = await api.createBriefing({ title: 'Sarn', bottomLine: 'Inspections continue.' })
    expect(b).toMatchObject({ title: 'Sarn', groupBy: 'source', claimIds: [] })
    await expect(api.updateBriefing(b.id, { claimIds: ['ghost'] })).rejects.toMatchObject({ code: 'not-found' })
  })
})

describe('the case file replaced on disk while open', () => {
  it('keeps theirs, goes on in a conflict copy of ours, and says so', async () => {
    await caseWithDocument()
    const path = (await api.currentCase()).info.path
    await t.service.close()
    await api.openCase(path)
    // Another program puts its own version in place, then the analyst makes a change.
    const theirs = (await readFile(path, 'utf8')).replace('"title": "work"', '"title": "Theirs"')
    await writeFile(`${path}.tmp-theirs`, theirs)
    await rename(`${path}.tmp-theirs`, path)
    await api.createSource({ name: 'Only ours' })
    let event: CaseEvent | undefined
    for (let after = 0; !event;) {
      const events = await api.caseEvents(after, 20_000)
      event = events.find((e) => e.kind === 'diverged')
      after = events.at(-1)?.seq ?? after
    }
    expect(event).toMatchObject({ kind: 'diverged', details: { theirs: path } })
    expect(event.message).toMatch(/replaced on disk by another program/)
    const ours = (event.details as { ours: string }).ours
    expect(ours).toMatch(/\(conflict copy .*\)\.claimdesk\.json$/)
    expect((await api.currentCase()).info.path).toBe(ours)
    expect(JSON.parse(await readFile(path, 'utf8')).title).toBe('Theirs')
    await api.createSource({ name: 'Still ours' })
    await t.service.close()
    const reopened = await api.openCase(ours)
    expect(reopened.sources.map((s) => s.name).sort()).toEqual(['Only ours', 'Still ours'])
    expect((await api.recentCases())[0].path).toBe(ours)
  }, 60_000)
})
