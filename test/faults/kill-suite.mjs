// The full kill suite (kill-harness.ts): SIGKILLs over the whole life of processes writing a case,
// through the CLI and the browser-mode server; after each, the case must open, validate and hold
// every acknowledged change. Writes the figures into bench/README.md ("Kill suite").
// Usage: npm run build && node test/faults/kill-suite.mjs [--kills 500] [--no-readme]
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'rolldown'
import { args, header, load, writeReadmeSection } from '../../bench/lib.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const o = args({ kills: 500, readme: true })
const title = header('Kill suite')
const buildDir = mkdtempSync(join(tmpdir(), 'claimdesk-kill-build-'))
const work = mkdtempSync(join(tmpdir(), 'claimdesk-kill-suite-'))

try {
  await build({
    input: { harness: join(here, 'kill-harness.ts') },
    platform: 'node',
    logLevel: 'silent',
    output: { dir: buildDir, format: 'esm', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' }
  })
  process.env.CLAIMDESK_REPO = join(here, '../..')
  const { killSuite, buildProblem } = await import(pathToFileURL(join(buildDir, 'harness.mjs')).href)
  const problem = buildProblem()
  if (problem) throw new Error(problem)

  const r = await killSuite({ work, kills: o.kills, log: (line) => console.log(`${line} (load ${load()})`) })
  console.log(JSON.stringify(r, null, 2))
  const doors = ['cli claim add', 'cli import', 'server']
  const order = [
    'startup',
    'open',
    'replay',
    'cleanup',
    'opened',
    'original',
    'journal-write',
    'journal-sync',
    'applied',
    'backup',
    'checkpoint',
    'journal-rewrite',
    'close',
    'closed'
  ]
  const phases = [...order.filter((p) => r.byPhase[p]), ...Object.keys(r.byPhase).filter((p) => !order.includes(p))]
  const rows = phases.map(
    (p) =>
      `| ${p} | ${doors.map((d) => r.byPhase[p][d] ?? 0).join(' | ')} | ${doors.reduce((n, d) => n + (r.byPhase[p][d] ?? 0), 0)} |`
  )
  const total = doors.map((d) => phases.reduce((n, p) => n + (r.byPhase[p][d] ?? 0), 0))
  const ok = r.lost.length === 0 && r.openFailures.length === 0
  console.log(ok ? 'PASS: every acknowledged change held, every open succeeded' : 'FAIL: see lost / openFailures above')
  if (o.readme) {
    writeReadmeSection(
      'Kill suite',
      'kill-suite',
      [
        '## Kill suite',
        '',
        '<!-- kill-suite: written by `node test/faults/kill-suite.mjs`; edit the script, not these lines -->',
        `${title}; load ${load()} at the end; ${r.seconds.toFixed(0)} s.`,
        '',
        `Command: \`npm run build && node test/faults/kill-suite.mjs --kills ${o.kills}\` (a 30-kill run is part of \`npm test\`).`,
        'Processes writing one case are killed with SIGKILL: `claimdesk claim add` and `claimdesk import` runs, and a',
        '`claimdesk serve` answering a stream of createClaim and importFiles requests. Each kill is aimed at a phase',
        '(the store prints phase markers with CLAIMDESK_PHASE_MARKERS=1) or at a random moment, and counted under the',
        'last phase the process had entered. After every kill the case is opened (validated, journal replayed) and',
        'must hold every acknowledged change (CLI exit 0, HTTP 200), imported documents with their originals.',
        '',
        '| Phase the kill landed in | CLI claim add | CLI import | Server | All |',
        '| --- | --- | --- | --- | --- |',
        ...rows,
        `| **all** | ${total.join(' | ')} | ${r.kills} |`,
        '',
        `Acknowledged changes: ${r.acknowledged}; lost: **${r.lost.length}**; failed opens: **${r.openFailures.length}**;`,
        `changes made durable by a process killed before it acknowledged them: ${r.unacknowledgedKept};`,
        `runs that ended before the kill aimed at them (not counted): ${r.missed}.`,
        '<!-- kill-suite:end -->'
      ].join('\n')
    )
  }
  process.exitCode = ok ? 0 : 1
} finally {
  rmSync(buildDir, { recursive: true, force: true })
  rmSync(work, { recursive: true, force: true })
}
