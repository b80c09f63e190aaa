import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCliIn } from './run-in-test'

const root = resolve(__dirname, '../../..')
let dir: string

const cli = (...argv: string[]) => runCliIn(dir, argv)

const article = `Blockade Tightens on the Sarn

The minister said "at least 40 ships" were held at the narrows, the agency reported.

A navy spokesman said fewer than 25 ships were waiting. Ships were waiting all week.
`

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimdesk-cli-'))
  await writeFile(join(dir, 'sarn.txt'), article)
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('claimdesk CLI', () => {
  it('imports, adds claims with sources and relays, lists and shows them', async () => {
    const c = join(dir, 'work.claimdesk.json')
    const imported = await cli('import', join(dir, 'sarn.txt'), '--case', c, '--json')
    expect(imported.code).toBe(0)
    const [result] = JSON.parse(imported.out)
    expect(result).toMatchObject({ status: 'imported' })

    const added = await cli(
      'claim',
      'add',
      '--case',
      c,
      '--doc',
      'blockade tightens',
      '--quote',
      '"at least 40 ships"',
      '--source',
      'Aldric Venn',
      '--via',
      'Meridian News Agency',
      '--tag',
      'shipping',
      '--credibility',
      '3',
      '--status',
      'contradicted',
      '--json'
    )
    expect(added.code).toBe(0)
    expect(JSON.parse(added.out)).toMatchObject({
      quote: '"at least 40 ships"',
      source: { name: 'Aldric Venn', kind: 'person', reliability: 'F' },
      via: [{ name: 'Meridian News Agency' }],
      tags: ['shipping'],
      status: 'contradicted',
      grade: 'F3'
    })
    // The same source by name again is reused, not duplicated.
    await cli(
      'claim',
      'add',
      '--case',
      c,
      '--doc',
      result.documentId,
      '--quote',
      'fewer than 25 ships',
      '--source',
      'aldric venn'
    )

    const list = await cli('list', '--case', c, '--json')
    const rows = JSON.parse(list.out)
    expect(rows).toHaveLength(2)
    expect(new Set(rows.map((r: { source: { id: string } }) => r.source.id)).size).toBe(1)
    expect((await cli('list', '--case', c)).out).toMatch(
      /F3 +contradicted +Aldric Venn, via Meridian News Agency +\[shipping\]/
    )

    const shown = await cli('show', '--case', c, '--doc', 'Blockade', '--json')
    expect(JSON.parse(shown.out).text).toContain('fewer than 25 ships were waiting')
    expect((await cli('show', '--case', c, '--doc', 'Blockade')).out).toMatch(/^Title: Blockade Tightens on the Sarn/)
  })

  it('asks which occurrence when a quote is ambiguous', async () => {
    const c = join(dir, 'work')
    await cli('import', join(dir, 'sarn.txt'), '--case', c)
    const r = await cli('claim', 'add', '--case', c, '--doc', 'Blockade', '--quote', 'were waiting', '--source', 'X')
    expect(r.code).toBe(1)
    expect(r.err).toBe('claimdesk: the quote occurs 2 times in “Blockade Tightens on the Sarn”: pass --occurrence 1-2')
    const second = await cli(
      'claim',
      'add',
      '--case',
      c,
      '--doc',
      'Blockade',
      '--quote',
      'were waiting',
      '--occurrence',
      '2',
      '--source',
      'X',
      '--json'
    )
    expect(JSON.parse(second.out).start).toBe(article.lastIndexOf('were waiting'))
  })

  it('exports a Markdown briefing to a file', async () => {
    const c = join(dir, 'work')
    await cli('import', join(dir, 'sarn.txt'), '--case', c)
    await cli(
      'claim',
      'add',
      '--case',
      c,
      '--doc',
      'Blockade',
      '--quote',
      'fewer than 25 ships',
      '--source',
      'Ivo Dravic'
    )
    const target = join(dir, 'brief.md')
    const r = await cli('export', '--case', c, '--format', 'md', '--out', target)
    expect(r.code).toBe(0)
    const md = await readFile(target, 'utf8')
    expect(md).toContain('Ivo Dravic')
    expect(md).toContain('fewer than 25 ships')
  })

  it('round-trips claims through a W3C Web Annotation export into another case', async () => {
    const a = join(dir, 'a')
    const b = join(dir, 'b')
    await cli('import', join(dir, 'sarn.txt'), '--case', a)
    await cli(
      'claim',
      'add',
      '--case',
      a,
      '--doc',
      'Blockade',
      '--quote',
      'fewer than 25 ships',
      '--source',
      'Ivo Dravic',
      '--via',
      'Meridian',
      '--tag',
      'shipping',
      '--note',
      'navy figure',
      '--credibility',
      '3',
      '--status',
      'contradicted'
    )
    const annotations = join(dir, 'claims.jsonld')
    expect((await cli('export', '--case', a, '--format', 'jsonld', '--out', annotations)).code).toBe(0)
    await cli('import', join(dir, 'sarn.txt'), '--case', b)
    const back = await cli('import', annotations, '--case', b)
    expect(back.out).toMatch(/imported +.*claims\.jsonld: 1 claims and 2 new sources/)
    const rowsA = JSON.parse((await cli('list', '--case', a, '--json')).out)
    const rowsB = JSON.parse((await cli('list', '--case', b, '--json')).out)
    const comparable = (r: Record<string, unknown>) => ({ ...r, document: null })
    expect(rowsB.map(comparable)).toEqual(rowsA.map(comparable))
  })

  it('imports a new version with --new-version-of, moves the claims, and lists how each was placed', async () => {
    const c = join(dir, 'work')
    await cli('import', join(dir, 'sarn.txt'), '--case', c)
    const add = (quote: string) =>
      cli('claim', 'add', '--case', c, '--doc', 'Blockade', '--quote', quote, '--source', 'X')
    await add('"at least 40 ships"')
    await add('fewer than 25 ships were waiting')
    await add('Ships were waiting all week')
    const edited = article
      .replace('The minister said', 'Updated at noon.\n\nThe minister said')
      .replace('fewer than 25 ships were waiting', 'fewer than 25 ships where waiting')
      .replace(' Ships were waiting all week.', '')
    await writeFile(join(dir, 'sarn-v2.txt'), edited)

    const r = await cli('import', join(dir, 'sarn-v2.txt'), '--case', c, '--new-version-of', 'Blockade', '--json')
    expect(r.code).toBe(0)
    const [result] = JSON.parse(r.out)
    expect(result).toMatchObject({ status: 'imported', reanchored: { exact: 0, moved: 1, fuzzy: 1, orphaned: 1 } })
    const text = await cli('import', join(dir, 'sarn-v2.txt'), '--case', c, '--new-version-of', result.reanchored.from)
    expect(text.out).toMatch(/re-anchored 1 claim from .*: 0 exact, 0 moved, 0 fuzzy, 1 orphaned/)

    const rows = JSON.parse((await cli('list', '--case', c, '--json')).out) as {
      quote: string
      document: { id: string }
      anchor: Record<string, unknown> | null
    }[]
    const byQuote = new Map(rows.map((row) => [row.quote, row]))
    expect(byQuote.get('"at least 40 ships"')).toMatchObject({
      document: { id: result.documentId },
      anchor: { state: 'moved', score: 1 }
    })
    expect(byQuote.get('fewer than 25 ships where waiting')).toMatchObject({
      anchor: { state: 'fuzzy', score: expect.any(Number), previousQuote: 'fewer than 25 ships were waiting' }
    })
    expect(byQuote.get('Ships were waiting all week')).toMatchObject({
      document: { id: result.reanchored.from },
      anchor: { state: 'orphaned', toDocumentId: result.documentId }
    })
    const listed = (await cli('list', '--case', c)).out
    expect(listed).toContain('re-anchored: fuzzy, score ')
    expect(listed).toContain(`orphaned: not found in ${result.documentId}`)
  })

  it('refuses --new-version-of with more than one file, or naming no document, before importing anything', async () => {
    const c = join(dir, 'work')
    await cli('import', join(dir, 'sarn.txt'), '--case', c)
    const two = await cli('import', join(dir, 'sarn.txt'), join(dir, 'sarn.txt'), '--case', c, '--new-version-of', 'x')
    expect(two).toMatchObject({ code: 2, err: expect.stringContaining('--new-version-of takes one file') })
    await writeFile(join(dir, 'other.txt'), 'Other\n\nText.')
    const none = await cli('import', join(dir, 'other.txt'), '--case', c, '--new-version-of', 'no such title')
    expect(none).toMatchObject({ code: 1, err: 'claimdesk: no document with id or title “no such title”' })
    expect((await cli('show', '--case', c, '--doc', 'Other')).err).toContain('no document with id or title “Other”')
    const same = await cli('import', join(dir, 'sarn.txt'), '--case', c, '--new-version-of', 'Blockade')
    expect(same.code).toBe(1)
    expect(same.out).toMatch(/failed +.*sarn\.txt -> .*: already in the case .*no claims moved/)
  })

  it('reports each bad file by name and imports the good ones', async () => {
    const c = join(dir, 'work')
    await writeFile(join(dir, 'empty.txt'), '')
    await mkdir(join(dir, 'folder'))
    const r = await cli('import', join(dir, 'missing.txt'), join(dir, 'empty.txt'), join(dir, 'sarn.txt'), '--case', c)
    expect(r.code).toBe(1)
    expect(r.out).toMatch(/failed +.*missing\.txt: .*no such file/)
    expect(r.out).toMatch(/failed +.*empty\.txt/)
    expect(r.out).not.toMatch(/empty\.txt: empty\.txt/)
    expect(r.out).toMatch(/imported +.*sarn\.txt/)
    const folder = await cli('import', join(dir, 'folder'), '--case', c)
    expect(folder.code).toBe(1)
    expect(folder.err).toMatch(/folder: the folder holds no file Claimdesk can import/)
  })

  it('gives one clear line and a non-zero code for user errors', async () => {
    expect(await cli('list')).toMatchObject({ code: 2, err: expect.stringContaining('--case <file> is required') })
    expect(await cli('frobnicate')).toMatchObject({
      code: 2,
      err: expect.stringContaining('unknown command "frobnicate"')
    })
    expect(await cli('list', '--case', join(dir, 'none'))).toMatchObject({
      code: 1,
      err: expect.stringMatching(/none\.claimdesk\.json: no such case file$/)
    })
    expect(await cli('list', '--case', join(dir, 'x'), '--bogus')).toMatchObject({ code: 2 })
    const c = join(dir, 'work')
    await cli('import', join(dir, 'sarn.txt'), '--case', c)
    const bad = await cli(
      'claim',
      'add',
      '--case',
      c,
      '--doc',
      'Blockade',
      '--quote',
      'ships',
      '--occurrence',
      '1',
      '--credibility',
      '9'
    )
    expect(bad.code).toBe(2)
    expect(bad.err).toMatch(/^claimdesk: --credibility: must be 1–6 \(not “9”\)\n/)
  })

  it('the installed command prints no stack trace', () => {
    const bin = join(root, 'bin/claimdesk.cjs')
    expect(existsSync(join(root, 'out/main/cli.js')), 'run "npm run build" first').toBe(true)
    const r = spawnSync(process.execPath, [bin, 'show', '--case', join(dir, 'nothing-here'), '--doc', 'x'], {
      encoding: 'utf8',
      env: { ...process.env, CLAIMDESK_HOME: join(dir, 'home') }
    })
    expect(r.status).toBe(1)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).not.toMatch(/\n\s+at /)
    const help = spawnSync(process.execPath, [bin, 'help'], { encoding: 'utf8' })
    expect(help.stdout).toContain('claimdesk claim add')
  })

  it('searches a case and suggests claims, accepting them only when asked', async () => {
    const c = join(dir, 'work')
    expect((await cli('import', join(dir, 'sarn.txt'), '--case', c)).code).toBe(0)
    const found = await cli('search', '--case', c, 'ships  were', '--json')
    expect(found.code).toBe(0)
    expect(JSON.parse(found.out).total).toBe(2)
    expect((await cli('search', '--case', c, 'fewer than')).out).toMatch(/\[fewer than\]/)

    const listed = await cli('suggest', '--case', c, '--doc', 'Blockade', '--json')
    expect(listed.code).toBe(0)
    const rows = JSON.parse(listed.out) as { text: string; speaker: { name: string }; cue: { kind: string } }[]
    expect(rows.map((r) => [r.text, r.speaker.name])).toContainEqual([
      'fewer than 25 ships were waiting',
      'Unnamed navy spokesman'
    ])
    expect(JSON.parse((await cli('list', '--case', c, '--json')).out)).toEqual([])

    const accepted = await cli('suggest', '--case', c, '--doc', 'Blockade', '--accept')
    expect(accepted.out).toMatch(/^added \d+ claims? and \d+ sources?/)
    expect(JSON.parse((await cli('list', '--case', c, '--json')).out).length).toBe(rows.length)
    expect((await cli('suggest', '--case', c, '--doc', 'Blockade', '--speaker', 'e1')).code).toBe(2)
    // Marked now, so listed only with --all, as marked.
    const after = await cli('suggest', '--case', c, '--doc', 'Blockade')
    expect(after.out).toBe(`${rows.length} more are marked by claims already (--all lists them).`)
    expect(JSON.parse((await cli('suggest', '--case', c, '--doc', 'Blockade', '--json')).out)).toEqual([])
    const every = JSON.parse((await cli('suggest', '--case', c, '--doc', 'Blockade', '--json', '--all')).out) as {
      marked: boolean
    }[]
    expect(every.map((r) => r.marked)).toEqual(rows.map(() => true))
    expect((await cli('suggest', '--case', c, '--doc', 'Blockade', '--all', '--accept')).code).toBe(2)
  })

  it('lists and accepts only the suggestions no claim marks yet, however the claim was drawn', async () => {
    const c = join(dir, 'work')
    expect((await cli('import', join(dir, 'sarn.txt'), '--case', c)).code).toBe(0)
    const rows = JSON.parse((await cli('suggest', '--case', c, '--doc', 'Blockade', '--json')).out) as {
      id: string
      text: string
    }[]
    const [first] = rows
    // A hand-drawn claim over the first suggestion's words but its first and last.
    const inner = first.text.split(' ').slice(1, -1).join(' ')
    const marked = await cli('claim', 'add', '--case', c, '--doc', 'Blockade', '--quote', inner, '--source', 'X')
    expect(marked.code).toBe(0)
    const listed = await cli('suggest', '--case', c, '--doc', 'Blockade')
    expect(listed.out).not.toMatch(new RegExp(`^${first.id} `, 'm'))
    expect(listed.out).toMatch(/^1 more is marked by claims already \(--all lists it\)\.$/m)
    expect((await cli('suggest', '--case', c, '--doc', 'Blockade', '--all')).out).toMatch(
      new RegExp(`^${first.id} .* \\(marked\\)$`, 'm')
    )
    const accepted = await cli('suggest', '--case', c, '--doc', 'Blockade', '--accept')
    expect(accepted.out).toMatch(new RegExp(`^added ${rows.length - 1} claims? .*\\(1 already marked\\)$`))
  })

  it('rejects suggestions in the case, shows them rejected, never accepts them, and brings them back', async () => {
    const c = join(dir, 'work')
    await cli('import', join(dir, 'sarn.txt'), '--case', c)
    const list = async () =>
      JSON.parse((await cli('suggest', '--case', c, '--doc', 'Blockade', '--json')).out) as {
        id: string
        rejected: boolean
      }[]
    const rows = await list()
    expect(rows.length).toBeGreaterThan(1)
    expect(rows.every((r) => !r.rejected)).toBe(true)
    const rejected = await cli('suggest', '--case', c, '--doc', 'Blockade', '--reject', rows[0].id)
    expect([rejected.code, rejected.out]).toEqual([0, 'rejected 1 suggestion (1 in all)'])
    expect((await list()).map((r) => r.rejected)).toEqual(rows.map((_, i) => i === 0))
    expect((await cli('suggest', '--case', c, '--doc', 'Blockade')).out).toMatch(/^s1 .* \(rejected\)$/m)
    const bad = await cli('suggest', '--case', c, '--doc', 'Blockade', '--reject', 's1,s99')
    expect([bad.code, bad.err]).toEqual([
      2,
      expect.stringMatching(/--reject s1,s99: no suggestion s99 in this document/)
    ])
    expect((await cli('suggest', '--case', c, '--doc', 'Blockade', '--accept', '--restore')).code).toBe(2)

    const accepted = await cli('suggest', '--case', c, '--doc', 'Blockade', '--accept', '--json')
    expect(JSON.parse(accepted.out).claims).toHaveLength(rows.length - 1)
    const restored = await cli('suggest', '--case', c, '--doc', 'Blockade', '--restore')
    expect(restored.out).toBe('brought back 1 rejected suggestion')
    expect((await list()).every((r) => !r.rejected)).toBe(true)
  })

  it('asks for suggestion ids when --reject names none, and passes over empty ones between commas', async () => {
    const c = join(dir, 'work')
    await cli('import', join(dir, 'sarn.txt'), '--case', c)
    for (const none of ['', ',', ' , ']) {
      const r = await cli('suggest', '--case', c, '--doc', 'Blockade', '--reject', none)
      expect([r.code, r.err]).toEqual([
        2,
        expect.stringMatching(/: name suggestions, as s2,s5; its suggestions are s1 to s\d+/)
      ])
    }
    const r = await cli('suggest', '--case', c, '--doc', 'Blockade', '--reject', 's1,,s2,')
    expect([r.code, r.out]).toEqual([0, 'rejected 2 suggestions (2 in all)'])
  })

  it('refuses --accept --speaker with a speaker the suggestions do not have, listing those they do', async () => {
    const c = join(dir, 'work')
    await cli('import', join(dir, 'sarn.txt'), '--case', c)
    const rows = JSON.parse((await cli('suggest', '--case', c, '--doc', 'Blockade', '--json')).out) as {
      speaker: { entity: string; name: string }
    }[]
    const r = await cli('suggest', '--case', c, '--doc', 'Blockade', '--accept', '--speaker', 'e99')
    expect(r.code).toBe(1)
    expect(r.err).toMatch(
      /^claimdesk: --speaker e99: no suggestion in this document has that speaker; the speakers are /
    )
    for (const row of rows) expect(r.err).toContain(`${row.speaker.entity} (${row.speaker.name || 'the publisher'})`)
    expect(JSON.parse((await cli('list', '--case', c, '--json')).out)).toEqual([])
    const one = await cli('suggest', '--case', c, '--doc', 'Blockade', '--accept', '--speaker', rows[0].speaker.entity)
    expect(one).toMatchObject({ code: 0, out: expect.stringMatching(/^added [1-9]\d* claims? /) })
  })

  it('takes --speaker by the name the suggestions list, whole or in part when only one speaker has it', async () => {
    const c = join(dir, 'work')
    await cli('import', join(dir, 'sarn.txt'), '--case', c)
    const r = await cli('suggest', '--case', c, '--doc', 'Blockade', '--accept', '--speaker', 'SPOKESMAN')
    expect(r).toMatchObject({ code: 0, out: expect.stringMatching(/^added 1 claim /) })
    const made = JSON.parse((await cli('list', '--case', c, '--json')).out) as { quote: string }[]
    expect(made.map((m) => m.quote)).toEqual(['fewer than 25 ships were waiting'])
  })

  it('takes the newest version for a title its versions share, and lists truly different matches by id', async () => {
    const c = join(dir, 'work')
    await writeFile(join(dir, 'estrava.txt'), '# Estrava Port Closed\n\nThe port was closed on Monday.\n')
    await writeFile(join(dir, 'estrava-v2.txt'), '# Estrava Port Closed\n\nThe port was closed on Monday night.\n')
    const first = JSON.parse((await cli('import', join(dir, 'estrava.txt'), '--case', c, '--json')).out)[0]
    const v2 = await cli('import', join(dir, 'estrava-v2.txt'), '--case', c, '--new-version-of', 'Estrava', '--json')
    const second = JSON.parse(v2.out)[0]
    const shown = await cli('show', '--case', c, '--doc', 'Estrava', '--json')
    expect(shown.code).toBe(0)
    expect(JSON.parse(shown.out).id).toBe(second.documentId)
    expect(shown.err).toBe(
      `note: “Estrava” matches 2 versions of one document: using the newest, ${second.documentId}  “Estrava Port Closed” (version 2 of ${first.documentId})`
    )
    await writeFile(join(dir, 'other.txt'), 'Estrava Port Reopens\n\nShips sailed.\n')
    await cli('import', join(dir, 'other.txt'), '--case', c)
    const ambiguous = await cli('show', '--case', c, '--doc', 'Estrava Port')
    expect(ambiguous.code).toBe(1)
    expect(ambiguous.err.split('\n')).toEqual([
      'claimdesk: “Estrava Port” matches 3 documents; pass the id of one:',
      `  ${first.documentId}  “Estrava Port Closed”`,
      `  ${second.documentId}  “Estrava Port Closed” (version 2 of ${first.documentId})`,
      expect.stringMatching(/^ {2}\S+ {2}“Estrava Port Reopens”$/)
    ])
  })
})
