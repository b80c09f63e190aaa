// Checks a zip archive before any library inflates it: mammoth (through JSZip) would unpack a
// "zip bomb" in memory. Sizes come from the central directory, and the parts that will be read
// are inflated here with a hard output limit, so an archive that lies about its sizes is caught.
import { inflateRawSync } from 'node:zlib'

export const ZIP_LIMITS = {
  entries: 10_000,
  /** Total unpacked size of everything in the archive. */
  totalBytes: 300 * 1024 * 1024,
  /** One part's unpacked size. */
  entryBytes: 200 * 1024 * 1024,
  /** Compression ratio above which a large part is taken for a bomb (XML rarely passes 100:1). */
  ratio: 500,
  ratioFloorBytes: 10 * 1024 * 1024
}

export interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  size: number
  encrypted: boolean
  /** Offset of the local file header. */
  offset: number
}

export class ZipProblem extends Error {}

export function readCentralDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let eocd = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw new ZipProblem('not a zip archive')
  const count = view.getUint16(eocd + 10, true)
  const dirSize = view.getUint32(eocd + 12, true)
  const dirOffset = view.getUint32(eocd + 16, true)
  if (count === 0xffff || dirOffset === 0xffffffff)
    throw new ZipProblem('a ZIP64 archive, far larger than any document')
  if (count > ZIP_LIMITS.entries) throw new ZipProblem(`an archive of ${count} files, more than any document has`)
  if (dirOffset + dirSize > eocd) throw new ZipProblem('a damaged zip archive (central directory out of place)')

  const entries: ZipEntry[] = []
  let total = 0
  let at = dirOffset
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw new ZipProblem('a damaged zip archive')
    const nameLength = view.getUint16(at + 28, true)
    const entry: ZipEntry = {
      name: Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength)).toString('utf8'),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      encrypted: (view.getUint16(at + 8, true) & 1) === 1,
      offset: view.getUint32(at + 42, true)
    }
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff)
      throw new ZipProblem('a ZIP64 archive, far larger than any document')
    if (entry.size > ZIP_LIMITS.entryBytes)
      throw new ZipProblem(`"${entry.name}" would unpack to ${Math.round(entry.size / 1048576)} MB`)
    if (entry.size > ZIP_LIMITS.ratioFloorBytes && entry.size / Math.max(1, entry.compressedSize) > ZIP_LIMITS.ratio) {
      throw new ZipProblem(
        `"${entry.name}" is compressed ${Math.round(entry.size / Math.max(1, entry.compressedSize))} to 1, a zip bomb`
      )
    }
    total += entry.size
    if (total > ZIP_LIMITS.totalBytes)
      throw new ZipProblem(`the archive would unpack to more than ${ZIP_LIMITS.totalBytes / 1048576} MB`)
    entries.push(entry)
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
  }
  return entries
}

/** One part's bytes, inflated with a hard limit at its declared size. */
export function readEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (entry.offset + 30 > bytes.length || view.getUint32(entry.offset, true) !== 0x04034b50) {
    throw new ZipProblem(`a damaged zip archive ("${entry.name}" not found)`)
  }
  if (entry.encrypted) throw new ZipProblem(`"${entry.name}" is encrypted`)
  const start = entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true)
  const data = bytes.subarray(start, start + entry.compressedSize)
  if (data.length !== entry.compressedSize) throw new ZipProblem(`a truncated zip archive ("${entry.name}" is cut off)`)
  if (entry.method === 0) return data
  if (entry.method !== 8) throw new ZipProblem(`"${entry.name}" uses an unsupported compression method`)
  try {
    return new Uint8Array(inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) }))
  } catch (err) {
    if (err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new ZipProblem(`"${entry.name}" unpacks to more than it declares, a zip bomb`)
    }
    throw new ZipProblem(`a damaged zip archive ("${entry.name}": ${(err as Error).message})`)
  }
}
