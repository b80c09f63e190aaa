// Browser mode: the built UI and the API on 127.0.0.1 only. API calls need the per-run token;
// every request must name this server in its Host header (DNS-rebinding guard).
//
//   POST /api/<method>   {"args": [...]}  (application/json, at most MAX_JSON_BYTES)
//   POST /upload?name=…  the raw bytes of one file to import, streamed to a temporary file whose
//                        path the reply gives; importFiles([{ path, name }]) then reads it, and the
//                        server deletes it once that call is done.
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { pipeline } from 'node:stream/promises'
import { pipeline as pipe } from 'node:stream'
import { extname, join, normalize, sep } from 'node:path'
import type { ApiHandlers } from '../shared/api'
import { LIMITS } from '../shared/api'
import { toErrorInfo, type ErrorCode } from '../shared/errors'
import { formatMegabytes } from '../shared/importable'
import { dispatch } from './dispatch'
import { CONTENT_SECURITY_POLICY } from './security'

export interface ServeOptions {
  handlers: ApiHandlers
  /** The built renderer (out/renderer). */
  rendererDir: string
  port?: number
  /** Fixed token, for tests; random otherwise. */
  token?: string
  /** How long a connection may stay silent, and how long a whole request may take to arrive (ms). */
  idleTimeoutMs?: number
  requestTimeoutMs?: number
}

export interface RunningServer {
  url: string
  token: string
  port: number
  close(): Promise<void>
}

const HOST = '127.0.0.1'
/** Pasted text and annotation files arrive as JSON; files to import go through /upload instead. */
export const MAX_JSON_BYTES = 64 * 1024 * 1024
const MAX_PATH_CHARS = 1024

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

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message)
  }
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

const sendError = (res: ServerResponse, status: number, message: string): void =>
  send(res, status, JSON.stringify({ error: { code: 'invalid', message } }))

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > MAX_JSON_BYTES) throw new HttpError(413, tooLarge())
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_JSON_BYTES) throw new HttpError(413, tooLarge())
    chunks.push(chunk as Buffer)
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    throw new HttpError(400, 'request body is not valid JSON')
  }
}

const tooLarge = () => `request body too large (the limit is ${formatMegabytes(MAX_JSON_BYTES)})`

const isJson = (type: string | undefined) => /^application\/json\s*(;\s*charset="?utf-8"?\s*)?$/i.test(type ?? '')

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  let port = options.port ?? 0
  const uploads = await mkdtemp(join(tmpdir(), 'claimdesk-uploads-'))

  const allowedHosts = () => [`${HOST}:${port}`, `localhost:${port}`]

  function checkToken(req: IncomingMessage): void {
    if (req.method !== 'POST') throw new HttpError(405, 'use POST')
    if (!sameSecret(String(req.headers['x-claimdesk-token'] ?? ''), token))
      throw new HttpError(401, 'missing or wrong token')
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    checkToken(req)
    if (!isJson(req.headers['content-type'])) throw new HttpError(415, 'send application/json')
    const body = await readJsonBody(req)
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new HttpError(400, 'send a JSON object: {"args": [...]}')
    const args = (body as { args?: unknown }).args ?? []
    let reply: { status: number; body: string }
    try {
      reply = {
        status: 200,
        body: JSON.stringify({ result: (await dispatch(options.handlers, method, args)) ?? null })
      }
    } catch (err) {
      const error = toErrorInfo(err)
      reply = { status: STATUS[error.code] ?? 500, body: JSON.stringify({ error }) }
    }
    if (method === 'importFiles') await forgetUploads(args)
    send(res, reply.status, reply.body)
  }

  /** Streams one file to the uploads folder; the reply names its path for importFiles. */
  async function handleUpload(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    checkToken(req)
    if (req.headers['content-type'] !== 'application/octet-stream')
      throw new HttpError(415, 'send the file as application/octet-stream')
    const name = url.searchParams.get('name') ?? ''
    if (!name || name.length > 1024) throw new HttpError(400, 'name the file in ?name= (at most 1024 characters)')
    if (Number(req.headers['content-length'] ?? 0) > LIMITS.fileBytes) {
      throw new HttpError(413, `${name}: the file is too large (the limit is ${formatMegabytes(LIMITS.fileBytes)})`)
    }
    const path = join(uploads, randomUUID())
    let size = 0
    try {
      await pipeline(
        req,
        async function* (source) {
          for await (const chunk of source) {
            size += (chunk as Buffer).length
            if (size > LIMITS.fileBytes)
              throw new HttpError(
                413,
                `${name}: the file is too large (the limit is ${formatMegabytes(LIMITS.fileBytes)})`
              )
            yield chunk
          }
        },
        createWriteStream(path, { flags: 'wx' })
      )
    } catch (err) {
      await rm(path, { force: true })
      throw err instanceof HttpError ? err : new HttpError(400, `${name}: the upload did not complete`)
    }
    send(res, 200, JSON.stringify({ result: { path, name } }))
  }

  async function forgetUploads(args: unknown): Promise<void> {
    const files = Array.isArray(args) && Array.isArray(args[0]) ? (args[0] as unknown[]) : []
    for (const f of files) {
      const path = (f as { path?: unknown })?.path
      if (typeof path === 'string' && path.startsWith(uploads + sep)) await rm(path, { force: true })
    }
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'method not allowed')
    if (pathname.length > MAX_PATH_CHARS) throw new HttpError(414, 'path too long')
    let decoded: string
    try {
      decoded = decodeURIComponent(pathname === '/' ? '/index.html' : pathname)
    } catch {
      throw new HttpError(400, 'malformed path')
    }
    const file = join(options.rendererDir, normalize(decoded))
    if (!file.startsWith(options.rendererDir + sep)) throw new HttpError(403, 'forbidden')
    const info = await stat(file).catch(() => null)
    if (!info?.isFile()) throw new HttpError(404, 'not found')
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
    pipe(createReadStream(file), res, () => {})
  }

  const server = createServer((req, res) => {
    if (!allowedHosts().includes(String(req.headers.host))) return send(res, 421, 'wrong host', 'text/plain')
    const origin = req.headers.origin
    if (origin && !allowedHosts().some((h) => origin === `http://${h}`))
      return send(res, 403, 'wrong origin', 'text/plain')
    let url: URL
    try {
      url = new URL(req.url ?? '/', `http://${HOST}`)
    } catch {
      return send(res, 400, 'malformed request line', 'text/plain')
    }
    // Once a request has arrived whole, the connection waits for the answer, however long the work
    // takes: dropped meanwhile, the caller would report a failure the case then records anyway.
    req.once('end', () => req.socket.setTimeout(0))
    res.once('finish', () => req.socket.setTimeout(server.timeout))
    const api = /^\/api\/([A-Za-z]+)$/.exec(url.pathname)
    const handled = api
      ? handleApi(req, res, api[1])
      : url.pathname === '/upload'
        ? handleUpload(req, res, url)
        : handleStatic(req, res, url.pathname)
    handled.catch((err: unknown) => {
      if (res.headersSent) return void res.destroy()
      if (!req.complete) {
        // The rest of a refused body is discarded, not kept, and the connection closes after the reply.
        res.setHeader('Connection', 'close')
        req.resume()
      }
      if (!(err instanceof HttpError)) send(res, 500, JSON.stringify({ error: toErrorInfo(err) }))
      else if (url.pathname.startsWith('/api/') || url.pathname === '/upload') sendError(res, err.status, err.message)
      else send(res, err.status, err.message, 'text/plain')
    })
  })
  // A stalled upload or request is dropped: silent for idleTimeoutMs, or not complete after requestTimeoutMs.
  server.requestTimeout = options.requestTimeoutMs ?? 10 * 60_000
  server.headersTimeout = Math.min(server.requestTimeout, 60_000)
  server.timeout = options.idleTimeoutMs ?? 60_000

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject)
    server.listen(port, HOST, () => resolveListen())
  })
  port = (server.address() as AddressInfo).port
  return {
    url: `http://${HOST}:${port}/?token=${token}`,
    token,
    port,
    close: async () => {
      await new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      })
      await rm(uploads, { recursive: true, force: true })
    }
  }
}
