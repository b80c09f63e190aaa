// User actions reached from more than one place (buttons, keys, menus).
import type { MenuAction } from '../../../shared/bridge'
import type { PickedFile } from '../cases/import-files'
import type { Desk } from './context'
import { chooseCasePath, chooseImport } from './platform'

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

/**
 * The native menu's Import Files… and Import Folder…: a native dialog (a file input's picker would
 * need a user gesture) gives paths main reads itself; they go through the import queue, so the
 * progress and a result per file show as for a drop.
 */
async function importChosen(desk: Desk, what: 'files' | 'folder'): Promise<void> {
  const files = await chooseImport(what)
  if (files) await importFiles(desk, files)
}

/** Case menu commands: ask for a path (native or in-app dialog), then act. */
export async function caseCommand(desk: Desk, command: 'new' | 'open' | 'save'): Promise<void> {
  const path = await chooseCasePath(command)
  if (!path) return
  if (command === 'new') await showCase(desk, desk.store.newCase(path))
  else if (command === 'open') await openCase(desk, path)
  else await desk.store.saveCaseAs(path)
}

/** Opens a case and shows its documents (whatever tab the last case was on). */
export function openCase(desk: Desk, path: string): Promise<void> {
  return showCase(desk, desk.store.openCase(path))
}

async function showCase({ ui, search }: Desk, opening: Promise<boolean>): Promise<void> {
  if (!(await opening)) return
  search.clear()
  ui.leftTab = 'documents'
  ui.showReader()
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
      if (!store.readOnly) void importChosen(desk, action === 'import' ? 'files' : 'folder')
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
