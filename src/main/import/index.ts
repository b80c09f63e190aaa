// Turns the files analysts receive into a document: plain text, structural blocks and metadata.
// Pure Node: no electron, no network, no script execution. The caller (the case service) adds
// provenance (hash, size, file name, time), detects duplicates and keeps the original bytes.
import { LIMITS } from '../../shared/api'
import { invalid } from '../../shared/errors'
import { titleFrom } from './builder'
import { extensionOf, IMPORT_FORMATS, refusal, type ImportExtension } from '../../shared/importable'
import { fileError } from './fail'
import { importMarkdown } from './markdown'
import { importText, plainTextDocument } from './text'
import type { ImportOptions, ImportedDocument } from './types'

export type { ImportOptions, ImportedDocument, SuggestedSource } from './types'

type Importer = (fileName: string, bytes: Uint8Array, options: ImportOptions) => Promise<ImportedDocument>

// Heavy parsers (jsdom, pdf.js, mammoth) load on first use so text imports and the CLI stay quick.
const IMPORTERS: Record<(typeof IMPORT_FORMATS)[ImportExtension], Importer> = {
  txt: async (name, bytes, options) => importText(name, bytes, options),
  md: async (name, bytes, options) => importMarkdown(name, bytes, options),
  html: async (name, bytes, options) => (await import('./html')).importHtml(name, bytes, options),
  mhtml: async (name, bytes, options) => (await import('./mhtml')).importMhtml(name, bytes, options),
  pdf: async (name, bytes) => (await import('./pdf')).importPdf(name, bytes),
  docx: async (name, bytes) => (await import('./docx')).importDocx(name, bytes)
}

/**
 * Imports one file's bytes. `fileName` is used for the format (by extension) and in messages.
 * Throws ClaimdeskError('invalid', "<fileName>: <reason>") for anything it cannot import.
 */
export async function importFile(
  fileName: string,
  bytes: Uint8Array,
  options: ImportOptions = {}
): Promise<ImportedDocument> {
  const why = refusal(fileName, bytes.length)
  if (why) throw fileError(fileName, why)
  return IMPORTERS[IMPORT_FORMATS[extensionOf(fileName) as ImportExtension]](fileName, bytes, options)
}

/**
 * Loads jsdom, Readability, DOMPurify, pdf.js and mammoth and runs a tiny page through them, so the
 * first real import does not pay about a second for it. Optional: call it once, in the background,
 * where imports will run.
 */
export async function preloadParsers(): Promise<void> {
  const page = new TextEncoder().encode('<title>t</title><article><p>' + 'Warm up text. '.repeat(20) + '</p></article>')
  await importFile('preload.html', page)
  await Promise.all([import('./pdf').then((pdf) => pdf.loadPdfJs()), import('./docx')])
}

/** A document from pasted text; the title defaults to its first line. */
export function importPastedText(text: string, title?: string): ImportedDocument {
  if (text.length > LIMITS.pasteChars)
    throw invalid(`Pasted text is too long (the limit is ${LIMITS.pasteChars} characters)`)
  const doc = plainTextDocument(text)
  if (!doc) throw invalid('Pasted text is empty')
  return {
    meta: { title: titleFrom(title ?? '') || doc.title, outlet: '', author: '', url: '', published: '' },
    text: doc.text,
    blocks: doc.blocks,
    format: 'paste',
    notices: [],
    suggestedSources: []
  }
}
