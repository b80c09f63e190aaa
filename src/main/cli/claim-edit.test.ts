import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCliIn } from './run-in-test'

let dir: string
let c: string
const cli = (...argv: string[]) => runCliIn(dir, argv)

interface Row {
  id: string
  quote: string
  tags: string[]
  status: string
  credibility: string
  source: { name: string } | null
  document: { title: string }
}
const rows = async () => JSON.parse((await cli('list', '--case', c, '--json')).out) as Row[]
const edit = (...more: string[]) => cli('claim', 'edit', '--case', c, ...more)
/** The case file as the CLI left it: what a refused command must not have changed. */
const saved = () => readFile(c, 'utf8')

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimdesk-claim-edit-'))
  c = join(dir, 'work.claimdesk.json')
  await writeFile(
    join(dir, 'kursk.txt'),
    'Troops in Kursk\n\nRussia has deployed just under 60,000 troops to Kursk, a source said.\n\n' +
      'Zelensky said around 50,000 Russian troops were fighting.\n\nThe governor said the bridge was closed.\n'
  )
  await writeFile(join(dir, 'port.txt'), 'Port report\n\nThe harbour master said the port was shut.\n')
  await cli('import', join(dir, 'kursk.txt'), join(dir, 'port.txt'), '--case', c)
  for (const [doc, quote, source, tag] of [
    ['Troops', 'just under 60,000 troops', 'a source', 'troops'],
    ['Troops', 'around 50,000 Russian troops', 'Zelensky', 'troops'],
    ['Troops', 'the bridge was closed', 'the governor', 'bridge'],
    ['Port', 'the port was shut', 'the governor', 'port']
  ])
    expect(
      (await cli('claim', 'add', '--case', c, '--doc', doc, '--quote', quote, '--source', source, '--tag', tag)).code
    ).toBe(0)
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('claimdesk claim edit', () => {
  it('changes the claims named by id, and says how many were already so', async () => {
    const [a, b] = await rows()
    const r = await edit('--ids', `${a.id}, ${b.id}`, '--status', 'not-checkable', '--add-tag', 'Kursk')
    expect(r).toMatchObject({ code: 0, out: 'changed 2 claims' })
    const again = await edit('--ids', `${a.id},${b.id}`, '--status', 'not-checkable')
    expect(again).toMatchObject({ code: 0, out: 'changed 0 claims; 2 claims were already so' })
    expect((await rows()).map((x) => [x.status, x.tags])).toEqual([
      ['not-checkable', ['troops', 'Kursk']],
      ['not-checkable', ['troops', 'Kursk']],
      ['unverified', ['bridge']],
      ['unverified', ['port']]
    ])
  })

  it('finds claims by the filters together (AND), through the app’s claim query', async () => {
    const r = await edit('--doc', 'Troops', '--source', 'The Governor', '--credibility', '2', '--json')
    expect(r.code).toBe(0)
    const { changed, unchanged } = JSON.parse(r.out) as { changed: string[]; unchanged: string[] }
    expect(unchanged).toEqual([])
    const all = await rows()
    expect(changed).toEqual([all[2].id])
    expect(all.map((x) => x.credibility)).toEqual(['6', '6', '2', '6'])

    // --tag takes the topic as the case spells it, whatever the capitals.
    const moved = await edit(
      '--tag',
      'TROOPS',
      '--remove-tag',
      'troops',
      '--add-tag',
      'forces',
      '--source-to',
      'zelensky'
    )
    expect(moved).toMatchObject({ code: 0, out: 'changed 2 claims' })
    expect((await rows()).slice(0, 2).map((x) => [x.source?.name, x.tags])).toEqual([
      ['Zelensky', ['forces']],
      ['Zelensky', ['forces']]
    ])
    expect((await edit('--all', '--status', 'corroborated')).out).toBe('changed 4 claims')
  })

  it('checks every option before anything changes', async () => {
    const before = await saved()
    const [a] = await rows()
    const refused = [
      [
        ['--ids', `${a.id},nope-1,nope-2`, '--status', 'false'],
        1,
        /^claimdesk: --ids: 2 of the 3 ids are not a claim in this case: nope-1, nope-2 /
      ],
      [
        ['--all', '--status', 'not_checkable'],
        2,
        /^claimdesk: --status: must be one of unverified, .*not-checkable \(not “not_checkable”\)/
      ],
      [
        ['--all', '--add-tag', 'Kursk', '--remove-tag', ' kursk'],
        2,
        /^claimdesk: --remove-tag kursk: --add-tag adds it/
      ],
      [['--all', '--credibility', '7'], 2, /^claimdesk: --credibility: must be 1–6 \(not “7”\)/],
      [['--all', '--add-tag', 'x'.repeat(101)], 2, /^claimdesk: --add-tag: /],
      [['--all', '--source-to', 'Nobody'], 1, /^claimdesk: --source-to: no source with id, name or alias “Nobody”/],
      [['--all', '--source-to', 'Volodymyr Zelensky'], 1, /; it may be “Zelensky”/],
      [
        ['--source', 'Nobody', '--status', 'false'],
        1,
        /^claimdesk: --source: no source with id, name or alias “Nobody”/
      ],
      [
        ['--tag', 'nothing', '--status', 'false'],
        1,
        /^claimdesk: --tag nothing: no claim has that topic; the topics are bridge, port, troops/
      ],
      [['--doc', 'Nowhere', '--status', 'false'], 1, /^claimdesk: no document with id or title “Nowhere”/],
      [['--all'], 2, /^claimdesk: name a change: /],
      [['--status', 'false'], 2, /^claimdesk: name the claims: /],
      [['--all', '--tag', 'troops', '--status', 'false'], 2, /^claimdesk: --all means every claim/],
      [['--ids', a.id, '--doc', 'Troops', '--status', 'false'], 2, /^claimdesk: --ids names the claims itself/],
      // Ids split by a space: the second is no option, and is not left out unsaid.
      [
        ['--ids', a.id, 'nope-3', '--status', 'false'],
        2,
        /^claimdesk: “nope-3” is no option of this command; .* id1,id2/
      ]
    ] as const
    for (const [args, code, err] of refused) {
      const r = await edit(...args)
      expect(r.code, args.join(' ')).toBe(code)
      expect(r.err, args.join(' ')).toMatch(err)
    }
    expect(await saved()).toBe(before)
  })

  it('names a few unknown ids and counts the rest', async () => {
    const ids = Array.from({ length: 8 }, (_, i) => `gone-${i + 1}`)
    const r = await edit('--ids', ids.join(','), '--status', 'false')
    expect(r.err.split('\n')[0]).toBe(
      'claimdesk: --ids: 8 of the 8 ids are not a claim in this case: gone-1, gone-2, gone-3, gone-4, gone-5 and 3 more (see claimdesk list); nothing changed'
    )
  })

  it('refuses a source that is a relay of one of the claims, changing none of them', async () => {
    expect(
      (
        await cli(
          'claim',
          'add',
          '--case',
          c,
          '--doc',
          'Port',
          '--quote',
          'The harbour master said',
          '--source',
          'harbour master',
          '--via',
          'Meridian'
        )
      ).code
    ).toBe(0)
    const before = await saved()
    const r = await edit('--all', '--source-to', 'Meridian', '--status', 'false')
    expect(r.code).toBe(1)
    expect(r.err).toMatch(/^claimdesk: sourceId: it is a relay of /)
    expect(await saved()).toBe(before)
  })

  it('gives a new source only to claims the filtered source says, not to those it only relays', async () => {
    const add = ['claim', 'add', '--case', c, '--doc', 'Port', '--quote', 'The harbour master said']
    expect((await cli(...add, '--source', 'harbour master', '--via', 'the governor')).code).toBe(0)
    const before = await saved()
    const r = await edit('--source', 'the governor', '--source-to', 'Zelensky')
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/--source-to: 1 claim of the 3 found is only relayed by the governor, not said by it \(/)
    expect(await saved()).toBe(before)
    // Without a new source, the filter takes what the app's filter takes.
    expect((await edit('--source', 'the governor', '--add-tag', 'governor')).out).toBe('changed 3 claims')
  })

  it('takes the ids from a file, one a line, for more than a command line holds', async () => {
    const [a, b, , d] = await rows()
    const file = join(dir, 'ids.txt')
    await writeFile(file, `${a.id}\n${b.id}\n\n`)
    expect((await edit('--ids-file', file, '--add-tag', 'from file')).out).toBe('changed 2 claims')
    expect((await rows()).filter((r) => r.tags.includes('from file')).map((r) => r.id)).toEqual([a.id, b.id])
    expect((await edit('--ids-file', join(dir, 'none.txt'), '--status', 'false')).err).toContain(
      '--ids-file ' + join(dir, 'none.txt') + ': no such file'
    )
    expect((await edit('--ids-file', file, '--ids', a.id, '--status', 'false')).err).toContain(
      'use --ids or --ids-file, not both'
    )
    await writeFile(file, `${d.id}, ${a.id}`)
    expect((await cli('claim', 'delete', '--case', c, '--ids-file', file)).out).toBe('deleted 2 claims')
    expect(await rows()).toHaveLength(2)
  })

  it('refuses more ids than one change takes before opening the case', async () => {
    const ids = Array.from({ length: 10_001 }, (_, i) => `c${i}`).join(',')
    const r = await edit('--ids', ids, '--status', 'false')
    expect(r).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^claimdesk: --ids: 10001 ids; one command takes at most 10000/)
    })
  })

  it('says so when no claim has all of the filters', async () => {
    expect(await edit('--doc', 'Port', '--tag', 'troops', '--status', 'false')).toMatchObject({
      code: 0,
      out: 'no claim has all of these: nothing changed'
    })
  })
})

describe('claimdesk claim delete', () => {
  it('deletes the claims named, with their links and their place in conflict sets', async () => {
    const [a, b, d] = await rows()
    expect((await cli('conflicts', '--case', c, '--make', `${a.id},${b.id},${d.id}`)).code).toBe(0)
    const r = await cli('claim', 'delete', '--case', c, '--ids', `${a.id},${b.id}`)
    expect(r).toMatchObject({
      code: 0,
      out: 'deleted 2 claims (1 conflict set went, fewer than two claims left)'
    })
    expect((await rows()).map((x) => x.quote)).toEqual(['the bridge was closed', 'the port was shut'])
  })

  it('refuses unknown ids and changes nothing', async () => {
    const before = await saved()
    const [a] = await rows()
    const r = await cli('claim', 'delete', '--case', c, '--ids', `${a.id},nope`, '--json')
    expect(r).toMatchObject({ code: 1, out: '' })
    expect(r.err).toMatch(/^claimdesk: --ids: 1 of the 2 ids is not a claim in this case: nope /)
    expect(await saved()).toBe(before)
    const json = await cli('claim', 'delete', '--case', c, '--ids', a.id, '--json')
    expect(JSON.parse(json.out)).toEqual({ deleted: [a.id] })
    expect((await cli('claim', 'delete', '--case', c)).code).toBe(2)
  })

  it('refuses ids split by a space rather than delete the first alone', async () => {
    const before = await saved()
    const [a, b] = await rows()
    const r = await cli('claim', 'delete', '--case', c, '--ids', a.id, b.id)
    expect(r).toMatchObject({ code: 2, out: '' })
    expect(r.err).toContain(`“${b.id}” is no option of this command`)
    expect(await saved()).toBe(before)
  })
})
