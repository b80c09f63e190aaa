// "Never needs the network", proved: a PDF printed inside a network namespace of its own, counting
// every DNS query and connection attempt Chromium makes there (src/main/export/testing/print-offline.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'rolldown'
import { EXTERNAL_PROGRAM_MS } from '../testing/budgets'
import { findChromium } from './chromium-finder'

const here = dirname(fileURLToPath(import.meta.url))

function namespacesAllowed(): boolean {
  try {
    execFileSync('unshare', ['-n', 'ip', 'link', 'set', 'lo', 'up'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

const canRun = !('problem' in findChromium()) && namespacesAllowed()
if (!canRun)
  console.log(
    'Offline PDF test skipped: it needs a Chromium and a network namespace of its own (`unshare -n` as root, and `ip`)'
  )

interface Attempts {
  names: string[]
  udpSent: number
  tcpOpened: number
  pdfBytes: number
}

describe.skipIf(!canRun)('PDF printing inside a network namespace of its own', () => {
  let outDir = ''
  beforeAll(async () => {
    // Inside node_modules, so that the packages it leaves external resolve from there.
    const cache = resolve(here, '../../../node_modules/.cache')
    mkdirSync(cache, { recursive: true })
    outDir = mkdtempSync(join(cache, 'claimdesk-print-offline-'))
    await build({
      input: { 'print-offline': join(here, 'testing', 'print-offline.ts') },
      platform: 'node',
      logLevel: 'silent',
      external: (id) => !id.startsWith('.') && !id.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(id),
      output: { dir: outDir, format: 'esm', entryFileNames: '[name].mjs' }
    })
  })
  afterAll(() => rmSync(outDir, { recursive: true, force: true }))

  const print = (mode: 'shipped' | 'control'): Attempts => {
    const run = spawnSync('unshare', ['-n', process.execPath, join(outDir, 'print-offline.mjs'), mode], {
      encoding: 'utf8',
      timeout: EXTERNAL_PROGRAM_MS
    })
    if (run.status !== 0) throw new Error(`print-offline ${mode} failed (${run.status}): ${run.stderr}`)
    return JSON.parse(run.stdout.trim().split('\n').pop()!) as Attempts
  }

  it(
    'without the host resolver rules, the count sees Chromium look names up and connect (the control)',
    () => {
      const control = print('control')
      expect(control.pdfBytes).toBeGreaterThan(1000)
      expect(control.names).toContain('lookup-canary.example')
      expect(control.udpSent).toBeGreaterThan(0)
      expect(control.tcpOpened).toBeGreaterThan(0)
    },
    EXTERNAL_PROGRAM_MS
  )

  it(
    'as shipped, prints with no DNS query and no connection attempt, remote images on the page included',
    () => {
      const shipped = print('shipped')
      expect(shipped.pdfBytes).toBeGreaterThan(1000)
      expect(shipped).toMatchObject({ names: [], udpSent: 0, tcpOpened: 0 })
    },
    EXTERNAL_PROGRAM_MS
  )
})
