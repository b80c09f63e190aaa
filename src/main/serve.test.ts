import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from './serve'
import { ClaimdeskService } from './service'

let dir: string
let service: ClaimdeskService
let server: RunningServer

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A raw request, so tests can send the Host and Origin headers a browser would not let us forge. */
function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {}
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
  service = new ClaimdeskService({ userDataDir: join(dir, 'home') })
  await service.newCase(join(dir, 'served'))
  server = await startServer({ api: service, rendererDir: renderer })
})

afterAll(async () => {
  await server.close()
  await service.close()
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
})
