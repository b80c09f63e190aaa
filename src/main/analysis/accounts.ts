// Accounts that diverge about one event, read off claims that carry no topic tag. With no tag to say two
// claims are about one thing, a pair must show it in its own words: a denial that points back at the
// report before it ("denied the report", "any such instruction", "disputes that figure"); a denial that
// shares the event's words with the account before it; opposed stances on one place; an expectation
// against a fact in the same words; a figure disputed against the figure it disputes. A bare negation
// ("no vessels were hit") is as often of something else and links nothing. Only claims of one document
// are compared: what a document sets side by side is what an analyst reads side by side.
import { contentStems, OPPOSED, stem, type ClaimFacts } from './claim-facts'
import { GENERIC_STEMS, namesIn } from './measures'
import { unitClassOf } from './quantities'

interface Reading {
  /** Names in the quote (first five letters, lower case), and those after a preposition of place. */
  names: Set<string>
  places: Set<string>
  /** Content stems of the quote, less names and the words of reporting and counting. */
  words: Set<string>
  /** Unit classes of the figures it gives (none counted as none). */
  units: Set<string>
}
/** A claim, and what its quote names and says, read when a rule first needs it (few claims are). */
interface Account extends Partial<Reading> {
  f: ClaimFacts
}

function read(a: Account): Required<Account> {
  if (a.names) return a as Required<Account>
  const f = a.f
  const names = new Set<string>()
  const places = new Set<string>()
  for (const { key, place } of namesIn(f.sentence, f.quoteStart, f.quoteEnd)) {
    names.add(key)
    if (place) places.add(key)
  }
  const unitWords = new Set(f.quantities.flatMap((q) => q.unit.split(/\s+/).map(stem)))
  const words = new Set(
    [...f.stems].filter((s) => !GENERIC_STEMS.has(s) && !unitWords.has(s) && !names.has(s.slice(0, 5)))
  )
  // Each figure's unit class, and the class of its unit's last word ("confirmed cases": cases).
  const units = new Set(
    f.quantities.filter((q) => q.value > 0).flatMap((q) => [q.unitClass, unitClassOf(q.unit.split(/\s+/).at(-1)!)])
  )
  return Object.assign(a, { names, places, words, units })
}

const count = <T>(a: Set<T>, b: Set<T>) => {
  let n = 0
  for (const x of a) if (b.has(x)) n++
  return n
}

/**
 * A denial that points back at what it denies: "denied the report", "disputes that figure", "rejected
 * it"; "any such instruction" however it is denied.
 */
const POINTS_BACK =
  /\b(?:the|this|that|these|those)\s+(?:reports?|claims?|allegations?|accounts?|story|stories|figures?|numbers?|estimates?|counts?)\b|\b(?:denied|denies|deny|rejected|rejects|dismissed|dismisses|disputed|disputes|refuted|refutes)\s+(?:it|this|them)\b/i
const ANY_SUCH = /\bany\s+such\b/i
/** "advanced in the south of the town": ground gained, not a place taken; it can stand beside positions still held. */
const TAKEN_OUTRIGHT =
  /\b(?:seized|captured|liberated|cleared|overran|overrun|took|taken|gained|restored|established|now\s+(?:hold|holds|held|control|controls))\b/i
const HELD_OFF = /\b(?:repelled|repulsed|beat(?:en)?\s+back|pushed\s+(?:\S+\s+){0,2}?back)\b/i

/** Claims closer than this (characters) in one document follow each other. */
const NEAR = 300
/** How many claims back in a document each claim is compared with; a denial or a stance, further. */
const BACK = 6
const FAR_BACK = 40

/** Why two accounts (first before then in one document, from two sources) diverge about one event, or null. */
function diverge(first: Account, then: Account, close: boolean, near: boolean, justBefore: boolean): string | null {
  // Every pair below has a denial, a disputed account, two stances or one expectation.
  const [p, q] = [first.f, then.f]
  if (!q.negative && q.disputes !== 'account' && !(p.stance && q.stance) && p.expected === q.expected) return null
  const a = read(first)
  const b = read(then)
  const words = count(a.words, b.words)
  const names = count(a.names, b.names)
  const quote = b.f.claim.quote.exact
  // "The ministry denied the report", "not aware of any such correspondence": of the claim just before.
  if (justBefore && b.f.negative && ((b.f.denial && POINTS_BACK.test(quote)) || ANY_SUCH.test(quote)))
    return 'denies the report before it'
  // "The real cause was ...": against the account before it that it shares words with.
  if (b.f.disputes === 'account' && close && words >= 1) return 'disputes its account'
  // A denial after the account it denies, of the same event: a word of it just after it, two a few claims
  // after it, or two and a name anywhere after it.
  if (b.f.denial && !a.f.negative && ((close && words >= 1) || (words >= 2 && (names >= 1 || near)))) return 'denies it'
  // Opposed stances on one place: "seized Tovin" and "still holds Tovin"; supplies of one thing.
  const [x, y] = [a.f.stance, b.f.stance]
  if (x && y === OPPOSED[x]) {
    if (x.startsWith('supplies')) return words >= 1 ? 'opposed' : null
    const advance = [a, b].find((c) => c.f.stance === 'ground taken' && !TAKEN_OUTRIGHT.test(c.f.claim.quote.exact))
    const held = advance === a ? b : a
    if (advance && !HELD_OFF.test(held.f.claim.quote.exact)) return null
    if (count(a.places, b.places) >= 1 || names >= 1 || close) return 'opposed'
  }
  // An expectation against a fact, told in the same words.
  if (x === null && y === null && a.f.expected !== b.f.expected && a.f.negative === b.f.negative)
    if (words >= 2 && (names >= 1 || close)) return 'expected'
  return null
}

/**
 * "The real number of cases is at least double the official count": a claim disputing a figure against
 * the nearest figure before it, from another source, in the unit it names; naming none and giving no
 * figure of its own ("the true number was nearer 120"), against the figure just before it.
 */
function disputedFigure(list: Account[], j: number): Account | undefined {
  const d = list[j]
  if (d.f.disputes !== 'figure') return undefined
  // The units its words name, less those of its own figures ("57 people ... far more than reported").
  const own = d.f.quantities.map((q) => d.f.sentence.slice(q.start, q.end)).join(' ')
  const named = new Set(
    (d.f.claim.quote.exact.match(/\p{L}+/gu) ?? [])
      .filter((w) => !own.includes(w))
      .map((w) => unitClassOf(w.toLowerCase()))
  )
  const before = list
    .slice(0, j)
    .filter((x) => x.f.claim.sourceId !== d.f.claim.sourceId && x.f.quantities.length)
    .map(read)
    .filter((x) => x.units.size)
  const inUnit = before.findLast((x) => [...x.units].some((u) => named.has(u)))
  if (inUnit || read(d).units.size) return inUnit
  const last = before.at(-1)
  return last && list.indexOf(last) >= j - 2 && d.f.claim.position.start - last.f.claim.position.end < NEAR
    ? last
    : undefined
}

/**
 * Untagged claims whose accounts diverge about one event: sets of claims from two or more sources, each
 * linked to another by one of the pairs `diverge` reads. Claims from one source never diverge.
 */
export function divergingAccounts(facts: readonly ClaimFacts[]): ClaimFacts[][] {
  const byDoc = new Map<string, Account[]>()
  for (const f of facts) {
    if (f.tags.length || !f.claim.sourceId) continue
    const list = byDoc.get(f.claim.documentId)
    const account: Account = { f }
    if (list) list.push(account)
    else byDoc.set(f.claim.documentId, [account])
  }
  const parent = new Map<ClaimFacts, ClaimFacts>()
  const find = (x: ClaimFacts): ClaimFacts => {
    const p = parent.get(x) ?? x
    if (p === x) return x
    const root = find(p)
    parent.set(x, root)
    return root
  }
  const linked = new Set<ClaimFacts>()
  const link = (a: ClaimFacts, b: ClaimFacts) => {
    linked.add(a).add(b)
    const ra = find(a)
    const rb = find(b)
    if (ra !== rb) parent.set(ra, rb)
  }
  for (const list of byDoc.values()) {
    list.sort((x, y) => x.f.claim.position.start - y.f.claim.position.start)
    for (let j = 1; j < list.length; j++) {
      const b = list[j]
      let justBefore = true
      const back = b.f.denial || b.f.stance ? FAR_BACK : BACK
      for (let i = j - 1; i >= 0 && i >= j - back; i--) {
        const a = list[i]
        if (a.f.claim.sourceId === b.f.claim.sourceId) continue
        const close = j - i <= 2 && b.f.claim.position.start - a.f.claim.position.end < NEAR
        if (diverge(a, b, close, j - i <= BACK, justBefore)) link(a.f, b.f)
        justBefore = false
      }
      const disputed = disputedFigure(list, j)
      if (disputed) link(disputed.f, b.f)
    }
  }
  const sets = new Map<ClaimFacts, ClaimFacts[]>()
  for (const f of linked) {
    const root = find(f)
    const set = sets.get(root)
    if (set) set.push(f)
    else sets.set(root, [f])
  }
  return [...sets.values()].map((set) => set.sort((x, y) => x.claim.position.start - y.claim.position.start))
}

/**
 * What a set of accounts is about, for its subject: the names and words most of its claims share
 * ("clinic, Marrow"), else the words of its first claim.
 */
export function accountSubject(members: readonly ClaimFacts[]): string {
  const seen = new Map<string, { text: string; n: number; at: number }>()
  members.forEach((f, k) => {
    const taken = new Set<string>()
    for (const m of f.claim.quote.exact.matchAll(/\p{L}[\p{L}'’-]*/gu)) {
      const w = m[0].replace(/['’]s$/, '')
      const key = stem(w)
      if (w.length < 4 || GENERIC_STEMS.has(key) || !contentStems(w).size || taken.has(key)) continue
      taken.add(key)
      const x = seen.get(key)
      if (x) x.n++
      else seen.set(key, { text: /^\p{Lu}\p{Ll}/u.test(w) ? w : w.toLowerCase(), n: 1, at: k * 1000 + m.index })
    }
  })
  const shared = [...seen.entries()].filter(([, x]) => x.n > 1).sort(([, x], [, y]) => y.n - x.n || x.at - y.at)
  const top = (shared.length ? shared : [...seen.entries()]).slice(0, 3)
  if (top.length === 0) return 'one event'
  return phraseWith(members, new Set(top.map(([key]) => key))) ?? top.map(([, x]) => x.text).join(', ')
}

/** The shortest run of a claim's words holding every one of `keys` (stems) with at most two words between. */
function phraseWith(members: readonly ClaimFacts[], keys: ReadonlySet<string>): string | undefined {
  let best: string | undefined
  for (const f of members) {
    const quote = f.claim.quote.exact
    const words = [...quote.matchAll(/\p{L}[\p{L}'’-]*/gu)].map((m) => ({
      key: stem(m[0].replace(/['’]s$/, '')),
      start: m.index,
      end: m.index + m[0].length
    }))
    for (let i = 0; i < words.length; i++) {
      if (!keys.has(words[i].key)) continue
      const found = new Set<string>()
      for (let j = i; j < words.length && j - i < keys.size + 2; j++) {
        if (keys.has(words[j].key)) found.add(words[j].key)
        if (found.size < keys.size) continue
        const phrase = quote.slice(words[i].start, words[j].end)
        if (!best || phrase.length < best.length) best = phrase
        break
      }
    }
  }
  return best
}
