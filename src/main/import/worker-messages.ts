// What the import pool (pool.ts) and an import worker (worker.ts) say to each other.
import type { ErrorInfo } from '../../shared/errors'
import type { ImportedDocument, ReadOptions } from './types'

export type ImportTask =
  | { kind: 'preload' }
  | { kind: 'bytes'; fileName: string; bytes: Uint8Array; options: ReadOptions }
  | { kind: 'path'; fileName: string; path: string; options: ReadOptions }

export type WorkerTask = ImportTask & { id: number }

export type WorkerReply = { id: number; ok: true; doc?: ImportedDocument } | { id: number; ok: false; error: ErrorInfo }
