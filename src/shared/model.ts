// The case file's data model. Plain JSON: ids are random UUIDs, times are ISO strings,
// nothing depends on the machine that wrote it.

export const SCHEMA_VERSION = 3

export type Id = string

export type BlockKind = 'heading' | 'paragraph' | 'quote' | 'list-item' | 'caption' | 'table-row' | 'preformatted'

/** A structural block of a document: a [start, end) range of its plain text. */
export interface Block {
  kind: BlockKind
  start: number
  end: number
  /** Heading level 1-6 for headings, nesting depth for list items. */
  level?: number
  /** 1-based page number for documents that have pages (PDF). */
  page?: number
}

export type DocumentFormat = 'txt' | 'md' | 'html' | 'pdf' | 'docx' | 'paste'

export interface Provenance {
  fileName: string
  format: DocumentFormat
  /** SHA-256 (hex) of the original bytes. */
  sha256: string
  size: number
  importedAt: string
  encoding?: string
}

export interface DocumentMeta {
  title: string
  outlet: string
  author: string
  url: string
  /** ISO date (YYYY-MM-DD) or date-time, or '' when unknown. */
  published: string
  language?: string
}

export interface CaseDocument extends DocumentMeta {
  id: Id
  /** The plain text that claims anchor into. Never rewritten after import. */
  text: string
  blocks: Block[]
  provenance: Provenance
  /** Messages the importer wants the analyst to see (e.g. "not an article, visible text kept"). */
  notices: string[]
  /** Set when this document is a newer version of another one. */
  versionOf?: Id
  createdAt: string
  updatedAt: string
}

/** How a rejected suggestion is remembered: its words' span, which a rerun of the rules gives again. */
export const suggestionKey = (span: { start: number; end: number }): string => `${span.start}:${span.end}`
export const SUGGESTION_KEY = /^\d{1,9}:\d{1,9}$/
/** The span a key (matching SUGGESTION_KEY) names. */
export function spanOfKey(key: string): { start: number; end: number } {
  const [start, end] = key.split(':').map(Number)
  return { start, end }
}

/** A document without its text, for lists. */
export type DocumentSummary = Omit<CaseDocument, 'text' | 'blocks'> & {
  length: number
  claimCount: number
}

export const SOURCE_KINDS = ['person', 'organization', 'outlet', 'anonymous', 'document'] as const
export type SourceKind = (typeof SOURCE_KINDS)[number]

/** Admiralty source reliability. */
export const RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'] as const
export type Reliability = (typeof RELIABILITY)[number]

/** Admiralty information credibility. */
export const CREDIBILITY = ['1', '2', '3', '4', '5', '6'] as const
export type Credibility = (typeof CREDIBILITY)[number]

export const CLAIM_STATUSES = [
  'unverified',
  'corroborated',
  'contradicted',
  'confirmed',
  'false',
  'not-checkable'
] as const
export type ClaimStatus = (typeof CLAIM_STATUSES)[number]

export interface Source {
  id: Id
  name: string
  kind: SourceKind
  description: string
  reliability: Reliability
  aliases: string[]
  createdAt: string
  updatedAt: string
}

/** W3C Web Annotation TextQuoteSelector. */
export interface TextQuoteSelector {
  exact: string
  prefix: string
  suffix: string
}

/** W3C Web Annotation TextPositionSelector: UTF-16 offsets into CaseDocument.text, end exclusive. */
export interface TextPositionSelector {
  start: number
  end: number
}

export const ANCHOR_STATES = ['exact', 'moved', 'fuzzy', 'orphaned'] as const
export type AnchorState = (typeof ANCHOR_STATES)[number]

/**
 * How a claim was placed when it was last re-anchored onto a new version of its document:
 * exact (same words, same place), moved (same words elsewhere), fuzzy (its words changed) or
 * orphaned (not found well enough: the claim stays on the version that holds its words).
 */
export interface ClaimAnchor {
  state: AnchorState
  /** How well the text fit the claim's selectors, 0-1; for an orphan, the best try (below the floor). */
  score?: number
  /** The claim's words before they changed, kept until the analyst accepts the new ones. */
  previousQuote?: string
  /** The version the claim came from. */
  fromDocumentId?: Id
  /** An orphan's newer version, which it could not follow onto. */
  toDocumentId?: Id
}

export interface Claim {
  id: Id
  documentId: Id
  quote: TextQuoteSelector
  position: TextPositionSelector
  /** Who asserts it; null while unattributed. */
  sourceId: Id | null
  /** Relays, nearest the speaker first: [Reuters] for "source told Reuters". */
  via: Id[]
  tags: string[]
  note: string
  status: ClaimStatus
  credibility: Credibility
  /** Set once the claim has been re-anchored onto a new version of its document. */
  anchor?: ClaimAnchor
  createdAt: string
  updatedAt: string
}

export const LINK_KINDS = ['corroborates', 'contradicts'] as const
export type LinkKind = (typeof LINK_KINDS)[number]

/** An analyst's claim-to-claim link. */
export interface ClaimLink {
  id: Id
  from: Id
  to: Id
  kind: LinkKind
  note: string
  createdAt: string
}

export const CONFLICT_SET_KINDS = ['conflict', 'consistent'] as const
export type ConflictSetKind = (typeof CONFLICT_SET_KINDS)[number]

export const CONFLICT_SET_STATUSES = ['proposed', 'confirmed', 'dismissed'] as const
export type ConflictSetStatus = (typeof CONFLICT_SET_STATUSES)[number]

/** Why claims were put together: diverging figures, diverging accounts, arithmetic, or the analyst's hand. */
export const CONFLICT_BASES = ['figures', 'accounts', 'arithmetic', 'manual'] as const
export type ConflictBasis = (typeof CONFLICT_BASES)[number]

/**
 * Claims about one thing whose figures or accounts diverge (a conflict), or that agree by
 * arithmetic (consistent): any number of claims, proposed by the engine or made by hand, confirmed
 * or dismissed by the analyst. A briefing prints each confirmed set once, side by side.
 */
export interface ConflictSet {
  id: Id
  claimIds: Id[]
  kind: ConflictSetKind
  status: ConflictSetStatus
  basis: ConflictBasis
  /** What the claims are about: the topic tag, or the unit and subject that matched them. */
  subject: string
  unit?: string
  /** The engine's reason, e.g. "531 to 309 square miles is a loss of about 42 percent, ...". */
  explanation: string
  /** The analyst's note. */
  note: string
  /** The engine's proposal this set was kept from (kind + basis + claim ids), so it is not proposed again. */
  proposalKey?: string
  createdAt: string
  updatedAt: string
}

export const CONFIDENCE = ['high', 'moderate', 'low'] as const
export type Confidence = (typeof CONFIDENCE)[number]

export interface Judgment {
  id: Id
  text: string
  confidence: Confidence
  claimIds: Id[]
}

export const GROUP_BY = ['source', 'topic', 'document'] as const
export type GroupBy = (typeof GROUP_BY)[number]

export interface Briefing {
  id: Id
  title: string
  /** Handling / classification line, free text. */
  handling: string
  /** ISO date-time the briefing is dated. */
  date: string
  author: string
  /** Bottom line up front. */
  bottomLine: string
  judgments: Judgment[]
  /** Claims in the reporting section, in order. Empty means every claim in the case. */
  claimIds: Id[]
  groupBy: GroupBy
  gaps: string
  createdAt: string
  updatedAt: string
}

export interface CaseData {
  version: number
  id: Id
  title: string
  createdAt: string
  updatedAt: string
  documents: CaseDocument[]
  sources: Source[]
  claims: Claim[]
  links: ClaimLink[]
  briefings: Briefing[]
  conflictSets: ConflictSet[]
  rejections: Rejections[]
}

/**
 * The suggested claims an analyst rejected in one document, by span (see suggestionKey), in text
 * order. Kept apart from the document so a rejection writes a few bytes, not the article again.
 */
export interface Rejections {
  /** The document's id. */
  id: Id
  spans: string[]
  updatedAt: string
}

/** The collections a case holds, by name. */
export interface Collections {
  documents: CaseDocument
  sources: Source
  claims: Claim
  links: ClaimLink
  briefings: Briefing
  conflictSets: ConflictSet
  rejections: Rejections
}
export type CollectionName = keyof Collections
