import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ClaimdeskApi } from '../../shared/api'
import type { Claim } from '../../shared/model'
import { rangeOf, steppingClock, testService, type TestService } from '../testing/service'

let t: TestService
let api: ClaimdeskApi
const made: Record<string, Claim> = {}

const textA = 'First report\n\nAldric Venn said 40 ships waited. The navy said 25 ships waited. Nobody said 31 ships.'
const textB = 'Second report\n\nThe port said 31 ships waited at dawn.'

beforeEach(async () => {
  t = testService({ now: steppingClock() })
  api = t.api
  await api.newCase(join(t.dir, 'work'))
  const { value } = await api.importFiles([{ path: t.file('a.txt', textA) }, { path: t.file('b.txt', textB) }])
  const [a, b] = await Promise.all(value.map(async (r) => (await api.getDocument(r.documentId!)).document))
  const { value: venn } = await api.createSource({ name: 'Aldric Venn', aliases: ['the minister'] })
  const { value: navy } = await api.createSource({ name: 'Navy' })
  const { value: port } = await api.createSource({ name: 'Port authority' })
  const add = async (key: string, docId: string, text: string, quote: string, extra: Partial<Claim>) =>
    (made[key] = (await api.createClaim({ documentId: docId, ...rangeOf(text, quote), ...extra } as never)).value)
  await add('venn', a.id, a.text, '40 ships waited', { sourceId: venn.id, tags: ['ships', 'harbour'] })
  await add('navy', a.id, a.text, '25 ships waited', { sourceId: navy.id, via: [venn.id], tags: ['ships'] })
  await add('none', a.id, a.text, 'Nobody said 31', { note: 'unclear who' })
  await add('port', b.id, b.text, '31 ships waited at dawn', { sourceId: port.id, status: 'contradicted' })
})

afterEach(() => t.dispose())

const ids = (claims: Claim[]) => claims.map((c) => Object.entries(made).find(([, m]) => m.id === c.id)![0])

describe('listClaims', () => {
  it('lists in document and text order, a page at a time', async () => {
    const page = await api.listClaims({ limit: 2 })
    expect(page.total).toBe(4)
    expect(ids(page.claims)).toEqual(['venn', 'navy'])
    expect(ids((await api.listClaims({ offset: 2, limit: 2 })).claims)).toEqual(['none', 'port'])
  })

  it('groups by source (by name, unattributed last) with counts for the whole result', async () => {
    const page = await api.listClaims({ sort: 'source' })
    expect(ids(page.claims)).toEqual(['venn', 'navy', 'port', 'none'])
    expect(page.groups.map((g) => g.count)).toEqual([1, 1, 1, 1])
    expect(page.groups.at(-1)).toEqual({ key: '', count: 1 })
  })

  it('groups by topic with a claim in each of its topics, untagged last', async () => {
    const page = await api.listClaims({ sort: 'topic' })
    expect(page.groups).toEqual([
      { key: 'harbour', count: 1 },
      { key: 'ships', count: 2 },
      { key: '', count: 2 }
    ])
    expect(ids(page.claims)).toEqual(['venn', 'venn', 'navy', 'none', 'port'])
    expect(page.total).toBe(5)
  })

  it('filters by document, source (speaker or relay), tag, status and words in quotes, notes and source names', async () => {
    const docA = made.venn.documentId
    expect(ids((await api.listClaims({ documentId: docA })).claims)).toEqual(['venn', 'navy', 'none'])
    expect(ids((await api.listClaims({ sourceId: made.venn.sourceId! })).claims)).toEqual(['venn', 'navy'])
    expect(ids((await api.listClaims({ sourceId: 'none' })).claims)).toEqual(['none'])
    expect(ids((await api.listClaims({ tag: 'harbour' })).claims)).toEqual(['venn'])
    expect(ids((await api.listClaims({ status: 'contradicted' })).claims)).toEqual(['port'])
    expect(ids((await api.listClaims({ text: 'UNCLEAR' })).claims)).toEqual(['none'])
    expect(ids((await api.listClaims({ text: 'minister ships' })).claims)).toEqual(['venn', 'navy'])
  })

  it('answers each keystroke of a filter as if typed at once, narrowing, widening and after a change', async () => {
    const typed = async (text: string, sourceId?: string) => ids((await api.listClaims({ text, sourceId })).claims)
    expect(await typed('s')).toEqual(['venn', 'navy', 'none', 'port'])
    expect(await typed('sh')).toEqual(['venn', 'navy', 'port'])
    expect(await typed('ship at')).toEqual(['port'])
    expect(await typed('ship')).toEqual(['venn', 'navy', 'port'])
    expect(await typed('ship', made.venn.sourceId!)).toEqual(['venn', 'navy'])
    expect(await typed('ships minis', made.venn.sourceId!)).toEqual(['venn', 'navy'])
    expect(await typed('ships minis')).toEqual(['venn', 'navy'])
    await api.updateClaim(made.port.id, { via: [made.venn.sourceId!] })
    expect(await typed('ships minist')).toEqual(['venn', 'navy', 'port'])
    const page = await api.listClaims({ text: 'ships minist', offset: 2, limit: 1 })
    expect([ids(page.claims), page.total]).toEqual([['port'], 3])
  })

  it('sees a change at once', async () => {
    await api.listClaims({ sort: 'source' })
    await api.updateClaim(made.none.id, { sourceId: made.port.sourceId })
    const page = await api.listClaims({ sort: 'source' })
    expect(page.groups.map((g) => g.key)).not.toContain('')
  })
})
