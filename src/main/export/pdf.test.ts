import { describe, expect, it } from 'vitest'
import { EXTERNAL_PROGRAM_MS } from '../testing/budgets'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildBriefingView } from '../../shared/briefing/view'
import { sampleCase } from '../../shared/briefing/test-fixtures'
import { ClaimdeskError } from '../../shared/errors'
import { chromiumPrinter, fixPdfDates, keptChromiumPrinter, renderPdf } from './pdf'
import { exportBriefing } from './index'

const generatedAt = '2024-05-03T10:00:00.000Z'

function has(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

describe('renderPdf with an injected printer', () => {
  it('prints the HTML export, whose @page rules carry the handling line and page numbers', async () => {
    const data = sampleCase()
    const view = buildBriefingView(data, data.briefings[0], { generatedAt })
    let printed = ''
    const stamped = "%PDF-1.4\n<</CreationDate (D:20991231235959+02'00') /ModDate (D:20991231235959+02'00')>>"
    const bytes = await renderPdf(view, async (html) => {
      printed = html
      return new Uint8Array(Buffer.from(stamped, 'latin1'))
    })
    expect(printed).toContain('<h1>Strait of Marren: shipping disruption</h1>')
    expect(printed).not.toContain('class="handling"') // the page margin boxes carry it on every page
    expect(printed).toMatch(/@top-center \{ content: "OFFICIAL \\2014 {2}FOR TRAINING \\3c only\\3e "/)
    expect(printed).toContain('@bottom-right { content: "Page " counter(page) " of " counter(pages);')
    const out = Buffer.from(bytes).toString('latin1')
    expect(out).toBe("%PDF-1.4\n<</CreationDate (D:20240503100000+00'00') /ModDate (D:20240503100000+00'00')>>")
    expect(out.length).toBe(stamped.length)
  })

  it('leaves dates alone when generatedAt is not a date', () => {
    const pdf = new Uint8Array(Buffer.from('/CreationDate (D:20991231235959Z)', 'latin1'))
    expect(fixPdfDates(pdf, 'not a date')).toBe(pdf)
    expect(Buffer.from(fixPdfDates(pdf, generatedAt)).toString('latin1')).toBe('/CreationDate (D:20240503100000Z)')
  })

  it('says clearly when CLAIMDESK_CHROMIUM points at no browser', async () => {
    const before = process.env.CLAIMDESK_CHROMIUM
    process.env.CLAIMDESK_CHROMIUM = '/nonexistent/chromium'
    try {
      const err = await chromiumPrinter('<p>x</p>').catch((e) => e)
      expect(err).toBeInstanceOf(ClaimdeskError)
      expect(err.code).toBe('invalid')
      expect(err.message).toBe(
        'CLAIMDESK_CHROMIUM is set to "/nonexistent/chromium", but there is no file there: point it at the browser\'s executable'
      )
    } finally {
      if (before === undefined) delete process.env.CLAIMDESK_CHROMIUM
      else process.env.CLAIMDESK_CHROMIUM = before
    }
  })
})

const canPrint = existsSync('/usr/bin/chromium') && has('pdftotext') && has('pdfinfo') && has('pdftoppm')
if (!canPrint)
  console.log('PDF print tests skipped: needs /usr/bin/chromium and poppler-utils (pdftotext, pdfinfo, pdftoppm)')

describe.skipIf(!canPrint)('PDF printed by Chromium', { timeout: EXTERNAL_PROGRAM_MS }, () => {
  const outDir = join(tmpdir(), 'claimdesk-export-test')

  it('has the briefing text, a sensible page count, page numbers and the handling line on every page', async () => {
    const data = sampleCase()
    const result = await exportBriefing(data, { format: 'pdf', generatedAt })
    expect(result).toMatchObject({
      fileName: 'strait-of-marren-shipping-disruption.pdf',
      mimeType: 'application/pdf',
      encoding: 'base64'
    })
    const bytes = Buffer.from(result.content, 'base64')
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
    mkdirSync(outDir, { recursive: true })
    const file = join(outDir, result.fileName)
    writeFileSync(file, bytes)

    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1])
    expect(pages).toBeGreaterThanOrEqual(2)
    expect(pages).toBeLessThanOrEqual(8)
    expect(info).toMatch(/CreationDate:.*2024/)

    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    const flat = text.replace(/\s+/g, ' ')
    expect(flat).toContain('Strait of Marren: shipping disruption')
    expect(flat).toContain('at least 120 vessels had been turned back since Monday')
    expect(flat).toContain('Unnamed Coast Guard official, via Reuters, in The Harbour Tribune')
    expect(flat).toContain('<img src=x onerror=alert(1)>')
    expect(flat).toContain(`Page 1 of ${pages}`)
    expect(flat).toContain(`Page ${pages} of ${pages}`)
    const handlingCount = flat.split('OFFICIAL — FOR TRAINING <only>').length - 1
    expect(handlingCount).toBeGreaterThanOrEqual(pages) // header (and footer) of every page

    // Page 1 as a PNG, kept for a person to look at.
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      file,
      join(outDir, 'briefing-page1')
    ])
    expect(existsSync(join(outDir, 'briefing-page1.png'))).toBe(true)
  })

  it('gives the same bytes for the same case and generatedAt, from a fresh or a kept-open Chromium', async () => {
    const data = sampleCase()
    const kept = keptChromiumPrinter()
    try {
      const a = await exportBriefing(data, { format: 'pdf', generatedAt })
      const b = await exportBriefing(data, { format: 'pdf', generatedAt }, { printPdf: kept.print })
      const c = await exportBriefing(data, { format: 'pdf', generatedAt }, { printPdf: kept.print })
      expect(b.content).toBe(a.content)
      expect(c.content).toBe(a.content)
    } finally {
      await kept.close()
    }
  })
})
