import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { ClaimdeskApi } from '../shared/api'
import { API_METHODS } from '../shared/api-methods'
import { ClaimdeskError } from '../shared/errors'
import { createFakeElectron, type FakeElectron } from './testing/fake-electron'

const holder = vi.hoisted(() => ({ current: null as unknown as { electron: Record<string, unknown> } }))
vi.mock('electron', () => ({
  get ipcMain() {
    return holder.current.electron.ipcMain
  }
}))

const APP = 'file:///opt/Claimdesk/resources/app.asar/out/renderer/index.html'
const trusted = (frame: { url: string } | null) => frame?.url === APP

let fake: FakeElectron
beforeEach(() => {
  fake = createFakeElectron({ isPackaged: true, userData: '/nowhere' })
  holder.current = fake
})

/** An API whose every method records its call and answers with its name. */
function recordingApi() {
  const calls: { method: string; args: unknown[] }[] = []
  const api = Object.fromEntries(
    API_METHODS.map((method) => [
      method,
      async (...args: unknown[]) => {
        calls.push({ method, args })
        if (method === 'deleteSource') throw new ClaimdeskError('conflict', 'source in use')
        return method
      }
    ])
  ) as unknown as ClaimdeskApi
  return { api, calls }
}

describe('bindIpc', () => {
  it('binds each contract method on its own channel, once', async () => {
    const { bindIpc } = await import('./ipc')
    bindIpc(recordingApi().api, trusted)
    expect(fake.ipcHandlers.map((h) => h.channel).sort()).toEqual(API_METHODS.map((m) => `claimdesk:${m}`).sort())
  })

  it('passes valid arguments through, with the schema’s defaults, and returns the result', async () => {
    const { bindIpc } = await import('./ipc')
    const { api, calls } = recordingApi()
    bindIpc(api, trusted)
    expect(await fake.invoke('claimdesk:openCase', APP, '/cases/a.claimdesk.json')).toEqual({ result: 'openCase' })
    expect(calls).toEqual([{ method: 'openCase', args: ['/cases/a.claimdesk.json'] }])
  })

  it('refuses bad arguments before the implementation runs, naming the argument', async () => {
    const { bindIpc } = await import('./ipc')
    const { api, calls } = recordingApi()
    const report = vi.fn()
    bindIpc(api, trusted, report)
    const cases: [string, unknown[], string][] = [
      ['claimdesk:getDocument', [{ id: 'x' }], 'getDocument: argument 1'],
      ['claimdesk:updateClaim', ['c1', { note: 7 }], 'argument 2 field "note"'],
      ['claimdesk:setCaseTitle', ['x'.repeat(100_000)], 'setCaseTitle: argument 1'],
      ['claimdesk:newCase', [], 'newCase']
    ]
    for (const [channel, args, message] of cases) {
      const reply = (await fake.invoke(channel, APP, ...args)) as { error: { code: string; message: string } }
      expect(reply.error.code, channel).toBe('invalid')
      expect(reply.error.message, channel).toContain(message)
    }
    expect(calls).toEqual([])
    expect(report).toHaveBeenCalledTimes(cases.length)
  })

  it('returns an implementation’s error as plain data and reports it', async () => {
    const { bindIpc } = await import('./ipc')
    const report = vi.fn()
    bindIpc(recordingApi().api, trusted, report)
    expect(await fake.invoke('claimdesk:deleteSource', APP, 's1')).toEqual({
      error: { code: 'conflict', message: 'source in use' }
    })
    expect(report).toHaveBeenCalledWith('claimdesk:deleteSource', expect.any(ClaimdeskError))
  })

  it('answers an untrusted sender with an error and never calls the implementation', async () => {
    const { bindIpc } = await import('./ipc')
    const { api, calls } = recordingApi()
    bindIpc(api, trusted)
    const reply = await fake.invoke('claimdesk:currentCase', 'https://example.org/')
    expect(reply).toEqual({ error: { code: 'invalid', message: 'call from an untrusted page' } })
    expect(calls).toEqual([])
  })
})

describe('handleLocal', () => {
  it('runs a main-side helper for a trusted sender only', async () => {
    const { handleLocal } = await import('./ipc')
    const run = vi.fn(async (a: unknown) => `got ${String(a)}`)
    handleLocal('claimdesk-dialog:test', trusted, run)
    expect(await fake.invoke('claimdesk-dialog:test', APP, 'x')).toEqual({ result: 'got x' })
    expect(await fake.invoke('claimdesk-dialog:test', 'file:///tmp/evil.html', 'y')).toHaveProperty('error')
    expect(run).toHaveBeenCalledTimes(1)
  })
})
