// The open case as the UI sees it: the snapshot, patched locally from each mutation's return
// value (never refetched after an edit), plus the document being read and the focused claim.
import type {
  BriefingInput,
  CaseInfo,
  CaseSnapshot,
  ClaimdeskApi,
  LinkInput,
  ClaimPatch,
  DocumentPatch,
  ExportFormat,
  ExportResult,
  ImportFile,
  ImportResult,
  OpenOptions,
  PasteInput,
  SourceInput,
  SourcePatch
} from '../../../shared/api'
import { ClaimdeskError } from '../../../shared/errors'
import type { Briefing, CaseDocument, Claim, ClaimLink, DocumentSummary, Source } from '../../../shared/model'
import { toClaimdeskError } from './api'
import type { Notices, NoticeAction } from './notices.svelte'
import { assignColours } from './palette'

export type EditorField = 'source' | 'via' | 'tags' | 'note'

export interface SaveState {
  state: 'idle' | 'saving' | 'saved' | 'error'
  message?: string
}

function summaryOf(doc: CaseDocument): DocumentSummary {
  const { text, blocks: _blocks, ...rest } = doc
  return { ...rest, length: text.length, claimCount: 0 }
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name.localeCompare(b.name, undefined, { sensitivity: 'base' })
}

const LAST_DOC_KEY = 'claimdesk-last-document:'

export class CaseStore {
  info = $state.raw<CaseInfo | null>(null)
  documents = $state.raw<DocumentSummary[]>([])
  sources = $state.raw<Source[]>([])
  claims = $state.raw<Claim[]>([])
  links = $state.raw<ClaimLink[]>([])
  briefings = $state.raw<Briefing[]>([])

  /** The document in the reader, with its text. */
  currentDoc = $state.raw<CaseDocument | null>(null)
  loadingDoc = $state(false)
  focusedClaimId = $state<string | null>(null)
  /** Bumped to ask the reader to scroll the focused claim into view. */
  scrollRequest = $state(0)
  /** Bumped with a field name to ask the claim editor to focus that field. */
  editorFocus = $state<{ field: EditorField; seq: number } | null>(null)
  saveState = $state<SaveState>({ state: 'idle' })
  /** The last claim deleted and where it was, for Undo. */
  lastDeleted = $state.raw<{ claim: Claim; index: number } | null>(null)
  /** True while no case could be opened (welcome screen). */
  noCase = $state(false)

  readOnly = $derived(this.info?.readOnly ?? false)
  sourcesById = $derived(new Map(this.sources.map((s) => [s.id, s])))
  sortedSources = $derived([...this.sources].sort(byName))
  colours = $derived(assignColours(this.sources))
  focusedClaim = $derived(this.claims.find((c) => c.id === this.focusedClaimId) ?? null)
  docClaims = $derived(this.currentDoc ? this.claims.filter((c) => c.documentId === this.currentDoc!.id) : [])
  tags = $derived([...new Set(this.claims.flatMap((c) => c.tags))].sort((a, b) => a.localeCompare(b)))
  claimCountByDoc = $derived(countBy(this.claims, (c) => [c.documentId]))
  /** Claims a source asserts. */
  claimCountBySource = $derived(countBy(this.claims, (c) => (c.sourceId ? [c.sourceId] : [])))
  /** Claims a source relays. */
  relayCountBySource = $derived(countBy(this.claims, (c) => c.via))

  private docCache = new Map<string, CaseDocument>()

  constructor(
    readonly api: ClaimdeskApi,
    readonly notices: Notices,
    private storage: Pick<Storage, 'getItem' | 'setItem'> | null = typeof localStorage === 'undefined'
      ? null
      : localStorage
  ) {}

  // ---- errors ---------------------------------------------------------------------------

  /** Runs a call, showing any error to the user; undefined when it failed. */
  async run<T>(call: () => Promise<T>, path?: string): Promise<T | undefined> {
    try {
      return await call()
    } catch (err) {
      this.report(toClaimdeskError(err), path)
      return undefined
    }
  }

  report(err: ClaimdeskError, path?: string): void {
    const named = err.details?.path ?? err.details?.file
    const casePath = typeof named === 'string' ? named : path
    const noBackups = Array.isArray(err.details?.backups) && err.details.backups.length === 0
    const actions: NoticeAction[] = []
    if (err.code === 'corrupt' && casePath && !noBackups) {
      actions.push({ label: 'Open newest good backup', run: () => this.restoreNewestBackup(casePath, err) })
    }
    if (err.code === 'locked' && casePath) {
      actions.push({ label: 'Open read-only', run: () => this.openCase(casePath, { readOnly: true }) })
    }
    this.notices.error(err, actions)
  }

  private async restoreNewestBackup(path: string, err: ClaimdeskError): Promise<void> {
    const listed = Array.isArray(err.details?.backups) ? (err.details.backups as unknown[]) : null
    const backups = listed
      ? listed.map((b) => (typeof b === 'string' ? { file: b, savedAt: '' } : (b as { file: string; savedAt: string })))
      : await this.run(() => this.api.listBackups(path))
    if (!backups) return
    const newest = [...backups].sort((a, b) => b.savedAt.localeCompare(a.savedAt))[0]
    if (!newest) {
      this.notices.error(new ClaimdeskError('not-found', `No good backup of ${path} was found.`))
      return
    }
    const snap = await this.run(() => this.api.restoreBackup(path, newest.file), path)
    if (snap) {
      await this.applySnapshot(snap)
      const when = newest.savedAt ? new Date(newest.savedAt).toLocaleString() : newest.file
      this.notices.toast(
        `Restored ${path} from the backup of ${when}; the damaged file was kept beside it.`,
        [],
        15_000
      )
    }
  }

  // ---- cases ----------------------------------------------------------------------------

  async load(): Promise<void> {
    try {
      await this.applySnapshot(await this.api.currentCase())
    } catch (err) {
      const error = toClaimdeskError(err)
      this.noCase = true
      if (error.code !== 'no-case') this.report(error)
    }
  }

  async applySnapshot(snap: CaseSnapshot, keepView = false): Promise<void> {
    const sameCase = keepView && this.info?.path === snap.info.path
    const keepDoc = sameCase && this.currentDoc && snap.documents.some((d) => d.id === this.currentDoc!.id)
    if (!keepDoc) {
      // Fetch the document to show before touching any state, so the case paints in one pass.
      const last = this.storage?.getItem(LAST_DOC_KEY + snap.info.path)
      const first = snap.documents.find((d) => d.id === last) ?? snap.documents[0]
      this.docCache.clear()
      if (first) await this.run(async () => this.docCache.set(first.id, await this.api.getDocument(first.id)))
    }
    this.info = snap.info
    this.documents = snap.documents
    this.sources = snap.sources
    this.claims = snap.claims
    this.links = snap.links
    this.briefings = snap.briefings
    this.noCase = false
    if (snap.info.recovered > 0) {
      this.notices.toast(
        `Recovered ${snap.info.recovered} unsaved change${snap.info.recovered === 1 ? '' : 's'} after an unclean shutdown.`
      )
    }
    if (keepDoc) return
    this.currentDoc = null
    this.focusedClaimId = null
    const [first] = this.docCache.keys()
    if (first) await this.openDocument(first)
  }

  async openCase(path: string, options?: OpenOptions): Promise<boolean> {
    const snap = await this.run(() => this.api.openCase(path, options), path)
    if (snap) await this.applySnapshot(snap)
    return snap !== undefined
  }

  async newCase(path: string): Promise<boolean> {
    const snap = await this.run(() => this.api.newCase(path), path)
    if (snap) await this.applySnapshot(snap)
    return snap !== undefined
  }

  async saveCaseAs(path: string): Promise<boolean> {
    const snap = await this.run(() => this.api.saveCaseAs(path), path)
    if (snap) await this.applySnapshot(snap, true)
    return snap !== undefined
  }

  async setCaseTitle(title: string): Promise<void> {
    const info = await this.run(() => this.api.setCaseTitle(title))
    if (info) this.info = info
  }

  /** After operations that move many claims at once (merge, reassigning delete). */
  private async refresh(): Promise<void> {
    const snap = await this.run(() => this.api.currentCase())
    if (snap) await this.applySnapshot(snap, true)
  }

  // ---- documents ------------------------------------------------------------------------

  async openDocument(id: string): Promise<void> {
    let doc = this.docCache.get(id)
    if (!doc) {
      this.loadingDoc = true
      doc = await this.run(() => this.api.getDocument(id))
      this.loadingDoc = false
      if (!doc) return
      this.docCache.set(id, doc)
    }
    this.currentDoc = doc
    if (this.info) this.storage?.setItem(LAST_DOC_KEY + this.info.path, id)
    if (this.focusedClaim && this.focusedClaim.documentId !== id) this.focusedClaimId = null
  }

  private addDocument(doc: CaseDocument): void {
    this.docCache.set(doc.id, doc)
    this.documents = [...this.documents.filter((d) => d.id !== doc.id), summaryOf(doc)]
  }

  /**
   * Imports one file and adds the document it made. Errors are thrown, not reported: the import
   * queue shows them beside the file they belong to.
   */
  async importFile(file: ImportFile): Promise<ImportResult> {
    const [result] = await this.api.importFiles([file])
    if (result.status === 'imported' && result.documentId)
      this.addDocument(await this.api.getDocument(result.documentId))
    return result
  }

  /** Decodes a text document again with another encoding and shows the new text. */
  async reimportDocument(id: string, encoding: string): Promise<void> {
    const summary = await this.api.reimportDocument(id, encoding)
    const doc = await this.api.getDocument(id)
    this.docCache.set(id, doc)
    this.documents = this.documents.map((d) => (d.id === id ? summary : d))
    if (this.currentDoc?.id === id) this.currentDoc = doc
  }

  async pasteText(input: PasteInput): Promise<boolean> {
    const summary = await this.run(() => this.api.pasteText(input))
    if (!summary) return false
    this.documents = [...this.documents, summary]
    await this.openDocument(summary.id)
    return true
  }

  async updateDocument(id: string, patch: DocumentPatch): Promise<boolean> {
    const summary = await this.run(() => this.api.updateDocument(id, patch))
    if (!summary) return false
    this.documents = this.documents.map((d) => (d.id === id ? summary : d))
    const cached = this.docCache.get(id)
    if (cached) {
      const { length: _l, claimCount: _c, ...meta } = summary
      const updated = { ...cached, ...meta }
      this.docCache.set(id, updated)
      if (this.currentDoc?.id === id) this.currentDoc = updated
    }
    return true
  }

  async deleteDocument(id: string): Promise<boolean> {
    const removed = await this.run(() => this.api.deleteDocument(id))
    if (!removed) return false
    const gone = new Set(removed)
    this.forgetClaims(new Set(this.claims.filter((c) => gone.has(c.id) || c.documentId === id).map((c) => c.id)))
    this.claims = this.claims.filter((c) => !gone.has(c.id) && c.documentId !== id)
    this.documents = this.documents.filter((d) => d.id !== id)
    this.docCache.delete(id)
    if (this.currentDoc?.id === id) {
      this.currentDoc = null
      if (this.documents[0]) await this.openDocument(this.documents[0].id)
    }
    return true
  }

  // ---- sources --------------------------------------------------------------------------

  async createSource(input: SourceInput): Promise<Source | undefined> {
    const source = await this.run(() => this.api.createSource(input))
    if (source) this.sources = [...this.sources, source]
    return source
  }

  async updateSource(id: string, patch: SourcePatch): Promise<Source | undefined> {
    const source = await this.run(() => this.api.updateSource(id, patch))
    if (source) this.sources = this.sources.map((s) => (s.id === id ? source : s))
    return source
  }

  async mergeSources(fromId: string, intoId: string): Promise<boolean> {
    const merged = await this.run(() => this.api.mergeSources(fromId, intoId))
    if (merged) await this.refresh()
    return merged !== undefined
  }

  async deleteSource(id: string, reassignTo: string | null = null): Promise<boolean> {
    const done = await this.run(async () => {
      await this.api.deleteSource(id, reassignTo)
      return true
    })
    if (!done) return false
    if (reassignTo) await this.refresh()
    else this.sources = this.sources.filter((s) => s.id !== id)
    return true
  }

  // ---- claims ---------------------------------------------------------------------------

  focusClaim(id: string | null, options: { scroll?: boolean; edit?: EditorField } = {}): void {
    this.focusedClaimId = id
    const claim = this.focusedClaim
    if (claim && claim.documentId !== this.currentDoc?.id) void this.openDocument(claim.documentId)
    if (options.scroll) this.scrollRequest++
    if (options.edit) this.editorFocus = { field: options.edit, seq: (this.editorFocus?.seq ?? 0) + 1 }
  }

  async createClaim(start: number, end: number): Promise<Claim | undefined> {
    const doc = this.currentDoc
    if (!doc) return undefined
    const claim = await this.run(() => this.api.createClaim({ documentId: doc.id, start, end }))
    if (!claim) return undefined
    this.claims = [...this.claims, claim]
    this.saveState = { state: 'saved' }
    this.focusClaim(claim.id, { edit: 'source' })
    return claim
  }

  async updateClaim(id: string, patch: ClaimPatch): Promise<Claim | undefined> {
    this.saveState = { state: 'saving' }
    try {
      const claim = await this.api.updateClaim(id, patch)
      // Replies to overlapping edits can arrive out of order: keep the newest version.
      this.claims = this.claims.map((c) => (c.id === id && c.updatedAt <= claim.updatedAt ? claim : c))
      this.saveState = { state: 'saved' }
      return claim
    } catch (err) {
      const error = toClaimdeskError(err)
      this.saveState = { state: 'error', message: error.message }
      return undefined
    }
  }

  async deleteClaim(id: string): Promise<Claim | undefined> {
    const ordered = this.claims
    const claim = await this.run(() => this.api.deleteClaim(id))
    if (!claim) return undefined
    const index = ordered.findIndex((c) => c.id === id)
    this.claims = this.claims.filter((c) => c.id !== id)
    this.forgetClaims(new Set([id]))
    if (this.focusedClaimId === id) this.focusedClaimId = null
    this.lastDeleted = { claim, index }
    const quote = claim.quote.exact.length > 48 ? `${claim.quote.exact.slice(0, 47)}…` : claim.quote.exact
    this.notices.toast(
      `Deleted claim “${quote}”`,
      [{ label: 'Undo', run: () => this.restoreClaim(claim, index) }],
      10_000
    )
    return claim
  }

  async restoreClaim(claim: Claim, index = this.claims.length): Promise<void> {
    if (this.claims.some((c) => c.id === claim.id)) return
    const restored = await this.run(() => this.api.restoreClaim(claim))
    if (!restored) return
    if (this.lastDeleted?.claim.id === restored.id) this.lastDeleted = null
    const claims = this.claims.filter((c) => c.id !== restored.id)
    claims.splice(Math.min(index, claims.length), 0, restored)
    this.claims = claims
    // The backend also put back the claim's links and briefing citations.
    if (this.links.length || this.briefings.length) {
      const snap = await this.run(() => this.api.currentCase())
      if (snap) {
        this.links = snap.links
        this.briefings = snap.briefings
      }
    }
    this.focusClaim(restored.id, { scroll: true })
  }

  /** Mirrors what the backend does when claims go: their links go, briefings stop citing them. */
  private forgetClaims(ids: Set<string>): void {
    if (ids.size === 0) return
    if (this.links.some((l) => ids.has(l.from) || ids.has(l.to)))
      this.links = this.links.filter((l) => !ids.has(l.from) && !ids.has(l.to))
    const cites = (list: string[]) => list.some((c) => ids.has(c))
    if (!this.briefings.some((b) => cites(b.claimIds) || b.judgments.some((j) => cites(j.claimIds)))) return
    const keep = (list: string[]) => list.filter((c) => !ids.has(c))
    this.briefings = this.briefings.map((b) => ({
      ...b,
      claimIds: keep(b.claimIds),
      judgments: b.judgments.map((j) => ({ ...j, claimIds: keep(j.claimIds) }))
    }))
  }

  // ---- links ----------------------------------------------------------------------------

  async createLink(input: LinkInput): Promise<ClaimLink | undefined> {
    const link = await this.run(() => this.api.createLink(input))
    if (link) this.links = [...this.links, link]
    return link
  }

  async deleteLink(id: string): Promise<boolean> {
    const done = await this.run(async () => {
      await this.api.deleteLink(id)
      return true
    })
    if (done) this.links = this.links.filter((l) => l.id !== id)
    return done === true
  }

  // ---- briefings ------------------------------------------------------------------------

  async createBriefing(input: BriefingInput): Promise<Briefing | undefined> {
    const briefing = await this.run(() => this.api.createBriefing(input))
    if (briefing) this.briefings = [...this.briefings, briefing]
    return briefing
  }

  /** Throws on failure (the composer shows it beside its saved state). */
  async updateBriefing(id: string, patch: BriefingInput): Promise<Briefing> {
    const briefing = await this.api.updateBriefing(id, patch)
    this.briefings = this.briefings.map((b) => (b.id === id ? briefing : b))
    return briefing
  }

  async deleteBriefing(id: string): Promise<boolean> {
    const done = await this.run(async () => {
      await this.api.deleteBriefing(id)
      return true
    })
    if (done) this.briefings = this.briefings.filter((b) => b.id !== id)
    return done === true
  }

  exportBriefing(format: ExportFormat, briefing?: string): Promise<ExportResult | undefined> {
    return this.run(() => this.api.exportBriefing({ format, briefing }))
  }
}

function countBy<T>(items: readonly T[], keys: (item: T) => readonly string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const item of items) for (const key of keys(item)) counts.set(key, (counts.get(key) ?? 0) + 1)
  return counts
}
