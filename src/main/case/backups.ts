// Rolling backups of a case's last good versions, in `<name>.claimdesk-backups/` beside it, named
// `<name>.<time>.claimdesk.json` where <time> is when that version was saved (the case file's
// mtime), so a backup is itself a case file that can be opened or mailed.
//
// When: a checkpoint about to replace the case file first copies the version on disk (which opened
// and validated, or which this process wrote) into the backups, if
//   - it is the first checkpoint of this session and the newest backup was taken over a minute ago, or
//   - the newest backup was taken over ten minutes ago, or
//   - the version on disk is of an older case format this session migrated (always kept, so an
//     earlier Claimdesk can still open what it saved)
// (a backup's mtime is when it was taken; its name, when the version it holds was saved).
// So every editing session leaves the state it started from, a long session adds one every ten
// minutes, and a script running the CLI in a loop (a session per command) cannot rotate the five
// backups away in seconds: it adds at most one a minute. The newest KEEP_BACKUPS are kept.
import { basename, join } from 'node:path'
import type { BackupInfo } from '../../shared/api'
import { ClaimdeskError, invalid } from '../../shared/errors'
import { decodeCase } from './case-codec'
import { copyFileDurable, ensureDirDurable, errnoCode, fsyncDir } from './durable-file'
import { ioError } from './io-errors'
import { CaseLock } from './lock'
import { casePaths, caseStem, fileStamp, parseFileStamp, type CasePaths } from './paths'
import { phase } from './phase'
import { nodeFs, type StoreFs } from './store-fs'

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

async function listIn(io: StoreFs, paths: CasePaths): Promise<Found[]> {
  let names: string[]
  try {
    names = await io.readdir(paths.backups)
  } catch (err) {
    if (errnoCode(err) === 'ENOENT' || errnoCode(err) === 'ENOTDIR') return []
    throw ioError(err, `cannot list ${paths.backups}`)
  }
  const stem = caseStem(paths.file)
  const found: Found[] = []
  for (const name of names) {
    const time = backupTime(stem, name)
    if (!time) continue
    const stat = await io.stat(join(paths.backups, name)).catch(() => null)
    if (stat?.isFile()) found.push({ file: name, savedAt: time.toISOString(), size: stat.size, takenAt: stat.mtimeMs })
  }
  return found.sort((a, b) => b.savedAt.localeCompare(a.savedAt))
}

/** The case's backups, newest first. `file` is a name inside the backups folder. */
export async function listBackups(casePath: string, io: StoreFs = nodeFs): Promise<BackupInfo[]> {
  return (await listIn(io, casePaths(casePath))).map(({ file, savedAt, size }) => ({ file, savedAt, size }))
}

/** Copies the case file into the backups when the policy above says so; returns whether it did. */
export async function backupIfDue(
  io: StoreFs,
  paths: CasePaths,
  when: 'first' | 'later' | 'migrated',
  now = Date.now()
): Promise<boolean> {
  const stat = await io.stat(paths.file).catch(() => null)
  if (!stat) return false
  const existing = await listIn(io, paths)
  const lastTaken = Math.max(-Infinity, ...existing.map((b) => b.takenAt))
  const age = now - lastTaken
  const due = when === 'migrated' || age > BACKUP_INTERVAL_MS || (when === 'first' && age > SESSION_BACKUP_MIN_AGE_MS)
  if (!due) return false
  const name = `${caseStem(paths.file)}.${fileStamp(stat.mtime)}${SUFFIX}`
  if (existing.some((b) => b.file === name)) return false
  phase('backup')
  await ensureDirDurable(io, paths.backups)
  const target = join(paths.backups, name)
  await copyFileDurable(io, paths.file, target, { syncDir: false })
  await io.utimes(target, new Date(now), new Date(now))
  const all = [{ file: name, savedAt: stat.mtime.toISOString() }, ...existing].sort((a, b) =>
    b.savedAt.localeCompare(a.savedAt)
  )
  for (const old of all.slice(KEEP_BACKUPS)) await io.rm(join(paths.backups, old.file), { force: true })
  await fsyncDir(io, paths.backups)
  return true
}

/** When the newest backup's version was saved (null when there is none). */
export async function newestBackupSavedAt(io: StoreFs, paths: CasePaths): Promise<number | null> {
  const [newest] = await listIn(io, paths)
  return newest ? Date.parse(newest.savedAt) : null
}

/**
 * Checks, touching nothing, that `backupFile` (a name from listBackups) is a backup of the case at
 * `casePath` and a valid case; the error says what is wrong ('invalid', 'not-found', 'corrupt').
 * restoreBackup calls it first; a caller that must let go of the case before restoring calls it
 * before that, so a bad choice leaves the open case open.
 */
export async function checkBackup(casePath: string, backupFile: string, io: StoreFs = nodeFs): Promise<void> {
  await readBackup(io, casePaths(casePath), backupFile)
}

async function readBackup(io: StoreFs, paths: CasePaths, backupFile: string): Promise<string> {
  if (basename(backupFile) !== backupFile || !backupTime(caseStem(paths.file), backupFile)) {
    throw invalid(`${backupFile} is not a backup of ${paths.file} (expected a name from its backups list)`)
  }
  const source = join(paths.backups, backupFile)
  let bytes: Buffer
  try {
    bytes = await io.readFile(source)
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') throw new ClaimdeskError('not-found', `backup ${source} does not exist`)
    throw ioError(err, `cannot read ${source}`)
  }
  decodeCase(bytes, source)
  return source
}

/**
 * Puts backup `backupFile` (a name from listBackups) in place of the case, after checking it
 * (checkBackup). The file it replaces is kept beside it as `<case>.corrupt-<time>` (or
 * `.replaced-<time>` when it was a valid case), and a journal of changes to that file goes with it,
 * as `<that name>.journal`.
 */
export async function restoreBackup(casePath: string, backupFile: string, io: StoreFs = nodeFs): Promise<void> {
  const paths = casePaths(casePath)
  const source = await readBackup(io, paths, backupFile)
  const lock = await CaseLock.acquire(io, paths.lock, paths.file)
  try {
    const current = await io.readFile(paths.file).catch((err: unknown) => {
      if (errnoCode(err) === 'ENOENT') return null
      throw err
    })
    // The file it replaces is kept under a second name (a hard link, or a copy where links are not
    // supported), and its journal moved beside it, before the backup is copied over it in one rename;
    // when that fails, the journal goes back and the case is as it was.
    let aside: string | null = null
    let journalMoved = false
    if (current) {
      let label = 'replaced'
      try {
        decodeCase(current, paths.file)
      } catch {
        label = 'corrupt'
      }
      aside = `${paths.file}.${label}-${fileStamp(new Date())}`
      await io.link(paths.file, aside).catch(() => copyFileDurable(io, paths.file, aside!))
      journalMoved = await io.rename(paths.journal, `${aside}.journal`).then(
        () => true,
        (err: unknown) => {
          if (errnoCode(err) === 'ENOENT') return false
          throw err
        }
      )
    }
    try {
      await copyFileDurable(io, source, paths.file)
    } catch (err) {
      if (journalMoved) await io.rename(`${aside}.journal`, paths.journal).catch(() => undefined)
      if (aside) await io.rm(aside, { force: true }).catch(() => undefined)
      throw err
    }
  } catch (err) {
    throw ioError(err, `cannot restore ${backupFile} over ${paths.file}`, 'the case was left as it was')
  } finally {
    await lock.release()
  }
}
