import { describe, expect, it } from 'vitest'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { IMPORT_WORKER_ENTRY, builtImportWorker, importWorkerFile } from './worker-file'

describe('the import worker script', () => {
  it('sits beside the built entries, whether asked from an entry or from a shared chunk', () => {
    const main = join('/opt', 'Claimdesk', 'resources', 'app.asar', 'out', 'main')
    expect(builtImportWorker(main)).toBe(join(main, 'import-worker.js'))
    expect(builtImportWorker(join(main, 'chunks'))).toBe(join(main, 'import-worker.js'))
    expect(IMPORT_WORKER_ENTRY).toBe('import-worker')
  })

  it('is bundled on the fly when running from the TypeScript sources', async () => {
    const file = await importWorkerFile()
    expect(file).toMatch(/import-worker\.mjs$/)
    expect(existsSync(file)).toBe(true)
  })
})
