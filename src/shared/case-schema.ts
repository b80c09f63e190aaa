// zod schema of a case file (CaseData at SCHEMA_VERSION). The store checks a file against it on open
// and every item a change puts into a case, so a file that opened once always opens again.
// Unknown keys are dropped, not refused: they carry nothing this version can show.
import { z } from 'zod'
import {
  ANCHOR_STATES,
  CLAIM_STATUSES,
  CONFLICT_BASES,
  CONFLICT_SET_KINDS,
  CONFLICT_SET_STATUSES,
  CONFIDENCE,
  CREDIBILITY,
  GROUP_BY,
  LINK_KINDS,
  RELIABILITY,
  SCHEMA_VERSION,
  SOURCE_KINDS,
  SUGGESTION_KEY,
  type Briefing,
  type CaseData,
  type CaseDocument,
  type Claim,
  type ClaimLink,
  type ConflictSet,
  type CollectionName,
  type Collections,
  type Rejections,
  type Source
} from './model'

const id = z.string().min(1).max(200)
const time = z.string().max(64)
const offset = z.number().int().min(0)

const block = z.object({
  kind: z.enum(['heading', 'paragraph', 'quote', 'list-item', 'caption', 'table-row', 'preformatted']),
  start: offset,
  end: offset,
  level: z.number().int().min(0).optional(),
  page: z.number().int().min(1).optional()
})

const provenance = z.object({
  fileName: z.string(),
  format: z.enum(['txt', 'md', 'html', 'pdf', 'docx', 'paste']),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex digits'),
  size: z.number().int().min(0),
  importedAt: time,
  encoding: z.string().optional()
})

export const documentSchema = z.object({
  id,
  title: z.string(),
  outlet: z.string(),
  author: z.string(),
  url: z.string(),
  published: z.string(),
  language: z.string().optional(),
  text: z.string(),
  blocks: z.array(block),
  provenance,
  notices: z.array(z.string()),
  versionOf: id.optional(),
  createdAt: time,
  updatedAt: time
})

export const sourceSchema = z.object({
  id,
  name: z.string(),
  kind: z.enum(SOURCE_KINDS),
  description: z.string(),
  reliability: z.enum(RELIABILITY),
  aliases: z.array(z.string()),
  createdAt: time,
  updatedAt: time
})

export const claimSchema = z.object({
  id,
  documentId: id,
  quote: z.object({ exact: z.string(), prefix: z.string(), suffix: z.string() }),
  position: z.object({ start: offset, end: offset }),
  sourceId: id.nullable(),
  via: z.array(id),
  tags: z.array(z.string()),
  note: z.string(),
  status: z.enum(CLAIM_STATUSES),
  credibility: z.enum(CREDIBILITY),
  anchor: z
    .object({
      state: z.enum(ANCHOR_STATES),
      score: z.number().min(0).max(1).optional(),
      previousQuote: z.string().optional(),
      fromDocumentId: id.optional(),
      toDocumentId: id.optional()
    })
    .optional(),
  createdAt: time,
  updatedAt: time
})

export const linkSchema = z.object({
  id,
  from: id,
  to: id,
  kind: z.enum(LINK_KINDS),
  note: z.string(),
  createdAt: time
})

export const briefingSchema = z.object({
  id,
  title: z.string(),
  handling: z.string(),
  date: z.string(),
  author: z.string(),
  bottomLine: z.string(),
  judgments: z.array(z.object({ id, text: z.string(), confidence: z.enum(CONFIDENCE), claimIds: z.array(id) })),
  claimIds: z.array(id),
  groupBy: z.enum(GROUP_BY),
  gaps: z.string(),
  createdAt: time,
  updatedAt: time
})

export const conflictSetSchema = z.object({
  id,
  claimIds: z.array(id),
  kind: z.enum(CONFLICT_SET_KINDS),
  status: z.enum(CONFLICT_SET_STATUSES),
  basis: z.enum(CONFLICT_BASES),
  subject: z.string(),
  unit: z.string().optional(),
  explanation: z.string(),
  note: z.string(),
  proposalKey: z.string().optional(),
  createdAt: time,
  updatedAt: time
})

export const rejectionsSchema = z.object({
  id,
  spans: z.array(z.string().regex(SUGGESTION_KEY, 'expected the span of a suggestion, "start:end"')),
  updatedAt: time
})

export const caseSchema = z.object({
  version: z.literal(SCHEMA_VERSION),
  id,
  title: z.string(),
  createdAt: time,
  updatedAt: time,
  documents: z.array(documentSchema),
  sources: z.array(sourceSchema),
  claims: z.array(claimSchema),
  links: z.array(linkSchema),
  briefings: z.array(briefingSchema),
  conflictSets: z.array(conflictSetSchema),
  rejections: z.array(rejectionsSchema)
})

/** The item schema of each collection, for checking one change at a time. */
export const itemSchemas: { [C in CollectionName]: z.ZodType<Collections[C]> } = {
  documents: documentSchema,
  sources: sourceSchema,
  claims: claimSchema,
  links: linkSchema,
  briefings: briefingSchema,
  conflictSets: conflictSetSchema,
  rejections: rejectionsSchema
}

export const COLLECTION_NAMES = Object.keys(itemSchemas) as CollectionName[]

/** `documents[3].provenance.sha256` from a zod issue path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else out += out === '' ? String(key) : `.${String(key)}`
  }
  return out || '(top level)'
}

/** One line per issue (at most `max`), e.g. `claims[12].status: Invalid option: expected one of ...`. */
export function describeIssues(error: z.ZodError, max = 3): string {
  const lines = error.issues.slice(0, max).map((i) => `${formatPath(i.path)}: ${i.message}`)
  const more = error.issues.length - max
  if (more > 0) lines.push(`and ${more} more problem${more === 1 ? '' : 's'}`)
  return lines.join('; ')
}

// Compile-time proof that the schemas and the model describe the same shapes, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const proofs: [
  Same<z.infer<typeof documentSchema>, CaseDocument>,
  Same<z.infer<typeof sourceSchema>, Source>,
  Same<z.infer<typeof claimSchema>, Claim>,
  Same<z.infer<typeof linkSchema>, ClaimLink>,
  Same<z.infer<typeof briefingSchema>, Briefing>,
  Same<z.infer<typeof conflictSetSchema>, ConflictSet>,
  Same<z.infer<typeof rejectionsSchema>, Rejections>,
  Same<Omit<z.infer<typeof caseSchema>, 'version'>, Omit<CaseData, 'version'>>
] = [true, true, true, true, true, true, true, true]
void proofs
