import mammoth from 'mammoth'
import { titleFrom } from './builder'
import { fileError } from './fail'
import { htmlDocument, windowsReleased } from './html'
import { isoDate, metaText } from './meta-values'
import { importLimits } from './limits'
import type { ImportedDocument, ReadOptions } from './types'
import { ZipProblem, readCentralDirectory, readEntry, type ZipEntry } from './zip-guard'

const STYLE_MAP = [
  'p.Title => h1:fresh',
  'p.Subtitle => h2:fresh',
  'p.Quote => blockquote > p:fresh',
  'p.IntenseQuote => blockquote > p:fresh',
  'p.Caption => p.caption:fresh',
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Caption'] => p.caption:fresh",
  "p[style-name='caption'] => p.caption:fresh"
]

/**
 * What went wrong inside mammoth, on one line and in words: its XML parser reports in several lines
 * with its own markers, and a document nested past the stack gives a RangeError.
 */
export function readerProblem(err: unknown): string {
  if (err instanceof RangeError) return 'its XML is nested too deeply to read'
  const message = err instanceof Error ? err.message : String(err)
  const entity = /entity not found:\s*&?([^;\s]+);?/i.exec(message)
  if (entity) return `its XML uses an entity it does not define (&${entity[1]};), which Word never writes`
  const line = message.split('\n').find((l) => l.trim()) ?? 'unknown problem'
  return line
    .replace(/\[xmldom [a-z]+\]\s*/gi, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200)
}

/** Word .docx: checked as a zip first, converted by mammoth to HTML, then read like a web page. */
export async function importDocx(
  fileName: string,
  bytes: Uint8Array,
  options: ReadOptions = {}
): Promise<ImportedDocument> {
  const limits = importLimits(options.limits)
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw fileError(
      fileName,
      'this is an old Word .doc file or a password-protected document, not a .docx; save it as .docx without a password and import it again'
    )
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b)
    throw fileError(fileName, 'not a Word .docx file (it is not a zip archive)')
  let core: string
  try {
    const entries = readCentralDirectory(bytes, limits.zip)
    if (!entries.some((e) => e.name === 'word/document.xml'))
      throw new ZipProblem('a zip archive without word/document.xml, so not a Word document')
    // Inflate every part, with limits, before mammoth may do so without any: it reads the parts
    // _rels/.rels and the other relationship files name, and those can name any part at all.
    for (const entry of entries) readEntry(bytes, entry)
    core = partText(
      bytes,
      entries.find((e) => e.name === 'docProps/core.xml')
    )
  } catch (err) {
    if (err instanceof ZipProblem) throw fileError(fileName, `not a readable .docx: ${err.message}`)
    throw err
  }

  let html: string
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        ignoreEmptyParagraphs: true,
        externalFileAccess: false,
        // Images are never read or inlined: only text is imported.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' }))
      }
    )
    html = result.value
  } catch (err) {
    throw fileError(fileName, `the Word document could not be read (${readerProblem(err)})`)
  }
  // Footnote back-links ("↑") are navigation, not text.
  html = html.replace(/<a href="#(?:foot|end)note-ref-[^"]*">[^<]*<\/a>/g, '')
  const doc = htmlDocument(fileName, html, { article: false, format: 'docx', limits })
  await windowsReleased()
  const firstHeading = doc.blocks.find((b) => b.kind === 'heading')
  const title =
    titleFrom(firstHeading ? doc.text.slice(firstHeading.start, firstHeading.end) : '') ||
    titleFrom(coreField(core, 'dc:title')) ||
    doc.meta.title
  return {
    ...doc,
    meta: {
      ...doc.meta,
      title,
      author: metaText(coreField(core, 'dc:creator')),
      published: isoDate(coreField(core, 'dcterms:created'))
    }
  }
}

function partText(bytes: Uint8Array, entry: ZipEntry | undefined): string {
  return entry ? Buffer.from(readEntry(bytes, entry)).toString('utf8') : ''
}

function coreField(xml: string, tag: string): string {
  const match = new RegExp(`<${tag}\\b[^>]*>([^<]*)</${tag}>`).exec(xml)
  return match
    ? match[1].replace(
        /&(lt|gt|amp|quot|apos);/g,
        (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e] ?? ''
      )
    : ''
}
