// Where the import worker's code is. electron-vite builds it as its own entry beside the main and CLI
// entries (out/main/import-worker.js, the same folder inside app.asar when packaged), whose shared
// code lands in out/main/chunks. Tests run the TypeScript sources, which a worker thread cannot load.
import { basename, dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

/** The worker's entry name in electron.vite.config.ts (main.build.rollupOptions.input). */
export const IMPORT_WORKER_ENTRY = 'import-worker'

/**
 * The built worker for code running from `moduleDir`: an entry's folder (out/main) or the chunks
 * folder beneath it. The packaging check calls this with the packaged out/main folder.
 */
export function builtImportWorker(moduleDir: string): string {
  const mainDir = basename(moduleDir) === 'chunks' ? dirname(moduleDir) : moduleDir
  return join(mainDir, `${IMPORT_WORKER_ENTRY}.js`)
}

/** The worker script for this process: the built one, or (running from sources) a fresh bundle. */
export async function importWorkerFile(): Promise<string> {
  const here = fileURLToPath(import.meta.url)
  if (!here.endsWith('.ts')) return builtImportWorker(dirname(here))
  // Not a static import: the bundler must not pull the test tooling (rolldown) into the app.
  const testing = pathToFileURL(join(dirname(here), 'testing', 'bundle-worker.ts')).href
  const { bundleImportWorker } = (await import(/* @vite-ignore */ testing)) as {
    bundleImportWorker(): Promise<string>
  }
  return bundleImportWorker()
}
