// Resolves a briefing against its case into one ordered, render-ready model. Every exporter and the
// composer's live preview render this same model, so they cannot disagree about what a briefing says.
// Pure: no DOM, no Node.
import type {
  Block,
  Briefing,
  CaseData,
  CaseDocument,
  Claim,
  ClaimLink,
  ClaimStatus,
  Confidence,
  ConflictSet,
  Credibility,
  GroupBy,
  LinkKind,
  Reliability,
  Source,
  SourceKind
} from '../model'
import type { CircularGroup } from '../analysis'
import { DEFAULT_LABELS, gradeLabel, type BriefingLabels } from './labels'
import { quoteForDisplay } from './quotes'

export interface BriefingViewOptions {
  /** ISO date-time printed as "generated at"; fixed by callers that need reproducible output. */
  generatedAt: string
  labels?: BriefingLabels
  /**
   * The case's circular reporting (findCircularReporting, main process only: it needs the NLP
   * package). Groups touching the briefing's claims are printed as warnings.
   */
  circular?: readonly CircularGroup[]
}

/**
 * A document in the briefing's annex, cited once with everything needed to find and check it. The
 * numbered notes point to it by its label.
 */
export interface CitedDocumentView {
  /** "D1", "D2", …: documents in the order of their first note. */
  label: string
  documentId: string
  title: string
  outlet: string
  author: string
  published: string
  url: string
  /** `url` when it is http(s), else null: the only URLs renderers turn into links. */
  linkUrl: string | null
  sha256: string
  fileName: string
  /** When the document was imported (captured), as stored and for display. */
  capturedAt: string
  capturedAtText: string
  /** “Title”, outlet, author, published: the reference on one line. */
  text: string
  /** Numbers of the notes that point to it, ascending. */
  notes: number[]
}

/**
 * A numbered note: one per cited claim, numbered in the order a reader meets the claims (judgments,
 * reporting, conflicting pairs, corroborating pairs). It points to the claim's document in the annex
 * and says where in it the claim is.
 */
export interface CitationView {
  /** 1-based note number; every format prints it as "[n]". */
  number: number
  claimId: string
  documentId: string
  /** The annex label of the document, e.g. "D2". */
  documentLabel: string
  /** The short note every format prints: "D2, para. 4" or "D1, p. 3". */
  note: string
  /** 1-based index of the block holding the claim among the document's non-heading blocks. */
  paragraph: number | null
  /** Page number, for documents that have pages (PDF). */
  page: number | null
  /** "p. 3", "para. 4", "heading" or "". */
  locator: string
  // The document's details, repeated for renderers of one claim at a time (CSV, the composer's list).
  title: string
  outlet: string
  author: string
  published: string
  url: string
  linkUrl: string | null
  sha256: string
  fileName: string
  capturedAt: string
  capturedAtText: string
  /** The whole citation on one line: the document's reference and the locator. */
  text: string
}

export interface SourceRef {
  id: string
  name: string
  kind: SourceKind | null
  reliability: Reliability | null
}

export interface ClaimView {
  id: string
  documentId: string
  quote: string
  prefix: string
  suffix: string
  start: number
  end: number
  source: SourceRef | null
  via: SourceRef[]
  /** The document's outlet ('' when unknown). */
  outlet: string
  /** "Unnamed General Staff source, via Reuters, in Newsweek". */
  chain: string
  credibility: Credibility
  /** Source reliability + information credibility, e.g. "B2"; "?2" when unattributed. */
  grade: string
  /** "source usually reliable; information probably true" (see gradeLabel in labels.ts). */
  gradeLabel: string
  status: ClaimStatus
  statusLabel: string
  note: string
  /** '' or a caution that the quote's words changed in a newer version and the analyst has not reviewed them. */
  unreviewed: string
  tags: string[]
  citation: CitationView
  createdAt: string
  updatedAt: string
}

export interface ReportingGroup {
  key: string
  title: string
  /** One line under the group title: kind and grade of a source, outlet and date of a document. */
  detail: string
  claims: ClaimView[]
}

export interface SourceRow {
  id: string
  name: string
  kind: SourceKind
  kindLabel: string
  reliability: Reliability
  reliabilityLabel: string
  description: string
  /** Claims in this briefing the source asserts. */
  claimCount: number
  /** Claims in this briefing that reached the page through this source. */
  relayedCount: number
  /** Names of the relays this source's claims passed through, in order of first use. */
  relays: string[]
}

/**
 * Claims printed side by side, each once: a confirmed conflict set or an analyst's "contradicts"
 * link (conflicting reporting), a confirmed consistent set or a "corroborates" link (corroborating).
 */
export interface ComparisonView {
  /** The set's or the link's id. */
  id: string
  origin: 'set' | 'link'
  /** "Vessels turned back: figures disagree" for a set; "Lena Ostrova contradicts Tidewatch" for a link. */
  title: string
  /** The engine's reason for a set ("64 to 38 is a fall of about 41 percent, ..."); '' for a link. */
  explanation: string
  /** The analyst's note; for a set, also the notes of links between its claims, which it prints instead. */
  note: string
  /** In the order a reader meets them; each shows its source, grade and document date. */
  claims: ClaimView[]
}

/** Claims of the briefing that reach it by several routes from one origin: count once. */
export interface CircularWarningView {
  originId: string
  subject: string
  /** "3 claims on “vessels” reach the case by 2 routes (...) but all come from ...". */
  warning: string
  /** Notes of the group's claims this briefing cites, ascending. */
  citations: number[]
}

export interface JudgmentView {
  id: string
  text: string
  confidence: Confidence
  confidenceLabel: string
  claims: ClaimView[]
  /** Note numbers of `claims`, ascending. */
  citations: number[]
}

export interface BriefingHeader {
  title: string
  handling: string
  /** As stored (ISO). */
  date: string
  /** For display: "2024-11-20" or "2024-11-20 14:05 UTC". */
  dateText: string
  author: string
  generatedAt: string
  generatedAtText: string
  caseTitle: string
}

export interface BriefingView {
  /** null for the default briefing built when the case has none. */
  briefingId: string | null
  header: BriefingHeader
  bottomLine: string
  judgments: JudgmentView[]
  reporting: { groupBy: GroupBy; groupByLabel: string; groups: ReportingGroup[] }
  /** Every claim of the briefing once: reporting order, then claims only judgments cite. */
  claims: ClaimView[]
  sources: SourceRow[]
  conflicting: ComparisonView[]
  corroborating: ComparisonView[]
  /** Agreeing claims that all come from one source: consistent, but not corroboration. */
  oneSource: ComparisonView[]
  circular: CircularWarningView[]
  gaps: string
  /** The numbered notes, one per cited claim, in number order. */
  citations: CitationView[]
  /** The annex: every cited document once, in the order of its first note. */
  documents: CitedDocumentView[]
  /** Claim ids the briefing names that are no longer in the case. */
  missingClaimIds: string[]
  labels: BriefingLabels
}

/** The briefing used when a case has none: every claim, grouped by source. */
export function defaultBriefing(data: CaseData, generatedAt: string): Briefing {
  return {
    id: '',
    title: data.title.trim() || 'Briefing',
    handling: '',
    date: generatedAt,
    author: '',
    bottomLine: '',
    judgments: [],
    claimIds: [],
    groupBy: 'source',
    gaps: '',
    createdAt: generatedAt,
    updatedAt: generatedAt
  }
}

/** "2024-11-20" stays as is; a date-time becomes "2024-11-20 14:05 UTC"; anything else is shown raw. */
export function formatDate(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value
  const time = Date.parse(value)
  if (!value || Number.isNaN(time)) return value
  const iso = new Date(time).toISOString()
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`
}

/** Note numbers for the annex, consecutive runs as ranges: [1, 2, 3, 5] -> "1–3, 5". */
export function noteRanges(numbers: number[]): string {
  const out: string[] = []
  for (let i = 0; i < numbers.length; i++) {
    let j = i
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j] + 1) j++
    out.push(j === i ? String(numbers[i]) : `${numbers[i]}${j === i + 1 ? ', ' : '–'}${numbers[j]}`)
    i = j
  }
  return out.join(', ')
}

const sameName = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase()

export function isLinkableUrl(url: string): boolean {
  return /^https?:\/\/[^\s<>"]+$/i.test(url)
}

interface Located {
  paragraph: number | null
  page: number | null
  heading: boolean
}

/** Finds the block holding `offset`; blocks are assumed sorted by start (the importers' order). */
function locate(blocks: Block[], paragraphIndex: number[], offset: number): Located {
  let lo = 0
  let hi = blocks.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (blocks[mid].start <= offset) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  if (found < 0 || offset >= blocks[found].end) return { paragraph: null, page: null, heading: false }
  const block = blocks[found]
  return {
    paragraph: block.kind === 'heading' ? null : paragraphIndex[found],
    page: block.page ?? null,
    heading: block.kind === 'heading'
  }
}

function locatorText(loc: Located): string {
  if (loc.page !== null) return `p. ${loc.page}`
  if (loc.paragraph !== null) return `para. ${loc.paragraph}`
  return loc.heading ? 'heading' : ''
}

function documentReference(doc: CaseDocument): string {
  const parts = [quoteForDisplay(doc.title), doc.outlet, doc.author, doc.published]
  return parts.filter((p) => p !== '').join(', ')
}

function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export function buildBriefingView(
  data: CaseData,
  briefing: Briefing | null,
  options: BriefingViewOptions
): BriefingView {
  const labels = options.labels ?? DEFAULT_LABELS
  const b = briefing ?? defaultBriefing(data, options.generatedAt)

  const documents = new Map<string, CaseDocument>(data.documents.map((d) => [d.id, d]))
  const docOrder = new Map<string, number>(data.documents.map((d, i) => [d.id, i]))
  const sources = new Map<string, Source>(data.sources.map((s) => [s.id, s]))
  const claimsById = new Map<string, Claim>(data.claims.map((c) => [c.id, c]))
  const missing = new Set<string>()
  const blockIndex = new Map<string, { blocks: Block[]; paragraphIndex: number[] }>()

  const pick = (ids: string[]): Claim[] => {
    const seen = new Set<string>()
    const out: Claim[] = []
    for (const id of ids) {
      if (seen.has(id)) continue
      seen.add(id)
      const claim = claimsById.get(id)
      if (claim && documents.has(claim.documentId)) out.push(claim)
      else missing.add(id)
    }
    return out
  }

  const reportingClaims: Claim[] =
    b.claimIds.length > 0
      ? pick(b.claimIds)
      : data.claims
          .filter((c) => documents.has(c.documentId))
          .sort(
            (x, y) =>
              docOrder.get(x.documentId)! - docOrder.get(y.documentId)! ||
              x.position.start - y.position.start ||
              x.position.end - y.position.end ||
              byString(x.id, y.id)
          )
  const judgmentClaims = b.judgments.map((j) => pick(j.claimIds))
  const groups = groupClaims(reportingClaims, b.groupBy, { labels, sources, documents, sourceRef })

  // Every claim of the briefing once: reporting order, then claims only judgments cite.
  const inBriefing: Claim[] = [...reportingClaims]
  const reportingIds = new Set(inBriefing.map((c) => c.id))
  for (const claims of judgmentClaims)
    for (const c of claims)
      if (!reportingIds.has(c.id)) {
        reportingIds.add(c.id)
        inBriefing.push(c)
      }
  const order = new Map(inBriefing.map((c, i) => [c.id, i]))
  const comparing = comparisons(data, order, claimsById, documents, docOrder)
  const conflicting = comparing.filter((c) => c.side === 'conflicting')
  const corroborating = comparing.filter((c) => c.side === 'corroborating')
  const oneSource = comparing.filter((c) => c.side === 'oneSource')

  // Notes: one per claim, numbered in the order a reader meets the claims. Renderers print the marks
  // in this order too, so a word processor numbering its footnotes by position agrees with the notes.
  const notes = new Map<string, CitationView>()
  const citations: CitationView[] = []
  const cited: CitedDocumentView[] = []
  const citedByDoc = new Map<string, CitedDocumentView>()
  const cite = (claim: Claim): void => {
    if (notes.has(claim.id)) return
    const doc = documents.get(claim.documentId)!
    let entry = citedByDoc.get(doc.id)
    if (!entry) {
      entry = {
        label: `D${cited.length + 1}`,
        documentId: doc.id,
        title: doc.title,
        outlet: doc.outlet,
        author: doc.author,
        published: doc.published,
        url: doc.url,
        linkUrl: isLinkableUrl(doc.url) ? doc.url : null,
        sha256: doc.provenance.sha256,
        fileName: doc.provenance.fileName,
        capturedAt: doc.provenance.importedAt,
        capturedAtText: formatDate(doc.provenance.importedAt),
        text: documentReference(doc),
        notes: []
      }
      cited.push(entry)
      citedByDoc.set(doc.id, entry)
    }
    const { blocks, paragraphIndex } = blocksOf(doc)
    const loc = locate(blocks, paragraphIndex, claim.position.start)
    const locator = locatorText(loc)
    const number = citations.length + 1
    const { label, notes: _n, text: reference, ...details } = entry
    const note: CitationView = {
      number,
      claimId: claim.id,
      documentLabel: label,
      note: locator ? `${label}, ${locator}` : label,
      paragraph: loc.paragraph,
      page: loc.page,
      locator,
      ...details,
      text: locator ? `${reference}, ${locator}` : reference
    }
    entry.notes.push(number)
    citations.push(note)
    notes.set(claim.id, note)
  }
  for (const claims of judgmentClaims) claims.forEach(cite)
  for (const g of groups) g.claims.forEach(cite)
  for (const c of [...conflicting, ...corroborating, ...oneSource]) c.claims.forEach(cite)

  // Per-document block index, built on first use.
  function blocksOf(doc: CaseDocument): { blocks: Block[]; paragraphIndex: number[] } {
    let entry = blockIndex.get(doc.id)
    if (!entry) {
      const blocks = [...doc.blocks].sort((x, y) => x.start - y.start)
      let n = 0
      const paragraphIndex = blocks.map((bl) => (bl.kind === 'heading' ? 0 : ++n))
      entry = { blocks, paragraphIndex }
      blockIndex.set(doc.id, entry)
    }
    return entry
  }

  function sourceRef(id: string): SourceRef {
    const s = sources.get(id)
    return s
      ? { id, name: s.name, kind: s.kind, reliability: s.reliability }
      : { id, name: '(unknown source)', kind: null, reliability: null }
  }

  const claimViews = new Map<string, ClaimView>()
  const viewOf = (claim: Claim): ClaimView => {
    const existing = claimViews.get(claim.id)
    if (existing) return existing
    const doc = documents.get(claim.documentId)!
    const source = claim.sourceId === null ? null : sourceRef(claim.sourceId)
    const via = claim.via.map(sourceRef)
    const chainParts = [source ? source.name : labels.unattributed, ...via.map((v) => `via ${v.name}`)]
    const last = via.length > 0 ? via[via.length - 1].name : source?.name
    if (doc.outlet.trim() && !(last && sameName(last, doc.outlet))) chainParts.push(`in ${doc.outlet.trim()}`)
    const reliability = source?.reliability ?? null
    const view: ClaimView = {
      id: claim.id,
      documentId: claim.documentId,
      quote: claim.quote.exact,
      prefix: claim.quote.prefix,
      suffix: claim.quote.suffix,
      start: claim.position.start,
      end: claim.position.end,
      source,
      via,
      outlet: doc.outlet,
      chain: chainParts.join(', '),
      credibility: claim.credibility,
      grade: `${reliability ?? '?'}${claim.credibility}`,
      gradeLabel: gradeLabel(labels, reliability, claim.credibility),
      status: claim.status,
      statusLabel: labels.status[claim.status],
      note: claim.note,
      unreviewed: claim.anchor?.previousQuote ? labels.unreviewed(claim.anchor.previousQuote) : '',
      tags: claim.tags,
      citation: notes.get(claim.id)!,
      createdAt: claim.createdAt,
      updatedAt: claim.updatedAt
    }
    claimViews.set(claim.id, view)
    return view
  }

  const judgments: JudgmentView[] = b.judgments.map((j, i) => {
    const claims = judgmentClaims[i].map(viewOf)
    return {
      id: j.id,
      text: j.text,
      confidence: j.confidence,
      confidenceLabel: labels.confidence[j.confidence],
      claims,
      citations: claims.map((c) => c.citation.number).sort((x, y) => x - y)
    }
  })
  const speaker = (c: ClaimView): string => c.source?.name ?? c.chain
  const comparisonView = (c: Comparison): ComparisonView => {
    const claims = c.claims.map(viewOf)
    if (c.link) {
      const kind = c.link.kind
      return {
        id: c.link.id,
        origin: 'link',
        title: `${speaker(claims[0])} ${labels.link[kind]} ${speaker(claims[1])}`,
        explanation: '',
        note: c.link.note,
        claims
      }
    }
    const set = c.set!
    const linkNotes = c.covered
      .filter((l) => l.note.trim())
      .map(
        (l) =>
          `${speaker(viewOf(claimsById.get(l.from)!))} ${labels.link[l.kind]} ${speaker(viewOf(claimsById.get(l.to)!))}: ${l.note.trim()}`
      )
    return {
      id: set.id,
      origin: 'set',
      title: `${set.subject}: ${labels.conflictSet[set.kind][set.basis]}`,
      explanation: set.explanation,
      note: [set.note.trim(), ...linkNotes].filter(Boolean).join('\n'),
      claims
    }
  }
  const circular: CircularWarningView[] = (options.circular ?? []).flatMap((g) => {
    const citations = g.claimIds
      .map((id) => notes.get(id)?.number)
      .filter((n): n is number => n !== undefined)
      .sort((x, y) => x - y)
    return citations.length === 0 ? [] : [{ originId: g.originId, subject: g.subject, warning: g.warning, citations }]
  })
  const claimViewsInBriefing = inBriefing.map(viewOf)

  return {
    briefingId: briefing ? briefing.id : null,
    header: {
      title: b.title.trim() || data.title.trim() || 'Briefing',
      handling: b.handling,
      date: b.date,
      dateText: formatDate(b.date),
      author: b.author,
      generatedAt: options.generatedAt,
      generatedAtText: formatDate(options.generatedAt),
      caseTitle: data.title
    },
    bottomLine: b.bottomLine,
    judgments,
    reporting: {
      groupBy: b.groupBy,
      groupByLabel: labels.groupBy[b.groupBy],
      groups: groups.map((g) => ({ ...g, claims: g.claims.map(viewOf) }))
    },
    claims: claimViewsInBriefing,
    sources: sourceRows(claimViewsInBriefing, sources, labels),
    conflicting: conflicting.map(comparisonView),
    corroborating: corroborating.map(comparisonView),
    oneSource: oneSource.map(comparisonView),
    circular,
    gaps: b.gaps,
    citations,
    documents: cited,
    missingClaimIds: [...missing],
    labels
  }
}

interface GroupContext {
  labels: BriefingLabels
  sources: Map<string, Source>
  documents: Map<string, CaseDocument>
  sourceRef: (id: string) => SourceRef
}

type GroupHead = Omit<ReportingGroup, 'claims'>
type ClaimGroup = GroupHead & { claims: Claim[] }

/**
 * Groups in order of first appearance, the no-source / no-tag group last; claims keep their order.
 * By topic, a claim with several tags appears under each of them.
 */
function groupClaims(claims: Claim[], groupBy: GroupBy, ctx: GroupContext): ClaimGroup[] {
  const groups = new Map<string, ClaimGroup>()
  const rest: Claim[] = []
  const add = (key: string, make: () => GroupHead, claim: Claim): void => {
    let g = groups.get(key)
    if (!g) {
      g = { ...make(), claims: [] }
      groups.set(key, g)
    }
    g.claims.push(claim)
  }
  for (const claim of claims) {
    if (groupBy === 'source') {
      if (claim.sourceId === null) rest.push(claim)
      else {
        const id = claim.sourceId
        add(`source:${id}`, () => sourceGroupHead(ctx.sources.get(id), ctx.sourceRef(id), ctx.labels), claim)
      }
    } else if (groupBy === 'topic') {
      if (claim.tags.length === 0) rest.push(claim)
      const seen = new Set<string>()
      for (const tag of claim.tags) {
        const key = `topic:${tag.trim().toLowerCase()}`
        if (seen.has(key)) continue
        seen.add(key)
        add(key, () => ({ key, title: tag.trim(), detail: '' }), claim)
      }
    } else {
      const doc = ctx.documents.get(claim.documentId)!
      add(
        `document:${doc.id}`,
        () => ({
          key: `document:${doc.id}`,
          title: doc.title,
          detail: [doc.outlet, doc.author, doc.published].filter(Boolean).join(', ')
        }),
        claim
      )
    }
  }
  const out = [...groups.values()]
  if (rest.length > 0) {
    const title = groupBy === 'source' ? ctx.labels.unattributed : ctx.labels.untagged
    out.push({ key: `${groupBy}:none`, title, detail: '', claims: rest })
  }
  return out
}

function sourceGroupHead(source: Source | undefined, ref: SourceRef, labels: BriefingLabels): GroupHead {
  const detail = source
    ? `${labels.sourceKind[source.kind]} · ${source.reliability} (${labels.reliability[source.reliability]})`
    : ''
  return { key: `source:${ref.id}`, title: ref.name, detail }
}

function sourceRows(claims: ClaimView[], sources: Map<string, Source>, labels: BriefingLabels): SourceRow[] {
  const rows = new Map<string, SourceRow>()
  const row = (id: string): SourceRow | null => {
    const s = sources.get(id)
    if (!s) return null
    let r = rows.get(id)
    if (!r) {
      r = {
        id,
        name: s.name,
        kind: s.kind,
        kindLabel: labels.sourceKind[s.kind],
        reliability: s.reliability,
        reliabilityLabel: labels.reliability[s.reliability],
        description: s.description,
        claimCount: 0,
        relayedCount: 0,
        relays: []
      }
      rows.set(id, r)
    }
    return r
  }
  for (const c of claims) {
    const speaker = c.source ? row(c.source.id) : null
    if (speaker) {
      speaker.claimCount++
      for (const v of c.via) if (!speaker.relays.includes(v.name)) speaker.relays.push(v.name)
    }
    for (const id of new Set(c.via.map((v) => v.id))) {
      const relay = row(id)
      if (relay) relay.relayedCount++
    }
  }
  const rank = 'ABCDEF'
  return [...rows.values()].sort(
    (x, y) =>
      rank.indexOf(x.reliability) - rank.indexOf(y.reliability) ||
      byString(x.name.toLowerCase(), y.name.toLowerCase()) ||
      byString(x.id, y.id)
  )
}

/** The briefing's side-by-side sections, in print order, as every renderer titles them. */
export const COMPARISON_SECTIONS = [
  { side: 'conflicting', title: 'Conflicting reporting' },
  { side: 'corroborating', title: 'Corroborating reporting' },
  { side: 'oneSource', title: 'Consistent reporting from one source' }
] as const

export type ComparisonSide = (typeof COMPARISON_SECTIONS)[number]['side']

interface Comparison {
  side: ComparisonSide
  set?: ConflictSet
  link?: ClaimLink
  /** For a set: links between two of its claims, which the set prints instead. */
  covered: ClaimLink[]
  claims: Claim[]
}

const SIDE: Record<ConflictSet['kind'] | LinkKind, Comparison['side']> = {
  conflict: 'conflicting',
  contradicts: 'conflicting',
  consistent: 'corroborating',
  corroborates: 'corroborating'
}

/** Claims that agree are corroboration only when more than one source gives them. */
export function sideOf(
  kind: ConflictSet['kind'] | LinkKind,
  claims: readonly Pick<Claim, 'sourceId'>[]
): ComparisonSide {
  const side = SIDE[kind]
  const [first, ...rest] = claims
  const one = first.sourceId !== null && rest.every((c) => c.sourceId === first.sourceId)
  return side === 'corroborating' && one ? 'oneSource' : side
}

/**
 * Confirmed sets and links touching at least one claim of the briefing, in the order of that claim
 * (a set before a link at the same claim). A link between two claims of one printed set of its side
 * is printed by the set.
 */
function comparisons(
  data: CaseData,
  order: Map<string, number>,
  claims: Map<string, Claim>,
  documents: Map<string, CaseDocument>,
  docOrder: Map<string, number>
): Comparison[] {
  const usable = (id: string): boolean => {
    const c = claims.get(id)
    return c !== undefined && documents.has(c.documentId)
  }
  const touches = (ids: string[]): boolean => ids.some((id) => order.has(id))
  // Briefing order first, then the case's order (document, position) for claims the briefing lacks.
  const rank = (c: Claim): [number, number, number] => [
    order.get(c.id) ?? Infinity,
    docOrder.get(c.documentId) ?? Infinity,
    c.position.start
  ]
  const byRank = (x: Claim, y: Claim): number => {
    const a = rank(x)
    const b = rank(y)
    return a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || byString(x.id, y.id)
  }

  const out: Comparison[] = []
  const setOf = new Map<string, Comparison[]>()
  for (const set of data.conflictSets) {
    if (set.status !== 'confirmed') continue
    // A hand-edited file may name a claim twice, or one the case no longer has.
    const members = [...new Set(set.claimIds)].filter(usable)
    if (members.length < 2 || !touches(members)) continue
    const sorted = members.map((id) => claims.get(id)!).sort(byRank)
    const c: Comparison = { side: sideOf(set.kind, sorted), set, covered: [], claims: sorted }
    out.push(c)
    for (const id of members) setOf.set(id, [...(setOf.get(id) ?? []), c])
  }
  for (const link of data.links) {
    if (!usable(link.from) || !usable(link.to) || !touches([link.from, link.to])) continue
    const pair = [claims.get(link.from)!, claims.get(link.to)!]
    const side = sideOf(link.kind, pair)
    const set = setOf.get(link.from)?.find((c) => c.side === side && c.set!.claimIds.includes(link.to))
    if (set) set.covered.push(link)
    else out.push({ side, link, covered: [], claims: pair })
  }
  const first = (c: Comparison): number => Math.min(...c.claims.map((x) => order.get(x.id) ?? Infinity))
  const stamp = (c: Comparison): string => (c.set ?? c.link)!.createdAt
  return out.sort(
    (x, y) =>
      first(x) - first(y) ||
      (x.set ? 0 : 1) - (y.set ? 0 : 1) ||
      byString(stamp(x), stamp(y)) ||
      byString((x.set ?? x.link)!.id, (y.set ?? y.link)!.id)
  )
}
