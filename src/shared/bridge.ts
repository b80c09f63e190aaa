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
   * Native multi-file "open" dialog for documents to import: the chosen files by path (main reads
   * them itself) and name. The menu needs a native dialog: Chromium opens a file input's picker
   * only on a user gesture.
   */
  chooseImportPaths(): Promise<ChosenFile[] | null>
  /** Native folder dialog for "Import Folder…": the folder's importable files, named "folder/sub/file". */
  chooseImportFolder(): Promise<ChosenFile[] | null>
  /** The path of a file the user dropped or picked (Electron's webUtils.getPathForFile). */
  pathForFile(file: File): string
  /** Native menu commands (see MENU_ACTIONS) forwarded to the UI. */
  onMenu(listener: (action: MenuAction) => void): void
  /**
   * A case the system asked the running app to open (a double-clicked case file, a second
   * launch with a case): the UI opens it as its Open command would.
   */
  onOpenCase(listener: (path: string) => void): void
}

/** A file chosen in a native dialog: where it is, and the name to show. */
export interface ChosenFile {
  path: string
  name: string
}

/** What the desktop app's native menu asks the UI to do. */
export const MENU_ACTIONS = [
  'new-case',
  'open-case',
  'save-case-as',
  'import',
  'import-folder',
  'paste',
  'export',
  'shortcuts'
] as const
export type MenuAction = (typeof MENU_ACTIONS)[number]

/**
 * The contract's methods plus `platform`. A failed call must reject with the plain ErrorInfo
 * object ({ code, message, details }) rather than an Error: contextBridge copies plain objects
 * intact but strips everything but the message from Error instances.
 */
export type ClaimdeskBridge = ClaimdeskApi & { platform: PlatformBridge }
