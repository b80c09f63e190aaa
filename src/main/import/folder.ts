// The files a folder import takes: importable ones at any depth, hidden files and folders left
// out, in the order a file manager lists them. The same rules as the UI's folder picker and drops
// (src/shared/importable.ts), so every door imports the same files from the same folder. A link to a
// file is taken as the file (a folder of links is a common way to gather sources); links to folders
// are not followed, so a loop cannot trap the walk.
import { readdir, stat } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { comparePaths, IMPORT_EXTENSIONS, isHiddenPath, isImportable } from '../../shared/importable'
import { fileError } from './fail'

export async function importableFilesIn(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true })
  const linkedFile = async (path: string) => (await stat(path).catch(() => null))?.isFile() === true
  const candidates = entries.filter((e) => (e.isFile() || e.isSymbolicLink()) && isImportable(e.name))
  const kept = await Promise.all(
    candidates.map(async (e) => {
      const path = join(e.parentPath, e.name)
      return e.isFile() || (await linkedFile(path)) ? path : null
    })
  )
  const found = kept
    .filter((path): path is string => path !== null)
    .filter((path) => !isHiddenPath(relative(folder, path)))
    .sort((a, b) => comparePaths(relative(folder, a), relative(folder, b)))
  if (found.length === 0)
    throw fileError(folder, `the folder holds no file Claimdesk can import (${IMPORT_EXTENSIONS.join(', ')})`)
  return found
}
