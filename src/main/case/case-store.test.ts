import { createHash } from 'node:crypto'
import {
  chmodSync,
  constants,
  copyFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { ClaimdeskError } from '../../shared/errors'
import type { CaseData, CaseDocument } from '../../shared/model'
import { emptyCase, listBackups, openCaseStore } from './index'
import { decodeLine, encodeLine } from './journal'
import { casePaths } from './paths'
import { nodeFs } from './store-fs'
import { faultyFs } from './testing/faulty-fs'
import { fakeClaim, fakeDocument, fakeSource } from './testing/fixtures'
import { useTempDir } from './testing/tmp-dir'
import type { CaseStore } from './types'

const tempDir = useTempDir()

function caseFile(name = 'kursk.claimdesk.json'): string {
  return join(tempDir(), name)
}

async function newStore(file = caseFile(), data: CaseData = emptyCase('Kursk')): Promise<CaseStore> {
  return openCaseStore(file, { createWith: data })
}

async function caught(promise: Promise<unknown>): Promise<ClaimdeskError> {
  try {
    await promise
  } catch (err) {
    if (err instanceof ClaimdeskError) return err
    throw err
  }
  throw new Error('expected a ClaimdeskError')
}

const onDisk = (file: string): CaseData => JSON.parse(readFileSync(file, 'utf8')) as CaseData

describe('openCaseStore', () => {
  it('creates a case, round-trips every collection, and leaves one self-contained file on close', async () => {
    const file = caseFile()
    const store = await newStore(file)
    const doc = fakeDocument(2000)
    const source = fakeSource('Col. Ivanov')
    const claim = fakeClaim(doc.id, source.id)
    await store.apply([
      { op: 'put', collection: 'documents', item: doc },
      { op: 'put', collection: 'sources', item: source },
      { op: 'put', collection: 'claims', item: claim },
      { op: 'meta', title: 'Kursk incursion' }
    ])
    await store.apply([{ op: 'put', collection: 'claims', item: { ...claim, note: 'edited' } }])
    await store.close()

    expect(readdirSync(tempDir()).sort()).toEqual(['kursk.claimdesk-backups', 'kursk.claimdesk.json'])
    const text = readFileSync(file, 'utf8')
    expect(text).not.toContain(tempDir())

    const again = await openCaseStore(file)
    expect(again.recovered).toBe(0)
    expect(again.state.toData().title).toBe('Kursk incursion')
    expect(again.state.toData().documents).toEqual([doc])
    expect(again.state.toData().sources).toEqual([source])
    expect(again.state.toData().claims).toEqual([{ ...claim, note: 'edited' }])
    await again.apply([{ op: 'remove', collection: 'claims', id: claim.id }])
    await again.close()
    expect(onDisk(file).claims).toEqual([])
  })

  it('makes each apply durable in the journal before it resolves, without rewriting the case', async () => {
    const file = caseFile()
    const store = await newStore(file)
    const before = readFileSync(file, 'utf8')
    await store.apply([{ op: 'put', collection: 'sources', item: fakeSource('Reuters') }])
    expect(readFileSync(file, 'utf8')).toBe(before)
    const journal = readFileSync(casePaths(file).journal, 'utf8')
    expect(journal.split('\n').filter(Boolean)).toHaveLength(2)
    expect(journal).toContain('"name":"Reuters"')
    await store.close()
    expect(existsSync(casePaths(file).journal)).toBe(false)
    expect(existsSync(casePaths(file).lock)).toBe(false)
  })

  it('folds the journal into the case file by a timed checkpoint', async () => {
    const file = caseFile()
    const store = await openCaseStore(file, { createWith: emptyCase('T'), checkpointDelayMs: 20 })
    await store.apply([{ op: 'put', collection: 'sources', item: fakeSource('Reuters') }])
    // No close, no explicit checkpoint: only the timer can fold it in (waited for, however busy the machine).
    // The case file is written first, then the journal loses its folded line: both, in the end.
    await vi.waitFor(
      () => {
        expect(onDisk(file).sources.map((s) => s.name)).toEqual(['Reuters'])
        expect(readFileSync(casePaths(file).journal, 'utf8').split('\n').filter(Boolean)).toHaveLength(1)
      },
      { timeout: 20_000, interval: 20 }
    )
    await store.close()
  })

  it('keeps concurrent applies in call order (group commit)', async () => {
    const file = caseFile()
    const store = await newStore(file)
    const doc = fakeDocument(100)
    const claim = fakeClaim(doc.id, null)
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        store.apply([{ op: 'put', collection: 'claims', item: { ...claim, note: `n${i}` } }])
      )
    )
    expect(store.state.toData().claims.map((c) => c.note)).toEqual(['n39'])
    const lines = readFileSync(casePaths(file).journal, 'utf8').split('\n').filter(Boolean).slice(1)
    expect(lines.map((l) => (JSON.parse(l) as { ops: { item: { note: string } }[] }).ops[0].item.note)).toEqual(
      Array.from({ length: 40 }, (_, i) => `n${i}`)
    )
    await store.close()
    expect(onDisk(file).claims.map((c) => c.note)).toEqual(['n39'])
  })

  it('goes on applying while a checkpoint writes, and keeps those changes in the journal', async () => {
    await applyDuringCheckpoint(null)
  })

  it('drops the folded lines of a large journal, keeping those that came in during the checkpoint', async () => {
    await applyDuringCheckpoint(fakeDocument(4_500_000, 7))
  })

  async function applyDuringCheckpoint(big: CaseDocument | null): Promise<void> {
    const file = caseFile()
    const doc = fakeDocument(100)
    const during: string[] = []
    const ref: { store?: CaseStore } = {}
    const disk = faultyFs([
      {
        op: 'sync',
        path: /\.kursk\.claimdesk\.json\.\d+-[0-9a-f]+\.tmp$/,
        nth: 2, // the first is the case's creation
        fault: {
          run: async () => {
            // The checkpoint's snapshot is taken: these applies must not wait for it, nor be lost.
            for (let i = 0; i < 3; i++) {
              const claim = fakeClaim(doc.id, null)
              await ref.store!.apply([{ op: 'put', collection: 'claims', item: claim }])
              during.push(claim.id)
            }
            if (big) await ref.store!.apply([{ op: 'put', collection: 'documents', item: big }])
          }
        }
      }
    ])
    const store = (ref.store = await openCaseStore(file, {
      createWith: emptyCase('Kursk'),
      fs: disk,
      checkpointDelayMs: 60_000
    }))
    const before = fakeClaim(doc.id, null)
    await store.apply([{ op: 'put', collection: 'documents', item: doc }])
    await store.apply([{ op: 'put', collection: 'claims', item: before }])
    await store.checkpoint()
    expect(during).toHaveLength(3)
    expect(onDisk(file).claims.map((c) => c.id)).toEqual([before.id])
    // The lines folded in stay until the journal is large (replaying them is harmless).
    const journal = readFileSync(casePaths(file).journal, 'utf8').split('\n').filter(Boolean)
    expect(journal).toHaveLength(big ? 5 : 6)
    // A crash now: the case file and the journal together hold every acknowledged change.
    const crashed = caseFile('crashed.claimdesk.json')
    copyFileSync(file, crashed)
    copyFileSync(casePaths(file).journal, casePaths(crashed).journal)
    const reopened = await openCaseStore(crashed)
    expect(reopened.state.toData().claims.map((c) => c.id)).toEqual([before.id, ...during])
    await reopened.close()
    await store.close()
    expect(onDisk(file).claims.map((c) => c.id)).toEqual([before.id, ...during])
  }

  it('refuses invalid changes, naming the field, and changes nothing', async () => {
    const store = await newStore()
    const claim = fakeClaim('d1', null)
    const bad = { ...claim, status: 'maybe' } as unknown as typeof claim
    const err = await caught(
      store.apply([
        { op: 'put', collection: 'claims', item: claim },
        { op: 'put', collection: 'claims', item: bad }
      ])
    )
    expect(err.code).toBe('invalid')
    expect(err.message).toMatch(/change 2: claims item: status/)
    expect(store.state.toData().claims).toEqual([])
    expect((await caught(store.apply([{ op: 'put', collection: 'nope', item: claim } as never]))).message).toMatch(
      /unknown collection "nope"/
    )
    await store.close()
  })

  it('copies items on apply, so a caller mutating its object later changes nothing', async () => {
    const store = await newStore()
    const source = fakeSource('A')
    await store.apply([{ op: 'put', collection: 'sources', item: source }])
    source.name = 'B'
    expect(store.state.toData().sources[0].name).toBe('A')
    await store.close()
  })

  it('says so when the file does not exist, and creates nothing', async () => {
    const file = caseFile()
    const err = await caught(openCaseStore(file))
    expect(err.code).toBe('not-found')
    expect(err.message).toContain(file)
    expect(readdirSync(tempDir())).toEqual([])
  })

  it('says which folder is missing when creating a case in one', async () => {
    const err = await caught(openCaseStore(join(tempDir(), 'nope', 'k.claimdesk.json'), { createWith: emptyCase('x') }))
    expect(err.code).toBe('not-found')
    expect(err.message).toBe(`the folder ${join(tempDir(), 'nope')} does not exist`)
  })

  it('will not create a case over the journal of an earlier case at that path', async () => {
    const file = caseFile()
    writeFileSync(casePaths(file).journal, 'changes of a deleted case\n')
    const err = await caught(openCaseStore(file, { createWith: emptyCase('x') }))
    expect(err.code).toBe('conflict')
    expect(existsSync(file)).toBe(false)
    expect(readFileSync(casePaths(file).journal, 'utf8')).toBe('changes of a deleted case\n')
  })

  it('rejects an invalid createWith', async () => {
    const err = await caught(openCaseStore(caseFile(), { createWith: { ...emptyCase('x'), claims: [{}] } as never }))
    expect(err.code).toBe('invalid')
    expect(err.message).toMatch(/claims\[0\]\.id/)
  })

  it('keeps the case file’s permissions when it saves it', async () => {
    const file = caseFile()
    await (await newStore(file)).close()
    chmodSync(file, 0o600)
    const store = await openCaseStore(file)
    await store.apply([{ op: 'meta', title: 'Private' }])
    await store.close()
    expect(onDisk(file).title).toBe('Private')
    expect(statSync(file).mode & 0o777).toBe(0o600)
  })

  it('will not write a case file its permissions let us only read, and says how to open it', async () => {
    const file = caseFile()
    await (await newStore(file)).close()
    const before = readFileSync(file, 'utf8')
    const readOnlyFile: typeof nodeFs = {
      ...nodeFs,
      access: async (path, mode) => {
        if (path === file && mode !== undefined && mode & constants.W_OK)
          throw Object.assign(new Error(`EACCES: permission denied, access '${file}'`), { code: 'EACCES' })
        return nodeFs.access(path, mode)
      }
    }
    const err = await caught(openCaseStore(file, { fs: readOnlyFile }))
    expect(err.code).toBe('read-only')
    expect(err.message).toBe(
      `${file} may be read but not written (its permissions): open it read-only, or make it writable`
    )
    const reading = await openCaseStore(file, { fs: readOnlyFile, readOnly: true })
    expect(reading.readOnly).toBe(true)
    await reading.close()
    expect(readFileSync(file, 'utf8')).toBe(before)
  })

  it('refuses a folder', async () => {
    const err = await caught(openCaseStore(tempDir()))
    expect(err.code).toBe('invalid')
    expect(err.message).toMatch(/is a folder/)
  })
})

describe('corrupt files', () => {
  async function expectRefused(content: string | Buffer, pattern: RegExp, name?: string): Promise<ClaimdeskError> {
    const file = caseFile(name)
    // A good version first, so there is a backup to offer.
    const store = await newStore(file)
    await store.apply([{ op: 'meta', title: 'Good' }])
    await store.close()
    writeFileSync(file, content)
    const before = readFileSync(file)
    const err = await caught(openCaseStore(file))
    expect(err.code).toBe('corrupt')
    expect(err.message).toContain(file)
    expect(err.message).toMatch(pattern)
    expect(readFileSync(file).equals(before)).toBe(true)
    expect(existsSync(casePaths(file).lock)).toBe(false)
    expect(err.details?.backups).toEqual(await listBackups(file))
    expect((err.details?.backups as unknown[]).length).toBe(1)
    return err
  }

  it('refuses a truncated file and leaves it byte-identical', async () => {
    const good = JSON.stringify(emptyCase('x'), null, 2)
    for (const cut of [0.3, 0.5, 0.9]) {
      await expectRefused(
        good.slice(0, Math.round(good.length * cut)),
        /ends early at line \d+, column \d+ \(truncated\?\)/,
        `cut-${cut}.claimdesk.json`
      )
    }
  })

  it('refuses broken JSON with its position', async () => {
    await expectRefused('{\n  "version": 1,\n  "id" "x"\n}', /not valid JSON: .*\(line 3, column 8\)/)
  })

  it('refuses a schema-invalid file naming the field path', async () => {
    const data = emptyCase('x')
    data.claims.push({ ...fakeClaim('d', null), credibility: '9' } as never)
    await expectRefused(JSON.stringify(data), /does not match the case format: claims\[0\]\.credibility/)
  })

  it('refuses an empty file and a binary one', async () => {
    await expectRefused('', /is empty/, 'empty.claimdesk.json')
    await expectRefused(Buffer.from([0xff, 0xfe, 0x00, 0x80]), /not UTF-8/, 'binary.claimdesk.json')
  })

  it('refuses a file from a newer Claimdesk, read-only too, without calling it corrupt', async () => {
    const file = caseFile()
    writeFileSync(file, JSON.stringify({ ...emptyCase('x'), version: 7 }))
    for (const readOnly of [false, true]) {
      const err = await caught(openCaseStore(file, { readOnly }))
      expect(err.code).toBe('invalid')
      expect(err.message).toMatch(/newer Claimdesk \(case format version 7; this Claimdesk reads versions up to 3\)/)
    }
  })
})

describe('migration', () => {
  it('keeps the file of an older format as a backup when opening migrates it, however recent the last backup', async () => {
    const file = caseFile()
    const first = await newStore(file)
    await first.apply([{ op: 'meta', title: 'Kursk incursion' }])
    await first.close()
    expect(await listBackups(file)).toHaveLength(1)
    // The file an earlier Claimdesk saved a moment ago: version 2, no rejections yet.
    const { rejections: _, ...older } = { ...onDisk(file), version: 2, title: 'As version 2 left it' }
    writeFileSync(file, JSON.stringify(older))
    await (await openCaseStore(file)).close()
    expect(onDisk(file).version).toBe(3)
    const kept = (await listBackups(file)).map((b) => onDisk(join(casePaths(file).backups, b.file)))
    expect(kept.map((d) => [d.version, d.title])).toContainEqual([2, 'As version 2 left it'])
  })
})

describe('migration that cannot be saved', () => {
  it('refuses to open for writing, leaving the file and its journal of the older format as they were', async () => {
    const file = caseFile()
    const store = await newStore(file)
    await store.apply([{ op: 'meta', title: 'Kursk incursion' }])
    // An earlier Claimdesk's case, with a change still in its journal (it was killed).
    const { rejections: _, ...older } = { ...onDisk(file), version: 2 }
    const [header, ...changes] = readFileSync(casePaths(file).journal, 'utf8').split('\n')
    const journal = encodeLine({ ...decodeLine(header), schema: 2 }) + changes.join('\n')
    await store.close()
    writeFileSync(file, JSON.stringify(older))
    writeFileSync(casePaths(file).journal, journal)
    const disk = faultyFs([{ op: 'write', path: /\.tmp$/, fault: 'ENOSPC', times: Infinity }])
    const err = await caught(openCaseStore(file, { fs: disk }))
    expect(err.message).toMatch(
      /cannot save .*: the disk is full.*older case format and was left as it was: open it read-only/
    )
    expect(onDisk(file).version).toBe(2)
    expect(readFileSync(casePaths(file).journal, 'utf8')).toBe(journal)
    // Read-only, it opens with the journal's change; and once there is room, it upgrades.
    const reading = await openCaseStore(file, { readOnly: true })
    expect(reading.state.title).toBe('Kursk incursion')
    await reading.close()
    await (await openCaseStore(file)).close()
    expect([onDisk(file).version, onDisk(file).title]).toEqual([3, 'Kursk incursion'])
  })
})

describe('journal recovery', () => {
  /** The case and journal of a writer that crashed: copied while it was open, then released. */
  async function crashedCopy(writes: number): Promise<{ file: string; ids: string[] }> {
    const live = caseFile('live.claimdesk.json')
    const store = await newStore(live)
    const doc = fakeDocument(500)
    await store.apply([{ op: 'put', collection: 'documents', item: doc }])
    const ids: string[] = []
    for (let i = 0; i < writes; i++) {
      const claim = fakeClaim(doc.id, null)
      ids.push(claim.id)
      await store.apply([{ op: 'put', collection: 'claims', item: claim }])
    }
    const file = caseFile('crashed.claimdesk.json')
    copyFileSync(live, file)
    copyFileSync(casePaths(live).journal, casePaths(file).journal)
    await store.close()
    return { file, ids }
  }

  it('replays a journal left by a crash, reports the count, and checkpoints', async () => {
    const { file, ids } = await crashedCopy(5)
    expect(onDisk(file).claims).toEqual([])
    const store = await openCaseStore(file)
    expect(store.recovered).toBe(6)
    expect(store.state.toData().claims.map((c) => c.id)).toEqual(ids)
    expect(onDisk(file).claims.map((c) => c.id)).toEqual(ids)
    expect(existsSync(casePaths(file).journal)).toBe(false)
    await store.close()
  })

  it('skips a torn last line (an apply that never completed)', async () => {
    const { file, ids } = await crashedCopy(3)
    const journal = casePaths(file).journal
    const text = readFileSync(journal, 'utf8')
    writeFileSync(journal, text.slice(0, text.length - 40))
    const store = await openCaseStore(file)
    expect(store.recovered).toBe(3)
    expect(store.state.toData().claims.map((c) => c.id)).toEqual(ids.slice(0, 2))
    await store.close()
  })

  it('refuses a journal damaged before its last line, touching nothing', async () => {
    const { file } = await crashedCopy(3)
    const journal = casePaths(file).journal
    const lines = readFileSync(journal, 'utf8').split('\n')
    lines[2] = lines[2].replace('officials', 'OFFICIALS')
    writeFileSync(journal, lines.join('\n'))
    const before = [readFileSync(file), readFileSync(journal)]
    const err = await caught(openCaseStore(file))
    expect(err.code).toBe('corrupt')
    expect(err.message).toMatch(
      /journal.* damaged at line 3, with 2 later line\(s\); the 1 change\(s\) before it can be recovered/
    )
    expect(err.details?.journal).toEqual({ file: casePaths(file).journal, damagedLine: 3, recoverable: 1 })
    expect(readFileSync(file).equals(before[0])).toBe(true)
    expect(readFileSync(journal).equals(before[1])).toBe(true)
  })

  it('shows a crashed journal read-only without writing anything', async () => {
    const { file, ids } = await crashedCopy(2)
    const before = readFileSync(file)
    const store = await openCaseStore(file, { readOnly: true })
    expect(store.recovered).toBe(3)
    expect(store.state.toData().claims.map((c) => c.id)).toEqual(ids)
    await store.close()
    expect(readFileSync(file).equals(before)).toBe(true)
    expect(existsSync(casePaths(file).journal)).toBe(true)
  })
})

describe('locking and read-only', () => {
  it('gives a second writer a clear "locked" error and lets it open read-only', async () => {
    const file = caseFile()
    const writer = await newStore(file)
    await writer.apply([{ op: 'meta', title: 'Live' }])
    const err = await caught(openCaseStore(file))
    expect(err.code).toBe('locked')
    expect(err.message).toMatch(
      /is open in another Claimdesk \(process \d+ on .*\); close it there, or open this case read-only/
    )

    const names = readdirSync(tempDir()).sort()
    const reader = await openCaseStore(file, { readOnly: true })
    expect(reader.readOnly).toBe(true)
    expect(reader.state.toData().title).toBe('Live')
    expect((await caught(reader.apply([{ op: 'meta', title: 'x' }]))).code).toBe('read-only')
    expect((await caught(reader.putOriginal('0'.repeat(64), new Uint8Array()))).code).toBe('read-only')
    await reader.checkpoint()
    await reader.close()
    expect(readdirSync(tempDir()).sort()).toEqual(names)

    await writer.close()
    const next = await openCaseStore(file)
    await next.close()
  })

  it('refuses applies after close', async () => {
    const store = await newStore()
    await store.close()
    expect((await caught(store.apply([{ op: 'meta', title: 'x' }]))).code).toBe('no-case')
  })
})

describe('originals and saveAs', () => {
  const bytes = new TextEncoder().encode('Original article bytes')
  const sha = createHash('sha256').update(bytes).digest('hex')

  it('stores originals beside the case by hash, once', async () => {
    const file = caseFile()
    const store = await newStore(file)
    expect(await store.getOriginal(sha)).toBeNull()
    await store.putOriginal(sha, bytes)
    await store.putOriginal(sha, bytes)
    expect(readdirSync(casePaths(file).originals)).toEqual([sha])
    expect(Buffer.from((await store.getOriginal(sha))!).equals(Buffer.from(bytes))).toBe(true)
    expect((await caught(store.putOriginal('f'.repeat(64), bytes))).message).toMatch(/have SHA-256/)
    expect((await caught(store.getOriginal('../etc'))).code).toBe('invalid')
    await store.close()
  })

  it('saveAs writes a complete copy with its originals, opens it and closes the old one', async () => {
    const file = caseFile()
    const store = await newStore(file)
    await store.putOriginal(sha, bytes)
    const doc = fakeDocument(100)
    await store.apply([
      { op: 'put', collection: 'sources', item: fakeSource('TASS') },
      { op: 'put', collection: 'documents', item: { ...doc, provenance: { ...doc.provenance, sha256: sha } } }
    ])
    const target = join(tempDir(), 'copy.claimdesk.json')
    const copy = await store.saveAs(target)
    expect(copy.path).toBe(target)
    expect(onDisk(target).sources.map((s) => s.name)).toEqual(['TASS'])
    expect(onDisk(file).sources.map((s) => s.name)).toEqual(['TASS'])
    expect(existsSync(casePaths(file).lock)).toBe(false)
    expect(existsSync(casePaths(file).journal)).toBe(false)
    expect(existsSync(casePaths(target).lock)).toBe(true)
    expect(await copy.getOriginal(sha)).not.toBeNull()
    expect((await caught(store.apply([{ op: 'meta', title: 'x' }]))).code).toBe('no-case')
    await copy.apply([{ op: 'meta', title: 'Copy' }])
    await copy.close()
    expect(onDisk(target).title).toBe('Copy')
    expect(onDisk(file).title).toBe('Kursk')
  })

  it('an apply arriving while saveAs copies the case is refused, not left in the old file only', async () => {
    const file = caseFile()
    const target = caseFile('copy.claimdesk.json')
    let late: Promise<string> | undefined
    const disk = faultyFs([
      {
        op: 'rename',
        path: /copy\.claimdesk\.json$/,
        fault: {
          run: () => {
            late = store.apply([{ op: 'meta', title: 'late' }]).then(
              () => 'applied',
              (e: ClaimdeskError) => e.code
            )
          }
        }
      }
    ])
    const store = await openCaseStore(file, { createWith: emptyCase('Kursk'), fs: disk })
    const copy = await store.saveAs(target)
    await copy.close()
    expect(await late).toBe('no-case')
    expect([onDisk(file).title, onDisk(target).title]).toEqual(['Kursk', 'Kursk'])
  })

  it('saveAs from a read-only store gives a writable copy', async () => {
    const file = caseFile()
    const writer = await newStore(file)
    const reader = await openCaseStore(file, { readOnly: true })
    const copy = await reader.saveAs(join(tempDir(), 'mine.claimdesk.json'))
    expect(copy.readOnly).toBe(false)
    await copy.apply([{ op: 'meta', title: 'Mine' }])
    await copy.close()
    await writer.close()
  })
})
