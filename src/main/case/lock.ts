// The write lock of a case: the folder `<case>.lock/`. A process that wants to write the case puts
// a file naming itself there (`<pid>-<token>.lock`: pid, host, process start time, since), written
// to a temp name and renamed, so it is never seen half-written. It holds the lock when, with its own
// file in place, every other file there names a process that is gone; it then marks its file `held`.
// Otherwise a held lock is reported at once; of processes that arrived together (none holds it),
// the one that started trying first keeps its file and looks again, the others take theirs back
// and retry a moment later.
//
// Why two processes can never both hold it: say A and B both hold, and A checked the folder first.
// B's file was put in place before B checked, so either it was there when A checked (B alive: A
// would not hold) or it came after A's check, when A's file was there and stays until A lets go
// (A alive: B would not hold). Nothing is ever renamed or deleted to take a lock over: a dead
// process's file is ignored, and deleted only by the next holder (it is nobody's lock by then), so
// the race of the old takeover (renaming away whatever is at the lock path, which can be a lock
// another process took a moment before) cannot happen. The one assumption is that "gone" is judged
// right: on Linux a lock records its process's start time, so a recycled pid is not mistaken for
// the holder; a lock from before the last boot is gone.
//
// Why not proper-lockfile: it decides that a lock is stale from its mtime, which the holder must
// refresh on a timer (writing to the disk every few seconds), so a crashed app keeps the case locked
// for the stale period, and a holder whose event loop stalls longer than that (a large import) is
// declared dead while alive; and its takeover of a stale lock (rmdir, then mkdir) has the race the
// old code here had: a slow taker removes a lock another just made (node-proper-lockfile#121, open).
//
// A lock that is unreadable, or that names a live process which is not Claimdesk (a pid recycled,
// where the start time cannot tell), is never broken silently: the error says it can be broken
// (details.breakable) and `breakLock` breaks it. A lock held on another host is respected.
import { randomBytes } from 'node:crypto'
import { hostname, uptime } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { ClaimdeskError } from '../../shared/errors'
import { errnoCode } from './durable-file'
import { why } from './io-errors'
import type { StoreFs } from './store-fs'

export interface LockOwner {
  pid: number
  host: string
  /** ISO time the lock was taken. */
  since: string
  /** Unique per lock. */
  token: string
  /** The process's start time (Linux: clock ticks after boot), to tell it from a recycled pid. */
  start?: string
  /** Set once the process holds the lock (until then it is only trying). */
  held?: boolean
}

export interface AcquireOptions {
  /** Ignore (and delete) locks that the error of an earlier attempt called breakable. */
  breakLock?: boolean
}

/** How long to keep trying while other processes are trying too (none holds the lock). */
const CONTENTION_MS = 3000
const LOCK_FILE = /^(\d+)-[0-9a-f]{16}\.lock$/
const TEMP_FILE = /^\.(\d+)-[0-9a-f]{16}\.lock\.tmp$/

type Verdict = { state: 'live' } | { state: 'gone' } | { state: 'breakable'; reason: string }

interface Found {
  path: string
  owner: LockOwner | null
  verdict: Verdict
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return errnoCode(err) === 'EPERM'
  }
}

/** Field 22 of /proc/<pid>/stat: when the process started, in clock ticks after boot. */
async function processStart(io: StoreFs, pid: number | 'self'): Promise<string | null> {
  try {
    const stat = (await io.readFile(`/proc/${pid}/stat`)).toString('latin1')
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null
  } catch {
    return null
  }
}

async function processCommand(io: StoreFs, pid: number): Promise<string | null> {
  try {
    return (await io.readFile(`/proc/${pid}/cmdline`)).toString('utf8').split('\0').join(' ').trim() || null
  } catch {
    return null
  }
}

function parseOwner(text: string): LockOwner | null {
  try {
    const v = JSON.parse(text) as Partial<LockOwner>
    if (
      typeof v.pid === 'number' &&
      typeof v.host === 'string' &&
      typeof v.since === 'string' &&
      typeof v.token === 'string' &&
      (v.start === undefined || typeof v.start === 'string')
    ) {
      return v as LockOwner
    }
  } catch {
    // unreadable: judged below
  }
  return null
}

async function judge(io: StoreFs, owner: LockOwner | null): Promise<Verdict> {
  if (!owner) return { state: 'breakable', reason: 'is unreadable (not a lock Claimdesk wrote)' }
  if (owner.host !== hostname()) return { state: 'live' }
  const bootedAt = Date.now() - uptime() * 1000
  if (Date.parse(owner.since) < bootedAt - 60_000 || !isAlive(owner.pid)) return { state: 'gone' }
  const start = await processStart(io, owner.pid)
  if (owner.start !== undefined && start !== null) return start === owner.start ? { state: 'live' } : { state: 'gone' }
  const command = await processCommand(io, owner.pid)
  if (command !== null && !/claimdesk|electron|node/i.test(command)) {
    return {
      state: 'breakable',
      reason: `names process ${owner.pid}, which is running but is not Claimdesk (${command})`
    }
  }
  return { state: 'live' }
}

const isHolder = (o: Found): boolean => o.owner!.held === true || o.owner!.host !== hostname()

/** Sorts what is in the lock folder; a breakable lock stops here unless breakLock says otherwise. */
function judged(
  found: Found[],
  casePath: string,
  options: AcquireOptions
): { live: Found[]; holder: Found | undefined } {
  const breakable = found.find((o) => o.verdict.state === 'breakable')
  if (breakable && !options.breakLock) throw breakableError(casePath, breakable)
  const live = found.filter((o) => o.verdict.state === 'live')
  return { live, holder: live.find(isHolder) }
}

/** Whether `a` started trying before `b` (ties broken by token), to decide who steps back. */
function comesFirst(a: LockOwner, b: LockOwner): boolean {
  return a.since < b.since || (a.since === b.since && a.token < b.token)
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

export class CaseLock {
  private constructor(
    private readonly io: StoreFs,
    /** The lock folder. */
    readonly path: string,
    /** This holder's file inside it. */
    readonly file: string
  ) {}

  static async acquire(
    io: StoreFs,
    lockPath: string,
    casePath: string,
    options: AcquireOptions = {}
  ): Promise<CaseLock> {
    const start = await processStart(io, 'self')
    const owner: LockOwner = {
      pid: process.pid,
      host: hostname(),
      since: new Date().toISOString(),
      token: randomBytes(8).toString('hex'),
      ...(start !== null ? { start } : {})
    }
    const name = `${owner.pid}-${owner.token}.lock`
    const lock = new CaseLock(io, lockPath, join(lockPath, name))
    const giveUpAt = Date.now() + CONTENTION_MS
    let inPlace = false
    try {
      for (;;) {
        if (!inPlace) {
          await lock.enterFolder(casePath, options)
          // A look first: a holder is reported, and others trying are let through, without writing.
          const seen = judged(await lock.others(), casePath, options)
          if (seen.holder) throw lockedError(casePath, seen.holder.owner!)
          if (seen.live.length > 0 && Date.now() < giveUpAt) {
            await sleep(1 + Math.random() * 4)
            continue
          }
          inPlace = await lock.putOwn(JSON.stringify(owner))
          if (!inPlace) continue
        }
        const others = await lock.others()
        const { live } = judged(others, casePath, options)
        if (live.length === 0) {
          // Replacing the file (one rename) keeps the name taken throughout.
          await lock.putOwn(JSON.stringify({ ...owner, held: true }))
          await lock.sweep(others.filter((o) => o.verdict.state !== 'live'))
          return lock
        }
        // A holder is reported at once. Of processes only trying, the one that started first keeps
        // its file and looks again; the others step back and retry, so one of them gets through.
        const holder = live.find(isHolder)
        if (holder || Date.now() > giveUpAt) throw lockedError(casePath, (holder ?? live[0]).owner!)
        if (live.every((o) => comesFirst(owner, o.owner!))) {
          await sleep(1 + Math.random() * 3)
        } else {
          await lock.release()
          inPlace = false
          await sleep(2 + Math.random() * 10)
        }
      }
    } catch (err) {
      await lock.release()
      if (err instanceof ClaimdeskError) throw err
      if (errnoCode(err) === 'ENOENT' && !(await io.stat(dirname(casePath)).catch(() => null))) {
        throw new ClaimdeskError('not-found', `the folder ${dirname(casePath)} does not exist`)
      }
      const situation = `cannot lock ${casePath} for writing (${why(err)})`
      throw new ClaimdeskError('io', `${situation}; it can still be opened read-only`, { situation })
    }
  }

  /** Creates the lock folder; a lock file left at its path by an older Claimdesk is judged first. */
  private async enterFolder(casePath: string, options: AcquireOptions): Promise<void> {
    try {
      await this.io.mkdir(this.path)
      return
    } catch (err) {
      if (errnoCode(err) !== 'EEXIST') throw err
    }
    const info = await this.io.lstat(this.path).catch(() => null)
    if (!info || info.isDirectory()) return
    const text = await this.io.readFile(this.path, 'utf8').catch(() => '')
    const found: Found = { path: this.path, owner: parseOwner(text), verdict: await judge(this.io, parseOwner(text)) }
    if (found.verdict.state === 'live') throw lockedError(casePath, found.owner!)
    if (found.verdict.state === 'breakable' && !options.breakLock) throw breakableError(casePath, found)
    await this.io.rm(this.path, { force: true })
    await this.enterFolder(casePath, options)
  }

  /** Puts this holder's file in the folder; false when the folder vanished meanwhile (try again). */
  private async putOwn(content: string): Promise<boolean> {
    const temp = join(this.path, `.${basename(this.file)}.tmp`)
    try {
      const handle = await this.io.open(temp, 'wx')
      try {
        await handle.writeFile(content)
      } finally {
        await handle.close()
      }
      await this.io.rename(temp, this.file)
      return true
    } catch (err) {
      await this.io.rm(temp, { force: true }).catch(() => undefined)
      if (errnoCode(err) === 'ENOENT') return false
      throw err
    }
  }

  private async others(): Promise<Found[]> {
    const names = await this.io.readdir(this.path).catch(() => [] as string[])
    const found: Found[] = []
    for (const name of names) {
      const path = join(this.path, name)
      if (path === this.file || name.startsWith('.')) continue
      const text = await this.io.readFile(path, 'utf8').catch((err: unknown) => {
        if (errnoCode(err) === 'ENOENT') return null
        throw err
      })
      if (text === null) continue // let go of meanwhile
      const owner = LOCK_FILE.test(name) ? parseOwner(text) : null
      found.push({ path, owner, verdict: await judge(this.io, owner) })
    }
    return found
  }

  /** Deletes the files of gone processes (and broken ones) and temp files their processes left. */
  private async sweep(stale: Found[]): Promise<void> {
    for (const s of stale) await this.io.rm(s.path, { force: true })
    const names = await this.io.readdir(this.path).catch(() => [] as string[])
    for (const name of names) {
      const m = TEMP_FILE.exec(name)
      if (m && Number(m[1]) !== process.pid && !isAlive(Number(m[1]))) {
        await this.io.rm(join(this.path, name), { force: true })
      }
    }
  }

  /** Lets go: deletes this holder's file, and the folder when it is left empty. */
  async release(): Promise<void> {
    await this.io.rm(this.file, { force: true }).catch(() => undefined)
    await this.io.rmdir(this.path).catch(() => undefined)
  }
}

// Each lock error's message ends with the desktop app's way out; details.situation is the message
// without it, for a door that offers other ways (the CLI).
function lockedError(casePath: string, owner: LockOwner): ClaimdeskError {
  const situation = `${casePath} is open in another Claimdesk (process ${owner.pid} on ${owner.host}, since ${owner.since})`
  return new ClaimdeskError('locked', `${situation}; close it there, or open this case read-only`, { owner, situation })
}

function breakableError(casePath: string, found: Found): ClaimdeskError {
  const reason = found.verdict.state === 'breakable' ? found.verdict.reason : 'cannot be judged'
  const situation = `${casePath} is locked by ${found.path}, which ${reason}`
  return new ClaimdeskError(
    'locked',
    `${situation}. If no Claimdesk has this case open, the lock can be broken; otherwise open the case read-only`,
    { breakable: true, reason, lock: found.path, situation, ...(found.owner ? { owner: found.owner } : {}) }
  )
}
