// Opening a large case in browser mode, to the first frame that shows its first document: a case of
// 1,000 documents of 40 KB and 100,000 claims (the store benchmark's case, about 82 MB), served by a
// fresh `claimdesk serve` each run and opened in a fresh headless Chromium (launched beforehand, so
// its start is not counted). Two figures per run, to the end of the first frame in which the reader
// shows the first document's text with claim highlights registered:
//   - server start → first document painted: from spawning `claimdesk serve --case` (which opens the
//     case before it listens) through the page's navigation to the address it prints;
//   - page load → first document painted: from the page's navigation (its time origin).
// Target (issue 10): the first document shown under 1 s after the case is open, i.e. page load →
// painted, the server having opened the case.
// References, measured in the same run:
//   - a fresh Node process that reads the case file and JSON.parses it, from spawn to exit (the
//     least any server start can cost);
//   - a plain page on the same server (same origin, its own fresh browser context) that POSTs
//     `getDocument` for the same document and renders its text as paragraphs with its claims
//     registered as one CSS Custom Highlight, with no app: navigation → painted.
// Where the time goes is read from the app page's Resource Timing (`currentCase`, `getDocument`:
// when asked, how long, how many bytes) and the server's own "listening" time.
// Usage: npm run build && node bench/open-case-bench.mjs [--runs 3] [--no-readme]
import { spawn } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium } from '@playwright/test'
import { build } from 'rolldown'
import {
  BENCH_DIR,
  args,
  fmtMs,
  fmtRatio,
  header,
  load,
  median,
  percentile,
  ratio,
  writeReadmeSection
} from './lib.mjs'

const opts = args({ runs: 3, readme: true })
const root = resolve(BENCH_DIR, '..')
const DOCUMENTS = 1000
const TEXT = 40_000
const CLAIMS = 100_000
const TARGET_MS = 1000
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]

if (!existsSync(join(root, 'out/main/cli.js')) || !existsSync(join(root, 'out/renderer/index.html'))) {
  console.error('open-case-bench: run "npm run build" first')
  process.exit(1)
}

/** Writes the store benchmark's large case through the case store itself (its on-disk format). */
async function writeLargeCase(file, buildDir) {
  await build({
    input: {
      store: join(root, 'src/main/case/index.ts'),
      fixtures: join(root, 'src/main/case/testing/fixtures.ts')
    },
    platform: 'node',
    logLevel: 'silent',
    output: { dir: buildDir, format: 'esm', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' }
  })
  const { openCaseStore } = await import(pathToFileURL(join(buildDir, 'store.mjs')).href)
  const { bigCase } = await import(pathToFileURL(join(buildDir, 'fixtures.mjs')).href)
  const data = bigCase(DOCUMENTS, TEXT, CLAIMS)
  await (await openCaseStore(file, { createWith: data })).close()
  const first = data.documents[0]
  return { id: first.id, opening: first.text.slice(0, 60), claims: CLAIMS / DOCUMENTS }
}

/** Spawns a Node process; resolves with the ms from spawn to exit. */
function nodeRun(argv) {
  return new Promise((done, fail) => {
    const t0 = performance.now()
    const child = spawn(process.execPath, argv, { stdio: 'ignore' })
    child.once('exit', (code) =>
      code === 0 ? done(performance.now() - t0) : fail(new Error(`node ${argv[0]} exited ${code}`))
    )
  })
}

/** Starts `claimdesk serve`; resolves once it prints its address, with the wall time (epoch ms) it was spawned. */
function startServer(casePath, home) {
  const spawnedAt = performance.timeOrigin + performance.now()
  const child = spawn(process.execPath, [join(root, 'bin/claimdesk.cjs'), 'serve', '--case', casePath, '--port', '0'], {
    env: { ...process.env, CLAIMDESK_HOME: home },
    stdio: ['ignore', 'pipe', 'inherit']
  })
  return new Promise((done, fail) => {
    let out = ''
    child.stdout.on('data', (d) => {
      out += d
      const m = /Open (http:\S+)/.exec(out)
      if (m) {
        const listeningAt = performance.timeOrigin + performance.now()
        const url = m[1]
        done({ child, url, token: new URL(url).searchParams.get('token'), spawnedAt, listeningAt })
      }
    })
    child.once('exit', (code) => fail(new Error(`claimdesk serve exited ${code}`)))
  })
}

async function stop(child) {
  if (child.exitCode !== null) return
  const exited = new Promise((r) => child.once('exit', r))
  child.kill('SIGTERM')
  await exited
}

/**
 * Runs in the page from its first script: notes (page time) the end of the first frame in which the
 * reader shows the expected document's opening words with at least one highlight registered.
 */
function watchFirstDocument({ id, opening }) {
  const poll = () => {
    const reader = document.querySelector('[data-testid="reader"]')
    const shown =
      reader?.dataset.documentId === id &&
      reader.textContent.includes(opening) &&
      [...CSS.highlights.values()].some((h) => h.size > 0)
    if (!shown) return requestAnimationFrame(poll)
    // The frame's end: a task queued from its rAF callback runs after it has been produced.
    const channel = new MessageChannel()
    channel.port1.onmessage = () => (window.__benchPainted = performance.now())
    channel.port2.postMessage(0)
  }
  requestAnimationFrame(poll)
}

/** The plain page: getDocument of one document, rendered as paragraphs with one highlight for its claims. */
function referenceHtml(token, id) {
  const script = `
const response = await fetch('/api/getDocument', {
  method: 'POST',
  headers: { 'Content-Type': 'application/json', 'X-Claimdesk-Token': ${JSON.stringify(token)} },
  body: JSON.stringify({ args: [${JSON.stringify(id)}] })
})
const { document: doc, claims } = (await response.json()).result
const article = document.createElement('article')
article.dataset.testid = 'reader'
article.dataset.documentId = doc.id
const nodes = []
for (const b of doc.blocks) {
  const p = article.appendChild(document.createElement('p'))
  p.textContent = doc.text.slice(b.start, b.end)
  nodes.push([b, p.firstChild])
}
document.body.append(article)
const point = (o) => {
  const [b, node] = nodes.findLast(([b]) => b.start <= o) ?? nodes[0]
  return [node, Math.min(Math.max(0, o - b.start), b.end - b.start)]
}
const highlight = new Highlight()
for (const c of claims) {
  const [sn, so] = point(c.position.start)
  const [en, eo] = point(c.position.end)
  highlight.add(new StaticRange({ startContainer: sn, startOffset: so, endContainer: en, endOffset: eo }))
}
CSS.highlights.set('ref', highlight)
`
  return `<!doctype html><html><head><meta charset="utf-8"><title>Reference</title><style>
body { margin: 0; } article { max-width: 66ch; margin: 0 auto; padding: 18px 32px; font: 17px/1.62 serif; }
p { white-space: pre-wrap; overflow-wrap: break-word; } ::highlight(ref) { background-color: #fde68a; }
</style></head><body><script type="module">${script}</script></body></html>`
}

/** Navigates `page` to `url`; resolves with the page's painted time and its Resource Timing of the API calls. */
async function openAndTime(page, url) {
  await page.goto(url)
  await page
    .waitForFunction(() => window.__benchPainted !== undefined, null, { timeout: 120_000 })
    .catch(async (err) => {
      const shown = await page.evaluate(() => document.querySelector('[data-testid="reader"]')?.dataset.documentId)
      throw new Error(
        `${url}: the first document was never painted (the reader shows ${shown ?? 'nothing'}): ${err.message}`
      )
    })
  return page.evaluate(() => {
    const api = (name) => {
      const e = performance.getEntriesByType('resource').find((r) => r.name.includes(`/api/${name}`))
      return e
        ? {
            start: e.startTime,
            waiting: e.responseStart - e.requestStart,
            end: e.responseEnd,
            bytes: e.encodedBodySize
          }
        : null
    }
    const nav = performance.getEntriesByType('navigation')[0]
    return {
      timeOrigin: performance.timeOrigin,
      painted: window.__benchPainted,
      domContentLoaded: nav.domContentLoadedEventEnd,
      currentCase: api('currentCase'),
      getDocument: api('getDocument')
    }
  })
}

async function measureRun(casePath, home, expected) {
  const browser = await chromium.launch({
    executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
    args: CHROMIUM_ARGS
  })
  let server = null
  try {
    const appContext = await browser.newContext({ viewport: { width: 1440, height: 900 } })
    const page = await appContext.newPage()
    await page.addInitScript(watchFirstDocument, { id: expected.id, opening: expected.opening })
    await page.goto('about:blank')

    server = await startServer(casePath, home)
    const app = await openAndTime(page, server.url)
    const paintedAt = app.timeOrigin + app.painted
    const elements = await page.evaluate(() => ({
      page: document.getElementsByTagName('*').length,
      documentList: document.querySelectorAll('[data-testid="document-list"] *').length
    }))
    const shownId = await page.getByTestId('reader').getAttribute('data-document-id')
    if (shownId !== expected.id) throw new Error(`the reader shows ${shownId}, not the first document ${expected.id}`)
    await appContext.close()

    // The reference page, on the same server and origin, in a fresh context.
    const refContext = await browser.newContext({ viewport: { width: 1440, height: 900 } })
    const refPage = await refContext.newPage()
    await refPage.addInitScript(watchFirstDocument, { id: expected.id, opening: expected.opening })
    const refUrl = new URL('/__bench-reference', server.url).href
    const html = referenceHtml(server.token, expected.id)
    await refPage.route(refUrl, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
    )
    const ref = await openAndTime(refPage, refUrl)
    await refContext.close()

    return {
      serverToPainted: paintedAt - server.spawnedAt,
      serverListening: server.listeningAt - server.spawnedAt,
      listeningToNavigation: app.timeOrigin - server.listeningAt,
      pageToPainted: app.painted,
      domContentLoaded: app.domContentLoaded,
      currentCase: app.currentCase,
      getDocument: app.getDocument,
      render: app.painted - app.getDocument.end,
      elements,
      refPageToPainted: ref.painted,
      refGetDocument: ref.getDocument
    }
  } finally {
    await browser.close()
    if (server) await stop(server.child)
  }
}

// ---- the run ----------------------------------------------------------------------------------

const title = 'Open a large case (browser mode)'
const started = header(title)
const loadAtStart = load()
const work = mkdtempSync(join(tmpdir(), 'claimdesk-open-case-'))
const runs = []
const parses = []
let caseMB
let expected
try {
  const master = join(work, 'large.claimdesk.json')
  expected = await writeLargeCase(master, join(work, 'build'))
  caseMB = statSync(master).size / 2 ** 20
  console.log(`case: ${DOCUMENTS} documents, ${CLAIMS} claims, ${caseMB.toFixed(1)} MB (load ${load()})`)
  const parseScript = join(work, 'parse.cjs')
  writeFileSync(parseScript, "JSON.parse(require('node:fs').readFileSync(process.argv[2], 'utf8'))\n")

  // One unmeasured run first (disk cache, Chromium's first start), then the measured ones.
  for (let run = 0; run <= opts.runs; run++) {
    const casePath = join(work, `run-${run}.claimdesk.json`)
    const home = join(work, `home-${run}`)
    copyFileSync(master, casePath)
    mkdirSync(home)
    const r = await measureRun(casePath, home, expected)
    const parse = await nodeRun([parseScript, casePath])
    rmSync(casePath, { force: true })
    console.log(
      `${run === 0 ? 'warm-up' : `run ${run}`}: server start → painted ${fmtMs(r.serverToPainted)}, page load → painted ${fmtMs(r.pageToPainted)} ` +
        `(server listening after ${fmtMs(r.serverListening)}; currentCase ${fmtMs(r.currentCase.start)}–${fmtMs(r.currentCase.end)}, ${(r.currentCase.bytes / 1024).toFixed(0)} KB; ` +
        `getDocument ${fmtMs(r.getDocument.start)}–${fmtMs(r.getDocument.end)}, ${(r.getDocument.bytes / 1024).toFixed(0)} KB; render ${fmtMs(r.render)}); ` +
        `reference page ${fmtMs(r.refPageToPainted)}; fresh Node read + JSON.parse ${fmtMs(parse)} (load ${load()})`
    )
    if (run > 0) {
      runs.push(r)
      parses.push(parse)
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true })
}

// ---- the figures ------------------------------------------------------------------------------

const f = (xs) => `median ${fmtMs(median(xs))}, p90 ${fmtMs(percentile(xs, 90))}`
const col = (pick) => runs.map(pick)
const serverToPainted = col((r) => r.serverToPainted)
const pageToPainted = col((r) => r.pageToPainted)
const refPage = col((r) => r.refPageToPainted)
const met = median(pageToPainted) < TARGET_MS
const verdict = `Target: the first document shown < 1 s after the case is open (page load → first document painted): ${met ? 'met' : 'NOT met'} (median ${fmtMs(median(pageToPainted))}, p90 ${fmtMs(percentile(pageToPainted, 90))}; judged on the median).`
const kb = (xs) => `${(median(xs) / 1024).toFixed(0)} KB`
const rows = [
  [
    'case',
    `${DOCUMENTS.toLocaleString('en')} documents × ${TEXT / 1000} KB text, ${CLAIMS.toLocaleString('en')} claims (${expected.claims} on the first document), 50 sources: ${caseMB.toFixed(1)} MB`,
    '',
    '',
    ''
  ],
  [
    'server start → first document painted (fresh `claimdesk serve`, then navigation)',
    f(serverToPainted),
    `fresh Node process: read + JSON.parse of the case file, spawn to exit: ${f(parses)}`,
    fmtRatio(ratio(median(serverToPainted), median(parses))),
    ''
  ],
  [
    'page load → first document painted',
    f(pageToPainted),
    `plain page, same server: getDocument of the same document rendered as paragraphs with its claims as one CSS highlight, no app: ${f(refPage)}`,
    fmtRatio(ratio(median(pageToPainted), median(refPage))),
    `< 1 s: **${met ? 'met' : 'NOT met'}**`
  ],
  [
    'of which: server spawn → listening (opens the case first)',
    f(col((r) => r.serverListening)),
    `fresh Node read + JSON.parse: ${fmtMs(median(parses))}`,
    fmtRatio(ratio(median(col((r) => r.serverListening)), median(parses))),
    ''
  ],
  [
    'of which: page load → `currentCase` asked / answered (overview size)',
    `${f(col((r) => r.currentCase.start))} / ${f(col((r) => r.currentCase.end))} (${kb(col((r) => r.currentCase.bytes))})`,
    '',
    '',
    ''
  ],
  [
    'of which: `getDocument` asked / answered (size; server wait)',
    `${f(col((r) => r.getDocument.start))} / ${f(col((r) => r.getDocument.end))} (${kb(col((r) => r.getDocument.bytes))}; waiting ${fmtMs(median(col((r) => r.getDocument.waiting)))})`,
    `reference page's getDocument answered at ${f(col((r) => r.refGetDocument.end))}`,
    '',
    ''
  ],
  [
    'of which: `getDocument` answered → painted (render)',
    f(col((r) => r.render)),
    `reference page: ${f(col((r) => r.refPageToPainted - r.refGetDocument.end))}`,
    fmtRatio(ratio(median(col((r) => r.render)), median(col((r) => r.refPageToPainted - r.refGetDocument.end)))),
    ''
  ],
  [
    'DOM elements once painted: the whole page / of which the document list',
    `${median(col((r) => r.elements.page))} / ${median(col((r) => r.elements.documentList))}`,
    '',
    '',
    ''
  ]
]
for (const [k, v, ref, r, target] of rows) console.log(`${k}: ${v} | ${ref} | ${r} | ${target}`)
console.log(verdict)
const loadAtEnd = load()
console.log(`load at start ${loadAtStart}; at end ${loadAtEnd}`)

if (opts.readme) {
  writeReadmeSection(
    title,
    'open-case-bench',
    [
      `## ${title}`,
      '',
      '<!-- open-case-bench: written by `node bench/open-case-bench.mjs`; edit the script, not these lines -->',
      `Command: \`npm run build && node bench/open-case-bench.mjs --runs ${opts.runs}\` (${opts.runs} runs after one warm-up; each run a fresh \`claimdesk serve\` and a fresh headless Chromium).`,
      '',
      `${started}; load ${loadAtEnd} at the end.`,
      '',
      'Each run starts `claimdesk serve --case` on a fresh copy of the case (it opens the case before it listens) with',
      'Chromium already launched on a blank page, navigates to the address it prints, and stops at the end of the first',
      "frame in which the reader shows the first document's opening words with its claim highlights registered.",
      '"Server start" counts from the spawn of the server; "page load" from the navigation (the page\'s time origin).',
      'References in the same run: a fresh Node process reading and parsing the case file (spawn to exit), and a',
      'plain page served on the same origin by the same server, in a fresh browser context, that fetches `getDocument`',
      'for the same document and renders it as paragraphs with its claims as one CSS Custom Highlight, with no app.',
      'The "of which" rows come from the app page\'s Resource Timing (times from the navigation).',
      '',
      '| Measure | Claimdesk | Reference (same run) | Ratio | Target |',
      '| --- | --- | --- | --- | --- |',
      ...rows.map((r) => `| ${r.join(' | ')} |`),
      '',
      verdict,
      '<!-- open-case-bench:end -->'
    ].join('\n')
  )
}
