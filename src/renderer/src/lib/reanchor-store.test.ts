// The store when claims move between versions: they leave the document they were on, in the reader
// and in cached views, and keep their links.
import { afterEach, describe, expect, it } from 'vitest'
import { twoVersions, type Versions } from './testing/versions'

let t: Versions
afterEach(() => t?.dispose())

describe('CaseStore re-anchoring', () => {
  it('claims re-anchored away leave the open earlier version; the orphan stays; links are kept', async () => {
    t = await twoVersions()
    const { store } = t.desk
    const { value: link, changes } = await t.api.createLink({
      from: t.claims.ships,
      to: t.claims.gone,
      kind: 'corroborates'
    })
    store.applyChanges(changes)
    await store.openDocument(t.oldId) // the new version's view, opened first, stays cached
    expect(store.docClaims).toHaveLength(3)
    expect(store.links.map((l) => l.id)).toEqual([link.id])

    const counts = await store.reanchorDocument(t.oldId, t.newId)
    expect(counts).toEqual({ exact: 0, moved: 1, fuzzy: 1, orphaned: 1 })
    expect(store.docClaims.map((c) => c.id)).toEqual([t.claims.gone])
    expect(store.links.map((l) => l.id)).toEqual([link.id])
    await store.openDocument(t.newId)
    expect(store.docClaims.map((c) => c.id).sort()).toEqual([t.claims.ships, t.claims.typo].sort())
    await store.openDocument(t.oldId)
    expect(store.docClaims.map((c) => c.id)).toEqual([t.claims.gone])
  })
})
