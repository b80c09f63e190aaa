// The shape of `window.claimdesk` that the Electron preload exposes with contextBridge.
import type { ClaimdeskApi } from './api'

/** Native dialogs and file saving, only in the desktop app. Each resolves null when cancelled. */
export interface PlatformBridge {
  /** Native "open" dialog for *.claimdesk.json; the chosen path. */
  openCaseDialog(): Promise<string | null>
  /** Native "save" dialog for where a new case goes. */
  newCaseDialog(): Promise<string | null>
  /** Native "save" dialog for "Save case as". */
  saveCaseDialog(): Promise<string | null>
  /** Native save dialog proposing fileName, then writes content; the path written. */
  saveFile(fileName: string, content: string, encoding: 'utf8' | 'base64'): Promise<string | null>
  /**
   * Native multi-file "open" dialog for documents to import; the chosen files' paths, which main
   * reads itself. The menu needs it: Chromium opens a file input's picker only on a user gesture.
   */
  chooseImportFiles(): Promise<{ path: string; name: string }[] | null>
  /** The path of a file the user dropped or picked (Electron's webUtils.getPathForFile). */
  pathForFile(file: File): string
  /** Native menu commands (see MENU_ACTIONS) forwarded to the UI. */
  onMenu(listener: (action: MenuAction) => void): void
}

/** What the desktop app's native menu asks the UI to do. */
export const MENU_ACTIONS = ['new-case', 'open-case', 'save-case-as', 'import', 'paste', 'export', 'shortcuts'] as const
export type MenuAction = (typeof MENU_ACTIONS)[number]

/**
 * The contract's methods plus `platform`. A failed call must reject with the plain ErrorInfo
 * object ({ code, message, details }) rather than an Error: contextBridge copies plain objects
 * intact but strips everything but the message from Error instances.
 */
export type ClaimdeskBridge = ClaimdeskApi & { platform: PlatformBridge }
