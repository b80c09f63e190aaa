// The files that live beside a case `<name>.claimdesk.json`. All are named from the case's own name,
// so moving the case with its siblings keeps them together, and nothing inside the case refers to them.
import { basename, dirname, join, resolve } from 'node:path'

export interface CasePaths {
  /** Absolute path of the case file. */
  file: string
  /** Write-ahead journal of changes not yet folded into the case file; absent when the case is closed. */
  journal: string
  /** Present while a process has the case open for writing. */
  lock: string
  /** Rolling backups of the last good versions. */
  backups: string
  /** Original bytes of imported files, by SHA-256. */
  originals: string
}

const SUFFIX = '.claimdesk.json'

/** `kursk` for `kursk.claimdesk.json`; other names are kept whole (`notes.json`). */
export function caseStem(file: string): string {
  const name = basename(file)
  return name.length > SUFFIX.length && name.toLowerCase().endsWith(SUFFIX) ? name.slice(0, -SUFFIX.length) : name
}

export function casePaths(file: string): CasePaths {
  const abs = resolve(file)
  const dir = dirname(abs)
  const stem = caseStem(abs)
  return {
    file: abs,
    journal: `${abs}.journal`,
    lock: `${abs}.lock`,
    backups: join(dir, `${stem}.claimdesk-backups`),
    originals: join(dir, `${stem}.claimdesk-files`)
  }
}

/** A time as a file-name-safe stamp: 2024-05-01T12-30-05-123Z. */
export function fileStamp(date: Date): string {
  return date.toISOString().replace(/:/g, '-').replace('.', '-')
}

/** Inverse of fileStamp; null when `stamp` is not one. */
export function parseFileStamp(stamp: string): Date | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/.exec(stamp)
  if (!m) return null
  const date = new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`)
  return Number.isNaN(date.getTime()) ? null : date
}

/**
 * Where a session whose case was replaced on disk keeps its own version, beside the file:
 * `kursk (conflict copy 2024-05-01 1530).claimdesk.json` (local time), with ` 2`, ` 3`... after the
 * time when that name is taken (`taken(name)` says so).
 */
export async function conflictCopyPath(
  file: string,
  now: Date,
  taken: (path: string) => Promise<boolean>
): Promise<string> {
  const abs = resolve(file)
  const pad = (n: number): string => String(n).padStart(2, '0')
  const stamp = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}${pad(now.getMinutes())}`
  for (let n = 1; ; n++) {
    const candidate = join(dirname(abs), `${caseStem(abs)} (conflict copy ${stamp}${n > 1 ? ` ${n}` : ''})${SUFFIX}`)
    if (!(await taken(candidate))) return candidate
  }
}
