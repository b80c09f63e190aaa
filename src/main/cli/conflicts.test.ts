import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCliIn } from './run-in-test'

let dir: string
let c: string
const cli = (...argv: string[]) => runCliIn(dir, argv)
const listing = async () =>
  JSON.parse((await cli('conflicts', '--case', c, '--json')).out) as {
    sets: { ref: string; status: string }[]
    proposals: { ref: string; kind: string; claimIds: string[] }[]
  }
const claimIds = async () =>
  (JSON.parse((await cli('list', '--case', c, '--json')).out) as { id: string }[]).map((r) => r.id)

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimdesk-conflicts-'))
  c = join(dir, 'work.claimdesk.json')
  await writeFile(
    join(dir, 'kursk.txt'),
    'Troops in Kursk\n\nRussia has deployed just under 60,000 troops to Kursk, a source said.\n\n' +
      'Zelensky said around 50,000 Russian troops were fighting.\n\nThe governor said the bridge was closed.\n'
  )
  await cli('import', join(dir, 'kursk.txt'), '--case', c)
  for (const [quote, source, tag] of [
    ['just under 60,000 troops', 'a source', 'troops'],
    ['around 50,000 Russian troops', 'Zelensky', 'troops'],
    ['the bridge was closed', 'the governor', 'bridge']
  ])
    await cli('claim', 'add', '--case', c, '--doc', 'Troops', '--quote', quote, '--source', source, '--tag', tag)
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('claimdesk conflicts', () => {
  it('lists kept sets and proposals by the names its options take', async () => {
    const out = await cli('conflicts', '--case', c, '--json')
    expect(out.code).toBe(0)
    const { sets, proposals } = JSON.parse(out.out)
    expect(sets).toEqual([])
    expect(
      proposals.map((p: { ref: string; kind: string; claimIds: string[] }) => [p.ref, p.kind, p.claimIds.length])
    ).toEqual([[expect.stringMatching(/^p[0-9a-f]{4}$/), 'conflict', 2]])
    const ref = proposals[0].ref as string
    expect((await cli('conflicts', '--case', c)).out).toMatch(
      new RegExp(`^${ref} +proposed {2}conflict {3}troops \\(2 claims\\)`, 'm')
    )
  })

  it('confirms a proposal, then dismisses the kept set by its k name, and deletes it', async () => {
    const [proposal] = (await listing()).proposals
    const confirmed = await cli('conflicts', '--case', c, '--confirm', proposal.ref)
    expect(confirmed).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^confirmed conflict “troops” \(2 claims; /)
    })
    const { sets, proposals } = await listing()
    expect(sets.map((s) => s.status)).toEqual(['confirmed'])
    expect(sets[0].ref).toMatch(/^k[0-9a-f]{4}$/)
    expect(proposals).toEqual([])
    // The proposal's name is gone with it: it is refused, never handed to another set.
    expect((await cli('conflicts', '--case', c, '--dismiss', proposal.ref)).err).toContain(
      `--dismiss: no set ${proposal.ref} now`
    )

    expect((await cli('conflicts', '--case', c, '--dismiss', sets[0].ref.toUpperCase())).code).toBe(0)
    const saved = JSON.parse(await readFile(c, 'utf8')) as { conflictSets: { status: string }[] }
    expect(saved.conflictSets.map((s) => s.status)).toEqual(['dismissed'])

    expect((await cli('conflicts', '--case', c, '--delete', sets[0].ref)).out).toBe('deleted 1 set')
    expect((JSON.parse(await readFile(c, 'utf8')) as { conflictSets: unknown[] }).conflictSets).toEqual([])
    expect(await claimIds()).toHaveLength(3)
  })

  it('keeps each name while others are decided on: a name never moves to another set', async () => {
    await writeFile(
      join(dir, 'ships.txt'),
      'Ships held\n\nThe minister said at least 40 ships were stuck.\n\nThe navy said fewer than 25 vessels were waiting.\n'
    )
    await cli('import', join(dir, 'ships.txt'), '--case', c)
    for (const [quote, source] of [
      ['at least 40 ships', 'the minister'],
      ['fewer than 25 vessels', 'the navy']
    ])
      await cli('claim', 'add', '--case', c, '--doc', 'Ships', '--quote', quote, '--source', source, '--tag', 'ships')
    const before = (await listing()).proposals
    expect(before.length).toBeGreaterThanOrEqual(2)
    await cli('conflicts', '--case', c, '--dismiss', before[0].ref)
    const after = (await listing()).proposals
    for (const p of after) {
      const same = before.find((b) => b.ref === p.ref)
      if (same) expect(p.claimIds).toEqual(same.claimIds)
    }
    expect(after.map((p) => p.ref)).not.toContain(before[0].ref)
  })

  it('makes a set by hand from claim ids, with its kind and subject', async () => {
    const ids = await claimIds()
    const made = await cli(
      'conflicts',
      '--case',
      c,
      '--make',
      `${ids[0]},${ids[2]}`,
      '--kind',
      'consistent',
      '--subject',
      'Kursk',
      '--json'
    )
    expect(made.code).toBe(0)
    expect(JSON.parse(made.out)).toMatchObject({
      kind: 'consistent',
      subject: 'Kursk',
      claimIds: [ids[0], ids[2]],
      status: 'confirmed'
    })
  })

  it('refuses unknown names, mixed actions and bad kinds, changing nothing', async () => {
    const before = await readFile(c, 'utf8')
    const p1 = (await listing()).proposals[0].ref
    expect(await cli('conflicts', '--case', c, '--confirm', `${p1},p7`)).toMatchObject({
      code: 2,
      err: expect.stringContaining(`--confirm: no set p7 now`)
    })
    expect((await cli('conflicts', '--case', c, '--confirm', 'p7')).err).toContain(`the sets now: ${p1} (`)
    const many = Array.from({ length: 9 }, (_, i) => `p${i + 2}`).join(',')
    expect((await cli('conflicts', '--case', c, '--dismiss', many)).err).toContain(
      '--dismiss: no set p2, p3, p4, p5, p6 and 4 more now'
    )
    expect((await cli('conflicts', '--case', c, '--confirm', p1, '--dismiss', p1)).err).toContain(
      'use one of --confirm, --dismiss, --delete and --make'
    )
    expect((await cli('conflicts', '--case', c, '--delete', p1)).err).toContain(
      `${p1} is only proposed; dismiss it instead`
    )
    expect((await cli('conflicts', '--case', c, '--make', 'x,y', '--kind', 'pair')).err).toContain(
      '--kind pair: use conflict or consistent'
    )
    expect((await cli('conflicts', '--case', c, '--make', 'nope,nada')).code).toBe(1)
    expect(await cli('conflicts', '--case', c, '--confirm', p1, 'p7')).toMatchObject({
      code: 2,
      err: expect.stringContaining('“p7” is no option of this command')
    })
    expect((await cli('conflicts', '--case', c, '--subject', 'x')).err).toContain(
      '--kind, --subject and --note go with --make'
    )
    expect(await readFile(c, 'utf8')).toBe(before)
  })
})
