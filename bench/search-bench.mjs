// Search across a case: 200 documents of 20 KB of news-like prose (with a few place names in some of
// them, accented and not), 10,000 claims with notes and topics, 50 sources with aliases. Measures
// `searchCase` (the service's search) cold (the first search folds every document) and warm, for
// a rare word, a common word and a two-word phrase; the reference, in the same run, is the plainest
// possible scan: every document's text lower-cased and searched with indexOf.
// Usage: node bench/search-bench.mjs [--runs 15] [--no-readme]
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'rolldown'
import { args, BENCH_DIR, fmtMs, fmtRatio, header, load, median, ratio, writeReadmeSection } from './lib.mjs'

const opts = args({ runs: 15, readme: true })
const root = resolve(BENCH_DIR, '..')
const DOCUMENTS = 200
const TEXT = 20_000
const CLAIMS = 10_000
const SOURCES = 50

const PLACES = ['Pokrovsk', 'Kramatorsk', 'Zaporizhzhia', 'Kurakhove', 'Vuhledar', 'Toretsk', 'Chasiv Yar']
const WORDS = (
  'the ministry said on tuesday that troops had advanced several kilometres near the river while officials ' +
  'in the regional administration declined to comment on reports of shelling overnight according to two people ' +
  'familiar with the matter who spoke on condition of anonymity because they were not authorised to speak publicly ' +
  'a spokesman for the general staff told reuters that reinforcements were expected within days and that supply ' +
  'lines remained under pressure analysts at the institute said the figures could not be independently verified'
).split(' ')

function rng(seed) {
  let x = seed
  return () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648
}

/** About `length` characters of prose in paragraphs; a place name every few hundred words in some documents. */
function article(length, seed) {
  const r = rng(seed)
  const places = seed % 3 === 0 ? PLACES : PLACES.slice(1)
  let s = ''
  while (s.length < length) {
    s += WORDS[Math.floor(r() * WORDS.length)]
    if (r() < 0.004) s += ' ' + places[Math.floor(r() * places.length)]
    if (r() < 0.0005) s += ' Pokróvsk'
    s += r() < 0.02 ? '.\n\n' : ' '
  }
  return s.slice(0, length)
}

const buildDir = mkdtempSync(join(tmpdir(), 'claimdesk-search-bench-'))
try {
  await build({
    input: {
      search: join(root, 'src/main/service/search.ts'),
      state: join(root, 'src/main/case/case-state.ts'),
      fixtures: join(root, 'src/main/case/testing/fixtures.ts')
    },
    platform: 'node',
    logLevel: 'silent',
    output: { dir: buildDir, format: 'esm', entryFileNames: '[name].mjs' }
  })
  const { searchCase } = await import(pathToFileURL(join(buildDir, 'search.mjs')).href)
  const { CaseState } = await import(pathToFileURL(join(buildDir, 'state.mjs')).href)
  const { fakeDocument, fakeSource, fakeClaim } = await import(pathToFileURL(join(buildDir, 'fixtures.mjs')).href)

  const title = header('Search')
  const documents = Array.from({ length: DOCUMENTS }, (_, i) => {
    const doc = fakeDocument(10, i + 1)
    const text = article(TEXT, i + 1)
    return { ...doc, title: `Report ${i + 1}`, text, blocks: [{ kind: 'paragraph', start: 0, end: text.length }] }
  })
  const sources = Array.from({ length: SOURCES }, (_, i) => ({
    ...fakeSource(`Source ${i}`),
    aliases: [`alias ${i}`, i % 7 === 0 ? 'the Pokrovsk mayor' : `desk ${i}`]
  }))
  const r = rng(99)
  const claims = Array.from({ length: CLAIMS }, (_, i) => ({
    ...fakeClaim(documents[i % DOCUMENTS].id, sources[i % SOURCES].id),
    note: r() < 0.01 ? 'check against the Pokrovsk council statement' : 'second source needed',
    tags: [r() < 0.5 ? 'front line' : 'logistics']
  }))
  const state = new CaseState({
    version: 2,
    id: 'bench',
    title: 'Search bench',
    createdAt: '',
    updatedAt: '',
    documents,
    sources,
    claims,
    links: [],
    briefings: [],
    conflictSets: []
  })
  const bytes = documents.reduce((n, d) => n + d.text.length, 0)

  const queries = [
    ['rare word', 'pokrovsk'],
    ['common word', 'reinforcements'],
    ['phrase', 'told reuters']
  ]
  const query = (text) => ({ text, hitsPerDocument: 200, limit: 100 })
  const reference = (text) => {
    let count = 0
    for (const d of documents) {
      const lower = d.text.toLowerCase()
      for (let i = lower.indexOf(text); i !== -1; i = lower.indexOf(text, i + text.length)) count++
    }
    return count
  }

  const t0 = performance.now()
  const first = searchCase(state, query('pokrovsk'))
  const cold = performance.now() - t0

  const rows = []
  for (const [label, text] of queries) {
    const ours = []
    const ref = []
    let hits = 0
    for (let i = 0; i < opts.runs; i++) {
      let t = performance.now()
      hits = searchCase(state, query(text)).total
      ours.push(performance.now() - t)
      t = performance.now()
      reference(text)
      ref.push(performance.now() - t)
    }
    rows.push({ label, text, hits, ours: median(ours), ref: median(ref) })
  }
  const loadAfter = load()

  console.log(`${DOCUMENTS} documents x ${TEXT / 1000} KB (${(bytes / 1e6).toFixed(1)} MB of text), ${CLAIMS} claims`)
  console.log(`first search (folds every document): ${fmtMs(cold)}; it found ${first.total} hits`)
  for (const row of rows)
    console.log(
      `${row.label} "${row.text}": ${row.hits} hits, searchCase ${fmtMs(row.ours)}, lower-case + indexOf ${fmtMs(row.ref)} (${fmtRatio(ratio(row.ours, row.ref))})`
    )
  console.log(`load at the end: ${loadAfter}`)

  if (opts.readme) {
    const table = rows
      .map(
        (row) =>
          `| ${row.label} “${row.text}” | ${row.hits} | ${fmtMs(row.ours)} | ${fmtMs(row.ref)} | ${fmtRatio(ratio(row.ours, row.ref))} |`
      )
      .join('\n')
    writeReadmeSection(
      'Search',
      'search',
      `## Search

${title}; load ${loadAfter} at the end. \`node bench/search-bench.mjs\`

A case of ${DOCUMENTS} documents of ${TEXT / 1000} KB (${(bytes / 1e6).toFixed(1)} MB of text), ${CLAIMS.toLocaleString('en')} claims
with notes and topics, ${SOURCES} sources with aliases. \`searchCase\` folds case and accents and lets any run of
white space match, over documents, notes, topics, source names and aliases. The reference is the plainest
scan in the same run: each document lower-cased, then \`indexOf\`. Medians of ${opts.runs} runs. Target: results
within 100 ms.

The first search after opening folds every document's text once: **${fmtMs(cold)}**.

| Query | Hits | searchCase (warm) | lower-case + indexOf | Ratio |
| --- | --- | --- | --- | --- |
${table}

A plain scan meets the target with room to spare, so no index (MiniSearch and the like) is used.
<!-- search:end -->
`
    )
  }
} finally {
  rmSync(buildDir, { recursive: true, force: true })
}
