// A long generated news article, claims marked on it, and a new version with the edits a newsroom
// makes (an update note on top, paragraphs inserted, deleted and moved, words reworded, clauses
// inserted, typos fixed, a few sentences rewritten), with the truth about where each claim's words went.
// Deterministic for a seed. Used by reanchor-bench.mjs.

/** mulberry32: a small deterministic generator of numbers in [0, 1). */
export function random(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pick = (r, list) => (list.pick ? list.pick(r) : list[Math.floor(r() * list.length)])
const int = (r, lo, hi) => lo + Math.floor(r() * (hi - lo + 1))

const SYLLABLES = [
  'var',
  'mel',
  'os',
  'tro',
  'ka',
  'sik',
  'bre',
  'lan',
  'dor',
  'vi',
  'hal',
  'den',
  'cor',
  'ys',
  'ta',
  'mir',
  'an',
  'gul'
]
/** 300 invented place names, from syllables (deterministic). */
const PLACES = (() => {
  const r = random(3)
  const names = new Set()
  while (names.size < 300) {
    const n = Array.from({ length: int(r, 2, 3) }, () => pick(r, SYLLABLES)).join('')
    names.add(n[0].toUpperCase() + n.slice(1))
  }
  return [...names]
})()
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October']
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
const DAYS = {
  length: 1,
  pick: (r) => (r() < 0.5 ? pick(r, WEEKDAYS) : `${pick(r, MONTHS)} ${int(r, 1, 28)}`)
}
const SUBJECTS = [
  'The minister',
  'A spokesman for the navy',
  'Two people familiar with the matter',
  'The harbour master',
  'Officials in Velmar',
  'A senior diplomat',
  'The coast guard',
  'Local fishermen',
  'An analyst at the institute',
  'The defence ministry',
  'Witnesses at the port',
  'The agency',
  'A government statement',
  'Shipping companies',
  'Insurers in the capital',
  'A customs officer',
  'The port authority',
  'Crew members reached by telephone'
]
const VERBS = ['said', 'reported', 'confirmed', 'denied', 'estimated', 'warned', 'claimed', 'told reporters', 'wrote']
const TAILS = [
  '',
  '',
  '',
  ', according to Reuters',
  ', the agency reported',
  ', a statement said',
  ' without giving details',
  ', citing satellite images',
  ' in a briefing',
  ', officials added'
]
const CLAUSES = [
  (r) => `at least ${int(r, 2, 400)} ships were held at ${pick(r, PLACES)}`,
  (r) => `fewer than ${int(r, 2, 90)} vessels had been inspected since ${pick(r, DAYS)}`,
  (r) => `the convoy left ${pick(r, PLACES)} on ${pick(r, DAYS)} with ${int(r, 2, 40)} tankers`,
  (r) => `patrols near ${pick(r, PLACES)} had doubled over the past ${int(r, 2, 30)} days`,
  (r) => `${int(r, 2, 300)} crew members were questioned and later released`,
  (r) => `the blockade would be lifted once talks resumed in ${pick(r, PLACES)}`,
  (r) => `fuel prices in ${pick(r, PLACES)} rose by ${int(r, 2, 60)} percent in a week`,
  (r) => `no order to search civilian vessels near ${pick(r, PLACES)} had been given`,
  (r) => `the inspection point at ${pick(r, PLACES)} was closed for ${int(r, 2, 72)} hours`,
  (r) => `${int(r, 2, 50)} warships were seen moving toward ${pick(r, PLACES)} on ${pick(r, DAYS)}`,
  (r) => `grain shipments through ${pick(r, PLACES)} fell to ${int(r, 2, 900)} thousand tonnes`,
  (r) => `a drone was shot down over ${pick(r, PLACES)} late on ${pick(r, DAYS)}`,
  (r) => `the talks in ${pick(r, PLACES)} ended without agreement after ${int(r, 2, 14)} hours`,
  (r) => `insurance rates for tankers calling at ${pick(r, PLACES)} had tripled`,
  (r) => `${int(r, 2, 20)} journalists were refused entry at ${pick(r, PLACES)}`,
  (r) => `the ferry to ${pick(r, PLACES)} carried ${int(r, 20, 2000)} passengers before it was turned back`,
  (r) => `divers had found ${int(r, 2, 40)} mines in the channel off ${pick(r, PLACES)}`,
  (r) => `the ministry in ${pick(r, PLACES)} would compensate owners of ${int(r, 2, 500)} seized boats`,
  (r) => `a cargo of ${int(r, 2, 90)} thousand barrels was unloaded at ${pick(r, PLACES)} at night`,
  (r) => `radar stations at ${pick(r, PLACES)} and ${pick(r, PLACES)} stopped reporting on ${pick(r, DAYS)}`,
  (r) => `the mayor of ${pick(r, PLACES)} asked for ${int(r, 2, 80)} extra police officers`
]
/** Words a rewording puts in place of others. */
const REWORDS = {
  ships: 'vessels',
  vessels: 'boats',
  said: 'stated',
  held: 'detained',
  left: 'departed',
  seen: 'spotted',
  closed: 'shut',
  questioned: 'interviewed',
  released: 'freed',
  rose: 'climbed',
  fell: 'dropped',
  talks: 'negotiations',
  patrols: 'sweeps',
  convoy: 'flotilla',
  warned: 'cautioned',
  confirmed: 'acknowledged',
  denied: 'rejected'
}

function sentence(r) {
  const verb = pick(r, VERBS)
  const that = verb === 'told reporters' || r() < 0.5 ? '' : 'that '
  return `${pick(r, SUBJECTS)} ${verb} ${that}${pick(r, CLAUSES)(r)}${pick(r, TAILS)}.`
}

/** An article of about `size` characters: a title, then paragraphs of 3-7 sentences. */
export function makeArticle(size, seed = 7) {
  const r = random(seed)
  const paragraphs = []
  let length = 0
  while (length < size) {
    const sentences = Array.from({ length: int(r, 3, 7) }, () => sentence(r))
    const text = sentences.join(' ')
    paragraphs.push(text)
    length += text.length + 2
  }
  const title = 'Blockade tightens on the Sarn as talks stall'
  const text = [title, ...paragraphs].join('\n\n')
  return { text, paragraphs: paragraphOffsets(text) }
}

/** [start, end) of each paragraph after the title. */
function paragraphOffsets(text) {
  const out = []
  let start = text.indexOf('\n\n') + 2
  while (start < text.length) {
    const next = text.indexOf('\n\n', start)
    const end = next === -1 ? text.length : next
    out.push({ start, end })
    start = end + 2
  }
  return out
}

/** Sentences of [start, end), as [start, end) offsets. */
function sentencesIn(text, start, end) {
  const out = []
  let s = start
  const re = /\. /g
  re.lastIndex = start
  for (let m = re.exec(text); m && m.index < end; m = re.exec(text)) {
    out.push({ start: s, end: m.index + 1 })
    s = m.index + 2
  }
  out.push({ start: s, end })
  return out
}

/** `count` claims, each a run of 3-14 whole words within a sentence (one in ten running into the next). */
export function makeClaims(article, count, seed = 11) {
  const r = random(seed)
  const { text, paragraphs } = article
  const claims = []
  while (claims.length < count) {
    const p = pick(r, paragraphs)
    const sentences = sentencesIn(text, p.start, p.end)
    const k = Math.floor(r() * sentences.length)
    const s = sentences[k]
    const words = [...text.slice(s.start, s.end).matchAll(/\S+/g)].map((m) => ({
      start: s.start + m.index,
      end: s.start + m.index + m[0].replace(/[.,]+$/, '').length
    }))
    const n = int(r, Math.min(3, words.length), Math.min(14, words.length))
    const first = int(r, 0, words.length - n)
    let end = words[first + n - 1].end
    if (r() < 0.1 && k + 1 < sentences.length) {
      const next = sentences[k + 1]
      const more = [...text.slice(next.start, next.end).matchAll(/\S+/g)].slice(0, int(r, 1, 3))
      const last = more[more.length - 1]
      end = next.start + last.index + last[0].replace(/[.,]+$/, '').length
    }
    claims.push({ start: words[first].start, end })
  }
  return claims
}

/**
 * The edited version. Builds the new text from pieces that remember where they came from (kept old
 * text, new text, or new words replacing an old range), so the truth for any old range is known.
 */
export function editArticle(article, seed = 23, rates = {}) {
  const rate = {
    deleteParagraph: 0.02,
    insertParagraph: 0.02,
    movedParagraphs: 3,
    typo: 0.015,
    reword: 0.02,
    clause: 0.01,
    rewrite: 0.005,
    ...rates
  }
  const r = random(seed)
  const { text, paragraphs } = article
  const counts = {
    deletedParagraphs: 0,
    insertedParagraphs: 1,
    movedParagraphs: 0,
    typos: 0,
    rewords: 0,
    clauses: 0,
    rewrites: 0
  }
  /** One output paragraph: pieces { text, from } (from: old start) | { text } (new) | { text, replaces: [s, e] }. */
  const out = []
  out.push([{ text: text.slice(0, paragraphs[0].start - 2), from: 0 }])
  out.push([{ text: 'Updated with comment from the port authority and corrected figures from the coast guard.' }])

  for (const p of paragraphs) {
    if (r() < rate.deleteParagraph) {
      counts.deletedParagraphs++
      continue
    }
    const pieces = []
    for (const s of sentencesIn(text, p.start, p.end)) {
      if (pieces.length) pieces.push({ text: text.slice(s.start - 1, s.start), from: s.start - 1 })
      pieces.push(...editSentence(r, text, s, rate, counts))
    }
    out.push(pieces)
    if (r() < rate.insertParagraph) {
      counts.insertedParagraphs++
      out.push([{ text: Array.from({ length: int(r, 2, 5) }, () => sentence(r)).join(' ') }])
    }
  }
  for (let i = 0; i < rate.movedParagraphs; i++) {
    const from = int(r, 2, out.length - 1)
    const [moved] = out.splice(from, 1)
    out.splice(int(r, 2, out.length), 0, moved)
    counts.movedParagraphs++
  }

  // Assemble, remembering where each old character and each replacement went.
  const newOf = new Int32Array(text.length).fill(-1)
  const replacements = []
  let next = ''
  out.forEach((pieces, i) => {
    if (i > 0) next += '\n\n'
    for (const piece of pieces) {
      if (piece.from !== undefined) for (let k = 0; k < piece.text.length; k++) newOf[piece.from + k] = next.length + k
      if (piece.replaces)
        replacements.push({
          old: piece.replaces,
          new: [next.length, next.length + piece.text.length],
          whole: piece.whole
        })
      next += piece.text
    }
  })
  return { text: next, newOf, replacements, counts }
}

function editSentence(r, text, s, rate, counts) {
  const words = [...text.slice(s.start, s.end).matchAll(/[A-Za-z]+/g)].map((m) => ({
    start: s.start + m.index,
    end: s.start + m.index + m[0].length,
    word: m[0]
  }))
  const keep = (a, b) => (b > a ? [{ text: text.slice(a, b), from: a }] : [])
  const roll = r()
  if (roll < rate.rewrite) {
    counts.rewrites++
    return [{ text: sentence(r), replaces: [s.start, s.end], whole: true }]
  }
  if (roll < rate.rewrite + rate.typo) {
    const long = words.filter((w) => w.word.length >= 5)
    if (long.length) {
      counts.typos++
      const w = pick(r, long)
      const i = int(r, 1, w.word.length - 3)
      const fixed = w.word.slice(0, i) + w.word[i + 1] + w.word[i] + w.word.slice(i + 2)
      return [...keep(s.start, w.start), { text: fixed, replaces: [w.start, w.end] }, ...keep(w.end, s.end)]
    }
  } else if (roll < rate.rewrite + rate.typo + rate.reword) {
    const candidates = words.filter((w) => REWORDS[w.word])
    if (candidates.length) {
      counts.rewords++
      const w = pick(r, candidates)
      return [...keep(s.start, w.start), { text: REWORDS[w.word], replaces: [w.start, w.end] }, ...keep(w.end, s.end)]
    }
  } else if (roll < rate.rewrite + rate.typo + rate.reword + rate.clause && words.length > 4) {
    counts.clauses++
    const w = words[int(r, 1, words.length - 2)]
    return [...keep(s.start, w.end), { text: ', officials said,' }, ...keep(w.end, s.end)]
  }
  return keep(s.start, s.end)
}

/**
 * Where a claim on old [start, end) belongs in the new text: `same` (its words unchanged, at
 * `range`), `edited` (its words changed; `range` covers what became of them), `rewritten` (its
 * sentence was replaced whole; `range` is the new sentence) or `deleted`.
 */
export function truthOf(edit, start, end) {
  let lo = Infinity
  let hi = -Infinity
  let kept = 0
  for (let i = start; i < end; i++) {
    const n = edit.newOf[i]
    if (n === -1) continue
    kept++
    lo = Math.min(lo, n)
    hi = Math.max(hi, n + 1)
  }
  let whole = false
  let replaced = false
  for (const rep of edit.replacements) {
    if (rep.old[1] <= start || rep.old[0] >= end) continue
    replaced = true
    whole ||= rep.whole
    lo = Math.min(lo, rep.new[0])
    hi = Math.max(hi, rep.new[1])
  }
  if (lo === Infinity) return { kind: 'deleted' }
  if (whole) return { kind: 'rewritten', range: [lo, hi] }
  const same = !replaced && kept === end - start && hi - lo === end - start
  return { kind: same ? 'same' : 'edited', range: [lo, hi] }
}

/** How a placement compares with the truth: right, near (overlaps, boundaries differ), wrong, or missed. */
export function judge(truth, placed) {
  if (placed === null) return truth.kind === 'deleted' || truth.kind === 'rewritten' ? 'right' : 'missed'
  if (truth.kind === 'deleted') return 'wrong'
  const [ts, te] = truth.range
  const [s, e] = placed
  if (truth.kind === 'rewritten') return s >= ts && e <= te ? 'near' : 'wrong'
  if (s === ts && e === te) return 'right'
  const overlap = Math.min(e, te) - Math.max(s, ts)
  if (overlap <= 0) return 'wrong'
  const union = Math.max(e, te) - Math.min(s, ts)
  return overlap / union >= 0.8 ? 'right' : 'near'
}
