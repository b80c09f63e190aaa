import type { ImportResult } from '../../shared/api'
import type { CaseDocument, Claim, DocumentSummary, Source } from '../../shared/model'

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
      grade: `${s?.reliability ?? '-'}${c.credibility}`
    }
  })
}

export function formatClaims(rows: ClaimRow[]): string {
  if (rows.length === 0) return 'No claims in this case.'
  return rows
    .map((r) => {
      const who = (r.source?.name ?? 'Unattributed') + r.via.map((v) => `, via ${v.name}`).join('')
      const tags = r.tags.length ? `  [${r.tags.join(', ')}]` : ''
      return `${r.grade}  ${r.status.padEnd(13)} ${who}${tags}\n    “${r.quote}”  (${r.document.title}; ${r.id})`
    })
    .join('\n')
}

export function formatImportResults(results: ImportResult[]): string {
  return results
    .map((r) => {
      const id = r.documentId ? ` -> ${r.documentId}` : ''
      return `${r.status.padEnd(9)} ${r.fileName}${id}${r.message ? `: ${r.message}` : ''}`
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
