// Checks a zip archive before any library inflates it: mammoth (through JSZip) would unpack a
// "zip bomb" in memory. Sizes come from the central directory, read the way JSZip reads it, and
// every part is inflated here with a hard output limit, so an archive that lies about its sizes is
// caught whichever part a reader goes on to open (mammoth follows _rels/.rels to any name).
import { inflateRawSync } from 'node:zlib'
import { IMPORT_LIMITS, type ImportLimits } from './limits'

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

const ZIP64 = 'a ZIP64 archive, far larger than any document'

export function readCentralDirectory(bytes: Uint8Array, limits: ImportLimits['zip'] = IMPORT_LIMITS.zip): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let eocd = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw new ZipProblem('not a zip archive')
  // JSZip switches to ZIP64 records when any of these is at its maximum, and then reads a directory
  // this check would not see.
  const counts = [4, 6, 8, 10].map((at) => view.getUint16(eocd + at, true))
  const dirSize = view.getUint32(eocd + 12, true)
  const dirOffset = view.getUint32(eocd + 16, true)
  if (counts.includes(0xffff) || dirSize === 0xffffffff || dirOffset === 0xffffffff) throw new ZipProblem(ZIP64)
  const count = counts[3]
  if (count > limits.entries) throw new ZipProblem(`an archive of ${count} files, more than any document has`)
  // JSZip shifts every offset by any gap before the directory (data prepended to the archive).
  if (dirOffset + dirSize !== eocd) throw new ZipProblem('a damaged zip archive (central directory out of place)')

  const entries: ZipEntry[] = []
  let total = 0
  let at = dirOffset
  // Like JSZip, read every directory record there is, whatever the end record counts.
  while (at + 4 <= eocd && view.getUint32(at, true) === 0x02014b50) {
    if (at + 46 > eocd) throw new ZipProblem('a damaged zip archive')
    if (entries.length === limits.entries) throw new ZipProblem('an archive of more files than any document has')
    const nameLength = view.getUint16(at + 28, true)
    const entry: ZipEntry = {
      name: Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength)).toString('utf8'),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      encrypted: (view.getUint16(at + 8, true) & 1) === 1,
      offset: view.getUint32(at + 42, true)
    }
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff || entry.offset === 0xffffffff)
      throw new ZipProblem(ZIP64)
    if (entry.size > limits.entryBytes)
      throw new ZipProblem(`"${entry.name}" would unpack to ${Math.round(entry.size / 1048576)} MB`)
    if (entry.size > limits.ratioFloorBytes && entry.size / Math.max(1, entry.compressedSize) > limits.ratio) {
      throw new ZipProblem(
        `"${entry.name}" is compressed ${Math.round(entry.size / Math.max(1, entry.compressedSize))} to 1, a zip bomb`
      )
    }
    total += entry.size
    if (total > limits.totalBytes)
      throw new ZipProblem(`the archive would unpack to more than ${limits.totalBytes / 1048576} MB`)
    entries.push(entry)
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
  }
  if (entries.length !== count) throw new ZipProblem('a damaged zip archive (its file count is wrong)')
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
