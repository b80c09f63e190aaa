import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ClaimdeskError } from '../../shared/errors'
import { ClaimdeskService } from '../service'
import { claimAddCommand } from './claim-add'
import { runCliIn } from './run-in-test'

let dir: string
let c: string
const cli = (...argv: string[]) => runCliIn(dir, argv)

const article = `Troops in Kursk

Ukrainian President Volodymyr Zelensky said around 50,000 Russian troops were fighting.

Zelensky said the line held, Meridian reported.
`

/** The sources' names as the case file keeps them, once the CLI has closed it. */
async function sourceNames(): Promise<string[]> {
  const data = JSON.parse(await readFile(c, 'utf8')) as { sources: { name: string }[] }
  return data.sources.map((s) => s.name).sort()
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimdesk-claim-add-'))
  c = join(dir, 'work.claimdesk.json')
  await writeFile(join(dir, 'kursk.txt'), article)
  expect((await cli('import', join(dir, 'kursk.txt'), '--case', c)).code).toBe(0)
  const first = await cli(
    'claim',
    'add',
    '--case',
    c,
    '--doc',
    'Kursk',
    '--quote',
    'around 50,000 Russian troops',
    '--source',
    'Volodymyr Zelensky'
  )
  expect(first.out).toMatch(/^created source "Volodymyr Zelensky" \(person\)\nadded claim /)
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const addHeld = (...more: string[]) =>
  cli('claim', 'add', '--case', c, '--doc', 'Kursk', '--quote', 'the line held', ...more)

describe('claimdesk claim add', () => {
  it('checks every option before writing: a refused claim leaves no new source behind', async () => {
    const newNames = ['--source', 'Brand New Source', '--via', 'Brand New Relay']
    const credibility = await addHeld(...newNames, '--credibility', '9')
    expect(credibility.code).toBe(2)
    expect(credibility.err.split('\n')[0]).toBe('claimdesk: --credibility: must be 1–6 (not “9”)')
    const status = await addHeld(...newNames, '--status', 'bogus')
    expect(status.err.split('\n')[0]).toBe(
      'claimdesk: --status: must be one of unverified, corroborated, contradicted, confirmed, false, not-checkable (not “bogus”)'
    )
    const kind = await addHeld(...newNames, '--source-kind', 'robot')
    expect(kind.err).toMatch(/^claimdesk: --source-kind: must be one of person, /)
    const tag = await addHeld(...newNames, '--tag', 'x'.repeat(101))
    expect(tag).toMatchObject({ code: 2, err: expect.stringMatching(/^claimdesk: --tag: /) })
    const quote = await cli('claim', 'add', '--case', c, '--doc', 'Kursk', '--quote', 'not in it', ...newNames)
    expect(quote).toMatchObject({ code: 1, err: 'claimdesk: the quote was not found in “Troops in Kursk”' })
    expect(await sourceNames()).toEqual(['Volodymyr Zelensky'])
  })

  it('takes away the sources it made when the case refuses the claim itself', async () => {
    const service = new ClaimdeskService({ userDataDir: join(dir, 'home') })
    service.handlers.createClaim = async () => {
      throw new ClaimdeskError('io', 'the disk is full (ENOSPC); this change was not saved')
    }
    const err: string[] = []
    const io = { out: () => {}, err: (t: string) => err.push(t), env: {}, rendererDir: '', resourcesDir: '' }
    const args = ['--case', c, '--doc', 'Kursk', '--quote', 'the line held', '--source', 'New One', '--via', 'New Two']
    await expect(claimAddCommand(service, args, io)).rejects.toThrow(/disk is full/)
    await service.close()
    expect(err).toEqual([])
    expect(await sourceNames()).toEqual(['Volodymyr Zelensky'])
  })

  it('says when it creates a source, and names an existing source the new name may be, with the merge command', async () => {
    const r = await addHeld('--source', 'Zelensky', '--via', 'Meridian')
    expect(r.code).toBe(0)
    expect(r.out).toMatch(
      /^created source "Zelensky" \(person\)\ncreated source "Meridian" \(outlet\)\nadded claim \S+: “the line held”$/
    )
    const merge = `claimdesk source merge --case ${JSON.stringify(c)} "Zelensky" "Volodymyr Zelensky"`
    expect(r.err).toBe(
      `note: "Zelensky" may be "Volodymyr Zelensky" (person); if they are one source, merge them: ${merge}`
    )

    const merged = await cli('source', 'merge', '--case', c, 'Zelensky', 'Volodymyr Zelensky')
    expect(merged).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^merged “Zelensky” into “Volodymyr Zelensky”/)
    })
    expect(await sourceNames()).toEqual(['Meridian', 'Volodymyr Zelensky'])
    const rows = JSON.parse((await cli('list', '--case', c, '--json')).out) as { source: { name: string } }[]
    expect(rows.map((row) => row.source.name)).toEqual(['Volodymyr Zelensky', 'Volodymyr Zelensky'])
    // The merged name is now an alias: the same words find the one source, silently.
    const again = await cli(
      'claim',
      'add',
      '--case',
      c,
      '--doc',
      'Kursk',
      '--quote',
      'Zelensky said the',
      '--source',
      'zelensky'
    )
    expect(again).toMatchObject({ code: 0, err: '', out: expect.stringMatching(/^added claim /) })
  })

  it('with --no-create, uses only sources the case has, naming the near ones', async () => {
    const r = await addHeld('--source', 'Zelensky', '--no-create')
    expect(r).toMatchObject({
      code: 1,
      err: 'claimdesk: --source "Zelensky": no source has that name or alias, and --no-create is set; it may be "Volodymyr Zelensky"'
    })
    expect(await sourceNames()).toEqual(['Volodymyr Zelensky'])
    expect((await addHeld('--source', 'volodymyr zelensky', '--no-create')).code).toBe(0)
  })

  it('with --json, prints only JSON on standard output, the sources it made included', async () => {
    const r = await addHeld('--source', 'Zelensky', '--json')
    expect(JSON.parse(r.out)).toMatchObject({
      quote: 'the line held',
      source: { name: 'Zelensky' },
      createdSources: [{ name: 'Zelensky', kind: 'person', id: expect.any(String) }]
    })
    expect(r.err).toMatch(/^note: "Zelensky" may be "Volodymyr Zelensky"/)
  })
})
