// The original bytes of imported files, kept in `<name>.claimdesk-files/<sha256>` beside the case:
// written once, durably, and never rewritten (the name is the content's hash).
import { createHash } from 'node:crypto'
import { promises as fs } from 'node:fs'
import { join } from 'node:path'
import { ClaimdeskError, invalid } from '../../shared/errors'
import { copyFileDurable, ensureDirDurable, errnoCode, fsyncDir, writeFileDurable } from './durable-file'

const SHA256 = /^[0-9a-f]{64}$/

function checkHash(sha256: string): void {
  if (!SHA256.test(sha256)) throw invalid(`"${sha256}" is not a SHA-256 (64 lowercase hex digits)`)
}

async function exists(path: string): Promise<boolean> {
  try {
    await fs.access(path)
    return true
  } catch {
    return false
  }
}

export async function putOriginal(folder: string, sha256: string, bytes: Uint8Array): Promise<void> {
  checkHash(sha256)
  const actual = createHash('sha256').update(bytes).digest('hex')
  if (actual !== sha256) throw invalid(`the bytes given for original ${sha256} have SHA-256 ${actual}`)
  const target = join(folder, sha256)
  if (await exists(target)) return
  try {
    await ensureDirDurable(folder)
    await writeFileDurable(target, bytes)
  } catch (err) {
    throw new ClaimdeskError('io', `cannot write ${target}: ${(err as Error).message}`)
  }
}

export async function getOriginal(folder: string, sha256: string): Promise<Uint8Array | null> {
  checkHash(sha256)
  try {
    return new Uint8Array(await fs.readFile(join(folder, sha256)))
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return null
    throw new ClaimdeskError('io', `cannot read original ${sha256}: ${(err as Error).message}`)
  }
}

/** Copies every original from one case's folder to another's (those already there are kept). */
export async function copyOriginals(from: string, to: string): Promise<void> {
  let names: string[]
  try {
    names = (await fs.readdir(from)).filter((n) => SHA256.test(n))
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return
    throw err
  }
  if (names.length === 0) return
  await ensureDirDurable(to)
  let copied = 0
  for (const name of names) {
    if (await exists(join(to, name))) continue
    await copyFileDurable(join(from, name), join(to, name), { syncDir: false })
    copied++
  }
  if (copied) await fsyncDir(to)
}
