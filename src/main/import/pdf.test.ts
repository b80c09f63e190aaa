import { existsSync } from 'node:fs'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EXTERNAL_PROGRAM_MS } from '../testing/budgets'
import { ClaimdeskError } from '../../shared/errors'
import { flatPdf, pdfPageTreeBomb } from './fixtures/hostile'
import { cjkPdf, makePdf, reportPdf, type ReportBlock } from './fixtures/make-pdf'
import { makeRandom } from './fixtures/news-page'
import { importPdf } from './pdf'
import type { ImportedDocument } from './types'

const WORDS =
  'analysts said the assessment of reinforcements indicated considerable uncertainty about operational capabilities and logistics'.split(
    ' '
  )

function report(paragraphs: number, seed = 1): ReportBlock[] {
  const rand = makeRandom(seed)
  const blocks: ReportBlock[] = [{ kind: 'heading', text: 'Assessment of the Kursk Salient' }]
  for (let i = 0; i < paragraphs; i++) {
    if (i > 0 && i % 6 === 0) blocks.push({ kind: 'heading', text: `Section ${i / 6}` })
    const words = Array.from({ length: 40 + Math.floor(rand() * 60) }, () => WORDS[Math.floor(rand() * WORDS.length)])
    blocks.push({ kind: 'paragraph', text: `Paragraph ${i + 1}: ${words.join(' ')}.` })
    if (i === 3)
      blocks.push(
        { kind: 'bullet', text: 'A listed point about troop numbers.' },
        { kind: 'bullet', text: 'Another listed point.' }
      )
  }
  return blocks
}

const texts = (doc: ImportedDocument): string[] => doc.blocks.map((b) => doc.text.slice(b.start, b.end))

describe('a text PDF laid out like a printed report', async () => {
  const blocks = report(30)
  const doc = await importPdf(
    'report.pdf',
    reportPdf(blocks, { author: 'Analysis Unit', runningHead: 'RESTRICTED - Weekly assessment' })
  )

  it('rebuilds paragraphs, headings and list items with page numbers', () => {
    expect(doc.blocks[0]).toMatchObject({ kind: 'heading', level: 1, page: 1 })
    expect(texts(doc)[0]).toBe('Assessment of the Kursk Salient')
    expect(doc.blocks.every((b) => Number.isInteger(b.page) && b.page! >= 1)).toBe(true)
    expect(doc.blocks.at(-1)!.page).toBeGreaterThan(2)
    const flowing = doc.text.replace(/\n\n/g, ' ')
    for (const block of blocks) expect(flowing).toContain(block.text.replace(/^• /, ''))
    // Paragraphs are whole blocks, except the few that run over a page break.
    const whole = blocks.filter((b) => b.kind === 'paragraph' && texts(doc).includes(b.text)).length
    expect(whole).toBeGreaterThanOrEqual(30 - doc.blocks.at(-1)!.page!)
    expect(texts(doc).filter((_, i) => doc.blocks[i].kind === 'list-item')).toEqual([
      'A listed point about troop numbers.',
      'Another listed point.'
    ])
    expect(doc.blocks.filter((b) => b.kind === 'heading').map((b) => b.level)).toEqual(
      blocks.filter((b) => b.kind === 'heading').map(() => 1)
    )
  })

  it('joins words hyphenated at line ends', () => {
    expect(doc.text).not.toMatch(/\p{L}- ?\p{Ll}/u)
    expect(doc.text).toContain('reinforcements')
  })

  it('leaves out running heads and page numbers', () => {
    expect(doc.text).not.toContain('RESTRICTED')
    expect(texts(doc).some((t) => /^\d+$/.test(t))).toBe(false)
  })

  it('fills metadata', () => {
    expect(doc.meta).toEqual({
      title: 'Assessment of the Kursk Salient',
      outlet: '',
      author: 'Analysis Unit',
      url: '',
      published: '2024-11-23',
      language: 'en-GB'
    })
    expect(doc).toMatchObject({ format: 'pdf', notices: [], suggestedSources: [] })
  })
})

describe('a PDF in a font that is not embedded', () => {
  it('reads Japanese through the character maps shipped with pdf.js, from disk', async () => {
    const doc = await importPdf('ja.pdf', cjkPdf('モスクワはクルスクで領土を奪い返した'))
    expect(doc.text).toBe('モスクワはクルスクで領土を奪い返した')
  })
})

describe('PDFs that cannot be read', () => {
  const line = { x: 72, y: 700, size: 12, text: 'Some text on a page.' }

  it('explains an encrypted PDF', async () => {
    await expect(importPdf('locked.pdf', makePdf([{ lines: [line] }], { encrypted: true }))).rejects.toThrow(
      /^locked\.pdf: the PDF is encrypted with a password/
    )
  })

  it('explains a scanned PDF', async () => {
    await expect(
      importPdf(
        'scan.pdf',
        makePdf([
          { lines: [], image: true },
          { lines: [], image: true }
        ])
      )
    ).rejects.toThrow(/^scan\.pdf: scanned PDF, no text layer \(OCR is not supported\)$/)
  })

  it('imports the text pages of a partly scanned PDF, with a notice', async () => {
    const doc = await importPdf('mixed.pdf', makePdf([{ lines: [line] }, { lines: [], image: true }]))
    expect(doc.text).toBe('Some text on a page.')
    expect(doc.notices).toEqual(['Page 2 had no text layer (scanned?) and is missing: OCR is not supported.'])
  })

  it('rejects files that are not PDFs or are broken', async () => {
    await expect(importPdf('x.pdf', new TextEncoder().encode('<html>not a pdf</html>'))).rejects.toThrow(
      /^x\.pdf: not a PDF file/
    )
    const junk = new Uint8Array(5000).map((_, i) => (i * 131) % 251)
    junk.set(new TextEncoder().encode('%PDF-1.7\n'))
    await expect(importPdf('junk.pdf', junk)).rejects.toThrow(/^junk\.pdf: /)
  })

  it('refuses more pages than the limit before reading one, however the page tree declares them', async () => {
    // 32 page-tree nodes that each list the same child twice: 2^31 pages in about 3 KB.
    const bomb = pdfPageTreeBomb(31)
    expect(bomb.length).toBeLessThan(5000)
    await expect(importPdf('tree.pdf', bomb)).rejects.toThrow(
      /^tree\.pdf: more than 5,000 pages \(it declares 2,147,483,648\); split it and import the parts$/
    )
    await expect(importPdf('flat.pdf', flatPdf(12), { limits: { pdfPages: 10 } })).rejects.toThrow(
      /^flat\.pdf: more than 10 pages \(it declares 12\)/
    )
    const pdf = reportPdf(report(30))
    const pages = (await importPdf('report.pdf', pdf)).blocks.at(-1)!.page!
    expect(pages).toBeGreaterThan(2)
    await expect(importPdf('report.pdf', pdf, { limits: { pdfPages: pages } })).resolves.toMatchObject({
      format: 'pdf'
    })
    await expect(importPdf('report.pdf', pdf, { limits: { pdfPages: pages - 1 } })).rejects.toThrow(/more than/)
  })

  it('keeps the pages it can read when one cannot be, with a notice', async () => {
    const whole = Buffer.from(makePdf([{ lines: [line] }, { lines: [line] }, { lines: [line] }])).toString('latin1')
    const kids = /\/Kids \[(\d+) 0 R (\d+) 0 R (\d+) 0 R\]/.exec(whole)!
    // Page 2 points at an object the file does not have: pdf.js cannot read that page.
    const damaged = whole.replace(kids[0], `/Kids [${kids[1]} 0 R 999 0 R ${kids[3]} 0 R]`)
    const doc = await importPdf('damaged.pdf', new Uint8Array(Buffer.from(damaged, 'latin1')))
    expect(doc.notices).toEqual(['Page 2 could not be read (damaged?) and is missing.'])
    expect(doc.text).toContain('Some text on a page.')
  })

  it('never crashes on a truncated PDF', async () => {
    const whole = reportPdf(report(10))
    for (const cut of [0.3, 0.6, 0.9]) {
      const outcome = await importPdf('cut.pdf', whole.subarray(0, Math.floor(whole.length * cut))).then(
        (doc) => doc.text.length,
        (err: unknown) => err
      )
      if (typeof outcome !== 'number') {
        expect(outcome).toBeInstanceOf(ClaimdeskError)
        expect((outcome as Error).message).toMatch(/^cut\.pdf: /)
      }
    }
  })
})

const chromium = '/usr/bin/chromium'
describe.skipIf(!existsSync(chromium))(
  'a PDF printed by Chromium' + (existsSync(chromium) ? '' : ' (skipped: /usr/bin/chromium absent)'),
  { timeout: EXTERNAL_PROGRAM_MS },
  () => {
    it('reads a browser-printed article back as its paragraphs', async () => {
      const { chromium: launcher } = await import('@playwright/test')
      const browser = await launcher.launch({
        executablePath: chromium,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync'
        ]
      })
      let bytes: Uint8Array
      try {
        const page = await browser.newPage()
        const html = readFileSync(resolve(__dirname, 'fixtures/news-article.html'), 'utf8').replace(
          /<script[\s\S]*?<\/script>/g,
          ''
        )
        await page.setContent(
          html.replace(
            '</style>',
            'p { hyphens: auto; text-align: justify; font-size: 13px } aside, nav, header.site-header, footer, .cookie-banner { display: none }</style>'
          )
        )
        bytes = new Uint8Array(
          await page.pdf({ format: 'A4', margin: { top: '2cm', bottom: '2cm', left: '2cm', right: '2cm' } })
        )
      } finally {
        await browser.close()
      }
      const doc = await importPdf('printed.pdf', bytes)
      const paragraphs = texts(doc)
      expect(paragraphs).toContain(
        'Moscow\'s troops "recently advanced" in the area of Kursk controlled by Ukrainian soldiers, U.S.-based think tank the Institute for the Study of War (ISW) said on Saturday.'
      )
      expect(paragraphs).toContain(
        "Ukrainian President Volodymyr Zelensky estimated in mid-November that around 50,000 Russian troops were fighting in Kursk. General Oleksandr Syrskyi said roughly 45,000 of Moscow's soldiers were concentrated in the region."
      )
      expect(
        doc.blocks.find(
          (b) => doc.text.slice(b.start, b.end) === "Russian and North Korean Troops Shrink Ukraine's Gains in Kursk"
        )?.kind
      ).toBe('heading')
      expect(doc.meta.title).toBe("Russian and North Korean Troops Shrink Ukraine's Gains in Kursk")
    }, 60_000)
  }
)
