// What the desktop import dialogs hand the UI: each file's path (main reads the files itself) and
// the name the analyst knows it by, a folder's files by their path inside it, as the browser's
// folder picker gives them.
import { basename, dirname, relative } from 'node:path'
import { importableFilesIn } from '../import/folder'

export interface ChosenFile {
  path: string
  name: string
}

export function chosenFiles(paths: string[]): ChosenFile[] {
  return paths.map((path) => ({ path, name: basename(path) }))
}

/** The importable files of a folder, hidden ones left out, named "folder/sub/file.txt". */
export async function chosenFolder(folder: string): Promise<ChosenFile[]> {
  const parent = dirname(folder)
  return (await importableFilesIn(folder)).map((path) => ({ path, name: relative(parent, path).split('\\').join('/') }))
}
