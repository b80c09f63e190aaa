// The files in a drop, folders walked recursively (File and Directory Entries API, which Chromium
// and Electron implement as webkitGetAsEntry).
import type { PickedFile } from './import-files'

/** The part of FileSystemEntry this module uses (so tests can build their own trees). */
export interface DropEntry {
  isFile: boolean
  isDirectory: boolean
  name: string
  file?(success: (file: File) => void, failure?: (err: DOMException) => void): void
  createReader?(): { readEntries(success: (entries: DropEntry[]) => void, failure?: (err: DOMException) => void): void }
}

export interface DroppedFiles {
  files: PickedFile[]
  /** Entries that could not be read, with the reason. */
  unreadable: { path: string; message: string }[]
}

/**
 * Takes the entries out of a drop. Must be called while the drop event is being dispatched:
 * the browser empties the DataTransfer once the handler returns.
 */
export function dropEntries(data: DataTransfer): { entries: DropEntry[]; loose: File[] } {
  const entries: DropEntry[] = []
  const loose: File[] = []
  const items = data.items ? [...data.items] : []
  for (const item of items) {
    if (item.kind !== 'file') continue
    const entry = typeof item.webkitGetAsEntry === 'function' ? (item.webkitGetAsEntry() as DropEntry | null) : null
    if (entry) entries.push(entry)
    else {
      const file = item.getAsFile()
      if (file) loose.push(file)
    }
  }
  // Without items (or without entry support) the flat file list is all there is.
  if (entries.length === 0 && loose.length === 0) loose.push(...(data.files ? [...data.files] : []))
  return { entries, loose }
}

function readFile(entry: DropEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file!(resolve, reject))
}

/** All children of a directory: readEntries hands them out in batches until an empty one. */
async function readChildren(entry: DropEntry): Promise<DropEntry[]> {
  const reader = entry.createReader!()
  const children: DropEntry[] = []
  for (;;) {
    const batch = await new Promise<DropEntry[]>((resolve, reject) => reader.readEntries(resolve, reject))
    if (batch.length === 0) return children
    children.push(...batch)
  }
}

const reason = (err: unknown): string =>
  (err instanceof Error || err instanceof DOMException ? err.message : String(err)) || 'unreadable'

/** Every file under the dropped entries, with its path from the dropped item ("folder/a/b.txt"). */
export async function walkEntries(entries: DropEntry[], loose: File[] = []): Promise<DroppedFiles> {
  const out: DroppedFiles = { files: loose.map((file) => ({ file, path: file.name })), unreadable: [] }
  const pending: { entry: DropEntry; path: string }[] = entries.map((entry) => ({ entry, path: entry.name }))
  while (pending.length) {
    const { entry, path } = pending.shift()!
    try {
      if (entry.isFile && entry.file) out.files.push({ file: await readFile(entry), path })
      else if (entry.isDirectory && entry.createReader) {
        for (const child of await readChildren(entry)) pending.push({ entry: child, path: `${path}/${child.name}` })
      }
    } catch (err) {
      out.unreadable.push({ path, message: `could not be read (${reason(err)})` })
    }
  }
  return out
}
