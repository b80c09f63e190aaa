// The original bytes of imported files, kept in `<name>.claimdesk-files/<sha256>` beside the case:
// written once, durably, and never rewritten (the name is the content's hash), so a copy of the
// folder may share them by hard links.
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { invalid } from '../../shared/errors'
import { copyFileDurable, ensureDirDurable, errnoCode, fsyncDir, writeFileDurable } from './durable-file'
import { ioError } from './io-errors'
import type { StoreFs } from './store-fs'

const SHA256 = /^[0-9a-f]{64}$/

function checkHash(sha256: string): void {
  if (!SHA256.test(sha256)) throw invalid(`"${sha256}" is not a SHA-256 (64 lowercase hex digits)`)
}

async function exists(io: StoreFs, path: string): Promise<boolean> {
  try {
    await io.access(path)
    return true
  } catch {
    return false
  }
}

export async function putOriginal(io: StoreFs, folder: string, sha256: string, bytes: Uint8Array): Promise<void> {
  checkHash(sha256)
  const actual = createHash('sha256').update(bytes).digest('hex')
  if (actual !== sha256) throw invalid(`the bytes given for original ${sha256} have SHA-256 ${actual}`)
  const target = join(folder, sha256)
  if (await exists(io, target)) return
  try {
    await ensureDirDurable(io, folder)
    await writeFileDurable(io, target, bytes)
  } catch (err) {
    throw ioError(err, `cannot write ${target}`, 'the file was not imported')
  }
}

export async function getOriginal(io: StoreFs, folder: string, sha256: string): Promise<Uint8Array | null> {
  checkHash(sha256)
  try {
    return new Uint8Array(await io.readFile(join(folder, sha256)))
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return null
    throw ioError(err, `cannot read original ${sha256}`)
  }
}

async function originalsIn(io: StoreFs, folder: string): Promise<string[]> {
  try {
    return (await io.readdir(folder)).filter((n) => SHA256.test(n))
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return []
    throw err
  }
}

/**
 * Gives folder `to` every original of folder `from` it lacks: a hard link where the file system
 * allows one (no bytes copied), a durable copy otherwise.
 */
export async function copyOriginals(io: StoreFs, from: string, to: string): Promise<void> {
  const names = await originalsIn(io, from)
  if (names.length === 0) return
  await ensureDirDurable(io, to)
  let added = 0
  for (const name of names) {
    if (await exists(io, join(to, name))) continue
    await io
      .link(join(from, name), join(to, name))
      .catch(() => copyFileDurable(io, join(from, name), join(to, name), { syncDir: false }))
    added++
  }
  if (added) await fsyncDir(io, to)
}

/**
 * Deletes originals no document refers to that were written after `since` (ms; null: any time),
 * returning their paths: what a process killed between keeping an import's original and adding
 * its document leaves. Older ones are kept: a backup of the case may still refer to them.
 */
export async function removeOrphans(
  io: StoreFs,
  folder: string,
  referenced: ReadonlySet<string>,
  since: number | null
): Promise<string[]> {
  const removed: string[] = []
  for (const name of await originalsIn(io, folder)) {
    if (referenced.has(name)) continue
    const path = join(folder, name)
    const stat = await io.stat(path).catch(() => null)
    if (!stat || (since !== null && stat.mtimeMs <= since)) continue
    await io.rm(path, { force: true })
    removed.push(path)
  }
  return removed
}
