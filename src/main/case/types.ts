import type { CaseData, CollectionName, Collections, Id } from '../../shared/model'
import type { CaseState } from './case-state'

/** One change to a case. A batch of ops is applied and made durable as a unit. */
export type CaseOp =
  | { [C in CollectionName]: { op: 'put'; collection: C; item: Collections[C] } }[CollectionName]
  | { op: 'remove'; collection: CollectionName; id: Id }
  | { op: 'meta'; title: string }

export interface OpenStoreOptions {
  readOnly?: boolean
  /** Create the file (with this initial data) when it does not exist. */
  createWith?: CaseData
  /** How long after a change the journal is folded into the case file (default 3000 ms). */
  checkpointDelayMs?: number
}

/**
 * An open case file. `data` is the in-memory state; callers never mutate it directly, they
 * call `apply`, which resolves only once the change is durable on disk (fsynced).
 */
export interface CaseStore {
  readonly path: string
  readonly readOnly: boolean
  /** Journal entries replayed at open (non-zero after a crash). */
  readonly recovered: number
  /** The case in memory, kept by id with its indexes. Read it; change it only through apply. */
  readonly state: CaseState
  apply(ops: CaseOp[]): Promise<void>
  /** Keeps the original bytes of an imported file beside the case, by SHA-256. */
  putOriginal(sha256: string, bytes: Uint8Array): Promise<void>
  getOriginal(sha256: string): Promise<Uint8Array | null>
  /** Writes a full, self-contained copy at `path` and returns it opened (this store is closed). */
  saveAs(path: string): Promise<CaseStore>
  /** Folds the journal into the case file now. */
  checkpoint(): Promise<void>
  /** Checkpoints, releases the lock. */
  close(): Promise<void>
}
