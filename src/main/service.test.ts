import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ClaimdeskError } from '../shared/errors'
import { dispatch } from './dispatch'
import { ClaimdeskService } from './service'

let dir: string
let service: ClaimdeskService

const article = [
  'Blockade Tightens on the Sarn',
  '',
  'The minister said at least 40 ships were held at the narrows.',
  '',
  'A navy spokesman said fewer than 25 ships were waiting, the agency reported.'
].join('\n')

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64')

async function caseWithDocument() {
  await service.newCase(join(dir, 'work'))
  const [result] = await service.importFiles([{ name: 'sarn.txt', data: b64(article) }])
  expect(result.status).toBe('imported')
  return service.getDocument(result.documentId!)
}

function rangeOf(text: string, quote: string) {
  const start = text.indexOf(quote)
  expect(start).toBeGreaterThanOrEqual(0)
  return { start, end: start + quote.length }
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimdesk-service-'))
  service = new ClaimdeskService({ userDataDir: join(dir, 'home'), now: () => new Date('2026-03-11T09:00:00Z') })
})

afterEach(async () => {
  await service.close()
  await rm(dir, { recursive: true, force: true })
})

describe('cases', () => {
  it('creates a case file with the extension added, and lists it as recent', async () => {
    const snap = await service.newCase(join(dir, 'alpha'))
    expect(snap.info.path).toBe(join(dir, 'alpha.claimdesk.json'))
    expect(snap.info.name).toBe('alpha')
    expect(snap.documents).toEqual([])
    const recent = await service.recentCases()
    expect(recent[0].path).toBe(snap.info.path)
  })

  it('refuses to create over an existing case', async () => {
    await service.newCase(join(dir, 'alpha'))
    await expect(service.newCase(join(dir, 'alpha.claimdesk.json'))).rejects.toMatchObject({ code: 'conflict' })
  })

  it('reports a missing case by its path', async () => {
    await expect(service.openCase(join(dir, 'nope.claimdesk.json'))).rejects.toThrow(
      /nope\.claimdesk\.json: no such case file/
    )
  })

  it('keeps every change across close and reopen', async () => {
    const doc = await caseWithDocument()
    const src = await service.createSource({ name: 'Aldric Venn', kind: 'person', reliability: 'C' })
    const claim = await service.createClaim({
      documentId: doc.id,
      ...rangeOf(doc.text, 'at least 40 ships'),
      sourceId: src.id,
      credibility: '3'
    })
    const path = (await service.currentCase()).info.path
    await service.close()
    const reopened = await service.openCase(path)
    expect(reopened.claims).toEqual([claim])
    expect(reopened.sources).toEqual([src])
    expect(reopened.documents[0]).toMatchObject({ id: doc.id, claimCount: 1, title: 'Blockade Tightens on the Sarn' })
  })

  it('holds no absolute path or machine detail in the file', async () => {
    await caseWithDocument()
    const path = (await service.currentCase()).info.path
    await service.close()
    const text = await readFile(path, 'utf8')
    expect(text).not.toContain(dir)
    expect(JSON.parse(text).version).toBe(1)
  })

  it('save as writes a copy and continues in it', async () => {
    const doc = await caseWithDocument()
    const snap = await service.saveCaseAs(join(dir, 'copy'))
    expect(snap.info.name).toBe('copy')
    await service.createSource({ name: 'Only in the copy' })
    await service.close()
    const original = await service.openCase(join(dir, 'work'))
    expect(original.documents.map((d) => d.id)).toEqual([doc.id])
    expect(original.sources).toEqual([])
  })

  it('opening the case already open keeps it, and close waits for changes already asked for', async () => {
    await service.newCase(join(dir, 'work'))
    const again = await service.openCase(join(dir, 'work'))
    expect(again.info.readOnly).toBe(false)
    const pasted = service.pasteText({ text: 'Late edit\n\nStill saved.' })
    await service.close()
    await pasted
    expect((await service.openCase(join(dir, 'work'))).documents.map((d) => d.title)).toEqual(['Late edit'])
  })

  it('restores a backup in place of a damaged case, keeps the damaged file and opens the case', async () => {
    await caseWithDocument()
    const path = (await service.currentCase()).info.path
    await service.close()
    const [backup] = await service.listBackups(path)
    expect(backup).toBeDefined()
    await writeFile(path, '{"version": 1, "documents": [')
    await expect(service.openCase(path)).rejects.toMatchObject({ code: 'corrupt', details: { path } })
    const restored = await service.restoreBackup(path, backup.file)
    expect(restored.info).toMatchObject({ path, readOnly: false })
    expect((await readdir(dir)).some((f) => f.includes('.corrupt-'))).toBe(true)
    await service.createSource({ name: 'After the restore' })
  })

  it('read-only cases refuse changes', async () => {
    await caseWithDocument()
    await service.close()
    await service.openCase(join(dir, 'work'), { readOnly: true })
    await expect(service.createSource({ name: 'X' })).rejects.toMatchObject({ code: 'read-only' })
  })
})

describe('documents', () => {
  it('imports once: the same bytes again are a duplicate', async () => {
    const doc = await caseWithDocument()
    const [again] = await service.importFiles([{ name: 'copy.txt', data: b64(article) }])
    expect(again).toMatchObject({ status: 'duplicate', documentId: doc.id })
  })

  it('keeps a changed article beside the old one as a new version', async () => {
    const doc = await caseWithDocument()
    const [v2] = await service.importFiles([{ name: 'sarn-v2.txt', data: b64(article + '\n\nUpdated at noon.') }])
    expect(v2.status).toBe('imported')
    expect(v2.message).toMatch(/new version of “Blockade Tightens on the Sarn”/)
    expect((await service.getDocument(v2.documentId!)).versionOf).toBe(doc.id)
  })

  it('reports a bad file by name and changes nothing', async () => {
    const doc = await caseWithDocument()
    const before = await service.currentCase()
    const results = await service.importFiles([
      { name: 'empty.txt', data: '' },
      { name: 'binary.txt', data: Buffer.from([0, 1, 2, 0, 255, 0, 3]).toString('base64') }
    ])
    expect(results.map((r) => r.status)).toEqual(['failed', 'failed'])
    expect(results[0].message).toMatch(/empty\.txt/)
    expect(results[1].message).toMatch(/binary\.txt/)
    expect((await service.currentCase()).documents.map((d) => d.id)).toEqual(before.documents.map((d) => d.id))
    expect((await service.getDocument(doc.id)).text).toBe(doc.text)
  })

  it('pastes text as a document titled from its first line', async () => {
    await service.newCase(join(dir, 'work'))
    const doc = await service.pasteText({ text: 'Port Arvel minelayers\n\nTwo vessels moved.' })
    expect(doc.title).toBe('Port Arvel minelayers')
    expect(doc.provenance.format).toBe('paste')
  })

  it('edits metadata, validating dates at the contract', async () => {
    const doc = await caseWithDocument()
    const updated = await dispatch(service, 'updateDocument', [
      doc.id,
      { outlet: 'The Harbour Ledger', published: '2026-03-11' }
    ])
    expect(updated).toMatchObject({ outlet: 'The Harbour Ledger', published: '2026-03-11' })
    await expect(dispatch(service, 'updateDocument', [doc.id, { published: 'last Tuesday' }])).rejects.toThrow(
      /updateDocument: argument 2 field "published"/
    )
  })

  it('deleting a document removes its claims and their links', async () => {
    const doc = await caseWithDocument()
    const a = await service.createClaim({ documentId: doc.id, ...rangeOf(doc.text, 'at least 40 ships') })
    const b = await service.createClaim({ documentId: doc.id, ...rangeOf(doc.text, 'fewer than 25 ships') })
    await service.createLink({ from: a.id, to: b.id, kind: 'contradicts' })
    expect(await service.deleteDocument(doc.id)).toEqual([a.id, b.id])
    const snap = await service.currentCase()
    expect(snap.documents).toEqual([])
    expect(snap.claims).toEqual([])
    expect(snap.links).toEqual([])
  })
})

describe('claims', () => {
  it('anchors a claim by quote and position with context', async () => {
    const doc = await caseWithDocument()
    const claim = await service.createClaim({ documentId: doc.id, ...rangeOf(doc.text, 'at least 40 ships') })
    expect(claim.quote.exact).toBe('at least 40 ships')
    expect(claim.quote.prefix.endsWith('The minister said ')).toBe(true)
    expect(claim.quote.suffix.startsWith(' were held')).toBe(true)
    expect(claim).toMatchObject({ status: 'unverified', credibility: '6', sourceId: null, via: [] })
  })

  it('refuses ranges outside the text, blank selections and unknown sources', async () => {
    const doc = await caseWithDocument()
    await expect(service.createClaim({ documentId: doc.id, start: 0, end: doc.text.length + 5 })).rejects.toMatchObject(
      { code: 'invalid' }
    )
    const gap = doc.text.indexOf('\n\n')
    await expect(service.createClaim({ documentId: doc.id, start: gap, end: gap + 2 })).rejects.toThrow(/blank/)
    await expect(
      service.createClaim({ documentId: doc.id, start: 0, end: 5, sourceId: 'nobody' })
    ).rejects.toMatchObject({ code: 'not-found' })
    expect((await service.currentCase()).claims).toEqual([])
  })

  it('validates every call at the contract, naming the field', async () => {
    const doc = await caseWithDocument()
    await expect(
      dispatch(service, 'createClaim', [{ documentId: doc.id, start: 0, end: 5, credibility: '9' }])
    ).rejects.toThrow(/createClaim: argument 1 field "credibility"/)
    await expect(dispatch(service, 'createClaim', [{ documentId: doc.id, start: 5, end: 2 }])).rejects.toThrow(
      /end must be after start/
    )
    await expect(dispatch(service, 'dropDatabase', [])).rejects.toThrow(/unknown method "dropDatabase"/)
    await expect(dispatch(service, 'getDocument', [42])).rejects.toBeInstanceOf(ClaimdeskError)
  })

  it('keeps both of two overlapping edits of one claim', async () => {
    const doc = await caseWithDocument()
    const src = await service.createSource({ name: 'U.S. State Department', kind: 'organization' })
    const claim = await service.createClaim({ documentId: doc.id, ...rangeOf(doc.text, 'at least 40 ships') })
    await Promise.all([
      service.updateClaim(claim.id, { sourceId: src.id }),
      service.updateClaim(claim.id, { tags: ['combat'] })
    ])
    expect((await service.currentCase()).claims[0]).toMatchObject({ sourceId: src.id, tags: ['combat'] })
  })

  it('deletes with undo: the restored claim is identical', async () => {
    const doc = await caseWithDocument()
    const claim = await service.createClaim({
      documentId: doc.id,
      ...rangeOf(doc.text, 'at least 40 ships'),
      tags: ['shipping']
    })
    const removed = await service.deleteClaim(claim.id)
    expect((await service.currentCase()).claims).toEqual([])
    await dispatch(service, 'restoreClaim', [removed])
    expect((await service.currentCase()).claims).toEqual([claim])
    await expect(service.restoreClaim(removed)).rejects.toMatchObject({ code: 'conflict' })
  })

  it('undo of a deletion puts back the claim’s links and briefing citations', async () => {
    const doc = await caseWithDocument()
    const a = await service.createClaim({ documentId: doc.id, ...rangeOf(doc.text, 'at least 40 ships') })
    const b = await service.createClaim({ documentId: doc.id, ...rangeOf(doc.text, 'fewer than 25 ships') })
    const link = await service.createLink({ from: a.id, to: b.id, kind: 'contradicts', note: 'counts differ' })
    const briefing = await service.createBriefing({
      claimIds: [b.id, a.id],
      judgments: [{ id: 'j1', text: 'Counts differ.', confidence: 'low', claimIds: [a.id, b.id] }]
    })
    await service.restoreClaim(await service.deleteClaim(a.id))
    const snap = await service.currentCase()
    expect(snap.links).toEqual([link])
    expect(snap.briefings[0]).toMatchObject({
      id: briefing.id,
      claimIds: [b.id, a.id],
      judgments: [{ claimIds: [a.id, b.id] }]
    })
  })

  it('normalises tags and refuses a source relaying itself', async () => {
    const doc = await caseWithDocument()
    const src = await service.createSource({ name: 'Meridian News Agency', kind: 'outlet' })
    const claim = await service.createClaim({
      documentId: doc.id,
      start: 0,
      end: 8,
      tags: [' shipping ', 'Shipping', 'front  line']
    })
    expect(claim.tags).toEqual(['shipping', 'front line'])
    await expect(service.updateClaim(claim.id, { sourceId: src.id, via: [src.id] })).rejects.toThrow(/its own relay/)
  })
})

describe('sources', () => {
  it('refuses a second source with the same name', async () => {
    await service.newCase(join(dir, 'work'))
    await service.createSource({ name: 'Reuters', kind: 'outlet' })
    await expect(service.createSource({ name: 'reuters' })).rejects.toMatchObject({ code: 'conflict' })
  })

  it('merges two sources: claims and relays follow, the old name becomes an alias', async () => {
    const doc = await caseWithDocument()
    const a = await service.createSource({ name: 'Navy spokesman', aliases: ['the spokesman'] })
    const b = await service.createSource({ name: 'Ivo Dravic' })
    const agency = await service.createSource({ name: 'Meridian', kind: 'outlet' })
    const c1 = await service.createClaim({
      documentId: doc.id,
      ...rangeOf(doc.text, 'fewer than 25 ships'),
      sourceId: a.id,
      via: [agency.id]
    })
    const c2 = await service.createClaim({
      documentId: doc.id,
      ...rangeOf(doc.text, 'at least 40 ships'),
      sourceId: b.id,
      via: [a.id]
    })
    const merged = await service.mergeSources(a.id, b.id)
    expect(merged.aliases).toEqual(['Navy spokesman', 'the spokesman'])
    const snap = await service.currentCase()
    expect(snap.sources.map((s) => s.name).sort()).toEqual(['Ivo Dravic', 'Meridian'])
    expect(snap.claims.find((c) => c.id === c1.id)).toMatchObject({ sourceId: b.id, via: [agency.id] })
    // A relay that became the speaker itself is dropped from the chain.
    expect(snap.claims.find((c) => c.id === c2.id)).toMatchObject({ sourceId: b.id, via: [] })
  })

  it('deletes a source only when unused or with reassignment', async () => {
    const doc = await caseWithDocument()
    const a = await service.createSource({ name: 'A' })
    const b = await service.createSource({ name: 'B' })
    const claim = await service.createClaim({ documentId: doc.id, start: 0, end: 8, sourceId: a.id })
    await expect(service.deleteSource(a.id)).rejects.toThrow(/used by 1 claim/)
    await service.deleteSource(a.id, b.id)
    const snap = await service.currentCase()
    expect(snap.claims.find((c) => c.id === claim.id)?.sourceId).toBe(b.id)
    await service.deleteClaim(claim.id)
    await service.deleteSource(b.id)
    expect((await service.currentCase()).sources).toEqual([])
  })
})

describe('briefings', () => {
  it('stores a briefing and refuses citations of unknown claims', async () => {
    await caseWithDocument()
    const b = await service.createBriefing({ title: 'Sarn', bottomLine: 'Inspections continue.' })
    expect(b).toMatchObject({ title: 'Sarn', groupBy: 'source', claimIds: [] })
    await expect(service.updateBriefing(b.id, { claimIds: ['ghost'] })).rejects.toMatchObject({ code: 'not-found' })
  })
})
