// The write lock of a case: `<case>.lock`, a small JSON file naming the process that holds it.
//
// Why not proper-lockfile: it decides that a lock is stale from its mtime, which the holder must
// refresh on a timer (writing to the disk every few seconds), so a crashed app keeps the case locked
// for the stale period, and a holder whose event loop stalls longer than that (a large import) is
// declared dead while alive. Here the lock names its pid and host: on the same host a lock whose
// process is gone (or that predates the last boot) is taken over at once; a lock from another host
// is respected, and its message says who holds it.
//
// Creation is atomic and the file is never seen half-written: the content is written to a unique
// temp file which is then hard-linked to the lock name (link fails if the name exists). Taking over
// a stale lock renames it to a unique name first, so of two processes taking over, one wins.
import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import { hostname, uptime } from 'node:os'
import { dirname } from 'node:path'
import { ClaimdeskError } from '../../shared/errors'
import { errnoCode, tempPathFor } from './durable-file'

export interface LockOwner {
  pid: number
  host: string
  /** ISO time the lock was taken. */
  since: string
  /** Unique per lock, to tell a lock from one that replaced it. */
  token: string
}

const ATTEMPTS = 5
/** A lock file that cannot be parsed is assumed to be mid-creation for this long. */
const UNREADABLE_GRACE_MS = 10_000

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return errnoCode(err) === 'EPERM'
  }
}

function parseOwner(text: string): LockOwner | null {
  try {
    const v = JSON.parse(text) as Partial<LockOwner>
    if (
      typeof v.pid === 'number' &&
      typeof v.host === 'string' &&
      typeof v.since === 'string' &&
      typeof v.token === 'string'
    ) {
      return v as LockOwner
    }
  } catch {
    // unreadable: handled by the caller
  }
  return null
}

async function readLock(path: string): Promise<{ text: string; mtimeMs: number } | null> {
  try {
    const [text, stat] = await Promise.all([fs.readFile(path, 'utf8'), fs.stat(path)])
    return { text, mtimeMs: stat.mtimeMs }
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return null
    throw err
  }
}

function isStale(lock: { text: string; mtimeMs: number }): boolean {
  const owner = parseOwner(lock.text)
  if (!owner) return Date.now() - lock.mtimeMs > UNREADABLE_GRACE_MS
  if (owner.host !== hostname()) return false
  const bootedAt = Date.now() - uptime() * 1000
  return !isAlive(owner.pid) || Date.parse(owner.since) < bootedAt - 60_000
}

function lockedError(casePath: string, text: string): ClaimdeskError {
  const owner = parseOwner(text)
  const who = owner
    ? `another Claimdesk (process ${owner.pid} on ${owner.host}, since ${owner.since})`
    : 'another Claimdesk'
  return new ClaimdeskError(
    'locked',
    `${casePath} is open in ${who}; close it there, or open this case read-only`,
    owner ? { owner } : undefined
  )
}

/** Tries to create the lock; false when the name is taken. */
async function tryCreate(path: string, content: string): Promise<boolean> {
  const temp = tempPathFor(path)
  await fs.writeFile(temp, content, { flag: 'wx' })
  try {
    await fs.link(temp, path)
    return true
  } catch (err) {
    if (errnoCode(err) === 'EEXIST') return false
    throw err
  } finally {
    await fs.rm(temp, { force: true })
  }
}

/** Moves a stale lock out of the way, unless it changed since it was judged stale. */
async function takeOver(path: string, staleText: string): Promise<void> {
  const aside = `${path}.stale-${randomBytes(4).toString('hex')}`
  try {
    await fs.rename(path, aside)
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return
    throw err
  }
  const moved = await fs.readFile(aside, 'utf8')
  if (moved !== staleText) {
    // Another process took the lock over between our read and rename: give it back.
    await fs.link(aside, path).catch(() => undefined)
  }
  await fs.rm(aside, { force: true })
}

export class CaseLock {
  private constructor(
    readonly path: string,
    private readonly content: string
  ) {}

  static async acquire(lockPath: string, casePath: string): Promise<CaseLock> {
    const owner: LockOwner = {
      pid: process.pid,
      host: hostname(),
      since: new Date().toISOString(),
      token: randomBytes(8).toString('hex')
    }
    const content = JSON.stringify(owner)
    let last: { text: string } | null = null
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      try {
        if (await tryCreate(lockPath, content)) return new CaseLock(lockPath, content)
        const existing = await readLock(lockPath)
        if (!existing) continue
        last = existing
        if (!isStale(existing)) break
        await takeOver(lockPath, existing.text)
      } catch (err) {
        if (errnoCode(err) === 'ENOENT')
          throw new ClaimdeskError('not-found', `the folder ${dirname(casePath)} does not exist`)
        throw new ClaimdeskError(
          'io',
          `cannot lock ${casePath} for writing (${(err as Error).message}); it can still be opened read-only`
        )
      }
    }
    throw lockedError(casePath, last?.text ?? '')
  }

  /** Removes the lock if it is still this one. */
  async release(): Promise<void> {
    const current = await readLock(this.path).catch(() => null)
    if (current?.text === this.content) await fs.rm(this.path, { force: true })
  }
}
