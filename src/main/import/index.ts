// Turns the files analysts receive into a document: plain text, structural blocks and metadata.
// Pure Node: no electron, no network, no script execution. Every file is read in a worker thread
// (pool.ts) under the limits in limits.ts. The caller (the case service) adds provenance (hash,
// size, file name, time), detects duplicates and keeps the original bytes.
import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { LIMITS } from '../../shared/api'
import { invalid } from '../../shared/errors'
import { refusal } from '../../shared/importable'
import { titleFrom } from './builder'
import { fileError } from './fail'
import { ImportPool } from './pool'
import { plainTextDocument } from './text'
import type { ImportOptions, ImportedDocument } from './types'
import { importWorkerFile } from './worker-file'

export type { ImportOptions, ImportedDocument, SuggestedSource } from './types'
export { IMPORT_LIMITS, type ImportLimits } from './limits'

const pool = new ImportPool({ workerFile: importWorkerFile })

/**
 * Imports one file's bytes. `fileName` is used for the format (by extension) and in messages.
 * Throws ClaimdeskError('invalid', "<fileName>: <reason>") for anything it cannot import, a file
 * that overran its time or memory included; rejects with `options.signal`'s reason when aborted.
 */
export async function importFile(
  fileName: string,
  bytes: Uint8Array,
  options: ImportOptions = {}
): Promise<ImportedDocument> {
  const why = refusal(fileName, bytes.length)
  if (why) throw fileError(fileName, why)
  const { signal, ...read } = options
  return pool.run({ kind: 'bytes', fileName, bytes, options: read }, { signal, limits: read.limits })
}

/**
 * Imports a file the worker reads from disk itself, so its bytes are not copied between threads.
 * Named in messages as `options.fileName` (default: the path's last part).
 */
export async function importFileAt(
  path: string,
  options: ImportOptions & { fileName?: string } = {}
): Promise<ImportedDocument> {
  const { signal, fileName = basename(path), ...read } = options
  let size: number
  try {
    size = (await stat(path)).size
  } catch (err) {
    throw fileError(fileName, `the file could not be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`)
  }
  const why = refusal(fileName, size)
  if (why) throw fileError(fileName, why)
  return pool.run({ kind: 'path', fileName, path, options: read }, { signal, limits: read.limits })
}

/**
 * Starts the import workers and loads jsdom, Readability, DOMPurify, pdf.js and mammoth in them, so
 * the first real import does not pay about a second for it. Optional: call it once, in the background.
 */
export function preloadParsers(): Promise<void> {
  return pool.preload()
}

/** Stops the import workers (idle ones stop by themselves and never keep the process alive). */
export function closeImporters(): Promise<void> {
  return pool.close()
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
