import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CaseChanges } from '../../../shared/api'
import { ClaimdeskError } from '../../../shared/errors'
import { CaseStore } from './case.svelte'
import { Notices } from './notices.svelte'
import { loadedDesk, type TestDesk } from './testing/desk'

const text = 'Kursk report\n\nRussia has deployed just under 60,000 troops to Kursk, the source said.'
const second = 'Second\n\nZelensky said 50,000 troops were fighting.'

let t: TestDesk
afterEach(() => t?.dispose())

function memoryStorage() {
  const memory = new Map<string, string>()
  return { getItem: (k: string) => memory.get(k) ?? null, setItem: (k: string, v: string) => void memory.set(k, v) }
}

describe('CaseStore', () => {
  it('loads the overview and opens the first document, or the last one read', async () => {
    t = await loadedDesk({ documents: { 'a.txt': text, 'b.txt': second } })
    const storage = memoryStorage()
    const store = new CaseStore(t.api, new Notices(), storage)
    await store.load()
    expect(store.info?.name).toBe('case')
    expect(store.currentDoc?.id).toBe(t.documents['a.txt'])
    await store.openDocument(t.documents['b.txt'])
    const again = new CaseStore(t.api, new Notices(), storage)
    await again.load()
    expect(again.currentDoc?.id).toBe(t.documents['b.txt'])
  })

  it('tells of references a hand-edited case holds to nothing, in a toast that stays until dismissed', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] })
    t = await loadedDesk({ documents: { 'a.txt': text } })
    const api = {
      ...t.api,
      currentCase: async () => {
        const overview = await t.api.currentCase()
        return {
          ...overview,
          info: { ...overview.info, brokenReferences: ['link l links claim zz, which the case does not have'] }
        }
      }
    }
    const notices = new Notices()
    await new CaseStore(api, notices, memoryStorage()).load()
    vi.advanceTimersByTime(60_000)
    vi.useRealTimers()
    expect(notices.toasts.map((n) => n.message)).toEqual([
      expect.stringMatching(
        /^This case file names things it does not hold .*: link l links claim zz, which the case does not have\. /
      )
    ])
  })

  it('never asks for the whole case: a new claim comes back with the counts it moved', async () => {
    t = await loadedDesk({ documents: { 'a.txt': text } })
    const { store } = t.desk
    const before = t.calls.length
    const start = text.indexOf('Russia')
    const claim = await store.createClaim(start, start + 52)
    expect(claim?.quote.exact).toBe('Russia has deployed just under 60,000 troops to Kurs')
    expect(store.docClaims.map((c) => c.id)).toEqual([claim!.id])
    expect(store.focusedClaimId).toBe(claim!.id)
    expect(store.editorFocus?.field).toBe('source')
    expect(store.documentsById.get(t.documents['a.txt'])?.claimCount).toBe(1)
    expect(store.claimCount).toBe(1)
    expect(t.calls.slice(before).map((c) => c.method)).toEqual(['createClaim'])
  })

  it('a claim marked just before moving to another document does not pull the reader back', async () => {
    t = await loadedDesk({ documents: { 'a.txt': text, 'b.txt': second } })
    const { store } = t.desk
    const marking = store.createClaim(14, 20)
    await store.openDocument(t.documents['b.txt'])
    const claim = (await marking)!
    expect(claim.documentId).toBe(t.documents['a.txt'])
    expect(store.focusedClaimId).not.toBe(claim.id)
    expect(store.currentDoc?.id).toBe(t.documents['b.txt'])
  })

  it('focusing a claim without asking to edit leaves the editor alone', async () => {
    t = await loadedDesk({ documents: { 'a.txt': text } })
    const { store } = t.desk
    const claim = (await store.createClaim(14, 20))!
    expect(store.editorFocus?.field).toBe('source')
    store.focusClaim(claim.id)
    expect(store.editorFocus).toBeNull()
  })

  it('a failed change is reported once, in place when asked, and changes nothing shown', async () => {
    t = await loadedDesk({ documents: { 'a.txt': text } })
    const { store, notices } = t.desk
    const claim = (await store.createClaim(14, 20))!
    const errors: string[] = []
    expect(await store.updateClaim(claim.id, { sourceId: 'nobody' }, { onError: (e) => errors.push(e.message) })).toBe(
      undefined
    )
    expect(errors).toEqual(['no source with id nobody'])
    expect(notices.errors).toEqual([])
    expect(await store.updateClaim(claim.id, { sourceId: 'nobody' })).toBeUndefined()
    expect(notices.errors.map((e) => e.message)).toEqual(['no source with id nobody'])
    expect(store.claims.get(claim.id)?.sourceId).toBeNull()
  })

  it('keeps the newest version when replies arrive out of order', async () => {
    t = await loadedDesk({ documents: { 'a.txt': text } })
    const { store } = t.desk
    const claim = (await store.createClaim(14, 20))!
    const newer: CaseChanges = {
      revision: 50,
      claims: { put: [{ ...claim, note: 'newer' }], removed: [] },
      claimCount: 1,
      history: { undo: 'note', redo: null }
    }
    const older: CaseChanges = {
      revision: 49,
      claims: { put: [{ ...claim, note: 'older' }], removed: [] },
      claimCount: 1,
      history: { undo: 'older', redo: null }
    }
    store.applyChanges(newer)
    store.applyChanges(older)
    expect(store.claims.get(claim.id)?.note).toBe('newer')
    expect(store.docClaims[0].note).toBe('newer')
    expect(store.history.undo).toBe('note')
    // A late removal does not take away a claim put back since.
    store.applyChanges({ ...older, claims: { put: [], removed: [claim.id] } })
    expect(store.claims.has(claim.id)).toBe(true)
  })

  it('deleting a linked claim takes its link away, and Undo puts both back', async () => {
    t = await loadedDesk({ documents: { 'a.txt': text } })
    const { store, notices } = t.desk
    const a = (await store.createClaim(14, 20))!
    const b = (await store.createClaim(30, 45))!
    await store.createLink({ from: a.id, to: b.id, kind: 'contradicts' })
    expect(store.links).toHaveLength(1)
    await store.deleteClaim(a.id)
    expect(store.links).toEqual([])
    expect(store.docClaims.map((c) => c.id)).toEqual([b.id])
    expect(notices.toasts.at(-1)?.actions.map((x) => x.label)).toEqual(['Undo'])
    await notices.toasts.at(-1)!.actions[0].run()
    expect(store.docClaims.map((c) => c.id)).toEqual([a.id, b.id])
    expect(store.links.map((l) => [l.from, l.to])).toEqual([[a.id, b.id]])
    expect(store.focusedClaimId).toBe(a.id)
    expect(notices.toasts.at(-1)?.message).toBe('Undo: delete “Russia”')
  })

  it('undo and redo reach across documents and name the change', async () => {
    t = await loadedDesk({ documents: { 'a.txt': text, 'b.txt': second } })
    const { store, notices } = t.desk
    const claim = (await store.createClaim(14, 20))!
    await store.updateClaim(claim.id, { status: 'contradicted' })
    await store.openDocument(t.documents['b.txt'])
    await store.step('undo')
    expect(notices.toasts.at(-1)?.message).toBe('Undo: status → Contradicted')
    expect(store.claims.get(claim.id)?.status).toBe('unverified')
    await expect.poll(() => store.currentDoc?.id).toBe(t.documents['a.txt'])
    expect(store.history).toEqual({ undo: 'mark “Russia”', redo: 'status → Contradicted' })
    await store.step('redo')
    expect(store.claims.get(claim.id)?.status).toBe('contradicted')
  })

  it('going back to a document shows the claims marked while it was open (its cached view is refreshed)', async () => {
    t = await loadedDesk({ documents: { 'a.txt': text, 'b.txt': second } })
    const { store } = t.desk
    await store.createClaim(14, 20)
    await store.openDocument(t.documents['b.txt'])
    await store.openDocument(t.documents['a.txt'])
    expect(store.docClaims.map((c) => c.quote.exact)).toEqual([text.slice(14, 20)])
  })

  it('an edit to one claim touches that claim: the open document keeps its order and a switch back shows the edit', async () => {
    t = await loadedDesk({ documents: { 'a.txt': text, 'b.txt': second } })
    const { store } = t.desk
    const late = (await store.createClaim(30, 45))!
    const early = (await store.createClaim(14, 20))!
    expect(store.docClaims.map((c) => c.id)).toEqual([early.id, late.id])
    const version = store.docClaimsVersion
    const before = store.docClaims
    await store.updateClaim(late.id, { status: 'confirmed' })
    expect(store.docClaimsVersion).toBeGreaterThan(version)
    expect(store.docClaims).not.toBe(before)
    expect(store.docClaims.map((c) => [c.id, c.status])).toEqual([
      [early.id, 'unverified'],
      [late.id, 'confirmed']
    ])
    expect(store.docIndex.overlapping(31, 32).map((c) => c.id)).toEqual([late.id])
    await store.openDocument(t.documents['b.txt'])
    expect(store.docClaims).toEqual([])
    // The document's cached view was opened before the edit: it must not bring back the old claim.
    await store.openDocument(t.documents['a.txt'])
    expect(store.docClaims.find((c) => c.id === late.id)?.status).toBe('confirmed')
  })

  it('an edit is shown at once and sent once drawn; a change made meanwhile is sent after it', async () => {
    t = await loadedDesk({ documents: { 'a.txt': text } })
    const { store } = t.desk
    const claim = (await store.createClaim(14, 20))!
    const frames: FrameRequestCallback[] = []
    vi.stubGlobal('requestAnimationFrame', (fn: FrameRequestCallback) => frames.push(fn))
    try {
      const before = t.calls.length
      const edit = store.updateClaim(claim.id, { status: 'confirmed' })
      const undo = store.step('undo')
      expect(store.claims.get(claim.id)?.status).toBe('confirmed')
      await new Promise((done) => setTimeout(done, 20))
      expect(t.calls.slice(before)).toEqual([])
      frames.forEach((fn) => fn(0))
      await edit
      await undo
      expect(t.calls.slice(before).map((c) => c.method)).toEqual(['updateClaim', 'undo'])
      expect(store.claims.get(claim.id)?.status).toBe('unverified')
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('a span being marked is drawn until its claim takes its place, and goes if the claim is refused', async () => {
    t = await loadedDesk({ documents: { 'a.txt': text } })
    const { store } = t.desk
    const doc = t.documents['a.txt']
    const made = store.createClaim(14, 20)
    expect(store.markingSpans).toEqual([{ documentId: doc, start: 14, end: 20 }])
    expect(store.docClaims).toEqual([])
    const claim = await made
    expect(store.markingSpans).toEqual([])
    expect(store.docClaims.map((c) => c.id)).toEqual([claim!.id])

    const refused = store.createClaim(20, text.length + 50)
    expect(store.markingSpans).toHaveLength(1)
    expect(await refused).toBeUndefined()
    expect(store.markingSpans).toEqual([])
    expect(store.docClaims).toHaveLength(1)
  })

  it('a deleted document is replaced in the reader by the next one', async () => {
    t = await loadedDesk({ documents: { 'a.txt': text, 'b.txt': second } })
    const { store } = t.desk
    await store.deleteDocument(t.documents['a.txt'])
    expect(store.documents.map((d) => d.id)).toEqual([t.documents['b.txt']])
    await expect.poll(() => store.currentDoc?.id).toBe(t.documents['b.txt'])
  })

  it('shows the new text when a document is decoded again', async () => {
    t = await loadedDesk({ documents: { 'a.txt': text } })
    const { store } = t.desk
    const id = t.documents['a.txt']
    await store.reimportDocument(id, 'windows-1251')
    await expect.poll(() => store.currentDoc?.provenance.encoding).toBe('windows-1251')
  })
})

describe('case events', () => {
  it('tells the analyst what happened to the case outside any call, and follows it to a new file', async () => {
    t = await loadedDesk({ documents: { 'a.txt': text } })
    const { store, notices } = t.desk
    const events = [
      { seq: 1, kind: 'save-failed' as const, message: 'case.claimdesk.json could not be saved: the disk is full' },
      { seq: 2, kind: 'diverged' as const, message: 'case.claimdesk.json was replaced by another program' }
    ]
    let asked = 0
    t.api.caseEvents = async (after) => {
      asked++
      const found = events.filter((e) => e.seq > after)
      if (found.length === 0) await new Promise((r) => setTimeout(r, 5))
      return found
    }
    const overviews = () => t.calls.filter((c) => c.method === 'currentCase').length
    const before = overviews()
    const stop = store.watchEvents()
    await vi.waitFor(() => expect(notices.errors.map((e) => e.message)).toEqual(events.map((e) => e.message)))
    await vi.waitFor(() => expect(overviews()).toBe(before + 1))
    await vi.waitFor(() => expect(asked).toBeGreaterThan(3))
    stop()
  })
})

describe('a backend that stops answering', () => {
  it('is said while it does not answer, and the notice goes when it answers again', async () => {
    t = await loadedDesk({ documents: { 'a.txt': text } })
    const { store, notices } = t.desk
    let answering = false
    t.api.caseEvents = async () => {
      if (!answering) throw new TypeError('Failed to fetch')
      await new Promise((r) => setTimeout(r, 20))
      return []
    }
    vi.useFakeTimers({ toFake: ['setTimeout'] })
    const stop = store.watchEvents()
    await vi.waitFor(() =>
      expect(notices.errors.map((e) => e.message)).toEqual([
        expect.stringMatching(/^Claimdesk’s backend is not answering/)
      ])
    )
    answering = true
    await vi.advanceTimersByTimeAsync(5_000)
    vi.useRealTimers()
    await vi.waitFor(() => expect(notices.errors).toEqual([]))
    stop()
  })
})

describe('two windows on one case', () => {
  it('each shows what the other changes, without reading the case again', async () => {
    t = await loadedDesk({ documents: { 'a.txt': text } })
    const mine = t.desk.store
    const other = new CaseStore(t.api, new Notices(), memoryStorage())
    await other.load()
    const stop = other.watchEvents()
    const start = text.indexOf('Russia')
    const claim = (await mine.createClaim(start, start + 6))!
    await vi.waitFor(() => expect(other.docClaims.map((c) => c.id)).toEqual([claim.id]))
    expect(other.claimCount).toBe(1)
    await mine.updateClaim(claim.id, { note: 'from the other window' })
    await vi.waitFor(() => expect(other.claims.get(claim.id)?.note).toBe('from the other window'))
    const overviews = t.calls.filter((c) => c.method === 'currentCase').length
    await mine.step('undo')
    await vi.waitFor(() => expect(other.claims.get(claim.id)?.note).toBe(''))
    expect(t.calls.filter((c) => c.method === 'currentCase').length).toBe(overviews)
    stop()
  })

  it('shows the case another window opened, and goes on hearing of its changes', async () => {
    t = await loadedDesk({ documents: { 'a.txt': text } })
    const window = new CaseStore(t.api, new Notices(), memoryStorage())
    await window.load()
    const stop = window.watchEvents()
    const other = await t.api.newCase(join(t.service.dir, 'other'))
    await vi.waitFor(() => expect(window.info?.path).toBe(other.info.path))
    expect(window.documents).toEqual([])
    await t.api.createSource({ name: 'Later' })
    await vi.waitFor(() => expect(window.sources.map((s) => s.name)).toEqual(['Later']))
    stop()
  })

  it('after a change too big to be told, reads the case again keeping the document and the claim being edited', async () => {
    t = await loadedDesk({ documents: { 'a.txt': text, 'b.txt': second } })
    const storage = memoryStorage()
    const window = new CaseStore(t.api, new Notices(), storage)
    await window.load()
    await window.openDocument(t.documents['b.txt'])
    const claim = (await window.createClaim(8, 16))!
    window.focusClaim(claim.id)
    // Another window moves on to a.txt (the last document read is kept per browser) and adds a claim here.
    storage.setItem(`claimdesk-last-document:${window.info!.path}`, t.documents['a.txt'])
    const { value: added, changes } = await t.api.createClaim({ documentId: t.documents['b.txt'], start: 20, end: 26 })
    const real = t.api.caseEvents
    let told = false
    t.api.caseEvents = async (after, wait) => {
      if (told) return real(after, wait)
      told = true
      return [{ seq: after + 1, kind: 'changed', message: '', details: { revision: changes.revision } }]
    }
    const stop = window.watchEvents()
    await vi.waitFor(() => expect(window.docClaims.map((c) => c.id)).toContain(added.id))
    expect(window.currentDoc?.id).toBe(t.documents['b.txt'])
    expect(window.focusedClaimId).toBe(claim.id)
    stop()
  })

  it('reads the case afresh when the same file was opened again (a backup restored)', async () => {
    t = await loadedDesk({ documents: { 'a.txt': text } })
    const window = new CaseStore(t.api, new Notices(), memoryStorage())
    await window.load()
    const path = window.info!.path
    const { changes } = await t.api.createSource({ name: 'After the restore' })
    const real = t.api.caseEvents
    let told = false
    t.api.caseEvents = async (after, wait) => {
      if (told) return real(after, wait)
      told = true
      return [{ seq: after + 1, kind: 'switched', message: '', details: { path, revision: changes.revision } }]
    }
    const stop = window.watchEvents()
    await vi.waitFor(() => expect(window.sources.map((s) => s.name)).toEqual(['After the restore']))
    stop()
  })

  it('reads the case again when it missed events (the backend keeps only the newest)', async () => {
    t = await loadedDesk({ documents: { 'a.txt': text } })
    const window = new CaseStore(t.api, new Notices(), memoryStorage())
    await window.load()
    const real = t.api.caseEvents
    let calls = 0
    t.api.caseEvents = async (after, wait) => {
      calls++
      if (calls !== 2) return real(after, calls === 1 ? 0 : wait)
      await t.api.createSource({ name: 'Told while this window slept' })
      return [{ seq: after + 10, kind: 'saved', message: '' }]
    }
    const stop = window.watchEvents()
    await vi.waitFor(() => expect(window.sources.map((s) => s.name)).toEqual(['Told while this window slept']))
    stop()
  })
})

describe('cases that cannot open as they are', () => {
  it('offers to recover the changes before a damaged journal line, and to break a lock no Claimdesk holds', async () => {
    t = await loadedDesk({ documents: { 'a.txt': text } })
    const { store, notices } = t.desk
    const path = '/cases/x.claimdesk.json'
    store.report(
      new ClaimdeskError('corrupt', 'x.claimdesk.json.journal is damaged at line 3', {
        path,
        journal: { damagedLine: 3, recoverable: 2 },
        backups: []
      })
    )
    expect(notices.errors.at(-1)?.actions.map((a) => a.label)).toEqual(['Recover the 2 changes before the damage'])
    const opened: unknown[] = []
    t.api.openCase = async (p, o) => {
      opened.push([p, o])
      throw new ClaimdeskError('not-found', 'gone')
    }
    await notices.errors.at(-1)!.actions[0].run()
    expect(opened).toEqual([[path, { recoverJournal: true }]])

    store.report(
      new ClaimdeskError('locked', 'x is locked by process 123', {
        path,
        breakable: true,
        reason: 'process 123 is not Claimdesk'
      })
    )
    const labels = notices.errors.at(-1)!.actions.map((a) => a.label)
    expect(labels).toEqual(['Open read-only', 'Break the lock…'])
    const asked: string[] = []
    store.confirm = async (_title, _action, message) => (asked.push(message), false)
    await notices.errors.at(-1)!.actions[1].run()
    expect(asked[0]).toMatch(/process 123 is not Claimdesk.*two writers would lose each other's changes/)
    expect(opened).toHaveLength(1) // declined: nothing opened
    store.confirm = async () => true
    await notices.errors.at(-1)!.actions[1].run()
    expect(opened.at(-1)).toEqual([path, { breakLock: true }])
  })
})
