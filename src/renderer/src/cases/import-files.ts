// Which picked files are worth sending to the importer, and why the others are not.
import { LIMITS } from '../../../shared/api'

/** Extensions the backend imports (src/main/import/index.ts), with their dot. */
export const IMPORT_EXTENSIONS = [
  '.txt',
  '.text',
  '.md',
  '.markdown',
  '.html',
  '.htm',
  '.mhtml',
  '.mht',
  '.pdf',
  '.docx'
] as const

/** A file chosen by the user, with its path inside a chosen or dropped folder ("" for loose files). */
export interface PickedFile {
  file: File
  /** What the user knows the file as: "folder/sub/name.txt", or just its name. */
  path: string
}

/** Lower-case extension with its dot ("" when there is none). */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  const dot = base.lastIndexOf('.')
  return dot > 0 ? base.slice(dot).toLowerCase() : ''
}

const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`

/** Why this file cannot be imported, or null when the backend should try it. */
export function refusal(file: File): string | null {
  const ext = extensionOf(file.name)
  if (!(IMPORT_EXTENSIONS as readonly string[]).includes(ext)) {
    const what = ext ? `"${ext}" files are not supported` : 'the file has no extension'
    return `${what} (supported: ${IMPORT_EXTENSIONS.join(', ')})`
  }
  if (file.size > LIMITS.fileBytes)
    return `the file is too large (${megabytes(file.size)}; the limit is ${megabytes(LIMITS.fileBytes)})`
  return null
}

/** Hidden files and folders (".DS_Store", ".git/…") are left out of folder imports. */
export function isHiddenPath(path: string): boolean {
  return path.split('/').some((part) => part.startsWith('.'))
}

/** Files from an <input type=file> (webkitRelativePath is set when a folder was chosen). */
export function pickedFromList(files: Iterable<File>): PickedFile[] {
  return [...files].map((file) => ({ file, path: file.webkitRelativePath || file.name }))
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

/** Folder order as a file manager shows it: by path, numbers in names compared as numbers. */
export function sortByPath(files: PickedFile[]): PickedFile[] {
  return [...files].sort((a, b) => collator.compare(a.path, b.path))
}
