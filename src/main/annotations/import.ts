// W3C Web Annotation JSON-LD -> claims and sources. Reads what jsonld.ts writes (every claim field comes
// back) and plain Web Annotations from other tools (Hypothesis-style tagging and commenting bodies), as
// long as each one targets a document with a TextQuoteSelector and a TextPositionSelector.
// `parseWebAnnotations` only reads the file; `matchAnnotationsToCase` fits the result to a case
// (documents by id or file hash, sources by id or name) and says what it could not place, without
// moving an anchor to look-alike text.
import { z } from 'zod'
import {
  ANCHOR_STATES,
  CLAIM_STATUSES,
  CREDIBILITY,
  RELIABILITY,
  SOURCE_KINDS,
  type CaseData,
  type Claim,
  type Source
} from '../../shared/model'
import { LIMITS } from '../../shared/api'
import { invalid } from '../../shared/errors'
import { findSourceByName } from '../../shared/source-names'
import { textSha256 } from './export'

const MAX_ANNOTATIONS = 100_000
const str = z.string().max(LIMITS.longText)
const shortStr = z.string().max(LIMITS.shortText)
const time = z.string().max(40)

const textualBody = z.looseObject({
  type: z.string().max(100).optional(),
  purpose: z.string().max(100).optional(),
  value: str,
  'cd:role': z.enum(['source', 'via']).optional(),
  'cd:sourceId': z.string().min(1).max(100).optional(),
  'cd:kind': z.enum(SOURCE_KINDS).optional(),
  'cd:reliability': z.enum(RELIABILITY).nullable().optional(),
  'cd:description': str.optional(),
  'cd:aliases': z.array(shortStr).max(100).optional(),
  'cd:created': time.optional(),
  'cd:modified': time.optional(),
  'cd:credibility': z.enum(CREDIBILITY).optional(),
  'cd:status': z.enum(CLAIM_STATUSES).optional()
})
type TextualBody = z.infer<typeof textualBody>

const selector = z.looseObject({ type: z.string().max(100) })
const quoteSelector = z.looseObject({
  type: z.literal('TextQuoteSelector'),
  exact: str.min(1),
  prefix: shortStr.optional(),
  suffix: shortStr.optional()
})
const positionSelector = z.looseObject({
  type: z.literal('TextPositionSelector'),
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  'cd:utf16Start': z.number().int().min(0).optional(),
  'cd:utf16End': z.number().int().min(1).optional()
})

const hexSha256 = z.string().regex(/^[0-9a-f]{64}$/i, 'expected a hex SHA-256')
const targetSource = z.union([
  z.string().min(1).max(2048),
  z.looseObject({
    id: z.string().min(1).max(2048),
    /** The text the selectors count in. */
    'cd:textSha256': hexSha256.optional(),
    /** The file that text was extracted from. */
    'cd:original': z.looseObject({ 'cd:sha256': hexSha256.optional() }).optional(),
    /** Files written before cd:original named the original file here. */
    'cd:sha256': hexSha256.optional(),
    'cd:title': shortStr.optional(),
    'cd:url': z.string().max(2048).optional()
  })
])

const claimId = z.string().min(1).max(100)
const anchor = z.object({
  state: z.enum(ANCHOR_STATES),
  score: z.number().min(0).max(1).optional(),
  previousQuote: str.optional(),
  fromDocumentId: claimId.optional(),
  toDocumentId: claimId.optional()
})

const target = z.looseObject({
  source: targetSource,
  selector: z.union([selector, z.array(selector).min(1).max(20)])
})

const annotation = z.looseObject({
  id: z.string().max(2048).optional(),
  type: z.union([
    z.literal('Annotation'),
    z.array(z.string()).refine((t) => t.includes('Annotation'), 'expected "Annotation"')
  ]),
  created: time.optional(),
  modified: time.optional(),
  body: z.union([z.array(z.unknown()).max(1000), z.unknown()]).optional(),
  'cd:anchor': anchor.optional(),
  target: z.union([target, z.array(target).min(1).max(1)])
})
type Annotation = z.infer<typeof annotation>

/** A document an annotation points at, as named in the file. */
export interface AnnotatedDocument {
  /** The target source IRI. */
  iri: string
  /** The case document id, when the IRI is one of ours (urn:uuid:… or urn:claimdesk:document:…). */
  id: string | null
  /** SHA-256 of the text the selectors count in, when the file names it. */
  textSha256: string | null
  /** SHA-256 of the file the text was extracted from. */
  sha256: string | null
  title: string
  url: string
}

export interface ParsedAnnotations {
  claims: Claim[]
  sources: Source[]
  documents: AnnotatedDocument[]
  /** Claim ids whose positions are Unicode code points (files from other tools), not UTF-16 offsets. */
  codePointPositions: string[]
}

export interface ParseOptions {
  /** For claims from other tools with no `created` time. */
  now?: string
  /** For claims from other tools whose id is not one of ours. */
  newId?: () => string
}

function idFromUrn(iri: string, kind: string): string | null {
  const uuid = /^urn:uuid:([0-9a-f-]{36})$/i.exec(iri)
  if (uuid) return uuid[1].toLowerCase()
  const prefix = `urn:claimdesk:${kind}:`
  if (iri.startsWith(prefix)) {
    try {
      return decodeURIComponent(iri.slice(prefix.length)) || null
    } catch {
      return null
    }
  }
  return null
}

function describe(issue: z.core.$ZodIssue): string {
  const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')
  return `${path.replace(/^\./, '') || 'annotation'}: ${issue.message}`
}

/** The annotations of a collection, page, array or single annotation. */
function annotationsOf(json: unknown): unknown[] {
  if (Array.isArray(json)) return json
  if (json === null || typeof json !== 'object') throw invalid('Web Annotation file: expected a JSON object or array')
  const o = json as Record<string, unknown>
  const type = Array.isArray(o.type) ? o.type : [o.type]
  if (type.includes('AnnotationCollection')) {
    const first = o.first
    if (typeof first === 'string')
      throw invalid(
        'Web Annotation file: the collection links to its pages; only collections with embedded pages can be read'
      )
    if (first === undefined) return []
    return annotationsOf(first)
  }
  if (type.includes('AnnotationPage')) {
    if (!Array.isArray(o.items)) throw invalid('Web Annotation file: the AnnotationPage has no "items" array')
    return o.items
  }
  return [json]
}

interface Context {
  now: string
  newId: () => string
  sources: Map<string, Source>
  documents: Map<string, AnnotatedDocument>
}

function sourceOf(b: TextualBody, fail: (what: string) => never, ctx: Context): string {
  const id = b['cd:sourceId'] ?? fail(`the ${b['cd:role']} body "${b.value}" has no cd:sourceId`)
  const name = b.value.trim() || fail(`the ${b['cd:role']} body of source ${id} has no name`)
  if (!ctx.sources.has(id)) {
    const created = b['cd:created'] ?? ctx.now
    ctx.sources.set(id, {
      id,
      name: name.slice(0, LIMITS.shortText),
      kind: b['cd:kind'] ?? 'person',
      description: b['cd:description'] ?? '',
      reliability: b['cd:reliability'] ?? 'F',
      aliases: b['cd:aliases'] ?? [],
      createdAt: created,
      updatedAt: b['cd:modified'] ?? created
    })
  }
  return id
}

function claimOf(a: Annotation, fail: (what: string) => never, ctx: Context): { claim: Claim; codePoints: boolean } {
  const t = Array.isArray(a.target) ? a.target[0] : a.target
  const selectors = Array.isArray(t.selector) ? t.selector : [t.selector]
  const pick = <S extends z.ZodType>(schema: S, type: string): z.infer<S> => {
    const found = selectors.find((s) => s.type === type) ?? fail(`target has no ${type}`)
    const r = schema.safeParse(found)
    return r.success ? r.data : fail(`${type}: ${describe(r.error.issues[0])}`)
  }
  const quote = pick(quoteSelector, 'TextQuoteSelector')
  const position = pick(positionSelector, 'TextPositionSelector')
  const hasUtf16 = position['cd:utf16Start'] !== undefined && position['cd:utf16End'] !== undefined

  const iri = typeof t.source === 'string' ? t.source : t.source.id
  const documentId = idFromUrn(iri, 'document') ?? iri
  if (!ctx.documents.has(iri)) {
    const meta = typeof t.source === 'string' ? null : t.source
    ctx.documents.set(iri, {
      iri,
      id: idFromUrn(iri, 'document'),
      textSha256: meta?.['cd:textSha256']?.toLowerCase() ?? null,
      sha256: (meta?.['cd:original']?.['cd:sha256'] ?? meta?.['cd:sha256'])?.toLowerCase() ?? null,
      title: meta?.['cd:title'] ?? '',
      url: meta?.['cd:url'] ?? (/^https?:/i.test(iri) ? iri : '')
    })
  }

  // Text bodies are checked field by field; others (an IRI, an image) are not ours to read and are left out.
  const raw: unknown[] = a.body === undefined ? [] : Array.isArray(a.body) ? a.body : [a.body]
  const bodies: TextualBody[] = []
  raw.forEach((b, i) => {
    if (b === null || typeof b !== 'object' || typeof (b as { value?: unknown }).value !== 'string') return
    const r = textualBody.safeParse(b)
    if (!r.success) fail(`body[${i}].${describe(r.error.issues[0])}`)
    else bodies.push(r.data)
  })
  let sourceId: string | null = null
  const via: string[] = []
  const tags: string[] = []
  const notes: string[] = []
  let status: Claim['status'] = 'unverified'
  let credibility: Claim['credibility'] = '6'
  for (const b of bodies) {
    if (b.purpose === 'tagging' && b['cd:role'] === 'source') {
      if (sourceId !== null) fail('more than one source body')
      sourceId = sourceOf(b, fail, ctx)
    } else if (b.purpose === 'tagging' && b['cd:role'] === 'via') via.push(sourceOf(b, fail, ctx))
    else if (b.purpose === 'tagging') {
      if (b.value.trim()) tags.push(b.value.trim())
    } else if (b.purpose === 'commenting') notes.push(b.value)
    else if (b.purpose === 'assessing') {
      status = b['cd:status'] ?? status
      credibility = b['cd:credibility'] ?? credibility
    }
  }
  if (via.length > 20) fail('more than 20 relays')
  if (tags.length > 100) fail('more than 100 tags')

  const created = a.created ?? ctx.now
  const claim: Claim = {
    id: (a.id && idFromUrn(a.id, 'claim')) || ctx.newId(),
    documentId,
    quote: { exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' },
    position: hasUtf16
      ? { start: position['cd:utf16Start']!, end: position['cd:utf16End']! }
      : { start: position.start, end: position.end },
    sourceId,
    via,
    tags,
    note: notes.join('\n\n'),
    status,
    credibility,
    ...(a['cd:anchor'] ? { anchor: a['cd:anchor'] } : {}),
    createdAt: created,
    updatedAt: a.modified ?? created
  }
  return { claim, codePoints: !hasUtf16 }
}

export function parseWebAnnotations(json: unknown, options: ParseOptions = {}): ParsedAnnotations {
  const ctx: Context = {
    now: options.now ?? new Date().toISOString(),
    newId: options.newId ?? (() => globalThis.crypto.randomUUID()),
    sources: new Map(),
    documents: new Map()
  }
  let input = json
  if (typeof json === 'string') {
    try {
      input = JSON.parse(json)
    } catch (err) {
      throw invalid(`Web Annotation file: not valid JSON (${(err as Error).message})`)
    }
  }
  const items = annotationsOf(input)
  if (items.length > MAX_ANNOTATIONS)
    throw invalid(
      `Web Annotation file: ${items.length} annotations, more than the ${MAX_ANNOTATIONS} one import accepts`
    )

  const claims: Claim[] = []
  const codePointPositions: string[] = []
  const seen = new Set<string>()
  items.forEach((raw, index) => {
    const rawId = (raw as { id?: unknown } | null)?.id
    const label = `annotation ${index + 1}${typeof rawId === 'string' ? ` (${rawId.slice(0, 200)})` : ''}`
    const fail = (what: string): never => {
      throw invalid(`Web Annotation file: ${label}: ${what}`)
    }
    const parsed = annotation.safeParse(raw)
    if (!parsed.success) return fail(describe(parsed.error.issues[0]))
    const { claim, codePoints } = claimOf(parsed.data, fail, ctx)
    if (claim.position.end <= claim.position.start) fail('TextPositionSelector end must be after start')
    if (seen.has(claim.id)) fail(`claim ${claim.id} appears twice`)
    seen.add(claim.id)
    if (codePoints) codePointPositions.push(claim.id)
    claims.push(claim)
  })
  return { claims, sources: [...ctx.sources.values()], documents: [...ctx.documents.values()], codePointPositions }
}

export interface CaseImport {
  /** Claims ready to add, their document and source ids those of the case. */
  claims: Claim[]
  /** Sources the case does not have yet. */
  sources: Source[]
  /** Claims left out, and why. */
  skipped: { claimId: string; reason: string }[]
}

/** UTF-16 offset of a code-point offset. */
function utf16Offset(text: string, codePoints: number): number {
  let i = 0
  for (let n = 0; n < codePoints && i < text.length; n++) {
    const c = text.charCodeAt(i)
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1
  }
  return i
}

/** Hash -> document id, null where two documents share it. */
function uniqueBy(
  documents: readonly CaseData['documents'][number][],
  key: (d: CaseData['documents'][number]) => string
) {
  const out = new Map<string, string | null>()
  for (const d of documents) {
    const h = key(d)
    out.set(h, out.has(h) ? null : d.id)
  }
  return out
}

/** A claim's re-anchoring record, without references to documents this case does not hold. */
function anchorIn(data: CaseData, claim: Claim): Claim['anchor'] {
  const a = claim.anchor
  if (!a) return undefined
  const has = (id: string | undefined) => id !== undefined && data.documents.some((d) => d.id === id)
  if (a.state === 'orphaned' && !has(a.toDocumentId)) return undefined
  const { fromDocumentId, toDocumentId, ...rest } = a
  return {
    ...rest,
    ...(has(fromDocumentId) ? { fromDocumentId } : {}),
    ...(has(toDocumentId) ? { toDocumentId } : {})
  }
}

/**
 * Fits parsed annotations to a case: a document is found by id, else by the hash of the text the
 * selectors count in, else by the hash of its original file; a source by id, else by name or alias
 * (case-insensitive), else it is new. A claim whose quote is not at its position in the document,
 * or whose id the case already holds, is skipped with the reason.
 */
export function matchAnnotationsToCase(data: CaseData, parsed: ParsedAnnotations): CaseImport {
  const docsById = new Map(data.documents.map((d) => [d.id, d]))
  const docsByHash = uniqueBy(data.documents, (d) => d.provenance.sha256.toLowerCase())
  let docsByText: Map<string, string | null> | null = null
  // parseWebAnnotations gives a claim the document's own id when it has one, else the target IRI.
  const refs = new Map(parsed.documents.map((d) => [d.id ?? d.iri, d]))
  const docIdFor = (claim: Claim): string | null => {
    if (docsById.has(claim.documentId)) return claim.documentId
    const ref = refs.get(claim.documentId)
    if (ref?.textSha256) {
      docsByText ??= uniqueBy(data.documents, (d) => textSha256(d.text))
      const byText = docsByText.get(ref.textSha256)
      if (byText) return byText
    }
    return ref?.sha256 ? (docsByHash.get(ref.sha256) ?? null) : null
  }

  const caseSources = new Map(data.sources.map((s) => [s.id, s]))
  const sourceMap = new Map<string, string>()
  const newSources: Source[] = []
  for (const s of parsed.sources) {
    if (caseSources.has(s.id)) sourceMap.set(s.id, s.id)
    else {
      const known = findSourceByName(data.sources, s.name)
      sourceMap.set(s.id, known?.id ?? s.id)
      if (!known) newSources.push(s)
    }
  }

  const claimIds = new Set(data.claims.map((c) => c.id))
  const codePoints = new Set(parsed.codePointPositions)
  const claims: Claim[] = []
  const skipped: CaseImport['skipped'] = []
  const used = new Set<string>()
  for (const c of parsed.claims) {
    if (claimIds.has(c.id)) {
      skipped.push({ claimId: c.id, reason: 'already in the case' })
      continue
    }
    const docId = docIdFor(c)
    const doc = docId ? docsById.get(docId) : undefined
    if (!doc) {
      skipped.push({ claimId: c.id, reason: `its document (${c.documentId}) is not in this case` })
      continue
    }
    const position = codePoints.has(c.id)
      ? { start: utf16Offset(doc.text, c.position.start), end: utf16Offset(doc.text, c.position.end) }
      : c.position
    if (doc.text.slice(position.start, position.end) !== c.quote.exact) {
      skipped.push({ claimId: c.id, reason: `the quote is not at ${position.start}-${position.end} in “${doc.title}”` })
      continue
    }
    const map = (id: string): string => sourceMap.get(id) ?? id
    const { anchor: _anchor, ...fields } = c
    const anchor = anchorIn(data, c)
    const claim: Claim = {
      ...fields,
      documentId: doc.id,
      position,
      sourceId: c.sourceId === null ? null : map(c.sourceId),
      via: c.via.map(map),
      ...(anchor ? { anchor } : {})
    }
    claims.push(claim)
    if (claim.sourceId) used.add(claim.sourceId)
    for (const v of claim.via) used.add(v)
  }
  return { claims, sources: newSources.filter((s) => used.has(s.id)), skipped }
}
