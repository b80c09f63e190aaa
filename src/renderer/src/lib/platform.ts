// What differs between the desktop app and browser mode beyond the API: picking case paths and
// saving exported files.
import type { ExportResult } from '../../../shared/api'
import type { PickedFile } from '../cases/import-files'
import { dialogs, type PathMode } from './dialogs.svelte'

/** A case path chosen by the user (native dialog, or the in-app path prompt); null if cancelled. */
export function chooseCasePath(mode: PathMode): Promise<string | null> {
  const platform = window.claimdesk?.platform
  if (platform) {
    if (mode === 'open') return platform.openCaseDialog()
    if (mode === 'new') return platform.newCaseDialog()
    return platform.saveCaseDialog()
  }
  return dialogs.askPath(mode)
}

function fromBase64(data: string): Uint8Array<ArrayBuffer> {
  const binary = atob(data)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

function exportBytes(result: ExportResult): Uint8Array<ArrayBuffer> | string {
  return result.encoding === 'utf8' ? result.content : fromBase64(result.content)
}

/**
 * Files chosen in the desktop app's native dialogs (files, or one folder's importable files), as
 * paths main reads itself. Null when cancelled or outside the desktop app.
 */
export async function chooseImport(what: 'files' | 'folder'): Promise<PickedFile[] | null> {
  const platform = window.claimdesk?.platform
  if (!platform) return null
  const chosen = await (what === 'files' ? platform.chooseImportPaths() : platform.chooseImportFolder())
  return chosen ? chosen.map(({ path, name }) => ({ path: name, localPath: path })) : null
}

/** Saves an export (native save dialog, or a browser download); the name or path saved, null if cancelled. */
export async function saveExport(result: ExportResult): Promise<string | null> {
  const platform = window.claimdesk?.platform
  if (platform) return platform.saveFile(result.fileName, result.content, result.encoding)
  const blob = new Blob([exportBytes(result)], { type: result.mimeType })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = result.fileName
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return result.fileName
}

/** How the command key is written on this machine: ⌘ on a Mac, Ctrl elsewhere. */
export function modifierLabel(): string {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+'
}
