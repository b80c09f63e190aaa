// The write-ahead journal beside a case (`<case>.journal`): one NDJSON line per acknowledged apply,
// appended and fdatasynced before the apply resolves, folded into the case file by a checkpoint.
//
//   {"crc":"1a2b3c4d","journal":1,"schema":1,"caseId":"..."} header: the case and case format
//                                                            version its entries belong to
//   {"crc":"5e6f7a8b","seq":1,"at":"2024-...Z","ops":[...]}  one entry per apply
//
// `crc` is the CRC-32 of the line with the `"crc":"........",` member removed (that is, of the
// JSON text `{"seq":...}`), so a line torn by a crash, or damaged on disk, is recognised. A damaged
// last line is an apply that never completed (it was not acknowledged) and is skipped; a damaged
// line with intact lines after it means the disk lost data, and the journal is refused.
import { promises as fs } from 'node:fs'
import { crc32 } from 'node:zlib'
import { dirname } from 'node:path'
import { ClaimdeskError } from '../../shared/errors'
import { SCHEMA_VERSION } from '../../shared/model'
import { errnoCode, fsyncDir } from './durable-file'
import { validateOps } from './ops'
import type { CaseOp } from './types'

export interface JournalEntry {
  seq: number
  at: string
  ops: CaseOp[]
}

const JOURNAL_FORMAT = 1
const CRC_PREFIX = /^\{"crc":"([0-9a-f]{8})",/

function crcHex(payload: string): string {
  return crc32(payload).toString(16).padStart(8, '0')
}

/** A JSON object text as a journal line with its checksum. */
export function encodeLine(payload: object): string {
  const json = JSON.stringify(payload)
  return `{"crc":"${crcHex(json)}",${json.slice(1)}\n`
}

/** The object a line holds, or null when the line is torn or damaged. */
export function decodeLine(line: string): Record<string, unknown> | null {
  const m = CRC_PREFIX.exec(line)
  if (!m) return null
  const json = `{${line.slice(m[0].length)}`
  if (crcHex(json) !== m[1]) return null
  try {
    const value: unknown = JSON.parse(json)
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null
  } catch {
    return null
  }
}

function toEntry(value: Record<string, unknown> | null): JournalEntry | null {
  if (!value || typeof value.seq !== 'number' || typeof value.at !== 'string') return null
  try {
    return { seq: value.seq, at: value.at, ops: validateOps(value.ops) }
  } catch {
    return null
  }
}

export interface JournalContents {
  /** The journal file exists (possibly holding only its header). */
  exists: boolean
  entries: JournalEntry[]
  /** A final line was torn (an apply cut short by a crash) and skipped. */
  torn: boolean
}

/** Reads the journal of case `caseId`; an absent journal is an empty one. */
export async function readJournal(file: string, caseId: string): Promise<JournalContents> {
  let text: string
  try {
    text = await fs.readFile(file, 'utf8')
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return { exists: false, entries: [], torn: false }
    throw new ClaimdeskError('io', `cannot read ${file}: ${(err as Error).message}`)
  }
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  const isLast = (index: number): boolean => index === lines.length - 1
  const damaged = (index: number): ClaimdeskError =>
    new ClaimdeskError(
      'corrupt',
      `${file} (the case's journal of recent changes) is damaged at line ${index + 1}, with ${lines.length - index - 1} later line(s) intact; it was left untouched`
    )

  if (lines.length === 0) return { exists: true, entries: [], torn: false }
  const header = decodeLine(lines[0])
  if (!header || header.journal !== JOURNAL_FORMAT) {
    if (isLast(0)) return { exists: true, entries: [], torn: true }
    throw damaged(0)
  }
  if (header.schema !== SCHEMA_VERSION) {
    throw new ClaimdeskError(
      'corrupt',
      `${file} holds changes in case format version ${String(header.schema)}, not ${SCHEMA_VERSION}; open the case with the Claimdesk that wrote it to recover them`
    )
  }
  if (header.caseId !== caseId) {
    throw new ClaimdeskError(
      'corrupt',
      `${file} belongs to another case (id ${String(header.caseId)}, not ${caseId}); move it away to open the case`
    )
  }
  const entries: JournalEntry[] = []
  for (let i = 1; i < lines.length; i++) {
    const entry = toEntry(decodeLine(lines[i]))
    if (entry) entries.push(entry)
    else if (isLast(i)) return { exists: true, entries, torn: true }
    else throw damaged(i)
  }
  return { exists: true, entries, torn: false }
}

/** The open journal of a case being written. Callers serialise appends. */
export class JournalWriter {
  /** A failed append could not be cut back: later appends would follow a damaged line. */
  private broken = false

  private constructor(
    readonly file: string,
    private handle: fs.FileHandle,
    private readonly headerSize: number,
    private size: number
  ) {}

  /** Creates (or empties) the journal with its header, durably. */
  static async create(file: string, caseId: string): Promise<JournalWriter> {
    const header = Buffer.from(encodeLine({ journal: JOURNAL_FORMAT, schema: SCHEMA_VERSION, caseId }))
    const handle = await fs.open(file, 'w')
    try {
      await handle.write(header, 0, header.length, 0)
      await handle.sync()
      await fsyncDir(dirname(file))
    } catch (err) {
      await handle.close()
      throw err
    }
    return new JournalWriter(file, handle, header.length, header.length)
  }

  get bytes(): number {
    return this.size
  }

  /** Appends entries and makes them durable. On failure the journal is cut back to where it was. */
  async append(entries: readonly JournalEntry[]): Promise<void> {
    if (this.broken)
      throw new ClaimdeskError('io', `${this.file} could not be repaired after a failed write; reopen the case`)
    const buf = Buffer.from(entries.map((e) => encodeLine(e)).join(''))
    try {
      await this.handle.write(buf, 0, buf.length, this.size)
      await this.handle.datasync()
    } catch (err) {
      await this.handle.truncate(this.size).catch(() => {
        this.broken = true
      })
      throw new ClaimdeskError('io', `cannot write ${this.file}: ${(err as Error).message}`)
    }
    this.size += buf.length
  }

  /** Empties the journal back to its header, after a checkpoint folded it into the case. */
  async reset(): Promise<void> {
    await this.handle.truncate(this.headerSize)
    await this.handle.sync()
    this.size = this.headerSize
  }

  /** Closes and deletes the journal, once the case file holds everything. */
  async remove(): Promise<void> {
    await this.handle.close()
    await fs.rm(this.file, { force: true })
    await fsyncDir(dirname(this.file))
  }

  async close(): Promise<void> {
    await this.handle.close()
  }
}
