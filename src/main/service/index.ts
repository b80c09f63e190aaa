// ClaimdeskApi implemented: the session (open case, undo history, events) and the handlers for each
// part of the contract. Arguments arrive checked by the contract's gate (dispatch.ts); the rules in
// src/main/rules decide what a change does; this layer reads files, runs the slow work outside the
// change queue, and commits.
import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { ApiHandlers, CaseOverview } from '../../shared/api'
import { ClaimdeskError } from '../../shared/errors'
import type { PdfPrinter } from '../export'
import { RecentList } from '../recent'
import { anchorHandlers } from './anchors'
import { Cases, casePath } from './cases'
import { Documents } from './documents'
import { analysisHandlers, defaultSuggester, type Suggester } from './analysis'
import { rememberedSuggestions } from './remembered-suggestions'
import { registryHandlers } from './registry'
import { Session } from './session'

export { casePath } from './cases'
export { CASE_EXTENSION } from './session'

export interface ServiceOptions {
  /** Where recent.json lives (the app's user-data folder). */
  userDataDir: string
  /** Electron's printToPDF in the app; Chromium elsewhere. */
  printPdf?: PdfPrinter
  /** Works out suggested claims (the worker thread by default). */
  suggest?: Suggester
  now?: () => Date
}

export class ClaimdeskService {
  /** The contract's methods; reach them through `gate()` or a door, which check arguments first. */
  readonly handlers: ApiHandlers
  private readonly session: Session
  private readonly cases: Cases
  private readonly documents: Documents

  constructor(options: ServiceOptions) {
    this.session = new Session(options.now ?? (() => new Date()))
    this.cases = new Cases(this.session, new RecentList(options.userDataDir))
    this.documents = new Documents(this.session)
    this.handlers = {
      ...this.cases.handlers(),
      ...this.documents.handlers(),
      ...registryHandlers(this.session, options.printPdf),
      ...analysisHandlers(this.session, options.suggest ?? rememberedSuggestions(defaultSuggester)),
      ...anchorHandlers(this.session)
    }
  }

  /**
   * Opens the case a session starts with, creating it (and its folder) and filling it when new. A
   * case that cannot be opened (corrupt, locked) is not fatal: the error waits for the UI, which
   * offers a backup or a read-only open. The filling is not an undoable change.
   */
  async openAtStart(path: string, fill?: () => Promise<void>): Promise<CaseOverview | null> {
    try {
      return await this.openOrCreate(path, fill)
    } catch (err) {
      if (!(err instanceof ClaimdeskError)) throw err
      this.session.startupError = err
      return null
    }
  }

  /** Opens `path`, creating it with `fill` when it does not exist yet. */
  async openOrCreate(path: string, fill: () => Promise<void> | void = () => {}): Promise<CaseOverview> {
    const target = casePath(path)
    const created = await this.session.run(async () => {
      if (existsSync(target)) {
        await this.cases.openNow(target)
        return false
      }
      await mkdir(dirname(target), { recursive: true })
      await this.cases.createNow(target)
      return true
    })
    if (created) {
      await fill()
      this.session.history.clear()
    }
    return this.cases.overview()
  }

  /** Closes the case once the changes already asked for are written (an import running now is stopped). */
  async close(): Promise<void> {
    this.documents.cancel()
    await this.session.settle()
    await this.session.run(() => this.session.closeNow())
  }
}
