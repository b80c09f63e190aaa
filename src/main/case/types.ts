import type { CaseData, CollectionName, Collections, Id } from '../../shared/model'
import type { CaseState } from './case-state'
import type { StoreFs } from './store-fs'

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
  /**
   * When the journal is damaged (the 'corrupt' error's details.journal says where), open with the
   * changes before the damage and keep the whole journal aside (OpenReport.journalKeptAside).
   */
  recoverJournal?: boolean
  /** Break a lock the 'locked' error called breakable (details.breakable): unreadable, or not Claimdesk's. */
  breakLock?: boolean
  /** The file system to go through (tests put a failing one here); node:fs by default. */
  fs?: StoreFs
}

/** What opening found and did beyond reading the case. */
export interface OpenReport {
  /** Journal entries replayed (changes a crash kept out of the case file). */
  replayed: number
  /** Bytes at the end of the journal that a crash cut short (a write never acknowledged), dropped. */
  tornBytes: number
  /** With recoverJournal: where the damaged journal was kept, whole. */
  journalKeptAside: string | null
  /** Leftovers of a killed process that were deleted: temp files, orphan originals. */
  cleanedUp: string[]
  /** Set when the replayed changes could not be written into the case file yet (they stay in the journal). */
  saveError: string | null
  /** What the case's items name that it does not hold (a hand-edited or damaged file), one line each. */
  brokenReferences: string[]
}

/** Something the user should hear about, from an open store. */
export type StoreEvent =
  /**
   * The case file was replaced on disk (a sync tool, git, a colleague) while open: theirs was kept
   * untouched at `theirs`, ours was written to `ours`, and the session goes on there (store.path).
   */
  | { kind: 'diverged'; theirs: string; ours: string }
  /** A timed checkpoint failed (e.g. the disk is full): nothing is lost, the journal holds every change. */
  | { kind: 'save-failed'; message: string }
  /** The case file was deleted or moved away while open: it was written again where it was. */
  | { kind: 'recreated'; file: string }

/**
 * An open case file. `state` is the in-memory case; callers never mutate it directly, they
 * call `apply`, which resolves only once the change is durable on disk (fsynced).
 */
export interface CaseStore {
  /** The case file; it changes when the session moves to a conflict copy (event 'diverged'). */
  readonly path: string
  readonly readOnly: boolean
  /** Journal entries replayed at open (non-zero after a crash). */
  readonly recovered: number
  readonly openReport: OpenReport
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
  /** Calls `listener` with each StoreEvent; returns a function that stops it. */
  onEvent(listener: (event: StoreEvent) => void): () => void
}
