// User actions reached from more than one place (buttons, keys, menus).
import type { ImportFile, ImportResult } from '../../../shared/api'
import type { MenuAction } from '../../../shared/bridge'
import type { Desk } from './context'
import { chooseCasePath, readAsBase64 } from './platform'

/** Makes a claim from the reader's selection and opens it in the editor, source field focused. */
export async function markSelection({ store, ui }: Desk): Promise<void> {
  const selection = ui.selection
  if (!selection || store.readOnly || !store.currentDoc) return
  ui.selection = null
  window.getSelection()?.removeAllRanges()
  await store.createClaim(selection.start, selection.end)
}

/** Reads the files, imports them, and reports per file (a toast for one clean import). */
export async function importFiles(desk: Desk, files: File[]): Promise<void> {
  const { store, ui, notices } = desk
  if (files.length === 0 || store.readOnly) return
  ui.importing = true
  try {
    const read: ImportFile[] = []
    const unreadable: ImportResult[] = []
    for (const file of files) {
      try {
        read.push({ name: file.name, data: await readAsBase64(file) })
      } catch (err) {
        unreadable.push({ fileName: file.name, status: 'failed', message: err instanceof Error ? err.message : String(err) })
      }
    }
    const results = read.length ? await store.importFiles(read) : []
    if (!results) return
    const all = [...results, ...unreadable]
    if (all.length === 1 && all[0].status === 'imported' && !all[0].message) notices.toast(`Imported ${all[0].fileName}`)
    else ui.showImportResults(all)
  } finally {
    ui.importing = false
  }
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
      if (!store.readOnly) ui.importRequest++
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
