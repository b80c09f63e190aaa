// The import worker's script: the built entry, or (running from the TypeScript sources) a fresh bundle.
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { builtWorkerHere } from '../built-workers'

export async function importWorkerFile(): Promise<string> {
  const built = builtWorkerHere('import')
  if (built) return built
  // Not a static import: the bundler must not pull the test tooling (rolldown) into the app.
  const here = dirname(fileURLToPath(import.meta.url))
  const testing = pathToFileURL(join(here, 'testing', 'bundle-worker.ts')).href
  const { bundleImportWorker } = (await import(/* @vite-ignore */ testing)) as {
    bundleImportWorker(): Promise<string>
  }
  return bundleImportWorker()
}
