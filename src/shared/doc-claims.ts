// A document's claims, kept sorted by position with their ids, so one edit costs a binary search
// and a splice (not a sort of every claim) and the reader can ask which claims overlap the text it
// shows, or cover one character, without scanning them all. It also holds when a suggested claim
// counts as marked already, for the queue, the CLI and accepting alike.
import type { Span } from './analysis'
import type { Claim, Id } from './model'

/** Claims longer than this are kept aside and checked one by one (there are few). */
const LONG = 2000

function before(a: Claim, b: Claim): boolean {
  return (
    (a.position.start - b.position.start ||
      a.position.end - b.position.end ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) < 0
  )
}

export class DocClaimIndex {
  /** Sorted by start, then end, then id. */
  private list: Claim[] = []
  private byId = new Map<Id, Claim>()
  private long = new Set<Claim>()

  get size(): number {
    return this.list.length
  }

  /** Every claim in text order (the index's own array: do not change it). */
  get sorted(): readonly Claim[] {
    return this.list
  }

  get(id: Id): Claim | undefined {
    return this.byId.get(id)
  }

  /** Starts over with these claims (the sort is skipped when they come sorted, as the service sends them). */
  reset(claims: readonly Claim[]): void {
    this.list = [...claims]
    let ordered = true
    for (let i = 1; i < this.list.length && ordered; i++) ordered = !before(this.list[i], this.list[i - 1])
    if (!ordered) this.list.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0))
    this.byId = new Map()
    this.long = new Set()
    for (const c of this.list) {
      this.byId.set(c.id, c)
      if (c.position.end - c.position.start > LONG) this.long.add(c)
    }
  }

  /** Adds or replaces a claim; returns the claim it replaced. */
  put(claim: Claim): Claim | undefined {
    const old = this.byId.get(claim.id)
    if (old && old.position.start === claim.position.start && old.position.end === claim.position.end) {
      // Same place (a recolour, a new note): the claim takes its old slot.
      this.list[this.lowerBound(old)] = claim
      this.byId.set(claim.id, claim)
      if (this.long.delete(old)) this.long.add(claim)
      return old
    }
    this.remove(claim.id)
    this.list.splice(this.lowerBound(claim), 0, claim)
    this.byId.set(claim.id, claim)
    if (claim.position.end - claim.position.start > LONG) this.long.add(claim)
    return old
  }

  remove(id: Id): Claim | undefined {
    const old = this.byId.get(id)
    if (!old) return undefined
    this.list.splice(this.lowerBound(old), 1)
    this.byId.delete(id)
    this.long.delete(old)
    return old
  }

  /** Claims overlapping [from, to), in text order. */
  overlapping(from: number, to: number): Claim[] {
    const out: Claim[] = []
    for (let i = this.firstStartAtOrAfter(from - LONG); i < this.list.length; i++) {
      const c = this.list[i]
      if (c.position.start >= to) break
      if (c.position.end > from && c.position.end - c.position.start <= LONG) out.push(c)
    }
    const long = [...this.long].filter((c) => c.position.start < to && c.position.end > from)
    if (long.length === 0) return out
    return [...out, ...long].sort((a, b) => (before(a, b) ? -1 : 1))
  }

  /** Whether any claim overlaps [from, to). */
  overlaps(from: number, to: number): boolean {
    for (let i = this.firstStartAtOrAfter(from - LONG); i < this.list.length; i++) {
      const c = this.list[i]
      if (c.position.start >= to) break
      if (c.position.end > from) return true
    }
    for (const c of this.long) if (c.position.start < to && c.position.end > from) return true
    return false
  }

  /** Claims covering the character at `offset`, innermost (shortest) first. */
  covering(offset: number): Claim[] {
    return this.overlapping(offset, offset + 1).sort(
      (a, b) =>
        a.position.end - a.position.start - (b.position.end - b.position.start) || b.position.start - a.position.start
    )
  }

  private lowerBound(claim: Claim): number {
    let lo = 0
    let hi = this.list.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (before(this.list[mid], claim)) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  private firstStartAtOrAfter(offset: number): number {
    let lo = 0
    let hi = this.list.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.list[mid].position.start < offset) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}

/**
 * Whether a suggested span is marked already: a claim covers any of its words (accepted, or marked
 * by hand), so accepting it would mark those words twice.
 */
export function isMarked(claims: Pick<DocClaimIndex, 'overlaps'>, span: Pick<Span, 'start' | 'end'>): boolean {
  return claims.overlaps(span.start, span.end)
}

/** The suggestions still to mark. */
export function unmarked<T extends { claim: Span }>(
  suggestions: readonly T[],
  claims: Pick<DocClaimIndex, 'overlaps'>
): T[] {
  return suggestions.filter((s) => !isMarked(claims, s.claim))
}
