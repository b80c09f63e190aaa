import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { rangeOf, testService, type TestService } from '../testing/service'

let t: TestService
beforeEach(() => {
  t = testService()
})
afterEach(() => t.dispose())

describe('searchCase', () => {
  it('finds words in every document, in notes and topics, and among sources and aliases', async () => {
    const { api } = t
    await api.newCase(join(t.dir, 'work'))
    const { value } = await api.importFiles([
      { path: t.file('a.txt', 'Donbas report\n\nFighting near Pokrovsk continued. Pokrovsk is a rail hub.') },
      { path: t.file('b.txt', 'Second report\n\nNothing about that town here.') },
      { path: t.file('c.txt', 'Third report\n\nShelling reached POKROVSK overnight.') }
    ])
    const [a, , c] = value.map((r) => r.documentId!)
    const doc = (await api.getDocument(a)).document
    const { value: src } = await api.createSource({ name: 'Ivan Petrenko', aliases: ['the Pokrovsk mayor'] })
    const { value: claim } = await api.createClaim({
      documentId: a,
      ...rangeOf(doc.text, 'Fighting near'),
      note: 'Check against the Pokrovsk city council'
    })
    const found = await api.searchCase({ text: 'pokrovsk' })
    expect(found.total).toBe(3)
    expect(found.documents.map((d) => [d.documentId, d.count])).toEqual([
      [a, 2],
      [c, 1]
    ])
    expect(found.documents[0].hits[0]).toMatchObject({ match: 'Pokrovsk', before: 'Donbas report Fighting near ' })
    expect(found.claims.map((x) => [x.claim.id, x.field])).toEqual([[claim.id, 'note']])
    expect(found.sources).toEqual([{ sourceId: src.id, field: 'alias', text: 'the Pokrovsk mayor' }])
    const inOne = await api.searchCase({ text: 'pokrovsk', documentId: c })
    expect(inOne.documents.map((d) => d.documentId)).toEqual([c])
    expect(inOne.sources).toEqual([])
  })

  it('sees a document decoded again, and finds nothing for blank words', async () => {
    const { api } = t
    await api.newCase(join(t.dir, 'work'))
    await api.importFiles([{ path: t.file('a.txt', 'Title\n\nalpha beta') }])
    expect((await api.searchCase({ text: 'beta' })).total).toBe(1)
    expect(await api.searchCase({ text: '   ' })).toEqual({ documents: [], claims: [], sources: [], total: 0 })
  })
})
