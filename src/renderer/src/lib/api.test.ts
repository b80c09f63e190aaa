// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest'
import { ClaimdeskError } from '../../../shared/errors'
import { bridgeApi, httpApi, takeToken, toClaimdeskError } from './api'

const reply = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })

describe('httpApi', () => {
  it('POSTs the arguments with the token and returns the result', async () => {
    const fetcher = vi.fn(async () => reply(200, { result: { ok: 1 } }))
    const api = httpApi('tok', fetcher as typeof fetch)
    await expect(api.getDocument('d1')).resolves.toEqual({ ok: 1 })
    const [url, init] = fetcher.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/getDocument')
    expect(init.method).toBe('POST')
    expect((init.headers as Record<string, string>)['X-Claimdesk-Token']).toBe('tok')
    expect(JSON.parse(init.body as string)).toEqual({ args: ['d1'] })
  })

  it('drops trailing undefined arguments instead of sending null', async () => {
    const fetcher = vi.fn(async () => reply(200, { result: null }))
    await httpApi('t', fetcher as typeof fetch).deleteSource('s1', undefined)
    const [, init] = fetcher.mock.calls[0] as unknown as [string, RequestInit]
    expect(JSON.parse(init.body as string)).toEqual({ args: ['s1'] })
  })

  it('throws the server error as a ClaimdeskError with code and details', async () => {
    const fetcher = async () =>
      reply(422, { error: { code: 'corrupt', message: 'x.claimdesk.json is empty', details: { backups: [] } } })
    const err = await httpApi('t', fetcher as typeof fetch)
      .currentCase()
      .catch((e) => e)
    expect(err).toBeInstanceOf(ClaimdeskError)
    expect(err.code).toBe('corrupt')
    expect(err.message).toBe('x.claimdesk.json is empty')
    expect(err.details).toEqual({ backups: [] })
  })

  it('turns network failures and non-JSON answers into clear io errors', async () => {
    const down = async () => {
      throw new TypeError('Failed to fetch')
    }
    await expect(httpApi('t', down as typeof fetch).currentCase()).rejects.toMatchObject({
      code: 'io',
      message: expect.stringContaining('Cannot reach')
    })
    const html = async () => new Response('<html>', { status: 502, statusText: 'Bad Gateway' })
    await expect(httpApi('t', html as typeof fetch).currentCase()).rejects.toMatchObject({
      code: 'io',
      message: expect.stringContaining('502')
    })
    const denied = async () => new Response('no', { status: 403 })
    await expect(httpApi('t', denied as typeof fetch).currentCase()).rejects.toMatchObject({
      message: expect.stringContaining('refused')
    })
  })
})

describe('takeToken', () => {
  it('stores the token from the URL and strips it from the address bar', () => {
    window.history.replaceState(null, '', '/?token=abc123&x=1#top')
    expect(takeToken()).toBe('abc123')
    expect(window.location.search).toBe('?x=1')
    expect(window.location.hash).toBe('#top')
    // a reload (no token in the URL) still finds it
    expect(takeToken()).toBe('abc123')
  })
})

describe('bridgeApi', () => {
  it('turns plain ErrorInfo rejections into ClaimdeskErrors and sends plain data', async () => {
    const seen: unknown[] = []
    const bridge = {
      updateClaim: async (...args: unknown[]) => {
        seen.push(args)
        throw { code: 'read-only', message: 'The case is open read-only' }
      }
    }
    const api = bridgeApi(bridge as never)
    const err = await api.updateClaim('c1', { note: 'n' }).catch((e) => e)
    expect(err).toBeInstanceOf(ClaimdeskError)
    expect(err.code).toBe('read-only')
    expect(seen).toEqual([['c1', { note: 'n' }]])
  })

  it('keeps the message of an unexpected Error, without a stack', () => {
    const err = toClaimdeskError(new Error('boom'))
    expect(err.code).toBe('internal')
    expect(err.message).toBe('boom')
  })
})
