import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_JSON_BYTES, startServer, type RunningServer } from './serve'
import { testService, type TestService } from './testing/service'

let dir: string
let t: TestService
let server: RunningServer

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A raw request, so tests can send the Host and Origin headers a browser would not let us forge. */
function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}
): Promise<Reply> {
  return new Promise((done, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${server.port}`, ...options.headers }
      },
      (res) => {
        let body = ''
        res.on('data', (d) => (body += d))
        res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body }))
      }
    )
    req.on('error', fail)
    req.end(options.body)
  })
}

const api = (method: string, args: unknown[], headers: Record<string, string> = {}) =>
  send(`/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-claimdesk-token': server.token, ...headers },
    body: JSON.stringify({ args })
  })

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimdesk-serve-'))
  const renderer = join(dir, 'renderer')
  await mkdir(renderer)
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>Claimdesk</title>')
  await writeFile(join(dir, 'secret.txt'), 'outside the renderer')
  t = testService()
  await t.api.newCase(join(dir, 'served'))
  server = await startServer({ handlers: t.service.handlers, rendererDir: renderer, idleTimeoutMs: 1500 })
})

afterAll(async () => {
  await server.close()
  await t.dispose()
  await rm(dir, { recursive: true, force: true })
})

describe('browser-mode server', () => {
  it('listens on loopback with a token in its URL', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=[\\w-]{32}$`))
  })

  it('serves the UI with a strict Content-Security-Policy', async () => {
    const res = await send('/')
    expect(res.status).toBe(200)
    expect(res.body).toContain('<title>Claimdesk</title>')
    expect(res.headers['content-security-policy']).toContain("script-src 'self'")
    expect(res.headers['content-security-policy']).not.toMatch(/https?:/)
  })

  it('answers API calls that carry the token', async () => {
    const res = await api('currentCase', [])
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body).result.info.name).toBe('served')
  })

  it('refuses API calls without the right token', async () => {
    expect((await api('currentCase', [], { 'x-claimdesk-token': 'guess' })).status).toBe(401)
    const res = await send('/api/currentCase', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}'
    })
    expect(res.status).toBe(401)
  })

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin', async () => {
    expect((await send('/', { headers: { host: 'evil.example:80' } })).status).toBe(421)
    expect((await api('currentCase', [], { origin: 'http://evil.example' })).status).toBe(403)
  })

  it('refuses form posts and paths outside the renderer', async () => {
    const form = await send('/api/currentCase', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-claimdesk-token': server.token },
      body: 'a=1'
    })
    expect(form.status).toBe(415)
    expect((await send('/..%2Fsecret.txt')).status).not.toBe(200)
    expect((await send('/%2e%2e/secret.txt')).body).not.toContain('outside the renderer')
  })

  it('validates arguments at the contract and names the field', async () => {
    const res = await api('createSource', [{ name: 'Reuters', reliability: 'Z' }])
    expect(res.status).toBe(400)
    expect(JSON.parse(res.body).error).toMatchObject({
      code: 'invalid',
      message: expect.stringContaining('field "reliability"')
    })
    const bad = await send('/api/currentCase', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-claimdesk-token': server.token },
      body: '{not json'
    })
    expect(JSON.parse(bad.body).error.message).toBe('request body is not valid JSON')
  })

  it('takes only application/json (with an optional UTF-8 charset) for calls', async () => {
    const call = (type: string) =>
      send('/api/currentCase', {
        method: 'POST',
        headers: { 'content-type': type, 'x-claimdesk-token': server.token },
        body: '{"args":[]}'
      })
    expect((await call('application/json; charset=utf-8')).status).toBe(200)
    expect((await call('application/jsonp')).status).toBe(415)
    expect((await call('text/plain')).status).toBe(415)
  })

  it('answers 400 to a body that is not a JSON object', async () => {
    for (const body of ['[1,2]', 'null', '5', '"x"']) {
      const r = await send('/api/currentCase', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-claimdesk-token': server.token },
        body
      })
      expect(r.status, body).toBe(400)
    }
  })

  it('answers 400, not 500, to a malformed % in a path and 414 to an over-long one', async () => {
    expect((await send('/%E0%A4%A')).status).toBe(400)
    expect((await send('/' + 'a'.repeat(5000))).status).toBe(414)
    expect((await send('/' + 'a'.repeat(300) + '.js')).status).toBe(404)
  })

  it('refuses a JSON body over the cap without reading it', async () => {
    const res = await send('/api/pasteText', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-claimdesk-token': server.token,
        'content-length': String(MAX_JSON_BYTES + 1)
      }
    })
    expect(res.status).toBe(413)
    expect(JSON.parse(res.body).error.message).toMatch(/request body too large/)
  })

  it('streams an upload to a temporary file, imports it by path, then deletes it', async () => {
    const up = await send('/upload?name=' + encodeURIComponent('Sarn report.txt'), {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-claimdesk-token': server.token },
      body: Buffer.from('Sarn report\n\nThe minister said 40 ships waited.')
    })
    expect(up.status).toBe(200)
    const { path, name } = JSON.parse(up.body).result
    expect(name).toBe('Sarn report.txt')
    expect(existsSync(path)).toBe(true)
    const res = await api('importFiles', [[{ path, name }]])
    expect(JSON.parse(res.body).result.value[0]).toMatchObject({ fileName: 'Sarn report.txt', status: 'imported' })
    expect(existsSync(path)).toBe(false)
  })

  it('refuses uploads without the token, of the wrong type, or over the size limit', async () => {
    const upload = (headers: Record<string, string>) =>
      send('/upload?name=a.txt', { method: 'POST', headers, body: 'x' })
    expect((await upload({ 'content-type': 'application/octet-stream' })).status).toBe(401)
    expect((await upload({ 'content-type': 'text/plain', 'x-claimdesk-token': server.token })).status).toBe(415)
    const big = await upload({
      'content-type': 'application/octet-stream',
      'x-claimdesk-token': server.token,
      'content-length': String(300 * 1024 * 1024)
    })
    expect(big.status).toBe(413)
    expect(JSON.parse(big.body).error.message).toMatch(/^a\.txt: the file is too large/)
  })

  it('drops a stalled upload instead of holding it forever', async () => {
    const closed = await new Promise<string>((done) => {
      const req = request({
        host: '127.0.0.1',
        port: server.port,
        path: '/upload?name=slow.txt',
        method: 'POST',
        headers: {
          host: `127.0.0.1:${server.port}`,
          'content-type': 'application/octet-stream',
          'x-claimdesk-token': server.token,
          'content-length': '1000'
        }
      })
      req.on('response', (res) => done(`answered ${res.statusCode}`))
      req.on('error', () => done('closed'))
      req.write('only part of the file')
    })
    // The server's idle timeout here is 1.5 s; the request never completes.
    expect(['closed', 'answered 400']).toContain(closed)
  })
})

describe('a request that takes longer than the idle timeout', () => {
  it('is answered, not dropped: the connection is idle only while a request arrives', async () => {
    const slow = await startServer({
      handlers: {
        ...t.service.handlers,
        listClaims: async (...args) => {
          await new Promise((resolve) => setTimeout(resolve, 2500))
          return t.service.handlers.listClaims(...args)
        }
      },
      rendererDir: join(dir, 'renderer'),
      idleTimeoutMs: 1000
    })
    try {
      const status = await new Promise<number | string>((done) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: slow.port,
            path: '/api/listClaims',
            method: 'POST',
            headers: {
              host: `127.0.0.1:${slow.port}`,
              'content-type': 'application/json',
              'x-claimdesk-token': slow.token
            }
          },
          (res) => (res.resume(), done(res.statusCode ?? 0))
        )
        req.on('error', (e) => done(e.message))
        req.end(JSON.stringify({ args: [{}] }))
      })
      expect(status).toBe(200)
    } finally {
      await slow.close()
    }
  })
})
