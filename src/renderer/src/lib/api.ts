// Picks the door to the backend: the preload's bridge in Electron, JSON POSTs in browser mode.
import type { ApiMethod, ClaimdeskApi } from '../../../shared/api'
import { API_METHODS } from '../../../shared/api-methods'
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

/** JSON drops `undefined` array items as null, which optional arguments would reject. */
function trimTrailingUndefined(args: unknown[]): unknown[] {
  let end = args.length
  while (end > 0 && args[end - 1] === undefined) end--
  return args.slice(0, end)
}

export function httpApi(token: string, fetcher: typeof fetch = fetch, base = ''): ClaimdeskApi {
  async function call(method: ApiMethod, args: unknown[]): Promise<unknown> {
    let response: Response
    try {
      response = await fetcher(`${base}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Claimdesk-Token': token },
        body: JSON.stringify({ args: trimTrailingUndefined(args) })
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
        return await fn(...(JSON.parse(JSON.stringify(trimTrailingUndefined(args))) as unknown[]))
      } catch (err) {
        throw toClaimdeskError(err)
      }
    }
  }
  return api as unknown as ClaimdeskApi
}

export function createApi(): ClaimdeskApi {
  if (typeof window !== 'undefined' && window.claimdesk) return bridgeApi(window.claimdesk)
  return httpApi(takeToken())
}
