import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundle } from '../case/testing/bundle'
import { suggestClaims } from './suggest'
import { closeSuggestWorker, suggestInWorker } from './worker'

// A TypeScript worker cannot start under vitest: the worker file is bundled (wink-nlp and its model
// inlined) the way electron-vite builds out/main/suggest-worker.js.
let dir: string
let script: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'claimdesk-suggest-worker-'))
  await bundle({ 'suggest-worker': resolve(__dirname, 'worker.ts') }, dir)
  script = join(dir, 'suggest-worker.mjs')
}, 120_000)

afterAll(async () => {
  await closeSuggestWorker()
  rmSync(dir, { recursive: true, force: true })
})

const text =
  'Floods have killed at least 140 people, the Relief Office said on Thursday.\n\nThe ministry said 2,100 rescuers had been deployed.'
const doc = {
  text,
  blocks: [
    { kind: 'paragraph', start: 0, end: 75 },
    { kind: 'paragraph', start: 77, end: text.length }
  ]
}

describe('suggestInWorker', () => {
  it('gives what suggestClaims gives, from a worker thread, for several requests at once', async () => {
    const [a, b] = await Promise.all([suggestInWorker(doc, [], { script }), suggestInWorker(doc, [], { script })])
    expect(a).toEqual(suggestClaims(doc, []))
    expect(b).toEqual(a)
    expect(a.map((s) => s.claim.text)).toEqual([
      'Floods have killed at least 140 people',
      '2,100 rescuers had been deployed'
    ])
  })

  it('rejects a bad document with the message suggestClaims gives, and keeps working', async () => {
    await expect(
      suggestInWorker({ text: 'abc', blocks: [{ kind: 'paragraph', start: 0, end: 99 }] }, [], { script })
    ).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringContaining('outside the text')
    })
    expect(await suggestInWorker(doc, [], { script })).toHaveLength(2)
  })

  it('stops a document past its time, says so, and goes on with the next request in a new worker', async () => {
    const slow = suggestInWorker(doc, [], { script, limits: { timeMs: 1, memoryMb: 1024 } })
    await expect(slow).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('was stopped') })
    expect(await suggestInWorker(doc, [], { script })).toHaveLength(2)
  })

  it('stops a document past its memory, says so, and keeps working', async () => {
    const hungry = suggestInWorker(doc, [], { script, limits: { timeMs: 60_000, memoryMb: 4 } })
    await expect(hungry).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('more than 4 MB') })
    expect(await suggestInWorker(doc, [], { script })).toHaveLength(2)
  })

  it('rejects clearly when the worker cannot start', async () => {
    await expect(suggestInWorker(doc, [], { script: join(dir, 'missing.mjs') })).rejects.toMatchObject({
      code: 'internal',
      message: expect.stringContaining('missing.mjs')
    })
  })
})
