// The open case of a service: its store, its undo history, its events, and the one path every change
// takes (commit): run the rule on the current state, make the ops durable, record them for Undo,
// and describe what changed. Changes and case switches run one at a time (Serial).
import { randomUUID } from 'node:crypto'
import { basename } from 'node:path'
import type { CaseChanges, CaseInfo, Changed, HistoryState } from '../../shared/api'
import { ClaimdeskError } from '../../shared/errors'
import type { CaseState } from '../case/case-state'
import type { CaseOp, CaseStore, StoreEvent } from '../case/types'
import type { Outcome, RuleContext } from '../rules/outcome'
import { EventLog } from './events'
import { History, inverseOf } from './history'
import { Serial } from './serial'
import { Touched } from './views'

export const CASE_EXTENSION = '.claimdesk.json'

export function caseName(path: string): string {
  return basename(path).slice(0, -CASE_EXTENSION.length) || basename(path)
}

export interface CommitOptions {
  /** Changes with the same key in quick succession are one Undo step (typing in a field). */
  coalesce?: string
  /** The case the change was prepared for (a file read and parsed first): refused if another is open now. */
  store?: CaseStore
}

/** The most items a change event carries; see Session.told. */
const TOLD_ITEMS = 2_000

export class Session {
  private store: CaseStore | null = null
  private stopListening: (() => void) | null = null
  /** Why the case the app starts with could not be opened; the UI asks for it via currentCase. */
  startupError: ClaimdeskError | null = null
  readonly history = new History()
  readonly events = new EventLog()
  /** Grows with every change to the open case; the UI keeps the newest version of what it shows. */
  revision = 0
  private readonly serial = new Serial()
  /** Changes being prepared outside the queue (files read and parsed); closing waits for them. */
  private readonly preparing = new Set<Promise<unknown>>()

  constructor(private readonly clock: () => Date) {}

  /** Runs work that prepares a change outside the queue, so that closing the case waits for it. */
  prepare<T>(work: () => Promise<T>): Promise<T> {
    const running = work()
    const settled = running.catch(() => undefined)
    this.preparing.add(settled)
    void settled.then(() => this.preparing.delete(settled))
    return running
  }

  /** Resolves once the changes being prepared now have been committed or given up. */
  async settle(): Promise<void> {
    while (this.preparing.size > 0) await Promise.all(this.preparing)
  }

  /** Runs a task after every change and case switch asked for before it. */
  run<T>(task: () => Promise<T> | T): Promise<T> {
    return this.serial.run(task)
  }

  get current(): CaseStore | null {
    return this.store
  }

  open(): CaseStore {
    if (!this.store)
      throw this.startupError ?? new ClaimdeskError('no-case', 'no case is open: create or open one first')
    return this.store
  }

  writable(): CaseStore {
    const store = this.open()
    if (store.readOnly) {
      throw new ClaimdeskError('read-only', `${basename(store.path)} is open read-only: changes are not allowed`)
    }
    return store
  }

  get state(): CaseState {
    return this.open().state
  }

  stamp(): string {
    return this.clock().toISOString()
  }

  context(): RuleContext {
    return { now: this.stamp(), newId: randomUUID }
  }

  info(): CaseInfo {
    const store = this.open()
    return {
      path: store.path,
      name: caseName(store.path),
      title: store.state.title,
      readOnly: store.readOnly,
      recovered: store.recovered,
      tornBytes: store.openReport.tornBytes,
      brokenReferences: store.openReport.brokenReferences
    }
  }

  historyState(): HistoryState {
    return this.history.state()
  }

  /**
   * Makes `store` the open case (closing the one before); must run inside `run`. The undo history
   * starts afresh unless the new store holds the same case (Save as).
   */
  async adopt(store: CaseStore, sameCase = false): Promise<void> {
    const kept = sameCase ? this.history.save() : null
    try {
      await this.closeNow()
    } catch (err) {
      await store.close().catch(() => undefined)
      throw err
    }
    this.store = store
    this.startupError = null
    if (kept) this.history.restore(kept)
    this.stopListening = store.onEvent((e) => this.onStoreEvent(e))
    this.revision++
    this.events.push('switched', '', { path: store.path, revision: this.revision })
  }

  /** Told of what happened to the open case outside any call; the UI fetches it (caseEvents). */
  onMoved: (path: string) => void = () => {}

  private onStoreEvent(e: StoreEvent): void {
    if (e.kind === 'save-failed') {
      this.events.push(
        'save-failed',
        `${basename(this.open().path)} could not be saved just now (${e.message}); nothing is lost: every change is in its journal, and saving will be tried again.`
      )
      return
    }
    if (e.kind === 'recreated') {
      this.events.push(
        'recreated',
        `${e.file} was deleted or moved away while open, so Claimdesk wrote it again there with all your work. If you moved it on purpose, the copy at its new place lacks the changes made since: open this one, or Save as over it.`,
        { file: e.file }
      )
      return
    }
    this.events.push(
      'diverged',
      `${e.theirs} was replaced on disk by another program while open. Their version is kept there, untouched; your work was saved as ${e.ours} and goes on there.`,
      { theirs: e.theirs, ours: e.ours }
    )
    this.onMoved(e.ours)
  }

  /** Closes the open case, if any, once its changes are written; must run inside `run`. */
  async closeNow(): Promise<void> {
    const store = this.store
    this.store = null
    this.stopListening?.()
    this.stopListening = null
    this.history.clear()
    await store?.close()
  }

  /** Applies a rule's outcome to the open case: the one way the case changes. */
  commit<T>(
    rule: (state: CaseState, ctx: RuleContext) => Outcome<T>,
    options: CommitOptions = {}
  ): Promise<Changed<T>> {
    return this.run(async () => {
      const store = this.writable()
      if (options.store && options.store !== store) {
        throw new ClaimdeskError('conflict', 'the case was closed or another opened before this change could be saved')
      }
      const outcome = rule(store.state, this.context())
      const changes = await this.applyNow(store, outcome.ops)
      if (outcome.ops.length > 0) {
        this.history.record({
          label: outcome.label,
          ops: outcome.ops,
          inverse: changes.inverse,
          key: options.coalesce,
          at: this.clock().getTime()
        })
      }
      return { value: outcome.value, changes: this.told(outcome.ops, changes.describe()) }
    })
  }

  /** Reverts the last change (or applies again the last undone one). */
  step(direction: 'undo' | 'redo'): Promise<Changed<string | null>> {
    return this.run(async () => {
      const store = this.writable()
      const entry = direction === 'undo' ? this.history.peekUndo() : this.history.peekRedo()
      if (!entry) return { value: null, changes: this.unchanged() }
      const ops = direction === 'undo' ? entry.inverse : entry.ops
      const applied = await this.applyNow(store, ops)
      if (direction === 'undo') this.history.undone()
      else this.history.redone()
      return { value: entry.label, changes: this.told(ops, applied.describe()) }
    })
  }

  private async applyNow(store: CaseStore, ops: CaseOp[]) {
    const touched = new Touched().note(store.state, ops)
    const inverse = inverseOf(store.state, ops)
    if (ops.length > 0) {
      await store.apply(ops)
      this.revision++
    }
    touched.note(store.state, ops)
    return { inverse, describe: (): CaseChanges => touched.describe(store.state, this.revision, this.history.state()) }
  }

  /**
   * Every window hears of a change, not only the one whose call made it (caseEvents). A change of
   * thousands of items is told without them (windows read the case again), so the kept events stay small.
   */
  private told(ops: readonly CaseOp[], changes: CaseChanges): CaseChanges {
    if (ops.length === 0) return changes
    if (ops.length > TOLD_ITEMS) this.events.push('changed', '', { revision: changes.revision })
    else this.events.push('changed', '', undefined, changes)
    return changes
  }

  /** A reply for a call that changed nothing. */
  unchanged(): CaseChanges {
    return { revision: this.revision, claimCount: this.state.claims.size, history: this.history.state() }
  }
}
