// Which files Claimdesk imports: one list of formats and one hidden-file rule, for every door
// (the UI's pickers and drops, the CLI's folders, the desktop dialog and the importer itself).
import { LIMITS } from './api'

/** Extensions the importer reads, without the dot, by format. */
export const IMPORT_FORMATS = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
  mhtml: 'mhtml',
  mht: 'mhtml',
  pdf: 'pdf',
  docx: 'docx'
} as const

export type ImportExtension = keyof typeof IMPORT_FORMATS

/** The importable extensions with their dot: [".txt", ".text", ...]. */
export const IMPORT_EXTENSIONS: readonly string[] = Object.keys(IMPORT_FORMATS).map((ext) => '.' + ext)

/** Lower-case extension without the dot ("" when there is none; a leading dot is not one). */
export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? ''
  const dot = base.lastIndexOf('.')
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : ''
}

export function isImportable(fileName: string): boolean {
  return Object.hasOwn(IMPORT_FORMATS, extensionOf(fileName))
}

/** Hidden files and folders (".DS_Store", ".git/…") are left out of folder imports. */
export function isHiddenPath(path: string): boolean {
  return path.split(/[\\/]/).some((part) => part.startsWith('.') && part !== '.' && part !== '..')
}

export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024)
  return `${mb >= 10 ? Math.round(mb) : mb.toFixed(1)} MB`
}

/** Why a file of this name and size cannot be imported, or null when the importer should try it. */
export function refusal(fileName: string, size: number): string | null {
  if (!isImportable(fileName)) {
    const ext = extensionOf(fileName)
    const what = ext ? `".${ext}" files are not supported` : 'the file has no extension'
    return `${what} (supported: ${IMPORT_EXTENSIONS.join(', ')})`
  }
  if (size === 0) return 'the file is empty'
  if (size > LIMITS.fileBytes)
    return `the file is too large (${formatMegabytes(size)}; the limit is ${formatMegabytes(LIMITS.fileBytes)})`
  return null
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

/** Folder order as a file manager shows it: by path, numbers in names compared as numbers. */
export function comparePaths(a: string, b: string): number {
  return collator.compare(a, b)
}
