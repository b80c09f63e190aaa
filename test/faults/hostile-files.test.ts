// Hostile files, as an attacker would send them, through the importer's public entry: each ends in
// one clear message within its budget, while this thread and other imports carry on. Time to error
// for each is measured by bench/import-bench.mjs.
import { afterAll, describe, expect, it } from 'vitest'
import { ClaimdeskError } from '../../src/shared/errors'
import { closeImporters, IMPORT_LIMITS, importFile, type ImportOptions } from '../../src/main/import'
import {
  docxBomb,
  flatPdf,
  nestedMarkdown,
  pdfPageTreeBomb,
  pdfStreamBomb
} from '../../src/main/import/fixtures/hostile'

afterAll(() => closeImporters())

interface Outcome {
  /** The error message, or "imported" with the notices. */
  result: string
  ms: number
  /** Another file imported while this one ran, and whether it finished first. */
  otherFirst: boolean
  /** Timer ticks on this thread meanwhile, and the longest wait between two. */
  ticks: number
  longestGapMs: number
}

async function hostile(fileName: string, bytes: Uint8Array, options: ImportOptions = {}): Promise<Outcome> {
  const order: string[] = []
  let ticks = 0
  let last = performance.now()
  let longestGapMs = 0
  const timer = setInterval(() => {
    ticks++
    longestGapMs = Math.max(longestGapMs, performance.now() - last)
    last = performance.now()
  }, 20)
  const started = performance.now()
  try {
    const [result, other] = await Promise.all([
      importFile(fileName, bytes, options).then(
        (doc) => `imported; ${doc.notices.join(' ')}`,
        (err: unknown) => {
          if (!(err instanceof Error)) throw err
          return err instanceof ClaimdeskError ? err.message : `${err.name}: ${err.message}`
        }
      ),
      importFile('other.txt', new TextEncoder().encode('Another analyst’s note.')).then((doc) => {
        order.push('other')
        return doc
      })
    ]).finally(() => order.push('hostile'))
    expect(other.text).toBe('Another analyst’s note.')
    return { result, ms: performance.now() - started, otherFirst: order[0] === 'other', ticks, longestGapMs }
  } finally {
    clearInterval(timer)
  }
}

describe('hostile files end in a clear message within their budget', () => {
  it('a 1.5 MB .docx whose main document, filed under word/media/, inflates to 1.5 GB', async () => {
    const bomb = docxBomb(1500)
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024)
    const out = await hostile('bomb.docx', bomb)
    expect(out.result).toBe(
      'bomb.docx: not a readable .docx: "word/media/image1.xml" unpacks to more than it declares, a zip bomb'
    )
    expect(out.ms).toBeLessThan(IMPORT_LIMITS.timeMs)
  })

  it('a 3 KB PDF whose shared page-tree nodes declare 2^31 pages', async () => {
    const out = await hostile('tree.pdf', pdfPageTreeBomb(31))
    expect(out.result).toBe(
      'tree.pdf: more than 5,000 pages (it declares 2,147,483,648); split it and import the parts'
    )
    expect(out.ms).toBeLessThan(IMPORT_LIMITS.timeMs)
  })

  it('a flat PDF of 100,000 pages', async () => {
    const out = await hostile('flat.pdf', flatPdf(100_000))
    expect(out.result).toMatch(/^flat\.pdf: more than 5,000 pages \(it declares 100,000\)/)
    expect(out.ms).toBeLessThan(IMPORT_LIMITS.timeMs)
  })

  it('a 1 MB Markdown file with a list nested 1,000 levels deep is read as plain text, with a notice', async () => {
    const out = await hostile('nested.md', nestedMarkdown(1000))
    expect(out.result).toBe(
      'imported; The Markdown nests lists or quotes more than 64 levels deep, too deep to read as Markdown: its text was kept as plain text.'
    )
    expect(out.ms).toBeLessThan(IMPORT_LIMITS.timeMs)
  })

  it('a 0.5 MB PDF whose content stream inflates to 2 GB outside the JavaScript heap', async () => {
    const out = await hostile('stream.pdf', pdfStreamBomb(2000))
    // pdf.js inflates at about 100 MB/s here: on a loaded machine the time budget may come first.
    expect(out.result).toMatch(
      /^stream\.pdf: (needed more than 1024 MB: the file may be damaged, or built to exhaust memory|stopped after 30 s: .*)$/
    )
    expect(out.otherFirst).toBe(true)
    expect(out.ms).toBeLessThan(IMPORT_LIMITS.timeMs)
  })
})

// With the guard that catches each file lifted, what is left is the worker's budget: the file is
// stopped, and meanwhile another import is answered and this thread's timers keep running.
describe('past its own guard, a hostile file is stopped by its budget and nothing waits for it', () => {
  const budget = 3000

  it.each([
    ['tree.pdf', () => pdfPageTreeBomb(31), { pdfPages: Infinity }],
    ['nested.md', () => nestedMarkdown(1000), { markdownDepth: Infinity }]
  ])('%s', async (fileName, make, lifted) => {
    const out = await hostile(fileName, make(), { limits: { ...lifted, timeMs: budget } })
    expect(out.result).toBe(`${fileName}: stopped after 3 s: the file may be damaged, or built to stall a reader`)
    expect(out.ms).toBeGreaterThanOrEqual(budget)
    expect(out.otherFirst).toBe(true)
    // Had the file been read on this thread, no tick would have come for the whole budget.
    expect(out.ticks).toBeGreaterThan(10)
    expect(out.longestGapMs).toBeLessThan(budget / 2)
  })

  it('cancelling stops the running file at once', async () => {
    const controller = new AbortController()
    const started = performance.now()
    const running = importFile('tree.pdf', pdfPageTreeBomb(31), {
      signal: controller.signal,
      limits: { pdfPages: Infinity }
    }).catch((err: unknown) => err)
    setTimeout(() => controller.abort(), 500)
    expect(await running).toMatchObject({ name: 'AbortError' })
    // Stopped long before the 30 s budget would have.
    expect(performance.now() - started).toBeLessThan(IMPORT_LIMITS.timeMs)
    expect((await importFile('after.txt', new TextEncoder().encode('Still here.'))).text).toBe('Still here.')
  })
})
