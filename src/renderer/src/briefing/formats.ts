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
