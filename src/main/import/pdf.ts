import { someOf } from '../../shared/lists'
import type { DocumentMeta } from '../../shared/model'
import { pdfjsDataFolders } from '../app-paths'
import { DocumentBuilder, titleFrom } from './builder'
import { fileError } from './fail'
import { layoutPages, type PageRuns } from './pdf-layout'
import { isoDate, languageTag, metaText } from './meta-values'
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs'
import { importLimits } from './limits'
import type { ImportedDocument, ReadOptions } from './types'

type PdfJs = typeof PdfJsModule

let pdfjsLoading: Promise<PdfJs> | null = null

/** pdf.js in this process, with its worker code on the main thread ("fake worker"), loaded once. */
export function loadPdfJs(): Promise<PdfJs> {
  pdfjsLoading ??= (async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
    // Handing pdf.js its worker module avoids it resolving and importing a worker file by path.
    ;(globalThis as Record<string, unknown>).pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs')
    return pdfjs
  })()
  return pdfjsLoading
}

export async function importPdf(
  fileName: string,
  bytes: Uint8Array,
  options: ReadOptions = {}
): Promise<ImportedDocument> {
  const { pdfPages } = importLimits(options.limits)
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1')
  if (!head.includes('%PDF-')) throw fileError(fileName, 'not a PDF file (no PDF header)')
  const pdfjs = await loadPdfJs()
  const task = pdfjs.getDocument({
    // pdf.js takes ownership of (and detaches) the buffer it is given: hand it a copy.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    disableAutoFetch: true,
    disableStream: true,
    stopAtErrors: false,
    verbosity: 0,
    ...pdfjsDataFolders()
  })
  let pdf: Awaited<typeof task.promise>
  try {
    pdf = await task.promise
  } catch (err) {
    await task.destroy()
    throw pdfError(fileName, err)
  }
  try {
    // A page tree can declare billions of pages in a few objects that share their children.
    if (pdf.numPages > pdfPages) {
      throw fileError(
        fileName,
        `more than ${pdfPages.toLocaleString('en')} pages (it declares ${pdf.numPages.toLocaleString('en')}); split it and import the parts`
      )
    }
    const pages: PageRuns[] = []
    const empty: number[] = []
    const unreadable: number[] = []
    for (let n = 1; n <= pdf.numPages; n++) {
      let page: Awaited<ReturnType<typeof pdf.getPage>>
      let content: Awaited<ReturnType<typeof page.getTextContent>>
      try {
        page = await pdf.getPage(n)
        content = await page.getTextContent()
      } catch {
        // A damaged page costs that page, not the document.
        unreadable.push(n)
        continue
      }
      const runs: PageRuns['runs'] = []
      for (const item of content.items) {
        if (!('str' in item)) continue
        const [a, b, c, d, x, y] = item.transform as number[]
        // Rotated and vertical text (margin notes, stamps) is left out of the reading flow.
        if (Math.abs(b) > Math.abs(a) || Math.abs(c) > Math.abs(d)) continue
        runs.push({
          str: item.str,
          x,
          y,
          width: item.width,
          size: Math.hypot(c, d) || item.height,
          hasEOL: item.hasEOL
        })
      }
      if (!runs.some((run) => run.str.trim())) empty.push(n)
      pages.push({ page: n, height: page.view[3] - page.view[1], runs })
      page.cleanup()
    }
    if (unreadable.length === pdf.numPages) throw fileError(fileName, 'no page of the PDF could be read (damaged?)')
    if (empty.length + unreadable.length === pdf.numPages)
      throw fileError(fileName, 'scanned PDF, no text layer (OCR is not supported)')

    const blocks = layoutPages(pages)
    const builder = new DocumentBuilder()
    for (const block of blocks) builder.add(block.kind, block.text, { level: block.level, page: block.page })
    if (builder.isEmpty) throw fileError(fileName, 'scanned PDF, no text layer (OCR is not supported)')
    const built = builder.build()

    const notices: string[] = []
    if (empty.length) {
      notices.push(
        `${empty.length === 1 ? 'Page' : 'Pages'} ${someOf(empty, 10)} had no text layer (scanned?) and ${empty.length === 1 ? 'is' : 'are'} missing: OCR is not supported.`
      )
    }
    if (unreadable.length) {
      notices.push(
        `${unreadable.length === 1 ? 'Page' : 'Pages'} ${someOf(unreadable, 10)} could not be read (damaged?) and ${unreadable.length === 1 ? 'is' : 'are'} missing.`
      )
    }
    return {
      meta: await pdfMeta(pdf, built),
      ...built,
      format: 'pdf',
      notices,
      suggestedSources: []
    }
  } finally {
    await pdf.destroy()
  }
}

async function pdfMeta(
  pdf: { getMetadata(): Promise<{ info: unknown }> },
  built: { text: string; blocks: ImportedDocument['blocks'] }
): Promise<DocumentMeta> {
  const info = ((await pdf.getMetadata().catch(() => ({ info: {} }))).info ?? {}) as Record<string, unknown>
  const field = (name: string): string => (typeof info[name] === 'string' ? metaText(info[name] as string) : '')
  const pageOneHeadings = built.blocks.filter((b) => b.kind === 'heading' && b.page === 1)
  const topLevel = Math.min(...pageOneHeadings.map((b) => b.level ?? 6))
  const firstHeading = pageOneHeadings.find((b) => (b.level ?? 6) === topLevel)
  const infoTitle = field('Title')
  // Word processors fill Title with file names and template names; prefer what the page shows.
  const usableInfoTitle = /\.(docx?|pdf|indd|odt|rtf|tmp)$|^(microsoft word - |untitled|document\d*$)/i.test(infoTitle)
    ? ''
    : infoTitle
  const title =
    titleFrom(firstHeading ? built.text.slice(firstHeading.start, firstHeading.end) : '') ||
    titleFrom(usableInfoTitle) ||
    titleFrom(built.text.split('\n')[0])
  const meta: DocumentMeta = {
    title,
    outlet: '',
    author: field('Author'),
    url: '',
    published: pdfDate(field('CreationDate'))
  }
  const language = languageTag(field('Language'))
  if (language) meta.language = language
  return meta
}

/** "D:20241123140500+01'00'" -> "2024-11-23". */
function pdfDate(value: string): string {
  const match = /^D?:?(\d{4})(\d{2})?(\d{2})?/.exec(value)
  if (!match) return ''
  return isoDate(`${match[1]}-${match[2] ?? '01'}-${match[3] ?? '01'}`)
}

function pdfError(fileName: string, err: unknown): Error {
  const name = (err as { name?: string })?.name
  const message = err instanceof Error ? err.message : String(err)
  if (name === 'PasswordException')
    return fileError(fileName, 'the PDF is encrypted with a password; remove the password and import it again')
  if (name === 'InvalidPDFException') return fileError(fileName, `not a valid PDF file, or a damaged one (${message})`)
  return fileError(fileName, `the PDF could not be read (${message})`)
}
