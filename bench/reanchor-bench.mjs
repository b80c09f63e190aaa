// Re-anchoring benchmark: 10,000 claims on a 1 MB generated article moved onto an edited version
// (an update note, paragraphs inserted, deleted and moved, words reworded, clauses inserted, typos
// fixed, sentences rewritten: bench/edited-article.mjs), measured
//   - as the pure matching (src/shared/anchoring/reanchor.ts), beside a naive reference in the same
//     run (indexOf of each exact quote in the new text),
//   - through the service (reanchorDocument via the contract's gate: the rule, the ops checked
//     against the schema, the journal written and fsynced, what changed described), with its Undo,
// and judged against the generator's truth: where each claim's words really went.
// Usage: node bench/reanchor-bench.mjs [--runs N] [--size BYTES] [--claims N] [--no-readme]
// Builds the TypeScript it needs with rolldown into node_modules/.cache first.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createHash, randomUUID } from 'node:crypto'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'rolldown'
import search from 'approx-string-match'
import { editArticle, judge, makeArticle, makeClaims, truthOf } from './edited-article.mjs'
import { args, fmtMs, fmtRatio, header, load, median, ratio, timeRuns, writeReadmeSection } from './lib.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const opts = args({ runs: 5, size: 1_048_576, claims: 10_000, readme: true })
const TARGET_MS = 2000
const buildDir = join(root, 'node_modules/.cache/claimdesk-reanchor-bench')

const title = header('Re-anchoring benchmark')
rmSync(buildDir, { recursive: true, force: true })
await build({
  input: {
    reanchor: join(root, 'src/shared/anchoring/reanchor.ts'),
    selectors: join(root, 'src/shared/anchoring/selectors.ts'),
    score: join(root, 'src/shared/anchoring/score.ts'),
    similarity: join(root, 'src/shared/anchoring/similarity.ts'),
    service: join(root, 'src/main/service/index.ts'),
    dispatch: join(root, 'src/main/dispatch.ts'),
    store: join(root, 'src/main/case/index.ts')
  },
  platform: 'node',
  logLevel: 'silent',
  // Packages stay in node_modules (resolved from the cache folder at run time).
  external: (id) => !id.startsWith('.') && !id.startsWith('/') && !/^[A-Za-z]:/.test(id),
  output: { dir: buildDir, format: 'esm', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' }
})
const load_ = (name) => import(pathToFileURL(join(buildDir, `${name}.mjs`)).href)
const { reanchorer } = await load_('reanchor')
const { selectorsFor } = await load_('selectors')
const { MIN_SCORE, MIN_QUOTE, MIN_SCORE_ELSEWHERE, MARGIN_ELSEWHERE, WEIGHTS } = await load_('score')
const { similarity } = await load_('similarity')
const { ClaimdeskService } = await load_('service')
const { gate } = await load_('dispatch')
const { openCaseStore, emptyCase } = await load_('store')

// ---- the article, its claims, the new version -------------------------------------------------
const article = makeArticle(opts.size)
const oldText = article.text
const spans = makeClaims(article, opts.claims)
const claims = spans.map(({ start, end }) => ({ id: randomUUID(), ...selectorsFor(oldText, start, end) }))
const edit = editArticle(article)
const newText = edit.text
console.log(
  `article ${(oldText.length / 1024).toFixed(0)} KB -> ${(newText.length / 1024).toFixed(0)} KB; ${claims.length} claims; edits ${JSON.stringify(edit.counts)}`
)

// ---- the matching itself, and the naive reference ---------------------------------------------
let placements = []
const ours = await timeRuns(
  () => {
    const placer = reanchorer(oldText, newText)
    placements = claims.map((c) => placer.place(c))
  },
  { runs: opts.runs }
)
let naive = []
const reference = await timeRuns(
  () => {
    naive = claims.map((c) => newText.indexOf(c.quote.exact))
  },
  { runs: opts.runs }
)

// The wrong file picked as the new version: an unrelated article of the same size and style.
const unrelated = makeArticle(opts.size, 99).text
let wrongFile = null
const wrongFileMs = median(
  await timeRuns(
    () => {
      const placer = reanchorer(oldText, unrelated)
      wrongFile = { exact: 0, moved: 0, fuzzy: 0, orphaned: 0 }
      for (const c of claims) wrongFile[placer.place(c).state]++
    },
    { runs: Math.min(3, opts.runs), warmup: 0 }
  )
)

// ---- judged against the truth -------------------------------------------------------------------
const states = ['exact', 'moved', 'fuzzy', 'orphaned']
const verdicts = ['right', 'near', 'wrong', 'missed']
const kinds = ['same', 'edited', 'rewritten', 'deleted']
const byState = Object.fromEntries(states.map((s) => [s, Object.fromEntries(verdicts.map((v) => [v, 0]))]))
const byKind = Object.fromEntries(kinds.map((k) => [k, Object.fromEntries(states.map((s) => [s, 0]))]))
const naiveVerdicts = Object.fromEntries(verdicts.map((v) => [v, 0]))
const truths = spans.map(({ start, end }) => truthOf(edit, start, end))
const wrongExamples = []
placements.forEach((p, i) => {
  const truth = truths[i]
  const placed = p.state === 'orphaned' ? null : [p.start, p.end]
  const verdict = judge(truth, placed)
  byState[p.state][verdict]++
  byKind[truth.kind][p.state]++
  if (verdict === 'wrong' && wrongExamples.length < 5)
    wrongExamples.push({
      was: claims[i].quote.exact,
      now: newText.slice(p.start, p.end),
      state: p.state,
      score: p.score,
      truth: truth.kind
    })
  const n = naive[i]
  naiveVerdicts[judge(truth, n === -1 ? null : [n, n + claims[i].quote.exact.length])]++
})
const count = (s) => Object.values(byState[s]).reduce((a, b) => a + b, 0)
const sum = (v) => states.reduce((a, s) => a + byState[s][v], 0)

// Without a floor (the Hypothesis client's way: best fuzzy match over the whole text, whatever its
// score), where would the claims whose words were deleted go? Sampled: a whole-text search each.
const deleted = truths
  .map((t, i) => (t.kind === 'deleted' ? i : -1))
  .filter((i) => i >= 0)
  .slice(0, 100)
let noFloorLanded = 0
for (const i of deleted) {
  const q = claims[i].quote.exact
  if (search(newText, q, Math.floor(q.length / 2)).length > 0) noFloorLanded++
}

// What chance looks like: 32 characters of unrelated prose against each other.
const chance = []
for (let i = 0; i < 2000; i++) {
  const a = Math.floor((i * 7919) % (oldText.length - 40))
  const b = Math.floor((i * 104729 + 5000) % (oldText.length - 40))
  chance.push(similarity(oldText.slice(a, a + 32), oldText.slice(b, b + 32)))
}

// ---- through the service: the rule, ops checked, journal fsynced, changes described ----------------
const work = mkdtempSync(join(tmpdir(), 'claimdesk-reanchor-bench-'))
const service = new ClaimdeskService({ userDataDir: join(work, 'home') })
const api = gate(service.handlers)
let serviceRuns = []
let undoRuns = []
let counts = null
try {
  const now = new Date().toISOString()
  const blocks = [{ kind: 'heading', start: 0, end: article.paragraphs[0].start - 2, level: 1 }].concat(
    article.paragraphs.map((p) => ({ kind: 'paragraph', start: p.start, end: p.end }))
  )
  const v1 = {
    id: randomUUID(),
    title: 'Blockade tightens on the Sarn as talks stall',
    outlet: 'Wire',
    author: '',
    url: '',
    published: '',
    text: oldText,
    blocks,
    provenance: {
      fileName: 'sarn.txt',
      format: 'txt',
      sha256: createHash('sha256').update(oldText).digest('hex'),
      size: Buffer.byteLength(oldText),
      importedAt: now
    },
    notices: [],
    createdAt: now,
    updatedAt: now
  }
  const data = emptyCase('Re-anchoring benchmark')
  data.documents.push(v1)
  data.claims = claims.map((c) => ({
    ...c,
    documentId: v1.id,
    sourceId: null,
    via: [],
    tags: [],
    note: '',
    status: 'unverified',
    credibility: '6',
    createdAt: now,
    updatedAt: now
  }))
  const file = join(work, 'bench.claimdesk.json')
  await (await openCaseStore(file, { createWith: data })).close()
  await api.openCase(file)
  writeFileSync(join(work, 'sarn-v2.txt'), newText)
  const [imported] = (await api.importFiles([{ path: join(work, 'sarn-v2.txt') }])).value
  const v2 = await api.getDocument(imported.documentId)
  if (v2.document.text !== newText) throw new Error('the imported new version differs from the generated text')
  for (let i = 0; i < Math.max(1, Math.min(3, opts.runs)); i++) {
    const t0 = performance.now()
    const done = await api.reanchorDocument(v1.id, imported.documentId)
    serviceRuns.push(performance.now() - t0)
    counts = done.value
    const t1 = performance.now()
    await api.undo()
    undoRuns.push(performance.now() - t1)
  }
} finally {
  await service.close()
  rmSync(work, { recursive: true, force: true })
}

// ---- report -----------------------------------------------------------------------------------
const oursMs = median(ours)
const refMs = median(reference)
const serviceMs = median(serviceRuns)
const pass = (ms) => (ms < TARGET_MS ? 'pass' : 'FAIL')
const pct = (n, of) => `${((100 * n) / Math.max(1, of)).toFixed(1)}%`
const loadAtEnd = load()
const chanceMedian = median(chance)

console.log(`matching: median ${fmtMs(oursMs)} (${ours.map((x) => x.toFixed(0)).join(', ')} ms)`)
console.log(`reference (indexOf of each exact quote): median ${fmtMs(refMs)}; ratio ${fmtRatio(ratio(oursMs, refMs))}`)
console.log(
  `through the service: median ${fmtMs(serviceMs)} (${serviceRuns.map((x) => x.toFixed(0)).join(', ')} ms); undo ${fmtMs(median(undoRuns))}`
)
console.log('outcome', JSON.stringify(counts))
console.log(`onto an unrelated article: ${fmtMs(wrongFileMs)}, ${JSON.stringify(wrongFile)}`)
console.log('verdicts by state', JSON.stringify(byState))
console.log('states by truth', JSON.stringify(byKind))
console.log('naive reference verdicts', JSON.stringify(naiveVerdicts))
console.log(
  `without a floor: ${noFloorLanded} of ${deleted.length} claims whose words were deleted would land on other text`
)
console.log(
  `chance similarity of unrelated 32-character context: median ${chanceMedian.toFixed(2)}, p95 ${[...chance].sort((a, b) => a - b)[Math.floor(chance.length * 0.95)].toFixed(2)}`
)
if (wrongExamples.length) console.log('wrong placements', wrongExamples)
console.log(`load ${loadAtEnd} at the end`)

const row = (s) =>
  `| ${s} | ${count(s)} | ${byState[s].right} | ${byState[s].near} | ${byState[s].wrong} | ${byState[s].missed} |`
const section = `## Re-anchoring

<!-- reanchor-bench: written by \`node bench/reanchor-bench.mjs\`; edit the script, not these lines -->
Command: \`node bench/reanchor-bench.mjs\` (options: \`--runs N\`, \`--size BYTES\`, \`--claims N\`, \`--no-readme\`).

${title}; load ${loadAtEnd} at the end.

Input (generated, seed fixed, \`bench/edited-article.mjs\`): a ${(oldText.length / 1024).toFixed(0)} KB news article
(${article.paragraphs.length} paragraphs of sentences built from about twenty clause templates with invented places,
dates and figures, so phrases repeat as they do in wire copy) with ${claims.length} claims of 3-14 whole words (one in
ten running into the next sentence), and a new version of ${(newText.length / 1024).toFixed(0)} KB: an update note on top,
${edit.counts.insertedParagraphs - 1} paragraphs inserted, ${edit.counts.deletedParagraphs} deleted, ${edit.counts.movedParagraphs} moved,
${edit.counts.rewords} words reworded, ${edit.counts.clauses} clauses inserted, ${edit.counts.typos} typos fixed, ${edit.counts.rewrites} sentences rewritten whole.
The update note shifts every later offset, so no claim keeps its old offset (state exact).

Target: re-anchoring ${claims.length} claims onto the new version under 2 s.

| Measure | Result | |
| --- | --- | --- |
| matching (align the versions, place every claim), median of ${ours.length} | ${fmtMs(oursMs)} | ${pass(oursMs)} |
| reference in the same run: \`indexOf\` of each exact quote, median of ${reference.length} | ${fmtMs(refMs)} (ours ${fmtRatio(ratio(oursMs, refMs))}) | |
| \`reanchorDocument\` through the service (rule, ${claims.length} claim ops checked, journal fsynced, changes described), median of ${serviceRuns.length} | ${fmtMs(serviceMs)} | ${pass(serviceMs)} |
| its Undo, median of ${undoRuns.length} | ${fmtMs(median(undoRuns))} | |
| matching onto an unrelated article of the same size and style (the wrong file picked) | ${fmtMs(wrongFileMs)}: ${wrongFile.orphaned} orphaned, ${wrongFile.exact + wrongFile.moved + wrongFile.fuzzy} attached (${wrongFile.fuzzy} fuzzy; the two articles come from the same templates, so a few clauses recur with their context word for word) | |

Outcome: ${counts ? `${counts.exact} exact, ${counts.moved} moved, ${counts.fuzzy} fuzzy, ${counts.orphaned} orphaned` : 'not measured'}.
Judged against the generator's truth (right: the claim's words, exactly or overlapping 80%; near: overlapping less,
or inside a sentence rewritten whole; wrong: anywhere else; missed: orphaned though its words, changed, are still there;
an orphan whose words were deleted or rewritten whole is right):

| State | Claims | Right | Near | Wrong | Missed |
| --- | --- | --- | --- | --- | --- |
${states.map(row).join('\n')}
| all | ${claims.length} | ${sum('right')} (${pct(sum('right'), claims.length)}) | ${sum('near')} | ${sum('wrong')} | ${sum('missed')} |
| reference (\`indexOf\`, first occurrence) | ${claims.length} | ${naiveVerdicts.right} (${pct(naiveVerdicts.right, claims.length)}) | ${naiveVerdicts.near} | ${naiveVerdicts.wrong} | ${naiveVerdicts.missed} |

Where the truth put each claim's words, and the state it got: ${kinds
  .map((k) => `${k}: ${states.map((s) => `${byKind[k][s]} ${s}`).join(', ')}`)
  .join('; ')}.

${wrongExamples.length ? `Wrong placements: ${wrongExamples.map((w) => `“${w.was}” ${w.state} (score ${w.score}) onto “${w.now}”, its words ${w.truth}`).join('; ')}.` : 'No wrong placements.'}

The floors: near its old place (the new text that replaced its surroundings) a match must score ${MIN_SCORE} (weights quote
${WEIGHTS.quote}, prefix ${WEIGHTS.prefix}, suffix ${WEIGHTS.suffix}, position ${WEIGHTS.position}) and keep ${MIN_QUOTE * 100}% of the quote's characters. Unrelated
32-character contexts score ${chanceMedian.toFixed(2)} against each other here (median), so an exact quote whose context changed
on both sides scores about ${(WEIGHTS.quote + (WEIGHTS.prefix + WEIGHTS.suffix) * chanceMedian).toFixed(2)} plus its position share: it attaches only right where its
words were. Elsewhere (and in a long rewritten stretch) only the exact quote is looked for, position counts for nothing, the floor is ${MIN_SCORE_ELSEWHERE}
(about three quarters of its context on both sides) and no other place may score within ${MARGIN_ELSEWHERE} of it.
Without a floor, searching the whole text as the Hypothesis client does, ${noFloorLanded} of ${deleted.length} sampled claims
whose words were deleted would have landed on other text.

How: both versions are cut into sentences; sentences found once in each are anchors, the longest run of them in
order (patience diff) and their equal neighbours are shared text, anchors out of order are moved passages. A claim
in shared text goes where that text went (no search). Others are searched for in the new text between the shared
neighbours of their old place: the exact quote, then approx-string-match (Myers' bit-parallel search), or, where that
new text is longer than a few paragraphs, only the exact quote on the strict terms below; then the exact quote in every
other stretch the new version changed (unless it rewrote more than half the text). Matches must overlap changed text, so a claim whose own words
are gone never lands on an unchanged sentence that looks like it. The naive reference is slower because most quotes
sit deep in the text and each \`indexOf\` scans up to them; the service figure adds the schema check of every moved
claim, the journal write and fsync, and describing the change for the UI.
<!-- reanchor-bench:end -->
`
if (opts.readme) writeReadmeSection('Re-anchoring', 'reanchor-bench', section)
