import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Suggestion } from '../../../shared/analysis'
import type { Source } from '../../../shared/model'
import { loadedDesk, type TestDesk } from '../lib/testing/desk'
import { SuggestionQueue, withCurrentSources } from './suggestions.svelte'

const ARTICLE = [
  'Port traffic falls as patrols widen',
  '',
  'Harbour master Lena Ostrova said on Monday that 80 vessels had been turned back.',
  '',
  'An unnamed coast guard official told Reuters that at least 120 vessels were diverted.',
  '',
  'Ostrova added that the port would reopen within two weeks.',
  '',
  'The Ledger could not independently verify the figures.'
].join('\n')

let t: TestDesk | undefined
afterEach(async () => {
  await t?.dispose()
  t = undefined
})

function memory(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> & { keys(): string[] } {
  const m = new Map<string, string>()
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
    keys: () => [...m.keys()]
  }
}

async function setup(storage = memory(), article = ARTICLE) {
  t = await loadedDesk({ documents: { 'port.txt': article } })
  await t.desk.store.openDocument(t.documents['port.txt'])
  const queue = new SuggestionQueue(t.desk.store, storage)
  await queue.load()
  return { queue, store: t.desk.store, storage }
}

const said = (q: SuggestionQueue) => q.pending.map((s) => s.claim.text)

describe('SuggestionQueue', () => {
  it('works out the document’s suggestions and starts at the first', async () => {
    const { queue } = await setup()
    expect(queue.pending.length).toBeGreaterThanOrEqual(3)
    expect(said(queue).join(' | ')).toMatch(/80 vessels had been turned back/)
    expect(said(queue).join(' | ')).toMatch(/at least 120 vessels were diverted/)
    expect(queue.active?.id).toBe(queue.pending[0].id)
    const official = queue.pending.find((s) => s.claim.text.includes('120'))!
    expect(official.via.map((v) => v.name)).toEqual(['Reuters'])
  })

  it('accepts the active suggestion as a claim with its source, moves on, and undo brings it back', async () => {
    const { queue, store } = await setup()
    const first = queue.active!
    const second = queue.pending[1]
    const made = await queue.accept()
    expect(made).toHaveLength(1)
    expect(made[0].quote.exact).toBe(first.claim.text)
    expect(store.sources.map((s) => s.name)).toContain(first.speaker.name)
    expect(store.docClaims.map((c) => c.id)).toContain(made[0].id)
    expect(queue.pending.map((s) => s.id)).not.toContain(first.id)
    expect(queue.activeId).toBe(second.id)
    await store.step('undo')
    expect(queue.pending.map((s) => s.id)).toContain(first.id)
  })

  it('moves on when Enter is pressed, so a Backspace right after rejects the next suggestion, not the one accepted', async () => {
    const { queue, store } = await setup()
    const [first, second] = queue.pending
    const [made] = await Promise.all([queue.accept(), queue.reject()])
    expect(made.map((c) => c.quote.exact)).toEqual([first.claim.text])
    const { rejectedSuggestions } = await store.api.getDocument(store.currentDoc!.id)
    expect(rejectedSuggestions).toEqual([`${second.claim.start}:${second.claim.end}`])
  })

  it('accepts every suggestion of one speaker at once', async () => {
    const { queue, store } = await setup()
    const ostrova = queue.pending.find((s) => s.speaker.name.includes('Ostrova'))!
    const hers = queue.pending.filter((s) => s.speaker.entity === ostrova.speaker.entity)
    expect(hers.length).toBeGreaterThanOrEqual(2)
    const made = await queue.acceptSpeaker(ostrova.speaker.entity)
    expect(made).toHaveLength(hers.length)
    const source = store.sources.find((s) => s.name === ostrova.speaker.name)!
    expect(new Set(made.map((c) => c.sourceId))).toEqual(new Set([source.id]))
  })

  it('leaves the cursor beside where it was after accepting a speaker’s suggestions, not after their last', async () => {
    const mayor = 'Mayor Ivo Dask said on Tuesday that 40 berths were closed.'
    const { queue } = await setup(memory(), `${ARTICLE}\n\n${mayor}`)
    const [ostrova, official] = queue.pending
    expect([ostrova.speaker.name, official.claim.text]).toEqual([
      expect.stringContaining('Ostrova'),
      expect.stringContaining('120 vessels')
    ])
    expect(queue.pending.at(-1)!.speaker.name).toContain('Dask')
    await queue.acceptSpeaker(ostrova.speaker.entity)
    expect(queue.activeId).toBe(official.id)
  })

  it('leaves out a suggestion once a claim marked by hand covers any of its words', async () => {
    const { queue, store } = await setup()
    const target = queue.pending.find((s) => s.claim.text.includes('120'))!
    await store.createClaim(target.claim.start + 3, target.claim.start + 10)
    expect(queue.pending.map((s) => s.id)).not.toContain(target.id)
  })

  it('keeps rejections in the case, per document, and can bring them back or undo one', async () => {
    const { queue, store } = await setup()
    const [first, second] = queue.pending
    const rejecting = queue.reject(first.id)
    expect(queue.pending.map((s) => s.id)).not.toContain(first.id)
    const rejectingToo = queue.reject(second.id)
    expect(queue.pending.map((s) => s.id)).not.toContain(first.id)
    await Promise.all([rejecting, rejectingToo])
    expect(queue.rejectedCount).toBe(2)
    const { rejectedSuggestions } = await store.api.getDocument(store.currentDoc!.id)
    expect(new Set(rejectedSuggestions)).toEqual(new Set([first, second].map((s) => `${s.claim.start}:${s.claim.end}`)))
    // Another window on the case (a fresh queue, no storage at all) sees them rejected.
    const again = new SuggestionQueue(store, null)
    await again.load()
    expect(again.pending.map((s) => s.id)).not.toContain(first.id)
    expect(store.history.undo).toMatch(/^reject a suggestion in /)
    await store.step('undo')
    const back = again.pending.map((s) => s.id)
    // The later of the two rejections comes back; the other stays rejected.
    expect([back.includes(first.id), back.includes(second.id)].filter(Boolean)).toHaveLength(1)
    await again.restoreRejected()
    expect(again.pending.map((s) => s.id)).toContain(first.id)
  })

  it('puts the cursor back on a suggestion whose rejection was refused, and restores only what it shows', async () => {
    t = await loadedDesk({ documents: { 'port.txt': ARTICLE }, readOnly: true })
    await t.desk.store.openDocument(t.documents['port.txt'])
    const queue = new SuggestionQueue(t.desk.store, null)
    await queue.load()
    const first = queue.active!
    await queue.reject()
    expect([queue.activeId, queue.rejectedCount]).toEqual([first.id, 0])
    expect(queue.pending.map((s) => s.id)).toContain(first.id)
  })

  it('takes a suggestion out at once while it is accepted, and back with the cursor when that is refused', async () => {
    t = await loadedDesk({ documents: { 'port.txt': ARTICLE }, readOnly: true })
    await t.desk.store.openDocument(t.documents['port.txt'])
    const queue = new SuggestionQueue(t.desk.store, null)
    await queue.load()
    const first = queue.active!
    const accepting = queue.accept()
    expect(queue.pending.map((s) => s.id)).not.toContain(first.id)
    expect(await accepting).toEqual([])
    expect(queue.pending.map((s) => s.id)).toContain(first.id)
    expect(queue.active?.id).toBe(first.id)
  })

  it('brings back the rejections it shows, not those made in another window since', async () => {
    const { queue, store } = await setup()
    const [first, second] = queue.pending
    await queue.reject(first.id)
    // Another window rejects the second; this one has not heard of it.
    const spanOf = (s: Suggestion) => `${s.claim.start}:${s.claim.end}`
    await store.api.rejectSuggestions({ documentId: store.currentDoc!.id, spans: [spanOf(second)], rejected: true })
    await queue.restoreRejected()
    const { rejectedSuggestions } = await store.api.getDocument(store.currentDoc!.id)
    expect(rejectedSuggestions).toEqual([spanOf(second)])
  })

  it('moves rejections kept on this computer by an earlier version into the case, once', async () => {
    const storage = memory()
    const { queue } = await setup(storage)
    const first = queue.pending[0]
    const key = `claimdesk-rejected-suggestions:${t!.desk.store.info!.path}:${t!.desk.store.currentDoc!.id}`
    storage.setItem(key, JSON.stringify([`${first.claim.start}:${first.claim.end}`, 'not a span']))
    const moved = new SuggestionQueue(t!.desk.store, storage)
    await moved.load()
    await vi.waitFor(() => expect(storage.keys()).not.toContain(key))
    expect(moved.pending.map((s) => s.id)).not.toContain(first.id)
    const { rejectedSuggestions } = await t!.desk.store.api.getDocument(t!.desk.store.currentDoc!.id)
    expect(rejectedSuggestions).toEqual([`${first.claim.start}:${first.claim.end}`])
  })

  it('moves its cursor within the queue', async () => {
    const { queue } = await setup()
    const ids = queue.pending.map((s) => s.id)
    expect(queue.move(1)?.id).toBe(ids[1])
    expect(queue.move(-5)?.id).toBe(ids[0])
    expect(queue.move(99)?.id).toBe(ids[ids.length - 1])
  })

  it('matches speakers to the case’s sources as they are now: one made since, renamed or deleted', async () => {
    const { queue, store } = await setup()
    const official = () => queue.pending.find((s) => s.claim.text.includes('120'))!
    const ostrova = () => queue.pending.find((s) => s.speaker.name.includes('Ostrova'))!
    expect(ostrova().speaker.sourceId).toBeNull()
    const made = (await store.createSource({
      name: 'Ostrova',
      kind: 'person',
      description: '',
      reliability: 'F',
      aliases: []
    }))!
    expect(ostrova().speaker.sourceId).toBe(made.id)
    // An anonymous speaker answers only to its exact name or alias.
    await store.createSource({
      name: 'Coast guard',
      kind: 'organization',
      description: '',
      reliability: 'F',
      aliases: []
    })
    expect(official().speaker.sourceId).toBeNull()
    // Renamed, the source keeps its old name as an alias; deleted, it is gone.
    await store.updateSource(made.id, { name: 'Ingrid Holm' })
    expect(ostrova().speaker.sourceId).toBe(made.id)
    await store.deleteSource(made.id)
    expect(ostrova().speaker.sourceId).toBeNull()
  })

  it('passes the publisher’s caveat on as a grading hint', async () => {
    const { queue } = await setup()
    const graded = queue.pending.filter((s) => s.grading.credibility === '6' || s.grading.status === 'unverified')
    expect(graded.length).toBeGreaterThan(0)
  })
})

describe('a document too long to read for suggestions', () => {
  it('leaves the queue empty with the reason, not an error dialog', async () => {
    const paragraph = 'Harbour master Lena Ostrova said 80 vessels had been turned back. '.repeat(50)
    const long = ['A year of port reports', ...Array.from({ length: 130 }, () => paragraph)].join('\n\n')
    t = await loadedDesk({ documents: { 'year.txt': long } })
    await t.desk.store.openDocument(t.documents['year.txt'])
    const queue = new SuggestionQueue(t.desk.store, memory())
    await queue.load()
    expect(queue.pending).toEqual([])
    expect(queue.error).toMatch(/“A year of port reports” is too long to read for suggestions/)
    expect(t.desk.notices.errors).toHaveLength(0)
  })
})

describe('withCurrentSources', () => {
  const source = (id: string, name: string, kind: Source['kind'], aliases: string[] = []) =>
    ({ id, name, kind, aliases, description: '', reliability: 'F', createdAt: '', updatedAt: '' }) as Source
  const said = (name: string, kind: Source['kind'], sourceId: string | null = null) =>
    ({ id: name, speaker: { name, kind, aliases: [], mention: null, sourceId } }) as unknown as Suggestion
  it('keeps a source that still exists, finds one by the name rule, and lets a deleted one go', () => {
    const sources = [source('a', 'Ivo Laska', 'person'), source('b', 'Port Department', 'organization', ['PD'])]
    const got = withCurrentSources(
      [said('Laska', 'person'), said('Port Department', 'organization', 'gone'), said('Unnamed pilot', 'anonymous')],
      sources
    )
    expect(got.map((s) => s.speaker.sourceId)).toEqual(['a', 'b', null])
    const same = said('Ivo Laska', 'person', 'a')
    expect(withCurrentSources([same], sources)[0]).toBe(same)
  })
})
