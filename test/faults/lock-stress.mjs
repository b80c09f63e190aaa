// The full lock stress run (lock-harness.ts): many processes taking the case lock in a loop, random
// ones killed with SIGKILL, every double hold counted. Runs the store's lock and, as the reference
// that shows the harness catches double holds, the lock of commit b4b2376 (its stale takeover renamed
// away whatever was at the lock path). Writes the figures into bench/README.md ("Lock stress").
// Usage: node test/faults/lock-stress.mjs [--processes 8] [--seconds 60] [--kill-every-ms 100]
//          [--hold-ms 8] [--no-reference] [--no-readme]
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'rolldown'
import { args, header, load, writeReadmeSection } from '../../bench/lib.mjs'

const OLD_COMMIT = 'b4b2376'
const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '../..')
const o = args({ processes: 8, seconds: 60, killEveryMs: 100, holdMs: 8, reference: true, readme: true })
const title = header('Lock stress')
const buildDir = mkdtempSync(join(tmpdir(), 'claimdesk-lock-stress-build-'))

try {
  const entries = { stress: join(here, 'lock-harness.ts'), current: join(here, 'lock-worker.ts') }
  if (o.reference) {
    const old = execFileSync('git', ['-C', root, 'show', `${OLD_COMMIT}:src/main/case/lock.ts`], { encoding: 'utf8' })
      .replace("'../../shared/errors'", JSON.stringify(join(root, 'src/shared/errors.ts')))
      .replace("'./durable-file'", JSON.stringify(join(root, 'src/main/case/durable-file.ts')))
    writeFileSync(join(buildDir, 'old-lock.ts'), old)
    writeFileSync(
      join(buildDir, 'old-worker.ts'),
      [
        `import { CaseLock } from './old-lock'`,
        `import { worker } from ${JSON.stringify(join(here, 'lock-harness.ts'))}`,
        `const [mode, dir, holdMs] = process.argv.slice(2)`,
        `if (mode === 'worker') void worker((l, c) => CaseLock.acquire(l, c), dir, Number(holdMs))`
      ].join('\n')
    )
    entries.reference = join(buildDir, 'old-worker.ts')
  }
  await build({
    input: entries,
    platform: 'node',
    logLevel: 'silent',
    output: { dir: buildDir, format: 'esm', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' }
  })
  const { lockStress } = await import(pathToFileURL(join(buildDir, 'stress.mjs')).href)

  const rows = []
  for (const [name, label] of [
    ['current', 'the store’s lock (this branch)'],
    ...(o.reference ? [['reference', `reference: the lock of ${OLD_COMMIT} (rename-away takeover)`]] : [])
  ]) {
    const work = mkdtempSync(join(tmpdir(), 'claimdesk-lock-stress-'))
    try {
      const r = await lockStress({
        workerJs: join(buildDir, `${name}.mjs`),
        dir: work,
        processes: o.processes,
        seconds: o.seconds,
        killEveryMs: o.killEveryMs,
        holdMs: o.holdMs
      })
      console.log(`${label}: ${JSON.stringify(r)} (load ${load()})`)
      rows.push(
        `| ${label} | ${r.acquisitions} | ${r.kills} | ${r.killedHolding} | **${r.doubleHolds}** | ${r.seconds.toFixed(0)} s | ${load()} |`
      )
    } finally {
      rmSync(work, { recursive: true, force: true })
    }
  }
  if (o.readme) {
    writeReadmeSection(
      'Lock stress',
      'lock-stress',
      [
        '## Lock stress',
        '',
        '<!-- lock-stress: written by `node test/faults/lock-stress.mjs`; edit the script, not these lines -->',
        `${title}.`,
        '',
        `Command: \`node test/faults/lock-stress.mjs --processes ${o.processes} --seconds ${o.seconds} --kill-every-ms ${o.killEveryMs} --hold-ms ${o.holdMs}\`.`,
        `${o.processes} processes take and release the lock of one case in a loop, holding it up to ${o.holdMs} ms; about every`,
        `${o.killEveryMs} ms one of them (half the time the holder, otherwise any) is killed with SIGKILL and replaced. Inside the lock each`,
        'checks a marker naming the holder: a live holder’s mark on entering, or another’s on leaving, is a double hold.',
        '"Killed holding" counts processes that died inside the lock (including those stopped at the end), each',
        'leaving a lock the others had to take over. The reference row runs the same harness on the old lock.',
        '',
        '| Lock | Acquisitions | Kills | Killed holding | Double holds | Time | Load (1/5/15 min) at the end |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        ...rows,
        '<!-- lock-stress:end -->'
      ].join('\n')
    )
  }
} finally {
  rmSync(buildDir, { recursive: true, force: true })
}
