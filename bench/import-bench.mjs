#!/usr/bin/env node
// Import benchmark: `node bench/import-bench.mjs [--pages 100] [--runs 3] [--no-readme]` (about 5 minutes
// on 2 cores). Bundles src/main/import (TypeScript) with rolldown, generates the inputs in memory and
// measures, in one process and side by side:
//   - news pages shaped like real ones (50-500 KB: mega-menu, article, comments, related stories,
//     inline scripts, state JSON and styles), against raw jsdom + Readability on the same pages;
//   - a 300-page report PDF, against raw pdf.js text extraction;
//   - a 5 MB news page, against raw jsdom + Readability;
//   - the hostile files of test/faults, time to their message, against the 30 s budget.
// Every figure is the median of --runs runs; the order of ours and the reference alternates between
// runs. Figures go into bench/README.md, section "Import".
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { args, fmtMs, fmtRatio, header, load, median, ratio, writeReadmeSection } from './lib.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const options = args({ pages: 100, runs: 3, readme: true })
const bundleDir = join(root, 'node_modules', '.cache', 'claimdesk-import-bench')
const KB = 1024
const MB = 1024 * KB

/** The importer as the app builds it: entries and the worker side by side (see worker-file.ts). */
async function bundle() {
  const { build } = await import(pathToFileURL(join(root, 'node_modules/rolldown/dist/index.mjs')).href)
  rmSync(bundleDir, { recursive: true, force: true })
  mkdirSync(bundleDir, { recursive: true })
  // .js files here are ES modules, as the worker's built name (import-worker.js) requires.
  writeFileSync(join(bundleDir, 'package.json'), '{ "type": "module" }\n')
  const src = (path) => join(root, 'src/main/import', path)
  await build({
    input: {
      index: src('index.ts'),
      importers: src('importers.ts'),
      'import-worker': src('worker.ts'),
      'news-site': src('fixtures/news-site.ts'),
      'make-pdf': src('fixtures/make-pdf.ts'),
      hostile: src('fixtures/hostile.ts')
    },
    platform: 'node',
    // Packages stay in node_modules, as in the app's build.
    external: (id) => !id.startsWith('.') && !id.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(id),
    output: { dir: bundleDir, format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    logLevel: 'warn'
  })
  const load = (name) => import(pathToFileURL(join(bundleDir, `${name}.js`)).href)
  return {
    index: await load('index'),
    importers: await load('importers'),
    site: await load('news-site'),
    pdf: await load('make-pdf'),
    hostile: await load('hostile')
  }
}

const utf8 = (text) => new TextEncoder().encode(text)
const released = () => new Promise((done) => setImmediate(done))

async function references() {
  const { JSDOM, VirtualConsole } = await import('jsdom')
  const { Readability } = await import('@mozilla/readability')
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  globalThis.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs')
  return {
    /** Raw jsdom + Readability, as a reader mode does it: the text length of the article. */
    async readability(html) {
      const dom = new JSDOM(html, { virtualConsole: new VirtualConsole() })
      const article = new Readability(dom.window.document).parse()
      dom.window.close()
      await released() // jsdom frees a closed window when the loop turns, as the importer lets it
      return article?.textContent.length ?? 0
    },
    /** How many elements a DOM of the page has. */
    elements(html) {
      const dom = new JSDOM(html, { virtualConsole: new VirtualConsole() })
      const count = dom.window.document.getElementsByTagName('*').length
      dom.window.close()
      return count
    },
    /** Raw pdf.js: every page's text items. */
    async pdfText(bytes) {
      const pdf = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise
      let chars = 0
      for (let n = 1; n <= pdf.numPages; n++) {
        const page = await pdf.getPage(n)
        for (const item of (await page.getTextContent()).items) chars += item.str?.length ?? 0
        page.cleanup()
      }
      await pdf.destroy()
      return chars
    }
  }
}

function newsPages(site, count) {
  // Sizes spread evenly on a log scale from 50 to 500 KB, as saved pages are.
  return Array.from({ length: count }, (_, i) => {
    const target = Math.round(50 * KB * 10 ** (count > 1 ? i / (count - 1) : 0))
    const page = site.newsSitePage(i + 1, target)
    return {
      name: `page-${String(i + 1).padStart(3, '0')}.html`,
      html: page.html,
      bytes: utf8(page.html),
      paragraphs: page.paragraphs
    }
  })
}

function reportPdf(pdf) {
  const words =
    'analysts said the assessment of reinforcements indicated considerable uncertainty about operational capabilities and logistics'.split(
      ' '
    )
  const blocks = [{ kind: 'heading', text: 'A three hundred page report' }]
  let n = 0
  for (let p = 0; p < 1750; p++) {
    if (p % 12 === 0) blocks.push({ kind: 'heading', text: `Chapter ${p / 12 + 1}` })
    const text = Array.from({ length: 70 }, () => words[(n = (n * 1103515245 + 12345) & 0x7fffffff) % words.length])
    blocks.push({ kind: 'paragraph', text: `${text.join(' ')}.` })
  }
  return pdf.reportPdf(blocks, { runningHead: 'Benchmark report', title: 'Benchmark report' })
}

/** Seconds for `fn` over every run, ours and the reference alternating which goes first. */
async function sideBySide(runs, ours, reference) {
  const times = { ours: [], reference: [] }
  for (let run = 0; run < runs; run++) {
    const order = run % 2 === 0 ? ['ours', 'reference'] : ['reference', 'ours']
    for (const which of order) {
      const started = performance.now()
      await (which === 'ours' ? ours() : reference())
      times[which].push((performance.now() - started) / 1000)
    }
  }
  return { ours: median(times.ours), reference: median(times.reference), all: times }
}

/** Runs `fn` while timing this thread's timers: the longest wait between two 20 ms ticks. */
async function watchingThread(fn) {
  let last = performance.now()
  let longest = 0
  const timer = setInterval(() => {
    longest = Math.max(longest, performance.now() - last)
    last = performance.now()
  }, 20)
  try {
    const result = await fn()
    // The wait since the last tick counts too: a file shorter than a tick waited no longer than itself.
    return { result, longestGapMs: Math.max(longest, performance.now() - last) }
  } finally {
    clearInterval(timer)
  }
}

async function main() {
  const title = header('Import benchmark')
  console.log('bundling the importer...')
  const { index, importers, site, pdf, hostile } = await bundle()
  const ref = await references()
  const runs = options.runs

  console.log(`generating ${options.pages} news pages...`)
  const pages = newsPages(site, options.pages)
  const pageBytes = pages.reduce((sum, p) => sum + p.bytes.length, 0)
  const sizes = pages.map((p) => p.bytes.length)
  const medianPage = pages.find((p) => p.bytes.length === median(sizes))
  const medianElements = ref.elements(medianPage.html)
  const missing = new Set()
  const check = (page, doc) => {
    if (!doc.text.includes(page.paragraphs[Math.min(3, page.paragraphs.length - 1)].slice(0, 60)))
      missing.add(page.name)
  }
  const failed = new Map()
  const imported = async (page, importing) => {
    try {
      check(page, await importing)
    } catch (err) {
      failed.set(page.name, err.message)
    }
  }
  // Each page is read by each of these in turn, in an order that rotates from page to page, so that
  // all of them meet the same load on a shared machine.
  const series = {
    reference: (page) => ref.readability(page.html),
    workers: (page) => imported(page, index.importFile(page.name, page.bytes)),
    thread: (page) => imported(page, importers.readFileBytes(page.name, page.bytes))
  }
  console.log('warming up (parsers load once per thread)...')
  await index.preloadParsers()
  for (const page of pages.slice(0, 5)) for (const read of Object.values(series)) await read(page)

  console.log(`pages: ${runs} runs...`)
  const names = Object.keys(series)
  const totals = Object.fromEntries(names.map((name) => [name, []]))
  for (let run = 0; run < runs; run++) {
    const seconds = Object.fromEntries(names.map((name) => [name, 0]))
    for (const [i, page] of pages.entries()) {
      for (let k = 0; k < names.length; k++) {
        const name = names[(i + run + k) % names.length]
        const started = performance.now()
        await series[name](page)
        seconds[name] += (performance.now() - started) / 1000
      }
    }
    for (const name of names) totals[name].push(seconds[name])
    console.log(`run ${run + 1}:`, seconds)
  }
  const rate = (seconds) => pages.length / seconds
  /** The median over runs of one series' rate, and of its ratio to another's in the same run. */
  const rateOf = (name, against) => ({
    rate: median(totals[name].map(rate)),
    ratio: against ? median(totals[name].map((s, run) => ratio(totals[against][run], s))) : NaN
  })

  console.log('300-page PDF...')
  const report = reportPdf(pdf)
  let reportPages = 0
  const pdfTimes = await sideBySide(
    runs,
    async () => {
      const doc = await index.importFile('report.pdf', report)
      reportPages = doc.blocks.at(-1).page
    },
    () => ref.pdfText(report)
  )
  console.log('pdf', pdfTimes.all)

  console.log('5 MB news page...')
  // A long live page: 1 MB of markup (comments, related stories), the rest scripts and state JSON.
  const big = site.newsSitePage(1001, 5 * MB, 1 * MB)
  const bigBytes = utf8(big.html)
  const bigElements = ref.elements(big.html)
  let bigFailure = ''
  const bigTimes = await sideBySide(
    runs,
    async () => {
      const doc = await index.importFile('big.html', bigBytes).catch((err) => err)
      if (doc instanceof Error) bigFailure = doc.message
      else check({ name: 'big.html', paragraphs: big.paragraphs }, doc)
    },
    () => ref.readability(big.html)
  )
  console.log('big page', bigTimes.all)

  console.log('hostile files...')
  const hostileFiles = [
    ['.docx, main document under word/media/ inflating to 1.5 GB', 'bomb.docx', hostile.docxBomb(1500)],
    ['PDF declaring 2^31 pages through shared page-tree nodes', 'tree.pdf', hostile.pdfPageTreeBomb(31)],
    ['flat PDF of 100,000 pages', 'flat.pdf', hostile.flatPdf(100_000)],
    ['Markdown, a list nested 1,000 levels deep', 'nested.md', hostile.nestedMarkdown(1000)],
    ['PDF whose content stream inflates to 2 GB', 'stream.pdf', hostile.pdfStreamBomb(2000)]
  ]
  const budgetMs = index.IMPORT_LIMITS.timeMs
  const hostileRows = []
  for (const [what, name, bytes] of hostileFiles) {
    const times = []
    const gaps = []
    let outcome = ''
    for (let run = 0; run < runs; run++) {
      const started = performance.now()
      const { result, longestGapMs } = await watchingThread(() =>
        index.importFile(name, bytes).then(
          (doc) => `imported, with the notice “${doc.notices.join(' ')}”`,
          (err) => `“${err.message}”`
        )
      )
      times.push(performance.now() - started)
      gaps.push(longestGapMs)
      outcome = result
    }
    hostileRows.push({ what, bytes: bytes.length, ms: median(times), gap: Math.max(...gaps), outcome })
    console.log(what, fmtMs(median(times)), outcome)
  }
  await index.closeImporters()
  const loadAtEnd = load()

  const kb = (bytes) => `${Math.round(bytes / KB)} KB`
  const size = (bytes) => (bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : kb(bytes))
  const pagesRows = [
    ['raw jsdom + Readability (the reference)', rateOf('reference')],
    ['Claimdesk import in a worker thread, one file at a time (as the app imports)', rateOf('workers', 'reference')],
    ['Claimdesk import on the calling thread (the importer without workers, as before)', rateOf('thread', 'reference')]
  ].map(([what, r]) => `| ${what} | ${r.rate.toFixed(2)} pages/s | ${Number.isNaN(r.ratio) ? '' : fmtRatio(r.ratio)} |`)
  const workerCost = rateOf('workers', 'thread').ratio
  const section = [
    '## Import',
    '',
    '<!-- import-bench: written by `node bench/import-bench.mjs`; edit the script, not these lines -->',
    `Command: \`node bench/import-bench.mjs --pages ${options.pages} --runs ${runs}\` (options: \`--pages N\`, \`--runs N\`, \`--no-readme\`).`,
    '',
    `${title.replace(/^Import benchmark: /, 'Measured ')}; load ${loadAtEnd} at the end (1, 5 and 15 minutes).`,
    `Each figure is the median of ${runs} runs in one process, with its reference measured beside it in the same run:`,
    'for the pages, each page is read by each contender in turn (the order rotating from page to page); for the',
    'other files, which of the two goes first alternates between runs. The machine is shared: figures move with its load.',
    '',
    `### ${pages.length} news pages, ${kb(Math.min(...sizes))} to ${kb(Math.max(...sizes))} (median ${kb(median(sizes))}, ${size(pageBytes)} in all)`,
    '',
    'Generated to resemble saved news pages (src/main/import/fixtures/news-site.ts): about half of each page is markup',
    '(a mega-menu, the article with a figure, an embed, ad slots and inline links, share bars and icons as inline',
    'SVG, related stories, a most-read list, on three pages in four a comment thread with replies, a newsletter form,',
    'a footer of link columns, all inside wrapper `<div>`s with generated class names), a third inline scripts and',
    `state JSON, the rest inline styles. The median page has ${medianElements.toLocaleString('en')} elements.`,
    missing.size || failed.size
      ? `**${missing.size} pages lost article text, ${failed.size} failed** (${[...failed.values()].slice(0, 3).join('; ')}).`
      : 'Every import kept the article (checked on each page).',
    '',
    '| Pages | Rate | Rate against the reference |',
    '| --- | --- | --- |',
    ...pagesRows,
    '',
    `Ours in a worker thread against ours on the calling thread: ${fmtRatio(workerCost)} the rate (the cost of handing each`,
    'file to a warm worker and its document back). Ours is faster than the reference because script,',
    'style and SVG contents are emptied, and navigation, asides and footers outside the article cut, before jsdom parses.',
    '',
    '### Single files',
    '',
    '| File | Claimdesk import | Reference | Ratio |',
    '| --- | --- | --- | --- |',
    `| report PDF, ${reportPages} pages, ${size(report.length)} | ${fmtMs(pdfTimes.ours * 1000)} | raw pdf.js text of every page: ${fmtMs(pdfTimes.reference * 1000)} | ${fmtRatio(ratio(pdfTimes.ours, pdfTimes.reference))} |`,
    `| news page, ${size(bigBytes.length)}, ${bigElements.toLocaleString('en')} elements | ${bigFailure ? `failed: “${bigFailure}”` : fmtMs(bigTimes.ours * 1000)} | raw jsdom + Readability: ${fmtMs(bigTimes.reference * 1000)} | ${fmtRatio(ratio(bigTimes.ours, bigTimes.reference))} |`,
    '',
    `### Hostile files (test/faults/hostile-files.test.ts): time to their message, against the ${budgetMs / 1000} s budget`,
    '',
    'The longest wait between two 20 ms timer ticks on the calling thread while each was read shows that nothing',
    'else waits for it.',
    '',
    '| File | Size | Time to the message | Of the budget | Longest wait of this thread | Outcome |',
    '| --- | --- | --- | --- | --- | --- |',
    ...hostileRows.map(
      (r) =>
        `| ${r.what} | ${size(r.bytes)} | ${fmtMs(r.ms)} | ${((100 * r.ms) / budgetMs).toFixed(1)} % | ${fmtMs(r.gap)} | ${r.outcome.replace(/\|/g, '\\|')} |`
    ),
    '<!-- import-bench:end -->',
    ''
  ].join('\n')
  console.log('\n' + section)
  if (options.readme) writeReadmeSection('Import', 'import-bench', section)
  rmSync(bundleDir, { recursive: true, force: true })
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
