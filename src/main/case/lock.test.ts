import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ClaimdeskError } from '../../shared/errors'
import { CaseLock } from './lock'
import { useTempDir } from './testing/tmp-dir'

const tempDir = useTempDir()

/** The pid of a process that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!
}

function lockFile(owner: object): string {
  const file = join(tempDir(), 'k.claimdesk.json.lock')
  writeFileSync(file, JSON.stringify(owner))
  return file
}

async function lockedError(file: string): Promise<ClaimdeskError> {
  const err = await CaseLock.acquire(file, 'k.claimdesk.json').catch((e: unknown) => e)
  expect(err).toBeInstanceOf(ClaimdeskError)
  expect((err as ClaimdeskError).code).toBe('locked')
  return err as ClaimdeskError
}

describe('CaseLock', () => {
  it('is exclusive until released, and names its holder', async () => {
    const file = join(tempDir(), 'k.claimdesk.json.lock')
    const lock = await CaseLock.acquire(file, 'k.claimdesk.json')
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() })
    const err = await lockedError(file)
    expect(err.message).toMatch(
      new RegExp(
        `^k\\.claimdesk\\.json is open in another Claimdesk \\(process ${process.pid} on .+, since .+\\); close it there, or open this case read-only$`
      )
    )
    await lock.release()
    expect(existsSync(file)).toBe(false)
    await (await CaseLock.acquire(file, 'k.claimdesk.json')).release()
  })

  it('takes over the lock of a dead process, or of one from before the last boot', async () => {
    const dead = lockFile({ pid: deadPid(), host: hostname(), since: new Date().toISOString(), token: 'x' })
    const lock = await CaseLock.acquire(dead, 'k.claimdesk.json')
    expect(JSON.parse(readFileSync(dead, 'utf8')).pid).toBe(process.pid)
    await lock.release()

    const old = lockFile({ pid: process.pid, host: hostname(), since: '2000-01-01T00:00:00.000Z', token: 'x' })
    await (await CaseLock.acquire(old, 'k.claimdesk.json')).release()
  })

  it('respects a lock held on another host', async () => {
    const file = lockFile({ pid: deadPid(), host: 'other-machine', since: new Date().toISOString(), token: 'x' })
    expect((await lockedError(file)).message).toContain('on other-machine')
  })

  it('respects an unreadable lock while it may be mid-creation, then takes it over', async () => {
    const file = join(tempDir(), 'k.claimdesk.json.lock')
    writeFileSync(file, '')
    await lockedError(file)
    const past = new Date(Date.now() - 60_000)
    utimesSync(file, past, past)
    await (await CaseLock.acquire(file, 'k.claimdesk.json')).release()
  })

  it('does not remove a lock that was taken over from it', async () => {
    const file = join(tempDir(), 'k.claimdesk.json.lock')
    const lock = await CaseLock.acquire(file, 'k.claimdesk.json')
    writeFileSync(file, JSON.stringify({ pid: 1, host: 'elsewhere', since: 'now', token: 'y' }))
    await lock.release()
    expect(existsSync(file)).toBe(true)
  })
})
