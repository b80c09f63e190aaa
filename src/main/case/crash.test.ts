// Two real processes: a writer killed with SIGKILL mid-stream, and lock conflicts between processes.
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, watch } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ClaimdeskError } from '../../shared/errors'
import { emptyCase, openCaseStore } from './index'
import { bundle } from './testing/bundle'
import { fakeDocument } from './testing/fixtures'
import { useTempDir } from './testing/tmp-dir'

const tempDir = useTempDir()
let buildDir = ''
let childJs = ''

beforeAll(async () => {
  buildDir = mkdtempSync(join(tmpdir(), 'claimdesk-child-'))
  await bundle({ child: fileURLToPath(new URL('./testing/child.ts', import.meta.url)) }, buildDir)
  childJs = join(buildDir, 'child.mjs')
}, 60_000)

afterAll(() => {
  if (buildDir) rmSync(buildDir, { recursive: true, force: true })
})

interface Child {
  pid: number
  lines: string[]
  /** Resolves with the first line matching `pattern`. */
  waitFor(pattern: RegExp): Promise<string>
  kill(): Promise<void>
  exited: Promise<number | null>
}

function run(...args: string[]): Child {
  const proc = spawn(process.execPath, [childJs, ...args], { stdio: ['ignore', 'pipe', 'inherit'] })
  const lines: string[] = []
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = []
  let buffer = ''
  proc.stdout.setEncoding('utf8')
  proc.stdout.on('data', (chunk: string) => {
    buffer += chunk
    const parts = buffer.split('\n')
    buffer = parts.pop()!
    for (const line of parts) {
      lines.push(line)
      for (const w of waiters.filter((w) => w.pattern.test(line))) {
        waiters.splice(waiters.indexOf(w), 1)
        w.resolve(line)
      }
    }
  })
  const exited = new Promise<number | null>((resolve) => proc.on('close', resolve))
  return {
    pid: proc.pid!,
    lines,
    exited,
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        const seen = lines.find((l) => pattern.test(l))
        if (seen) return resolve(seen)
        waiters.push({ pattern, resolve })
        void exited.then(() =>
          reject(new Error(`child exited before printing ${pattern}: ${lines.slice(-3).join(' | ')}`))
        )
      }),
    kill: async () => {
      proc.kill('SIGKILL')
      await exited
    }
  }
}

async function newCase(documents: number): Promise<string> {
  const file = join(tempDir(), 'crash.claimdesk.json')
  const data = emptyCase('Crash test')
  for (let i = 0; i < documents; i++) data.documents.push(fakeDocument(20_000, i + 1))
  await (await openCaseStore(file, { createWith: data })).close()
  return file
}

describe('a writer process killed with SIGKILL', () => {
  it('leaves a case that opens and holds every write it acknowledged', async () => {
    const file = await newCase(30)
    const acknowledged = new Set<string>()
    const recovered: number[] = []
    // Round 0 never checkpoints (everything is in the journal); the others checkpoint every 5 ms
    // after a write, so kills land before, during and after checkpoints.
    const rounds = [
      { delay: 60_000, killAfter: 150 },
      { delay: 5, killAfter: 40 },
      { delay: 5, killAfter: 170 },
      { delay: 5, killAfter: 333 }
    ]
    let from = 0
    for (const { delay, killAfter } of rounds) {
      const child = run('write', file, String(from), String(delay))
      await child.waitFor(new RegExp(`^c-${from + killAfter}$`))
      await child.kill()
      const acked = child.lines.filter((l) => /^c-\d+$/.test(l))
      expect(child.lines.filter((l) => l.startsWith('error'))).toEqual([])
      acked.forEach((id) => acknowledged.add(id))
      from += 10_000

      const store = await openCaseStore(file)
      recovered.push(store.recovered)
      const present = new Set(store.state.toData().claims.map((c) => c.id))
      const missing = [...acknowledged].filter((id) => !present.has(id))
      expect(missing).toEqual([])
      await store.close()
      expect(
        readdirSync(tempDir()).filter((n) => n.endsWith('.tmp') || n.endsWith('.journal') || n.endsWith('.lock'))
      ).toEqual([])
    }
    expect(recovered[0]).toBeGreaterThanOrEqual(151)
    expect(acknowledged.size).toBeGreaterThanOrEqual(40 + 150 + 170 + 333)
  }, 120_000)

  it('leaves a case that opens and holds every acknowledged write when killed mid-checkpoint', async () => {
    const file = await newCase(60)
    const isTemp = (name: string): boolean => /^\.crash\.claimdesk\.json\.\d+-[0-9a-f]{8}\.tmp$/.test(name)
    let leftBehind = false
    for (let round = 0; round < 10 && !leftBehind; round++) {
      const from = round * 10_000
      const child = run('write', file, String(from), '5')
      await child.waitFor(new RegExp(`^c-${from + 20}$`))
      // Kill the moment a checkpoint starts writing the new case file.
      await new Promise<void>((resolve) => {
        const watcher = watch(tempDir(), (_event, name) => {
          if (name && isTemp(name)) {
            watcher.close()
            void child.kill().then(resolve)
          }
        })
      })
      leftBehind = readdirSync(tempDir()).some(isTemp)
      const acked = child.lines.filter((l) => /^c-\d+$/.test(l))
      const store = await openCaseStore(file)
      const present = new Set(store.state.toData().claims.map((c) => c.id))
      expect(acked.filter((id) => !present.has(id))).toEqual([])
      await store.close()
      expect(readdirSync(tempDir()).filter(isTemp)).toEqual([])
    }
    expect(leftBehind).toBe(true)
  }, 120_000)
})

describe('locks between processes', () => {
  it('refuses a second writer while another process holds the case, allows read-only, and takes over after it dies', async () => {
    const file = await newCase(1)
    const holder = run('hold', file)
    await holder.waitFor(/^ready$/)

    const err = await openCaseStore(file).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ClaimdeskError)
    expect((err as ClaimdeskError).code).toBe('locked')
    expect((err as ClaimdeskError).message).toContain(`process ${holder.pid} on`)
    expect((err as ClaimdeskError).message).toContain('open this case read-only')

    const reader = await openCaseStore(file, { readOnly: true })
    expect(reader.state.toData().title).toBe('Crash test')
    await reader.close()

    await holder.kill()
    const store = await openCaseStore(file)
    expect(store.readOnly).toBe(false)

    const second = run('hold', file)
    const line = await second.waitFor(/^error /)
    expect(line).toContain(`is open in another Claimdesk (process ${process.pid} on`)
    expect(await second.exited).toBe(1)
    await store.close()
  }, 60_000)
})
