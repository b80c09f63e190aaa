// The files a folder import takes: importable ones at any depth, hidden files and folders left
// out, in the order a file manager lists them. The same rules as the UI's folder picker and drops
// (src/shared/importable.ts), so every door imports the same files from the same folder.
import { readdir } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { comparePaths, IMPORT_EXTENSIONS, isHiddenPath, isImportable } from '../../shared/importable'
import { fileError } from './fail'

export async function importableFilesIn(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true })
  const found = entries
    .filter((e) => e.isFile() && isImportable(e.name))
    .map((e) => join(e.parentPath, e.name))
    .filter((path) => !isHiddenPath(relative(folder, path)))
    .sort((a, b) => comparePaths(relative(folder, a), relative(folder, b)))
  if (found.length === 0)
    throw fileError(folder, `the folder holds no file Claimdesk can import (${IMPORT_EXTENSIONS.join(', ')})`)
  return found
}
