import iconv from 'iconv-lite'
import { detectAll } from 'jschardet'
import { fileError } from './fail'

export interface DecodedText {
  text: string
  /** Canonical name of the encoding used, e.g. "utf-8", "windows-1251". */
  encoding: string
  notices: string[]
}

export interface DecodeOptions {
  /** Decode with this encoding, skipping detection. */
  forced?: string
  /** Charset the file itself declares (HTML <meta charset>); trusted unless it is UTF-8. */
  declared?: string
}

const SAMPLE_BYTES = 256 * 1024
/** Below this jschardet is guessing: random high bytes score about 0.03, a French sentence 0.15. */
const MIN_CONFIDENCE = 0.1

const SIGNATURES: [string, number[]][] = [
  ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a zip archive (or .docx/.xlsx)', [0x50, 0x4b, 0x03, 0x04]],
  ['an old Word/Office document (OLE)', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['an executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['an executable', [0x4d, 0x5a, 0x90, 0x00]]
]

/** What a binary file's first bytes say it is, or null. */
export function binarySignature(bytes: Uint8Array): string | null {
  for (const [what, magic] of SIGNATURES) {
    if (bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b)) return what
  }
  return null
}

/** Turns bytes that should be text into a string: BOM, then UTF-8, then a detector. */
export function decodeText(fileName: string, bytes: Uint8Array, options: DecodeOptions = {}): DecodedText {
  if (options.forced) return decodeForced(fileName, bytes, options.forced)

  const bom = decodeBom(bytes)
  if (bom) return bom

  const signature = binarySignature(bytes)
  if (signature) throw fileError(fileName, `this is ${signature}, not a text file`)

  const sample = bytes.subarray(0, SAMPLE_BYTES)
  if (sample.includes(0)) {
    const wide = detectUtf16(sample)
    if (wide) return { text: iconv.decode(toBuffer(bytes), wide), encoding: wide, notices: [] }
    throw fileError(fileName, 'this is a binary file, not text (it contains NUL bytes)')
  }
  if (controlRatio(sample) > 0.05)
    throw fileError(fileName, 'this is a binary file, not text (too many control characters)')

  const declared = options.declared ? canonicalEncoding(options.declared) : null
  if (declared && declared !== 'utf-8' && iconv.encodingExists(declared)) {
    return { text: iconv.decode(toBuffer(bytes), declared), encoding: declared, notices: [] }
  }

  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', notices: [] }
  } catch {
    // not UTF-8: look further
  }

  const { valid, invalid } = utf8Sequences(bytes)
  if (valid >= 4 * invalid && invalid <= Math.max(3, bytes.length / 1000)) {
    return {
      text: new TextDecoder('utf-8').decode(bytes),
      encoding: 'utf-8',
      notices: [`${invalid} byte sequence(s) that are not valid UTF-8 were replaced with "\ufffd".`]
    }
  }

  for (const guess of detectAll(sample, { minimumThreshold: 0 })) {
    if (!guess.encoding || guess.confidence < MIN_CONFIDENCE) break
    const encoding = canonicalEncoding(guess.encoding)
    if (encoding === 'utf-8' || !iconv.encodingExists(encoding)) continue
    return {
      text: iconv.decode(toBuffer(bytes), encoding),
      encoding,
      notices: [`Encoding detected as ${encoding}; if the text looks wrong, import it again choosing its encoding.`]
    }
  }
  throw fileError(
    fileName,
    'the text is not valid UTF-8 and its encoding could not be recognised; import it again choosing its encoding'
  )
}

function decodeForced(fileName: string, bytes: Uint8Array, forced: string): DecodedText {
  const encoding = canonicalEncoding(forced)
  if (!iconv.encodingExists(encoding)) throw fileError(fileName, `unknown encoding "${forced}"`)
  // iconv-lite drops a matching BOM itself.
  return { text: iconv.decode(toBuffer(bytes), encoding), encoding, notices: [] }
}

function decodeBom(bytes: Uint8Array): DecodedText | null {
  const [a, b, c, d] = bytes
  let encoding: string | null = null
  let skip = 0
  if (a === 0xef && b === 0xbb && c === 0xbf) [encoding, skip] = ['utf-8', 3]
  else if (a === 0xff && b === 0xfe && c === 0 && d === 0) [encoding, skip] = ['utf-32le', 4]
  else if (a === 0 && b === 0 && c === 0xfe && d === 0xff) [encoding, skip] = ['utf-32be', 4]
  else if (a === 0xff && b === 0xfe) [encoding, skip] = ['utf-16le', 2]
  else if (a === 0xfe && b === 0xff) [encoding, skip] = ['utf-16be', 2]
  if (!encoding) return null
  const body = bytes.subarray(skip)
  const text = encoding === 'utf-8' ? new TextDecoder('utf-8').decode(body) : iconv.decode(toBuffer(body), encoding)
  return { text, encoding, notices: [] }
}

/** UTF-16 without a BOM: text in Latin or Cyrillic script has a zero in one byte of most pairs. */
function detectUtf16(sample: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(sample.length / 2)
  if (pairs < 2) return null
  let evenZeros = 0
  let oddZeros = 0
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros++
    if (sample[i + 1] === 0) oddZeros++
  }
  if (oddZeros >= pairs * 0.2 && evenZeros <= pairs * 0.02) return 'utf-16le'
  if (evenZeros >= pairs * 0.2 && oddZeros <= pairs * 0.02) return 'utf-16be'
  const guess = detectAll(sample, { minimumThreshold: 0 })[0]
  const name = guess?.encoding ? canonicalEncoding(guess.encoding) : ''
  return name === 'utf-16le' || name === 'utf-16be' ? name : null
}

/** Share of bytes that are control characters no text file has (tab, newlines, FF and ESC allowed). */
function controlRatio(sample: Uint8Array): number {
  if (sample.length === 0) return 0
  let count = 0
  for (const byte of sample) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b) count++
  }
  return count / sample.length
}

/** Counts well-formed multi-byte UTF-8 sequences and bytes that break UTF-8. */
export function utf8Sequences(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0
  let invalid = 0
  let i = 0
  while (i < bytes.length) {
    const byte = bytes[i]
    if (byte < 0x80) {
      i++
      continue
    }
    const length =
      byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0
    let ok = length > 0 && i + length <= bytes.length
    for (let k = 1; ok && k < length; k++) ok = (bytes[i + k] & 0xc0) === 0x80
    if (ok) {
      valid++
      i += length
    } else {
      invalid++
      i++
    }
  }
  return { valid, invalid }
}

/** Friendly, iconv-lite-compatible names for what detectors and pages call encodings. */
export function canonicalEncoding(name: string): string {
  const key = name.trim().toLowerCase().replace(/_/g, '-')
  switch (key.replace(/[^a-z0-9]/g, '')) {
    case 'utf8':
      return 'utf-8'
    case 'utf16le':
    case 'utf16':
      return 'utf-16le'
    case 'utf16be':
      return 'utf-16be'
    case 'ascii':
    case 'usascii':
    case 'iso88591':
    case 'latin1':
    case 'iso885915':
    case 'cp1252':
    case 'windows1252':
      // Windows-1252 is a superset of Latin-1 for printable text, as browsers decode it.
      return 'windows-1252'
    case 'cp932':
    case 'sjis':
    case 'shiftjis':
    case 'mskanji':
    case 'windows31j':
      return 'shift_jis'
    case 'cp1251':
      return 'windows-1251'
    case 'koi8r':
      return 'koi8-r'
    default:
      return key
  }
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}
