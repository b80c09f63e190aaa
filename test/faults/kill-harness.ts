// The kill suite: SIGKILLs spread over the whole life of processes writing a case (start-up, open,
// journal write, fdatasync, checkpoint, backup, close), through the CLI (`claim add`, `import`) and
// through the browser-mode server. After every kill the case must open, validate and hold every
// change that was acknowledged (CLI exit 0, HTTP 200). Kills are aimed by the phase markers the
// store prints (CLAIMDESK_PHASE_MARKERS=1) and, for start-up and "any time", by the clock; each kill
// is counted under the last phase the process had entered when it died.
// Used by kill.test.ts (a short run) and kill-suite.mjs (the full run, figures in bench/README.md).
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openCaseStore } from '../../src/main/case'
import { casePaths } from '../../src/main/case/paths'
import { cliAcknowledged, cliClaimAdd, cliImport, startServer, type Run } from './driver'

export { buildProblem } from './driver'

export type Door = 'cli claim add' | 'cli import' | 'server'

/** Where each door's kills are aimed: a phase marker, or 'startup' / 'any time' (by the clock). */
const PLAN: [Door, string][] = [
  ['cli claim add', 'startup'],
  ['cli claim add', 'open'],
  ['cli claim add', 'journal-write'],
  ['server', 'journal-write'],
  ['cli claim add', 'journal-sync'],
  ['cli claim add', 'checkpoint'],
  ['cli import', 'original'],
  ['cli claim add', 'backup'],
  ['server', 'journal-sync'],
  ['cli claim add', 'replay'],
  ['cli claim add', 'applied'],
  ['cli claim add', 'journal-rewrite'],
  ['cli import', 'journal-sync'],
  ['server', 'checkpoint'],
  ['cli claim add', 'any time'],
  ['cli claim add', 'close'],
  ['server', 'startup'],
  ['cli import', 'checkpoint'],
  ['cli claim add', 'cleanup'],
  ['server', 'any time'],
  ['cli claim add', 'closed'],
  ['cli import', 'any time'],
  ['server', 'applied'],
  ['cli claim add', 'any time']
]

const SENTENCES = 400
const sentence = (i: number): string => `Sentence number ${i} of the report says the convoy moved at dawn.`
const quote = (i: number): string => `Sentence number ${i % SENTENCES} of the report says`

export interface KillOptions {
  work: string
  kills: number
  /**
   * Kills go on past `kills` (up to `maxKills`) until this many changes were acknowledged: on a busy
   * machine more runs die before acknowledging any, and a suite that saw few acknowledged changes
   * would check little.
   */
  minAcknowledged?: number
  maxKills?: number
  /** Progress lines. */
  log?: (line: string) => void
}

export interface KillReport {
  kills: number
  /** Kills by the phase they landed in, per door. */
  byPhase: Record<string, Partial<Record<Door, number>>>
  /** Runs that ended before the kill aimed at them (not counted as kills). */
  missed: number
  acknowledged: number
  /** Changes that were durable although their process died before acknowledging them. */
  unacknowledgedKept: number
  /** Acknowledged changes missing after a kill (must be none). */
  lost: string[]
  /** Opens that failed after a kill (must be none). */
  openFailures: string[]
  seconds: number
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

function lastPhase(stderr: string): string {
  const markers = [...stderr.matchAll(/^@phase (\S+)$/gm)]
  return markers.length ? markers[markers.length - 1][1] : 'startup'
}

/** Kills `r` when marker `target` appears (or at `atMs` after start); resolves whether it did. */
/** Kills `r` at a phase marker, or `atMs` after `from` (its spawn by default) for 'startup' and 'any time'. */
function aim(r: Run, target: string, atMs: number, from: Promise<unknown> = Promise.resolve()): Promise<boolean> {
  let killed = false
  const kill = (): void => {
    if (killed || r.child.exitCode !== null) return
    killed = true
    r.child.kill('SIGKILL')
  }
  if (target === 'startup' || target === 'any time') {
    void from.then(() => setTimeout(kill, atMs))
  } else {
    let seen = ''
    r.child.stderr!.on('data', (d: string) => {
      seen += d
      if (new RegExp(`^@phase ${target}$`, 'm').test(seen)) {
        // Right at the marker, or a moment into the phase.
        if (Math.random() < 0.5) kill()
        else setTimeout(kill, Math.random() * 3)
      }
    })
  }
  return r.exited.then((e) => killed && e.signal === 'SIGKILL')
}

export async function killSuite(o: KillOptions): Promise<KillReport> {
  const t0 = Date.now()
  const log = o.log ?? (() => undefined)
  const casePath = join(o.work, 'kill.claimdesk.json')
  const env = { CLAIMDESK_HOME: join(o.work, 'home') }
  const files = join(o.work, 'files')
  mkdirSync(files, { recursive: true })

  // The case: one document to quote from, imported by an unkilled run.
  const report = join(files, 'report.txt')
  writeFileSync(report, Array.from({ length: SENTENCES }, (_, i) => sentence(i)).join('\n\n'))
  const created = await cliImport({ casePath, files: [report], env }).exited
  if (!cliAcknowledged(created)) throw new Error(`could not create the case: ${created.stderr}`)
  const seed = await openCaseStore(casePath, { readOnly: true })
  const doc = [...seed.state.documents.values()][0]
  await seed.close()

  const notes = new Set<string>()
  const imports = new Map<string, string>() // sha256 -> file
  const result: KillReport = {
    kills: 0,
    byPhase: {},
    missed: 0,
    acknowledged: 0,
    unacknowledgedKept: 0,
    lost: [],
    openFailures: [],
    seconds: 0
  }
  const attempted = new Set<string>()
  // How long a CLI run takes, from unkilled runs (start-up is most of its first half).
  const timing = { runMs: 700 }

  async function verify(after: string): Promise<void> {
    let store
    try {
      store = await openCaseStore(casePath, { readOnly: true })
    } catch (err) {
      result.openFailures.push(`${after}: ${(err as Error).message}`)
      return
    }
    try {
      const data = store.state.toData()
      const present = new Set(data.claims.map((c) => c.note))
      for (const note of notes) if (!present.has(note)) result.lost.push(`${after}: claim ${note}`)
      const shas = new Set(data.documents.map((d) => d.provenance.sha256))
      const originals = new Set(readdirSync(casePaths(casePath).originals))
      for (const [sha, file] of imports) {
        if (!shas.has(sha)) result.lost.push(`${after}: document ${file}`)
        if (!originals.has(sha)) result.lost.push(`${after}: original of ${file}`)
      }
      result.unacknowledgedKept = [...attempted].filter((n) => present.has(n) && !notes.has(n)).length
    } finally {
      await store.close()
    }
  }

  let n = 0
  const more = () =>
    result.kills < o.kills ||
    (notes.size + imports.size < (o.minAcknowledged ?? 0) && result.kills < (o.maxKills ?? o.kills))
  for (let step = 0; more(); step++) {
    const [door, target] = PLAN[step % PLAN.length]
    // A backup is taken only when the newest is old enough: make it so for the runs aimed at one.
    if (target === 'backup') {
      const backups = casePaths(casePath).backups
      const old = new Date(Date.now() - 3600_000)
      for (const name of readdirSync(backups)) utimesSync(join(backups, name), old, old)
    }
    const atMs = Math.random() * timing.runMs * (target === 'startup' ? 0.4 : 1)
    let killed: boolean
    let phase: string
    const t = Date.now()
    if (door === 'server') {
      const server = startServer({ casePath, env })
      // 'any time' counts from when the server listens, so a slow start on a busy machine still leaves
      // it time to acknowledge requests before the kill.
      const landed =
        target === 'any time'
          ? aim(
              server,
              target,
              Math.random() * 3000,
              server.ready.catch(() => undefined)
            )
          : aim(server, target, atMs)
      // Requests until the server dies: claims, and now and then a file.
      const traffic = (async () => {
        try {
          await server.ready
        } catch {
          return
        }
        for (let i = 0; server.child.exitCode === null; i++) {
          const note = `k${n++}`
          attempted.add(note)
          try {
            if (i % 8 === 7) {
              const bytes = Buffer.from(`Server import ${note}: ${sentence(n)}\n`)
              const name = `${note}.txt`
              if (await server.importFile(name, bytes))
                imports.set(createHash('sha256').update(bytes).digest('hex'), name)
            } else {
              const start = doc.text.indexOf(quote(n))
              if (await server.createClaim({ documentId: doc.id, start, end: start + quote(n).length, note })) {
                notes.add(note)
              }
            }
          } catch {
            break // the server died mid-request: not acknowledged
          }
        }
      })()
      // A server not aimed at a phase that never comes is stopped after a while.
      const stop = setTimeout(() => server.child.kill('SIGKILL'), 15_000)
      killed = await landed
      clearTimeout(stop)
      await traffic
      phase = lastPhase(server.stderr())
    } else {
      const note = `k${n++}`
      attempted.add(note)
      let r: Run
      let sha = ''
      let name = ''
      if (door === 'cli claim add') {
        r = cliClaimAdd({ casePath, docId: doc.id, quote: quote(n), note, source: 'Wire desk', env })
      } else {
        name = `${note}.txt`
        const bytes = Buffer.from(`Imported ${note}: ${sentence(n)}\n`)
        writeFileSync(join(files, name), bytes)
        sha = createHash('sha256').update(bytes).digest('hex')
        r = cliImport({ casePath, files: [join(files, name)], env })
      }
      killed = await aim(r, target, atMs)
      const exit = await r.exited
      phase = lastPhase(exit.stderr)
      if (cliAcknowledged(exit)) {
        if (door === 'cli claim add') notes.add(note)
        else imports.set(sha, name)
      } else if (!killed) {
        result.openFailures.push(`${door} ${note} failed without a kill: ${exit.stderr.replace(/^@phase.*\n/gm, '')}`)
      }
      if (!killed) {
        const markers = [...exit.stderr.matchAll(/^@phase/gm)].length
        if (markers) timing.runMs = Math.max(200, (timing.runMs + (Date.now() - t)) / 2)
      }
    }
    if (killed) {
      result.kills++
      result.byPhase[phase] ??= {}
      result.byPhase[phase][door] = (result.byPhase[phase][door] ?? 0) + 1
    } else {
      result.missed++
    }
    await verify(`${door} aimed at ${target}, ${killed ? `killed in ${phase}` : 'not killed'}`)
    if (result.kills % 10 === 0 && killed)
      log(`${result.kills} kills, ${notes.size + imports.size} acknowledged changes`)
    await sleep(0)
  }
  result.acknowledged = notes.size + imports.size
  result.seconds = (Date.now() - t0) / 1000
  return result
}
