// npm run bench: every benchmark in turn; each writes its own section of bench/README.md.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const benches = [
  'store-bench.mjs',
  'import-bench.mjs',
  'export-bench.mjs',
  'search-bench.mjs',
  'open-paint-bench.mjs',
  'open-case-bench.mjs',
  'reanchor-bench.mjs',
  'analysis-bench.mjs',
  'analysis-eval.mjs',
  'claims-panel-bench.mjs'
]
let failed = 0
for (const bench of benches) {
  const file = join(here, bench)
  if (!existsSync(file)) continue
  console.log(`\n== ${bench}`)
  const r = spawnSync(process.execPath, [file, ...process.argv.slice(2)], { stdio: 'inherit' })
  if (r.status !== 0) failed++
}
process.exit(failed ? 1 : 0)
