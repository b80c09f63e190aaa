// Picks the door to the backend: the preload's bridge in Electron, JSON POSTs in browser mode.
import type { ApiMethod, ClaimdeskApi, ImportFile } from '../../../shared/api'
import { API_METHODS, wireArgs } from '../../../shared/api-methods'
import { ClaimdeskError, type ErrorInfo } from '../../../shared/errors'

const TOKEN_KEY = 'claimdesk-token'

function isErrorInfo(value: unknown): value is ErrorInfo {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorInfo).code === 'string' &&
    typeof (value as ErrorInfo).message === 'string'
  )
}

/** Whatever a door rejected with, as a ClaimdeskError (never a stack for the user). */
export function toClaimdeskError(err: unknown): ClaimdeskError {
  if (err instanceof ClaimdeskError) return err
  if (isErrorInfo(err)) return ClaimdeskError.from(err)
  const message = err instanceof Error ? err.message : String(err)
  return new ClaimdeskError('internal', message)
}

/**
 * Takes the token from `?token=` (keeping it in sessionStorage so reloads work) and strips it
 * from the address bar; otherwise returns the stored one.
 */
export function takeToken(win: Window = window): string {
  const url = new URL(win.location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    win.sessionStorage.setItem(TOKEN_KEY, fromUrl)
    url.searchParams.delete('token')
    win.history.replaceState(win.history.state, '', url.pathname + url.search + url.hash)
    return fromUrl
  }
  return win.sessionStorage.getItem(TOKEN_KEY) ?? ''
}

export function httpApi(token: string, fetcher: typeof fetch = fetch, base = ''): ClaimdeskApi {
  async function call(method: ApiMethod, args: unknown[]): Promise<unknown> {
    let response: Response
    try {
      response = await fetcher(`${base}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Claimdesk-Token': token },
        body: JSON.stringify({ args: wireArgs(args) })
      })
    } catch {
      throw new ClaimdeskError('io', 'Cannot reach the Claimdesk server. Is `claimdesk serve` still running?')
    }
    let body: { result?: unknown; error?: unknown } | null
    try {
      body = await response.json()
    } catch {
      body = null
    }
    if (response.ok && body && 'result' in body) return body.result
    if (body && isErrorInfo(body.error)) throw ClaimdeskError.from(body.error)
    if (response.status === 401 || response.status === 403)
      throw new ClaimdeskError(
        'io',
        'The server refused this page: open the address printed by `claimdesk serve` again.'
      )
    throw new ClaimdeskError('io', `The server answered ${response.status} ${response.statusText} to ${method}.`)
  }
  const api = {} as Record<ApiMethod, (...args: unknown[]) => Promise<unknown>>
  for (const method of API_METHODS) api[method] = (...args) => call(method, args)
  return api as unknown as ClaimdeskApi
}

/**
 * Wraps the preload bridge so every rejection becomes a ClaimdeskError. Arguments go through a
 * JSON round trip: Svelte state proxies cannot cross contextBridge's structured clone.
 */
export function bridgeApi(bridge: ClaimdeskApi): ClaimdeskApi {
  const api = {} as Record<ApiMethod, (...args: unknown[]) => Promise<unknown>>
  for (const method of API_METHODS) {
    const fn = bridge[method] as (...a: unknown[]) => Promise<unknown>
    api[method] = async (...args) => {
      try {
        return await fn(...(JSON.parse(JSON.stringify(wireArgs(args))) as unknown[]))
      } catch (err) {
        throw toClaimdeskError(err)
      }
    }
  }
  return api as unknown as ClaimdeskApi
}

/** Uploads one file to the browser-mode server, which keeps it until importFiles has read it. */
export function httpUpload(token: string, fetcher: typeof fetch = fetch, base = ''): FileTransfer {
  return async (file, name) => {
    let response: Response
    try {
      response = await fetcher(`${base}/upload?name=${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream', 'X-Claimdesk-Token': token },
        body: file
      })
    } catch {
      throw new ClaimdeskError(
        'io',
        `${name}: could not be sent to the Claimdesk server. Is \`claimdesk serve\` still running?`
      )
    }
    const body = (await response.json().catch(() => null)) as { result?: { path: string }; error?: unknown } | null
    if (response.ok && body?.result) return { path: body.result.path, name }
    if (body && isErrorInfo(body.error)) throw ClaimdeskError.from(body.error)
    throw new ClaimdeskError('io', `${name}: the server answered ${response.status} ${response.statusText}`)
  }
}

/** How a File the user picked or dropped reaches importFiles: by its path (desktop) or uploaded (browser). */
export type FileTransfer = (file: File, name: string) => Promise<ImportFile>

/** The backend as the UI reaches it: the contract, and how files get to it. */
export interface Backend {
  api: ClaimdeskApi
  transfer: FileTransfer
}

export function createBackend(): Backend {
  const bridge = typeof window !== 'undefined' ? window.claimdesk : undefined
  if (bridge) {
    return {
      api: bridgeApi(bridge),
      transfer: async (file, name) => ({ path: bridge.platform.pathForFile(file), name })
    }
  }
  const token = takeToken()
  return { api: httpApi(token), transfer: httpUpload(token) }
}
