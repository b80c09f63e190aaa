// The desktop app's security rules that do not need Electron to state or test: the page's CSP,
// which requests a window may make, which frame may call the API.
import { isAbsolute, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The renderer's Content-Security-Policy: nothing remote, no inline or eval'd script. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Svelte sets style attributes (highlight colours); no stylesheet is loaded from elsewhere.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'"
].join('; ')

export interface AllowedRequests {
  /** Folders whose files may load (the built renderer; a print job's folder). */
  folders: readonly string[]
  /** The dev server (electron-vite's ELECTRON_RENDERER_URL, e.g. "http://localhost:5173"), only when not packaged. */
  devUrl?: string
}

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

/** The dev server itself and its hot-reload socket: same host and port, by parsed origin. */
function isDevServer(u: URL, devUrl: string | undefined): boolean {
  const dev = devUrl ? parse(devUrl) : null
  if (!dev || u.host !== dev.host) return false
  const socket = dev.protocol === 'https:' ? 'wss:' : 'ws:'
  return u.protocol === dev.protocol || u.protocol === socket
}

/** Requests a desktop window may make: its own files (and the dev server in development), nothing remote. */
export function isAppRequest(url: string, allowed: AllowedRequests): boolean {
  const u = parse(url)
  if (!u) return false
  if (u.protocol === 'data:' || u.protocol === 'blob:') return true
  if (u.protocol === 'devtools:') return allowed.devUrl !== undefined
  if (u.protocol === 'file:') {
    let path: string
    try {
      path = fileURLToPath(u)
    } catch {
      return false
    }
    return allowed.folders.some((folder) => isInside(folder, path))
  }
  return isDevServer(u, allowed.devUrl)
}

/** The page without query or fragment ("http://localhost:5173" and ".../" are one page). */
function pageOf(url: string): string | null {
  const u = parse(url)
  if (!u) return null
  return u.origin === 'null' ? `${u.protocol}${u.pathname}` : `${u.origin}${u.pathname}`
}

/** The part of Electron's WebFrameMain the sender check reads. */
export interface FrameLike {
  url: string
  parent: unknown
}

/** Only the app's own page, in a window's top frame, may call the API and the native dialogs. */
export function isAppFrame(frame: FrameLike | null | undefined, appUrl: string): boolean {
  if (!frame || frame.parent !== null) return false
  const page = pageOf(frame.url)
  return page !== null && page === pageOf(appUrl)
}
