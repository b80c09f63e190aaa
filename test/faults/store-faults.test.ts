// The case store on a failing disk (a fault-injecting file layer), with a file replaced under it,
// and after a killed process: every outcome is a clear error or event, nothing acknowledged is lost.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  utimesSync,
  writeFileSync
} from 'node:fs'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ClaimdeskError } from '../../src/shared/errors'
import type { CaseData } from '../../src/shared/model'
import { emptyCase, listBackups, openCaseStore } from '../../src/main/case'
import { encodeLine } from '../../src/main/case/journal'
import { casePaths } from '../../src/main/case/paths'
import type { CaseStore, StoreEvent } from '../../src/main/case/types'
import { faultyFs } from '../../src/main/case/testing/faulty-fs'
import { fakeClaim, fakeDocument } from '../../src/main/case/testing/fixtures'
import { useTempDir } from '../../src/main/case/testing/tmp-dir'

const tempDir = useTempDir()

async function caught(promise: Promise<unknown>): Promise<ClaimdeskError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e
  )
  expect(err).toBeInstanceOf(ClaimdeskError)
  return err as ClaimdeskError
}

/** A case with one document, closed; returns its path and the document id. */
async function seedCase(name = 'kursk.claimdesk.json'): Promise<{ file: string; docId: string }> {
  const file = join(tempDir(), name)
  const data = emptyCase('Kursk')
  const doc = fakeDocument(2000)
  data.documents.push(doc)
  await (await openCaseStore(file, { createWith: data })).close()
  return { file, docId: doc.id }
}

const claimIds = (data: CaseData): string[] => data.claims.map((c) => c.id).sort()

/** Opens `file` on the real disk and returns its claims' ids; the case must open and validate. */
async function idsOnDisk(file: string): Promise<string[]> {
  const store = await openCaseStore(file, { readOnly: true })
  try {
    return claimIds(store.state.toData())
  } finally {
    await store.close()
  }
}

function events(store: CaseStore): StoreEvent[] {
  const seen: StoreEvent[] = []
  store.onEvent((e) => seen.push(e))
  return seen
}

/** Applies one new claim; returns its id. */
async function addClaim(store: CaseStore, docId: string): Promise<string> {
  const claim = fakeClaim(docId, null)
  await store.apply([{ op: 'put', collection: 'claims', item: claim }])
  return claim.id
}

describe('disk full while writing the journal', () => {
  for (const [label, rules] of [
    ['ENOSPC', [{ op: 'write', path: /\.journal$/, fault: 'ENOSPC' }]],
    [
      'a short write, then ENOSPC',
      [
        { op: 'write', path: /\.journal$/, fault: { short: 17 } },
        { op: 'write', path: /\.journal$/, fault: 'ENOSPC', nth: 2 }
      ]
    ],
    ['EIO at fdatasync', [{ op: 'datasync', path: /\.journal$/, fault: 'EIO' }]]
  ] as const) {
    it(`${label}: the change is refused as not saved, the journal cut back, and a retry works`, async () => {
      const { file, docId } = await seedCase()
      const disk = faultyFs()
      const store = await openCaseStore(file, { fs: disk, checkpointDelayMs: 60_000 })
      const acked = [await addClaim(store, docId)]
      const before = readFileSync(casePaths(file).journal)
      for (const rule of rules) disk.add({ ...rule })
      const err = await caught(addClaim(store, docId))
      expect(err.code).toBe('io')
      expect(err.message).toMatch(
        new RegExp(`^cannot write ${casePaths(file).journal}: .+ \\((ENOSPC|EIO)\\); this change was not saved$`)
      )
      expect(readFileSync(casePaths(file).journal).equals(before)).toBe(true)
      expect(claimIds(store.state.toData())).toEqual(acked.sort())
      acked.push(await addClaim(store, docId))
      // A copy of the files as a crash would leave them: the journal holds both acknowledged claims.
      copyFileSync(file, join(tempDir(), 'crash.claimdesk.json'))
      copyFileSync(casePaths(file).journal, casePaths(join(tempDir(), 'crash.claimdesk.json')).journal)
      expect(await idsOnDisk(join(tempDir(), 'crash.claimdesk.json'))).toEqual(acked.sort())
      await store.close()
      expect(await idsOnDisk(file)).toEqual(acked.sort())
    })
  }
})

describe('disk full while checkpointing', () => {
  for (const [site, rule] of [
    [
      'the case file',
      { op: 'write', path: /\.kursk\.claimdesk\.json\.\d+-[0-9a-f]+\.tmp$/, fault: 'ENOSPC', times: Infinity }
    ],
    ['the backup', { op: 'copyFile', path: /claimdesk-backups/, fault: 'ENOSPC', times: Infinity }]
  ] as const) {
    it(`at ${site}: a timed checkpoint reports save-failed, keeps everything in the journal, and a reopen works`, async () => {
      const { file, docId } = await seedCase()
      const backupsBefore = await listBackups(file)
      // Make a backup due at the first checkpoint.
      for (const b of backupsBefore) {
        const old = new Date(Date.now() - 3600_000)
        utimesSync(join(casePaths(file).backups, b.file), old, old)
      }
      const caseBefore = readFileSync(file)
      const disk = faultyFs([rule])
      const store = await openCaseStore(file, { fs: disk, checkpointDelayMs: 10 })
      const seen = events(store)
      const acked = [await addClaim(store, docId)]
      await new Promise<void>((resolve) => {
        const stop = store.onEvent((e) => {
          if (e.kind === 'save-failed') resolve(stop() as unknown as void)
        })
      })
      expect(seen[0]).toEqual({
        kind: 'save-failed',
        message: expect.stringMatching(
          new RegExp(`^cannot save ${file}: the disk is full \\(ENOSPC\\); the changes are kept in its journal$`)
        )
      })
      expect(readFileSync(file).equals(caseBefore)).toBe(true)
      acked.push(await addClaim(store, docId))
      const err = await caught(store.close())
      expect(err.message).toMatch(/the disk is full \(ENOSPC\)/)
      expect(existsSync(casePaths(file).lock)).toBe(false)
      expect(readdirSync(tempDir()).filter((n) => n.endsWith('.tmp'))).toEqual([])
      // Re-opening in the same process, on the same (still full) disk: it opens, with everything.
      const again = await openCaseStore(file, { fs: disk })
      expect(again.openReport.saveError).toMatch(/the disk is full/)
      expect(claimIds(again.state.toData())).toEqual(acked.sort())
      acked.push(await addClaim(again, docId))
      await caught(again.close())
      // Room again: everything is folded in.
      const fine = await openCaseStore(file)
      expect(fine.recovered).toBe(3)
      await fine.close()
      expect(await idsOnDisk(file)).toEqual(acked.sort())
      expect(existsSync(casePaths(file).journal)).toBe(false)
    })
  }
})

describe('disk full while keeping an original', () => {
  it('refuses the import naming the file, leaves no temp file, and the store goes on', async () => {
    const { file, docId } = await seedCase()
    const bytes = Buffer.from('original article bytes')
    const sha = createHash('sha256').update(bytes).digest('hex')
    const disk = faultyFs([{ op: 'write', path: /claimdesk-files/, fault: 'ENOSPC' }])
    const store = await openCaseStore(file, { fs: disk })
    const err = await caught(store.putOriginal(sha, bytes))
    expect(err.code).toBe('io')
    expect(err.message).toBe(
      `cannot write ${join(casePaths(file).originals, sha)}: the disk is full (ENOSPC); the file was not imported`
    )
    expect(readdirSync(casePaths(file).originals)).toEqual([])
    const id = await addClaim(store, docId)
    await store.putOriginal(sha, bytes)
    await store.close()
    expect(await idsOnDisk(file)).toEqual([id])
  })
})

describe('a read-only folder', () => {
  it('cannot be opened for writing (says so, and offers read-only), and opens read-only', async () => {
    const { file } = await seedCase()
    const readOnlyDisk = faultyFs([
      {
        op: ['mkdir', 'open', 'rename', 'link', 'copyFile', 'rm', 'write'],
        path: /\.lock/,
        fault: 'EROFS',
        times: Infinity
      }
    ])
    const err = await caught(openCaseStore(file, { fs: readOnlyDisk }))
    expect(err.code).toBe('io')
    expect(err.message).toBe(
      `cannot lock ${file} for writing (the disk is read-only (EROFS)); it can still be opened read-only`
    )
    const reader = await openCaseStore(file, { readOnly: true, fs: readOnlyDisk })
    expect(reader.state.toData().title).toBe('Kursk')
    await reader.close()
  })

  it('turning read-only mid-session refuses changes as not saved and loses none acknowledged', async () => {
    const { file, docId } = await seedCase()
    const disk = faultyFs()
    const store = await openCaseStore(file, { fs: disk, checkpointDelayMs: 60_000 })
    const acked = [await addClaim(store, docId)]
    disk.add({ op: ['write', 'open', 'rename', 'mkdir', 'truncate'], fault: 'EROFS', times: Infinity })
    expect((await caught(addClaim(store, docId))).message).toMatch(
      /the disk is read-only \(EROFS\); this change was not saved/
    )
    await caught(store.close())
    expect(await idsOnDisk(file)).toEqual(acked)
  })
})

describe('a case file replaced on disk while open', () => {
  async function replaceWith(file: string, data: CaseData): Promise<void> {
    const other = `${file}.incoming`
    writeFileSync(other, JSON.stringify(data))
    renameSync(other, file)
  }

  it('deleted or moved away while open: written again where it was, with an event saying so', async () => {
    const { file, docId } = await seedCase()
    const store = await openCaseStore(file, { checkpointDelayMs: 60_000 })
    const seen = events(store)
    await addClaim(store, docId)
    renameSync(file, `${file}.moved`)
    await store.checkpoint()
    expect(seen).toEqual([{ kind: 'recreated', file }])
    expect(JSON.parse(readFileSync(file, 'utf8')).claims).toHaveLength(1)
    await store.checkpoint()
    expect(seen).toHaveLength(1)
    await store.close()
  })

  it('is not overwritten: ours goes to a conflict copy, the session continues there, with an event', async () => {
    const { file, docId } = await seedCase()
    const bytes = Buffer.from('kept original')
    const sha = createHash('sha256').update(bytes).digest('hex')
    const store = await openCaseStore(file, { checkpointDelayMs: 60_000 })
    const seen = events(store)
    await store.putOriginal(sha, bytes)
    const acked = [await addClaim(store, docId)]
    const theirs = { ...emptyCase('Theirs'), id: store.state.id }
    await replaceWith(file, theirs)
    const theirBytes = readFileSync(file)
    await store.checkpoint()

    expect(seen).toHaveLength(1)
    const event = seen[0] as Extract<StoreEvent, { kind: 'diverged' }>
    expect(event.kind).toBe('diverged')
    expect(event.theirs).toBe(file)
    expect(event.ours).toMatch(/\/kursk \(conflict copy \d{4}-\d\d-\d\d \d{4}\)\.claimdesk\.json$/)
    expect(store.path).toBe(event.ours)
    expect(readFileSync(file).equals(theirBytes)).toBe(true)
    expect(existsSync(casePaths(file).journal)).toBe(false)
    expect(existsSync(casePaths(file).lock)).toBe(false)

    acked.push(await addClaim(store, docId))
    expect(await store.getOriginal(sha)).not.toBeNull()
    await store.close()
    expect(readFileSync(file).equals(theirBytes)).toBe(true)
    expect(await idsOnDisk(event.ours)).toEqual(acked.sort())
    expect(readdirSync(casePaths(event.ours).originals)).toEqual([sha])
    expect(readdirSync(tempDir()).filter((n) => /\.(journal|lock|tmp)$/.test(n))).toEqual([])
  })

  it('replaced while a checkpoint is being written: still not overwritten', async () => {
    const { file, docId } = await seedCase()
    let theirBytes = Buffer.alloc(0)
    const disk = faultyFs([
      {
        op: 'sync',
        path: /\.kursk\.claimdesk\.json\.\d+-[0-9a-f]+\.tmp$/,
        fault: {
          run: async () => {
            await replaceWith(file, { ...emptyCase('Theirs'), id: 'another-case' })
            theirBytes = readFileSync(file)
          }
        }
      }
    ])
    const store = await openCaseStore(file, { fs: disk, checkpointDelayMs: 60_000 })
    const id = await addClaim(store, docId)
    await store.checkpoint()
    expect(readFileSync(file).equals(theirBytes)).toBe(true)
    expect(store.path).not.toBe(file)
    await store.close()
    expect(await idsOnDisk(store.path)).toEqual([id])
  })

  it('tells a listener that comes later (as after an open that found the file replaced)', async () => {
    const { file, docId } = await seedCase()
    const store = await openCaseStore(file, { checkpointDelayMs: 60_000 })
    await addClaim(store, docId)
    await replaceWith(file, emptyCase('Theirs'))
    await store.checkpoint()
    const seen = events(store)
    expect(seen).toEqual([{ kind: 'diverged', theirs: file, ours: store.path }])
    await store.close()
  })

  it('with the same content under a new inode (a sync tool rewriting it) is no conflict', async () => {
    const { file, docId } = await seedCase()
    const store = await openCaseStore(file, { checkpointDelayMs: 60_000 })
    const seen = events(store)
    copyFileSync(file, `${file}.copy`)
    renameSync(`${file}.copy`, file)
    const id = await addClaim(store, docId)
    await store.checkpoint()
    await store.close()
    expect(seen).toEqual([])
    expect(store.path).toBe(file)
    expect(await idsOnDisk(file)).toEqual([id])
  })
})

describe('what a killed process leaves', () => {
  it('reports a torn unacknowledged write it dropped', async () => {
    const { file, docId } = await seedCase()
    const live = await openCaseStore(file, { checkpointDelayMs: 60_000 })
    const id = await addClaim(live, docId)
    const journal = readFileSync(casePaths(file).journal)
    await live.close()
    const torn = encodeLine({ seq: 2, at: 't', ops: [] })
    writeFileSync(casePaths(file).journal, Buffer.concat([journal, Buffer.from(torn.slice(0, 30))]))
    const store = await openCaseStore(file)
    expect(store.openReport).toMatchObject({ replayed: 1, tornBytes: 30 })
    expect(claimIds(store.state.toData())).toEqual([id])
    await store.close()
  })

  it('cleans up temp files, a half-made journal, lock leftovers and new orphan originals at the next open', async () => {
    const { file } = await seedCase()
    const paths = casePaths(file)
    mkdirSync(paths.originals, { recursive: true })
    mkdirSync(paths.backups, { recursive: true })
    mkdirSync(paths.lock, { recursive: true })
    const leftovers = [
      join(tempDir(), '.kursk.claimdesk.json.4242-0a1b2c3d.tmp'),
      join(paths.backups, '.kursk.2024-05-01T10-00-00-000Z.claimdesk.json.4242-0a1b2c3d.tmp'),
      join(paths.originals, `.${'a'.repeat(64)}.4242-0a1b2c3d.tmp`),
      `${paths.journal}.next`,
      join(paths.originals, 'b'.repeat(64))
    ]
    for (const f of leftovers) writeFileSync(f, 'left by a killed process')
    const lockTemp = join(paths.lock, '.999999-0123456789abcdef.lock.tmp')
    writeFileSync(lockTemp, '{')
    const unrelated = join(tempDir(), '.other.claimdesk.json.4242-0a1b2c3d.tmp')
    writeFileSync(unrelated, 'another case being written')

    const store = await openCaseStore(file)
    expect([...store.openReport.cleanedUp].sort()).toEqual([...leftovers].sort())
    for (const f of [...leftovers, lockTemp]) expect(existsSync(f)).toBe(false)
    expect(existsSync(unrelated)).toBe(true)
    await store.close()
  })

  it('keeps an orphan original older than the newest backup (a backup may refer to it)', async () => {
    const { file } = await seedCase()
    const paths = casePaths(file)
    const store = await openCaseStore(file)
    await store.apply([{ op: 'meta', title: 'backed up' }])
    await store.close()
    const [backup] = await listBackups(file)
    expect(backup).toBeDefined()
    const old = join(paths.originals, 'c'.repeat(64))
    mkdirSync(paths.originals, { recursive: true })
    writeFileSync(old, 'an original of a deleted document')
    const before = new Date(Date.parse(backup.savedAt) - 60_000)
    utimesSync(old, before, before)
    await (await openCaseStore(file)).close()
    expect(existsSync(old)).toBe(true)
  })
})

describe('recovering a damaged journal', () => {
  it('refuses it saying how much is recoverable, then recovers that on request and keeps the journal aside', async () => {
    const { file, docId } = await seedCase()
    const live = await openCaseStore(file, { checkpointDelayMs: 60_000 })
    const ids = [await addClaim(live, docId), await addClaim(live, docId), await addClaim(live, docId)]
    const journal = readFileSync(casePaths(file).journal, 'utf8')
    await live.close()
    const lines = journal.split('\n')
    lines[2] = lines[2].replace('officials', 'OFFICIALS')
    const damaged = lines.join('\n')
    // The crash: the case file from before those changes, and the damaged journal.
    const err = await (async () => {
      const data = JSON.parse(readFileSync(file, 'utf8')) as CaseData
      data.claims = []
      writeFileSync(file, JSON.stringify(data))
      writeFileSync(casePaths(file).journal, damaged)
      return caught(openCaseStore(file))
    })()
    expect(err.code).toBe('corrupt')
    expect(err.details?.journal).toEqual({ file: casePaths(file).journal, damagedLine: 3, recoverable: 1 })
    expect(existsSync(casePaths(file).lock)).toBe(false)

    const store = await openCaseStore(file, { recoverJournal: true })
    expect(claimIds(store.state.toData())).toEqual([ids[0]])
    expect(store.openReport.journalKeptAside).toMatch(/\.journal\.damaged-/)
    expect(readFileSync(store.openReport.journalKeptAside!, 'utf8')).toBe(damaged)
    await store.close()
    expect(await idsOnDisk(file)).toEqual([ids[0]])
  })
})

describe('a lock that is not a live Claimdesk', () => {
  it('is reported as breakable, and breakLock opens the case', async () => {
    const { file } = await seedCase()
    mkdirSync(casePaths(file).lock)
    writeFileSync(join(casePaths(file).lock, '1-0123456789abcdef.lock'), '\u0000garbage')
    const err = await caught(openCaseStore(file))
    expect(err.code).toBe('locked')
    expect(err.details).toMatchObject({ breakable: true, reason: expect.stringMatching(/unreadable/) })
    const store = await openCaseStore(file, { breakLock: true })
    await store.close()
    expect(existsSync(casePaths(file).lock)).toBe(false)
  })
})
