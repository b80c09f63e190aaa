// exportBriefing: picks the briefing, resolves it once (buildBriefingView) and hands it to the format's
// renderer. Output depends only on the case and `generatedAt`, so two exports of the same case with
// the same generatedAt are byte-identical.
import { exportInput, type ExportFormat, type ExportInput } from '../../shared/api'
import type { Briefing, CaseData } from '../../shared/model'
import type { ExportResult } from '../../shared/api'
import { invalid, notFound } from '../../shared/errors'
import { someOf } from '../../shared/lists'
import { buildBriefingView, type BriefingView, type BriefingViewOptions } from '../../shared/briefing/view'
import { findCircularReporting } from '../analysis/circular'
import type { BriefingLabels } from '../../shared/briefing/labels'
import { renderMarkdown } from './markdown'
import { renderHtml } from '../../shared/briefing/html'
import { chromiumPrinter, renderPdf, type PdfPrinter } from './pdf'
import { renderDocx } from './docx'
import { renderCsv } from './csv'
import { renderJsonLd } from '../annotations/export'

export type { PdfPrinter } from './pdf'
export { keptChromiumPrinter, type KeptPrinter } from './pdf'

export interface ExportDeps {
  /** How to print HTML to PDF; the desktop app passes one built on Electron's printToPDF. */
  printPdf?: PdfPrinter
  /** Label sets for codes (grading scheme, status vocabulary); Admiralty and Claimdesk's own by default. */
  labels?: BriefingLabels
}

export const FORMAT_INFO: Record<ExportFormat, { extension: string; mimeType: string }> = {
  md: { extension: 'md', mimeType: 'text/markdown; charset=utf-8' },
  html: { extension: 'html', mimeType: 'text/html; charset=utf-8' },
  pdf: { extension: 'pdf', mimeType: 'application/pdf' },
  docx: { extension: 'docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  csv: { extension: 'csv', mimeType: 'text/csv; charset=utf-8' },
  jsonld: { extension: 'jsonld', mimeType: 'application/ld+json' }
}

/** "Strait of Marren: Shipping (draft)" -> "strait-of-marren-shipping-draft". */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '')
  return slug || 'briefing'
}

/** The briefing named by id or title (exact, then case-insensitive); the first one when unnamed. */
export function findBriefing(data: CaseData, ref: string | undefined): Briefing | null {
  if (ref === undefined || ref.trim() === '') return data.briefings[0] ?? null
  const byId = data.briefings.find((b) => b.id === ref)
  if (byId) return byId
  const byTitle = data.briefings.filter((b) => b.title === ref)
  const matches =
    byTitle.length > 0
      ? byTitle
      : data.briefings.filter((b) => b.title.trim().toLowerCase() === ref.trim().toLowerCase())
  if (matches.length === 1) return matches[0]
  if (matches.length > 1) throw invalid(`briefing: ${matches.length} briefings are titled "${ref}"; name one by its id`)
  const known = data.briefings.map((b) => `"${b.title}"`).join(', ')
  throw notFound(`briefing: no briefing "${ref}" in this case${known ? ` (it has ${known})` : ''}`)
}

/**
 * The claims the briefing takes in (those it names, or every claim of the case when it names none)
 * that its output leaves out, and why: a hand-edited or damaged case can hold a claim whose document
 * it lacks, or a briefing naming a claim it lacks. Undefined when none is left out.
 */
export function leftOutClaims(data: CaseData, briefing: Briefing | null, view: BriefingView): ExportResult['leftOut'] {
  const shown = new Set(view.claims.map((c) => c.id))
  const everyClaim = (briefing?.claimIds.length ?? 0) === 0
  const asked = [...view.missingClaimIds, ...(everyClaim ? data.claims.map((c) => c.id) : [])]
  const claimIds = [...new Set(asked)].filter((id) => !shown.has(id))
  if (claimIds.length === 0) return undefined
  const held = new Set(data.claims.map((c) => c.id))
  const noDocument = claimIds.filter((id) => held.has(id))
  const gone = claimIds.filter((id) => !held.has(id))
  const claims = (n: number) => `${n} claim${n === 1 ? '' : 's'}`
  const parts = [
    ...(noDocument.length
      ? [`${claims(noDocument.length)} whose document the case does not hold (${someOf(noDocument)})`]
      : []),
    ...(gone.length ? [`${claims(gone.length)} the briefing names that the case does not hold (${someOf(gone)})`] : [])
  ]
  return { claimIds, message: `The export leaves out ${parts.join(', and ')}.` }
}

const toBase64 = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')

/** The briefing resolved against its case, with the case's circular reporting: what every output shows. */
export function resolveBriefing(
  data: CaseData,
  briefing: Briefing | null,
  options: Omit<BriefingViewOptions, 'circular'>
): BriefingView {
  return buildBriefingView(data, briefing, { ...options, circular: findCircularReporting(data) })
}

export async function exportBriefing(data: CaseData, input: ExportInput, deps: ExportDeps = {}): Promise<ExportResult> {
  const parsed = exportInput.safeParse(input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw invalid(`export: ${issue.path.join('.') || 'input'}: ${issue.message}`)
  }
  const { format, briefing: ref } = parsed.data
  const generatedAt = parsed.data.generatedAt ?? new Date().toISOString()
  if (Number.isNaN(Date.parse(generatedAt)))
    throw invalid(`export: generatedAt "${generatedAt}" is not an ISO date-time`)

  const briefing = findBriefing(data, ref)
  const view = resolveBriefing(data, briefing, { generatedAt, labels: deps.labels })
  const { extension, mimeType } = FORMAT_INFO[format]
  const fileName = `${slugify(view.header.title)}.${extension}`
  const leftOut = leftOutClaims(data, briefing, view)
  const about = { fileName, mimeType, ...(leftOut ? { leftOut } : {}) }
  const text = (content: string): ExportResult => ({ ...about, encoding: 'utf8', content })
  const binary = (bytes: Uint8Array): ExportResult => ({ ...about, encoding: 'base64', content: toBase64(bytes) })

  switch (format) {
    case 'md':
      return text(renderMarkdown(view))
    case 'html':
      return text(renderHtml(view))
    case 'csv':
      return text(renderCsv(view))
    case 'jsonld':
      return text(renderJsonLd(data, view))
    case 'docx':
      return binary(await renderDocx(view))
    case 'pdf':
      return binary(await renderPdf(view, deps.printPdf ?? chromiumPrinter))
  }
}
