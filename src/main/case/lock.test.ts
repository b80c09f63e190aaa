import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ClaimdeskError } from '../../shared/errors'
import { CaseLock, type LockOwner } from './lock'
import { nodeFs as io } from './store-fs'
import { useTempDir } from './testing/tmp-dir'

const tempDir = useTempDir()
const CASE = 'k.claimdesk.json'

/** The pid of a process that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!
}

const lockDir = (): string => join(tempDir(), `${CASE}.lock`)

/** Puts another process's lock file in the lock folder. */
function otherLock(owner: Partial<LockOwner> | string, name = `${deadPid()}-0123456789abcdef.lock`): string {
  mkdirSync(lockDir(), { recursive: true })
  const file = join(lockDir(), name)
  const full = { host: hostname(), since: new Date().toISOString(), token: 'x', ...(owner as object) }
  writeFileSync(file, typeof owner === 'string' ? owner : JSON.stringify(full))
  return file
}

async function refused(options = {}): Promise<ClaimdeskError> {
  const err = await CaseLock.acquire(io, lockDir(), CASE, options).catch((e: unknown) => e)
  expect(err).toBeInstanceOf(ClaimdeskError)
  expect((err as ClaimdeskError).code).toBe('locked')
  return err as ClaimdeskError
}

const children: ChildProcess[] = []
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL')
})

describe('CaseLock', () => {
  it('is exclusive until released, names its holder, and leaves nothing behind', async () => {
    const lock = await CaseLock.acquire(io, lockDir(), CASE)
    const [name] = readdirSync(lockDir())
    expect(JSON.parse(readFileSync(join(lockDir(), name), 'utf8'))).toMatchObject({
      pid: process.pid,
      host: hostname()
    })
    const err = await refused()
    expect(err.message).toMatch(
      new RegExp(
        `^k\\.claimdesk\\.json is open in another Claimdesk \\(process ${process.pid} on .+, since .+\\); close it there, or open this case read-only$`
      )
    )
    expect(readdirSync(lockDir())).toEqual([name])
    await lock.release()
    expect(existsSync(lockDir())).toBe(false)
    await (await CaseLock.acquire(io, lockDir(), CASE)).release()
  })

  it('of many asking at once, exactly one gets it', async () => {
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => CaseLock.acquire(io, lockDir(), CASE)))
    const won = results.filter((r) => r.status === 'fulfilled')
    expect(won).toHaveLength(1)
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r.reason as ClaimdeskError).code)).toEqual(
      Array(5).fill('locked')
    )
    await (won[0] as PromiseFulfilledResult<CaseLock>).value.release()
  }, 20_000)

  it('ignores and clears the locks of dead processes, of recycled pids and from before the last boot', async () => {
    const dead = otherLock({ pid: deadPid() })
    const recycled = otherLock({ pid: process.pid, start: '1' }, `${process.pid}-1111111111111111.lock`)
    const old = otherLock(
      { pid: process.pid, since: '2000-01-01T00:00:00.000Z' },
      `${process.pid}-2222222222222222.lock`
    )
    const temp = join(lockDir(), `.${deadPid()}-3333333333333333.lock.tmp`)
    writeFileSync(temp, '{')
    const lock = await CaseLock.acquire(io, lockDir(), CASE)
    for (const file of [dead, recycled, old, temp]) expect(existsSync(file)).toBe(false)
    expect(readdirSync(lockDir())).toEqual([lock.file.split('/').pop()])
    await lock.release()
  })

  it('respects a lock held on another host', async () => {
    otherLock({ pid: deadPid(), host: 'other-machine' })
    expect((await refused()).message).toContain('on other-machine')
  })

  it('calls an unreadable lock breakable, and breaks it only when asked', async () => {
    const garbage = otherLock('not a lock')
    const err = await refused()
    expect(err.details).toMatchObject({
      breakable: true,
      lock: garbage,
      reason: 'is unreadable (not a lock Claimdesk wrote)',
      situation: `${CASE} is locked by ${garbage}, which is unreadable (not a lock Claimdesk wrote)`
    })
    expect(err.message).toMatch(/can be broken/)
    expect(existsSync(garbage)).toBe(true)
    const lock = await CaseLock.acquire(io, lockDir(), CASE, { breakLock: true })
    expect(existsSync(garbage)).toBe(false)
    await lock.release()
  })

  it('calls a lock naming a running process that is not Claimdesk breakable', async () => {
    if (process.platform !== 'linux') return
    const sleeper = spawn('sleep', ['30'])
    children.push(sleeper)
    otherLock({ pid: sleeper.pid }, `${sleeper.pid}-4444444444444444.lock`)
    const err = await refused()
    expect(err.details).toMatchObject({ breakable: true })
    expect(err.details?.reason).toMatch(
      new RegExp(`names process ${sleeper.pid}, which is running but is not Claimdesk \\(sleep 30\\)`)
    )
    await (await CaseLock.acquire(io, lockDir(), CASE, { breakLock: true })).release()
  })

  it('respects a live Claimdesk lock even when asked to break locks', async () => {
    const held = await CaseLock.acquire(io, lockDir(), CASE)
    const err = await refused({ breakLock: true })
    expect(err.details?.breakable).toBeUndefined()
    // The message without the desktop app's advice, for the CLI to give its own.
    expect(err.message.startsWith(`${err.details?.situation}; close it there`)).toBe(true)
    expect(err.details?.situation).toMatch(/is open in another Claimdesk \(process \d+ on .*, since .*\)$/)
    await held.release()
  })

  it('judges a lock file an older Claimdesk left at the lock path', async () => {
    writeFileSync(
      lockDir(),
      JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString(), token: 'y' })
    )
    await refused()
    writeFileSync(
      lockDir(),
      JSON.stringify({ pid: deadPid(), host: hostname(), since: new Date().toISOString(), token: 'y' })
    )
    const lock = await CaseLock.acquire(io, lockDir(), CASE)
    await lock.release()
    expect(existsSync(lockDir())).toBe(false)
  })

  it('lets go of its own file only', async () => {
    const lock = await CaseLock.acquire(io, lockDir(), CASE)
    const other = otherLock({ pid: 1, host: 'elsewhere' }, '1-5555555555555555.lock')
    await lock.release()
    expect(readdirSync(lockDir())).toEqual([other.split('/').pop()])
  })
})
