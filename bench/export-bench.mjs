// Export benchmark: a briefing of 1,000 claims from 100 documents (30 sources, a relay, linked pairs,
// judgments), exported to every format through exportBriefing, the function the app, browser mode
// and the CLI call. Each figure is one whole export: resolving the briefing, rendering, and for PDF
// printing with Chromium.
//
// References, measured side by side in the same run:
//   - PDF: Chromium printing the same HTML with the same options (page.setContent + page.pdf on one
//     kept browser), so the ratio is what Claimdesk adds around Chromium's own layout and printing;
//   - the other formats: serialising the same resolved briefing as plain JSON (the content without any
//     formatting), so the ratio is what each renderer costs over that.
// Usage: node bench/export-bench.mjs [--runs 5] [--no-readme]
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'rolldown'
import { args, BENCH_DIR, fmtMs, fmtRatio, header, load, median, ratio, writeReadmeSection } from './lib.mjs'

const opts = args({ runs: 5, readme: true })
const root = resolve(BENCH_DIR, '..')
const TARGETS = { md: 200, csv: 200, jsonld: 200, html: 500, docx: 3000, pdf: 3000 }
const generatedAt = '2024-06-02T12:00:00.000Z'
// Inside node_modules so the bundle still resolves playwright-core at run time.
const buildDir = join(root, 'node_modules/.cache/claimdesk-export-bench')

async function times(fn, runs) {
  const out = []
  let last
  for (let i = 0; i < runs + 1; i++) {
    const t = performance.now()
    last = await fn()
    if (i > 0) out.push(performance.now() - t) // the first run warms up
  }
  return { median: median(out), last }
}

try {
  mkdirSync(buildDir, { recursive: true })
  await build({
    input: {
      exporter: join(root, 'src/main/export/index.ts'),
      pdf: join(root, 'src/main/export/pdf.ts'),
      html: join(root, 'src/shared/briefing/html.ts'),
      fixtures: join(root, 'src/shared/briefing/test-fixtures.ts'),
      view: join(root, 'src/shared/briefing/view.ts')
    },
    platform: 'node',
    logLevel: 'silent',
    external: ['playwright-core', '@playwright/test'],
    output: { dir: buildDir, format: 'esm', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' }
  })
  const { exportBriefing } = await import(pathToFileURL(join(buildDir, 'exporter.mjs')).href)
  const { largeCase } = await import(pathToFileURL(join(buildDir, 'fixtures.mjs')).href)
  const { buildBriefingView } = await import(pathToFileURL(join(buildDir, 'view.mjs')).href)
  const { renderHtml } = await import(pathToFileURL(join(buildDir, 'html.mjs')).href)
  const { keptChromiumPrinter, launchChromium } = await import(pathToFileURL(join(buildDir, 'pdf.mjs')).href)

  const title = header('Export')
  const data = largeCase(100, 10)
  const view = buildBriefingView(data, data.briefings[0], { generatedAt })
  const canPdf = existsSync(process.env.CLAIMDESK_CHROMIUM || '/usr/bin/chromium')
  const rows = []

  const plain = await times(
    () => JSON.stringify(buildBriefingView(data, data.briefings[0], { generatedAt })),
    opts.runs
  )
  for (const format of ['md', 'csv', 'jsonld', 'html', 'docx']) {
    const ours = await times(() => exportBriefing(data, { format, generatedAt }), opts.runs)
    rows.push({
      label: format,
      target: TARGETS[format],
      ours: ours.median,
      ref: plain.median,
      refLabel: 'view as JSON'
    })
    console.log(`${format.padEnd(6)} ${fmtMs(ours.median)} (view as JSON ${fmtMs(plain.median)})`)
  }

  if (canPdf) {
    // Both sides keep one Chromium open between prints, as browser mode does.
    const kept = keptChromiumPrinter()
    const browser = await launchChromium()
    const html = renderHtml(view)
    try {
      const ours = await times(
        () => exportBriefing(data, { format: 'pdf', generatedAt }, { printPdf: kept.print }),
        opts.runs
      )
      const ref = await times(async () => {
        const page = await browser.newPage()
        await page.setContent(html, { waitUntil: 'load' })
        const pdf = await page.pdf({ printBackground: true, preferCSSPageSize: true })
        await page.close()
        return pdf
      }, opts.runs)
      rows.push({
        label: 'pdf',
        target: TARGETS.pdf,
        ours: ours.median,
        ref: ref.median,
        refLabel: 'Chromium printing the same HTML'
      })
      console.log(`pdf    ${fmtMs(ours.median)} (Chromium printing the same HTML ${fmtMs(ref.median)})`)
    } finally {
      await browser.close()
      await kept.close()
    }
  } else {
    console.log('pdf: skipped, no Chromium (set CLAIMDESK_CHROMIUM)')
  }
  const loadAfter = load()
  console.log(`load at the end: ${loadAfter}`)

  if (opts.readme) {
    const table = rows
      .map(
        (r) =>
          `| ${r.label} | < ${r.target} ms | ${fmtMs(r.ours)} | ${fmtMs(r.ref)} (${r.refLabel}) | ${fmtRatio(ratio(r.ours, r.ref))} | ${r.ours < r.target ? 'within' : 'OVER'} |`
      )
      .join('\n')
    writeReadmeSection(
      'Export',
      'export-bench',
      `## Export

${title}; load ${loadAfter} at the end. \`node bench/export-bench.mjs\` (\`--runs N\`, \`--no-readme\`)

A briefing of every claim of a case of 100 documents and 1,000 claims from 30 sources (a third relayed through a
wire agency), 100 linked pairs, a judgment citing 20 claims; about 200 A4 pages as PDF. Each figure is the median
of ${opts.runs} whole \`exportBriefing\` calls after one warm-up; every output was the same bytes each time (tested
in the unit tests). References in the same run: for PDF, Chromium printing the same HTML with the same options
on a kept browser (so the ratio is what Claimdesk adds); for the others, the resolved briefing serialised as plain
JSON (the content with no formatting).

| Format | Target | Claimdesk | Reference | Ratio | |
| --- | --- | --- | --- | --- | --- |
${table}

The PDF is the HTML export printed by Chromium; nearly all of its time is Chromium laying out and printing the
pages, which the reference spends too. Browser mode keeps one Chromium open between exports; the CLI launches one
per export (about a second more); the desktop app prints with Electron's printToPDF.
<!-- export-bench:end -->
`
    )
  }
} finally {
  rmSync(buildDir, { recursive: true, force: true })
}
