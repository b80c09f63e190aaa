import type { ImportResult, ReanchorCounts } from '../../shared/api'
import type { CaseDocument, Claim, ClaimAnchor, DocumentSummary, Source } from '../../shared/model'

/** An import as the CLI reports it: with --new-version-of, how the earlier version's claims moved. */
export type CliImportResult = ImportResult & { reanchored?: ReanchorCounts & { from: string } }

export interface ClaimRow {
  id: string
  document: { id: string; title: string }
  quote: string
  start: number
  end: number
  source: { id: string; name: string; kind: string; reliability: string } | null
  via: { id: string; name: string }[]
  tags: string[]
  note: string
  status: Claim['status']
  credibility: Claim['credibility']
  /** Source reliability + information credibility, e.g. "B2". */
  grade: string
  /** How the claim was placed when last re-anchored onto a new version; null when it never was. */
  anchor: ClaimAnchor | null
}

export function claimRows(
  documents: readonly DocumentSummary[],
  sourceList: readonly Source[],
  claims: readonly Claim[]
): ClaimRow[] {
  const docs = new Map(documents.map((d) => [d.id, d]))
  const sources = new Map(sourceList.map((s) => [s.id, s]))
  return claims.map((c) => {
    const s = c.sourceId ? sources.get(c.sourceId) : undefined
    return {
      id: c.id,
      document: { id: c.documentId, title: docs.get(c.documentId)?.title ?? '' },
      quote: c.quote.exact,
      start: c.position.start,
      end: c.position.end,
      source: s ? { id: s.id, name: s.name, kind: s.kind, reliability: s.reliability } : null,
      via: c.via.map((id) => ({ id, name: sources.get(id)?.name ?? id })),
      tags: c.tags,
      note: c.note,
      status: c.status,
      credibility: c.credibility,
      grade: `${s?.reliability ?? '-'}${c.credibility}`,
      anchor: c.anchor ?? null
    }
  })
}

export function formatClaims(rows: ClaimRow[]): string {
  if (rows.length === 0) return 'No claims in this case.'
  return rows
    .map((r) => {
      const who = (r.source?.name ?? 'Unattributed') + r.via.map((v) => `, via ${v.name}`).join('')
      const tags = r.tags.length ? `  [${r.tags.join(', ')}]` : ''
      const anchor = r.anchor ? `\n    ${anchorText(r.anchor)}` : ''
      return `${r.grade}  ${r.status.padEnd(13)} ${who}${tags}\n    “${r.quote}”  (${r.document.title}; ${r.id})${anchor}`
    })
    .join('\n')
}

/** "re-anchored: fuzzy, score 0.82; was “old words”", "orphaned: not found in <id>". */
export function anchorText(a: ClaimAnchor): string {
  const score = a.score === undefined ? '' : `, score ${a.score}`
  if (a.state === 'orphaned') return `orphaned: not found in ${a.toDocumentId ?? 'the newer version'}${score}`
  const was = a.previousQuote === undefined ? '' : `; was “${a.previousQuote}”`
  return `re-anchored: ${a.state}${score}${was}`
}

export function formatImportResults(results: CliImportResult[]): string {
  return results
    .map((r) => {
      const id = r.documentId ? ` -> ${r.documentId}` : ''
      const line = `${r.status.padEnd(9)} ${r.fileName}${id}${r.message ? `: ${r.message}` : ''}`
      const m = r.reanchored
      if (!m) return line
      const total = m.exact + m.moved + m.fuzzy + m.orphaned
      return `${line}\nre-anchored ${total} claim${total === 1 ? '' : 's'} from ${m.from}: ${m.exact} exact, ${m.moved} moved, ${m.fuzzy} fuzzy, ${m.orphaned} orphaned`
    })
    .join('\n')
}

export function formatDocument(doc: CaseDocument): string {
  const meta = [
    ['Title', doc.title],
    ['Outlet', doc.outlet],
    ['Author', doc.author],
    ['URL', doc.url],
    ['Published', doc.published],
    ['Id', doc.id],
    [
      'File',
      `${doc.provenance.fileName} (${doc.provenance.format}, ${doc.provenance.size} bytes, sha256 ${doc.provenance.sha256})`
    ]
  ]
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}: ${v}`)
  return `${meta.join('\n')}\n\n${doc.text}`
}
