import { describe, expect, it } from 'vitest'
import { loadParsers, readFileBytes } from './importers'

describe('readFileBytes (inside a worker)', () => {
  it('picks the importer by extension', async () => {
    const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)
    expect((await readFileBytes('a.text', utf8('Title\n\nBody.'))).format).toBe('txt')
    expect((await readFileBytes('a.markdown', utf8('# T'))).format).toBe('md')
    await expect(readFileBytes('a.xyz', utf8('x'))).rejects.toThrow(/^a\.xyz: "\.xyz" files are not supported/)
  })
})

describe('loadParsers', () => {
  it('loads the parsers, pdf.js with its in-thread worker included', async () => {
    await expect(loadParsers()).resolves.toBeUndefined()
    expect((globalThis as Record<string, unknown>).pdfjsWorker).toHaveProperty('WorkerMessageHandler')
  })
})
