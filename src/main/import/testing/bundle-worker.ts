// Running from TypeScript sources (vitest), the import worker is bundled on the fly into a folder
// inside node_modules, so that the packages it leaves external resolve from there. One bundle per
// process, named for it: a test process may be killed before it can clean up, so each bundling
// first removes the folders of processes that are gone.
import { mkdirSync, readdirSync, rmSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'rolldown'
import { WORKER_ENTRIES } from '../../built-workers'

const importDir = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const cacheDir = resolve(importDir, '../../../node_modules/.cache')
const PREFIX = 'claimdesk-import-worker-'

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function removeLeftovers(): void {
  for (const name of readdirSync(cacheDir)) {
    const pid = Number(name.slice(PREFIX.length))
    if (name.startsWith(PREFIX) && Number.isInteger(pid) && !alive(pid))
      rmSync(join(cacheDir, name), { recursive: true, force: true })
  }
}

let bundled: Promise<string> | null = null

export function bundleImportWorker(): Promise<string> {
  bundled ??= (async () => {
    mkdirSync(cacheDir, { recursive: true })
    removeLeftovers()
    const outDir = join(cacheDir, `${PREFIX}${process.pid}`)
    process.once('exit', () => rmSync(outDir, { recursive: true, force: true }))
    await build({
      input: { [WORKER_ENTRIES.import]: join(importDir, 'worker.ts') },
      platform: 'node',
      logLevel: 'silent',
      // Packages stay in node_modules, as in the app's build.
      external: (id) => !id.startsWith('.') && !id.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(id),
      output: { dir: outDir, format: 'esm', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' }
    })
    return join(outDir, `${WORKER_ENTRIES.import}.mjs`)
  })()
  return bundled
}
