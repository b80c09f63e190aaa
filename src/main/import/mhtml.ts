// MHTML ("Save page as: single file" in Chrome and Edge) is a MIME multipart message. No
// maintained Node library reads it, and only a small part of MIME is needed: find the page's HTML
// part and undo its transfer encoding. The other parts (images, styles, frames) are never used.
import { decodeText } from './decode'
import { fileError } from './fail'
import { declaredCharset, htmlDocument, windowsReleased } from './html'
import { importLimits } from './limits'
import { httpUrl } from './meta-values'
import type { ReadOptions, ImportedDocument } from './types'

interface Part {
  headers: Map<string, string>
  body: Uint8Array
}

export async function importMhtml(
  fileName: string,
  bytes: Uint8Array,
  options: ReadOptions = {}
): Promise<ImportedDocument> {
  const message = parsePart(bytes, 0, bytes.length)
  if (!message.headers.size) throw fileError(fileName, 'not an MHTML file (no MIME headers)')
  const type = message.headers.get('content-type') ?? ''
  const html = /^multipart\//i.test(type)
    ? findHtmlPart(message, parameter(type, 'boundary'))
    : /^text\/html/i.test(type)
      ? message
      : null
  if (!html) throw fileError(fileName, 'not an MHTML file (no HTML part found)')

  const body = decodeTransfer(html.body, html.headers.get('content-transfer-encoding') ?? '')
  const charset = parameter(html.headers.get('content-type') ?? '', 'charset') || declaredCharset(body)
  const decoded = decodeText(fileName, body, { forced: options.encoding, declared: charset })
  const doc = htmlDocument(fileName, decoded.text, { article: true, limits: importLimits(options.limits) })
  await windowsReleased()
  const location = httpUrl(message.headers.get('snapshot-content-location') ?? html.headers.get('content-location'))
  if (!doc.meta.url && location) doc.meta.url = location
  return { ...doc, encoding: decoded.encoding, notices: [...decoded.notices, ...doc.notices] }
}

function findHtmlPart(message: Part, boundary: string): Part | null {
  if (!boundary) return null
  const delimiter = latin1Bytes('--' + boundary)
  const starts: number[] = []
  for (
    let at = indexOf(message.body, delimiter, 0);
    at >= 0;
    at = indexOf(message.body, delimiter, at + delimiter.length)
  ) {
    starts.push(at)
  }
  for (let i = 0; i + 1 < starts.length; i++) {
    let start = starts[i] + delimiter.length
    if (message.body[start] === 0x2d && message.body[start + 1] === 0x2d) break // closing delimiter
    while (start < message.body.length && message.body[start] !== 0x0a) start++
    const part = parsePart(message.body, start + 1, starts[i + 1])
    if (/^text\/html/i.test(part.headers.get('content-type') ?? '')) return part
  }
  return null
}

/** Headers up to the first blank line, then the body (without the line break before the next boundary). */
function parsePart(bytes: Uint8Array, start: number, end: number): Part {
  const headers = new Map<string, string>()
  let at = start
  let current = ''
  while (at < end) {
    let lineEnd = at
    while (lineEnd < end && bytes[lineEnd] !== 0x0a) lineEnd++
    const line = latin1(bytes.subarray(at, lineEnd)).replace(/\r$/, '')
    at = lineEnd + 1
    if (line === '') break
    if (/^[ \t]/.test(line) && current) headers.set(current, headers.get(current) + ' ' + line.trim())
    else {
      const colon = line.indexOf(':')
      if (colon <= 0) return { headers: new Map(), body: bytes.subarray(start, end) }
      current = line.slice(0, colon).trim().toLowerCase()
      headers.set(current, line.slice(colon + 1).trim())
    }
  }
  let bodyEnd = Math.min(end, bytes.length)
  if (bytes[bodyEnd - 1] === 0x0a) bodyEnd--
  if (bytes[bodyEnd - 1] === 0x0d) bodyEnd--
  return { headers, body: bytes.subarray(Math.min(at, bodyEnd), bodyEnd) }
}

function decodeTransfer(body: Uint8Array, encoding: string): Uint8Array {
  switch (encoding.trim().toLowerCase()) {
    case 'base64':
      return new Uint8Array(Buffer.from(latin1(body), 'base64'))
    case 'quoted-printable':
      return quotedPrintable(body)
    default:
      return body
  }
}

function quotedPrintable(body: Uint8Array): Uint8Array {
  const out = new Uint8Array(body.length)
  let n = 0
  for (let i = 0; i < body.length; i++) {
    const byte = body[i]
    if (byte !== 0x3d) {
      out[n++] = byte
      continue
    }
    if (body[i + 1] === 0x0d && body[i + 2] === 0x0a)
      i += 2 // soft line break
    else if (body[i + 1] === 0x0a) i += 1
    else {
      const hex = String.fromCharCode(body[i + 1] ?? 0, body[i + 2] ?? 0)
      if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
        out[n++] = parseInt(hex, 16)
        i += 2
      } else out[n++] = byte
    }
  }
  return out.subarray(0, n)
}

/** A parameter of a header value: boundary="x" in `multipart/related; boundary="x"`. */
function parameter(header: string, name: string): string {
  const match = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(header)
  return match ? (match[1] ?? match[2]) : ''
}

function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0]
  for (
    let i = haystack.indexOf(first, from);
    i >= 0 && i + needle.length <= haystack.length;
    i = haystack.indexOf(first, i + 1)
  ) {
    let k = 1
    while (k < needle.length && haystack[i + k] === needle[k]) k++
    if (k === needle.length) return i
  }
  return -1
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
}

function latin1Bytes(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'latin1'))
}
