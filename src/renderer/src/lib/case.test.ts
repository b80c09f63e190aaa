// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { ClaimdeskError } from '../../../shared/errors'
import { CaseStore } from './case.svelte'
import { Notices } from './notices.svelte'
import { makeDocument, makeSource, memoryApi } from './testing/memory-api'

const text = 'Kursk report\n\nRussia has deployed just under 60,000 troops to Kursk, the source said.'

function setup(extra: Parameters<typeof memoryApi>[0] = {}) {
  const api = memoryApi({ documents: [makeDocument('d1', text), makeDocument('d2', 'Second\n\nBody')], ...extra })
  const notices = new Notices()
  const memory = new Map<string, string>()
  const storage = {
    getItem: (k: string) => memory.get(k) ?? null,
    setItem: (k: string, v: string) => void memory.set(k, v)
  }
  return { api, notices, store: new CaseStore(api, notices, storage), storage }
}

describe('CaseStore', () => {
  it('loads the case and opens the first document, or the last one read', async () => {
    const { api, notices, store, storage } = setup()
    await store.load()
    expect(store.info?.title).toBe('Test case')
    expect(store.currentDoc?.id).toBe('d1')
    await store.openDocument('d2')
    const again = new CaseStore(api, notices, storage)
    await again.load()
    expect(again.currentDoc?.id).toBe('d2')
  })

  it('adds a new claim from the returned value without refetching, and focuses it for editing', async () => {
    const { api, store } = setup()
    await store.load()
    const start = text.indexOf('Russia')
    const claim = await store.createClaim(start, start + 52)
    expect(claim?.quote.exact).toBe('Russia has deployed just under 60,000 troops to Kurs')
    expect(store.claims.map((c) => c.id)).toEqual([claim!.id])
    expect(store.focusedClaimId).toBe(claim!.id)
    expect(store.editorFocus?.field).toBe('source')
    expect(store.claimCountByDoc.get('d1')).toBe(1)
    expect(api.data.calls.filter((c) => c.method === 'currentCase')).toEqual([])
  })

  it('patches a claim from updateClaim and reports a failed save inline', async () => {
    const { api, store } = setup()
    await store.load()
    const claim = (await store.createClaim(14, 20))!
    await store.updateClaim(claim.id, { status: 'confirmed' })
    expect(store.claims[0].status).toBe('confirmed')
    expect(store.saveState.state).toBe('saved')
    api.updateClaim = async () => {
      throw new ClaimdeskError('read-only', 'The case is open read-only')
    }
    await store.updateClaim(claim.id, { status: 'false' })
    expect(store.saveState).toEqual({ state: 'error', message: 'The case is open read-only' })
    expect(store.claims[0].status).toBe('confirmed')
  })

  it('deletes a claim with an Undo toast that restores it in place', async () => {
    const { api, notices, store } = setup()
    await store.load()
    const a = (await store.createClaim(14, 20))!
    const b = (await store.createClaim(21, 30))!
    await store.deleteClaim(a.id)
    expect(store.claims.map((c) => c.id)).toEqual([b.id])
    const toast = notices.toasts.at(-1)!
    expect(toast.message).toContain('Deleted claim')
    await toast.actions[0].run()
    expect(store.claims.map((c) => c.id)).toEqual([a.id, b.id])
    expect(api.data.calls.some((c) => c.method === 'restoreClaim')).toBe(true)
    // a second undo does nothing
    await toast.actions[0].run()
    expect(store.claims).toHaveLength(2)
  })

  it('updates document metadata in the list and in the reader', async () => {
    const { store } = setup()
    await store.load()
    await store.updateDocument('d1', { outlet: 'Newsweek', published: '2024-11-23' })
    expect(store.documents.find((d) => d.id === 'd1')?.outlet).toBe('Newsweek')
    expect(store.currentDoc?.published).toBe('2024-11-23')
  })

  it('deletes a document with its claims and opens the next one', async () => {
    const { store } = setup()
    await store.load()
    await store.createClaim(14, 20)
    expect(await store.deleteDocument('d1')).toBe(true)
    expect(store.documents.map((d) => d.id)).toEqual(['d2'])
    expect(store.claims).toEqual([])
    expect(store.currentDoc?.id).toBe('d2')
  })

  it('offers the newest backup for a corrupt case and read-only for a locked one', async () => {
    const { api, notices, store } = setup()
    const restored: string[] = []
    api.restoreBackup = async (path, file) => {
      restored.push(`${path} <- ${file}`)
      return api.currentCase()
    }
    store.report(
      new ClaimdeskError('corrupt', 'kursk.claimdesk.json is not valid JSON', {
        path: '/c/kursk.claimdesk.json',
        backups: [
          { file: 'b1.json', savedAt: '2024-11-01T00:00:00Z', size: 1 },
          { file: 'b2.json', savedAt: '2024-11-02T00:00:00Z', size: 1 }
        ]
      })
    )
    const corrupt = notices.errors.at(-1)!
    expect(corrupt.actions.map((a) => a.label)).toEqual(['Open newest good backup'])
    await corrupt.actions[0].run()
    expect(restored).toEqual(['/c/kursk.claimdesk.json <- b2.json'])

    const opened: unknown[] = []
    api.openCase = async (path, options) => {
      opened.push([path, options])
      return api.currentCase()
    }
    store.report(new ClaimdeskError('corrupt', 'x is empty', { file: '/c/x.claimdesk.json', backups: [] }))
    expect(notices.errors.at(-1)!.actions).toEqual([])

    store.report(new ClaimdeskError('locked', 'Another process has this case open'), '/c/k.claimdesk.json')
    await notices.errors.at(-1)!.actions[0].run()
    expect(opened).toEqual([['/c/k.claimdesk.json', { readOnly: true }]])
  })

  it('shows the welcome state when no case is open, without an error', async () => {
    const { api, notices, store } = setup()
    api.currentCase = async () => {
      throw new ClaimdeskError('no-case', 'No case is open')
    }
    await store.load()
    expect(store.noCase).toBe(true)
    expect(notices.errors).toEqual([])
  })

  it('counts claims per source as speaker and as relay', async () => {
    const isw = makeSource('ISW')
    const reuters = makeSource('Reuters')
    const { store } = setup({ sources: [isw, reuters] })
    await store.load()
    const claim = (await store.createClaim(14, 20))!
    await store.updateClaim(claim.id, { sourceId: isw.id, via: [reuters.id] })
    expect(store.claimCountBySource.get(isw.id)).toBe(1)
    expect(store.relayCountBySource.get(reuters.id)).toBe(1)
    expect(store.claimCountBySource.get(reuters.id)).toBeUndefined()
  })
})
