// The one contract between the UI (or a script) and the case. Every door (Electron IPC, the
// loopback browser mode, the CLI) calls these methods, and every call's arguments are checked
// against `apiArgs` before the implementation sees them.
import { z } from 'zod'
import {
  CLAIM_STATUSES,
  CONFIDENCE,
  CREDIBILITY,
  GROUP_BY,
  LINK_KINDS,
  RELIABILITY,
  SOURCE_KINDS,
  type Briefing,
  type CaseDocument,
  type Claim,
  type ClaimLink,
  type DocumentSummary,
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
  listItems: 10_000
} as const

const id = z.string().min(1).max(100)
const short = z.string().max(LIMITS.shortText)
const long = z.string().max(LIMITS.longText)
const path = z.string().min(1).max(LIMITS.path)
const tags = z.array(z.string().trim().min(1).max(100)).max(100)
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

export const importFile = z.object({
  name: z.string().min(1).max(1024),
  /** File bytes, base64-encoded. */
  data: z.string().max(Math.ceil(LIMITS.fileBytes / 3) * 4),
  /** Force an encoding instead of detecting it (text files). */
  encoding: z.string().max(40).optional()
})

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

export const openOptions = z.object({ readOnly: z.boolean().default(false) }).strict()

export type DocumentPatch = z.infer<typeof documentPatch>
export type ImportFile = z.infer<typeof importFile>
export type PasteInput = z.infer<typeof pasteInput>
export type SourceInput = z.input<typeof sourceInput>
export type SourcePatch = z.infer<typeof sourcePatch>
export type ClaimInput = z.input<typeof claimInput>
export type ClaimPatch = z.infer<typeof claimPatch>
export type LinkInput = z.input<typeof linkInput>
export type BriefingInput = z.infer<typeof briefingInput>
export type ExportInput = z.input<typeof exportInput>
export type OpenOptions = z.input<typeof openOptions>

export interface CaseInfo {
  /** Absolute path of the case file on the machine serving it. */
  path: string
  name: string
  title: string
  readOnly: boolean
  /** Journal entries replayed when the case was opened after a crash. */
  recovered: number
}

/** Everything the UI shows except document texts, which it fetches one at a time. */
export interface CaseSnapshot {
  info: CaseInfo
  documents: DocumentSummary[]
  sources: Source[]
  claims: Claim[]
  links: ClaimLink[]
  briefings: Briefing[]
}

export type ImportStatus = 'imported' | 'duplicate' | 'failed'
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
  openedAt: string
}

export interface ExportResult {
  fileName: string
  mimeType: string
  /** Text formats as text; binary formats (pdf, docx) as base64. */
  encoding: 'utf8' | 'base64'
  content: string
}

export interface AnnotationImportResult {
  claims: number
  sources: number
  /** Annotations left out, and why (document not in the case, quote moved, already present). */
  skipped: { claimId: string; reason: string }[]
}

export interface BackupInfo {
  file: string
  savedAt: string
  size: number
}

export interface ClaimdeskApi {
  // cases
  currentCase(): Promise<CaseSnapshot>
  newCase(path: string): Promise<CaseSnapshot>
  openCase(path: string, options?: OpenOptions): Promise<CaseSnapshot>
  saveCaseAs(path: string): Promise<CaseSnapshot>
  recentCases(): Promise<RecentCase[]>
  listBackups(path: string): Promise<BackupInfo[]>
  /** Keeps the bad file beside the case, puts the backup in its place and opens it. */
  restoreBackup(path: string, backupFile: string): Promise<CaseSnapshot>
  setCaseTitle(title: string): Promise<CaseInfo>

  // documents
  importFiles(files: ImportFile[]): Promise<ImportResult[]>
  pasteText(input: PasteInput): Promise<DocumentSummary>
  getDocument(id: string): Promise<CaseDocument>
  updateDocument(id: string, patch: DocumentPatch): Promise<DocumentSummary>
  /** Deletes the document and its claims; returns the ids of the claims removed. */
  deleteDocument(id: string): Promise<string[]>
  /** Decodes a text document's original bytes again with another encoding (no claims yet). */
  reimportDocument(id: string, encoding: string): Promise<DocumentSummary>

  // sources
  createSource(input: SourceInput): Promise<Source>
  updateSource(id: string, patch: SourcePatch): Promise<Source>
  /** Moves every claim and relay of `fromId` to `intoId`, keeps fromId's name as an alias. */
  mergeSources(fromId: string, intoId: string): Promise<Source>
  /** Refuses a source in use unless `reassignTo` names where its claims go. */
  deleteSource(id: string, reassignTo?: string | null): Promise<void>

  // claims
  createClaim(input: ClaimInput): Promise<Claim>
  updateClaim(id: string, patch: ClaimPatch): Promise<Claim>
  deleteClaim(id: string): Promise<Claim>
  /** Puts back a claim returned by deleteClaim (undo). */
  restoreClaim(claim: Claim): Promise<Claim>

  // links between claims
  createLink(input: LinkInput): Promise<ClaimLink>
  deleteLink(id: string): Promise<void>

  // briefings
  createBriefing(input: BriefingInput): Promise<Briefing>
  updateBriefing(id: string, patch: BriefingInput): Promise<Briefing>
  deleteBriefing(id: string): Promise<void>
  exportBriefing(input: ExportInput): Promise<ExportResult>
  /** Reads a W3C Web Annotation (JSON-LD) export back into the case: its claims and sources. */
  importAnnotations(json: string): Promise<AnnotationImportResult>
}

export type ApiMethod = keyof ClaimdeskApi

const none = z.tuple([])
const restoredClaim = z
  .object({
    id,
    documentId: id,
    quote: z.object({ exact: z.string().max(LIMITS.pasteChars), prefix: short, suffix: short }),
    position: z.object({ start: z.number().int().min(0), end: z.number().int().min(1) }),
    sourceId: id.nullable(),
    via: z.array(id).max(20),
    tags,
    note: long,
    status: z.enum(CLAIM_STATUSES),
    credibility: z.enum(CREDIBILITY),
    createdAt: z.string().max(40),
    updatedAt: z.string().max(40)
  })
  .strict()

/** Argument schemas, one tuple per method: the contract's single point of validation. */
export const apiArgs = {
  currentCase: none,
  newCase: z.tuple([path]),
  openCase: z.tuple([path, openOptions.optional()]),
  saveCaseAs: z.tuple([path]),
  recentCases: none,
  listBackups: z.tuple([path]),
  restoreBackup: z.tuple([path, z.string().min(1).max(1024)]),
  setCaseTitle: z.tuple([short.trim().min(1)]),
  importFiles: z.tuple([z.array(importFile).min(1).max(LIMITS.filesPerImport)]),
  pasteText: z.tuple([pasteInput]),
  getDocument: z.tuple([id]),
  updateDocument: z.tuple([id, documentPatch]),
  deleteDocument: z.tuple([id]),
  reimportDocument: z.tuple([id, z.string().min(1).max(40)]),
  createSource: z.tuple([sourceInput]),
  updateSource: z.tuple([id, sourcePatch]),
  mergeSources: z.tuple([id, id]),
  deleteSource: z.tuple([id, id.nullable().optional()]),
  createClaim: z.tuple([claimInput]),
  updateClaim: z.tuple([id, claimPatch]),
  deleteClaim: z.tuple([id]),
  restoreClaim: z.tuple([restoredClaim]),
  createLink: z.tuple([linkInput]),
  deleteLink: z.tuple([id]),
  createBriefing: z.tuple([briefingInput]),
  updateBriefing: z.tuple([id, briefingInput]),
  deleteBriefing: z.tuple([id]),
  exportBriefing: z.tuple([exportInput]),
  importAnnotations: z.tuple([z.string().min(2).max(LIMITS.pasteChars)])
} satisfies Record<ApiMethod, z.ZodType>
