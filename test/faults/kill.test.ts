// A short run of the kill suite (kill-harness.ts); `node test/faults/kill-suite.mjs` runs the full one.
// Drives the built CLI and server (out/main): `npm run build` first.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildProblem } from './driver'
import { killSuite } from './kill-harness'

const work = mkdtempSync(join(tmpdir(), 'claimdesk-kill-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('processes writing a case, killed with SIGKILL', () => {
  it('leave a case that opens, validates and holds every acknowledged change, whatever phase the kill lands in', async () => {
    expect(buildProblem()).toBeNull()
    const report = await killSuite({ work, kills: 30, minAcknowledged: 11, maxKills: 90 })
    expect(report.openFailures).toEqual([])
    expect(report.lost).toEqual([])
    expect(report.kills).toBeGreaterThanOrEqual(30)
    expect(report.acknowledged).toBeGreaterThan(10)
    // Kills must land after the first write too, not only at start-up. Which phase a kill aimed at
    // one lands in depends on how fast the machine is (a busy one runs ahead of the signal), so the
    // test asks for many kills spread over the phases of writing, not for each one.
    const writing = ['journal-write', 'journal-sync', 'applied', 'checkpoint', 'journal-rewrite', 'backup', 'close']
    const landed = Object.entries(report.byPhase).filter(([phase]) => writing.includes(phase))
    const count = landed.reduce((n, [, doors]) => n + Object.values(doors).reduce((a, b) => a + (b ?? 0), 0), 0)
    expect(count, JSON.stringify(report.byPhase)).toBeGreaterThanOrEqual(8)
    expect(landed.length, JSON.stringify(report.byPhase)).toBeGreaterThanOrEqual(3)
  }, 480_000)
})
