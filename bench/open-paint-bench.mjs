// Opening a large case in browser mode and painting its largest document with its highlights.
// Case: 200 documents of about 20 KB (the largest 40 KB) and 10,000 claims, 250 of them on the
// largest document. Measures, over several runs:
//   - server start: `claimdesk serve` spawned until it prints its URL (case opened and validated),
//   - first visit: navigation until the UI shows the case (documents listed, first document painted),
//     then a click on the largest document until all its highlights are in the DOM,
//   - reopen: a page load that returns to the largest document (the one last read) until all its
//     highlights are painted: the "open the case and paint the largest document" (< 1 s).
// Usage: npm run build && node bench/open-paint-bench.mjs [--runs N] [--no-readme]
import { spawn } from 'node:child_process'
import { randomUUID, createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from '@playwright/test'
import { writeReadmeSection } from './lib.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const RUNS = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 5
const writeReadme = !args.includes('--no-readme')

const DOCUMENTS = 200
const TEXT = 20_000
const LARGEST_TEXT = 40_000
const CLAIMS = 10_000
const LARGEST_CLAIMS = 250

if (!existsSync(join(root, 'out/main/cli.js'))) {
  console.error('open-paint-bench: run "npm run build" first')
  process.exit(1)
}

const WORDS = (
  'the ministry said on tuesday that officials had confirmed reports of troop movements near ' +
  'the border according to two people familiar with the matter who spoke on condition of anonymity'
).split(' ')

function prose(length, seed) {
  let x = seed
  const paragraphs = []
  let total = 0
  while (total < length) {
    let p = ''
    const target = 300 + (x % 500)
    while (p.length < target) {
      x = (x * 1103515245 + 12345) % 2147483648
      p += (p ? ' ' : '') + WORDS[x % WORDS.length]
    }
    paragraphs.push(p[0].toUpperCase() + p.slice(1) + '.')
    total += p.length + 3
  }
  return paragraphs
}

function buildCase() {
  const now = new Date().toISOString()
  const sources = Array.from({ length: 60 }, (_, i) => ({
    id: randomUUID(),
    name: `Source ${i + 1}`,
    kind: 'person',
    description: '',
    reliability: 'ABCDEF'[i % 6],
    aliases: [],
    createdAt: now,
    updatedAt: now
  }))
  const documents = []
  const claims = []
  for (let d = 0; d < DOCUMENTS; d++) {
    const paragraphs = prose(d === 0 ? LARGEST_TEXT : TEXT, d + 1)
    const title = d === 0 ? 'Largest report' : `Report ${d + 1}`
    const text = [title, ...paragraphs].join('\n\n')
    const blocks = []
    let at = 0
    for (const [i, p] of [title, ...paragraphs].entries()) {
      blocks.push(
        i === 0
          ? { kind: 'heading', start: at, end: at + p.length, level: 1 }
          : { kind: 'paragraph', start: at, end: at + p.length }
      )
      at += p.length + 2
    }
    const doc = {
      id: randomUUID(),
      title,
      outlet: 'Wire',
      author: '',
      url: '',
      published: '2026-03-11',
      text,
      blocks,
      provenance: {
        fileName: `report-${d + 1}.txt`,
        format: 'txt',
        sha256: createHash('sha256').update(text).digest('hex'),
        size: text.length,
        importedAt: now
      },
      notices: [],
      createdAt: now,
      updatedAt: now
    }
    documents.push(doc)
    const count =
      d === 0
        ? LARGEST_CLAIMS
        : Math.floor((CLAIMS - LARGEST_CLAIMS) / (DOCUMENTS - 1)) +
          (d <= (CLAIMS - LARGEST_CLAIMS) % (DOCUMENTS - 1) ? 1 : 0)
    const para = blocks.slice(1)
    for (let k = 0; k < count; k++) {
      const b = para[k % para.length]
      const len = b.end - b.start
      const start = b.start + ((k * 37) % Math.max(1, len - 60))
      const end = Math.min(b.end, start + 40 + (k % 20))
      claims.push({
        id: randomUUID(),
        documentId: doc.id,
        quote: {
          exact: text.slice(start, end),
          prefix: text.slice(Math.max(0, start - 32), start),
          suffix: text.slice(end, end + 32)
        },
        position: { start, end },
        sourceId: sources[(d + k) % sources.length].id,
        via: [],
        tags: [`topic ${k % 7}`],
        note: '',
        status: 'unverified',
        credibility: String(1 + (k % 6)),
        createdAt: now,
        updatedAt: now
      })
    }
  }
  return {
    version: 1,
    id: randomUUID(),
    title: 'Benchmark case',
    createdAt: now,
    updatedAt: now,
    documents,
    sources,
    claims,
    links: [],
    briefings: []
  }
}

function startServer(casePath, home) {
  const t0 = performance.now()
  const child = spawn(process.execPath, [join(root, 'bin/claimdesk.cjs'), 'serve', '--case', casePath, '--port', '0'], {
    env: { ...process.env, CLAIMDESK_HOME: home },
    stdio: ['ignore', 'pipe', 'inherit']
  })
  return new Promise((done, fail) => {
    let out = ''
    child.stdout.on('data', (d) => {
      out += d
      const m = /Open (http:\S+)/.exec(out)
      if (m) done({ child, url: m[1], ms: performance.now() - t0 })
    })
    child.once('exit', (code) => fail(new Error(`serve exited ${code}`)))
  })
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const max = (xs) => Math.max(...xs)

const work = mkdtempSync(join(tmpdir(), 'claimdesk-open-bench-'))
const casePath = join(work, 'bench.claimdesk.json')
const data = buildCase()
writeFileSync(casePath, JSON.stringify(data))
const size = readFileSync(casePath).length
const largest = data.documents[0]

const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined
const browser = await chromium.launch({
  executablePath,
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
const results = { server: [], load: [], paint: [], total: [] }
try {
  for (let run = 0; run < RUNS; run++) {
    const server = await startServer(casePath, work)
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    const allPainted = () =>
      page.waitForFunction(
        (n) =>
          new Set(
            [...document.querySelectorAll('[data-testid="highlight"]')]
              .flatMap((e) => (e.dataset.claimIds ?? e.dataset.claimId ?? '').split(' '))
              .filter(Boolean)
          ).size >= n,
        LARGEST_CLAIMS
      )
    const frame = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())))
    // First visit: the case opens on its first document; then the analyst clicks the largest one.
    const t0 = performance.now()
    await page.goto(server.url)
    await page
      .locator('[data-testid="document-item"]')
      .nth(DOCUMENTS - 1)
      .waitFor()
    await page.locator('[data-testid="reader-block"]').first().waitFor()
    await frame()
    const t1 = performance.now()
    await page.locator(`[data-testid="document-item"][data-document-id="${largest.id}"]`).click()
    await allPainted()
    await frame()
    const t2 = performance.now()
    // Reopening: the app returns to the document last read, here the largest.
    await page.reload()
    await allPainted()
    await frame()
    const t3 = performance.now()
    if (run === 0) await page.screenshot({ path: join(work, 'largest.png') })
    results.server.push(server.ms)
    results.load.push(t1 - t0)
    results.paint.push(t2 - t1)
    results.total.push(t3 - t2)
    await page.close()
    const exited = new Promise((r) => server.child.once('exit', r))
    server.child.kill('SIGTERM')
    await exited
  }
} finally {
  await browser.close()
}

const f = (xs) => `median ${median(xs).toFixed(0)} ms, max ${max(xs).toFixed(0)} ms`
const rows = [
  [
    'case',
    `${DOCUMENTS} documents (largest ${LARGEST_TEXT / 1000} KB, others ${TEXT / 1000} KB), ${CLAIMS} claims (${LARGEST_CLAIMS} on the largest): ${(size / 1024 / 1024).toFixed(1)} MB`
  ],
  ['server start (spawn until URL printed; opens and validates the case)', f(results.server)],
  ['first visit: page load until the case is shown (first document painted)', f(results.load)],
  ['then a click on the largest document until all its highlights are painted', f(results.paint)],
  [
    'reopen: page load until the largest document (last read) is painted with all its highlights, target < 1 s',
    f(results.total)
  ]
]
const table = ['| Measure | Result |', '| --- | --- |', ...rows.map(([a, b]) => `| ${a} | ${b} |`)].join('\n')
console.log(table)

if (writeReadme) {
  const machine = `${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, Chromium ${browser.version()}`
  const section = [
    '## Open and paint (browser mode)',
    '',
    '<!-- open-paint-bench: written by `node bench/open-paint-bench.mjs`; edit the script, not these lines -->',
    `Command: \`npm run build && node bench/open-paint-bench.mjs\` (${RUNS} runs, headless Chromium, browser mode).`,
    '',
    `Machine: ${machine}. Measured ${new Date().toISOString().slice(0, 10)}.`,
    '',
    table,
    '<!-- open-paint-bench:end -->'
  ].join('\n')
  writeReadmeSection('Open and paint (browser mode)', 'open-paint-bench', section)
}
rmSync(work, { recursive: true, force: true })
