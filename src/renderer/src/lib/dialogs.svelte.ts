// In-app prompts that resolve a promise: the browser-mode case path dialog and confirmations.

export type PathMode = 'open' | 'new' | 'save'

interface Pending<T> {
  resolve: (value: T) => void
}

export interface PathPrompt extends Pending<string | null> {
  mode: PathMode
}

export interface ConfirmPrompt extends Pending<boolean> {
  title: string
  message: string
  confirmLabel: string
  danger: boolean
}

export class Dialogs {
  path = $state<PathPrompt | null>(null)
  confirm = $state<ConfirmPrompt | null>(null)

  askPath(mode: PathMode): Promise<string | null> {
    this.path?.resolve(null)
    return new Promise((resolve) => {
      this.path = {
        mode,
        resolve: (value) => {
          this.path = null
          resolve(value)
        }
      }
    })
  }

  askConfirm(title: string, message: string, confirmLabel = 'OK', danger = false): Promise<boolean> {
    this.confirm?.resolve(false)
    return new Promise((resolve) => {
      this.confirm = {
        title,
        message,
        confirmLabel,
        danger,
        resolve: (value) => {
          this.confirm = null
          resolve(value)
        }
      }
    })
  }
}

export const dialogs = new Dialogs()
