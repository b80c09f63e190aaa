// Briefing -> PDF: the HTML export printed by Chromium. The handling line and "Page N of M" come from
// the HTML's own @page margin boxes (html.ts), so the PDF needs no header/footer templates: Chromium
// renders those templates once per page, which cost about half a second for a 200-page briefing, and
// the HTML file printed from a browser gets the same running header and footer.
// The desktop app injects a printer built on Electron's webContents.printToPDF (printBackground:
// true, preferCSSPageSize: true); the CLI and browser mode use the printers below, which drive a
// system Chromium through playwright-core.
import { ClaimdeskError } from '../../shared/errors'
import type { BriefingView } from '../../shared/briefing/view'
import { renderHtml } from '../../shared/briefing/html'
import { findChromium } from './chromium-finder'

/** Prints a complete HTML document to PDF bytes, honouring its @page rules and printing backgrounds. */
export type PdfPrinter = (html: string) => Promise<Uint8Array>

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
  const bytes = await printer(html)
  return fixPdfDates(bytes, view.header.generatedAt)
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // The flags above still leave lookups (update.googleapis.com at every launch): resolve no name at
  // all. A printed briefing loads nothing; 127.0.0.1 stays reachable for browser mode's own pages.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'
]

interface ChromiumPage {
  setContent(html: string, options: { waitUntil: 'load' }): Promise<void>
  pdf(options: Record<string, unknown>): Promise<Uint8Array>
  close(): Promise<void>
}
interface ChromiumBrowser {
  newPage(): Promise<ChromiumPage>
  close(): Promise<void>
}
interface ChromiumLauncher {
  launch(options: { executablePath: string; args: string[]; headless: boolean }): Promise<ChromiumBrowser>
  /** Where Playwright keeps its own browser (which may not be installed). */
  executablePath(): string
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

/** Playwright's own browser, tried after every installed one (a developer's machine may have only it). */
function playwrightsOwn(chromium: ChromiumLauncher): string[] {
  try {
    return [chromium.executablePath()]
  } catch {
    return [] // Playwright has no browser build for this system
  }
}

export async function launchChromium(): Promise<ChromiumBrowser> {
  const chromium = await loadChromium()
  if (!chromium) throw new ClaimdeskError('invalid', 'PDF export needs playwright-core, which is not installed')
  const found = findChromium({}, playwrightsOwn(chromium))
  if ('problem' in found) throw new ClaimdeskError('invalid', found.problem)
  return chromium.launch({ executablePath: found.path, args: CHROMIUM_ARGS, headless: true })
}

async function printWith(browser: ChromiumBrowser, html: string): Promise<Uint8Array> {
  const page = await browser.newPage()
  try {
    await page.setContent(html, { waitUntil: 'load' })
    return await page.pdf({ printBackground: true, preferCSSPageSize: true })
  } finally {
    await page.close()
  }
}

/** Prints with a system Chromium driven by Playwright, launching it for this one call (the CLI). */
export const chromiumPrinter: PdfPrinter = async (html) => {
  const browser = await launchChromium()
  try {
    return await printWith(browser, html)
  } finally {
    await browser.close()
  }
}

export interface KeptPrinter {
  print: PdfPrinter
  /** Closes the browser, if one is open. */
  close(): Promise<void>
}

/**
 * A printer that keeps one Chromium open between exports and closes it after `idleMs` without
 * one, for long-running processes (browser mode). Saves the launch on every export but the first.
 */
export function keptChromiumPrinter(idleMs = 60_000): KeptPrinter {
  let browser: Promise<ChromiumBrowser> | null = null
  let timer: ReturnType<typeof setTimeout> | undefined
  let busy = 0
  const close = async (): Promise<void> => {
    clearTimeout(timer)
    const open = browser
    browser = null
    if (open) await open.then((b) => b.close()).catch(() => undefined)
  }
  const print: PdfPrinter = async (html) => {
    clearTimeout(timer)
    busy++
    try {
      browser ??= launchChromium()
      const b = await browser.catch((err) => {
        browser = null
        throw err
      })
      return await printWith(b, html)
    } finally {
      if (--busy === 0) {
        timer = setTimeout(() => void close(), idleMs)
        timer.unref?.()
      }
    }
  }
  return { print, close }
}
