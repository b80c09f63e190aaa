// Errors and toasts shown to the user: one clear line each, never a stack.
import type { ClaimdeskError } from '../../../shared/errors'

export interface NoticeAction {
  label: string
  run: () => unknown
}

export interface Notice {
  id: number
  kind: 'error' | 'info'
  message: string
  actions: NoticeAction[]
}

let nextId = 1
/** Toasts shown at once; an older one gives way (its action stays in the menus and Undo). */
const MAX_TOASTS = 3

export class Notices {
  errors = $state<Notice[]>([])
  toasts = $state<Notice[]>([])

  error(err: ClaimdeskError, actions: NoticeAction[] = []): void {
    // The same message twice in a row is shown once.
    this.errors = [
      ...this.errors.filter((n) => n.message !== err.message),
      { id: nextId++, kind: 'error', message: err.message, actions }
    ]
  }

  toast(message: string, actions: NoticeAction[] = [], ms = 6000): number {
    const id = nextId++
    this.toasts = [...this.toasts, { id, kind: 'info' as const, message, actions }].slice(-MAX_TOASTS)
    if (ms > 0) setTimeout(() => this.dismiss(id), ms)
    return id
  }

  dismiss(id: number): void {
    this.errors = this.errors.filter((n) => n.id !== id)
    this.toasts = this.toasts.filter((n) => n.id !== id)
  }
}
