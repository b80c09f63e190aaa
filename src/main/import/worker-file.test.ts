import { describe, expect, it } from 'vitest'
import { existsSync } from 'node:fs'
import { importWorkerFile } from './worker-file'

describe('the import worker script', () => {
  it('is bundled on the fly when running from the TypeScript sources', async () => {
    const file = await importWorkerFile()
    expect(file).toMatch(/import-worker\.mjs$/)
    expect(existsSync(file)).toBe(true)
  })
})
