// Claims -> CSV (RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break,
// quotes doubled), one row a claim with every field, for spreadsheets. A UTF-8 byte-order mark leads
// the file so Excel reads it as UTF-8. `citation` is the claim's note number, printed "[n]" in the
// other formats, and `cited_document` its document's label in their annex ("D1").
//
// Formula injection: a spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return)
// as a formula, and quotes and notes come from untrusted articles. Such cells are written with a
// leading apostrophe ('=1+2), which spreadsheets show as text. This changes those cells by one
// character; the JSON-LD export keeps the exact text.
import type { BriefingView, ClaimView } from '../../shared/briefing/view'

export const CSV_COLUMNS = [
  'claim_id',
  'document_id',
  'document_title',
  'outlet',
  'author',
  'published',
  'url',
  'sha256',
  'file_name',
  'captured_at',
  'quote',
  'quote_prefix',
  'quote_suffix',
  'position_start',
  'position_end',
  'paragraph',
  'page',
  'citation',
  'cited_document',
  'source_id',
  'source_name',
  'source_kind',
  'source_reliability',
  'via_ids',
  'via_names',
  'relay_chain',
  'credibility',
  'grade',
  'status',
  'tags',
  'note',
  'unreviewed',
  'created_at',
  'updated_at'
] as const

/** Separator for list fields (relays, tags) inside one cell. */
const LIST = '; '

function row(c: ClaimView): string[] {
  const cite = c.citation
  return [
    c.id,
    c.documentId,
    cite.title,
    cite.outlet,
    cite.author,
    cite.published,
    cite.url,
    cite.sha256,
    cite.fileName,
    cite.capturedAt,
    c.quote,
    c.prefix,
    c.suffix,
    String(c.start),
    String(c.end),
    cite.paragraph === null ? '' : String(cite.paragraph),
    cite.page === null ? '' : String(cite.page),
    String(cite.number),
    cite.documentLabel,
    c.source?.id ?? '',
    c.source?.name ?? '',
    c.source?.kind ?? '',
    c.source?.reliability ?? '',
    c.via.map((v) => v.id).join(LIST),
    c.via.map((v) => v.name).join(LIST),
    c.chain,
    c.credibility,
    c.grade,
    c.status,
    c.tags.join(LIST),
    c.note,
    c.unreviewed,
    c.createdAt,
    c.updatedAt
  ]
}

export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export function renderCsv(view: BriefingView): string {
  const lines = [CSV_COLUMNS.join(','), ...view.claims.map((c) => row(c).map(csvField).join(','))]
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
