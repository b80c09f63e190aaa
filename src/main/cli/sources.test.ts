import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCliIn } from './run-in-test'

let dir: string
let c: string
const cli = (...argv: string[]) => runCliIn(dir, argv)

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimdesk-sources-'))
  c = join(dir, 'work.claimdesk.json')
  await writeFile(join(dir, 'a.txt'), 'Sarn Report\n\nVenn said the port was closed. Aldric Venn said it opened.\n')
  await cli('import', join(dir, 'a.txt'), '--case', c)
  for (const [quote, source] of [
    ['the port was closed', 'Venn'],
    ['it opened', 'Aldric Venn']
  ])
    await cli('claim', 'add', '--case', c, '--doc', 'Sarn', '--quote', quote, '--source', source)
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('claimdesk source merge', () => {
  it('moves the first source’s claims to the second and keeps its name as an alias', async () => {
    const r = await cli('source', 'merge', '--case', c, 'venn', 'Aldric Venn', '--json')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out)).toMatchObject({ name: 'Aldric Venn', aliases: ['Venn'] })
    const sources = (JSON.parse(await readFile(c, 'utf8')) as { sources: unknown[] }).sources
    expect(sources).toHaveLength(1)
    const rows = JSON.parse((await cli('list', '--case', c, '--json')).out) as { source: { name: string } }[]
    expect(rows.map((row) => row.source.name)).toEqual(['Aldric Venn', 'Aldric Venn'])
  })

  it('refuses an unknown source, one source twice, or the wrong number of names, changing nothing', async () => {
    expect(await cli('source', 'merge', '--case', c, 'Nobody', 'Venn')).toMatchObject({
      code: 1,
      err: 'claimdesk: no source with id, name or alias “Nobody”'
    })
    expect(await cli('source', 'merge', '--case', c, 'Venn', 'venn')).toMatchObject({
      code: 1,
      err: 'claimdesk: “Venn” and “venn” are one source already'
    })
    expect((await cli('source', 'merge', '--case', c, 'Venn')).code).toBe(2)
    expect((await cli('source', 'split', '--case', c)).code).toBe(2)
    expect((JSON.parse(await readFile(c, 'utf8')) as { sources: unknown[] }).sources).toHaveLength(2)
  })
})
