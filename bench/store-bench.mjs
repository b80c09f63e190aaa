// Case store benchmark, on a case of 1,000 documents and 100,000 claims, each figure beside a
// reference measured in the same run:
//   - durable add (one new claim, resolved once fdatasynced) against one journal append + fdatasync
//     of the same bytes on the same disk (target: under 2x);
//   - open (read, parse, validate, index) against reading and JSON.parse of the same file;
//   - checkpoint (the case rewritten durably, a slice at a time) against JSON.stringify + one durable write;
//   - the longest any request (a durable add, or a read of a document's claims) waited while a
//     checkpoint ran (target: 50 ms), against the same requests with no checkpoint running;
//   - `claimdesk claim add` on a case of one 5 MB document and 50,000 claims, end to end (target:
//     under 1 s), against `claimdesk help` (starting Node and loading the CLI).
// Usage: npm run build && node bench/store-bench.mjs [--runs 300] [--dir <folder on the disk to measure>] [--no-readme]
import { execFileSync, spawnSync } from 'node:child_process'
import {
  closeSync,
  fdatasyncSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { open } from 'node:fs/promises'
import { build } from 'rolldown'
import { args, fmtMs, fmtRatio, header, load, median, percentile, ratio, writeReadmeSection } from './lib.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const o = args({ runs: 300, dir: tmpdir(), readme: true, cliRuns: 5 })
const title = header('Store')

const DOCUMENTS = 1000
const TEXT = 40_000
const CLAIMS = 100_000
const CLI_TEXT = 5_000_000
const CLI_CLAIMS = 50_000

const buildDir = mkdtempSync(join(tmpdir(), 'claimdesk-bench-build-'))
const work = mkdtempSync(join(o.dir, 'claimdesk-bench-'))
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

async function time(fn) {
  const t = performance.now()
  const result = await fn()
  return [performance.now() - t, result]
}

function filesystemOf(path) {
  try {
    return execFileSync('df', ['-T', path], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .pop()
      .split(/\s+/)
      .slice(0, 2)
      .join(' ')
  } catch {
    return 'unknown'
  }
}

const stats = (xs) => `median ${fmtMs(median(xs))}, p95 ${fmtMs(percentile(xs, 95))}, max ${fmtMs(Math.max(...xs))}`

/**
 * The event loop's longest stall, from a 1 ms timer: in wall time, and in CPU time the process used
 * during it. On a shared machine a process waiting for a CPU stalls too; the CPU time (all threads:
 * an upper bound on this thread's work) tells such a wait from work that held the loop.
 */
function loopStalls() {
  let last = performance.now()
  let lastCpu = process.cpuUsage()
  let wallMs = 0
  let cpuMs = 0
  const timer = setInterval(() => {
    const now = performance.now()
    const cpu = process.cpuUsage()
    const used = (cpu.user - lastCpu.user + cpu.system - lastCpu.system) / 1000
    wallMs = Math.max(wallMs, now - last)
    cpuMs = Math.max(cpuMs, Math.min(used, now - last))
    last = now
    lastCpu = cpu
  }, 1)
  return {
    stop: () => {
      clearInterval(timer)
      return { stallMs: wallMs, stallCpuMs: cpuMs }
    }
  }
}

/**
 * Requests as a UI makes them while `during` runs: every 2 ms a read (the claims of a document,
 * timed from when it was due, so a blocked event loop counts) or a durable add. Returns the waits.
 */
async function requestsDuring(store, documentIds, sourceId, fakeClaim, during) {
  const reads = []
  const adds = []
  let running = true
  const loop = (async () => {
    for (let i = 0; running; i++) {
      const due = performance.now()
      if (i % 2 === 0) {
        await new Promise((resolveRead) =>
          setTimeout(() => {
            void store.state.claimsOf(documentIds[i % documentIds.length])
            reads.push(performance.now() - due)
            resolveRead()
          }, 0)
        )
      } else {
        const claim = fakeClaim(documentIds[i % documentIds.length], sourceId)
        await store.apply([{ op: 'put', collection: 'claims', item: claim }])
        adds.push(performance.now() - due)
      }
      await sleep(2)
    }
  })()
  const lag = loopStalls()
  const [ms] = await time(during)
  const stalls = lag.stop()
  running = false
  await loop
  return { ms, reads, adds, ...stalls }
}

/** Runs the CLI; returns its wall time and the CPU time it used (which the machine's load does not inflate). */
function cliRun(argv, env, preload) {
  const t = performance.now()
  const r = spawnSync(process.execPath, ['-r', preload, join(root, 'bin/claimdesk.cjs'), ...argv], {
    env: { ...process.env, ...env },
    encoding: 'utf8'
  })
  const ms = performance.now() - t
  if (r.status !== 0) throw new Error(`claimdesk ${argv.join(' ')} failed: ${r.stderr}`)
  return { ms, cpuMs: Number(/@cpu (\S+)/.exec(r.stderr)?.[1] ?? NaN) }
}

try {
  await build({
    input: {
      store: join(root, 'src/main/case/index.ts'),
      journal: join(root, 'src/main/case/journal.ts'),
      fixtures: join(root, 'src/main/case/testing/fixtures.ts')
    },
    platform: 'node',
    logLevel: 'silent',
    output: { dir: buildDir, format: 'esm', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' }
  })
  const { openCaseStore } = await import(pathToFileURL(join(buildDir, 'store.mjs')).href)
  const { encodeLine } = await import(pathToFileURL(join(buildDir, 'journal.mjs')).href)
  const { bigCase, fakeClaim } = await import(pathToFileURL(join(buildDir, 'fixtures.mjs')).href)

  // ---- the large case --------------------------------------------------------------------
  const file = join(work, 'bench.claimdesk.json')
  const data = bigCase(DOCUMENTS, TEXT, CLAIMS)
  const documentIds = data.documents.map((d) => d.id)
  const sourceId = data.sources[0].id
  await (await openCaseStore(file, { createWith: data })).close()
  const size = statSync(file).size
  console.log(`case: ${(size / 2 ** 20).toFixed(1)} MB (load ${load()})`)

  const opens = []
  const parses = []
  for (let i = 0; i < 3; i++) {
    const [t, store] = await time(() => openCaseStore(file, { readOnly: true }))
    opens.push(t)
    await store.close()
    const [p] = await time(() => JSON.parse(readFileSync(file, 'utf8')))
    parses.push(p)
  }
  console.log(`open: ${stats(opens)}; read + JSON.parse: ${stats(parses)} (load ${load()})`)

  // ---- durable add against one append + fdatasync of the same bytes ------------------------
  const store = await openCaseStore(file, { checkpointDelayMs: 3_600_000 })
  // The reference goes through the same asynchronous file handle calls a Node process must use
  // to keep its event loop free (a synchronous write would block every other request).
  const ref = await open(join(work, 'reference.journal'), 'a')
  const adds = []
  const appends = []
  for (let i = 0; i < o.runs; i++) {
    const claim = fakeClaim(documentIds[i % DOCUMENTS], sourceId)
    const [t] = await time(() => store.apply([{ op: 'put', collection: 'claims', item: claim }]))
    adds.push(t)
    const line = Buffer.from(
      encodeLine({ seq: i + 1, at: new Date().toISOString(), ops: [{ op: 'put', collection: 'claims', item: claim }] })
    )
    const [r] = await time(async () => {
      await ref.write(line)
      await ref.datasync()
    })
    appends.push(r)
  }
  await ref.close()
  const addRatio = ratio(median(adds), median(appends))
  console.log(
    `durable add: ${stats(adds)}; append + fdatasync: ${stats(appends)}; ${fmtRatio(addRatio)} (load ${load()})`
  )

  // ---- checkpoint, and the requests it holds ---------------------------------------------
  const quiet = await requestsDuring(store, documentIds, sourceId, fakeClaim, () => sleep(1500))
  const busy = await requestsDuring(store, documentIds, sourceId, fakeClaim, () => store.checkpoint())
  const [refCheckpoint] = await time(async () => {
    const text = JSON.stringify(store.state.toData())
    const fd = openSync(join(work, 'reference.json'), 'w')
    writeSync(fd, text)
    fdatasyncSync(fd)
    closeSync(fd)
  })
  const worstBusy = Math.max(...busy.reads, ...busy.adds)
  const worstQuiet = Math.max(...quiet.reads, ...quiet.adds)
  console.log(
    `checkpoint ${fmtMs(busy.ms)} (reference stringify + write ${fmtMs(refCheckpoint)}); during it ${busy.reads.length} reads, max ${fmtMs(Math.max(...busy.reads))}; ${busy.adds.length} adds, max ${fmtMs(Math.max(...busy.adds))}; longest event loop stall ${fmtMs(busy.stallMs)} (CPU ${fmtMs(busy.stallCpuMs)}); with no checkpoint: max ${fmtMs(worstQuiet)}, stall ${fmtMs(quiet.stallMs)} (CPU ${fmtMs(quiet.stallCpuMs)}) (load ${load()})`
  )
  await store.close()

  // ---- claimdesk claim add on the 5 MB / 50,000-claim case ---------------------------------
  let cli = null
  if (statSync(join(root, 'out/main/cli.js'), { throwIfNoEntry: false })) {
    const cliCase = join(work, 'five.claimdesk.json')
    const five = bigCase(1, CLI_TEXT, CLI_CLAIMS)
    const text = five.documents[0].text
    await (await openCaseStore(cliCase, { createWith: five })).close()
    const cliSize = statSync(cliCase).size
    const env = { CLAIMDESK_HOME: join(work, 'home') }
    const preload = join(work, 'cpu.cjs')
    writeFileSync(
      preload,
      "process.on('exit', () => { const u = process.cpuUsage(); require('fs').writeSync(2, `@cpu ${(u.user + u.system) / 1000}\\n`) })\n"
    )
    const helps = []
    const claimAdds = []
    for (let i = 0; i < o.cliRuns; i++) {
      helps.push(cliRun(['help'], env, preload))
      const at = 1000 + i * 997
      const quoteText = text.slice(at, at + 60)
      claimAdds.push(
        cliRun(
          [
            'claim',
            'add',
            '--case',
            cliCase,
            '--doc',
            five.documents[0].id,
            '--quote',
            quoteText,
            '--occurrence',
            '1',
            '--source',
            'Bench desk'
          ],
          env,
          preload
        )
      )
    }
    cli = { helps, claimAdds, size: cliSize }
    console.log(
      `claimdesk claim add (${(cliSize / 2 ** 20).toFixed(1)} MB case): ${stats(claimAdds.map((r) => r.ms))}, CPU ${stats(claimAdds.map((r) => r.cpuMs))}; claimdesk help: ${stats(helps.map((r) => r.ms))}, CPU ${stats(helps.map((r) => r.cpuMs))} (load ${load()})`
    )
  } else {
    console.log('claimdesk claim add: skipped, out/main/cli.js is missing (run "npm run build" first)')
  }

  const rows = [
    [
      'case',
      `${DOCUMENTS} documents × ${TEXT / 1000} KB text, ${CLAIMS.toLocaleString('en')} claims, 50 sources: ${(size / 2 ** 20).toFixed(1)} MB on ${filesystemOf(work)}`,
      '',
      '',
      ''
    ],
    [
      'durable add (one new claim, fdatasynced before it resolves)',
      stats(adds),
      `one journal append + fdatasync of the same bytes (FileHandle write + datasync): ${stats(appends)}`,
      fmtRatio(addRatio),
      '< 2×'
    ],
    [
      'open (read, parse, validate, index), 3 runs',
      stats(opens),
      `read + JSON.parse: ${stats(parses)}`,
      fmtRatio(ratio(median(opens), median(parses))),
      ''
    ],
    [
      'checkpoint (whole case, durable, in slices)',
      fmtMs(busy.ms),
      `JSON.stringify + one durable write: ${fmtMs(refCheckpoint)}`,
      fmtRatio(ratio(busy.ms, refCheckpoint)),
      ''
    ],
    [
      'longest wait of a request during that checkpoint',
      `${fmtMs(worstBusy)} (${busy.reads.length} reads: p99 ${fmtMs(percentile(busy.reads, 99))}, max ${fmtMs(Math.max(...busy.reads))}; ${busy.adds.length} durable adds: p99 ${fmtMs(percentile(busy.adds, 99))}, max ${fmtMs(Math.max(...busy.adds))}; longest event loop stall ${fmtMs(busy.stallMs)}, of which CPU time at most ${fmtMs(busy.stallCpuMs)})`,
      `the same requests for 1.5 s without a checkpoint: reads max ${fmtMs(Math.max(...quiet.reads))}, adds max ${fmtMs(Math.max(...quiet.adds))}, longest stall ${fmtMs(quiet.stallMs)} (CPU at most ${fmtMs(quiet.stallCpuMs)})`,
      fmtRatio(ratio(worstBusy, worstQuiet)),
      '≤ 50 ms'
    ],
    ...(cli
      ? [
          [
            `\`claimdesk claim add\`, end to end, on one 5 MB document with ${CLI_CLAIMS.toLocaleString('en')} claims (${(cli.size / 2 ** 20).toFixed(1)} MB), ${o.cliRuns} runs (the first takes the session's backup)`,
            `wall ${stats(cli.claimAdds.map((r) => r.ms))}; CPU time ${stats(cli.claimAdds.map((r) => r.cpuMs))}`,
            `\`claimdesk help\` (Node start + CLI load): wall ${stats(cli.helps.map((r) => r.ms))}; CPU ${stats(cli.helps.map((r) => r.cpuMs))}`,
            fmtRatio(ratio(median(cli.claimAdds.map((r) => r.ms)), median(cli.helps.map((r) => r.ms)))),
            '< 1 s'
          ]
        ]
      : [])
  ]
  for (const [k, v, ref, r, target] of rows) console.log(`${k}: ${v} | ${ref} | ${r} | ${target}`)

  if (o.readme) {
    writeReadmeSection(
      'Store',
      'store-bench',
      [
        '## Store',
        '',
        '<!-- store-bench: written by `node bench/store-bench.mjs`; edit the script, not these lines -->',
        `${title}; load ${load()} at the end.`,
        '',
        'Command: `npm run build && node bench/store-bench.mjs` (options: `--runs N`, `--dir <folder>` to measure another disk, `--no-readme`).',
        '',
        '| Measure | Claimdesk | Reference (same run) | Ratio | Target |',
        '| --- | --- | --- | --- | --- |',
        ...rows.map((r) => `| ${r.join(' | ')} |`),
        '',
        'How: `apply` validates the items it is given (never the case), appends one checksummed line to the',
        'journal and fdatasyncs it, then updates the case in memory, kept by id with its indexes. A checkpoint',
        'takes a snapshot of item references (items are never changed in place) and writes the case a slice of',
        'at most a few ms of work at a time, while applies go on into the journal; the journal keeps the lines',
        'after the snapshot. Opening checks the case against a check compiled from the zod schema (zod itself',
        'runs only to name a problem), and the file holds one item per line, which writes at the cost of compact JSON.',
        'On a shared machine a process also stalls while it waits for a CPU: the CPU time the process used during',
        'the longest stall (all its threads, so an upper bound) tells such a wait from work that held the event loop.',
        'Likewise the CLI figure gives the CPU time beside the wall time.',
        '<!-- store-bench:end -->'
      ].join('\n')
    )
  }
} finally {
  rmSync(buildDir, { recursive: true, force: true })
  rmSync(work, { recursive: true, force: true })
}
