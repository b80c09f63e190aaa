// ClaimdeskApi implemented on the case store, the importers and the exporters. Arguments arrive
// already checked against the contract's schemas (dispatch.ts); this layer enforces the rules
// that need the case: references exist, positions fit the text, sources in use stay.
import { createHash, randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import type {
  AnnotationImportResult,
  ApiMethod,
  BackupInfo,
  BriefingInput,
  CaseInfo,
  CaseSnapshot,
  ClaimdeskApi,
  ClaimInput,
  ClaimPatch,
  DocumentPatch,
  ExportInput,
  ExportResult,
  ImportFile,
  ImportResult,
  LinkInput,
  OpenOptions,
  PasteInput,
  RecentCase,
  SourceInput,
  SourcePatch
} from '../shared/api'
import { claimInput, linkInput, sourceInput } from '../shared/api'
import { API_METHODS } from '../shared/api-methods'
import { selectorsFor } from '../shared/anchoring'
import { ClaimdeskError, invalid, notFound } from '../shared/errors'
import type { Briefing, CaseDocument, Claim, ClaimLink, DocumentSummary, Id, Source } from '../shared/model'
import { emptyCase, listBackups, openCaseStore, restoreBackup } from './case'
import type { CaseOp, CaseStore } from './case/types'
import { exportBriefing, type PdfPrinter } from './export'
import { matchAnnotationsToCase, parseWebAnnotations } from './export/jsonld-import'
import { importFile, importPastedText, type ImportedDocument } from './import'
import { RecentList } from './recent'

export const CASE_EXTENSION = '.claimdesk.json'

export interface ServiceOptions {
  /** Where recent.json lives (the app's user-data folder). */
  userDataDir: string
  /** Electron's printToPDF in the app; Chromium elsewhere. */
  printPdf?: PdfPrinter
  now?: () => Date
}

/** Adds the case extension a user left off. */
export function casePath(path: string): string {
  const full = resolve(path)
  return full.endsWith(CASE_EXTENSION) ? full : full + CASE_EXTENSION
}

function caseName(path: string): string {
  return basename(path).slice(0, -CASE_EXTENSION.length) || basename(path)
}

/** Methods that only read. Every other method changes the case and is queued (see below). */
const READS: readonly ApiMethod[] = ['currentCase', 'recentCases', 'listBackups', 'getDocument', 'exportBriefing']

/**
 * The methods that change the case run one at a time: the store updates its in-memory data only
 * once a change is durable, so two overlapping calls would otherwise both start from the same
 * state and the later write would undo the earlier. A new method is queued unless listed above.
 */
const MUTATIONS = API_METHODS.filter((m) => !READS.includes(m))

export class ClaimdeskService implements ClaimdeskApi {
  private store: CaseStore | null = null
  private queue: Promise<unknown> = Promise.resolve()
  /** What the last deleteClaim took along with the claim, for restoreClaim (undo) to put back. */
  private lastRemoved: { claimId: Id; links: ClaimLink[]; briefings: Briefing[] } | null = null
  /** Why the case the app starts with could not be opened; the UI asks for it via currentCase. */
  private startupError: ClaimdeskError | null = null
  private readonly recent: RecentList
  private readonly now: () => Date

  constructor(private readonly options: ServiceOptions) {
    this.recent = new RecentList(options.userDataDir)
    this.now = options.now ?? (() => new Date())
    for (const method of MUTATIONS) {
      const run = this[method].bind(this) as (...args: unknown[]) => Promise<unknown>
      Object.defineProperty(this, method, { value: (...args: unknown[]) => this.oneAtATime(() => run(...args)) })
    }
  }

  private oneAtATime<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task, task)
    this.queue = result.catch(() => undefined)
    return result
  }

  // ---- cases ---------------------------------------------------------------------------

  async currentCase(): Promise<CaseSnapshot> {
    if (!this.store && this.startupError) throw this.startupError
    return this.snapshot(this.open())
  }

  /**
   * Opens the case a session starts with, creating it (and filling it) when new. A case that
   * cannot be opened (corrupt, locked) is not fatal: the error waits for the UI, which offers
   * a backup or a read-only open.
   */
  async openAtStart(path: string, fill?: () => Promise<void>): Promise<CaseSnapshot | null> {
    try {
      return await this.openOrCreate(path, fill)
    } catch (err) {
      if (!(err instanceof ClaimdeskError)) throw err
      this.startupError = err
      return null
    }
  }

  async newCase(path: string): Promise<CaseSnapshot> {
    const target = casePath(path)
    if (existsSync(target)) {
      throw new ClaimdeskError('conflict', `${target} already exists: open it, or choose another name`)
    }
    const store = await openCaseStore(target, { createWith: emptyCase(caseName(target)) })
    return this.adopt(store)
  }

  async openCase(path: string, options?: OpenOptions): Promise<CaseSnapshot> {
    return this.openNow(casePath(path), options?.readOnly ?? false)
  }

  // The *Now methods do the work of queued methods, for other queued methods to call: a queued
  // method that called another one would wait for itself.
  private async openNow(target: string, readOnly: boolean): Promise<CaseSnapshot> {
    if (!existsSync(target)) throw notFound(`${target}: no such case file`)
    const current = this.store
    if (current?.path === target) {
      if (current.readOnly === readOnly) return this.snapshot(current)
      await this.closeNow() // the same file in the other mode: let go of our own lock first
    }
    const store = await openCaseStore(target, { readOnly }).catch((err: unknown) => {
      // The UI needs the path to offer "open read-only" or "restore a backup".
      if (err instanceof ClaimdeskError)
        throw new ClaimdeskError(err.code, err.message, { ...err.details, path: target })
      throw err
    })
    return this.adopt(store)
  }

  /** Opens `path`, creating it with `initial` data when it does not exist yet. */
  async openOrCreate(path: string, initial: () => Promise<void> | void = () => {}): Promise<CaseSnapshot> {
    const target = casePath(path)
    if (existsSync(target)) return this.openCase(target)
    await this.newCase(target)
    await initial()
    return this.currentCase()
  }

  async saveCaseAs(path: string): Promise<CaseSnapshot> {
    const target = casePath(path)
    const store = this.open()
    if (target === store.path) return this.snapshot(store)
    if (existsSync(target)) {
      throw new ClaimdeskError('conflict', `${target} already exists: choose another name`)
    }
    this.store = await store.saveAs(target)
    await this.recent.add(target, caseName(target), this.stamp())
    return this.snapshot(this.store)
  }

  async recentCases(): Promise<RecentCase[]> {
    return this.recent.list()
  }

  async listBackups(path: string): Promise<BackupInfo[]> {
    return listBackups(casePath(path))
  }

  async restoreBackup(path: string, backupFile: string): Promise<CaseSnapshot> {
    const target = casePath(path)
    if (this.store?.path === target) await this.closeNow()
    await restoreBackup(target, backupFile)
    return this.openNow(target, false)
  }

  async setCaseTitle(title: string): Promise<CaseInfo> {
    const store = this.writable()
    await store.apply([{ op: 'meta', title }])
    return this.info(store)
  }

  /** Closes the case once the changes already asked for are written. */
  async close(): Promise<void> {
    return this.oneAtATime(() => this.closeNow())
  }

  private async closeNow(): Promise<void> {
    const store = this.store
    this.store = null
    this.lastRemoved = null
    await store?.close()
  }

  private async adopt(store: CaseStore): Promise<CaseSnapshot> {
    try {
      await this.closeNow()
    } catch (err) {
      await store.close().catch(() => undefined)
      throw err
    }
    this.store = store
    this.startupError = null
    await this.recent.add(store.path, caseName(store.path), this.stamp())
    return this.snapshot(store)
  }

  // ---- documents -----------------------------------------------------------------------

  async importFiles(files: ImportFile[]): Promise<ImportResult[]> {
    const store = this.writable()
    const results: ImportResult[] = []
    for (const file of files) {
      results.push(await this.importOne(store, file))
    }
    return results
  }

  private async importOne(store: CaseStore, file: ImportFile): Promise<ImportResult> {
    const fileName = basename(file.name.replaceAll('\\', '/'))
    const bytes = Buffer.from(file.data, 'base64')
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    const same = store.state.toData().documents.find((d) => d.provenance.sha256 === sha256)
    if (same) {
      return { fileName, status: 'duplicate', documentId: same.id, message: `already in the case as “${same.title}”` }
    }
    let imported: ImportedDocument
    try {
      imported = await importFile(fileName, bytes, { encoding: file.encoding })
    } catch (err) {
      if (err instanceof ClaimdeskError) return { fileName, status: 'failed', message: err.message }
      throw err
    }
    const previous = this.previousVersion(store, imported)
    const doc = this.newDocument(imported, {
      fileName,
      format: imported.format,
      sha256,
      size: bytes.length,
      importedAt: this.stamp(),
      ...(imported.encoding ? { encoding: imported.encoding } : {})
    })
    if (previous) doc.versionOf = previous.id
    await store.putOriginal(sha256, bytes)
    await store.apply([{ op: 'put', collection: 'documents', item: doc }])
    const notes = [...imported.notices]
    if (previous) notes.unshift(`new version of “${previous.title}”, kept beside it`)
    const known = new Set(
      store.state.toData().sources.flatMap((s) => [s.name, ...s.aliases].map((n) => n.toLowerCase()))
    )
    const suggestedSources = imported.suggestedSources.filter((s) => !known.has(s.name.toLowerCase()))
    return {
      fileName,
      status: 'imported',
      documentId: doc.id,
      ...(notes.length ? { message: notes.join('; ') } : {}),
      ...(suggestedSources.length ? { suggestedSources } : {})
    }
  }

  async reimportDocument(id: string, encoding: string): Promise<DocumentSummary> {
    const store = this.writable()
    const doc = this.document(store, id)
    const claims = store.state.toData().claims.filter((c) => c.documentId === id).length
    if (claims > 0) {
      throw new ClaimdeskError(
        'conflict',
        `“${doc.title}” has ${claims} claim${claims === 1 ? '' : 's'} anchored in its text: re-import it as a new document instead`
      )
    }
    const bytes = await store.getOriginal(doc.provenance.sha256)
    if (!bytes) throw notFound(`the original file of “${doc.title}” is not kept beside the case`)
    const imported = await importFile(doc.provenance.fileName, bytes, { encoding })
    const next: CaseDocument = {
      ...doc,
      text: imported.text,
      blocks: imported.blocks,
      notices: imported.notices,
      provenance: { ...doc.provenance, ...(imported.encoding ? { encoding: imported.encoding } : {}) },
      updatedAt: this.stamp()
    }
    await store.apply([{ op: 'put', collection: 'documents', item: next }])
    return this.summary(store, next, 0)
  }

  /** An earlier import of the same article: same URL, or same title, with different text. */
  private previousVersion(store: CaseStore, imported: ImportedDocument): CaseDocument | undefined {
    const { url, title } = imported.meta
    const docs = store.state.toData().documents
    const byUrl = url ? docs.filter((d) => d.url === url) : []
    const candidates = byUrl.length ? byUrl : docs.filter((d) => d.title === title)
    return candidates.at(-1)
  }

  async pasteText(input: PasteInput): Promise<DocumentSummary> {
    const store = this.writable()
    let imported: ImportedDocument
    try {
      imported = importPastedText(input.text, input.title)
    } catch (err) {
      throw err instanceof ClaimdeskError ? err : invalid(`pasted text: ${(err as Error).message}`)
    }
    const bytes = Buffer.from(input.text, 'utf8')
    const doc = this.newDocument(imported, {
      fileName: 'pasted text',
      format: 'paste',
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.length,
      importedAt: this.stamp(),
      encoding: 'utf-8'
    })
    await store.putOriginal(doc.provenance.sha256, bytes)
    await store.apply([{ op: 'put', collection: 'documents', item: doc }])
    return this.summary(store, doc)
  }

  private newDocument(imported: ImportedDocument, provenance: CaseDocument['provenance']): CaseDocument {
    const now = this.stamp()
    return {
      id: randomUUID(),
      title: imported.meta.title,
      outlet: imported.meta.outlet,
      author: imported.meta.author,
      url: imported.meta.url,
      published: imported.meta.published,
      ...(imported.meta.language ? { language: imported.meta.language } : {}),
      text: imported.text,
      blocks: imported.blocks,
      provenance,
      notices: imported.notices,
      createdAt: now,
      updatedAt: now
    }
  }

  async getDocument(id: string): Promise<CaseDocument> {
    return this.document(this.open(), id)
  }

  async updateDocument(id: string, patch: DocumentPatch): Promise<DocumentSummary> {
    const store = this.writable()
    const doc = { ...this.document(store, id), ...patch, updatedAt: this.stamp() }
    await store.apply([{ op: 'put', collection: 'documents', item: doc }])
    return this.summary(store, doc)
  }

  async deleteDocument(id: string): Promise<string[]> {
    const store = this.writable()
    this.document(store, id)
    const claimIds = store.state
      .toData()
      .claims.filter((c) => c.documentId === id)
      .map((c) => c.id)
    await store.apply([
      ...this.removeClaimsOps(store, new Set(claimIds)),
      { op: 'remove', collection: 'documents', id }
    ])
    return claimIds
  }

  // ---- sources -------------------------------------------------------------------------

  async createSource(input: SourceInput): Promise<Source> {
    const store = this.writable()
    const fields = sourceInput.parse(input)
    this.assertNameFree(store, fields.name)
    const now = this.stamp()
    const source: Source = { id: randomUUID(), ...fields, createdAt: now, updatedAt: now }
    await store.apply([{ op: 'put', collection: 'sources', item: source }])
    return source
  }

  async updateSource(id: string, patch: SourcePatch): Promise<Source> {
    const store = this.writable()
    const current = this.source(store, id)
    if (patch.name !== undefined && patch.name.toLowerCase() !== current.name.toLowerCase()) {
      this.assertNameFree(store, patch.name)
    }
    const source: Source = { ...current, ...patch, updatedAt: this.stamp() }
    await store.apply([{ op: 'put', collection: 'sources', item: source }])
    return source
  }

  async mergeSources(fromId: string, intoId: string): Promise<Source> {
    const store = this.writable()
    if (fromId === intoId) throw invalid('mergeSources: a source cannot be merged into itself')
    const from = this.source(store, fromId)
    const into = this.source(store, intoId)
    const aliases = [...new Set([...into.aliases, from.name, ...from.aliases])].filter(
      (a) => a.toLowerCase() !== into.name.toLowerCase()
    )
    const merged: Source = { ...into, aliases, updatedAt: this.stamp() }
    await store.apply([
      ...this.reassignOps(store, fromId, intoId),
      { op: 'put', collection: 'sources', item: merged },
      { op: 'remove', collection: 'sources', id: fromId }
    ])
    return merged
  }

  async deleteSource(id: string, reassignTo?: string | null): Promise<void> {
    const store = this.writable()
    const source = this.source(store, id)
    const uses = store.state.toData().claims.filter((c) => c.sourceId === id || c.via.includes(id)).length
    if (uses > 0 && !reassignTo) {
      throw new ClaimdeskError(
        'conflict',
        `“${source.name}” is used by ${uses} claim${uses === 1 ? '' : 's'}: choose a source to reassign them to, or merge it`,
        { uses }
      )
    }
    if (reassignTo) {
      if (reassignTo === id) throw invalid('deleteSource: cannot reassign claims to the source being deleted')
      this.source(store, reassignTo)
    }
    await store.apply([
      ...(reassignTo ? this.reassignOps(store, id, reassignTo) : []),
      { op: 'remove', collection: 'sources', id }
    ])
  }

  /** Puts every claim that names `fromId` (as speaker or relay) onto `toId`. */
  private reassignOps(store: CaseStore, fromId: Id, toId: Id): CaseOp[] {
    const now = this.stamp()
    return store.state
      .toData()
      .claims.filter((c) => c.sourceId === fromId || c.via.includes(fromId))
      .map((c) => {
        const via = [...new Set(c.via.map((v) => (v === fromId ? toId : v)))]
        const sourceId = c.sourceId === fromId ? toId : c.sourceId
        const item: Claim = { ...c, sourceId, via: via.filter((v) => v !== sourceId), updatedAt: now }
        return { op: 'put', collection: 'claims', item }
      })
  }

  private assertNameFree(store: CaseStore, name: string): void {
    const lower = name.toLowerCase()
    const clash = store.state.toData().sources.find((s) => s.name.toLowerCase() === lower)
    if (clash) throw new ClaimdeskError('conflict', `a source named “${clash.name}” already exists`)
  }

  // ---- claims --------------------------------------------------------------------------

  async createClaim(input: ClaimInput): Promise<Claim> {
    const store = this.writable()
    const fields = claimInput.parse(input)
    const doc = this.document(store, fields.documentId)
    const { start, end } = this.fitRange(doc, fields.start, fields.end)
    this.assertSources(store, fields.sourceId, fields.via)
    const now = this.stamp()
    const claim: Claim = {
      id: randomUUID(),
      documentId: doc.id,
      ...selectorsFor(doc.text, start, end),
      sourceId: fields.sourceId,
      via: fields.via,
      tags: normaliseTags(fields.tags),
      note: fields.note,
      status: fields.status,
      credibility: fields.credibility,
      createdAt: now,
      updatedAt: now
    }
    await store.apply([{ op: 'put', collection: 'claims', item: claim }])
    return claim
  }

  async updateClaim(id: string, patch: ClaimPatch): Promise<Claim> {
    const store = this.writable()
    const current = this.claim(store, id)
    const next: Claim = { ...current, ...patch, updatedAt: this.stamp() }
    if (patch.tags) next.tags = normaliseTags(patch.tags)
    this.assertSources(store, next.sourceId, next.via)
    await store.apply([{ op: 'put', collection: 'claims', item: next }])
    return next
  }

  async deleteClaim(id: string): Promise<Claim> {
    const store = this.writable()
    const claim = this.claim(store, id)
    const removed = {
      claimId: id,
      links: store.state.toData().links.filter((l) => l.from === id || l.to === id),
      briefings: store.state
        .toData()
        .briefings.filter((b) => b.claimIds.includes(id) || b.judgments.some((j) => j.claimIds.includes(id)))
    }
    await store.apply(this.removeClaimsOps(store, new Set([id])))
    this.lastRemoved = removed
    return claim
  }

  async restoreClaim(claim: Claim): Promise<Claim> {
    const store = this.writable()
    if (store.state.toData().claims.some((c) => c.id === claim.id)) {
      throw new ClaimdeskError('conflict', `claim ${claim.id} is already in the case`)
    }
    const doc = this.document(store, claim.documentId)
    this.fitRange(doc, claim.position.start, claim.position.end)
    if (doc.text.slice(claim.position.start, claim.position.end) !== claim.quote.exact) {
      throw invalid(`restoreClaim: the quote no longer matches “${doc.title}” at ${claim.position.start}`)
    }
    this.assertSources(store, claim.sourceId, claim.via)
    await store.apply([{ op: 'put', collection: 'claims', item: claim }, ...this.undoRemovalOps(store, claim.id)])
    this.lastRemoved = null
    return claim
  }

  /** The links and briefing citations the last deleteClaim removed with this claim, put back. */
  private undoRemovalOps(store: CaseStore, claimId: Id): CaseOp[] {
    const removed = this.lastRemoved?.claimId === claimId ? this.lastRemoved : null
    if (!removed) return []
    const claims = new Set(store.state.toData().claims.map((c) => c.id)).add(claimId)
    const ops: CaseOp[] = removed.links
      .filter((l) => claims.has(l.from) && claims.has(l.to) && !store.state.toData().links.some((x) => x.id === l.id))
      .map((item) => ({ op: 'put', collection: 'links', item }))
    for (const before of removed.briefings) {
      const now = store.state.toData().briefings.find((b) => b.id === before.id)
      if (!now) continue
      const item: Briefing = {
        ...now,
        claimIds: reinsert(now.claimIds, before.claimIds, claimId),
        judgments: now.judgments.map((j) => {
          const old = before.judgments.find((o) => o.id === j.id)
          return old ? { ...j, claimIds: reinsert(j.claimIds, old.claimIds, claimId) } : j
        }),
        updatedAt: this.stamp()
      }
      ops.push({ op: 'put', collection: 'briefings', item })
    }
    return ops
  }

  /** Removing claims also removes links to them and their citations in briefings. */
  private removeClaimsOps(store: CaseStore, ids: Set<Id>): CaseOp[] {
    if (ids.size === 0) return []
    const ops: CaseOp[] = [...ids].map((id) => ({ op: 'remove', collection: 'claims', id }))
    for (const link of store.state.toData().links) {
      if (ids.has(link.from) || ids.has(link.to)) ops.push({ op: 'remove', collection: 'links', id: link.id })
    }
    const now = this.stamp()
    for (const b of store.state.toData().briefings) {
      const cites = (list: Id[]) => list.some((id) => ids.has(id))
      if (!cites(b.claimIds) && !b.judgments.some((j) => cites(j.claimIds))) continue
      const keep = (list: Id[]) => list.filter((id) => !ids.has(id))
      const item: Briefing = {
        ...b,
        claimIds: keep(b.claimIds),
        judgments: b.judgments.map((j) => ({ ...j, claimIds: keep(j.claimIds) })),
        updatedAt: now
      }
      ops.push({ op: 'put', collection: 'briefings', item })
    }
    return ops
  }

  private fitRange(doc: CaseDocument, start: number, end: number): { start: number; end: number } {
    if (end > doc.text.length || start >= end) {
      throw invalid(`range ${start}-${end} does not fit “${doc.title}” (${doc.text.length} characters)`)
    }
    if (doc.text.slice(start, end).trim() === '') throw invalid('a claim needs some text: the selection is blank')
    return { start, end }
  }

  private assertSources(store: CaseStore, sourceId: Id | null, via: Id[]): void {
    if (sourceId) this.source(store, sourceId)
    for (const v of via) this.source(store, v)
    if (new Set(via).size !== via.length) throw invalid('via: a relay is listed twice')
    if (sourceId && via.includes(sourceId)) throw invalid('via: the source cannot also be its own relay')
  }

  // ---- links ---------------------------------------------------------------------------

  async createLink(input: LinkInput): Promise<ClaimLink> {
    const store = this.writable()
    const fields = linkInput.parse(input)
    this.claim(store, fields.from)
    this.claim(store, fields.to)
    const dup = store.state
      .toData()
      .links.find(
        (l) =>
          l.kind === fields.kind &&
          ((l.from === fields.from && l.to === fields.to) || (l.from === fields.to && l.to === fields.from))
      )
    if (dup) throw new ClaimdeskError('conflict', 'these claims are already linked that way')
    const link: ClaimLink = { id: randomUUID(), ...fields, createdAt: this.stamp() }
    await store.apply([{ op: 'put', collection: 'links', item: link }])
    return link
  }

  async deleteLink(id: string): Promise<void> {
    const store = this.writable()
    if (!store.state.toData().links.some((l) => l.id === id)) throw notFound(`no link with id ${id}`)
    await store.apply([{ op: 'remove', collection: 'links', id }])
  }

  // ---- briefings -----------------------------------------------------------------------

  async createBriefing(input: BriefingInput): Promise<Briefing> {
    const store = this.writable()
    this.assertClaims(store, input)
    const now = this.stamp()
    const briefing: Briefing = {
      id: randomUUID(),
      title: input.title ?? store.state.toData().title,
      handling: input.handling ?? '',
      date: input.date ?? now,
      author: input.author ?? '',
      bottomLine: input.bottomLine ?? '',
      judgments: input.judgments ?? [],
      claimIds: input.claimIds ?? [],
      groupBy: input.groupBy ?? 'source',
      gaps: input.gaps ?? '',
      createdAt: now,
      updatedAt: now
    }
    await store.apply([{ op: 'put', collection: 'briefings', item: briefing }])
    return briefing
  }

  async updateBriefing(id: string, patch: BriefingInput): Promise<Briefing> {
    const store = this.writable()
    const current = store.state.toData().briefings.find((b) => b.id === id)
    if (!current) throw notFound(`no briefing with id ${id}`)
    this.assertClaims(store, patch)
    const briefing: Briefing = { ...current, ...patch, updatedAt: this.stamp() }
    await store.apply([{ op: 'put', collection: 'briefings', item: briefing }])
    return briefing
  }

  async deleteBriefing(id: string): Promise<void> {
    const store = this.writable()
    if (!store.state.toData().briefings.some((b) => b.id === id)) throw notFound(`no briefing with id ${id}`)
    await store.apply([{ op: 'remove', collection: 'briefings', id }])
  }

  private assertClaims(store: CaseStore, input: BriefingInput): void {
    const known = new Set(store.state.toData().claims.map((c) => c.id))
    const cited = [...(input.claimIds ?? []), ...(input.judgments ?? []).flatMap((j) => j.claimIds)]
    const missing = cited.find((id) => !known.has(id))
    if (missing) throw notFound(`briefing cites claim ${missing}, which is not in the case`)
  }

  async exportBriefing(input: ExportInput): Promise<ExportResult> {
    const store = this.open()
    return exportBriefing(store.state.toData(), input, { printPdf: this.options.printPdf })
  }

  async importAnnotations(json: string): Promise<AnnotationImportResult> {
    const store = this.writable()
    let parsed: unknown
    try {
      parsed = JSON.parse(json)
    } catch (err) {
      throw invalid(`the annotation file is not valid JSON (${(err as Error).message})`)
    }
    const found = matchAnnotationsToCase(store.state.toData(), parseWebAnnotations(parsed))
    await store.apply([
      ...found.sources.map((item): CaseOp => ({ op: 'put', collection: 'sources', item })),
      ...found.claims.map((item): CaseOp => ({ op: 'put', collection: 'claims', item }))
    ])
    return { claims: found.claims.length, sources: found.sources.length, skipped: found.skipped }
  }

  // ---- helpers -------------------------------------------------------------------------

  private open(): CaseStore {
    if (!this.store) throw new ClaimdeskError('no-case', 'no case is open: create or open one first')
    return this.store
  }

  private writable(): CaseStore {
    const store = this.open()
    if (store.readOnly) {
      throw new ClaimdeskError('read-only', `${basename(store.path)} is open read-only: changes are not allowed`)
    }
    return store
  }

  private stamp(): string {
    return this.now().toISOString()
  }

  private document(store: CaseStore, id: Id): CaseDocument {
    const doc = store.state.toData().documents.find((d) => d.id === id)
    if (!doc) throw notFound(`no document with id ${id}`)
    return doc
  }

  private source(store: CaseStore, id: Id): Source {
    const source = store.state.toData().sources.find((s) => s.id === id)
    if (!source) throw notFound(`no source with id ${id}`)
    return source
  }

  private claim(store: CaseStore, id: Id): Claim {
    const claim = store.state.toData().claims.find((c) => c.id === id)
    if (!claim) throw notFound(`no claim with id ${id}`)
    return claim
  }

  private info(store: CaseStore): CaseInfo {
    return {
      path: store.path,
      name: caseName(store.path),
      title: store.state.toData().title,
      readOnly: store.readOnly,
      recovered: store.recovered
    }
  }

  private summary(store: CaseStore, doc: CaseDocument, claimCount?: number): DocumentSummary {
    const { text, blocks: _blocks, ...rest } = doc
    return {
      ...rest,
      length: text.length,
      claimCount: claimCount ?? store.state.toData().claims.filter((c) => c.documentId === doc.id).length
    }
  }

  private snapshot(store: CaseStore): CaseSnapshot {
    const counts = new Map<Id, number>()
    for (const c of store.state.toData().claims) counts.set(c.documentId, (counts.get(c.documentId) ?? 0) + 1)
    return {
      info: this.info(store),
      documents: store.state.toData().documents.map((d) => this.summary(store, d, counts.get(d.id) ?? 0)),
      sources: [...store.state.toData().sources],
      claims: [...store.state.toData().claims],
      links: [...store.state.toData().links],
      briefings: [...store.state.toData().briefings]
    }
  }
}

/** `list` with `id` back where it stood in `before` (unchanged when it was not there). */
function reinsert(list: Id[], before: Id[], id: Id): Id[] {
  const at = before.indexOf(id)
  if (at < 0 || list.includes(id)) return list
  const next = [...list]
  next.splice(Math.min(at, next.length), 0, id)
  return next
}

function normaliseTags(tags: string[]): string[] {
  const seen = new Map<string, string>()
  for (const t of tags) {
    const tag = t.trim().replace(/\s+/g, ' ')
    if (tag && !seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag)
  }
  return [...seen.values()]
}
