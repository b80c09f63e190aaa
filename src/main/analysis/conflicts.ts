// Conflict sets: claims about one thing whose figures or accounts diverge, as one set of any size,
// and claims whose figures agree by arithmetic or say the same. Claims are about one thing when they
// share a topic tag, or (untagged) when their figures measure one thing: one unit, one event, one side,
// one place and one time (measures.ts).
import type { CaseDocument, Claim, Source } from '../../shared/model'
import { agrees, directionOf, implied, MAX_PARTS_TRIED, partsOf, sumText, type Implied } from './arithmetic'
import { claimFacts, OPPOSED, type ClaimFacts } from './claim-facts'
import { accountSubject, divergingAccounts } from './accounts'
import { apart, describeMeasure, measuresOf, ties, type Measure } from './measures'
import { measureOf, unitClassOf } from './quantities'
import type { ConflictFigure, ConflictSet, ConflictSetProposal, Quantity } from '../../shared/analysis'
import { quoteForDisplay } from '../../shared/briefing/quotes'

export interface ConflictInput {
  claims: readonly Claim[]
  documents: readonly Pick<CaseDocument, 'id' | 'text'>[]
  /** For names in the explanations. */
  sources?: readonly Pick<Source, 'id' | 'name'>[]
  /** Sets the case already holds (any status): the same set is not proposed again. */
  known?: readonly Pick<ConflictSet, 'kind' | 'claimIds'>[]
}

interface Group {
  subject: string
  members: ClaimFacts[]
  byTopic: boolean
}

const keyOf = (kind: string, basis: string, ids: readonly string[]) => `${kind}:${basis}:${[...ids].sort().join(',')}`

/** Counts of a narrower class are also counts of a broader one: soldiers are people. */
const BROADER: Record<string, string> = { troops: 'people' }

type Figure = { f: ClaimFacts; q: Quantity }

/**
 * The figure each claim of a group gives for each unit, in claim order: not a whole it is part of, not
 * one end of a change, not an increment. "No one was hurt" (none of a broader class) counts for the
 * narrower one too.
 */
function figuresByClass(g: Group): Map<string, Figure[]> {
  const out = new Map<string, Figure[]>()
  const main = (q: Quantity) => !q.increment && !q.role?.match(/whole|from|to/)
  g.members.forEach((f) => {
    const taken = new Set<string>()
    for (const q of f.quantities) {
      if (taken.has(q.unitClass) || !main(q)) continue
      taken.add(q.unitClass)
      if (!out.has(q.unitClass)) out.set(q.unitClass, [])
      out.get(q.unitClass)!.push({ f, q })
    }
  })
  for (const [narrow, broad] of Object.entries(BROADER)) {
    const list = out.get(narrow)
    if (!list) continue
    const order = new Map(g.members.map((f, i) => [f, i]))
    const inList = new Set(list.map((x) => x.f))
    for (const x of out.get(broad) ?? []) if (x.q.value === 0 && !inList.has(x.f)) list.push(x)
    list.sort((a, b) => order.get(a.f)! - order.get(b.f)!)
  }
  return out
}

const disjoint = (a: Quantity, b: Quantity) =>
  (a.highBound !== null && b.low !== null && a.highBound < b.low) ||
  (b.highBound !== null && a.low !== null && b.highBound < a.low)

class UnionFind {
  private parent = new Map<string, string>()
  find(x: string): string {
    let p = this.parent.get(x) ?? x
    if (p !== x) {
      p = this.find(p)
      this.parent.set(x, p)
    }
    return p
  }
  union(a: string, b: string): void {
    const ra = this.find(a)
    const rb = this.find(b)
    if (ra !== rb) this.parent.set(ra, rb)
  }
}

const shared = (a: Set<string>, b: Set<string>) => {
  let n = 0
  for (const w of a) if (b.has(w)) n++
  return n
}

function groupsOf(facts: ClaimFacts[], texts: ReadonlyMap<string, string>): Group[] {
  const byTag = new Map<string, Group>()
  for (const f of facts)
    for (const tag of f.tags) {
      if (!byTag.has(tag))
        byTag.set(tag, {
          subject: f.claim.tags.find((t) => t.trim().toLowerCase() === tag)!.trim(),
          members: [],
          byTopic: true
        })
      byTag.get(tag)!.members.push(f)
    }
  return [...[...byTag.values()].map((g) => withUnitsFilledIn(inOneUnit(g))), ...byMeasure(facts, texts).map(inOneUnit)]
}

/** Figures that play a part beside a claim's main figure: the whole it is part of, the ends of a change. */
const companion = (q: Quantity) => !!q.role && q.role !== 'part'

/**
 * Untagged claims whose figures measure one thing (see measures.ts): figures that something ties
 * together and nothing sets apart, strongest ties first; a figure joins a set only when it is set apart
 * from none of the set's figures, so a figure that fits two measures does not join them.
 */
function byMeasure(facts: ClaimFacts[], texts: ReadonlyMap<string, string>): Group[] {
  const figures: { f: ClaimFacts; m: Measure }[] = []
  for (const f of facts)
    if (!f.tags.length)
      for (const m of measuresOf(f)) if (!m.q.increment && m.q.role !== 'whole') figures.push({ f, m })
  const edges = new Map<number, { a: number; b: number; weight: number }>()
  const n = figures.length
  const consider = (a: number, b: number, bonus: number, adjacent = false) => {
    if (figures[a].f === figures[b].f) return
    const k = a < b ? a * n + b : b * n + a
    if (edges.has(k)) return
    const x = figures[a].m
    const y = figures[b].m
    if (!x.keys.some((key) => y.keys.includes(key)) || apart(x, y)) return
    let weight = ties(x, y) + bonus
    // Only when short of a tie: the one-after-the-other reading looks at the text between the claims.
    if (weight < TIES && adjacent && alike(x, y) && !target(figures[a].f, x.q) && !target(figures[b].f, y.q))
      weight += answers(figures[a].f, figures[b].f, texts) ? 1 : 0
    if (weight >= TIES) edges.set(k, { a, b, weight })
  }
  // Within a document, every two figures filed under one unit; a figure in the claim right after
  // another's ties to it ("... 58 percent." "The network's own count there was 41 percent.").
  const byDoc = new Map<string, number[]>()
  figures.forEach(({ f }, i) => {
    const list = byDoc.get(f.claim.documentId)
    if (list) list.push(i)
    else byDoc.set(f.claim.documentId, [i])
  })
  for (const list of byDoc.values()) {
    list.sort((a, b) => figures[a].f.claim.position.start - figures[b].f.claim.position.start)
    for (let i = 1; i < list.length; i++) {
      const a = figures[list[i - 1]].f
      const b = figures[list[i]].f
      const gap = b.claim.position.start - a.claim.position.end
      if (gap >= 0 && gap < NEAR) consider(list[i - 1], list[i], POINTS_BACK.test(b.claim.quote.exact) ? 2 : 1, true)
      for (let j = 0; j < i - 1 && j < PER_DOCUMENT; j++) consider(list[j], list[i], 0)
    }
  }
  // Across documents, figures filed under one unit that share an event or a name.
  const index = new Map<string, number[]>()
  figures.forEach(({ m }, i) => {
    for (const key of m.keys)
      for (const k of [...(m.event ? [`${key}|e|${m.event}`] : []), ...[...m.names].map((x) => `${key}|n|${x}`)]) {
        const list = index.get(k)
        if (list) list.push(i)
        else index.set(k, [i])
      }
  })
  for (const list of index.values())
    for (let i = 1; i < list.length; i++)
      for (let j = Math.max(0, i - WINDOW); j < i; j++) consider(list[j], list[i], 0)
  // Sets of figures, strongest ties first; never two figures set apart in one set.
  const setOf = figures.map((_, i) => i)
  const members = figures.map((_, i) => [i])
  const find = (i: number): number => (setOf[i] === i ? i : (setOf[i] = find(setOf[i])))
  for (const { a, b } of [...edges.values()].sort((x, y) => y.weight - x.weight)) {
    const ra = find(a)
    const rb = find(b)
    if (ra === rb) continue
    const clash = members[ra]
      .slice(0, CHECKED)
      .some((i) => members[rb].slice(0, CHECKED).some((j) => apart(figures[i].m, figures[j].m)))
    if (clash) continue
    setOf[rb] = ra
    members[ra].push(...members[rb])
    members[rb] = []
  }
  const groups: Group[] = []
  for (const list of members) {
    const claims = new Map<ClaimFacts, Quantity[]>()
    for (const i of list) {
      const { f, m } = figures[i]
      claims.set(f, [...(claims.get(f) ?? []), m.q])
    }
    if (claims.size < 2) continue
    const first = figures[list[0]].m
    groups.push({
      subject: describeMeasure(first),
      byTopic: false,
      members: [...claims].map(([f, qs]) => ({
        ...f,
        // The figures of this measure, with the wholes and ends of a change that go with them.
        quantities: f.quantities.filter(
          (q) => qs.includes(q) || (companion(q) && qs.some((x) => x.unitClass === q.unitClass))
        )
      }))
    })
  }
  return groups
}
/** How much must tie two figures together (see `ties`): the same event, or two names or words. */
const TIES = 2
/** How many figures of each of two sets are checked before they join (sets are rarely larger). */
const CHECKED = 12
/** How many figures of a document each is compared with (a document's figures are rarely more). */
const PER_DOCUMENT = 400
/** How many figures back along one index entry a figure is compared with. */
const WINDOW = 12
/** Words by which a claim points back to the one before it: "the same period", "there", "that figure". */
const POINTS_BACK =
  /\bthe same\b|\bthere\b(?!\s+(?:is|are|was|were|had|has|have|will|would)\b)|\b(?:that|this|the) (?:figure|number|count|estimate|total)\b|\bof them\b/i
/**
 * Two speakers' claims one after the other with no heading between answer one question ("its manifest
 * listed 212 passengers" ... "about 240 people had been aboard").
 */
function answers(a: ClaimFacts, b: ClaimFacts, texts: ReadonlyMap<string, string>): boolean {
  if (!a.claim.sourceId || !b.claim.sourceId || a.claim.sourceId === b.claim.sourceId) return false
  const text = texts.get(a.claim.documentId)
  if (!text) return false
  const lines = text.slice(a.claim.position.end, b.claim.position.start).split('\n').slice(1, -1)
  return !lines.some((l) => l.trim() && !/[.!"”’]$/.test(l.trim()))
}
/** Nothing tells two figures apart: the same event, side and place, or none given for either. */
const alike = (x: Measure, y: Measure) =>
  x.event === y.event && same(x.actors, y.actors) && same(x.places, y.places) && x.of === y.of
/** "cutting the order to four ships": a figure something is brought to, not a count of what is. */
const target = (f: ClaimFacts, q: Quantity) => /\bto\s+$/i.test(f.sentence.slice(Math.max(0, q.start - 4), q.start))
const same = <T>(a: Set<T>, b: Set<T>) => a.size === b.size && [...a].every((v) => b.has(v))
/** Claims closer than this (characters) in one document follow each other. */
const NEAR = 300

/**
 * A topic's figures that add up to another of its figures, from two claims or more: "19 bodies
 * recovered" and "four died in hospital" beside "the death toll stands at 23". Soldiers count as people.
 */
function sums(g: Group, add: Add): void {
  const byClass = new Map<string, { f: ClaimFacts; q: Quantity }[]>()
  for (const f of g.members)
    for (const q of f.quantities) {
      // Not the ends of a change or of a range, nor what is only expected ("would send 1,500 more").
      if (q.role === 'from' || q.role === 'to' || q.bound === 'range' || f.expected) continue
      if (q.unitClass === 'time' || q.unitClass === 'percent') continue
      const cls = BROADER[q.unitClass] ?? q.unitClass
      if (!byClass.has(cls)) byClass.set(cls, [])
      byClass.get(cls)!.push({ f, q })
    }
  const used = new Set<Quantity>()
  for (const figures of byClass.values()) {
    // A large topic's figures are many counts, not the parts of one: no sums looked for (2^n subsets).
    if (figures.length < 3 || figures.length > MAX_PARTS_TRIED + 1) continue
    const claimOf = new Map(figures.map((x) => [x.q, x.f]))
    // The largest totals first: a total is never also a part of another sum.
    for (const total of [...figures].sort((a, b) => b.q.value - a.q.value)) {
      // A total is a count stated as one: not an increment, not a floor ("at least 23"), not a figure set
      // against another's ("closer to forty").
      if (total.q.increment || used.has(total.q) || total.f.disputes === 'figure') continue
      if (total.q.bound === 'at-least' || total.q.bound === 'more-than') continue
      // "six dead and 20 injured": figures side by side in one claim are no total and part.
      const sibling = (x: { f: ClaimFacts; q: Quantity }) =>
        x.f === total.f &&
        /^[^.;]{0,40}\band\s+$/.test(
          total.f.sentence.slice(Math.min(x.q.end, total.q.end), Math.max(x.q.start, total.q.start))
        )
      const parts = partsOf(
        total.q,
        figures.filter((x) => !used.has(x.q) && !sibling(x)).map((x) => x.q)
      )
      if (!parts) continue
      const claims = new Set([total.f, ...parts.map((q) => claimOf.get(q)!)])
      if (claims.size < 2) continue
      for (const q of [total.q, ...parts]) used.add(q)
      add({
        kind: 'consistent',
        basis: 'arithmetic',
        claimIds: [...claims].map((f) => f.claim.id),
        subject: g.subject,
        unit: total.q.unit,
        explanation: `${sumText(parts, total.q)}: the figures add up.`,
        figures: []
      })
    }
  }
}

/**
 * "40 kilometres" beside "25 miles": measures of one dimension in a group are put in the unit its first
 * such figure uses, so that they compare; each keeps the text it was written in.
 */
function inOneUnit(g: Group): Group {
  const reference = new Map<string, { unit: string; unitClass: string; size: number }>()
  let changed = false
  const members = g.members.map((f) => {
    const quantities = f.quantities.map((q) => {
      const m = measureOf(q.unit)
      if (!m) return q
      const ref = reference.get(m.dimension)
      if (!ref) {
        reference.set(m.dimension, { unit: q.unit, unitClass: q.unitClass, size: m.size })
        return q
      }
      if (ref.unitClass === q.unitClass) return q
      changed = true
      const k = m.size / ref.size
      const scale = (n: number | null) => (n === null ? null : n * k)
      return {
        ...q,
        value: q.value * k,
        ...(q.high !== undefined ? { high: q.high * k } : {}),
        low: scale(q.low),
        highBound: scale(q.highBound),
        unit: ref.unit,
        unitClass: ref.unitClass
      }
    })
    return quantities.some((q, i) => q !== f.quantities[i]) ? { ...f, quantities } : f
  })
  return changed ? { ...g, members } : g
}

/**
 * "Air defence shot down 41 of them" beside "closer to 35 drones": where a topic's figures count one
 * thing, a figure whose claim leaves the unit out counts it too.
 */
function withUnitsFilledIn(g: Group): Group {
  if (!g.members.some((f) => f.bare.length)) return g
  const counted = g.members.flatMap((f) => f.quantities.filter((q) => q.value > 0 && q.unitClass !== 'percent'))
  if (!counted.length || new Set(counted.map((q) => q.unitClass)).size > 1) return g
  const donor = counted[0]
  const members = g.members.map((f) =>
    f.bare.length && !f.quantities.some((q) => q.unitClass === donor.unitClass)
      ? {
          ...f,
          quantities: [...f.quantities, ...f.bare.map((q) => ({ ...q, unit: donor.unit, unitClass: donor.unitClass }))]
        }
      : f
  )
  return { ...g, members }
}

/**
 * Proposed conflict and consistent sets over a case: diverging figures, diverging accounts (one source
 * denies or negates what another asserts; one reports as expected what another reports as happening;
 * opposed stances; a figure or account disputed), arithmetic that agrees (or, for an explicit change,
 * disagrees) with a stated percentage, and figures or accounts of a topic that say the same. A topic's
 * diverging figures and accounts are one conflict set. Figures or accounts from one source never
 * conflict with each other (a revision is not a conflict).
 */
export function findConflictSets(input: ConflictInput): ConflictSetProposal[] {
  const docs = new Map(input.documents.map((d) => [d.id, d]))
  const names = new Map((input.sources ?? []).map((s) => [s.id, s.name]))
  const facts = input.claims.map((c) => claimFacts(c, docs.get(c.documentId)))
  const who = (f: ClaimFacts) => (f.claim.sourceId ? (names.get(f.claim.sourceId) ?? 'unnamed source') : 'unattributed')
  const out = new Map<string, ConflictSetProposal>()
  const sameSet = (kind: string, ids: readonly string[]) => `${kind}:${[...ids].sort().join(',')}`
  const seen = new Set<string>()
  const speakerOf = new Map(input.claims.map((c) => [c.id, c.sourceId]))
  const add = (p: Omit<ConflictSetProposal, 'key'>) => {
    // The same claims found twice (by their figures and by their accounts) are one set.
    if (seen.has(sameSet(p.kind, p.claimIds))) return
    seen.add(sameSet(p.kind, p.claimIds))
    const key = keyOf(p.kind, p.basis, p.claimIds)
    out.set(key, { key, ...p, explanation: p.explanation + oneSourceCaveat(p, speakerOf, names) })
  }

  // Untagged diverging figures, kept until the diverging accounts are known.
  const figureSets: Omit<ConflictSetProposal, 'key'>[] = []
  const texts = new Map(input.documents.map((d) => [d.id, d.text]))
  for (const g of groupsOf(facts, texts)) {
    const byClass = figuresByClass(g)
    if (!g.byTopic) {
      const before = figureSets.length
      figureConflicts(g, byClass, who, (p) => figureSets.push(p))
      arithmetic(g, add)
      // Figures that agree, from two sources or more, where none of the measure's figures diverge.
      if (figureSets.length === before)
        figuresThatAgree(g, byClass, who, (p) => {
          if (new Set(p.claimIds.map((id) => speakerOf.get(id))).size > 1) add(p)
        })
      continue
    }
    // One topic, one conflict set: its diverging figures and its diverging accounts side by side.
    const conflicts: Omit<ConflictSetProposal, 'key'>[] = []
    const others: Omit<ConflictSetProposal, 'key'>[] = []
    const collect: Add = (p) => (p.kind === 'conflict' && p.basis !== 'arithmetic' ? conflicts : others).push(p)
    figureConflicts(g, byClass, who, collect)
    arithmetic(g, collect)
    sums(g, collect)
    figuresThatAgree(g, byClass, who, collect)
    accountConflicts(g, who, collect)
    accountsThatAgree(g, who, collect)
    if (conflicts.length) add(merged(conflicts))
    others.forEach(add)
  }
  // Untagged diverging accounts, each in one set with the diverging figures of any of its claims ("the
  // real number is at least double" beside the figures it disputes), as a topic would have them.
  for (const members of divergingAccounts(facts)) {
    const ids = new Set(members.map((f) => f.claim.id))
    const withFigures = figureSets.filter((p) => p.claimIds.some((id) => ids.has(id)))
    const accounts = accountsDiverge(members, accountSubject(members), who)
    if (!withFigures.length) add(accounts)
    else {
      withFigures.forEach((p) => figureSets.splice(figureSets.indexOf(p), 1))
      figureSets.push(merged([...withFigures, { ...accounts, subject: withFigures[0].subject }]))
    }
  }
  figureSets.forEach(add)
  const known = new Set((input.known ?? []).map((k) => sameSet(k.kind, k.claimIds)))
  return [...out.values()].filter((p) => !known.has(sameSet(p.kind, p.claimIds)))
}

type Add = (p: Omit<ConflictSetProposal, 'key'>) => void

/** Several conflict sets about one topic as one: the first's basis, every claim once, every explanation. */
function merged(sets: Omit<ConflictSetProposal, 'key'>[]): Omit<ConflictSetProposal, 'key'> {
  if (sets.length === 1) return sets[0]
  return {
    ...sets[0],
    claimIds: [...new Set(sets.flatMap((p) => p.claimIds))],
    explanation: sets.map((p) => p.explanation).join(' '),
    figures: sets.flatMap((p) => p.figures)
  }
}

function describe(q: Quantity, f: ClaimFacts, who: (f: ClaimFacts) => string): string {
  const when = q.time ? `, ${q.time.text}` : ''
  // The figure as written, with the unit after it when the text leaves it out ("41" of them, not "no one").
  const figure = /\d[^\p{L}%]*$/u.test(q.text) ? `${q.text} ${q.unit}` : q.text
  return `${figure.replace(/["”]/g, '')} (${who(f)}${when})`
}

const sameSource = (a: ClaimFacts, b: ClaimFacts) => !!a.claim.sourceId && a.claim.sourceId === b.claim.sourceId

/**
 * A source that gives several diverging figures for one thing in one document has revised it ("six
 * dead" at dawn, "14" by midday, "at least 23" in the lead): its figure is the one the document gives
 * first, where a report puts its latest; the figures it gave before that do not take part.
 */
function headlineFigures(list: Figure[]): Figure[] {
  const keyOf = (x: Figure) => `${x.f.claim.sourceId}|${x.f.claim.documentId}`
  const first = new Map<string, Figure>()
  for (const x of list) {
    if (!x.f.claim.sourceId) continue
    const seen = first.get(keyOf(x))
    if (!seen || x.f.claim.position.start < seen.f.claim.position.start) first.set(keyOf(x), x)
  }
  return list.filter((x) => {
    const head = x.f.claim.sourceId ? first.get(keyOf(x)) : undefined
    return !head || head === x || !disjoint(head.q, x.q)
  })
}

function figureConflicts(g: Group, byClass: Map<string, Figure[]>, who: (f: ClaimFacts) => string, add: Add): void {
  for (const [unitClass, all] of byClass) {
    if (all.length < 2) continue
    const withFigure = headlineFigures(all)
    // Percentages of different things ("of its grain", "of households") are not one figure.
    const ofs = new Set(withFigure.map((x) => x.q.of).filter(Boolean))
    if (unitClass === 'percent' && ofs.size > 1) continue
    // Only figures that diverge from another source's belong: one that fits every other is no part of it.
    const diverging = new Set<number>()
    for (let i = 0; i < withFigure.length; i++)
      for (let j = i + 1; j < withFigure.length; j++) {
        const a = withFigure[i]
        const b = withFigure[j]
        if (sameSource(a.f, b.f)) continue
        if (disjoint(a.q, b.q)) diverging.add(i).add(j)
      }
    if (!diverging.size) continue
    const shown = withFigure.filter((_, i) => diverging.has(i))
    const figures: ConflictFigure[] = shown.map(({ f, q }) => ({ claimId: f.claim.id, quantity: q }))
    add({
      kind: 'conflict',
      basis: 'figures',
      claimIds: [...new Set(figures.map((x) => x.claimId))],
      subject: g.subject,
      unit: shown[0].q.unit,
      explanation: `${shown.length} figures for ${g.subject} differ: ${shown.map(({ f, q }) => describe(q, f, who)).join('; ')}.`,
      figures
    })
  }
}

/**
 * Two figures that say the same: their ranges meet and their values are within a fifth of each other.
 * Two counts of none ("nobody was hurt", "nobody told them") say nothing in common.
 */
function sameFigure(a: Quantity, b: Quantity): boolean {
  if (disjoint(a, b) || !a.value || !b.value) return false
  return Math.abs(a.value - b.value) <= 0.2 * Math.max(a.value, b.value)
}

/** Figures for one unit of a topic that say the same thing, from two or more claims: one set each. */
function figuresThatAgree(g: Group, byClass: Map<string, Figure[]>, who: (f: ClaimFacts) => string, add: Add): void {
  for (const [unitClass, withFigure] of byClass) {
    if (withFigure.length < 2 || withFigure.length > 200) continue
    const ofs = new Set(withFigure.map((x) => x.q.of).filter(Boolean))
    if (unitClass === 'percent' && ofs.size > 1) continue
    const uf = new UnionFind()
    for (let i = 0; i < withFigure.length; i++)
      for (let j = i + 1; j < withFigure.length; j++)
        if (sameFigure(withFigure[i].q, withFigure[j].q)) uf.union(withFigure[i].f.claim.id, withFigure[j].f.claim.id)
    const clusters = new Map<string, typeof withFigure>()
    for (const x of withFigure) {
      const root = uf.find(x.f.claim.id)
      clusters.set(root, [...(clusters.get(root) ?? []), x])
    }
    for (const agreeing of clusters.values()) {
      if (agreeing.length < 2) continue
      add({
        kind: 'consistent',
        basis: 'figures',
        claimIds: agreeing.map((x) => x.f.claim.id),
        subject: g.subject,
        unit: agreeing[0].q.unit,
        explanation: `${agreeing.length} figures for ${g.subject} agree: ${agreeing.map(({ f, q }) => describe(q, f, who)).join('; ')}.`,
        figures: agreeing.map(({ f, q }) => ({ claimId: f.claim.id, quantity: q }))
      })
    }
  }
}

function arithmetic(g: Group, add: Add): void {
  const percents = g.members.flatMap((f) =>
    f.quantities.filter((q) => q.unitClass === 'percent').map((q) => ({ f, q }))
  )
  if (!percents.length) return
  // Pairs of figures in one unit: within a claim (part of a whole, from and to) or across two claims.
  const pairs: { a: Quantity; b: Quantity; relation: 'change' | 'share'; claims: ClaimFacts[]; explicit: boolean }[] =
    []
  for (const f of g.members) {
    const from = f.quantities.find((q) => q.role === 'from')
    const to = f.quantities.find((q) => q.role === 'to')
    const part = f.quantities.find((q) => q.role === 'part')
    const whole = f.quantities.find((q) => q.role === 'whole')
    if (from && to) pairs.push({ a: from, b: to, relation: 'change', claims: [f], explicit: true })
    if (part && whole) pairs.push({ a: part, b: whole, relation: 'share', claims: [f], explicit: true })
  }
  // Across claims, only figures with both ends known imply a percentage ("upward of 40" is no whole).
  const pairable = (q: Quantity) => q.unitClass !== 'percent' && !q.role && !!q.low && q.highBound !== null
  const counted = g.members.filter((f) => f.quantities.some(pairable)).slice(0, 30)
  for (let i = 0; i < counted.length; i++)
    for (let j = i + 1; j < counted.length; j++) {
      const a = counted[i].quantities.find(pairable)!
      const b = counted[j].quantities.find((q) => q.unitClass === a.unitClass && pairable(q))
      if (!b) continue
      pairs.push({ a, b, relation: 'change', claims: [counted[i], counted[j]], explicit: false })
      pairs.push({ a, b, relation: 'share', claims: [counted[i], counted[j]], explicit: false })
    }
  for (const { f, q } of percents) {
    const direction = directionOf(f.sentence.slice(0, q.start))
    let found: { imp: Implied; claims: ClaimFacts[] } | null = null
    let contradicted: { imp: Implied; claims: ClaimFacts[] } | null = null
    for (const pair of pairs) {
      if (pair.claims.includes(f) && pair.claims.length === 1 && f.quantities.length < 3) continue
      const imp = implied(pair.a, pair.b, pair.relation)
      if (!imp) continue
      const fitsDirection = !direction || (pair.relation === 'change' ? imp.how === direction : true)
      // A claim whose own figures agree is no set: it takes two claims to check one another.
      const ownOnly = pair.claims.length === 1 && pair.claims[0] === f
      if (fitsDirection && !ownOnly && agrees(q, imp.percent)) {
        found = { imp, claims: pair.claims }
        break
      }
      if (
        pair.explicit &&
        direction &&
        pair.relation === 'change' &&
        imp.how === direction &&
        Math.abs(imp.percent - q.value) > 5
      )
        contradicted ??= { imp, claims: pair.claims }
    }
    const stated = quoteForDisplay(q.text)
    if (found)
      add({
        kind: 'consistent',
        basis: 'arithmetic',
        claimIds: [...new Set([f, ...found.claims].map((c) => c.claim.id))],
        subject: g.subject,
        unit: 'percent',
        explanation: `${found.imp.text}, consistent with ${stated}.`,
        figures: []
      })
    else if (contradicted)
      add({
        kind: 'conflict',
        basis: 'arithmetic',
        claimIds: [...new Set([f, ...contradicted.claims].map((c) => c.claim.id))],
        subject: g.subject,
        unit: 'percent',
        explanation: `${contradicted.imp.text}, not ${stated}.`,
        figures: []
      })
  }
}

/**
 * Accounts in one topic that say the same thing in mostly the same words, with the same polarity and
 * no figure apart.
 */
function accountsThatAgree(g: Group, who: (f: ClaimFacts) => string, add: Add): void {
  const m = g.members
  if (m.length < 2 || m.length > 200) return
  const uf = new UnionFind()
  let any = false
  for (let i = 0; i < m.length; i++)
    for (let j = i + 1; j < m.length; j++) {
      const a = m[i]
      const b = m[j]
      if (a.negative !== b.negative || a.expected !== b.expected || a.stance !== b.stance) continue
      const both = shared(a.stems, b.stems)
      if (both < 3 || both / (a.stems.size + b.stems.size - both) < 0.3) continue
      if (!a.quantities.some((q) => b.quantities.some((r) => r.unitClass === q.unitClass && disjoint(q, r)))) {
        uf.union(a.claim.id, b.claim.id)
        any = true
      }
    }
  if (!any) return
  const clusters = new Map<string, ClaimFacts[]>()
  for (const f of m) {
    const root = uf.find(f.claim.id)
    clusters.set(root, [...(clusters.get(root) ?? []), f])
  }
  const shown = (quote: string) => quoteForDisplay(quote.length > 80 ? `${quote.slice(0, 79)}…` : quote)
  for (const agreeing of clusters.values())
    if (agreeing.length > 1)
      add({
        kind: 'consistent',
        basis: 'accounts',
        claimIds: agreeing.map((f) => f.claim.id),
        subject: g.subject,
        explanation: `Accounts of ${g.subject} agree: ${agreeing.map((f) => `${who(f)}: ${shown(f.claim.quote.exact)}`).join('; ')}.`,
        figures: []
      })
}

/**
 * Accounts that diverge: a denial or negation against an assertion, an expectation against a fact,
 * opposed stances, a disputed figure or account against the ones it disputes.
 */
function accountConflicts(g: Group, who: (f: ClaimFacts) => string, add: Add): void {
  const m = g.members
  if (m.length < 2 || m.length > 400) return
  const linked = new Set<string>()
  const link = (a: ClaimFacts, b: ClaimFacts) => {
    linked.add(a.claim.id)
    linked.add(b.claim.id)
  }
  for (let i = 0; i < m.length; i++)
    for (let j = i + 1; j < m.length; j++) {
      const a = m[i]
      const b = m[j]
      if (!a.claim.sourceId || !b.claim.sourceId || a.claim.sourceId === b.claim.sourceId) continue
      // The topic says they are about one thing: a denial or negation from one source against another's
      // account diverges however it is worded; an expectation against a fact only when they share words.
      if (a.negative !== b.negative) link(a, b)
      else if (a.expected !== b.expected && shared(a.stems, b.stems) >= 2) link(a, b)
    }
  // Opposed stances from two sources: ground taken and still held, moved and where it was, ...
  for (const a of m)
    for (const b of m)
      if (a.stance && b.stance === OPPOSED[a.stance] && a.claim.sourceId !== b.claim.sourceId) link(a, b)
  // "The real number is at least double", "a fraction of what the ministry reported": against the
  // figures other sources give in the unit it names or, naming none, the unit most of the topic's
  // figures count; "the real cause was ...": against their accounts.
  const counts = new Map<string, number>()
  for (const f of m)
    for (const c of new Set(f.quantities.filter((q) => q.value > 0).map((q) => q.unitClass)))
      counts.set(c, (counts.get(c) ?? 0) + 1)
  const mainClass = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0]
  for (const d of m) {
    if (!d.disputes) continue
    // "far fewer contracts": the unit it names, when figures of the topic count it.
    const named = new Set(
      (d.claim.quote.exact.match(/\p{L}+/gu) ?? [])
        .map((w) => unitClassOf(w.toLowerCase()))
        .filter((c) => counts.has(c))
    )
    const disputed = named.size ? named : new Set([mainClass])
    for (const x of m)
      if (
        x.claim.sourceId !== d.claim.sourceId &&
        (d.disputes === 'account' || x.quantities.some((q) => q.value > 0 && disputed.has(q.unitClass)))
      )
        link(d, x)
  }
  // "The MoD denied the report", "denied issuing any such instruction": the denial is of the claim just
  // before it in the same document.
  for (const f of m) {
    if (
      !f.negative ||
      !/\b(?:the|this|that)\s+(?:report|claim|allegation|account|story)s?\b|\bit\b|\bsuch\b/i.test(f.claim.quote.exact)
    )
      continue
    const before = m
      .filter(
        (x) =>
          x.claim.documentId === f.claim.documentId &&
          x.claim.position.end <= f.claim.position.start &&
          x.claim.sourceId !== f.claim.sourceId
      )
      .sort((x, y) => y.claim.position.end - x.claim.position.end)[0]
    if (before) link(f, before)
  }
  // One subject, one set: every claim whose account diverges from another's, side by side.
  const members = m.filter((f) => linked.has(f.claim.id))
  if (members.length) add(accountsDiverge(members, g.subject, who))
}

/** Claims whose accounts of one subject diverge, side by side, each with what kind of account it gives. */
function accountsDiverge(
  members: ClaimFacts[],
  subject: string,
  who: (f: ClaimFacts) => string
): Omit<ConflictSetProposal, 'key'> {
  const stance = (f: ClaimFacts) =>
    f.negative
      ? 'a denial'
      : f.disputes
        ? `a disputed ${f.disputes}`
        : (f.stance ?? (f.expected ? 'an expectation' : 'a statement'))
  const shown = (quote: string) => quoteForDisplay(quote.length > 80 ? `${quote.slice(0, 79)}…` : quote)
  return {
    kind: 'conflict',
    basis: 'accounts',
    claimIds: members.map((f) => f.claim.id),
    subject,
    explanation: `Accounts of ${subject} diverge: ${members
      .map((f) => `${who(f)}, ${stance(f)}: ${shown(f.claim.quote.exact)}`)
      .join('; ')}.`,
    figures: []
  }
}

/**
 * Figures that agree but all come from one speaker check each other; they do not corroborate. Said in
 * the set's explanation, which the Conflicts view and every briefing print.
 */
function oneSourceCaveat(
  p: Omit<ConflictSetProposal, 'key'>,
  speakerOf: Map<string, string | null>,
  names: Map<string, string>
): string {
  if (p.kind !== 'consistent') return ''
  const speakers = new Set(p.claimIds.map((id) => speakerOf.get(id)))
  const [only] = speakers
  if (speakers.size !== 1 || !only) return ''
  const name = names.get(only)
  return ` All from one source${name ? ` (${name})` : ''}: the figures agree with each other, which is not corroboration.`
}

/** A proposal kept as a conflict set of the case, waiting for the analyst. */
export function conflictSetFromProposal(p: ConflictSetProposal, ids: { id: string; now: string }): ConflictSet {
  return {
    id: ids.id,
    claimIds: [...p.claimIds],
    kind: p.kind,
    status: 'proposed',
    basis: p.basis,
    subject: p.subject,
    ...(p.unit ? { unit: p.unit } : {}),
    explanation: p.explanation,
    note: '',
    createdAt: ids.now,
    updatedAt: ids.now
  }
}
