// Every way the fault tests drive Claimdesk from outside, in one place: the CLI (`node
// bin/claimdesk.cjs claim add | import`) and the browser-mode server (`serve`, then POST
// /api/<method> with the token header). When the commands, the HTTP contract or the method names
// change, this is the one file to adapt.
//
// Each start returns the child process at once (the kill suite kills it at a moment of its
// choosing); `done` says whether the change was acknowledged: exit code 0 for the CLI, HTTP 200 for
// the server. Children run with CLAIMDESK_PHASE_MARKERS=1, so the store prints `@phase <name>` to
// standard error as it enters each step (src/main/case/phase.ts).
import { spawn, type ChildProcess } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository (set CLAIMDESK_REPO when this module runs from a bundle elsewhere). */
export const ROOT = process.env.CLAIMDESK_REPO ?? resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const BIN = join(ROOT, 'bin/claimdesk.cjs')
const BUILT = join(ROOT, 'out/main/cli.js')

function newestSource(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path))
    else if (/\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name))
      newest = Math.max(newest, statSync(path).mtimeMs)
  }
  return newest
}

/** Null when out/main is built from the current sources; otherwise why the CLI cannot be driven. */
export function buildProblem(): string | null {
  const built = statSync(BUILT, { throwIfNoEntry: false })?.mtimeMs
  if (built === undefined) return `${BUILT} does not exist: run "npm run build" first`
  const sources = Math.max(newestSource(join(ROOT, 'src/main')), newestSource(join(ROOT, 'src/shared')))
  return sources > built ? `${BUILT} is older than the sources: run "npm run build" first` : null
}

export interface Run {
  child: ChildProcess
  /** Everything written to standard error so far (phase markers included). */
  stderr(): string
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>
}

function run(args: string[], env: NodeJS.ProcessEnv): Run {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...env, CLAIMDESK_PHASE_MARKERS: '1' },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d))
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>(
    (done) => child.once('close', (code, signal) => done({ code, signal, stdout, stderr }))
  )
  return { child, stderr: () => stderr, exited }
}

/** `claimdesk claim add`: one claim on document `docId`, quoting `quote`, with `note` to find it by. */
export function cliClaimAdd(o: {
  casePath: string
  docId: string
  quote: string
  note: string
  source: string
  env: NodeJS.ProcessEnv
}): Run {
  return run(
    [
      'claim',
      'add',
      '--case',
      o.casePath,
      '--doc',
      o.docId,
      '--quote',
      o.quote,
      '--source',
      o.source,
      '--note',
      o.note
    ],
    o.env
  )
}

/** `claimdesk import`: the files, into the case (created when missing). */
export function cliImport(o: { casePath: string; files: string[]; env: NodeJS.ProcessEnv }): Run {
  return run(['import', ...o.files, '--case', o.casePath], o.env)
}

/** Whether a finished CLI run acknowledged its change. */
export function cliAcknowledged(result: { code: number | null }): boolean {
  return result.code === 0
}

export interface Server extends Run {
  /** Resolves once the server listens (rejects when it dies first). */
  ready: Promise<void>
  /** createClaim; resolves true when the server acknowledged it (HTTP 200). */
  createClaim(input: { documentId: string; start: number; end: number; note: string }): Promise<boolean>
  /** importFiles of one file; resolves true when acknowledged as imported. */
  importFile(name: string, bytes: Buffer): Promise<boolean>
}

/** `claimdesk serve --case <file>`; calls go to POST /api/<method> with the run's token. */
export function startServer(o: { casePath: string; env: NodeJS.ProcessEnv }): Server {
  const r = run(['serve', '--case', o.casePath, '--port', '0'], o.env)
  let base = ''
  let token = ''
  const ready = new Promise<void>((resolveReady, reject) => {
    let out = ''
    r.child.stdout!.on('data', (d: string) => {
      out += d
      const m = /Open (http:\/\/127\.0\.0\.1:\d+)\/\?token=(\S+)/.exec(out)
      if (m && !base) {
        ;[, base, token] = m
        resolveReady()
      }
    })
    void r.exited.then(() => reject(new Error(`claimdesk serve exited before listening: ${r.stderr().slice(-300)}`)))
  })
  ready.catch(() => undefined)
  async function call(method: string, args: unknown[]): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${base}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-claimdesk-token': token },
      body: JSON.stringify({ args })
    })
    return { status: res.status, body: await res.json().catch(() => null) }
  }
  return {
    ...r,
    ready,
    async createClaim(input) {
      return (await call('createClaim', [{ ...input, sourceId: null }])).status === 200
    },
    async importFile(name, bytes) {
      // As the UI does in browser mode: the bytes go up to /upload, then importFiles reads that file.
      const up = await fetch(`${base}/upload?name=${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', 'x-claimdesk-token': token },
        body: new Uint8Array(bytes)
      })
      if (up.status !== 200) return false
      const { path } = ((await up.json()) as { result: { path: string } }).result
      const { status, body } = await call('importFiles', [[{ path, name }]])
      const list = (body as { result?: { value: { status: string }[] } })?.result?.value
      return status === 200 && list?.[0]?.status === 'imported'
    }
  }
}
