import { afterAll, describe, expect, it, vi } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ClaimdeskError } from '../../shared/errors'
import { nestedMarkdown, pdfStreamBomb } from './fixtures/hostile'
import { ImportPool } from './pool'
import type { ImportedDocument } from './types'
import { importWorkerFile } from './worker-file'

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)
const text = (
  fileName: string,
  body: string
): { kind: 'bytes'; fileName: string; bytes: Uint8Array; options: object } => ({
  kind: 'bytes',
  fileName,
  bytes: utf8(body),
  options: {}
})

const scripts = mkdtempSync(join(tmpdir(), 'claimdesk-pool-'))
const pools: ImportPool[] = []
function newPool(options: Partial<ConstructorParameters<typeof ImportPool>[0]> = {}): ImportPool {
  const pool = new ImportPool({ workerFile: importWorkerFile, ...options })
  pools.push(pool)
  return pool
}
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()))
  rmSync(scripts, { recursive: true, force: true })
})

async function failure(promise: Promise<unknown>): Promise<Error> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e
  )
  if (!(err instanceof Error)) throw new Error('expected the import to fail')
  return err
}

describe('ImportPool', () => {
  it('reads files in warm workers and hands back documents and file errors', async () => {
    const pool = newPool()
    const doc = await pool.run(text('a.txt', 'Title\n\nBody.'))
    expect(doc).toMatchObject({ format: 'txt', text: 'Title\n\nBody.' })
    const err = await failure(pool.run(text('b.txt', ' \n ')))
    expect(err).toBeInstanceOf(ClaimdeskError)
    expect(err).toMatchObject({
      code: 'invalid',
      message: 'b.txt: the file contains no text',
      details: { fileName: 'b.txt' }
    })
    // The same worker took both files.
    expect(pool.size).toBe(1)
  })

  it('leaves the caller its bytes (the worker gets a copy)', async () => {
    const bytes = utf8('Kept.')
    await newPool().run({ kind: 'bytes', fileName: 'k.txt', bytes, options: {} })
    expect(new TextDecoder().decode(bytes)).toBe('Kept.')
  })

  it('stops a file past its time budget while other files and this thread carry on', async () => {
    const pool = newPool()
    const order: string[] = []
    let ticks = 0
    let last = performance.now()
    let longestGap = 0
    const timer = setInterval(() => {
      ticks++
      longestGap = Math.max(longestGap, performance.now() - last)
      last = performance.now()
    }, 20)
    try {
      // Unguarded (the nesting limit lifted), this file keeps the Markdown parser busy for minutes.
      const stuck = failure(
        pool.run(
          {
            kind: 'bytes',
            fileName: 'nested.md',
            bytes: nestedMarkdown(1000),
            options: { limits: { markdownDepth: Infinity } }
          },
          { limits: { timeMs: 2000 } }
        )
      ).then((err) => {
        order.push('stuck')
        return err
      })
      const quick = pool.run(text('quick.txt', 'Answered meanwhile.')).then((doc: ImportedDocument) => {
        order.push('quick')
        return doc
      })
      expect((await quick).text).toBe('Answered meanwhile.')
      const err = await stuck
      expect(err).toBeInstanceOf(ClaimdeskError)
      expect(err.message).toBe('nested.md: stopped after 2 s: the file may be damaged, or built to stall a reader')
      expect(order).toEqual(['quick', 'stuck'])
      // Had the parser run on this thread, no tick would have come for the whole 2 s.
      expect(ticks).toBeGreaterThan(10)
      expect(longestGap).toBeLessThan(1000)
    } finally {
      clearInterval(timer)
    }
    // A fresh worker took the stopped one's place.
    expect((await pool.run(text('after.txt', 'Still working.'))).text).toBe('Still working.')
  })

  it('stops a file that needs more than its memory cap', async () => {
    const pool = newPool()
    const big = 'A line of an enormous text file, repeated.\n\n'.repeat(2_000_000) // 88 MB
    const err = await failure(pool.run(text('huge.txt', big), { limits: { memoryMb: 160 } }))
    expect(err.message).toBe('huge.txt: needed more than 160 MB: the file may be damaged, or built to exhaust memory')
    expect((await pool.run(text('small.txt', 'Fine.'))).text).toBe('Fine.')
  })

  it('stops a file whose memory grows outside the heap (inflated PDF streams)', async () => {
    const pool = newPool()
    const err = await failure(
      pool.run(
        { kind: 'bytes', fileName: 'stream.pdf', bytes: pdfStreamBomb(1200), options: {} },
        { limits: { memoryMb: 300 } }
      )
    )
    expect(err.message).toBe('stream.pdf: needed more than 300 MB: the file may be damaged, or built to exhaust memory')
  })

  it('cancels a running file by stopping its worker, and a queued one before it starts', async () => {
    const pool = newPool({ workers: 1 })
    const controller = new AbortController()
    const hostile = {
      kind: 'bytes' as const,
      fileName: 'nested.md',
      bytes: nestedMarkdown(1000),
      options: { limits: { markdownDepth: Infinity } }
    }
    const running = failure(pool.run(hostile, { signal: controller.signal }))
    const queued = failure(pool.run(text('next.txt', 'Waiting.'), { signal: controller.signal }))
    await vi.waitFor(() => expect(pool.size).toBe(1))
    controller.abort()
    expect(await running).toMatchObject({ name: 'AbortError' })
    expect(await queued).toMatchObject({ name: 'AbortError' })
    await expect(pool.run(text('n.txt', 'x'), { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError'
    })
    expect((await pool.run(text('later.txt', 'Later.'))).text).toBe('Later.')
  })

  // Stand-in workers: one that exits, one that fills its heap in the way Node stops cleanly.
  const script = (name: string, code: string): string => {
    const file = join(scripts, name)
    writeFileSync(
      file,
      `import { parentPort } from 'node:worker_threads'\nparentPort.on('message', () => {\n${code}\n})\n`
    )
    return file
  }

  it('reports a worker that dies on its own, and replaces it', async () => {
    const pool = newPool({ workerFile: async () => script('exits.mjs', 'process.exit(3)') })
    const err = await failure(pool.run(text('a.txt', 'x')))
    expect(err.message).toBe('a.txt: the importer stopped unexpectedly (exit code 3)')
    expect(pool.size).toBe(0)
  })

  it('reports a worker stopped at its heap limit as out of memory', async () => {
    const fills = script('fills-heap.mjs', "const kept = []\nfor (;;) kept.push('x'.repeat(10_000) + kept.length)")
    // Process memory is not watched here, so only the heap limit can stop it.
    const pool = newPool({ workerFile: async () => fills, watchMs: 10 * 60_000 })
    const err = await failure(pool.run(text('a.txt', 'x'), { limits: { memoryMb: 32 } }))
    expect(err.message).toBe('a.txt: needed more than 32 MB: the file may be damaged, or built to exhaust memory')
  })

  it('preloads every worker', async () => {
    const pool = newPool({ workers: 2 })
    await pool.preload()
    expect(pool.size).toBe(2)
  })

  it('stops workers left idle', async () => {
    const pool = newPool({ idleMs: 50 })
    await pool.run(text('a.txt', 'x'))
    await vi.waitFor(() => expect(pool.size).toBe(0), { timeout: 10_000 })
  })
})
