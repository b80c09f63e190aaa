// The store on a real disk that fills up: a 2 MB tmpfs, filled to a few KB short of each write
// (journal, checkpoint, backup, originals), and remounted read-only. Needs root and `mount`; where
// that is not possible the tests are skipped, and one line says why.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statfsSync,
  utimesSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ClaimdeskError } from '../../src/shared/errors'
import { emptyCase, listBackups, openCaseStore } from '../../src/main/case'
import { casePaths } from '../../src/main/case/paths'
import type { CaseStore } from '../../src/main/case/types'
import { fakeClaim, fakeDocument } from '../../src/main/case/testing/fixtures'

const mountPoint = mkdtempSync(join(tmpdir(), 'claimdesk-tmpfs-'))
let skipped: string | null = null

beforeAll(() => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) {
    skipped = 'not root on Linux'
  } else {
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mountPoint], { stdio: 'pipe' })
    } catch (err) {
      skipped = `mount failed: ${String((err as { stderr?: Buffer }).stderr ?? (err as Error).message).trim()}`
    }
  }
  if (skipped)
    console.warn(
      `tmpfs disk-full tests skipped (${skipped}); the fault-injecting tests in store-faults.test.ts still run`
    )
})

afterAll(() => {
  try {
    if (!skipped) execFileSync('umount', [mountPoint], { stdio: 'pipe' })
  } finally {
    rmSync(mountPoint, { recursive: true, force: true })
  }
})

afterEach(() => {
  if (skipped) return
  execFileSync('mount', ['-o', 'remount,rw', mountPoint], { stdio: 'pipe' })
  for (const name of readdirSync(mountPoint)) rmSync(join(mountPoint, name), { recursive: true, force: true })
})

const free = (): number => {
  const s = statfsSync(mountPoint)
  return s.bavail * s.bsize
}

/** Fills the disk until `leave` bytes are free (to the page). */
function fillLeaving(leave: number): void {
  const filler = join(mountPoint, 'filler')
  writeFileSync(filler, Buffer.alloc(Math.max(0, free() - leave)))
}

const unfill = (): void => rmSync(join(mountPoint, 'filler'), { force: true })

async function caught(promise: Promise<unknown>): Promise<ClaimdeskError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e
  )
  expect(err).toBeInstanceOf(ClaimdeskError)
  return err as ClaimdeskError
}

/** A case of `docs` documents of `size` characters in its own folder on the tmpfs. */
async function seed(docs: number, size: number): Promise<{ file: string; docId: string }> {
  mkdirSync(join(mountPoint, 'cases'))
  const file = join(mountPoint, 'cases', 'kursk.claimdesk.json')
  const data = emptyCase('Kursk')
  for (let i = 0; i < docs; i++) data.documents.push(fakeDocument(size, i + 1))
  await (await openCaseStore(file, { createWith: data })).close()
  return { file, docId: data.documents[0].id }
}

async function add(store: CaseStore, docId: string): Promise<string> {
  const claim = fakeClaim(docId, null)
  await store.apply([{ op: 'put', collection: 'claims', item: claim }])
  return claim.id
}

async function ids(file: string): Promise<string[]> {
  const store = await openCaseStore(file, { readOnly: true })
  const out = store.state.toData().claims.map((c) => c.id)
  await store.close()
  return out.sort()
}

describe('a disk that fills up (tmpfs)', () => {
  it('journal: a change larger than the space left is refused as not saved, and a retry works once there is room', async (ctx) => {
    if (skipped) return ctx.skip()
    const { file, docId } = await seed(1, 1000)
    const store = await openCaseStore(file, { checkpointDelayMs: 60_000 })
    const acked = [await add(store, docId)]
    const journalBefore = readFileSync(casePaths(file).journal)
    fillLeaving(8 * 1024)
    const big = fakeDocument(200_000, 9)
    const err = await caught(store.apply([{ op: 'put', collection: 'documents', item: big }]))
    expect(err.message).toBe(
      `cannot write ${casePaths(file).journal}: the disk is full (ENOSPC); this change was not saved`
    )
    expect(readFileSync(casePaths(file).journal).equals(journalBefore)).toBe(true)
    unfill()
    await store.apply([{ op: 'put', collection: 'documents', item: big }])
    acked.push(await add(store, docId))
    await store.close()
    expect(await ids(file)).toEqual(acked.sort())
  })

  it('checkpoint: the case file is left as it was, the journal keeps everything, and the case reopens in the same process', async (ctx) => {
    if (skipped) return ctx.skip()
    const { file, docId } = await seed(3, 100_000)
    const before = readFileSync(file)
    const store = await openCaseStore(file, { checkpointDelayMs: 60_000 })
    const acked = [await add(store, docId)]
    fillLeaving(40 * 1024)
    acked.push(await add(store, docId))
    const err = await caught(store.checkpoint())
    expect(err.message).toBe(`cannot save ${file}: the disk is full (ENOSPC); the changes are kept in its journal`)
    expect(readFileSync(file).equals(before)).toBe(true)
    await caught(store.close())
    const again = await openCaseStore(file)
    expect(again.openReport.saveError).toMatch(/the disk is full \(ENOSPC\)/)
    expect(
      again.state
        .toData()
        .claims.map((c) => c.id)
        .sort()
    ).toEqual([...acked].sort())
    acked.push(await add(again, docId))
    unfill()
    await again.close()
    expect(existsSync(casePaths(file).journal)).toBe(false)
    expect(await ids(file)).toEqual(acked.sort())
    expect(readdirSync(join(mountPoint, 'cases')).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })

  it('backup: a backup that does not fit stops the checkpoint, leaves no partial backup, loses nothing', async (ctx) => {
    if (skipped) return ctx.skip()
    const { file, docId } = await seed(3, 150_000)
    const first = await openCaseStore(file)
    await first.apply([{ op: 'meta', title: 'backed up' }])
    await first.close()
    expect(await listBackups(file)).toHaveLength(1)
    for (const b of await listBackups(file)) {
      const old = new Date(Date.now() - 3600_000)
      utimesSync(join(casePaths(file).backups, b.file), old, old)
    }
    const backupsBefore = readdirSync(casePaths(file).backups).sort()
    const store = await openCaseStore(file, { checkpointDelayMs: 60_000 })
    const acked = [await add(store, docId)]
    fillLeaving(100 * 1024)
    expect((await caught(store.checkpoint())).message).toMatch(/the disk is full \(ENOSPC\)/)
    expect(readdirSync(casePaths(file).backups).sort()).toEqual(backupsBefore)
    unfill()
    await store.close()
    expect(await ids(file)).toEqual(acked)
  })

  it('originals: an import that does not fit is refused naming the file, and leaves nothing behind', async (ctx) => {
    if (skipped) return ctx.skip()
    const { file, docId } = await seed(1, 1000)
    const store = await openCaseStore(file)
    const bytes = Buffer.alloc(400_000, 'a')
    const sha = createHash('sha256').update(bytes).digest('hex')
    fillLeaving(64 * 1024)
    const err = await caught(store.putOriginal(sha, bytes))
    expect(err.message).toBe(
      `cannot write ${join(casePaths(file).originals, sha)}: the disk is full (ENOSPC); the file was not imported`
    )
    expect(existsSync(casePaths(file).originals) ? readdirSync(casePaths(file).originals) : []).toEqual([])
    const id = await add(store, docId)
    unfill()
    await store.close()
    expect(await ids(file)).toEqual([id])
  })

  it('a read-only disk: writing is refused with a clear message, reading works', async (ctx) => {
    if (skipped) return ctx.skip()
    const { file } = await seed(1, 1000)
    execFileSync('mount', ['-o', 'remount,ro', mountPoint], { stdio: 'pipe' })
    const err = await caught(openCaseStore(file))
    expect(err.message).toBe(
      `cannot lock ${file} for writing (the disk is read-only (EROFS)); it can still be opened read-only`
    )
    const reader = await openCaseStore(file, { readOnly: true })
    expect(reader.state.toData().title).toBe('Kursk')
    await reader.close()
  })
})
