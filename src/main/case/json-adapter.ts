// The lowdb adapter of a case file. lowdb's own JSONFile renames a temp file over the target but
// never fsyncs, so a power loss can lose or tear a write; this one writes durably, and:
//   - writes a slice at a time (encodeCaseChunks, a few ms of work between awaits), so a
//     checkpoint of a large case never holds the event loop, and the requests waiting on it;
//   - before putting its file in place, checks that the file at the path is still the one it last
//     read or wrote: the same inode, unchanged (dev, ino, ctime, size), or else the same content
//     (SHA-256). When it is not (a sync tool, git or a colleague replaced it), it does not overwrite
//     it: `onDiverged` names where ours goes instead, and `file` follows.
// read() returns null when the file does not exist (lowdb then keeps its default data) and throws a
// 'corrupt' ClaimdeskError when the file is not a valid case.
import { createHash } from 'node:crypto'
import type { Adapter } from 'lowdb'
import { ClaimdeskError } from '../../shared/errors'
import type { CaseData } from '../../shared/model'
import { decodeCase, encodeCaseChunks } from './case-codec'
import { TempFile, errnoCode, hashFile } from './durable-file'
import { ioError } from './io-errors'
import type { StoreFs } from './store-fs'

/** What a case file was when this adapter last read or wrote it. */
export interface FileIdentity {
  dev: bigint
  ino: bigint
  ctimeNs: bigint
  size: bigint
  sha256: string
}

/** Bytes handed to the disk per write; strings are joined up to this before encoding. */
const WRITE_CHUNK = 256 * 1024
/** Longest stretch of serialising between two awaits. */
const SLICE_MS = 2

async function writeSliced(temp: TempFile, pieces: Iterable<string>): Promise<void> {
  let parts: string[] = []
  let length = 0
  let sliceStart = performance.now()
  for (const piece of pieces) {
    parts.push(piece)
    length += piece.length
    if (length >= WRITE_CHUNK || performance.now() - sliceStart > SLICE_MS) {
      await temp.write(Buffer.from(parts.join('')))
      parts = []
      length = 0
      sliceStart = performance.now()
    }
  }
  if (parts.length > 0) await temp.write(Buffer.from(parts.join('')))
}

export class CaseFileAdapter implements Adapter<CaseData> {
  /** Set by read(): the format version the file was migrated from, if it was. */
  migratedFrom: number | null = null
  /** Set by read() and write(); null while the file has not been read or written. */
  identity: FileIdentity | null = null
  /**
   * Called by write() when the file on disk is not the one last read or written (`theirs`): returns
   * the path to write ours to instead. Without it, such a write fails with a 'conflict' error.
   */
  onDiverged: ((theirs: string) => Promise<string>) | null = null
  /** Told when the file read or written before was gone at the next write (and is written again). */
  onRecreated: ((file: string) => void) | null = null

  constructor(
    private readonly io: StoreFs,
    public file: string
  ) {}

  async read(): Promise<CaseData | null> {
    let handle
    try {
      handle = await this.io.open(this.file, 'r')
    } catch (err) {
      if (errnoCode(err) === 'ENOENT') return null
      throw ioError(err, `cannot read ${this.file}`)
    }
    try {
      const stat = await handle.stat({ bigint: true })
      if (stat.isDirectory()) throw new ClaimdeskError('invalid', `${this.file} is a folder, not a case file`)
      const bytes = await handle
        .readFile()
        .catch((err: unknown) => Promise.reject(ioError(err, `cannot read ${this.file}`)))
      const decoded = decodeCase(bytes, this.file)
      this.migratedFrom = decoded.migratedFrom
      this.identity = {
        dev: stat.dev,
        ino: stat.ino,
        ctimeNs: stat.ctimeNs,
        size: stat.size,
        sha256: createHash('sha256').update(bytes).digest('hex')
      }
      return decoded.data
    } finally {
      await handle.close()
    }
  }

  async write(data: CaseData): Promise<void> {
    const temp = await TempFile.create(this.io, this.file)
    try {
      await writeSliced(temp, encodeCaseChunks(data))
      const sha256 = await temp.finish()
      let target = this.file
      const found = await this.fileState()
      if (found === 'theirs') {
        if (!this.onDiverged) {
          throw new ClaimdeskError(
            'conflict',
            `${this.file} was replaced on disk since it was opened; it was not overwritten`
          )
        }
        target = await this.onDiverged(this.file)
      }
      await temp.moveTo(target)
      const stat = await this.io.stat(target, { bigint: true })
      this.file = target
      const hadRead = this.identity !== null
      this.identity = { dev: stat.dev, ino: stat.ino, ctimeNs: stat.ctimeNs, size: stat.size, sha256 }
      if (found === 'gone' && hadRead) this.onRecreated?.(target)
    } catch (err) {
      await temp.discard()
      throw err
    }
  }

  /** The file at the path: the one last read or written, another one, or none. */
  private async fileState(): Promise<'ours' | 'theirs' | 'gone'> {
    const stat = await this.io.stat(this.file, { bigint: true }).catch((err: unknown) => {
      if (errnoCode(err) === 'ENOENT') return null
      throw err
    })
    // Gone: there is nothing of theirs to keep. New where we are creating one: theirs.
    if (!stat) return 'gone'
    const known = this.identity
    if (!known) return 'theirs'
    if (
      stat.dev === known.dev &&
      stat.ino === known.ino &&
      stat.ctimeNs === known.ctimeNs &&
      stat.size === known.size
    ) {
      return 'ours'
    }
    return (await hashFile(this.io, this.file)) === known.sha256 ? 'ours' : 'theirs'
  }
}

/** Writes `data` as the case file `file`, durably and a slice at a time, over whatever is there. */
export async function writeCaseDurable(io: StoreFs, file: string, data: CaseData): Promise<void> {
  const temp = await TempFile.create(io, file)
  try {
    await writeSliced(temp, encodeCaseChunks(data))
    await temp.finish()
    await temp.moveTo(file)
  } catch (err) {
    await temp.discard()
    throw err
  }
}
