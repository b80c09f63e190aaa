// Where the worker threads' code is. electron-vite builds each worker as its own entry beside the
// main and CLI entries (out/main/<entry>.js, the same folder inside app.asar when packaged), while
// code the entries share lands in out/main/chunks. Tests run the TypeScript sources, which a worker
// thread cannot load: they bundle a worker themselves or run its work in-process.
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Entry names in electron.vite.config.ts (main.build.rollupOptions.input). */
export const WORKER_ENTRIES = { import: 'import-worker', suggest: 'suggest-worker' } as const
export type WorkerName = keyof typeof WORKER_ENTRIES

/** The built worker for code running from `moduleDir`: an entry's folder (out/main) or its chunks folder. */
export function builtWorker(moduleDir: string, name: WorkerName): string {
  const mainDir = basename(moduleDir) === 'chunks' ? dirname(moduleDir) : moduleDir
  return join(mainDir, `${WORKER_ENTRIES[name]}.js`)
}

/** The built worker for this process, or undefined when running from the TypeScript sources. */
export function builtWorkerHere(name: WorkerName): string | undefined {
  const here = fileURLToPath(import.meta.url)
  return here.endsWith('.ts') ? undefined : builtWorker(dirname(here), name)
}
