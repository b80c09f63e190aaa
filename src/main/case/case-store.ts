// An open case: a lowdb `Low` over the case-file adapter (json-adapter.ts), plus a write-ahead journal.
//
// apply() validates the ops, appends them to the journal and fdatasyncs it (one small write,
// ~1 ms), then applies them to memory and resolves. Rewriting the whole case file per change would
// cost 40-80 ms on a large case; instead a checkpoint folds the journal into the case file a few
// seconds after a change, and on close, after which the journal is deleted: a closed case is one
// self-contained file. After a crash, open replays the journal and checkpoints.
//
// Applies run one at a time through `serial`, so the journal holds changes in apply order; applies
// that arrive while one is being written are committed together with one fdatasync (group commit).
// A checkpoint does not hold them up: it takes a snapshot in `serial` (the item references of every
// collection and the journal's length: items are never changed in place, so this is the case as of
// that entry), writes it a slice at a time while applies go on appending, and then, in `serial`
// again, empties the journal when nothing came in meanwhile (otherwise it keeps it, and drops the
// folded lines once it is large). Replaying lines the case file already holds is harmless (every op
// is absolute), so a crash at any point loses nothing.
//
// Failures lose nothing either: a failed append is cut back and its apply rejected ("not saved"),
// a failed checkpoint leaves the journal as it was (and is retried, with a 'save-failed' event),
// and a case file replaced on disk is never overwritten: the session moves to a conflict copy
// beside it (a 'diverged' event).
import { constants } from 'node:fs'
import { dirname } from 'node:path'
import { Low } from 'lowdb'
import { caseSchema, describeIssues } from '../../shared/case-schema'
import { ClaimdeskError, invalid, notFound } from '../../shared/errors'
import type { CaseData } from '../../shared/model'
import { backupIfDue, listBackups, newestBackupSavedAt } from './backups'
import { CaseState } from './case-state'
import { danglingReferences } from './references'
import { fsyncDir, removeLeftoverTemps, removeTempsIn } from './durable-file'
import { errnoCode, ioError } from './io-errors'
import { JournalWriter, readJournal, type JournalContents, type JournalEntry } from './journal'
import { CaseFileAdapter, writeCaseDurable } from './json-adapter'
import { CaseLock } from './lock'
import { validateOps } from './ops'
import { copyOriginals, getOriginal, putOriginal, removeOrphans } from './originals'
import { casePaths, conflictCopyPath, fileStamp, type CasePaths } from './paths'
import { phase } from './phase'
import { nodeFs, type StoreFs } from './store-fs'
import type { CaseOp, CaseStore, OpenReport, OpenStoreOptions, StoreEvent } from './types'

const DEFAULT_CHECKPOINT_DELAY_MS = 3000
/** A journal this large is folded in at once rather than after the delay. */
const JOURNAL_CHECKPOINT_BYTES = 16 * 1024 * 1024
/** A journal this large loses its folded lines even when that means copying the rest. */
const JOURNAL_COMPACT_BYTES = 4 * 1024 * 1024
/** Longest wait before retrying a failed timed checkpoint. */
const MAX_RETRY_MS = 60_000

interface Pending {
  ops: CaseOp[]
  resolve: () => void
  reject: (err: unknown) => void
}

interface Snapshot {
  data: CaseData
  seq: number
  journal: JournalWriter | null
  /** The journal's length when the snapshot was taken: the lines before it are in `data`. */
  cut: number
}

function checkNewCase(data: CaseData, file: string): CaseData {
  const parsed = caseSchema.safeParse(data)
  if (!parsed.success) throw invalid(`the new case ${file} is not valid: ${describeIssues(parsed.error)}`)
  return parsed.data
}

async function exists(io: StoreFs, path: string): Promise<boolean> {
  return io.lstat(path).then(
    () => true,
    () => false
  )
}

/** Deletes what a killed process left: temp files, a half-made journal, originals no document uses. */
async function cleanUp(io: StoreFs, paths: CasePaths, state: CaseState): Promise<string[]> {
  const removed = [
    ...(await removeLeftoverTemps(io, paths.file)),
    ...(await removeTempsIn(io, paths.backups)),
    ...(await removeTempsIn(io, paths.originals))
  ]
  const next = `${paths.journal}.next`
  if (await exists(io, next)) {
    await io.rm(next, { force: true })
    removed.push(next)
  }
  const referenced = new Set([...state.documents.values()].map((d) => d.provenance.sha256))
  removed.push(...(await removeOrphans(io, paths.originals, referenced, await newestBackupSavedAt(io, paths))))
  return removed
}

export class CaseStoreImpl implements CaseStore {
  private journal: JournalWriter | null = null
  private pending: Pending[] = []
  private tail: Promise<unknown> = Promise.resolve()
  private seq = 0
  /** The highest journal seq the case file on disk holds. */
  private savedSeq = 0
  /** The file on disk is in an older format and must be rewritten. */
  private migrated = false
  private checkpoints = 0
  private failures = 0
  private timer: NodeJS.Timeout | null = null
  private running: Promise<void> | null = null
  private closing = false
  /** Set by saveAs once the copy is written: later changes must not go to this file. */
  private savedAs: string | null = null
  /** The lock of a conflict copy being written, until the session moves there. */
  private conflictLock: CaseLock | null = null
  /** Locks of the files this session left for a conflict copy, let go once the journal has moved. */
  private leftLocks: CaseLock[] = []
  private readonly listeners = new Set<(event: StoreEvent) => void>()
  /** Events from before anyone listened (during open), for the first listener. */
  private unheard: StoreEvent[] = []

  private constructor(
    private readonly io: StoreFs,
    private paths: CasePaths,
    private readonly db: Low<CaseData>,
    private readonly adapter: CaseFileAdapter,
    readonly readOnly: boolean,
    readonly openReport: OpenReport,
    private lock: CaseLock | null,
    private readonly checkpointDelayMs: number,
    private readonly caseState: CaseState
  ) {
    adapter.onDiverged = (theirs) => this.prepareConflictCopy(theirs)
    adapter.onRecreated = (file) => this.emit({ kind: 'recreated', file })
  }

  get path(): string {
    return this.paths.file
  }

  get state(): CaseState {
    return this.caseState
  }

  get recovered(): number {
    return this.openReport.replayed
  }

  onEvent(listener: (event: StoreEvent) => void): () => void {
    this.listeners.add(listener)
    for (const event of this.unheard.splice(0)) listener(event)
    return () => this.listeners.delete(listener)
  }

  private emit(event: StoreEvent): void {
    if (this.listeners.size === 0) this.unheard.push(event)
    for (const listener of this.listeners) {
      try {
        listener(event)
      } catch {
        // a listener's failure is its own
      }
    }
  }

  static async open(file: string, options: OpenStoreOptions = {}, heldLock?: CaseLock): Promise<CaseStoreImpl> {
    phase('open')
    const io = options.fs ?? nodeFs
    const paths = casePaths(file)
    const readOnly = options.readOnly ?? false
    if (!readOnly) await checkWritable(io, paths.file)
    const lock = readOnly
      ? null
      : (heldLock ?? (await CaseLock.acquire(io, paths.lock, paths.file, { breakLock: options.breakLock })))
    try {
      const store = await CaseStoreImpl.load(io, paths, readOnly, lock, options)
      phase('opened')
      return store
    } catch (err) {
      await lock?.release()
      if (err instanceof ClaimdeskError && err.code === 'corrupt') {
        const backups = await listBackups(paths.file, io).catch(() => [])
        throw new ClaimdeskError('corrupt', err.message, { ...err.details, file: paths.file, backups })
      }
      throw err
    }
  }

  private static async load(
    io: StoreFs,
    paths: CasePaths,
    readOnly: boolean,
    lock: CaseLock | null,
    options: OpenStoreOptions
  ): Promise<CaseStoreImpl> {
    const adapter = new CaseFileAdapter(io, paths.file)
    const absent = {} as CaseData
    const db = new Low<CaseData>(adapter, absent)
    await db.read()
    let created = false
    if (db.data === absent) {
      if (!options.createWith || readOnly) throw notFound(`${paths.file} does not exist`)
      db.data = checkNewCase(options.createWith, paths.file)
      created = true
    }
    if (created && (await exists(io, paths.journal))) {
      throw new ClaimdeskError(
        'conflict',
        `${paths.journal} holds changes to an earlier case at this path; move it away to create a new case here`
      )
    }
    // Written before the store exists, so a file that appeared meanwhile is a conflict, not overwritten.
    if (created) await db.write().catch((err: unknown) => Promise.reject(ioError(err, `cannot create ${paths.file}`)))
    phase('replay')
    const journal = await readJournal(io, paths.journal, db.data.id, { recover: options.recoverJournal })
    const state = new CaseState(db.data)
    for (const entry of journal.entries) state.apply(entry.ops, entry.at)

    const report: OpenReport = {
      replayed: journal.entries.length,
      tornBytes: journal.tornBytes,
      journalKeptAside: null,
      cleanedUp: [],
      saveError: null,
      brokenReferences: danglingReferences(state)
    }
    const store = new CaseStoreImpl(
      io,
      paths,
      db,
      adapter,
      readOnly,
      report,
      lock,
      options.checkpointDelayMs ?? DEFAULT_CHECKPOINT_DELAY_MS,
      state
    )
    store.seq = journal.entries.reduce((max, e) => Math.max(max, e.seq), 0)
    store.migrated = adapter.migratedFrom !== null
    if (readOnly) return store

    phase('cleanup')
    report.cleanedUp = await cleanUp(io, paths, state)
    await store.settleJournal(journal)
    return store
  }

  /** At open: folds the replayed journal (and a migration) into the case file, or keeps it when that fails. */
  private async settleJournal(journal: JournalContents): Promise<void> {
    if (!journal.exists && !this.migrated) return
    // The file read; the session may move to a conflict copy during the checkpoint.
    const file = this.paths.journal
    try {
      await this.checkpointAll()
    } catch (err) {
      // Damage was recovered from, or the file is of an older format: nothing was moved or upgraded
      // yet, the open fails and can be tried again. Writing on would put this format's changes in a
      // journal an older Claimdesk reads as its own.
      if (journal.damage || this.migrated) throw err
      // The journal still holds every change: keep writing to it, and retry the checkpoint later.
      this.openReport.saveError = (err as Error).message
      if (journal.headerBytes > 0) {
        this.journal = await JournalWriter.resume(this.io, file, this.caseState.id, journal)
      } else if (journal.exists) {
        await this.io.rm(file, { force: true }).catch(() => undefined)
      }
      this.scheduleCheckpoint()
      return
    }
    if (!journal.exists) return
    if (journal.damage) {
      const aside = `${file}.damaged-${fileStamp(new Date())}`
      await this.io.rename(file, aside)
      await fsyncDir(this.io, dirname(aside))
      this.openReport.journalKeptAside = aside
    } else {
      await this.io.rm(file, { force: true })
      await fsyncDir(this.io, dirname(file))
    }
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task)
    this.tail = run.catch(() => undefined)
    return run
  }

  private closedError(): ClaimdeskError {
    const how = this.savedAs ? `was saved as ${this.savedAs} and closed` : 'is closed'
    return new ClaimdeskError('no-case', `${this.path} ${how}`)
  }

  private assertWritable(): void {
    if (this.closing || this.savedAs) throw this.closedError()
    if (this.readOnly) throw new ClaimdeskError('read-only', `${this.path} is open read-only`)
  }

  apply(ops: CaseOp[]): Promise<void> {
    try {
      this.assertWritable()
      const checked = validateOps(ops)
      if (checked.length === 0) return Promise.resolve()
      return new Promise((resolve, reject) => {
        this.pending.push({ ops: checked, resolve, reject })
        if (this.pending.length === 1) void this.serial(() => this.commitPending())
      })
    } catch (err) {
      return Promise.reject(err)
    }
  }

  private async commitPending(): Promise<void> {
    const batch = this.pending.splice(0)
    if (this.savedAs) {
      for (const p of batch) p.reject(this.closedError())
      return
    }
    const at = new Date().toISOString()
    const entries: JournalEntry[] = batch.map((p, i) => ({ seq: this.seq + i + 1, at, ops: p.ops }))
    try {
      this.journal ??= await JournalWriter.create(this.io, this.paths.journal, this.caseState.id)
      await this.journal.append(entries)
    } catch (err) {
      const error = ioError(err, `cannot write ${this.paths.journal}`, 'this change was not saved')
      for (const p of batch) p.reject(error)
      return
    }
    this.seq += entries.length
    for (const entry of entries) this.caseState.apply(entry.ops, entry.at)
    phase('applied')
    for (const p of batch) p.resolve()
    this.scheduleCheckpoint()
  }

  private scheduleCheckpoint(delay = this.checkpointDelayMs): void {
    if (this.timer || this.closing) return
    const due = (this.journal?.bytes ?? 0) > JOURNAL_CHECKPOINT_BYTES ? 0 : delay
    this.timer = setTimeout(() => {
      this.timer = null
      this.checkpoint().then(
        () => {
          this.failures = 0
        },
        (err: unknown) => {
          // Nothing is lost (the journal holds every change): say so, and try again later.
          this.failures++
          this.emit({ kind: 'save-failed', message: (err as Error).message })
          this.scheduleCheckpoint(Math.min(this.checkpointDelayMs * 2 ** this.failures, MAX_RETRY_MS))
        }
      )
    }, due)
    this.timer.unref()
  }

  checkpoint(): Promise<void> {
    if (this.readOnly) return Promise.resolve()
    return this.checkpointAll()
  }

  /** Checkpoints until the case file holds every change acknowledged before the call. */
  private async checkpointAll(): Promise<void> {
    await this.serial(async () => undefined)
    const target = this.seq
    while (this.migrated || this.savedSeq < target) {
      this.running ??= this.checkpointOnce().finally(() => {
        this.running = null
      })
      await this.running
    }
  }

  private async checkpointOnce(): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const snapshot = await this.serial(async (): Promise<Snapshot> => ({
      data: this.caseState.toData(),
      seq: this.seq,
      journal: this.journal,
      cut: this.journal?.bytes ?? 0
    }))
    try {
      await backupIfDue(this.io, this.paths, this.migrated ? 'migrated' : this.checkpoints === 0 ? 'first' : 'later')
      phase('checkpoint')
      this.db.data = snapshot.data
      await this.db.write()
    } catch (err) {
      await this.conflictLock?.release()
      this.conflictLock = null
      throw ioError(
        err,
        `cannot save ${this.path}`,
        this.migrated
          ? 'it is in an older case format and was left as it was: open it read-only, or make room and open it again'
          : 'the changes are kept in its journal'
      )
    }
    this.checkpoints++
    this.savedSeq = Math.max(this.savedSeq, snapshot.seq)
    this.migrated = false
    phase('journal-rewrite')
    await this.serial(async () => {
      if (this.adapter.file !== this.paths.file) await this.moveTo(this.adapter.file)
      const journal = this.journal
      if (journal) {
        const cut = journal === snapshot.journal ? snapshot.cut : 0
        const moving = journal.file !== this.paths.journal
        // Nothing came in meanwhile: empty it (one truncate). Lines came in: they must stay, and the
        // lines before them replay harmlessly, so the journal is rewritten without those only once
        // it is large (a copy and three fsyncs that applies would wait for).
        if (moving || cut === journal.bytes || journal.bytes > JOURNAL_COMPACT_BYTES) {
          // A failure to shorten it loses nothing; one to move it with the session must be retried.
          await journal.rewrite(cut, this.paths.journal).catch((err: unknown) => {
            if (moving) throw ioError(err, `cannot move ${journal.file} to ${this.paths.journal}`)
          })
        }
      }
      for (const lock of this.leftLocks.splice(0)) await lock.release()
    })
  }

  /**
   * The case file was replaced on disk: names the conflict copy ours goes to, locks it and gives it
   * our originals. Called by the adapter with our version written and synced, before it is moved
   * into place.
   */
  private async prepareConflictCopy(theirs: string): Promise<string> {
    const ours = await conflictCopyPath(theirs, new Date(), async (path) => {
      const p = casePaths(path)
      for (const sibling of [p.file, p.journal, p.lock]) if (await exists(this.io, sibling)) return true
      return false
    })
    const target = casePaths(ours)
    this.conflictLock = await CaseLock.acquire(this.io, target.lock, target.file)
    await copyOriginals(this.io, this.paths.originals, target.originals)
    return ours
  }

  /** Moves the session to the conflict copy the adapter wrote (must run in `serial`). */
  private async moveTo(ours: string): Promise<void> {
    const theirs = this.paths.file
    const from = this.paths
    this.paths = casePaths(ours)
    if (this.lock) this.leftLocks.push(this.lock)
    this.lock = this.conflictLock
    this.conflictLock = null
    // Originals kept after the copy was given ours (an import running meanwhile).
    await copyOriginals(this.io, from.originals, this.paths.originals)
    this.emit({ kind: 'diverged', theirs, ours })
  }

  async putOriginal(sha256: string, bytes: Uint8Array): Promise<void> {
    this.assertWritable()
    const folder = this.paths.originals
    phase('original')
    await putOriginal(this.io, folder, sha256, bytes)
    // The session moved to a conflict copy meanwhile: the copy needs it too.
    if (this.paths.originals !== folder) await copyOriginals(this.io, folder, this.paths.originals)
  }

  getOriginal(sha256: string): Promise<Uint8Array | null> {
    return getOriginal(this.io, this.paths.originals, sha256)
  }

  async saveAs(file: string): Promise<CaseStore> {
    if (this.closing || this.savedAs) throw this.closedError()
    const target = casePaths(file)
    if (target.file === this.paths.file) {
      this.assertWritable()
      await this.checkpoint()
      return this
    }
    const lock = await CaseLock.acquire(this.io, target.lock, target.file)
    try {
      if (!this.readOnly) await this.checkpointAll()
      await this.serial(async () => {
        // A journal left at the target by an earlier case there must not be replayed over this one.
        await this.io.rm(target.journal, { force: true })
        await writeCaseDurable(this.io, target.file, this.caseState.toData())
        await copyOriginals(this.io, this.paths.originals, target.originals)
        this.savedAs = target.file
      })
    } catch (err) {
      await lock.release()
      throw ioError(err, `cannot save ${target.file}`)
    }
    try {
      await this.close()
    } catch (err) {
      await lock.release()
      throw err
    }
    return CaseStoreImpl.open(target.file, { checkpointDelayMs: this.checkpointDelayMs, fs: this.io }, lock)
  }

  async close(): Promise<void> {
    if (this.closing) return
    // New changes are refused from here on; those already asked for are written first.
    this.closing = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    if (this.readOnly) return
    try {
      await this.checkpointAll()
      phase('close')
      await this.serial(async () => {
        await this.journal?.remove()
        this.journal = null
      })
    } finally {
      await this.journal?.close().catch(() => undefined)
      this.journal = null
      for (const lock of [...this.leftLocks.splice(0), this.lock, this.conflictLock]) await lock?.release()
      phase('closed')
    }
  }
}

export function openCaseStore(file: string, options?: OpenStoreOptions): Promise<CaseStore> {
  return CaseStoreImpl.open(file, options)
}

/** A case file its permissions let us read but not write is opened read-only by asking, never replaced. */
async function checkWritable(io: StoreFs, file: string): Promise<void> {
  const denied = await io.access(file, constants.W_OK).then(
    () => null,
    (err: unknown) => errnoCode(err)
  )
  if (denied === 'EACCES' || denied === 'EPERM')
    throw new ClaimdeskError(
      'read-only',
      `${file} may be read but not written (its permissions): open it read-only, or make it writable`,
      { file }
    )
}
