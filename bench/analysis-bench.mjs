// Speed of the analysis engine:
//   - suggestClaims over a 5,000-word article (target < 500 ms), beside wink-nlp's own reading of the
//     same text (tokens, sentences, parts of speech, entities), and the same through suggestInWorker;
//   - findConflictSets over a case of 10,000 claims (target < 1 s), beside a deep copy of those claims,
//     with findCircularReporting and sourcesByTopic over the same case.
// Usage: node bench/analysis-bench.mjs [--runs N] [--no-readme]
// The article and the case are made from the evaluation corpus (bench/corpus) and, when present, the
// seed article in ../shared: paragraphs repeated until the article has 5,000 words; the corpus's gold
// claims copied into 10,000 claims over as many copies of the documents, each copy with its own topics
// (so groups keep a realistic size) plus one topic shared by a tenth of all claims.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'rolldown'
import { args, BENCH_DIR, fmtMs, fmtRatio, header, load, median, ratio, timeRuns, writeReadmeSection } from './lib.mjs'

const opts = args({ runs: 9, readme: true })
const root = resolve(BENCH_DIR, '..')
const CORPUS = join(BENCH_DIR, 'corpus')
const SEED_GOLD = resolve(root, '../shared/acceptance/kursk-gold.json')

mkdirSync(join(root, 'node_modules/.cache'), { recursive: true })
const buildDir = mkdtempSync(join(root, 'node_modules/.cache/analysis-bench-'))
await build({
  input: {
    analysis: join(root, 'src/main/analysis/index.ts'),
    worker: join(root, 'src/main/analysis/worker.ts'),
    text: join(root, 'src/main/import/text.ts')
  },
  platform: 'node',
  logLevel: 'silent',
  external: ['wink-nlp', 'wink-eng-lite-web-model'],
  output: { dir: buildDir, format: 'esm', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' }
})
const importBuilt = (name) => import(pathToFileURL(join(buildDir, `${name}.mjs`)).href)
const engine = await importBuilt('analysis')
const { suggestInWorker, closeSuggestWorker } = await importBuilt('worker')
const { plainTextDocument } = await importBuilt('text')

const title = header('Analysis speed')
const golds = [
  ...(existsSync(SEED_GOLD) ? [SEED_GOLD] : []),
  ...readdirSync(CORPUS)
    .filter((f) => f.endsWith('.gold.json'))
    .sort()
    .map((f) => join(CORPUS, f))
].map((file) => {
  const gold = JSON.parse(readFileSync(file, 'utf8'))
  return {
    gold,
    text: readFileSync(resolve(dirname(file), gold.document), 'utf8'),
    name: gold.document.replace(/\.txt$/, '').replace(/^.*\//, '')
  }
})

// A 5,000-word article.
const paragraphs = golds.flatMap((g) =>
  g.text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.split(/\s+/).length > 12)
)
const chosen = []
let words = 0
for (let i = 0; words < 5000; i++) {
  const p = paragraphs[i % paragraphs.length]
  chosen.push(p)
  words += p.split(/\s+/).length
}
const article = plainTextDocument(chosen.join('\n\n'))
const doc = { text: article.text, blocks: article.blocks }

let t0 = performance.now()
engine.loadModel()
const modelLoad = performance.now() - t0
const suggestRuns = await timeRuns(() => engine.suggestClaims(doc, []), { runs: opts.runs })
const winkRuns = await timeRuns(() => engine.readWithWink(doc.text), { runs: opts.runs })
const suggestionCount = engine.suggestClaims(doc, []).length
const workerScript = join(buildDir, 'worker.mjs')
t0 = performance.now()
await suggestInWorker(doc, [], { script: workerScript })
const workerFirst = performance.now() - t0
const workerRuns = await timeRuns(() => suggestInWorker(doc, [], { script: workerScript }), { runs: opts.runs })
await closeSuggestWorker()

// A case of 10,000 claims.
const NOW = '2026-01-01T00:00:00.000Z'
const claims = []
const documents = []
const sources = new Map()
for (let copy = 0; claims.length < 10_000; copy++)
  for (const g of golds) {
    const docId = `${g.name}-${copy}`
    documents.push({ id: docId, text: g.text, title: `${g.name} ${copy}`, outlet: g.gold.outlet ?? '' })
    for (const s of g.gold.sources) sources.set(s.id, { id: s.id, name: s.name, kind: s.kind, aliases: s.aliases })
    for (const c of g.gold.claims) {
      if (claims.length >= 10_000) break
      const tags = [`${c.topic} ${copy % 100}`]
      if (claims.length % 10 === 0) tags.push('shared topic')
      claims.push({
        id: `${docId}#${c.id}`,
        documentId: docId,
        quote: { exact: c.quote, prefix: '', suffix: '' },
        position: { start: c.start, end: c.end },
        sourceId: c.source,
        via: c.via,
        tags,
        note: '',
        status: 'unverified',
        credibility: '6',
        createdAt: NOW,
        updatedAt: NOW
      })
    }
  }
const input = { claims, documents, sources: [...sources.values()] }
const conflictRuns = await timeRuns(() => engine.findConflictSets(input), {
  runs: Math.max(3, Math.ceil(opts.runs / 2))
})
const copyRuns = await timeRuns(() => JSON.parse(JSON.stringify(claims)), {
  runs: Math.max(3, Math.ceil(opts.runs / 2))
})
const proposals = engine.findConflictSets(input)
// The same case as suggestions leave it: no claim carries a topic, so sets come from what figures measure.
const untaggedInput = { ...input, claims: claims.map((c) => ({ ...c, tags: [] })) }
const untaggedRuns = await timeRuns(() => engine.findConflictSets(untaggedInput), {
  runs: Math.max(3, Math.ceil(opts.runs / 2))
})
const untaggedProposals = engine.findConflictSets(untaggedInput).length
const circularRuns = await timeRuns(() => engine.findCircularReporting(input), { runs: 3 })
const topicRuns = await timeRuns(
  () => engine.sourcesByTopic({ ...input, conflictSets: proposals.map((p) => ({ ...p, status: 'proposed' })) }),
  { runs: 3 }
)
rmSync(buildDir, { recursive: true, force: true })
const endLoad = load()

const row = (cells) => `| ${cells.join(' | ')} |`
const rows = [
  row(['Measure', 'Input', 'Target', `Median of ${opts.runs}`, 'Reference (same run)', 'Ratio', '']),
  row(['---', '---', '---', '---', '---', '---', '---']),
  row([
    'suggestClaims',
    `${words.toLocaleString('en-US')} words, ${doc.blocks.length} paragraphs; ${suggestionCount} suggestions`,
    '< 500 ms',
    fmtMs(median(suggestRuns)),
    `wink-nlp reading the same text: ${fmtMs(median(winkRuns))}`,
    fmtRatio(ratio(median(suggestRuns), median(winkRuns))),
    median(suggestRuns) < 500 ? 'pass' : 'FAIL'
  ]),
  row([
    'suggestInWorker (round trip)',
    'the same article',
    '',
    fmtMs(median(workerRuns)),
    `first call, starting the worker and its model: ${fmtMs(workerFirst)}`,
    fmtRatio(ratio(median(workerRuns), median(suggestRuns))) + ' of in-process',
    ''
  ]),
  row([
    'findConflictSets',
    `${claims.length.toLocaleString('en-US')} claims, ${documents.length} documents; ${proposals.length} proposals`,
    '< 1 s',
    fmtMs(median(conflictRuns)),
    `deep copy of the claims (JSON): ${fmtMs(median(copyRuns))}`,
    fmtRatio(ratio(median(conflictRuns), median(copyRuns))),
    median(conflictRuns) < 1000 ? 'pass' : 'FAIL'
  ]),
  row([
    'findConflictSets, no topic tags',
    `the same claims, untagged; ${untaggedProposals} proposals`,
    '< 1 s',
    fmtMs(median(untaggedRuns)),
    '',
    fmtRatio(ratio(median(untaggedRuns), median(copyRuns))),
    median(untaggedRuns) < 1000 ? 'pass' : 'FAIL'
  ]),
  row([
    'findCircularReporting',
    'the same case',
    '',
    fmtMs(median(circularRuns)),
    '',
    fmtRatio(ratio(median(circularRuns), median(copyRuns))),
    ''
  ]),
  row([
    'sourcesByTopic',
    'the same case, with the proposals',
    '',
    fmtMs(median(topicRuns)),
    '',
    fmtRatio(ratio(median(topicRuns), median(copyRuns))),
    ''
  ])
]
console.log(rows.join('\n'))
console.log(`wink model load (once per process): ${fmtMs(modelLoad)}; load average at the end: ${endLoad}`)

if (opts.readme)
  writeReadmeSection(
    'Analysis speed',
    'analysis-bench',
    [
      '## Analysis speed',
      '',
      '<!-- analysis-bench: written by `node bench/analysis-bench.mjs`; edit the script, not these lines -->',
      'Command: `node bench/analysis-bench.mjs` (options: `--runs N`, `--no-readme`).',
      '',
      `${title}; load average at the end ${endLoad}.`,
      '',
      ...rows,
      '',
      `The wink-nlp model loads once per process (${fmtMs(modelLoad)} here), before the first article; the worker`,
      "pays it on its first request. The article is the corpus articles' paragraphs (and the seed's, when present)",
      "repeated to 5,000 words; the case is the corpus's gold claims copied to 10,000 over copies of their",
      'documents, each copy with its own topics, plus one topic shared by a tenth of the claims. Wall times move',
      "with the machine's load (above); the ratios to the reference measured in the same run move less.",
      '<!-- analysis-bench:end -->'
    ].join('\n')
  )
