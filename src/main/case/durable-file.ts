// Writes that survive a crash or power loss: the bytes go to a temp file in the same folder, are
// fsynced, the temp file is renamed over the target, and the folder is fsynced so the rename itself
// is on disk. A reader sees either the old file or the new one, never a mix.
import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import { basename, dirname, join } from 'node:path'

/** Makes the folder's entries (creates, renames, deletes) durable. */
export async function fsyncDir(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined
  try {
    handle = await fs.open(dir, 'r')
    await handle.sync()
  } catch (err) {
    // Windows cannot open or fsync a folder; NTFS journals the rename itself.
    if (process.platform !== 'win32') throw err
  } finally {
    await handle?.close()
  }
}

export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`)
}

/**
 * Deletes temp files of `target` left by a process that died mid-write. Only safe while holding
 * the lock that every writer of `target` takes.
 */
export async function removeLeftoverTemps(target: string): Promise<void> {
  const prefix = `.${basename(target)}.`
  const names = await fs.readdir(dirname(target)).catch(() => [])
  for (const name of names) {
    if (name.startsWith(prefix) && /^\d+-[0-9a-f]{8}\.tmp$/.test(name.slice(prefix.length))) {
      await fs.rm(join(dirname(target), name), { force: true })
    }
  }
}

async function writeTemp(target: string, write: (handle: fs.FileHandle) => Promise<void>): Promise<string> {
  const temp = tempPathFor(target)
  const handle = await fs.open(temp, 'wx')
  try {
    await write(handle)
    await handle.sync()
  } catch (err) {
    await handle.close()
    await fs.rm(temp, { force: true })
    throw err
  }
  await handle.close()
  return temp
}

async function renameIntoPlace(temp: string, target: string, syncDir: boolean): Promise<void> {
  try {
    await fs.rename(temp, target)
  } catch (err) {
    await fs.rm(temp, { force: true })
    throw err
  }
  if (syncDir) await fsyncDir(dirname(target))
}

export interface DurableOptions {
  /** Skip the folder fsync when the caller fsyncs the folder once after several files. */
  syncDir?: boolean
}

/** Atomically replaces `target` with `data`, durably. */
export async function writeFileDurable(
  target: string,
  data: string | Uint8Array,
  options: DurableOptions = {}
): Promise<void> {
  const temp = await writeTemp(target, async (h) => {
    await h.writeFile(data)
  })
  await renameIntoPlace(temp, target, options.syncDir ?? true)
}

/** Atomically replaces `target` with a copy of `source`, durably. */
export async function copyFileDurable(source: string, target: string, options: DurableOptions = {}): Promise<void> {
  const temp = tempPathFor(target)
  await fs.copyFile(source, temp, fs.constants.COPYFILE_EXCL)
  try {
    const handle = await fs.open(temp, 'r+')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch (err) {
    await fs.rm(temp, { force: true })
    throw err
  }
  await renameIntoPlace(temp, target, options.syncDir ?? true)
}

/** Creates `dir` if missing and makes its entry in the parent durable. */
export async function ensureDirDurable(dir: string): Promise<void> {
  try {
    await fs.mkdir(dir)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return
    throw err
  }
  await fsyncDir(dirname(dir))
}

export function errnoCode(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | undefined)?.code
}
