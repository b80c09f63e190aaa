import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCliIn } from './run-in-test'

let dir: string
let c: string
const cli = (...argv: string[]) => runCliIn(dir, argv)

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimdesk-open-'))
  c = join(dir, 'work.claimdesk.json')
  await writeFile(join(dir, 'a.txt'), 'Sarn Report\n\nVenn said the port was closed.\n')
  await cli('import', join(dir, 'a.txt'), '--case', c)
  await cli('claim', 'add', '--case', c, '--doc', 'Sarn', '--quote', 'the port was closed', '--source', 'Venn')
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('opening a hand-edited case', () => {
  it('names what its items refer to that it does not hold, on standard error, and changes nothing', async () => {
    const data = JSON.parse(await readFile(c, 'utf8')) as { claims: { sourceId: string }[] }
    data.claims[0].sourceId = 'deleted-source'
    await writeFile(c, JSON.stringify(data))
    const before = await readFile(c, 'utf8')

    const listed = await cli('list', '--case', c, '--json')
    expect(listed.code).toBe(0)
    expect(JSON.parse(listed.out)).toHaveLength(1)
    expect(listed.err).toMatch(
      /^claimdesk: note: This case file names things it does not hold \(it was edited by hand, or damaged\): claim \S+ is attributed to source deleted-source, which the case does not have\. /
    )
    expect((await cli('conflicts', '--case', c)).err).toContain('deleted-source')
    expect(await readFile(c, 'utf8')).toBe(before)
  })

  it('lists a claim whose source, relay or document is missing as missing, not as unattributed', async () => {
    const data = JSON.parse(await readFile(c, 'utf8')) as {
      claims: { id: string; sourceId: string; via: string[]; documentId: string }[]
    }
    Object.assign(data.claims[0], { sourceId: 'gone-source', via: ['gone-relay'], documentId: 'gone-doc' })
    await writeFile(c, JSON.stringify(data))
    const id = data.claims[0].id

    const listed = await cli('list', '--case', c)
    expect(listed.out).toBe(
      `-6  unverified    (missing source gone-source), via (missing source gone-relay)\n` +
        `    “the port was closed”  (missing document gone-doc; ${id})`
    )
    const [row] = JSON.parse((await cli('list', '--case', c, '--json')).out) as unknown[]
    expect(row).toMatchObject({
      source: null,
      missingSource: 'gone-source',
      via: [{ id: 'gone-relay', name: 'gone-relay', missing: true }]
    })
  })

  it('exports a claim whose document is missing by saying it leaves it out', async () => {
    const data = JSON.parse(await readFile(c, 'utf8')) as { claims: { id: string; documentId: string }[] }
    data.claims[0].documentId = 'gone-doc'
    await writeFile(c, JSON.stringify(data))
    const note = `claimdesk: note: The export leaves out 1 claim whose document the case does not hold (${data.claims[0].id}).`

    const md = await cli('export', '--case', c, '--format', 'md', '--out', '-')
    expect(md.code).toBe(0)
    expect(md.out).not.toContain('the port was closed')
    expect(md.err.split('\n').at(-1)).toBe(note)
    const json = await cli('export', '--case', c, '--format', 'csv', '--out', join(dir, 'b.csv'), '--json')
    expect(JSON.parse(json.out)).toMatchObject({ leftOut: { claimIds: [data.claims[0].id] } })
  })

  it('says nothing of the kind for a sound case', async () => {
    expect((await cli('list', '--case', c)).err).toBe('')
  })
})
