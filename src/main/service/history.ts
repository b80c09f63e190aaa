// Undo and redo for every change to the open case. Each change is recorded as its ops and their
// inverse (the items it touched as they were before), so undoing puts those items back and redoing
// applies the ops again. History is linear and belongs to the open case: it starts empty when a case
// is opened and is dropped when it is closed.
import type { HistoryState } from '../../shared/api'
import type { CollectionName, Id } from '../../shared/model'
import type { CaseState } from '../case/case-state'
import type { CaseOp } from '../case/types'

export interface HistoryEntry {
  label: string
  ops: CaseOp[]
  inverse: CaseOp[]
  /** Changes with the same key close together (typing in a briefing field) are one entry. */
  key?: string
  at: number
}

/** How long after one change another with the same key still joins it. */
const COALESCE_MS = 4000
const MAX_ENTRIES = 500

/** The ops that put back every item `ops` will touch, as it is in `state` now. */
export function inverseOf(state: CaseState, ops: readonly CaseOp[]): CaseOp[] {
  const seen = new Set<string>()
  const inverse: CaseOp[] = []
  let title: string | null = null
  for (const op of ops) {
    if (op.op === 'meta') {
      title ??= state.title
      continue
    }
    const id = op.op === 'put' ? op.item.id : op.id
    const key = `${op.collection}:${id}`
    if (seen.has(key)) continue
    seen.add(key)
    inverse.push(restoreOp(state, op.collection, id))
  }
  if (title !== null) inverse.push({ op: 'meta', title })
  return inverse.reverse()
}

function restoreOp(state: CaseState, collection: CollectionName, id: Id): CaseOp {
  const before = (state[collection] as Map<Id, unknown>).get(id)
  return before === undefined ? { op: 'remove', collection, id } : ({ op: 'put', collection, item: before } as CaseOp)
}

export class History {
  private undoStack: HistoryEntry[] = []
  private redoStack: HistoryEntry[] = []

  record(entry: HistoryEntry): void {
    this.redoStack = []
    const top = this.undoStack.at(-1)
    if (entry.key && top?.key === entry.key && entry.at - top.at < COALESCE_MS) {
      // One entry for the run: undo goes back to before its first change, redo to after its last.
      this.undoStack[this.undoStack.length - 1] = { ...top, ops: [...top.ops, ...entry.ops], at: entry.at }
      return
    }
    this.undoStack.push(entry)
    if (this.undoStack.length > MAX_ENTRIES) this.undoStack.shift()
  }

  state(): HistoryState {
    return { undo: this.undoStack.at(-1)?.label ?? null, redo: this.redoStack.at(-1)?.label ?? null }
  }

  /** The entry Undo would revert, without taking it (the store may still refuse the write). */
  peekUndo(): HistoryEntry | undefined {
    return this.undoStack.at(-1)
  }

  peekRedo(): HistoryEntry | undefined {
    return this.redoStack.at(-1)
  }

  /** After its inverse was applied. */
  undone(): void {
    const entry = this.undoStack.pop()
    if (entry) this.redoStack.push({ ...entry, key: undefined })
  }

  /** After its ops were applied again. */
  redone(): void {
    const entry = this.redoStack.pop()
    if (entry) this.undoStack.push(entry)
  }

  save(): { undo: HistoryEntry[]; redo: HistoryEntry[] } {
    return { undo: this.undoStack, redo: this.redoStack }
  }

  restore(saved: { undo: HistoryEntry[]; redo: HistoryEntry[] }): void {
    this.undoStack = saved.undo
    this.redoStack = saved.redo
  }

  clear(): void {
    this.undoStack = []
    this.redoStack = []
  }
}
