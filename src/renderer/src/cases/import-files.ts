// Which picked files are worth sending to the importer, and why the others are not.
import { comparePaths, refusal as refusalOf } from '../../../shared/importable'

/** A file chosen by the user, with its path inside a chosen or dropped folder ("" for loose files). */
export interface PickedFile {
  file: File
  /** What the user knows the file as: "folder/sub/name.txt", or just its name. */
  path: string
}

/** Why this file cannot be imported, or null when the backend should try it. */
export function refusal(file: File): string | null {
  return refusalOf(file.name, file.size)
}

/** Files from an <input type=file> (webkitRelativePath is set when a folder was chosen). */
export function pickedFromList(files: Iterable<File>): PickedFile[] {
  return [...files].map((file) => ({ file, path: file.webkitRelativePath || file.name }))
}

/** Folder order as a file manager shows it (the same order the CLI imports a folder in). */
export function sortByPath(files: PickedFile[]): PickedFile[] {
  return [...files].sort((a, b) => comparePaths(a.path, b.path))
}
