// The write-ahead journal beside a case (`<case>.journal`): one NDJSON line per acknowledged apply,
// appended and fdatasynced before the apply resolves, folded into the case file by a checkpoint.
//
//   {"crc":"1a2b3c4d","n":"0000000061","journal":2,"schema":1,"caseId":"..."}  header: the case and
//                                                          case format version its entries belong to
//   {"crc":"5e6f7a8b","n":"0000000312","seq":1,"at":"2024-...Z","ops":[...]}   one entry per apply
//
// `crc` is the CRC-32 of the line with the `"crc":"........",` member removed, and `n` the line's
// length in bytes with its newline, so a damaged line is recognised and a line cut short is told
// from one that is whole but wrong:
//   - the end of the file holding less than its last line declares (or only NUL bytes, blocks the
//     file system had allotted but not yet written) is a write cut short by a crash. That write was
//     never acknowledged (an apply resolves only after every byte is written and fdatasynced), so it
//     is dropped, and `tornBytes` says so;
//   - any other line that does not check out, the last one included, is damage to data that may
//     have been acknowledged: the journal is refused with the line and how many entries before it
//     are intact (details.journal), and can be recovered up to there on request.
// Format 1 (no `n`) is still read: its torn last line is dropped as before.
import { crc32 } from 'node:zlib'
import { dirname } from 'node:path'
import { ClaimdeskError } from '../../shared/errors'
import { SCHEMA_VERSION } from '../../shared/model'
import { errnoCode, fsyncDir, writeAll } from './durable-file'
import { ioError } from './io-errors'
import { phase } from './phase'
import { validateOps } from './ops'
import type { FileHandle, StoreFs } from './store-fs'
import type { CaseOp } from './types'

export interface JournalEntry {
  seq: number
  at: string
  ops: CaseOp[]
}

const JOURNAL_FORMAT = 2
const READABLE_FORMATS = [1, 2]
const LINE_PREFIX = /^\{"crc":"([0-9a-f]{8})",(?:"n":"(\d{10})",)?/
const N_WIDTH = 10

function crcHex(payload: string): string {
  return crc32(payload).toString(16).padStart(8, '0')
}

/** A JSON object text as a journal line with its length and checksum. */
export function encodeLine(payload: object): string {
  const json = JSON.stringify(payload)
  const bodyWith = (n: number): string => `{"n":"${String(n).padStart(N_WIDTH, '0')}",${json.slice(1)}`
  // The length does not depend on the digits written, so measure with a placeholder.
  const length = Buffer.byteLength(`{"crc":"00000000",${bodyWith(0).slice(1)}\n`)
  const body = bodyWith(length)
  return `{"crc":"${crcHex(body)}",${body.slice(1)}\n`
}

/** The object a line (without its newline) holds, or null when the line is torn or damaged. */
export function decodeLine(line: string): Record<string, unknown> | null {
  const m = LINE_PREFIX.exec(line)
  if (!m) return null
  const body = `{${line.slice(`{"crc":"${m[1]}",`.length)}`
  if (crcHex(body) !== m[1]) return null
  if (m[2] !== undefined && Number(m[2]) !== Buffer.byteLength(line) + 1) return null
  try {
    const value = JSON.parse(body) as unknown
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
    const { n: _n, ...rest } = value as Record<string, unknown>
    return rest
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

const PREFIX_TEMPLATE = '{"crc":"hhhhhhhh","n":"dddddddddd",'

/** Whether `text` could be the start of a line's prefix that was cut off before the prefix ended. */
function isPrefixStart(text: string): boolean {
  if (text.length >= PREFIX_TEMPLATE.length) return false
  for (let i = 0; i < text.length; i++) {
    const t = PREFIX_TEMPLATE[i]
    const ok = t === 'h' ? /[0-9a-f]/.test(text[i]) : t === 'd' ? /\d/.test(text[i]) : text[i] === t
    if (!ok) return false
  }
  return true
}

/** Whether the bytes at the end of the file are a line cut short (rather than a damaged one). */
function isCutShort(bytes: Buffer, hasNewline: boolean): boolean {
  // NUL bytes are blocks the file system allotted to the file but had not written when it stopped.
  if (bytes.includes(0)) return true
  if (hasNewline) return false
  const text = bytes.toString('latin1')
  const m = LINE_PREFIX.exec(text)
  if (!m) return isPrefixStart(text)
  // Format 1 lines declare no length: any cut-off last line is taken as torn.
  return m[2] === undefined || Number(m[2]) > bytes.length
}

export interface JournalDamage {
  /** 1-based line number of the first damaged line (1 is the header). */
  damagedLine: number
  /** Entries before it, intact and recoverable. */
  recoverable: number
}

export interface JournalContents {
  /** The journal file exists (possibly holding only its header). */
  exists: boolean
  entries: JournalEntry[]
  /** Bytes at the end that a crash cut short (an unacknowledged write), dropped. */
  tornBytes: number
  /** Bytes of whole, good lines from the start: where a writer continues. */
  goodBytes: number
  /** Length of the header line in bytes (0 when there is none). */
  headerBytes: number
  /** Set when `recover` was asked for and the journal is damaged: the entries are those before it. */
  damage: JournalDamage | null
}

export interface ReadJournalOptions {
  /** Return the entries before a damaged line instead of refusing the journal. */
  recover?: boolean
}

/** Reads the journal of case `caseId`; an absent journal is an empty one. */
export async function readJournal(
  io: StoreFs,
  file: string,
  caseId: string,
  options: ReadJournalOptions = {}
): Promise<JournalContents> {
  let bytes: Buffer
  try {
    bytes = await io.readFile(file)
  } catch (err) {
    if (errnoCode(err) === 'ENOENT')
      return { exists: false, entries: [], tornBytes: 0, goodBytes: 0, headerBytes: 0, damage: null }
    throw ioError(err, `cannot read ${file}`)
  }
  const lines: { start: number; end: number; newline: boolean }[] = []
  for (let start = 0; start < bytes.length;) {
    const nl = bytes.indexOf(0x0a, start)
    const end = nl === -1 ? bytes.length : nl
    lines.push({ start, end, newline: nl !== -1 })
    start = end + 1
  }
  const entries: JournalEntry[] = []
  let headerBytes = 0
  const result = (goodBytes: number, tornBytes: number, damage: JournalDamage | null): JournalContents => ({
    exists: true,
    entries,
    tornBytes,
    goodBytes,
    headerBytes,
    damage
  })

  for (let i = 0; i < lines.length; i++) {
    const { start, end, newline } = lines[i]
    const raw = bytes.subarray(start, end)
    const value = newline ? decodeLine(raw.toString('utf8')) : null
    const ok = i === 0 ? value !== null && READABLE_FORMATS.includes(value.journal as number) : toEntry(value) !== null
    if (!ok) {
      if (i === lines.length - 1 && isCutShort(raw, newline)) return result(start, bytes.length - start, null)
      const damage = { damagedLine: i + 1, recoverable: entries.length }
      if (options.recover) return result(start, 0, damage)
      throw new ClaimdeskError(
        'corrupt',
        `${file} (the case's journal of recent changes) is damaged at line ${i + 1}, with ${lines.length - i - 1} later line(s); ` +
          `the ${entries.length} change(s) before it can be recovered, and the rest kept aside; it was left untouched`,
        { journal: { file, ...damage } }
      )
    }
    if (i === 0) {
      checkHeader(value!, file, caseId)
      headerBytes = end + 1
    } else {
      entries.push(toEntry(value)!)
    }
  }
  return result(bytes.length, 0, null)
}

function checkHeader(header: Record<string, unknown>, file: string, caseId: string): void {
  // An older format's changes still apply (formats so far only add collections, and each op is
  // checked against today's schema); a newer one's are for the Claimdesk that wrote them.
  const schema = header.schema
  if (typeof schema !== 'number' || !Number.isInteger(schema) || schema < 1 || schema > SCHEMA_VERSION) {
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
}

function headerLine(caseId: string): Buffer {
  return Buffer.from(encodeLine({ journal: JOURNAL_FORMAT, schema: SCHEMA_VERSION, caseId }))
}

const NOT_SAVED = 'this change was not saved'

/** The open journal of a case being written. Callers serialise appends and rewrites. */
export class JournalWriter {
  /** A failed append could not be cut back yet: the next append repairs first. */
  private broken = false

  private constructor(
    private readonly io: StoreFs,
    private path: string,
    private readonly caseId: string,
    private handle: FileHandle,
    private headerBytes: number,
    private size: number
  ) {}

  /** Creates (or empties) the journal with its header, durably. */
  static async create(io: StoreFs, file: string, caseId: string): Promise<JournalWriter> {
    const header = headerLine(caseId)
    let handle: FileHandle | undefined
    try {
      handle = await io.open(file, 'w+')
      await writeAll(handle, header, 0)
      await handle.sync()
      await fsyncDir(io, dirname(file))
    } catch (err) {
      await handle?.close().catch(() => undefined)
      await io.rm(file, { force: true }).catch(() => undefined)
      throw ioError(err, `cannot write ${file}`, NOT_SAVED)
    }
    return new JournalWriter(io, file, caseId, handle, header.length, header.length)
  }

  /** Continues a journal read by readJournal, cutting off whatever follows its last good line. */
  static async resume(io: StoreFs, file: string, caseId: string, contents: JournalContents): Promise<JournalWriter> {
    const handle = await io.open(file, 'r+')
    try {
      if (contents.tornBytes > 0) {
        await handle.truncate(contents.goodBytes)
        await handle.sync()
      }
    } catch (err) {
      await handle.close().catch(() => undefined)
      throw ioError(err, `cannot repair ${file}`)
    }
    return new JournalWriter(io, file, caseId, handle, contents.headerBytes, contents.goodBytes)
  }

  get file(): string {
    return this.path
  }

  /** Bytes written so far (header included). */
  get bytes(): number {
    return this.size
  }

  /**
   * Appends entries and makes them durable; resolves only when every byte is written and
   * fdatasynced. On failure the journal is cut back to its last whole line and the error says
   * the change was not saved; the writer stays usable for a retry.
   */
  async append(entries: readonly JournalEntry[]): Promise<void> {
    if (this.broken) {
      try {
        await this.cutBack()
      } catch (err) {
        throw ioError(err, `cannot write ${this.path} (still repairing an earlier failed write)`, NOT_SAVED)
      }
    }
    const buf = Buffer.from(entries.map((e) => encodeLine(e)).join(''))
    try {
      phase('journal-write')
      await writeAll(this.handle, buf, this.size)
      phase('journal-sync')
      await this.handle.datasync()
    } catch (err) {
      await this.cutBack().catch(() => {
        this.broken = true
      })
      throw ioError(err, `cannot write ${this.path}`, NOT_SAVED)
    }
    this.size += buf.length
  }

  private async cutBack(): Promise<void> {
    await this.handle.truncate(this.size)
    await this.handle.datasync()
    this.broken = false
  }

  /**
   * Drops the lines before byte `from` (folded into the case file by a checkpoint) and keeps those
   * after it, at `target` (this journal's path, or the path of the case a diverged session moved to).
   * The old journal stays whole until the new one is durable.
   */
  async rewrite(from: number, target: string = this.path): Promise<void> {
    const cut = Math.max(from, this.headerBytes)
    if (cut === this.size && target === this.path) {
      await this.handle.truncate(this.headerBytes)
      await this.handle.sync()
      this.size = this.headerBytes
      return
    }
    const tail = Buffer.alloc(this.size - cut)
    if (tail.length > 0) await this.handle.read(tail, 0, tail.length, cut)
    const header = headerLine(this.caseId)
    const next = await JournalWriter.create(this.io, `${target}.next`, this.caseId)
    try {
      await writeAll(next.handle, tail, header.length)
      await next.handle.sync()
      await this.io.rename(next.path, target)
      await fsyncDir(this.io, dirname(target))
    } catch (err) {
      await next.handle.close().catch(() => undefined)
      await this.io.rm(next.path, { force: true }).catch(() => undefined)
      throw err
    }
    const old = { handle: this.handle, path: this.path }
    this.handle = next.handle
    this.path = target
    this.headerBytes = header.length
    this.size = header.length + tail.length
    await old.handle.close().catch(() => undefined)
    if (old.path !== target) {
      await this.io.rm(old.path, { force: true })
      await fsyncDir(this.io, dirname(old.path))
    }
  }

  /** Closes and deletes the journal, once the case file holds everything. */
  async remove(): Promise<void> {
    await this.handle.close()
    await this.io.rm(this.path, { force: true })
    await fsyncDir(this.io, dirname(this.path))
  }

  async close(): Promise<void> {
    await this.handle.close()
  }
}
