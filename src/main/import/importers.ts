// The importers themselves, run inside an import worker (worker.ts): one per format, picked by the
// file's extension. Heavy parsers (jsdom, pdf.js, mammoth) load on first use so text imports stay quick.
import { extensionOf, IMPORT_FORMATS, refusal, type ImportExtension } from '../../shared/importable'
import { fileError } from './fail'
import { importMarkdown } from './markdown'
import { importText } from './text'
import type { ImportedDocument, ReadOptions } from './types'

type Importer = (fileName: string, bytes: Uint8Array, options: ReadOptions) => Promise<ImportedDocument>

const IMPORTERS: Record<(typeof IMPORT_FORMATS)[ImportExtension], Importer> = {
  txt: async (name, bytes, options) => importText(name, bytes, options),
  md: async (name, bytes, options) => importMarkdown(name, bytes, options),
  html: async (name, bytes, options) => (await import('./html')).importHtml(name, bytes, options),
  mhtml: async (name, bytes, options) => (await import('./mhtml')).importMhtml(name, bytes, options),
  pdf: async (name, bytes, options) => (await import('./pdf')).importPdf(name, bytes, options),
  docx: async (name, bytes, options) => (await import('./docx')).importDocx(name, bytes, options)
}

/**
 * Reads one file's bytes in this thread. `fileName` gives the format (by extension) and names the
 * file in messages. Throws ClaimdeskError('invalid', "<fileName>: <reason>") for anything it cannot read.
 */
export async function readFileBytes(
  fileName: string,
  bytes: Uint8Array,
  options: ReadOptions = {}
): Promise<ImportedDocument> {
  const why = refusal(fileName, bytes.length)
  if (why) throw fileError(fileName, why)
  return IMPORTERS[IMPORT_FORMATS[extensionOf(fileName) as ImportExtension]](fileName, bytes, options)
}

/** Loads jsdom, Readability, DOMPurify, pdf.js and mammoth, and runs a tiny page through them. */
export async function loadParsers(): Promise<void> {
  const page = new TextEncoder().encode('<title>t</title><article><p>' + 'Warm up text. '.repeat(20) + '</p></article>')
  await readFileBytes('preload.html', page)
  await Promise.all([import('./pdf').then((pdf) => pdf.loadPdfJs()), import('./docx')])
}
