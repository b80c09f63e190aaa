import type { ExportFormat } from '../../../shared/api'

/** Every export format with its label, in menu order (kept apart from api.ts so zod stays out of the UI bundle). */
export const FORMAT_LABELS = {
  md: 'Markdown (.md)',
  html: 'HTML page (.html)',
  pdf: 'PDF (.pdf)',
  docx: 'Word document (.docx)',
  csv: 'Claims as CSV (.csv)',
  jsonld: 'W3C Web Annotations (.jsonld)'
} as const satisfies Record<ExportFormat, string>

export const FORMATS = Object.keys(FORMAT_LABELS) as ExportFormat[]

/** One line on what each format is for, shown under the format menu. */
export const FORMAT_HINTS = {
  md: 'CommonMark text: readable anywhere, easy to diff between versions.',
  html: 'One self-contained page with inline styles and no scripts; prints cleanly.',
  pdf: 'Printed by Chromium from the HTML, with page numbers and the handling line on every page.',
  docx: 'A Word document with real headings, tables and citations as footnotes, editable in Word or LibreOffice.',
  csv: 'Every claim of the briefing as one row, every field, for spreadsheets.',
  jsonld: 'W3C Web Annotations (JSON-LD), one per claim; Claimdesk can import them back.'
} as const satisfies Record<ExportFormat, string>
