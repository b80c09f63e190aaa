// The one contract between the UI (or a script) and the case. Every door (Electron IPC, the
// loopback browser mode, the CLI) calls these methods, and every call's arguments are checked
// against `apiArgs` before the implementation sees them.
import { z } from 'zod'
import type { CircularGroup, ConflictFigure, ConflictSetProposal, Suggestion, TopicView } from './analysis'
import type { BriefingView } from './briefing/view'
import {
  CLAIM_STATUSES,
  CONFLICT_SET_KINDS,
  CONFLICT_SET_STATUSES,
  CONFIDENCE,
  CREDIBILITY,
  GROUP_BY,
  LINK_KINDS,
  RELIABILITY,
  SOURCE_KINDS,
  SUGGESTION_KEY,
  type Briefing,
  type CaseDocument,
  type Claim,
  type ClaimLink,
  type ConflictSet,
  type DocumentSummary,
  type Id,
  type Rejections,
  type Source
} from './model'

export const LIMITS = {
  /** Largest file accepted by importFiles (bytes, before base64). */
  fileBytes: 256 * 1024 * 1024,
  filesPerImport: 1000,
  pasteChars: 50 * 1024 * 1024,
  shortText: 500,
  longText: 100_000,
  path: 4096,
  listItems: 10_000,
  tagsPerClaim: 100
} as const

const id = z.string().min(1).max(100)
const short = z.string().max(LIMITS.shortText)
const long = z.string().max(LIMITS.longText)
/** A file path: no NUL (no file system has one in a name; Node would refuse it deep inside, as an I/O error). */
const path = z
  .string()
  .min(1)
  .max(LIMITS.path)
  .refine((p) => !p.includes('\0'), 'a path cannot contain a NUL character')
const tags = z.array(z.string().trim().min(1).max(100)).max(LIMITS.tagsPerClaim)
const dateText = z.union([
  z.literal(''),
  z.string().regex(/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'expected YYYY-MM-DD or an ISO date-time')
])

export const documentPatch = z
  .object({
    title: short.trim().min(1),
    outlet: short,
    author: short,
    url: z.string().max(2048),
    published: dateText,
    language: z.string().max(35)
  })
  .partial()
  .strict()

/** A file to import, by path on the machine the backend runs on (browser mode uploads it first). */
export const importFile = z
  .object({
    path,
    /** The name the analyst knows the file by (an uploaded file's original name); the path's by default. */
    name: z.string().min(1).max(1024).optional(),
    /** Force an encoding instead of detecting it (text files). */
    encoding: z.string().max(40).optional()
  })
  .strict()

export const pasteInput = z.object({
  text: z.string().min(1).max(LIMITS.pasteChars),
  title: short.optional()
})

export const sourceInput = z
  .object({
    name: short.trim().min(1),
    kind: z.enum(SOURCE_KINDS).default('person'),
    description: long.default(''),
    reliability: z.enum(RELIABILITY).default('F'),
    aliases: z.array(short.trim().min(1)).max(100).default([])
  })
  .strict()

export const sourcePatch = z
  .object({
    name: short.trim().min(1),
    kind: z.enum(SOURCE_KINDS),
    description: long,
    reliability: z.enum(RELIABILITY),
    aliases: z.array(short.trim().min(1)).max(100)
  })
  .partial()
  .strict()

export const claimInput = z
  .object({
    documentId: id,
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    sourceId: id.nullable().default(null),
    via: z.array(id).max(20).default([]),
    tags: tags.default([]),
    note: long.default(''),
    status: z.enum(CLAIM_STATUSES).default('unverified'),
    credibility: z.enum(CREDIBILITY).default('6')
  })
  .strict()
  .refine((c) => c.end > c.start, { message: 'end must be after start', path: ['end'] })

export const claimPatch = z
  .object({
    sourceId: id.nullable(),
    via: z.array(id).max(20),
    tags,
    note: long,
    status: z.enum(CLAIM_STATUSES),
    credibility: z.enum(CREDIBILITY)
  })
  .partial()
  .strict()

/** One change to several claims at once: topics added and taken away, and fields set on every one. */
export const claimsPatch = z
  .object({
    addTags: tags,
    removeTags: tags,
    sourceId: id.nullable(),
    status: z.enum(CLAIM_STATUSES),
    credibility: z.enum(CREDIBILITY)
  })
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: 'name a change to make' })

const claimIds = z.array(id).min(1).max(LIMITS.listItems)

export const linkInput = z
  .object({ from: id, to: id, kind: z.enum(LINK_KINDS), note: long.default('') })
  .strict()
  .refine((l) => l.from !== l.to, { message: 'a claim cannot be linked to itself', path: ['to'] })

const judgment = z.object({
  id,
  text: long,
  confidence: z.enum(CONFIDENCE),
  claimIds: z.array(id).max(LIMITS.listItems)
})

export const briefingInput = z
  .object({
    title: short,
    handling: short,
    date: dateText,
    author: short,
    bottomLine: long,
    judgments: z.array(judgment).max(200),
    claimIds: z.array(id).max(LIMITS.listItems),
    groupBy: z.enum(GROUP_BY),
    gaps: long
  })
  .partial()
  .strict()

export const EXPORT_FORMATS = ['md', 'html', 'pdf', 'docx', 'csv', 'jsonld'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export const exportInput = z
  .object({
    format: z.enum(EXPORT_FORMATS),
    /** Briefing id or title; the case's first briefing when omitted. */
    briefing: z.string().max(LIMITS.shortText).optional(),
    /** Fixed "generated at" time, for reproducible output. */
    generatedAt: z.string().max(40).optional()
  })
  .strict()

export const openOptions = z
  .object({
    readOnly: z.boolean().default(false),
    /** Recover the changes before a damaged line of the journal and keep the rest aside. */
    recoverJournal: z.boolean().default(false),
    /** Break a lock that names no running Claimdesk (after the UI has warned the analyst). */
    breakLock: z.boolean().default(false)
  })
  .strict()

export const CLAIM_SORTS = ['position', 'source', 'topic', 'document', 'updated'] as const
export type ClaimSort = (typeof CLAIM_SORTS)[number]

/** A page of the case's claims, filtered; groups come from the sort (source, topic or document). */
export const claimQuery = z
  .object({
    documentId: id.optional(),
    /** A source id, or "none" for unattributed claims. */
    sourceId: id.optional(),
    tag: z.string().max(100).optional(),
    status: z.enum(CLAIM_STATUSES).optional(),
    /** Words that must all appear in the quote, note, tags or source names (case ignored). */
    text: z.string().max(LIMITS.shortText).optional(),
    /** Orphans of a newer version: claims that could not follow onto this document when re-anchored. */
    orphansOf: id.optional(),
    sort: z.enum(CLAIM_SORTS).default('position'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(0).max(5000).default(200)
  })
  .strict()

/** Words to find across the case (or one document): text, quotes, notes, tags, sources and aliases. */
export const searchQuery = z
  .object({
    text: z.string().max(LIMITS.shortText),
    documentId: id.optional(),
    /** Hits listed per document (every hit is counted). */
    hitsPerDocument: z.number().int().min(0).max(10_000).default(200),
    /** Claims and sources listed at most. */
    limit: z.number().int().min(0).max(5000).default(100)
  })
  .strict()

/** Rejects suggestions of a document by their spans, or brings them back (every one when none are named). */
export const rejectInput = z
  .object({
    documentId: id,
    spans: z
      .array(z.string().regex(SUGGESTION_KEY, 'expected the span of a suggestion, "start:end"'))
      .min(1)
      .max(LIMITS.listItems)
      .optional(),
    rejected: z.boolean()
  })
  .strict()
  .refine((r) => !r.rejected || r.spans, { message: 'name the spans to reject', path: ['spans'] })

/** Which of a document's suggested claims to accept: all of them, those named, or every one of a speaker. */
export const acceptInput = z
  .object({
    documentId: id,
    suggestionIds: z.array(z.string().min(1).max(20)).max(LIMITS.listItems).optional(),
    /** A speaker within the document ("e3"), as suggestions name it. */
    entity: z.string().min(1).max(20).optional()
  })
  .strict()

export const conflictSetInput = z
  .object({
    claimIds: z.array(id).min(2).max(LIMITS.listItems),
    kind: z.enum(CONFLICT_SET_KINDS).default('conflict'),
    subject: short.default(''),
    note: long.default('')
  })
  .strict()

export const conflictSetPatch = z
  .object({
    status: z.enum(CONFLICT_SET_STATUSES),
    note: long,
    subject: short,
    claimIds: z.array(id).min(2).max(LIMITS.listItems)
  })
  .partial()
  .strict()

export type DocumentPatch = z.infer<typeof documentPatch>
export type RejectInput = z.infer<typeof rejectInput>
export type ImportFile = z.input<typeof importFile>
export type PasteInput = z.infer<typeof pasteInput>
export type SourceInput = z.input<typeof sourceInput>
export type SourcePatch = z.infer<typeof sourcePatch>
export type ClaimInput = z.input<typeof claimInput>
export type ClaimPatch = z.infer<typeof claimPatch>
export type ClaimsPatch = z.infer<typeof claimsPatch>
export type LinkInput = z.input<typeof linkInput>
export type BriefingInput = z.infer<typeof briefingInput>
export type ExportInput = z.input<typeof exportInput>
export type OpenOptions = z.input<typeof openOptions>
export type ClaimQuery = z.input<typeof claimQuery>
export type SearchQuery = z.input<typeof searchQuery>
export type AcceptInput = z.input<typeof acceptInput>
export type ConflictSetInput = z.input<typeof conflictSetInput>
export type ConflictSetPatch = z.infer<typeof conflictSetPatch>

/** The case's kept conflict sets, and what the engine proposes now that is not kept yet. */
export interface ConflictSets {
  sets: ConflictSet[]
  proposals: ConflictSetProposal[]
  /** The figures read in the kept sets' claims (a proposal carries its own). */
  figures: ConflictFigure[]
}

/** What accepting suggestions made. */
export interface AcceptedSuggestions {
  claims: Claim[]
  sources: Source[]
  /** Suggestions left out because the document already has a claim on the same words. */
  skipped: number
}

// ---- what the methods return -----------------------------------------------------------------

/** What Undo and Redo would do now, named for the user ("status → Contradicted"); null when nothing. */
export interface HistoryState {
  undo: string | null
  redo: string | null
}

export interface CaseInfo {
  /** Absolute path of the case file on the machine serving it. */
  path: string
  name: string
  title: string
  readOnly: boolean
  /** Journal entries replayed when the case was opened after a crash. */
  recovered: number
  /**
   * Bytes of a journal write a crash cut short, dropped at open. That write was never reported saved
   * (a change is acknowledged only once all of it is on disk), but the user is told it happened.
   */
  tornBytes: number
  /**
   * References the case file holds to items it does not (a claim in a missing document, a set citing a
   * deleted claim), one line each: the file was edited by hand or damaged. Opened as it is, unmended.
   */
  brokenReferences: string[]
}

/** A source with how many claims it asserts and relays. */
export interface SourceSummary extends Source {
  claimCount: number
  relayCount: number
}

export interface TagCount {
  tag: string
  count: number
}

/** What the UI needs to show a case; document texts and claims are fetched when they are shown. */
export interface CaseOverview {
  info: CaseInfo
  /** In import order. */
  documents: DocumentSummary[]
  sources: SourceSummary[]
  briefings: Briefing[]
  conflictSets: ConflictSet[]
  tags: TagCount[]
  claimCount: number
  history: HistoryState
  /** The revision this overview shows: changes up to it are in it. */
  revision: number
}

/** A document with its text, its claims in text order, the links that touch them and the claims at their other ends. */
export interface DocumentView {
  document: CaseDocument
  /** Spans of the suggestions rejected in it, in text order. */
  rejectedSuggestions: string[]
  claims: Claim[]
  links: ClaimLink[]
  linkedClaims: Claim[]
}

export interface ClaimGroup {
  /** A source id, tag, or document id; "" for unattributed or untagged. */
  key: string
  count: number
}

export interface ClaimPage {
  total: number
  offset: number
  claims: Claim[]
  /** Every group of the whole result (not just this page), in order, when sorted by source, topic or document. */
  groups: ClaimGroup[]
}

/**
 * What a change did to the case, for the UI to update what depends on it. Items are whole
 * (documents as summaries); `revision` grows with every change, so a reply that arrives late
 * never undoes a newer one.
 */
export interface CaseChanges {
  revision: number
  title?: string
  documents?: { put: DocumentSummary[]; removed: Id[] }
  sources?: { put: SourceSummary[]; removed: Id[] }
  claims?: { put: Claim[]; removed: Id[] }
  links?: { put: ClaimLink[]; removed: Id[] }
  briefings?: { put: Briefing[]; removed: Id[] }
  conflictSets?: { put: ConflictSet[]; removed: Id[] }
  rejections?: { put: Rejections[]; removed: Id[] }
  /** Every tag in use, when the set or a count changed. */
  tags?: TagCount[]
  claimCount: number
  history: HistoryState
}

/** The result of a method that changes the case: its value and what changed. */
export interface Changed<T> {
  value: T
  changes: CaseChanges
}

export type ImportStatus = 'imported' | 'duplicate' | 'failed' | 'cancelled'
export interface ImportResult {
  fileName: string
  status: ImportStatus
  documentId?: string
  /** Why it failed, or what the analyst should know about it. */
  message?: string
  /** Sources the file names (site as outlet, byline as person) that the case does not hold yet. */
  suggestedSources?: { name: string; kind: 'outlet' | 'person' }[]
}

export interface RecentCase {
  path: string
  name: string
  /** The case's own title, as it was when last opened. */
  title: string
  openedAt: string
}

export interface ExportResult {
  fileName: string
  mimeType: string
  /** Text formats as text; binary formats (pdf, docx) as base64. */
  encoding: 'utf8' | 'base64'
  content: string
  /** Claims the briefing takes in that the export leaves out (their document, or they, are gone), in one line. */
  leftOut?: { claimIds: string[]; message: string }
}

export interface AnnotationImportResult {
  claims: number
  sources: number
  /** Annotations left out, and why (document not in the case, quote moved, already present). */
  skipped: { claimId: string; reason: string }[]
}

/** How the claims of an earlier version were placed in the new one (ClaimAnchor states). */
export interface ReanchorCounts {
  exact: number
  moved: number
  fuzzy: number
  orphaned: number
}

export interface BackupInfo {
  file: string
  savedAt: string
  size: number
}

export interface SearchHit {
  start: number
  end: number
  /** A few words around the hit, for the result list. */
  before: string
  match: string
  after: string
}

export interface SearchResults {
  /** Documents with hits in their text, in case order; `count` counts every hit, `hits` lists the first. */
  documents: { documentId: Id; count: number; hits: SearchHit[] }[]
  /** Claims whose note or topics match (quotes are document text, found above). */
  claims: { claim: Claim; field: 'note' | 'tag' }[]
  /** Sources whose name, alias or description matches. */
  sources: { sourceId: Id; field: 'name' | 'alias' | 'description'; text: string }[]
  /** Hits in document text, across the whole result. */
  total: number
}

/** Something that happened to the open case outside any call (a checkpoint that failed, the file replaced on disk). */
export interface CaseEvent {
  seq: number
  /**
   * 'changed': the case changed (from any window or door), with what changed; 'switched': another case
   * was opened; the rest tell of the case file outside any call.
   */
  kind: 'diverged' | 'save-failed' | 'recreated' | 'saved' | 'changed' | 'switched'
  message: string
  details?: Record<string, unknown>
  changes?: CaseChanges
}

// ---- the contract ------------------------------------------------------------------------------

const none = z.tuple([])

/** Argument schemas, one tuple per method: the contract's single point of validation. */
export const apiArgs = {
  // cases
  currentCase: none,
  newCase: z.tuple([path]),
  openCase: z.tuple([path, openOptions.optional()]),
  saveCaseAs: z.tuple([path]),
  recentCases: none,
  listBackups: z.tuple([path]),
  /** Keeps the bad file beside the case, puts the backup in its place and opens it. */
  restoreBackup: z.tuple([path, z.string().min(1).max(1024)]),
  setCaseTitle: z.tuple([short.trim().min(1)]),
  /** Events after `after` (a seq), waiting up to `waitMs` for one. */
  caseEvents: z.tuple([z.number().int().min(0), z.number().int().min(0).max(30_000).default(0)]),
  undo: none,
  redo: none,

  // documents
  importFiles: z.tuple([z.array(importFile).min(1).max(LIMITS.filesPerImport)]),
  /** Stops the import running now (its file reports "cancelled"). */
  cancelImports: none,
  pasteText: z.tuple([pasteInput]),
  getDocument: z.tuple([id]),
  updateDocument: z.tuple([id, documentPatch]),
  /** Deletes the document with its claims, their links and citations. */
  deleteDocument: z.tuple([id]),
  /** Decodes a text document's original bytes again with another encoding (no claims yet). */
  reimportDocument: z.tuple([id, z.string().min(1).max(40)]),

  // sources
  createSource: z.tuple([sourceInput]),
  updateSource: z.tuple([id, sourcePatch]),
  /** Moves every claim and relay of the first source to the second; the first's names become aliases. */
  mergeSources: z.tuple([id, id]),
  /** Refuses a source in use unless the second argument names where its claims go. */
  deleteSource: z.tuple([id, id.nullable().optional()]),

  // claims and links
  listClaims: z.tuple([claimQuery]),
  searchCase: z.tuple([searchQuery]),
  /** Claims the engine proposes in a document (attribution cues, quotations, hedged figures); changes nothing. */
  suggestClaims: z.tuple([id]),
  acceptSuggestions: z.tuple([acceptInput]),
  rejectSuggestions: z.tuple([rejectInput]),
  conflictSets: none,
  /** Keeps one of the engine's proposals (by its key) as the analyst decided: confirmed or dismissed. */
  keepConflictProposal: z.tuple([z.string().min(1).max(LIMITS.longText), z.enum(CONFLICT_SET_STATUSES)]),
  createConflictSet: z.tuple([conflictSetInput]),
  updateConflictSet: z.tuple([id, conflictSetPatch]),
  deleteConflictSet: z.tuple([id]),
  /** Claims carried by several outlets from one origin: they count once. */
  circularReporting: none,
  /** For each topic, the sources on it: who agrees and who conflicts, and how many independent origins. */
  sourcesByTopic: none,
  getClaims: z.tuple([z.array(id).max(LIMITS.listItems)]),
  createClaim: z.tuple([claimInput]),
  updateClaim: z.tuple([id, claimPatch]),
  deleteClaim: z.tuple([id]),
  /** The same change to each claim named, as one step of undo. */
  updateClaims: z.tuple([claimIds, claimsPatch]),
  /** Deletes the claims named with their links and citations, as one step of undo. */
  deleteClaims: z.tuple([claimIds]),
  createLink: z.tuple([linkInput]),
  deleteLink: z.tuple([id]),
  /** Moves the claims of one version of a document onto another (from, to); unplaceable ones stay, orphaned. */
  reanchorDocument: z.tuple([id, id]),
  /** Accepts a re-anchored claim's new wording (forgets its previous quote). */
  acceptAnchor: z.tuple([id]),
  /** Places a claim on a range the analyst chose: an orphan in its newer version, another claim in its own document. */
  reattachClaim: z
    .tuple([id, z.number().int().min(0), z.number().int().min(1)])
    .refine(([, start, end]) => end > start, { message: 'end must be after start', path: [2] }),

  // briefings
  createBriefing: z.tuple([briefingInput]),
  updateBriefing: z.tuple([id, briefingInput]),
  deleteBriefing: z.tuple([id]),
  /** The briefing resolved as every export renders it, with unsaved edits (`draft`) laid over it. */
  briefingView: z.tuple([id, briefingInput.optional()]),
  exportBriefing: z.tuple([exportInput]),
  /** Reads a W3C Web Annotation (JSON-LD) export back into the case: its claims and sources. */
  importAnnotations: z.tuple([z.string().min(2).max(LIMITS.pasteChars)])
} satisfies Record<string, z.ZodType>

export type ApiMethod = keyof typeof apiArgs

/** What each method resolves to. */
export interface ApiResults {
  currentCase: CaseOverview
  newCase: CaseOverview
  openCase: CaseOverview
  saveCaseAs: CaseOverview
  recentCases: RecentCase[]
  listBackups: BackupInfo[]
  restoreBackup: CaseOverview
  setCaseTitle: Changed<CaseInfo>
  caseEvents: CaseEvent[]
  undo: Changed<string | null>
  redo: Changed<string | null>
  importFiles: Changed<ImportResult[]>
  cancelImports: void
  pasteText: Changed<DocumentSummary>
  getDocument: DocumentView
  updateDocument: Changed<DocumentSummary>
  deleteDocument: Changed<Id[]>
  reimportDocument: Changed<DocumentSummary>
  createSource: Changed<Source>
  updateSource: Changed<Source>
  mergeSources: Changed<Source>
  deleteSource: Changed<void>
  listClaims: ClaimPage
  searchCase: SearchResults
  suggestClaims: Suggestion[]
  acceptSuggestions: Changed<AcceptedSuggestions>
  /** The document's rejected spans after the change. */
  rejectSuggestions: Changed<string[]>
  conflictSets: ConflictSets
  keepConflictProposal: Changed<ConflictSet>
  createConflictSet: Changed<ConflictSet>
  updateConflictSet: Changed<ConflictSet>
  deleteConflictSet: Changed<void>
  circularReporting: CircularGroup[]
  sourcesByTopic: TopicView[]
  getClaims: Claim[]
  createClaim: Changed<Claim>
  updateClaim: Changed<Claim>
  /** The ids of the claims it changed; the others named were already so. */
  updateClaims: Changed<Id[]>
  deleteClaims: Changed<Id[]>
  deleteClaim: Changed<Claim>
  createLink: Changed<ClaimLink>
  deleteLink: Changed<void>
  reanchorDocument: Changed<ReanchorCounts>
  acceptAnchor: Changed<Claim>
  reattachClaim: Changed<Claim>
  createBriefing: Changed<Briefing>
  updateBriefing: Changed<Briefing>
  deleteBriefing: Changed<void>
  briefingView: BriefingView
  exportBriefing: ExportResult
  importAnnotations: Changed<AnnotationImportResult>
}

type Args = { [M in ApiMethod]: (typeof apiArgs)[M] }

/** The contract as callers see it: arguments as they may be written (defaults optional). */
export type ClaimdeskApi = {
  [M in ApiMethod]: (...args: z.input<Args[M]>) => Promise<ApiResults[M]>
}

/** The contract as the implementation sees it: arguments already checked, defaults filled in. */
export type ApiHandlers = {
  [M in ApiMethod]: (...args: z.output<Args[M]>) => Promise<ApiResults[M]>
}
