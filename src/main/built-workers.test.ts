import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { builtWorker, builtWorkerHere } from './built-workers'

describe('built worker scripts', () => {
  it('sit beside the built entries, whether asked from an entry or from a shared chunk', () => {
    const main = join('/opt', 'Claimdesk', 'resources', 'app.asar', 'out', 'main')
    expect(builtWorker(main, 'import')).toBe(join(main, 'import-worker.js'))
    expect(builtWorker(join(main, 'chunks'), 'import')).toBe(join(main, 'import-worker.js'))
    expect(builtWorker(join(main, 'chunks'), 'suggest')).toBe(join(main, 'suggest-worker.js'))
  })

  it('are absent when running from the TypeScript sources', () => {
    expect(builtWorkerHere('suggest')).toBeUndefined()
  })
})
