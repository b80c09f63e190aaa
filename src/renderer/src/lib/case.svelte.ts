// The open case as the UI sees it: what a case overview gives (documents, sources, briefings, tags,
// counts, what Undo would do), the document being read with its claims and links, and the claims
// seen so far by id. Nothing fetches the whole case: a document's text and claims come when it is
// opened, lists ask for pages of claims, and each change brings back only what it touched, which
// `applyChanges` folds in.
//
// One convention for every action: it never throws. It resolves to its value, or to undefined when
// it failed, in which case the error was shown to the user, or handed to `onError` when the caller
// shows it in place (a save state, a row of the import list).
import { SvelteMap } from 'svelte/reactivity'
import { LIMITS } from '../../../shared/api'
import type {
  AcceptedSuggestions,
  AcceptInput,
  RejectInput,
  BriefingInput,
  CaseChanges,
  CaseEvent,
  CaseInfo,
  CaseOverview,
  Changed,
  ClaimdeskApi,
  ClaimPatch,
  ClaimsPatch,
  ConflictSetInput,
  ConflictSetPatch,
  DocumentPatch,
  DocumentView,
  ExportFormat,
  ExportResult,
  HistoryState,
  ImportFile,
  ImportResult,
  LinkInput,
  OpenOptions,
  PasteInput,
  ReanchorCounts,
  SourceInput,
  SourcePatch,
  SourceSummary,
  TagCount
} from '../../../shared/api'
import { ClaimdeskError } from '../../../shared/errors'
import type {
  Briefing,
  CaseDocument,
  Claim,
  ClaimLink,
  ConflictSet,
  ConflictSetStatus,
  DocumentSummary,
  Id,
  Source
} from '../../../shared/model'
import { afterPaint } from './after-paint'
import { toClaimdeskError } from './api'
import type { Notices, NoticeAction } from './notices.svelte'
import { DocClaimIndex } from '../../../shared/doc-claims'
import { assignColours } from './palette'
import { brokenReferencesMessage, recoveredMessage, tornWriteMessage } from '../../../shared/open-notices'

export type EditorField = 'source' | 'via' | 'tags' | 'note'

export interface ActionOptions {
  /** Shows the error in place instead of in the notices. */
  onError?: (error: ClaimdeskError) => void
  /** The case path an error is about (offers a backup or a read-only open). */
  path?: string
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name.localeCompare(b.name, undefined, { sensitivity: 'base' })
}

/** Replaces items by id and removes others, keeping the list's order; new items go last. */
function merged<T extends { id: Id }>(list: readonly T[], put: readonly T[], removed: readonly Id[]): T[] {
  const gone = new Set(removed)
  const incoming = new Map(put.map((item) => [item.id, item]))
  const out = list.filter((item) => !gone.has(item.id)).map((item) => incoming.get(item.id) ?? item)
  const known = new Set(out.map((item) => item.id))
  for (const item of put) if (!known.has(item.id)) out.push(item)
  return out
}

/** A span of a document being marked as a claim. */
export interface MarkingSpan {
  documentId: Id
  start: number
  end: number
}

const LAST_DOC_KEY = 'claimdesk-last-document:'
/** How long one request for case events waits for one (a long poll), and the pause after a failure. */
const EVENT_WAIT_MS = 25_000
const EVENT_RETRY_MS = 5_000
const OWN_REVISIONS_KEPT = 500
const BACKEND_AWAY =
  'Claimdesk’s backend is not answering: it stopped, or was started again. Nothing you do now can be saved. ' +
  'In a browser, open the address “claimdesk serve” printed when it started (a new start has a new token).'

/** A reply to a call that changed the case (a call that changed nothing carries no items). */
const changedSomething = (c: CaseChanges): boolean =>
  c.title !== undefined ||
  (['documents', 'sources', 'claims', 'links', 'briefings', 'conflictSets', 'rejections'] as const).some((k) => c[k])
/** Document texts kept for quick switching back. */
const DOC_CACHE_SIZE = 4

export class CaseStore {
  info = $state.raw<CaseInfo | null>(null)
  documents = $state.raw<DocumentSummary[]>([])
  sources = $state.raw<SourceSummary[]>([])
  briefings = $state.raw<Briefing[]>([])
  conflictSets = $state.raw<ConflictSet[]>([])
  tags = $state.raw<TagCount[]>([])
  claimCount = $state(0)
  history = $state.raw<HistoryState>({ undo: null, redo: null })
  /** Bumped with every change this UI takes in; lists refetch when it moves. */
  revision = $state(0)

  /** The document in the reader, with its text. */
  currentDoc = $state.raw<CaseDocument | null>(null)
  /**
   * Its claims by position and id. One edit is one splice here; the reader asks it for the claims
   * near what it shows and repaints when `docClaimsVersion` moves.
   */
  readonly docIndex = new DocClaimIndex()
  /** Bumped whenever the open document's claims change. */
  docClaimsVersion = $state(0)
  private docSnapshot: { version: number; claims: Claim[] } | null = null
  /** Spans being marked as claims: drawn at once, until the backend's claim (or its refusal) arrives. */
  markingSpans = $state.raw<readonly MarkingSpan[]>([])
  /** The claim being marked last, until it arrives: what a key pressed meanwhile (1–9) acts on. */
  marking: Promise<Claim | undefined> | null = null
  /** Spans of the suggestions rejected in the open document. */
  docRejections = $state.raw<readonly string[]>([])
  /** Links touching the claims this UI holds. */
  links = $state.raw<ClaimLink[]>([])
  loadingDoc = $state(false)
  /** Every claim this UI has seen, by id (the open document's, listed ones, the other ends of links). */
  readonly claims = new SvelteMap<Id, Claim>()

  focusedClaimId = $state<string | null>(null)
  /** Bumped to ask the reader to scroll the focused claim into view. */
  scrollRequest = $state(0)
  /** Set (with a new seq) to ask the claim editor to focus that field; only Mark, Enter and clicks in the editor ask. */
  editorFocus = $state<{ field: EditorField; seq: number } | null>(null)
  /** True while no case could be opened (welcome screen). */
  noCase = $state(false)

  readOnly = $derived(this.info?.readOnly ?? false)
  sourcesById = $derived(new Map(this.sources.map((s) => [s.id, s])))
  documentsById = $derived(new Map(this.documents.map((d) => [d.id, d])))
  sortedSources = $derived([...this.sources].sort(byName))
  colours = $derived(assignColours(this.sources))
  focusedClaim = $derived(this.focusedClaimId ? (this.claims.get(this.focusedClaimId) ?? null) : null)

  /** The open document's claims in text order (a copy, made when first read after a change). */
  get docClaims(): Claim[] {
    const version = this.docClaimsVersion
    if (this.docSnapshot?.version !== version) this.docSnapshot = { version, claims: [...this.docIndex.sorted] }
    return this.docSnapshot.claims
  }

  /** The revision each item was last set at, so a late reply never undoes a newer change. */
  private seen = new Map<string, number>()
  /** Claims removed while this case is open (a draft citing one would be refused). */
  readonly removedClaimIds = new Set<Id>()
  /** The newest backend revision whose case-wide figures (tags, counts, undo) are shown. */
  private latest = -1
  /** The revision of the overview shown: changes up to it are in it, so their events are old news. */
  private shownRevision = -1
  /** Revisions of changes this window made (and applied from the reply); their events are skipped. */
  private readonly ownRevisions = new Set<number>()
  /** This window's calls under way: an event may arrive before the reply to the change it tells of. */
  private readonly inFlight = new Set<Promise<void>>()
  private docCache = new Map<Id, DocumentView>()
  /** What must drop the last case's answers when another case is shown (see onCaseSwitch). */
  private switchListeners: (() => void)[] = []

  constructor(
    readonly api: ClaimdeskApi,
    readonly notices: Notices,
    private storage: Pick<Storage, 'getItem' | 'setItem'> | null = typeof localStorage === 'undefined'
      ? null
      : localStorage
  ) {}

  /**
   * Runs `forget` whenever another case is shown, in the same step as the case's own state, so
   * nothing drawn from the last case's answers (ids, group keys) meets the new case's sources and claims.
   */
  onCaseSwitch(forget: () => void): void {
    this.switchListeners.push(forget)
  }

  // ---- errors ---------------------------------------------------------------------------

  /** While set, resolves once the edits drawn ahead of their request may be sent (see updateClaim). */
  private drawn: Promise<void> | null = null

  /** Requests wait until the frame showing what was just drawn has been painted (and any earlier wait). */
  private holdUntilPainted(): void {
    const held = Promise.all([this.drawn, afterPaint()]).then(() => {
      if (this.drawn === held) this.drawn = null
    })
    this.drawn = held
  }

  /**
   * Runs a call (after any edit drawn ahead of its request, so requests keep their order); on
   * failure shows the error (or hands it to onError) and resolves to undefined.
   */
  async run<T>(call: () => Promise<T>, options: ActionOptions = {}): Promise<T | undefined> {
    if (this.drawn) await this.drawn
    let running: Promise<T>
    try {
      running = call()
    } catch (err) {
      running = Promise.reject(err)
    }
    const settled = running.then(
      () => undefined,
      () => undefined
    )
    this.inFlight.add(settled)
    void settled.then(() => this.inFlight.delete(settled))
    try {
      return await running
    } catch (err) {
      const error = toClaimdeskError(err)
      if (options.onError) options.onError(error)
      else this.report(error, options.path)
      return undefined
    }
  }

  /** A change: runs it, folds in what changed, resolves to its value. */
  private async change<T>(call: () => Promise<Changed<T>>, options?: ActionOptions): Promise<T | undefined> {
    const done = await this.run(call, options)
    if (!done) return undefined
    this.applyChanges(done.changes)
    return done.value
  }

  report(err: ClaimdeskError, path?: string): void {
    const named = err.details?.path ?? err.details?.file
    const casePath = typeof named === 'string' ? named : path
    const noBackups = Array.isArray(err.details?.backups) && err.details.backups.length === 0
    const actions: NoticeAction[] = []
    const journal = err.details?.journal as { recoverable?: number } | undefined
    if (err.code === 'corrupt' && casePath && journal?.recoverable !== undefined) {
      // A damaged line in the journal of recent changes: everything before it can be kept.
      actions.push({
        label: `Recover the ${journal.recoverable} change${journal.recoverable === 1 ? '' : 's'} before the damage`,
        run: () => this.openCase(casePath, { recoverJournal: true })
      })
    }
    if (err.code === 'corrupt' && casePath && !noBackups) {
      actions.push({ label: 'Open newest good backup', run: () => this.restoreNewestBackup(casePath, err) })
    }
    if ((err.code === 'locked' || err.code === 'read-only') && casePath) {
      actions.push({ label: 'Open read-only', run: () => this.openCase(casePath, { readOnly: true }) })
      if (err.details?.breakable === true) {
        actions.push({ label: 'Break the lock…', run: () => this.breakLock(casePath, err) })
      }
    }
    this.notices.error(err, actions)
  }

  /** A lock no running Claimdesk holds (garbage, or another program's): broken once the analyst agrees. */
  private async breakLock(path: string, err: ClaimdeskError): Promise<void> {
    const why = typeof err.details?.reason === 'string' ? err.details.reason : 'it names no running Claimdesk'
    const ok = await this.confirm(
      'Break the lock',
      'Break the lock',
      `${path} is locked, but ${why}. Break the lock only if no other Claimdesk (on this or another computer) has this case open: two writers would lose each other's changes.`
    )
    if (ok) await this.openCase(path, { breakLock: true })
  }

  /** Asks the analyst before a risky step (the desk sets this to its confirm dialog; tests answer directly). */
  confirm: (title: string, action: string, message: string) => Promise<boolean> = async () => false

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
    const opened = await this.run(() => this.api.restoreBackup(path, newest.file), { path })
    if (opened) {
      await this.show(opened)
      const when = newest.savedAt ? new Date(newest.savedAt).toLocaleString() : newest.file
      this.notices.toast(
        `Restored ${path} from the backup of ${when}; the damaged file was kept beside it.`,
        [],
        15_000
      )
    }
  }

  // ---- the case -------------------------------------------------------------------------

  async load(): Promise<void> {
    try {
      await this.show(await this.api.currentCase())
    } catch (err) {
      const error = toClaimdeskError(err)
      this.noCase = true
      if (error.code !== 'no-case') this.report(error)
    }
  }

  /** Shows a case: its overview, then the document read last (or the first). */
  async show(overview: CaseOverview, keepView = false, announce = true): Promise<void> {
    const sameCase = keepView && this.info?.path === overview.info.path
    const keepDoc = sameCase && this.currentDoc && overview.documents.some((d) => d.id === this.currentDoc!.id)
    let first: DocumentView | undefined
    if (!keepDoc) {
      // Fetch the document to show before touching any state, so the case paints in one pass.
      const last = this.storage?.getItem(LAST_DOC_KEY + overview.info.path)
      const id = (overview.documents.find((d) => d.id === last) ?? overview.documents[0])?.id
      this.docCache.clear()
      first = id ? await this.run(() => this.api.getDocument(id)) : undefined
    }
    this.info = overview.info
    this.documents = overview.documents
    this.sources = overview.sources
    this.briefings = overview.briefings
    this.conflictSets = overview.conflictSets
    this.tags = overview.tags
    this.claimCount = overview.claimCount
    this.history = overview.history
    this.shownRevision = overview.revision
    this.revision++
    this.noCase = false
    if (!sameCase) {
      this.seen.clear()
      this.latest = -1
      this.claims.clear()
      this.removedClaimIds.clear()
      this.links = []
      for (const forget of this.switchListeners) forget()
    }
    if (announce) this.announce(overview.info)

    if (keepDoc) return
    this.focusedClaimId = null
    if (first) this.showDocument(first)
    else this.clearDocument()
  }

  /** What opening found that the analyst must hear about. */
  private announce(info: CaseInfo): void {
    if (info.recovered > 0) this.notices.toast(recoveredMessage(info.recovered))
    if (info.tornBytes > 0) this.notices.toast(tornWriteMessage(info.tornBytes))
    if (info.brokenReferences.length > 0) this.notices.toast(brokenReferencesMessage(info.brokenReferences, 3), [], 0)
  }

  /**
   * Reads the case again: after a change too big to be told item by item, or changes this window missed,
   * keeping what is on show (the document, the claim being edited); after another case was opened (or
   * this one restored from a backup), from the start.
   */
  private async reread(afresh: boolean): Promise<void> {
    let overview: CaseOverview
    try {
      overview = await this.api.currentCase()
    } catch (err) {
      // No case open any more: the next call says so where it matters; anything else is worth a word.
      if (toClaimdeskError(err).code !== 'no-case') this.report(toClaimdeskError(err))
      return
    }
    if (afresh || this.info?.path !== overview.info.path) return this.show(overview, false, false)
    const open = this.currentDoc?.id
    this.docCache.clear()
    await this.show(overview, true, false)
    if (!open || this.currentDoc?.id !== open) return
    const view = await this.run(() => this.api.getDocument(open))
    if (view && this.currentDoc?.id === open) this.showDocument(view)
  }

  async openCase(path: string, options?: OpenOptions): Promise<boolean> {
    const opened = await this.run(() => this.api.openCase(path, options), { path })
    if (opened) await this.show(opened)
    return opened !== undefined
  }

  async newCase(path: string): Promise<boolean> {
    const created = await this.run(() => this.api.newCase(path), { path })
    if (created) await this.show(created)
    return created !== undefined
  }

  async saveCaseAs(path: string): Promise<boolean> {
    const saved = await this.run(() => this.api.saveCaseAs(path), { path })
    if (saved) await this.show(saved, true)
    return saved !== undefined
  }

  setCaseTitle(title: string): Promise<CaseInfo | undefined> {
    return this.change(() => this.api.setCaseTitle(title))
  }

  /** Reverts the last change (or redoes the last undone one), names it in a toast, and shows its claim. */
  async step(direction: 'undo' | 'redo'): Promise<void> {
    const changes = await this.run(() => this.api[direction]())
    if (!changes) return
    this.applyChanges(changes.changes)
    if (changes.value === null) {
      this.notices.toast(direction === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.', [], 2500)
      return
    }
    const other = direction === 'undo' ? 'redo' : 'undo'
    this.notices.toast(
      `${direction === 'undo' ? 'Undo' : 'Redo'}: ${changes.value}`,
      [{ label: other === 'undo' ? 'Undo' : 'Redo', run: () => this.step(other) }],
      6000
    )
    const [claim] = changes.changes.claims?.put ?? []
    if (claim && changes.changes.claims?.put.length === 1) this.focusClaim(claim.id, { scroll: true })
  }

  // ---- events ---------------------------------------------------------------------------

  /**
   * Listens for what happens to the case outside any call (a timed save that failed, the file
   * replaced on disk by another program) until `stop` is called, and tells the analyst.
   */
  watchEvents(): () => void {
    let stopped = false
    let after = 0
    const loop = async (): Promise<void> => {
      while (!stopped) {
        let events
        try {
          events = await this.api.caseEvents(after, EVENT_WAIT_MS)
          this.backendAway(false)
        } catch {
          // The backend is away (stopped, or restarted with a new token in browser mode): say so, try again.
          this.backendAway(true)
          await new Promise((resolve) => setTimeout(resolve, EVENT_RETRY_MS))
          continue
        }
        // Events this window never heard (it slept while more than the backend keeps went by).
        const missed = after > 0 && events.length > 0 && events[0].seq > after + 1
        for (const e of events) {
          after = e.seq
          if (!stopped && !missed) await this.onCaseEvent(e)
        }
        if (missed && !stopped) await this.reread(false)
      }
    }
    void loop()
    return () => (stopped = true)
  }

  /** Tells the analyst while the backend does not answer, and takes the notice away when it does again. */
  private backendAway(away: boolean): void {
    const shown = this.notices.errors.find((n) => n.message === BACKEND_AWAY)
    if (away && !shown) this.notices.error(new ClaimdeskError('io', BACKEND_AWAY))
    else if (!away && shown) this.notices.dismiss(shown.id)
  }

  private async onCaseEvent(e: CaseEvent): Promise<void> {
    if (e.kind === 'saved') return
    if (e.kind === 'changed' || e.kind === 'switched') {
      // Another window's change (or a CLI's in the same backend): this window's own are applied already.
      const r = e.changes?.revision ?? Number(e.details?.revision)
      if (this.inFlight.size > 0) {
        // Let this window's replies land first, so its own change is not applied twice.
        await Promise.all([...this.inFlight])
        await new Promise((resolve) => setTimeout(resolve, 0))
      }
      if (r <= this.shownRevision || this.ownRevisions.has(r)) return
      if (e.kind === 'switched') await this.reread(true)
      else if (e.changes) this.applyChanges(e.changes)
      else await this.reread(false)
      return
    }
    if (e.kind === 'recreated') return void this.notices.toast(e.message)
    this.notices.error(new ClaimdeskError(e.kind === 'diverged' ? 'conflict' : 'io', e.message))
    // The case may now be another file (our work continues in a conflict copy): show where.
    if (e.kind === 'diverged') {
      const overview = await this.run(() => this.api.currentCase())
      if (overview) await this.show(overview, true)
    }
  }

  // ---- applying changes -----------------------------------------------------------------

  /** Folds what a change touched into what this UI shows; anything older than what it has is ignored. */
  applyChanges(changes: CaseChanges): void {
    const r = changes.revision
    if (changedSomething(changes)) {
      this.ownRevisions.add(r)
      if (this.ownRevisions.size > OWN_REVISIONS_KEPT)
        this.ownRevisions.delete(this.ownRevisions.values().next().value!)
    }
    const fresh = <T extends { id: Id }>(kind: string, put: readonly T[], removed: readonly Id[]) => {
      const current = (id: Id) => (this.seen.get(`${kind}:${id}`) ?? -1) <= r
      const kept = { put: put.filter((i) => current(i.id)), removed: removed.filter(current) }
      for (const id of [...kept.put.map((i) => i.id), ...kept.removed]) this.seen.set(`${kind}:${id}`, r)
      return kept
    }
    if (changes.title !== undefined && this.info) this.info = { ...this.info, title: changes.title }
    if (changes.documents) {
      const { put, removed } = fresh('document', changes.documents.put, changes.documents.removed)
      this.documents = merged(this.documents, put, removed).sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      this.refreshOpenDocument(put, removed)
    }
    if (changes.sources) {
      const { put, removed } = fresh('source', changes.sources.put, changes.sources.removed)
      this.sources = merged(this.sources, put, removed)
    }
    if (changes.claims) {
      const { put, removed } = fresh('claim', changes.claims.put, changes.claims.removed)
      this.foldClaims(put, removed)
    }
    if (changes.links) {
      const { put, removed } = fresh('link', changes.links.put, changes.links.removed)
      this.links = merged(this.links, put, removed)
    }
    if (changes.briefings) {
      const { put, removed } = fresh('briefing', changes.briefings.put, changes.briefings.removed)
      this.briefings = merged(this.briefings, put, removed)
    }
    if (changes.conflictSets) {
      const { put, removed } = fresh('conflict-set', changes.conflictSets.put, changes.conflictSets.removed)
      this.conflictSets = merged(this.conflictSets, put, removed)
    }
    if (changes.rejections) {
      const { put, removed } = fresh('rejections', changes.rejections.put, changes.rejections.removed)
      const spansOf = new Map([
        ...put.map((r): [Id, string[]] => [r.id, r.spans]),
        ...removed.map((id): [Id, string[]] => [id, []])
      ])
      for (const [id, spans] of spansOf) {
        const view = this.docCache.get(id)
        if (view) this.docCache.set(id, { ...view, rejectedSuggestions: spans })
        if (id === this.currentDoc?.id) this.docRejections = spans
      }
    }
    if (r >= this.latest) {
      this.latest = r
      if (changes.tags) this.tags = changes.tags
      this.claimCount = changes.claimCount
      this.history = changes.history
    }
    this.revision++
  }

  private foldClaims(put: readonly Claim[], removed: readonly Id[]): void {
    if (put.length === 0 && removed.length === 0) return
    const doc = this.currentDoc?.id
    // A claim re-anchored onto another version leaves its old document's list and cached view.
    const leftFrom = new Set<Id>()
    for (const c of put) {
      const was = this.claims.get(c.id)?.documentId
      if (was !== undefined && was !== c.documentId) leftFrom.add(was)
    }
    const gone = new Set(removed)
    for (const id of removed) {
      this.claims.delete(id)
      this.removedClaimIds.add(id)
    }
    for (const c of put) {
      this.claims.set(c.id, c)
      this.removedClaimIds.delete(c.id)
    }
    // A claim put on another document (re-anchored onto a newer version) leaves this one's list.
    let touched = false
    for (const id of removed) if (this.docIndex.remove(id)) touched = true
    for (const c of put) {
      if (c.documentId === doc) this.docIndex.put(c)
      else if (!this.docIndex.remove(c.id)) continue
      touched = true
    }
    if (touched) this.docClaimsVersion++
    // A claim made from a span drawn while it was being marked takes that span's place in the same step.
    if (this.markingSpans.length) {
      const left = this.markingSpans.filter(
        (s) =>
          !put.some((c) => c.documentId === s.documentId && c.position.start === s.start && c.position.end === s.end)
      )
      if (left.length !== this.markingSpans.length) this.markingSpans = left
    }
    // Cached views the change makes stale, the open document's included (docClaims holds its claims now).
    for (const view of this.docCache.values()) {
      const id = view.document.id
      if (put.some((c) => c.documentId === id) || leftFrom.has(id) || gone.size) this.docCache.delete(id)
    }
    if (this.focusedClaimId && gone.has(this.focusedClaimId)) this.focusedClaimId = null
    if (gone.size) this.links = this.links.filter((l) => !gone.has(l.from) && !gone.has(l.to))
  }

  /** The open document's details changed, its text was decoded again, or it went. */
  private refreshOpenDocument(put: readonly DocumentSummary[], removed: readonly Id[]): void {
    for (const id of removed) this.docCache.delete(id)
    const open = this.currentDoc
    if (!open) {
      if (this.documents[0]) void this.openDocument(this.documents[0].id)
      return
    }
    if (removed.includes(open.id)) {
      this.clearDocument()
      if (this.documents[0]) void this.openDocument(this.documents[0].id)
      return
    }
    const summary = put.find((d) => d.id === open.id)
    if (!summary) return
    const { length, claimCount: _count, ...meta } = summary
    if (length !== open.text.length || summary.provenance.encoding !== open.provenance.encoding) {
      this.docCache.delete(open.id)
      void this.openDocument(open.id)
    } else {
      // From the summary, not over the old record: a field the change took away (undone) goes too.
      this.currentDoc = { ...meta, text: open.text, blocks: open.blocks }
    }
  }

  // ---- documents ------------------------------------------------------------------------

  async openDocument(id: string): Promise<void> {
    let view = this.docCache.get(id)
    if (!view) {
      this.loadingDoc = true
      view = await this.run(() => this.api.getDocument(id))
      this.loadingDoc = false
      if (!view) return
    }
    this.showDocument(view)
  }

  private showDocument(view: DocumentView): void {
    this.docCache.delete(view.document.id)
    this.docCache.set(view.document.id, view)
    while (this.docCache.size > DOC_CACHE_SIZE) this.docCache.delete(this.docCache.keys().next().value!)
    for (const c of view.claims) this.claims.set(c.id, c)
    for (const c of view.linkedClaims) this.claims.set(c.id, c)
    this.currentDoc = view.document
    this.docRejections = view.rejectedSuggestions
    this.docIndex.reset(view.claims)
    this.docClaimsVersion++
    this.links = merged(this.links, view.links, [])
    if (this.info) this.storage?.setItem(LAST_DOC_KEY + this.info.path, view.document.id)
    if (this.focusedClaim && this.focusedClaim.documentId !== view.document.id) this.focusedClaimId = null
  }

  private clearDocument(): void {
    this.currentDoc = null
    this.docRejections = []
    this.docIndex.reset([])
    this.docClaimsVersion++
  }

  /** Imports one file (the import queue shows its result or error in place). */
  async importFile(file: ImportFile, options: ActionOptions): Promise<ImportResult | undefined> {
    const results = await this.change(() => this.api.importFiles([file]), options)
    return results?.[0]
  }

  /** Decodes a text document again with another encoding; the new text shows. */
  reimportDocument(id: string, encoding: string, options?: ActionOptions): Promise<DocumentSummary | undefined> {
    return this.change(() => this.api.reimportDocument(id, encoding), options)
  }

  async pasteText(input: PasteInput): Promise<boolean> {
    const summary = await this.change(() => this.api.pasteText(input))
    if (summary) await this.openDocument(summary.id)
    return summary !== undefined
  }

  updateDocument(id: string, patch: DocumentPatch): Promise<DocumentSummary | undefined> {
    return this.change(() => this.api.updateDocument(id, patch))
  }

  deleteDocument(id: string): Promise<Id[] | undefined> {
    return this.change(() => this.api.deleteDocument(id))
  }

  // ---- sources --------------------------------------------------------------------------

  createSource(input: SourceInput): Promise<Source | undefined> {
    return this.change(() => this.api.createSource(input))
  }

  updateSource(id: string, patch: SourcePatch, options?: ActionOptions): Promise<Source | undefined> {
    return this.change(() => this.api.updateSource(id, patch), options)
  }

  mergeSources(fromId: string, intoId: string): Promise<Source | undefined> {
    return this.change(() => this.api.mergeSources(fromId, intoId))
  }

  async deleteSource(id: string, reassignTo: string | null = null): Promise<boolean> {
    const done = await this.run(async () => {
      this.applyChanges((await this.api.deleteSource(id, reassignTo)).changes)
      return true
    })
    return done === true
  }

  // ---- claims ---------------------------------------------------------------------------

  /** Claims by id that this UI may not hold yet (a briefing's, a search's). */
  async loadClaims(ids: readonly Id[]): Promise<void> {
    const missing = ids.filter((id) => !this.claims.has(id))
    // As many at a time as one call takes.
    for (let at = 0; at < missing.length; at += LIMITS.listItems) {
      const found = await this.run(() => this.api.getClaims(missing.slice(at, at + LIMITS.listItems)))
      for (const c of found ?? []) this.claims.set(c.id, c)
    }
  }

  /**
   * Focuses a claim (opening its document when it is another). The editor's field is focused only
   * when `edit` says so: the user asked (Mark, Enter, a click in the editor).
   */
  focusClaim(id: string | null, options: { scroll?: boolean; edit?: EditorField } = {}): void {
    this.focusedClaimId = id
    const claim = this.focusedClaim
    if (claim && claim.documentId !== this.currentDoc?.id) void this.openDocument(claim.documentId)
    if (options.scroll) this.scrollRequest++
    this.editorFocus = options.edit ? { field: options.edit, seq: (this.editorFocus?.seq ?? 0) + 1 } : null
  }

  async createClaim(start: number, end: number): Promise<Claim | undefined> {
    const doc = this.currentDoc
    if (!doc) return undefined
    const span: MarkingSpan = { documentId: doc.id, start, end }
    this.markingSpans = [...this.markingSpans, span]
    this.holdUntilPainted()
    const made = this.change(() => this.api.createClaim({ documentId: doc.id, start, end }))
    this.marking = made
    const claim = await made
    if (this.marking === made) this.marking = null
    if (this.markingSpans.includes(span)) this.markingSpans = this.markingSpans.filter((s) => s !== span)
    // Not when the analyst has moved on to another document meanwhile: that would pull them back.
    if (claim && this.currentDoc?.id === doc.id) this.focusClaim(claim.id, { edit: 'source' })
    return claim
  }

  /**
   * Shows the edit at once, so a second quick edit (another tag) builds on the first rather than
   * on what the backend last said; the backend's reply then replaces it, and a refused edit is
   * replaced by the claim as the backend has it.
   */
  async updateClaim(id: string, patch: ClaimPatch, options?: ActionOptions): Promise<Claim | undefined> {
    const shown = this.claims.get(id)
    if (shown) {
      this.foldClaims([{ ...shown, ...patch }], [])
      // The request is made once the edit is on screen: the click's frame holds only the drawing.
      this.holdUntilPainted()
    }
    const saved = await this.change(() => this.api.updateClaim(id, patch), options)
    if (!saved) {
      const [actual] = (await this.run(() => this.api.getClaims([id]))) ?? []
      if (actual) this.foldClaims([actual], [])
    }
    return saved
  }

  async deleteClaim(id: string): Promise<Claim | undefined> {
    const claim = await this.change(() => this.api.deleteClaim(id))
    if (!claim) return undefined
    const quote = claim.quote.exact.length > 48 ? `${claim.quote.exact.slice(0, 47)}…` : claim.quote.exact
    this.notices.toast(`Deleted claim “${quote}”`, [{ label: 'Undo', run: () => this.step('undo') }], 10_000)
    return claim
  }

  /** The same change to several claims (one step of undo); claims on show are redrawn when it lands. */
  updateClaims(ids: readonly Id[], patch: ClaimsPatch): Promise<Id[] | undefined> {
    return this.change(() => this.api.updateClaims([...ids], patch))
  }

  async deleteClaims(ids: readonly Id[]): Promise<Id[] | undefined> {
    const gone = await this.change(() => this.api.deleteClaims([...ids]))
    if (gone)
      this.notices.toast(
        `Deleted ${gone.length} claim${gone.length === 1 ? '' : 's'}`,
        [{ label: 'Undo', run: () => this.step('undo') }],
        10_000
      )
    return gone
  }

  // ---- claims following a new version --------------------------------------------------

  /** Moves the claims of an earlier version onto `toId`; resolves to how they were placed. */
  reanchorDocument(fromId: string, toId: string): Promise<ReanchorCounts | undefined> {
    return this.change(() => this.api.reanchorDocument(fromId, toId))
  }

  acceptAnchor(id: string): Promise<Claim | undefined> {
    return this.change(() => this.api.acceptAnchor(id))
  }

  /** Places a claim (an orphan in its newer version) on the chosen words, then shows it there. */
  async reattachClaim(id: string, start: number, end: number): Promise<Claim | undefined> {
    const claim = await this.change(() => this.api.reattachClaim(id, start, end))
    if (claim) this.focusClaim(claim.id, { scroll: true })
    return claim
  }

  // ---- links ----------------------------------------------------------------------------

  createLink(input: LinkInput): Promise<ClaimLink | undefined> {
    return this.change(() => this.api.createLink(input))
  }

  async deleteLink(id: string): Promise<boolean> {
    const done = await this.run(async () => {
      this.applyChanges((await this.api.deleteLink(id)).changes)
      return true
    })
    return done === true
  }

  // ---- suggestions and conflict sets ------------------------------------------------------

  /** Rejects suggestions of a document by span, or brings them back; resolves to its rejected spans. */
  rejectSuggestions(input: RejectInput): Promise<string[] | undefined> {
    return this.change(() => this.api.rejectSuggestions(input))
  }

  /** Makes claims (and the sources they name) from the engine's suggestions, as one undoable change. */
  async acceptSuggestions(input: AcceptInput): Promise<AcceptedSuggestions | undefined> {
    const done = await this.change(() => this.api.acceptSuggestions(input))
    if (!done) return undefined
    const made = done.claims.length
    const sources = done.sources.length
    const parts = [`Accepted ${made} suggested claim${made === 1 ? '' : 's'}`]
    if (sources > 0) parts.push(`${sources} new source${sources === 1 ? '' : 's'}`)
    if (done.skipped > 0) parts.push(`${done.skipped} already marked`)
    this.notices.toast(parts.join('; '), made > 0 ? [{ label: 'Undo', run: () => this.step('undo') }] : [], 8_000)
    return done
  }

  keepConflictProposal(key: string, status: ConflictSetStatus): Promise<ConflictSet | undefined> {
    return this.change(() => this.api.keepConflictProposal(key, status))
  }

  createConflictSet(input: ConflictSetInput): Promise<ConflictSet | undefined> {
    return this.change(() => this.api.createConflictSet(input))
  }

  updateConflictSet(id: string, patch: ConflictSetPatch): Promise<ConflictSet | undefined> {
    return this.change(() => this.api.updateConflictSet(id, patch))
  }

  async deleteConflictSet(id: string): Promise<boolean> {
    const done = await this.run(async () => {
      this.applyChanges((await this.api.deleteConflictSet(id)).changes)
      return true
    })
    return done === true
  }

  // ---- briefings ------------------------------------------------------------------------

  createBriefing(input: BriefingInput): Promise<Briefing | undefined> {
    return this.change(() => this.api.createBriefing(input))
  }

  updateBriefing(id: string, patch: BriefingInput, options?: ActionOptions): Promise<Briefing | undefined> {
    return this.change(() => this.api.updateBriefing(id, patch), options)
  }

  async deleteBriefing(id: string): Promise<boolean> {
    const done = await this.run(async () => {
      this.applyChanges((await this.api.deleteBriefing(id)).changes)
      return true
    })
    return done === true
  }

  exportBriefing(format: ExportFormat, briefing?: string): Promise<ExportResult | undefined> {
    return this.run(() => this.api.exportBriefing({ format, briefing }))
  }
}
