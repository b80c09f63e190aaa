// A short run of the lock stress (lock-harness.ts); `node test/faults/lock-stress.mjs` runs the full one.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundle } from '../../src/main/case/testing/bundle'
import { lockStress } from './lock-harness'

let buildDir = ''
let work = ''

beforeAll(async () => {
  buildDir = mkdtempSync(join(tmpdir(), 'claimdesk-lock-build-'))
  work = mkdtempSync(join(tmpdir(), 'claimdesk-lock-stress-'))
  await bundle({ worker: fileURLToPath(new URL('./lock-worker.ts', import.meta.url)) }, buildDir)
}, 60_000)

afterAll(() => {
  for (const dir of [buildDir, work]) if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('the case lock under stress', () => {
  it('is never held by two processes, with holders killed at random', async () => {
    const result = await lockStress({
      workerJs: join(buildDir, 'worker.mjs'),
      dir: work,
      processes: 6,
      seconds: 8,
      killEveryMs: 150,
      holdMs: 8
    })
    expect(result.kills).toBeGreaterThan(10)
    expect(result.killedHolding).toBeGreaterThan(0)
    expect(result.acquisitions).toBeGreaterThan(100)
    expect(result.doubleHolds).toBe(0)
  }, 60_000)
})
