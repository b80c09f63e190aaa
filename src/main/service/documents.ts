// Documents: importing files (read and parsed outside the change queue, so a slow or hostile file
// holds up nothing else), pasting text, reading, editing, deleting, decoding again.
import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { ApiHandlers, CaseChanges, ImportFile, ImportResult } from '../../shared/api'
import { ClaimdeskError, invalid, notFound } from '../../shared/errors'
import { refusal } from '../../shared/importable'
import type { Provenance } from '../../shared/model'
import { importFile, importPastedText, type ImportedDocument } from '../import'
import { cleanFileName } from '../import/builder'
import { addDocument, documentWithHash, deleteDocument, reimportDocument, updateDocument } from '../rules/documents'
import { documentOf } from '../rules/outcome'
import type { CaseStore } from '../case/types'
import type { Session } from './session'
import { documentSummary, documentView } from './views'

type DocumentHandlers = Pick<
  ApiHandlers,
  | 'importFiles'
  | 'cancelImports'
  | 'pasteText'
  | 'getDocument'
  | 'updateDocument'
  | 'deleteDocument'
  | 'reimportDocument'
>

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

export class Documents {
  /** Imports running now; cancelImports aborts them. */
  private readonly running = new Set<AbortController>()

  constructor(private readonly session: Session) {}

  handlers(): DocumentHandlers {
    const s = this.session
    return {
      importFiles: (files) =>
        s.prepare(async () => {
          const store = s.writable()
          const results: ImportResult[] = []
          let changes = s.unchanged()
          for (const file of files) {
            const outcome = await this.importOne(store, file)
            results.push(outcome.result)
            if (outcome.changes) changes = outcome.changes
          }
          return { value: results, changes }
        }),
      cancelImports: async () => this.cancel(),
      pasteText: (input) =>
        s.prepare(async () => {
          const store = s.writable()
          let imported: ImportedDocument
          try {
            imported = importPastedText(input.text, input.title)
          } catch (err) {
            throw err instanceof ClaimdeskError ? err : invalid(`pasted text: ${(err as Error).message}`)
          }
          const bytes = Buffer.from(input.text, 'utf8')
          const provenance = this.provenance('pasted text', 'paste', bytes, 'utf-8')
          await store.putOriginal(provenance.sha256, bytes)
          const { value, changes } = await s.commit((state, ctx) => addDocument(state, imported, provenance, ctx), {
            store
          })
          if (!value.documentId)
            throw new ClaimdeskError('conflict', `this text is ${value.message ?? 'already in the case'}`)
          return { value: documentSummary(s.state, documentOf(s.state, value.documentId)), changes }
        }),
      getDocument: async (id) => documentView(s.state, documentOf(s.state, id)),
      updateDocument: async (id, patch) => {
        const { value, changes } = await s.commit((state, ctx) => updateDocument(state, id, patch, ctx), {
          coalesce: `document:${id}:${Object.keys(patch).join()}`
        })
        return { value: documentSummary(s.state, value), changes }
      },
      deleteDocument: (id) => s.commit((state, ctx) => deleteDocument(state, id, ctx)),
      reimportDocument: (id, encoding) =>
        s.prepare(async () => {
          const store = s.writable()
          const doc = documentOf(store.state, id)
          const bytes = await store.getOriginal(doc.provenance.sha256)
          if (!bytes) throw notFound(`the original file of “${doc.title}” is not kept beside the case`)
          const imported = await importFile(doc.provenance.fileName, bytes, { encoding })
          const { value, changes } = await s.commit((state, ctx) => reimportDocument(state, id, imported, ctx), {
            store
          })
          return { value: documentSummary(s.state, value), changes }
        })
    }
  }

  private provenance(fileName: string, format: Provenance['format'], bytes: Uint8Array, encoding?: string): Provenance {
    return {
      fileName,
      format,
      sha256: sha256(bytes),
      size: bytes.length,
      importedAt: this.session.stamp(),
      ...(encoding ? { encoding } : {})
    }
  }

  /** One file: read, recognised as a duplicate or parsed (off the queue), then added. */
  /** Stops the imports running now. */
  cancel(): void {
    for (const controller of this.running) controller.abort()
  }

  private async importOne(
    store: CaseStore,
    file: ImportFile
  ): Promise<{ result: ImportResult; changes?: CaseChanges }> {
    const fileName = cleanFileName(basename((file.name ?? file.path).replaceAll('\\', '/')))
    const failed = (message: string) => ({ result: { fileName, status: 'failed', message } as ImportResult })
    const info = await stat(file.path).catch(() => null)
    if (!info) return failed(`${fileName}: no such file`)
    if (!info.isFile()) return failed(`${fileName}: not a regular file`)
    const refused = refusal(fileName, info.size)
    if (refused) return failed(`${fileName}: ${refused}`)
    let bytes: Buffer
    try {
      bytes = await readFile(file.path)
    } catch (err) {
      return failed(`${fileName}: cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`)
    }
    const hash = sha256(bytes)
    const same = documentWithHash(store.state, hash)
    if (same) {
      return {
        result: {
          fileName,
          status: 'duplicate',
          documentId: same.id,
          message: `already in the case as “${same.title}”`
        } as ImportResult
      }
    }
    const controller = new AbortController()
    this.running.add(controller)
    let imported: ImportedDocument
    try {
      imported = await importFile(fileName, bytes, { encoding: file.encoding, signal: controller.signal })
    } catch (err) {
      if (controller.signal.aborted) return { result: { fileName, status: 'cancelled' } as ImportResult }
      if (err instanceof ClaimdeskError) return failed(err.message)
      throw err
    } finally {
      this.running.delete(controller)
    }
    const provenance = this.provenance(fileName, imported.format, bytes, imported.encoding)
    try {
      await store.putOriginal(hash, bytes)
      const { value, changes } = await this.session.commit(
        (state, ctx) => addDocument(state, imported, provenance, ctx),
        {
          store
        }
      )
      return { result: value, changes }
    } catch (err) {
      if (err instanceof ClaimdeskError) return failed(`${fileName}: not added: ${err.message}`)
      throw err
    }
  }
}
