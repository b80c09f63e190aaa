// Thousands of random and malformed calls through the browser-mode door: real method names with
// arguments of every shape, made-up names, broken JSON, wrong types; some well-formed changes in
// between so the case has something to lose. Nothing may crash the server or answer 500 (which
// means an unexpected error), and afterwards the case opens, validates and holds every change that
// was acknowledged.
import { request } from 'node:http'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { API_METHODS } from '../../src/shared/api-methods'
import { startServer, type RunningServer } from '../../src/main/serve'
import { testService, type TestService } from '../../src/main/testing/service'

let t: TestService
let server: RunningServer
let casePath: string

function post(path: string, body: string, type = 'application/json'): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: 'POST',
        headers: { host: `127.0.0.1:${server.port}`, 'content-type': type, 'x-claimdesk-token': server.token }
      },
      (res) => {
        let text = ''
        res.on('data', (d) => (text += d))
        res.on('end', () => done({ status: res.statusCode ?? 0, body: text }))
      }
    )
    req.on('error', fail)
    req.end(body)
  })
}

const call = (method: string, args: unknown) => post(`/api/${encodeURIComponent(method)}`, JSON.stringify({ args }))

beforeAll(async () => {
  t = testService()
  casePath = (await t.api.newCase(join(t.dir, 'fuzz'))).info.path
  await t.api.importFiles([{ path: t.file('a.txt', 'Report\n\nThe minister said 40 ships waited at the narrows.') }])
  const renderer = join(t.dir, 'renderer')
  await mkdir(renderer)
  await writeFile(join(renderer, 'index.html'), '<!doctype html>')
  server = await startServer({ handlers: t.service.handlers, rendererDir: renderer })
})

afterAll(async () => {
  await server?.close()
  await t?.dispose()
})

// Calls that would end the session or point it elsewhere are left to their own tests.
const SESSION = new Set(['newCase', 'openCase', 'saveCaseAs', 'restoreBackup', 'caseEvents'])
const methods = API_METHODS.filter((m) => !SESSION.has(m))

const anyArgs = fc.oneof(
  fc.array(fc.anything({ maxDepth: 3 }), { maxLength: 4 }),
  fc.anything({ maxDepth: 2 }),
  fc.tuple(fc.string(), fc.record({ start: fc.integer(), end: fc.integer(), documentId: fc.string() }))
)

describe('the contract through browser mode, fuzzed', () => {
  it('answers every call with a result or a clear error, never a 500, and the case survives', async () => {
    const acknowledged: string[] = []
    let calls = 0
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...methods), anyArgs) },
          { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 20 }), anyArgs) },
          { weight: 2, arbitrary: fc.tuple(fc.constant('createSource'), fc.string({ minLength: 1, maxLength: 30 })) }
        ),
        async ([method, args]) => {
          calls++
          const isSource = method === 'createSource' && typeof args === 'string'
          const res = await call(method, isSource ? [{ name: args }] : args)
          expect(
            res.status,
            `${method} ${String(JSON.stringify(args)).slice(0, 200)} -> ${res.body.slice(0, 300)}`
          ).not.toBe(500)
          const body = JSON.parse(res.body) as { result?: { value?: { name?: string } }; error?: { message: string } }
          if (res.status === 200 && isSource) acknowledged.push(body.result!.value!.name!)
          else if (res.status !== 200) expect(typeof body.error?.message).toBe('string')
        }
      ),
      { numRuns: 2000, seed: 20261129 }
    )
    // Bodies that are not JSON, or not a call, are refused as such.
    for (const body of ['{', '[]', 'null', '"x"', '{"args": {"0": 1}}'])
      expect((await post('/api/currentCase', body)).status).not.toBe(500)
    expect((await post('/api/currentCase', '{}', 'application/x-www-form-urlencoded')).status).toBe(415)
    expect(calls).toBe(2000)

    // Some sources were made (and maybe undone by a fuzzed undo); the case still opens from disk,
    // validates, and is exactly what the last acknowledged change left.
    expect(acknowledged.length).toBeGreaterThan(50)
    const { history: _h, revision: _r, ...before } = await t.api.currentCase()
    const claims = await t.api.listClaims({ limit: 5000 })
    await t.service.close()
    const { history: _h2, revision: _r2, ...after } = await t.api.openCase(casePath)
    expect(after).toEqual(before)
    expect(await t.api.listClaims({ limit: 5000 })).toEqual(claims)
  })
})
