// User actions reached from more than one place (buttons, keys, menus).
import type { ClaimdeskApi } from '../../../shared/api'
import type { MenuAction } from '../../../shared/bridge'
import type { PickedFile } from '../cases/import-files'
import type { Desk } from './context'
import { chooseCasePath, chooseImportPaths } from './platform'

/** Makes a claim from the reader's selection and opens it in the editor, source field focused. */
export async function markSelection({ store, ui }: Desk): Promise<void> {
  const selection = ui.selection
  if (!selection || store.readOnly || !store.currentDoc) return
  ui.selection = null
  window.getSelection()?.removeAllRanges()
  await store.createClaim(selection.start, selection.end)
}

/** Imports picked or dropped files one by one, with progress and a result per file. */
export async function importFiles(
  desk: Desk,
  files: PickedFile[],
  unreadable: { path: string; message: string }[] = []
): Promise<void> {
  await desk.imports.add(files, unreadable)
}

/** The contract method the lead is adding: import files by path, read by the backend itself. */
type PathImport = { importPaths?: (paths: string[]) => Promise<unknown> }

/**
 * The native menu's Import Files… and Import Folder…: a native dialog (a file input's picker
 * would need a user gesture) whose paths go to the contract's importPaths, so main reads the
 * files itself and no bytes cross the bridge; then the case is reloaded.
 */
async function importChosenPaths(desk: Desk, what: 'files' | 'folder'): Promise<void> {
  const paths = await chooseImportPaths(what)
  if (!paths) return
  const { api } = desk.store as { api: ClaimdeskApi & PathImport }
  const imported = await desk.store.run(() => api.importPaths!(paths))
  if (imported !== undefined) await desk.store.load()
}

/** Case menu commands: ask for a path (native or in-app dialog), then act. */
export async function caseCommand({ store }: Desk, command: 'new' | 'open' | 'save'): Promise<void> {
  const path = await chooseCasePath(command)
  if (!path) return
  if (command === 'new') await store.newCase(path)
  else if (command === 'open') await store.openCase(path)
  else await store.saveCaseAs(path)
}

/** A command from the desktop app's native menu. */
export function menuCommand(desk: Desk, action: MenuAction): void {
  const { ui, store } = desk
  switch (action) {
    case 'new-case':
      return void caseCommand(desk, 'new')
    case 'open-case':
      return void caseCommand(desk, 'open')
    case 'save-case-as':
      return void caseCommand(desk, 'save')
    case 'import':
    case 'import-folder':
      if (!store.readOnly) void importChosenPaths(desk, action === 'import' ? 'files' : 'folder')
      return
    case 'paste':
      if (!store.readOnly) ui.overlay = 'paste'
      return
    case 'export':
      ui.overlay = 'export'
      return
    case 'shortcuts':
      ui.overlay = 'help'
  }
}
