// Briefing -> PDF: the HTML export printed by Chromium. The desktop app injects a printer built on
// Electron's webContents.printToPDF; the CLI and browser mode use the default printer below, which
// drives a system Chromium through playwright-core.
import { existsSync } from 'node:fs'
import { ClaimdeskError } from '../../shared/errors'
import type { BriefingView } from '../../shared/briefing/view'
import { escapeHtml, renderHtml } from './html'

export interface PdfPrintOptions {
  /** Chromium header/footer templates (the `pageNumber`/`totalPages` classes are filled in). */
  headerTemplate: string
  footerTemplate: string
}

/** Prints a complete HTML document to PDF bytes (A4, backgrounds printed, header and footer shown). */
export type PdfPrinter = (html: string, options: PdfPrintOptions) => Promise<Uint8Array>

const TEMPLATE_STYLE = 'font-family: Arial, Helvetica, sans-serif; font-size: 8pt; color: #444; width: 100%; padding: 0 16mm;'

export function pdfTemplates(view: BriefingView): PdfPrintOptions {
  const handling = escapeHtml(view.header.handling.trim())
  const title = escapeHtml(view.header.title)
  return {
    headerTemplate:
      `<div style="${TEMPLATE_STYLE} text-align: center; font-weight: bold; letter-spacing: .04em;">` +
      `${handling || '&nbsp;'}</div>`,
    footerTemplate:
      `<div style="${TEMPLATE_STYLE} display: flex; justify-content: space-between;">` +
      `<span>${handling || title}</span>` +
      '<span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>'
  }
}

/**
 * Chromium stamps the print time into the PDF. Put the briefing's generated-at time (UTC) in the
 * CreationDate/ModDate values instead, keeping their length so cross-reference offsets stay valid.
 */
export function fixPdfDates(pdf: Uint8Array, generatedAt: string): Uint8Array {
  const time = Date.parse(generatedAt)
  if (Number.isNaN(time)) return pdf
  const stamp = new Date(time).toISOString().replace(/\D/g, '').slice(0, 14)
  const utc: Record<number, string> = { 0: '', 1: 'Z', 7: "+00'00'" }
  const text = Buffer.from(pdf).toString('latin1')
  const fixed = text.replace(/\/(CreationDate|ModDate) \(D:\d{14}([^)]*)\)/g, (whole, key: string, zone: string) =>
    zone.length in utc ? `/${key} (D:${stamp}${utc[zone.length]})` : whole
  )
  return new Uint8Array(Buffer.from(fixed, 'latin1'))
}

export async function renderPdf(view: BriefingView, printer: PdfPrinter): Promise<Uint8Array> {
  const html = renderHtml(view, { omitHandlingBanners: view.header.handling.trim() !== '' })
  const bytes = await printer(html, pdfTemplates(view))
  return fixPdfDates(bytes, view.header.generatedAt)
}

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser']

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]

interface ChromiumLauncher {
  launch(options: { executablePath: string; args: string[]; headless: boolean }): Promise<{
    newPage(): Promise<{
      setContent(html: string, options: { waitUntil: 'load' }): Promise<void>
      pdf(options: Record<string, unknown>): Promise<Uint8Array>
    }>
    close(): Promise<void>
  }>
}

async function loadChromium(): Promise<ChromiumLauncher | null> {
  for (const name of ['playwright-core', '@playwright/test']) {
    try {
      const mod = (await import(/* @vite-ignore */ name)) as { chromium?: ChromiumLauncher }
      if (mod.chromium) return mod.chromium
    } catch {
      // try the next package
    }
  }
  return null
}

function findChromium(): string | null {
  const fromEnv = process.env.CLAIMDESK_CHROMIUM
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null
  return CHROMIUM_CANDIDATES.find((p) => existsSync(p)) ?? null
}

const NO_CHROMIUM =
  'PDF export needs Chromium (install it at /usr/bin/chromium or set CLAIMDESK_CHROMIUM to its path) ' +
  'or the desktop app; other formats need neither'

/** Prints with a system Chromium driven by Playwright; one browser per call. */
export const chromiumPrinter: PdfPrinter = async (html, options) => {
  const executablePath = findChromium()
  const chromium = executablePath ? await loadChromium() : null
  if (!executablePath || !chromium) throw new ClaimdeskError('invalid', NO_CHROMIUM)
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true })
  try {
    const page = await browser.newPage()
    await page.setContent(html, { waitUntil: 'load' })
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: options.headerTemplate,
      footerTemplate: options.footerTemplate,
      margin: { top: '20mm', bottom: '20mm', left: '16mm', right: '16mm' },
      preferCSSPageSize: false
    })
  } finally {
    await browser.close()
  }
}
