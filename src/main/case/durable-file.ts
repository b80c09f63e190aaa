// Writes that survive a crash or power loss: the bytes go to a temp file in the same folder, are
// fsynced, the temp file is renamed over the target, and the folder is fsynced so the rename itself
// is on disk. A reader sees either the old file or the new one, never a mix. A write counts only when
// every byte was written: a short count (a nearly full disk) is retried, and a write that makes no
// progress is an error, never a success.
import { createHash, randomBytes, type Hash } from 'node:crypto'
import { constants } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { errnoCode } from './io-errors'
import type { FileHandle, StoreFs } from './store-fs'

export { errnoCode }

/** Writes all of `data` at `position`, however many calls that takes. */
export async function writeAll(handle: FileHandle, data: Uint8Array, position: number): Promise<void> {
  let done = 0
  while (done < data.length) {
    const { bytesWritten } = await handle.write(data, done, data.length - done, position + done)
    if (bytesWritten <= 0) {
      throw Object.assign(new Error(`no space left on device: wrote ${done} of ${data.length} bytes`), {
        code: 'ENOSPC'
      })
    }
    done += bytesWritten
  }
}

/** Makes the folder's entries (creates, renames, deletes) durable. */
export async function fsyncDir(io: StoreFs, dir: string): Promise<void> {
  let handle: FileHandle | undefined
  try {
    handle = await io.open(dir, 'r')
    await handle.sync()
  } catch (err) {
    // Windows cannot open or fsync a folder; NTFS journals the rename itself.
    if (process.platform !== 'win32') throw err
  } finally {
    await handle?.close()
  }
}

const TEMP = /^\..+\.(\d+)-[0-9a-f]{8}\.tmp$/

export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`)
}

/**
 * Deletes temp files of `target` left by a process that died mid-write; returns their paths. Only
 * safe while holding the lock that every writer of `target` takes.
 */
export async function removeLeftoverTemps(io: StoreFs, target: string): Promise<string[]> {
  const prefix = `.${basename(target)}.`
  return removeTemps(io, dirname(target), (name) => name.startsWith(prefix))
}

/** Deletes every temp file in `dir` (a folder only this case's writer writes to); returns their paths. */
export async function removeTempsIn(io: StoreFs, dir: string): Promise<string[]> {
  return removeTemps(io, dir, () => true)
}

async function removeTemps(io: StoreFs, dir: string, keep: (name: string) => boolean): Promise<string[]> {
  const names = await io.readdir(dir).catch(() => [] as string[])
  const removed: string[] = []
  for (const name of names) {
    if (keep(name) && TEMP.test(name)) {
      await io.rm(join(dir, name), { force: true })
      removed.push(join(dir, name))
    }
  }
  return removed
}

/**
 * Dirty bytes a TempFile lets pile up before it syncs them: the fdatasync of a journal append
 * running meanwhile may have to wait for the file system to flush them, so they are kept few.
 */
const SYNC_EVERY = 8 * 1024 * 1024

/** A temp file being filled in chunks; `finish` fsyncs it, `moveTo` renames it into place. */
export class TempFile {
  private size = 0
  private unsynced = 0
  private readonly hash: Hash = createHash('sha256')

  private constructor(
    private readonly io: StoreFs,
    readonly path: string,
    private readonly handle: FileHandle
  ) {}

  /** A temp file for `target`, with the permissions `target` has (a private case stays private). */
  static async create(io: StoreFs, target: string): Promise<TempFile> {
    const path = tempPathFor(target)
    const mode = await io.stat(target).then(
      (s) => s.mode & 0o777,
      () => null
    )
    const handle = await io.open(path, 'wx')
    if (mode !== null) await handle.chmod(mode).catch(() => undefined)
    return new TempFile(io, path, handle)
  }

  async write(chunk: Uint8Array): Promise<void> {
    await writeAll(this.handle, chunk, this.size)
    this.hash.update(chunk)
    this.size += chunk.length
    this.unsynced += chunk.length
    if (this.unsynced >= SYNC_EVERY) {
      await this.handle.datasync()
      this.unsynced = 0
    }
  }

  /** Closes the temp file once its bytes are on disk; returns their SHA-256. */
  async finish(): Promise<string> {
    try {
      await this.handle.sync()
    } finally {
      await this.handle.close()
    }
    return this.hash.digest('hex')
  }

  async moveTo(target: string, syncDir = true): Promise<void> {
    await this.io.rename(this.path, target)
    if (syncDir) await fsyncDir(this.io, dirname(target))
  }

  /** Gives up: closes (if still open) and deletes the temp file. */
  async discard(): Promise<void> {
    await this.handle.close().catch(() => undefined)
    await this.io.rm(this.path, { force: true }).catch(() => undefined)
  }
}

export interface DurableOptions {
  /** Skip the folder fsync when the caller fsyncs the folder once after several files. */
  syncDir?: boolean
}

/** Atomically replaces `target` with `data`, durably. */
export async function writeFileDurable(
  io: StoreFs,
  target: string,
  data: string | Uint8Array,
  options: DurableOptions = {}
): Promise<void> {
  const temp = await TempFile.create(io, target)
  try {
    await temp.write(typeof data === 'string' ? Buffer.from(data) : data)
    await temp.finish()
    await temp.moveTo(target, options.syncDir ?? true)
  } catch (err) {
    await temp.discard()
    throw err
  }
}

/** Atomically replaces `target` with a copy of `source`, durably. */
export async function copyFileDurable(
  io: StoreFs,
  source: string,
  target: string,
  options: DurableOptions = {}
): Promise<void> {
  const temp = tempPathFor(target)
  try {
    await io.copyFile(source, temp, constants.COPYFILE_EXCL)
    const handle = await io.open(temp, 'r+')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
    await io.rename(temp, target)
  } catch (err) {
    await io.rm(temp, { force: true }).catch(() => undefined)
    throw err
  }
  if (options.syncDir ?? true) await fsyncDir(io, dirname(target))
}

/** Creates `dir` if missing and makes its entry in the parent durable. */
export async function ensureDirDurable(io: StoreFs, dir: string): Promise<void> {
  try {
    await io.mkdir(dir)
  } catch (err) {
    if (errnoCode(err) === 'EEXIST') return
    throw err
  }
  await fsyncDir(io, dirname(dir))
}

/** SHA-256 of a file, read in chunks (the event loop stays free for a large file). */
export async function hashFile(io: StoreFs, file: string): Promise<string> {
  const handle = await io.open(file, 'r')
  try {
    const hash = createHash('sha256')
    const buf = Buffer.allocUnsafe(1 << 20)
    for (;;) {
      const { bytesRead } = await handle.read(buf, 0, buf.length, null)
      if (bytesRead === 0) break
      hash.update(buf.subarray(0, bytesRead))
    }
    return hash.digest('hex')
  } finally {
    await handle.close()
  }
}
