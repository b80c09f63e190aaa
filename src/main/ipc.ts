// The Electron door: each contract method on its own ipcMain channel, arguments validated by
// dispatch() like every other door, errors returned as plain data (Error objects lose their
// fields crossing contextBridge).
import { ipcMain, type WebFrameMain } from 'electron'
import type { ApiHandlers } from '../shared/api'
import { API_METHODS } from '../shared/api-methods'
import { toErrorInfo } from '../shared/errors'
import { dispatch } from './dispatch'

export type TrustedFrame = (frame: WebFrameMain | null) => boolean

export function bindIpc(handlers: ApiHandlers, trusted: TrustedFrame): void {
  for (const method of API_METHODS) {
    ipcMain.handle(`claimdesk:${method}`, async (event, ...args: unknown[]) => {
      if (!trusted(event.senderFrame)) return { error: { code: 'invalid', message: 'call from an untrusted page' } }
      try {
        return { result: await dispatch(handlers, method, args) }
      } catch (err) {
        return { error: toErrorInfo(err) }
      }
    })
  }
}

/** A native dialog or other main-side helper on a channel, with the same trust check and reply shape. */
export function handleLocal(
  channel: string,
  trusted: TrustedFrame,
  run: (...args: unknown[]) => Promise<unknown>
): void {
  ipcMain.handle(channel, async (event, ...args: unknown[]) => {
    if (!trusted(event.senderFrame)) return { error: { code: 'invalid', message: 'call from an untrusted page' } }
    try {
      return { result: await run(...args) }
    } catch (err) {
      return { error: toErrorInfo(err) }
    }
  })
}
