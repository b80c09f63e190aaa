// The preload run against a stand-in `electron`: what it hands the page is all the page can reach.
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { API_METHODS } from '../shared/api-methods'

const recorded = vi.hoisted(() => ({
  exposed: [] as { key: string; value: Record<string, unknown> }[],
  invoked: [] as { channel: string; args: unknown[] }[],
  listeners: new Map<string, (event: unknown, ...args: unknown[]) => void>(),
  reply: { result: 'ok' } as unknown
}))
vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: Record<string, unknown>) => recorded.exposed.push({ key, value })
  },
  ipcRenderer: {
    invoke: async (channel: string, ...args: unknown[]) => {
      recorded.invoked.push({ channel, args })
      return recorded.reply
    },
    on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) =>
      recorded.listeners.set(channel, listener)
  },
  webUtils: { getPathForFile: (file: { name: string }) => `/dropped/${file.name}` }
}))

type Bridge = Record<string, (...args: unknown[]) => Promise<unknown>> & {
  platform: Record<string, (...args: unknown[]) => unknown>
}
let bridge: Bridge

beforeAll(async () => {
  await import('./index')
  bridge = recorded.exposed[0].value as Bridge
})

describe('preload', () => {
  it('exposes one object: the contract’s methods and the platform functions, nothing else', () => {
    expect(recorded.exposed.map((e) => e.key)).toEqual(['claimdesk'])
    expect(Object.keys(bridge).sort()).toEqual([...API_METHODS, 'platform'].sort())
    expect(Object.keys(bridge.platform).sort()).toEqual(
      [
        'chooseImportFolder',
        'chooseImportPaths',
        'newCaseDialog',
        'onMenu',
        'onOpenCase',
        'openCaseDialog',
        'pathForFile',
        'saveCaseDialog',
        'saveFile'
      ].sort()
    )
    for (const value of [...Object.values(bridge), ...Object.values(bridge.platform)]) {
      if (typeof value === 'object') continue
      expect(typeof value).toBe('function')
    }
  })

  it('turns a method call into one invoke on its channel, and an error reply into a rejection with the plain error', async () => {
    recorded.reply = { result: { id: 'd1' } }
    await expect(bridge.getDocument('d1')).resolves.toEqual({ id: 'd1' })
    expect(recorded.invoked.at(-1)).toEqual({ channel: 'claimdesk:getDocument', args: ['d1'] })
    recorded.reply = { error: { code: 'not-found', message: 'no document d1' } }
    await expect(bridge.getDocument('d1')).rejects.toEqual({ code: 'not-found', message: 'no document d1' })
  })

  it('asks main for import paths, never file bytes, and names a dropped file by its path', async () => {
    const chosen = [{ path: '/docs/a.pdf', name: 'a.pdf' }]
    recorded.reply = { result: chosen }
    await expect(bridge.platform.chooseImportPaths()).resolves.toEqual(chosen)
    expect(recorded.invoked.at(-1)).toEqual({ channel: 'claimdesk-dialog:importPaths', args: [] })
    recorded.reply = { result: [{ path: '/docs/press/b.txt', name: 'press/b.txt' }] }
    await expect(bridge.platform.chooseImportFolder()).resolves.toEqual([
      { path: '/docs/press/b.txt', name: 'press/b.txt' }
    ])
    expect(recorded.invoked.at(-1)).toEqual({ channel: 'claimdesk-dialog:importFolder', args: [] })
    expect(bridge.platform.pathForFile({ name: 'drop.md' })).toBe('/dropped/drop.md')
  })

  it('forwards menu commands and cases to open, without handing the page the IPC event', () => {
    const actions: unknown[][] = []
    const cases: unknown[][] = []
    bridge.platform.onMenu((...args: unknown[]) => actions.push(args))
    bridge.platform.onOpenCase((...args: unknown[]) => cases.push(args))
    const senderEvent = { sender: { send: () => {} } }
    recorded.listeners.get('claimdesk-menu')!(senderEvent, 'import-folder')
    recorded.listeners.get('claimdesk-open-case')!(senderEvent, '/cases/x.claimdesk.json')
    expect(actions).toEqual([['import-folder']])
    expect(cases).toEqual([['/cases/x.claimdesk.json']])
  })
})
