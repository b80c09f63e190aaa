import { afterEach, describe, expect, it } from 'vitest'
import { loadedDesk, type TestDesk } from '../lib/testing/desk'
import { ConflictDesk } from './conflicts.svelte'
import { PORT_ARTICLE as ARTICLE, PORT_QUOTES as QUOTES } from './testing/port-article'

let t: TestDesk | undefined
afterEach(async () => {
  await t?.dispose()
  t = undefined
})

async function setup() {
  t = await loadedDesk({ documents: { 'port.txt': ARTICLE } })
  const { store } = t.desk
  await store.openDocument(t.documents['port.txt'])
  const text = store.currentDoc!.text
  const ids: string[] = []
  for (const q of QUOTES) {
    const start = text.indexOf(q)
    const claim = (await store.createClaim(start, start + q.length))!
    await store.updateClaim(claim.id, { tags: ['vessels turned back'] })
    ids.push(claim.id)
  }
  const desk = new ConflictDesk(store)
  await desk.refresh()
  return { desk, store, ids }
}

describe('ConflictDesk', () => {
  it('shows the engine’s proposal of one set for three diverging figures, and keeps it confirmed', async () => {
    const { desk, store, ids } = await setup()
    const proposal = desk.proposals.find((p) => p.kind === 'conflict')!
    expect(new Set(proposal.claimIds)).toEqual(new Set(ids))
    desk.show({ kind: 'proposal', key: proposal.key })
    const set = (await desk.decide(proposal, 'confirmed'))!
    expect(set.status).toBe('confirmed')
    expect(desk.confirmed.map((s) => s.id)).toEqual([set.id])
    expect(desk.item).toEqual({ kind: 'set', id: set.id })
    expect(desk.proposals.some((p) => p.key === proposal.key)).toBe(false)
    // Had the analyst moved on, the view stays where they went.
    desk.show({ kind: 'topics' })
    await desk.setStatus(set, 'dismissed')
    expect(desk.item).toEqual({ kind: 'topics' })
    await desk.setStatus(set, 'confirmed')
    // Asked again, the engine does not propose what the case keeps.
    await desk.refresh(true)
    expect(desk.proposals.some((p) => p.key === proposal.key)).toBe(false)
    await store.step('undo')
    expect(desk.confirmed).toHaveLength(0)
  })

  it('dismisses a proposal, which then stays out of the proposals', async () => {
    const { desk } = await setup()
    const proposal = desk.proposals.find((p) => p.kind === 'conflict')!
    await desk.decide(proposal, 'dismissed')
    expect(desk.dismissed).toHaveLength(1)
    await desk.refresh(true)
    expect(desk.proposals.some((p) => p.key === proposal.key)).toBe(false)
  })

  it('makes a set by hand from chosen claims, takes claims out, and the last but one takes the set', async () => {
    const { desk, ids } = await setup()
    desk.startDraft([ids[0], ids[2], ids[0]])
    expect(desk.draft!.claimIds).toEqual([ids[0], ids[2]])
    desk.draft!.subject = 'Vessel counts'
    const set = (await desk.saveDraft())!
    expect(set).toMatchObject({ basis: 'manual', status: 'confirmed', subject: 'Vessel counts', kind: 'conflict' })
    await desk.addClaim(set, ids[1])
    expect(desk.set!.claimIds).toEqual([ids[0], ids[2], ids[1]])
    await desk.removeClaim(desk.set!, ids[0])
    await desk.removeClaim(desk.set!, ids[2])
    expect(desk.confirmed).toHaveLength(0)
    expect(desk.item).toEqual({ kind: 'topics' })
  })

  it('loads sources by topic and the claims every item names', async () => {
    const { desk, store, ids } = await setup()
    const topic = desk.topics.find((x) => x.topic === 'vessels turned back')!
    expect(topic.claimCount).toBe(3)
    for (const id of ids) expect(store.claims.has(id)).toBe(true)
  })
})
