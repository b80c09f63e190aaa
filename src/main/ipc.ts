// The Electron door: each contract method on its own ipcMain channel, arguments validated by
// dispatch() like every other door, errors returned as plain data (Error objects lose their
// fields crossing contextBridge). Only the app's own page may call (see isAppFrame).
import { ipcMain, type WebFrameMain } from 'electron'
import type { ApiHandlers } from '../shared/api'
import { API_METHODS } from '../shared/api-methods'
import { toErrorInfo } from '../shared/errors'
import { dispatch } from './dispatch'

export type TrustedFrame = (frame: WebFrameMain | null) => boolean
/** Told of every failed call (the log records the method and the error's kind, not its text). */
export type ReportError = (channel: string, err: unknown) => void

const UNTRUSTED = { error: { code: 'invalid', message: 'call from an untrusted page' } }

export function bindIpc(handlers: ApiHandlers, trusted: TrustedFrame, report?: ReportError): void {
  for (const method of API_METHODS) {
    handleLocal(`claimdesk:${method}`, trusted, (...args) => dispatch(handlers, method, args), report)
  }
}

/** A native dialog or other main-side helper on a channel, with the same trust check and reply shape. */
export function handleLocal(
  channel: string,
  trusted: TrustedFrame,
  run: (...args: unknown[]) => Promise<unknown>,
  report?: ReportError
): void {
  ipcMain.handle(channel, async (event, ...args: unknown[]) => {
    if (!trusted(event.senderFrame)) {
      report?.(channel, new Error('untrusted sender'))
      return UNTRUSTED
    }
    try {
      return { result: await run(...args) }
    } catch (err) {
      report?.(channel, err)
      return { error: toErrorInfo(err) }
    }
  })
}
