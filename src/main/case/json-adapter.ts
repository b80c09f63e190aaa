// The lowdb adapter of a case file. lowdb's own JSONFile renames a temp file over the target but
// never fsyncs, so a power loss can lose or tear a write; this one writes through writeFileDurable.
// read() returns null when the file does not exist (lowdb then keeps its default data) and throws a
// 'corrupt' ClaimdeskError when the file is not a valid case.
import { promises as fs } from 'node:fs'
import type { Adapter } from 'lowdb'
import { ClaimdeskError } from '../../shared/errors'
import type { CaseData } from '../../shared/model'
import { decodeCase, encodeCase } from './case-codec'
import { errnoCode, writeFileDurable } from './durable-file'

export class CaseFileAdapter implements Adapter<CaseData> {
  /** Set by read(): the format version the file was migrated from, if it was. */
  migratedFrom: number | null = null

  constructor(readonly file: string) {}

  async read(): Promise<CaseData | null> {
    let bytes: Buffer
    try {
      bytes = await fs.readFile(this.file)
    } catch (err) {
      const code = errnoCode(err)
      if (code === 'ENOENT') return null
      if (code === 'EISDIR') throw new ClaimdeskError('invalid', `${this.file} is a folder, not a case file`)
      throw new ClaimdeskError('io', `cannot read ${this.file}: ${(err as Error).message}`)
    }
    const decoded = decodeCase(bytes, this.file)
    this.migratedFrom = decoded.migratedFrom
    return decoded.data
  }

  async write(data: CaseData): Promise<void> {
    await writeFileDurable(this.file, encodeCase(data))
  }
}
