// Rolling backups of a case's last good versions, in `<name>.claimdesk-backups/` beside it, named
// `<name>.<time>.claimdesk.json` where <time> is when that version was saved (the case file's
// mtime), so a backup is itself a case file that can be opened or mailed.
//
// When: a checkpoint about to replace the case file first copies the version on disk (which opened
// and validated, or which this process wrote) into the backups, if
//   - it is the first checkpoint of this session and the newest backup was taken over a minute ago, or
//   - the newest backup was taken over ten minutes ago
// (a backup's mtime is when it was taken; its name, when the version it holds was saved).
// So every editing session leaves the state it started from, a long session adds one every ten
// minutes, and a script running the CLI in a loop (a session per command) cannot rotate the five
// backups away in seconds: it adds at most one a minute. The newest KEEP_BACKUPS are kept.
import { promises as fs } from 'node:fs'
import { basename, join } from 'node:path'
import type { BackupInfo } from '../../shared/api'
import { ClaimdeskError, invalid } from '../../shared/errors'
import { decodeCase } from './case-codec'
import { copyFileDurable, ensureDirDurable, errnoCode, fsyncDir } from './durable-file'
import { CaseLock } from './lock'
import { casePaths, caseStem, fileStamp, parseFileStamp, type CasePaths } from './paths'

export const KEEP_BACKUPS = 5
export const SESSION_BACKUP_MIN_AGE_MS = 60_000
export const BACKUP_INTERVAL_MS = 10 * 60_000

const SUFFIX = '.claimdesk.json'

function backupTime(stem: string, name: string): Date | null {
  const prefix = `${stem}.`
  if (!name.startsWith(prefix) || !name.endsWith(SUFFIX)) return null
  return parseFileStamp(name.slice(prefix.length, -SUFFIX.length))
}

interface Found extends BackupInfo {
  takenAt: number
}

async function listIn(paths: CasePaths): Promise<Found[]> {
  let names: string[]
  try {
    names = await fs.readdir(paths.backups)
  } catch (err) {
    if (errnoCode(err) === 'ENOENT' || errnoCode(err) === 'ENOTDIR') return []
    throw new ClaimdeskError('io', `cannot list ${paths.backups}: ${(err as Error).message}`)
  }
  const stem = caseStem(paths.file)
  const found: Found[] = []
  for (const name of names) {
    const time = backupTime(stem, name)
    if (!time) continue
    const stat = await fs.stat(join(paths.backups, name)).catch(() => null)
    if (stat?.isFile()) found.push({ file: name, savedAt: time.toISOString(), size: stat.size, takenAt: stat.mtimeMs })
  }
  return found.sort((a, b) => b.savedAt.localeCompare(a.savedAt))
}

/** The case's backups, newest first. `file` is a name inside the backups folder. */
export async function listBackups(casePath: string): Promise<BackupInfo[]> {
  return (await listIn(casePaths(casePath))).map(({ file, savedAt, size }) => ({ file, savedAt, size }))
}

/** Copies the case file into the backups when the policy above says so; returns whether it did. */
export async function backupIfDue(paths: CasePaths, firstOfSession: boolean, now = Date.now()): Promise<boolean> {
  const stat = await fs.stat(paths.file).catch(() => null)
  if (!stat) return false
  const existing = await listIn(paths)
  const lastTaken = Math.max(-Infinity, ...existing.map((b) => b.takenAt))
  const age = now - lastTaken
  const due = age > BACKUP_INTERVAL_MS || (firstOfSession && age > SESSION_BACKUP_MIN_AGE_MS)
  if (!due) return false
  const name = `${caseStem(paths.file)}.${fileStamp(stat.mtime)}${SUFFIX}`
  if (existing.some((b) => b.file === name)) return false
  await ensureDirDurable(paths.backups)
  const target = join(paths.backups, name)
  await copyFileDurable(paths.file, target, { syncDir: false })
  await fs.utimes(target, new Date(now), new Date(now))
  const all = [{ file: name, savedAt: stat.mtime.toISOString() }, ...existing].sort((a, b) =>
    b.savedAt.localeCompare(a.savedAt)
  )
  for (const old of all.slice(KEEP_BACKUPS)) await fs.rm(join(paths.backups, old.file), { force: true })
  await fsyncDir(paths.backups)
  return true
}

/**
 * Puts backup `backupFile` (a name from listBackups) in place of the case. The file it replaces is
 * kept beside it as `<case>.corrupt-<time>` (or `.replaced-<time>` when it was a valid case), and a
 * journal of changes to that file goes with it, as `<that name>.journal`.
 */
export async function restoreBackup(casePath: string, backupFile: string): Promise<void> {
  const paths = casePaths(casePath)
  if (basename(backupFile) !== backupFile || !backupTime(caseStem(paths.file), backupFile)) {
    throw invalid(`${backupFile} is not a backup of ${paths.file} (expected a name from its backups list)`)
  }
  const source = join(paths.backups, backupFile)
  let bytes: Buffer
  try {
    bytes = await fs.readFile(source)
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') throw new ClaimdeskError('not-found', `backup ${source} does not exist`)
    throw new ClaimdeskError('io', `cannot read ${source}: ${(err as Error).message}`)
  }
  decodeCase(bytes, source)

  const lock = await CaseLock.acquire(paths.lock, paths.file)
  try {
    const current = await fs.readFile(paths.file).catch((err: unknown) => {
      if (errnoCode(err) === 'ENOENT') return null
      throw err
    })
    if (current) {
      let label = 'replaced'
      try {
        decodeCase(current, paths.file)
      } catch {
        label = 'corrupt'
      }
      const aside = `${paths.file}.${label}-${fileStamp(new Date())}`
      await fs.rename(paths.file, aside)
      await fs.rename(paths.journal, `${aside}.journal`).catch((err: unknown) => {
        if (errnoCode(err) !== 'ENOENT') throw err
      })
    }
    await copyFileDurable(source, paths.file)
  } finally {
    await lock.release()
  }
}
