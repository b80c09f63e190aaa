// Claims following a new version, through the contract's gate on a real service and case file.
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ClaimdeskApi } from '../../shared/api'
import { rangeOf, steppingClock, testService, type TestService } from '../testing/service'

let t: TestService
let api: ClaimdeskApi

const v1 = [
  'Blockade Tightens on the Sarn',
  'The minister said at least 40 ships were held at the narrows.',
  'A navy spokesman said fewer than 25 ships were waiting, the agency reported.',
  'Fishermen said the coast guard had recieved orders to search every vessel.'
].join('\n\n')
const v2 = [
  'Blockade Tightens on the Sarn',
  'Updated at noon with comment from the harbour master.',
  'The minister said at least 40 ships were held at the narrows.',
  'Fishermen said the coast guard had received orders to search every vessel.'
].join('\n\n')

beforeEach(() => {
  t = testService({ now: steppingClock() })
  api = t.api
})
afterEach(() => t.dispose())

async function twoVersions() {
  await api.newCase(join(t.dir, 'work'))
  const [first] = (await api.importFiles([{ path: t.file('sarn.txt', v1) }])).value
  const old = (await api.getDocument(first.documentId!)).document
  const mark = async (quote: string) => (await api.createClaim({ documentId: old.id, ...rangeOf(v1, quote) })).value
  const claims = {
    ships: await mark('at least 40 ships'),
    gone: await mark('fewer than 25 ships were waiting'),
    typo: await mark('had recieved orders')
  }
  const link = (await api.createLink({ from: claims.ships.id, to: claims.typo.id, kind: 'corroborates' })).value
  const brief = (await api.createBriefing({ title: 'B', claimIds: [claims.ships.id, claims.typo.id] })).value
  const [second] = (await api.importFiles([{ path: t.file('sarn-v2.txt', v2) }])).value
  expect(second.message).toContain('new version of “Blockade Tightens on the Sarn”')
  return { oldId: old.id, newId: second.documentId!, claims, link, brief }
}

describe('reanchorDocument through the gate', () => {
  it('moves the claims onto the new version in one undoable change, with links and citations intact', async () => {
    const { oldId, newId, claims, link, brief } = await twoVersions()
    const { value, changes } = await api.reanchorDocument(oldId, newId)
    expect(value).toEqual({ exact: 0, moved: 1, fuzzy: 1, orphaned: 1 })
    expect(changes.claims?.put.map((c) => c.id).sort()).toEqual(
      [claims.ships.id, claims.gone.id, claims.typo.id].sort()
    )
    expect(changes.documents?.put.find((d) => d.id === newId)).toMatchObject({ claimCount: 2 })
    expect(changes.documents?.put.find((d) => d.id === oldId)).toMatchObject({ claimCount: 1 })
    expect(changes.history.undo).toBe('re-anchor 3 claims onto “Blockade Tightens on the Sarn”')

    const view = await api.getDocument(newId)
    expect(view.claims.map((c) => [c.quote.exact, c.anchor?.state])).toEqual([
      ['at least 40 ships', 'moved'],
      ['had received orders', 'fuzzy']
    ])
    for (const c of view.claims) expect(v2.slice(c.position.start, c.position.end)).toBe(c.quote.exact)
    expect(view.links).toEqual([link])
    expect((await api.briefingView(brief.id)).claims.map((c) => c.id)).toEqual([claims.ships.id, claims.typo.id])

    const orphans = await api.listClaims({ orphansOf: newId })
    expect(orphans.claims.map((c) => c.id)).toEqual([claims.gone.id])
    expect(orphans.claims[0]).toMatchObject({
      documentId: oldId,
      quote: claims.gone.quote,
      position: claims.gone.position
    })

    const undone = await api.undo()
    expect(undone.value).toBe('re-anchor 3 claims onto “Blockade Tightens on the Sarn”')
    expect((await api.getClaims([claims.ships.id, claims.gone.id, claims.typo.id])).map((c) => c.documentId)).toEqual([
      oldId,
      oldId,
      oldId
    ])
    expect((await api.listClaims({ orphansOf: newId })).total).toBe(0)
    await api.redo()
    expect((await api.getDocument(newId)).claims).toHaveLength(2)
  })

  it('accepts new wording and re-attaches an orphan, and keeps it all across close and reopen', async () => {
    const { oldId, newId, claims } = await twoVersions()
    await api.reanchorDocument(oldId, newId)
    const accepted = (await api.acceptAnchor(claims.typo.id)).value
    expect(accepted.anchor).toEqual({ state: 'fuzzy', score: expect.any(Number), fromDocumentId: oldId })
    await expect(api.acceptAnchor(claims.typo.id)).rejects.toMatchObject({ code: 'invalid' })

    const reattached = (
      await api.reattachClaim(claims.gone.id, ...(Object.values(rangeOf(v2, 'harbour master')) as [number, number]))
    ).value
    expect(reattached).toMatchObject({ documentId: newId, quote: { exact: 'harbour master' } })
    expect(reattached.anchor).toBeUndefined()

    const path = (await api.currentCase()).info.path
    await t.service.close()
    await api.openCase(path)
    const [typo, gone] = await api.getClaims([claims.typo.id, claims.gone.id])
    expect(typo.anchor).toEqual(accepted.anchor)
    expect(gone).toEqual(reattached)
  })

  it('checks its arguments at the gate and names what is wrong', async () => {
    const { oldId, claims } = await twoVersions()
    await expect(api.reattachClaim(claims.ships.id, 10, 10)).rejects.toThrow(
      'reattachClaim: argument 3: end must be after start'
    )
    await expect(api.reanchorDocument(oldId, oldId)).rejects.toThrow(/onto itself/)
    await expect(api.reanchorDocument(oldId, 'missing')).rejects.toMatchObject({ code: 'not-found' })
  })
})
