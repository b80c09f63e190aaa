// The case as a whole: opening, creating, saving as, backups, its title, undo and redo, events.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import type { ApiHandlers, CaseOverview } from '../../shared/api'
import { ClaimdeskError, notFound } from '../../shared/errors'
import { checkBackup, emptyCase, listBackups, openCaseStore, restoreBackup } from '../case'
import type { RecentList } from '../recent'
import { CASE_EXTENSION, caseName, type Session } from './session'
import { overview } from './views'

/** Adds the case extension a user left off. */
export function casePath(path: string): string {
  const full = resolve(path)
  return full.endsWith(CASE_EXTENSION) ? full : full + CASE_EXTENSION
}

type CaseHandlers = Pick<
  ApiHandlers,
  | 'currentCase'
  | 'newCase'
  | 'openCase'
  | 'saveCaseAs'
  | 'recentCases'
  | 'listBackups'
  | 'restoreBackup'
  | 'setCaseTitle'
  | 'caseEvents'
  | 'undo'
  | 'redo'
>

export interface OpenFlags {
  readOnly?: boolean
  recoverJournal?: boolean
  breakLock?: boolean
}

export class Cases {
  constructor(
    private readonly session: Session,
    private readonly recent: RecentList
  ) {
    // The session moved to a conflict copy: that is the case the analyst will look for next time.
    session.onMoved = () => void this.remember().catch(() => undefined)
  }

  overview(): CaseOverview {
    return overview(this.session.state, this.session.info(), this.session.historyState(), this.session.revision)
  }

  /** Opens `target` and makes it the open case; must run inside session.run. */
  async openNow(target: string, flags: OpenFlags = {}): Promise<CaseOverview> {
    if (!existsSync(target)) throw notFound(`${target}: no such case file`)
    const readOnly = flags.readOnly ?? false
    const current = this.session.current
    if (current?.path === target) {
      if (current.readOnly === readOnly) return this.overview()
      await this.session.closeNow() // the same file in the other mode: let go of our own lock first
    }
    const store = await openCaseStore(target, {
      readOnly,
      recoverJournal: flags.recoverJournal ?? false,
      breakLock: flags.breakLock ?? false
    }).catch((err: unknown) => {
      // The UI needs the path to offer "open read-only" or "restore a backup".
      if (err instanceof ClaimdeskError)
        throw new ClaimdeskError(err.code, err.message, { ...err.details, path: target })
      throw err
    })
    await this.session.adopt(store)
    await this.remember()
    return this.overview()
  }

  /** Creates an empty case at `target` and opens it; must run inside session.run. */
  async createNow(target: string): Promise<CaseOverview> {
    if (existsSync(target))
      throw new ClaimdeskError('conflict', `${target} already exists: open it, or choose another name`)
    const store = await openCaseStore(target, { createWith: emptyCase(caseName(target)) })
    await this.session.adopt(store)
    await this.remember()
    return this.overview()
  }

  private async remember(): Promise<void> {
    const store = this.session.open()
    await this.recent.add({
      path: store.path,
      name: caseName(store.path),
      title: store.state.title,
      openedAt: this.session.stamp()
    })
  }

  handlers(): CaseHandlers {
    const s = this.session
    return {
      currentCase: async () => this.overview(),
      newCase: (path) => s.run(() => this.createNow(casePath(path))),
      openCase: (path, options) => s.run(() => this.openNow(casePath(path), options)),
      saveCaseAs: (path) =>
        s.run(async () => {
          const target = casePath(path)
          const store = s.open()
          if (target === store.path) return this.overview()
          if (existsSync(target)) throw new ClaimdeskError('conflict', `${target} already exists: choose another name`)
          await s.adopt(await store.saveAs(target), true)
          await this.remember()
          return this.overview()
        }),
      recentCases: () => this.recent.list(),
      listBackups: (path) => listBackups(casePath(path)),
      restoreBackup: (path, backupFile) =>
        s.run(async () => {
          const target = casePath(path)
          // Check before letting go of the open case: a wrong name or a bad backup must not close it.
          await checkBackup(target, backupFile)
          if (s.current?.path === target) await s.closeNow()
          await restoreBackup(target, backupFile)
          return this.openNow(target)
        }),
      setCaseTitle: async (title) => {
        const changed = await s.commit(() => ({
          ops: [{ op: 'meta', title }],
          value: null,
          label: `case title “${title}”`
        }))
        return { value: s.info(), changes: changed.changes }
      },
      caseEvents: (after, waitMs) => s.events.since(after, waitMs),
      undo: () => s.step('undo'),
      redo: () => s.step('redo')
    }
  }
}
