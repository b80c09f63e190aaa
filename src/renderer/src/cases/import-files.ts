// Which picked files are worth sending to the importer, and why the others are not.
import { comparePaths, refusal as refusalOf } from '../../../shared/importable'

/** A file chosen by the user: a File from a picker or a drop, or a path from the desktop's native dialog. */
export interface PickedFile {
  /** What the user knows the file as: "folder/sub/name.txt", or just its name. */
  path: string
  file?: File
  /** Where the file is on the machine the backend runs on. */
  localPath?: string
}

/** Why this file cannot be imported, or null when the backend should try it (it checks what it can see). */
export function refusal(picked: PickedFile): string | null {
  return picked.file ? refusalOf(picked.file.name, picked.file.size) : refusalOf(picked.path, 1)
}

/** Files from an <input type=file> (webkitRelativePath is set when a folder was chosen). */
export function pickedFromList(files: Iterable<File>): PickedFile[] {
  return [...files].map((file) => ({ file, path: file.webkitRelativePath || file.name }))
}

/** Folder order as a file manager shows it (the same order the CLI imports a folder in). */
export function sortByPath(files: PickedFile[]): PickedFile[] {
  return [...files].sort((a, b) => comparePaths(a.path, b.path))
}
