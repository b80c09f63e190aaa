// Browser mode: the built UI and the API on 127.0.0.1 only. API calls need the per-run token;
// every request must name this server in its Host header (DNS-rebinding guard).
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { pipeline } from 'node:stream'
import { extname, join, normalize, sep } from 'node:path'
import type { ClaimdeskApi } from '../shared/api'
import { LIMITS } from '../shared/api'
import { toErrorInfo, type ErrorCode } from '../shared/errors'
import { dispatch } from './dispatch'
import { CONTENT_SECURITY_POLICY } from './security'

export interface ServeOptions {
  api: ClaimdeskApi
  /** The built renderer (out/renderer). */
  rendererDir: string
  port?: number
  /** Fixed token, for tests; random otherwise. */
  token?: string
}

export interface RunningServer {
  url: string
  token: string
  port: number
  close(): Promise<void>
}

const HOST = '127.0.0.1'
/** A base64 import of the largest accepted file, plus JSON framing. */
const MAX_BODY = Math.ceil(LIMITS.fileBytes / 3) * 4 + 1024 * 1024

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json'
}

const STATUS: Record<ErrorCode, number> = {
  invalid: 400,
  'not-found': 404,
  conflict: 409,
  'no-case': 409,
  'read-only': 409,
  locked: 423,
  corrupt: 422,
  io: 500,
  internal: 500
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

function send(res: ServerResponse, status: number, body: string, type = 'application/json'): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' })
  res.end(body)
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY) throw Object.assign(new Error('request body too large'), { status: 413 })
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  let port = options.port ?? 0

  const allowedHosts = () => [`${HOST}:${port}`, `localhost:${port}`]

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST')
      return send(res, 405, JSON.stringify({ error: { code: 'invalid', message: 'use POST' } }))
    if (!sameSecret(String(req.headers['x-claimdesk-token'] ?? ''), token)) {
      return send(res, 401, JSON.stringify({ error: { code: 'invalid', message: 'missing or wrong token' } }))
    }
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return send(res, 415, JSON.stringify({ error: { code: 'invalid', message: 'send application/json' } }))
    }
    let args: unknown
    try {
      const body = JSON.parse(await readBody(req)) as { args?: unknown }
      args = body?.args ?? []
    } catch (err) {
      const status = (err as { status?: number }).status ?? 400
      const message = status === 413 ? 'request body too large' : 'request body is not valid JSON'
      return send(res, status, JSON.stringify({ error: { code: 'invalid', message } }))
    }
    try {
      const result = await dispatch(options.api, method, args)
      send(res, 200, JSON.stringify({ result: result ?? null }))
    } catch (err) {
      const error = toErrorInfo(err)
      send(res, STATUS[error.code] ?? 500, JSON.stringify({ error }))
    }
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed', 'text/plain')
    const relative = normalize(decodeURIComponent(pathname === '/' ? '/index.html' : pathname))
    const file = join(options.rendererDir, relative)
    if (!file.startsWith(options.rendererDir + sep)) return send(res, 403, 'forbidden', 'text/plain')
    const info = await stat(file).catch(() => null)
    if (!info?.isFile()) return send(res, 404, 'not found', 'text/plain')
    res.writeHead(200, {
      'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
      'Content-Length': info.size,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cache-Control': 'no-cache'
    })
    if (req.method === 'HEAD') return void res.end()
    // A file that vanishes mid-read (a rebuild while serving) ends this response, not the server.
    pipeline(createReadStream(file), res, () => {})
  }

  const server = createServer((req, res) => {
    if (!allowedHosts().includes(String(req.headers.host))) return send(res, 421, 'wrong host', 'text/plain')
    const origin = req.headers.origin
    if (origin && !allowedHosts().some((h) => origin === `http://${h}`))
      return send(res, 403, 'wrong origin', 'text/plain')
    const { pathname } = new URL(req.url ?? '/', `http://${HOST}`)
    const api = /^\/api\/([A-Za-z]+)$/.exec(pathname)
    const handled = api ? handleApi(req, res, api[1]) : handleStatic(req, res, pathname)
    handled.catch((err) => {
      if (!res.headersSent) send(res, 500, JSON.stringify({ error: toErrorInfo(err) }))
      else res.destroy()
    })
  })
  server.requestTimeout = 0

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject)
    server.listen(port, HOST, () => resolveListen())
  })
  port = (server.address() as AddressInfo).port
  return {
    url: `http://${HOST}:${port}/?token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      })
  }
}
