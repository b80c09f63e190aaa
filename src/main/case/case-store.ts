// An open case: a lowdb `Low` over the durable case-file adapter, plus a write-ahead journal.
//
// apply() validates the ops, appends them to the journal and fdatasyncs it (one small write,
// ~1 ms), then applies them to memory and resolves. Rewriting the whole case file per change would
// cost 40-80 ms on a large case; instead a checkpoint (lowdb write: temp file, fsync, rename, folder
// fsync) folds the journal into the case file a few seconds after a change, and on close, after
// which the journal is deleted: a closed case is one self-contained file. After a crash, open
// replays the journal and checkpoints.
//
// Applies, checkpoints and saveAs run one at a time through `serial`, so the journal holds changes
// in apply order. Applies that arrive while one is being written are committed together with one
// fdatasync (group commit).
import { promises as fs } from 'node:fs'
import { dirname } from 'node:path'
import { Low } from 'lowdb'
import { caseSchema, describeIssues } from '../../shared/case-schema'
import { ClaimdeskError, invalid, notFound } from '../../shared/errors'
import type { CaseData } from '../../shared/model'
import { backupIfDue, listBackups } from './backups'
import { encodeCase } from './case-codec'
import { fsyncDir, removeLeftoverTemps, writeFileDurable } from './durable-file'
import { JournalWriter, readJournal, type JournalEntry } from './journal'
import { CaseFileAdapter } from './json-adapter'
import { CaseLock } from './lock'
import { CaseState } from './case-state'
import { validateOps } from './ops'
import { copyOriginals, getOriginal, putOriginal } from './originals'
import { casePaths, type CasePaths } from './paths'
import type { CaseOp, CaseStore, OpenStoreOptions } from './types'

const DEFAULT_CHECKPOINT_DELAY_MS = 3000
/** A journal this large is folded in at once rather than after the delay. */
const JOURNAL_CHECKPOINT_BYTES = 16 * 1024 * 1024

interface Pending {
  ops: CaseOp[]
  resolve: () => void
  reject: (err: unknown) => void
}

function asIo(err: unknown, what: string): ClaimdeskError {
  if (err instanceof ClaimdeskError) return err
  return new ClaimdeskError('io', `${what}: ${(err as Error).message}`)
}

function checkNewCase(data: CaseData, file: string): CaseData {
  const parsed = caseSchema.safeParse(data)
  if (!parsed.success) throw invalid(`the new case ${file} is not valid: ${describeIssues(parsed.error)}`)
  return parsed.data
}

async function removeDurably(file: string): Promise<void> {
  await fs.rm(file, { force: true })
  await fsyncDir(dirname(file))
}

export class CaseStoreImpl implements CaseStore {
  private journal: JournalWriter | null = null
  private pending: Pending[] = []
  private tail: Promise<unknown> = Promise.resolve()
  /** The journal holds changes the case file does not (or the file needs migrating). */
  private dirty = false
  private seq = 0
  private checkpoints = 0
  private timer: NodeJS.Timeout | null = null
  private closing = false
  /** Set by saveAs once the copy is written: later changes must not go to this file. */
  private savedAs: string | null = null

  private constructor(
    private readonly paths: CasePaths,
    private readonly db: Low<CaseData>,
    readonly readOnly: boolean,
    readonly recovered: number,
    private readonly lock: CaseLock | null,
    private readonly checkpointDelayMs: number,
    private readonly caseState: CaseState
  ) {}

  get path(): string {
    return this.paths.file
  }

  get state(): CaseState {
    return this.caseState
  }

  static async open(file: string, options: OpenStoreOptions = {}, heldLock?: CaseLock): Promise<CaseStoreImpl> {
    const paths = casePaths(file)
    const readOnly = options.readOnly ?? false
    const lock = readOnly ? null : (heldLock ?? (await CaseLock.acquire(paths.lock, paths.file)))
    try {
      return await CaseStoreImpl.load(paths, readOnly, lock, options)
    } catch (err) {
      await lock?.release()
      if (err instanceof ClaimdeskError && err.code === 'corrupt') {
        const backups = await listBackups(paths.file).catch(() => [])
        throw new ClaimdeskError('corrupt', err.message, { ...err.details, file: paths.file, backups })
      }
      throw err
    }
  }

  private static async load(
    paths: CasePaths,
    readOnly: boolean,
    lock: CaseLock | null,
    options: OpenStoreOptions
  ): Promise<CaseStoreImpl> {
    const adapter = new CaseFileAdapter(paths.file)
    const absent = {} as CaseData
    const db = new Low<CaseData>(adapter, absent)
    await db.read()
    let created = false
    if (db.data === absent) {
      if (!options.createWith || readOnly) throw notFound(`${paths.file} does not exist`)
      db.data = checkNewCase(options.createWith, paths.file)
      created = true
    }

    if (created && (await fs.stat(paths.journal).catch(() => null))) {
      throw new ClaimdeskError(
        'conflict',
        `${paths.journal} holds changes to an earlier case at this path; move it away to create a new case here`
      )
    }
    const journal = await readJournal(paths.journal, db.data.id)
    const state = new CaseState(db.data)
    for (const entry of journal.entries) state.apply(entry.ops, entry.at)

    const store = new CaseStoreImpl(
      paths,
      db,
      readOnly,
      journal.entries.length,
      lock,
      options.checkpointDelayMs ?? DEFAULT_CHECKPOINT_DELAY_MS,
      state
    )
    store.seq = journal.entries.reduce((max, e) => Math.max(max, e.seq), 0)
    if (readOnly) return store
    await removeLeftoverTemps(paths.file)
    if (created) await db.write().catch((err: unknown) => Promise.reject(asIo(err, `cannot create ${paths.file}`)))
    store.dirty = journal.entries.length > 0 || adapter.migratedFrom !== null
    await store.checkpointNow()
    if (journal.exists) await removeDurably(paths.journal)
    return store
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
      this.journal ??= await JournalWriter.create(this.paths.journal, this.caseState.id)
      await this.journal.append(entries)
    } catch (err) {
      const error = asIo(err, `cannot write ${this.paths.journal}`)
      for (const p of batch) p.reject(error)
      return
    }
    this.seq += entries.length
    for (const entry of entries) this.caseState.apply(entry.ops, entry.at)
    this.dirty = true
    for (const p of batch) p.resolve()
    this.scheduleCheckpoint()
  }

  private scheduleCheckpoint(): void {
    if (this.timer) return
    const delay = (this.journal?.bytes ?? 0) > JOURNAL_CHECKPOINT_BYTES ? 0 : this.checkpointDelayMs
    this.timer = setTimeout(() => {
      this.timer = null
      // A failed timed checkpoint loses nothing (the journal holds every change); the next one
      // retries, and close() reports a failure that persists.
      this.checkpoint().catch(() => undefined)
    }, delay)
    this.timer.unref()
  }

  checkpoint(): Promise<void> {
    if (this.readOnly) return Promise.resolve()
    return this.serial(() => this.checkpointNow())
  }

  /** Must run inside `serial` (or before the store is shared). */
  private async checkpointNow(): Promise<void> {
    if (!this.dirty) return
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    try {
      await backupIfDue(this.paths, this.checkpoints === 0)
      this.db.data = this.caseState.toData()
      await this.db.write()
      this.checkpoints++
      await this.journal?.reset()
    } catch (err) {
      throw asIo(err, `cannot save ${this.path}`)
    }
    this.dirty = false
  }

  async putOriginal(sha256: string, bytes: Uint8Array): Promise<void> {
    this.assertWritable()
    await putOriginal(this.paths.originals, sha256, bytes)
  }

  getOriginal(sha256: string): Promise<Uint8Array | null> {
    return getOriginal(this.paths.originals, sha256)
  }

  async saveAs(file: string): Promise<CaseStore> {
    if (this.closing || this.savedAs) throw this.closedError()
    const target = casePaths(file)
    if (target.file === this.paths.file) {
      this.assertWritable()
      await this.checkpoint()
      return this
    }
    const lock = await CaseLock.acquire(target.lock, target.file)
    try {
      await this.serial(async () => {
        if (!this.readOnly) await this.checkpointNow()
        // A journal left at the target by an earlier case there must not be replayed over this one.
        await fs.rm(target.journal, { force: true })
        await writeFileDurable(target.file, encodeCase(this.caseState.toData()))
        await copyOriginals(this.paths.originals, target.originals)
        this.savedAs = target.file
      })
    } catch (err) {
      await lock.release()
      throw asIo(err, `cannot save ${target.file}`)
    }
    try {
      await this.close()
    } catch (err) {
      await lock.release()
      throw err
    }
    return CaseStoreImpl.open(target.file, { checkpointDelayMs: this.checkpointDelayMs }, lock)
  }

  async close(): Promise<void> {
    if (this.closing) return
    this.closing = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    if (this.readOnly) return
    try {
      await this.serial(async () => {
        await this.checkpointNow()
        await this.journal?.remove()
        this.journal = null
      })
    } finally {
      await this.journal?.close().catch(() => undefined)
      await this.lock?.release()
    }
  }
}

export function openCaseStore(file: string, options?: OpenStoreOptions): Promise<CaseStore> {
  return CaseStoreImpl.open(file, options)
}
