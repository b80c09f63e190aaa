// Corroboration from arithmetic: two figures of one unit imply a percentage (a share or a change),
// and a stated percentage either agrees with it or not. "531 to 309 square miles is a loss of about
// 42 percent, consistent with 'more than 40 percent'".
import type { Quantity } from '../../shared/analysis'

export interface Implied {
  /** The percentage the two figures imply, rounded to one decimal. */
  percent: number
  how: 'share' | 'loss' | 'rise'
  text: string
}

const round1 = (n: number) => Math.round(n * 10) / 10
/** 12400 -> "12,400" (toLocaleString is slow enough to matter over a case's pairs). */
const fmt = (n: number) => {
  const [int, frac] = String(Math.round(n * 100) / 100).split('.')
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? `.${frac}` : '')
}

/** What two figures of one unit imply: `from`→`to` a change, `part` of `whole` a share. */
export function implied(a: Quantity, b: Quantity, relation: 'change' | 'share'): Implied | null {
  if (a.value <= 0 || b.value <= 0) return null
  const unit = b.unit || a.unit
  if (relation === 'share') {
    const [part, whole] = a.value <= b.value ? [a, b] : [b, a]
    const percent = round1((100 * part.value) / whole.value)
    return { percent, how: 'share', text: `${fmt(part.value)} of ${fmt(whole.value)} ${unit} is ${percent} percent` }
  }
  const change = (100 * (b.value - a.value)) / a.value
  const percent = round1(Math.abs(change))
  const how = change < 0 ? 'loss' : 'rise'
  return {
    percent,
    how,
    text: `${fmt(a.value)} to ${fmt(b.value)} ${unit} is a ${how === 'loss' ? 'loss' : 'rise'} of about ${Math.round(percent)} percent`
  }
}

const LOSS =
  /\b(?:lost|loss|losing|fell|fallen|fall|drop(?:ped)?|declin\w*|down|decreas\w*|cut|shr[ai]nk\w*|reduc\w*)\b/i
const RISE = /\b(?:rose|risen|rise|grew|grown|increas\w*|up|gain\w*|climb\w*|jump\w*)\b/i

/** Whether a stated percentage (with its hedge) allows the implied one; tolerance one point. */
export function agrees(stated: Quantity, value: number): boolean {
  const low = stated.low ?? -Infinity
  const high = stated.highBound ?? Infinity
  const slack = stated.bound === 'exact' ? 1 : 0.5
  return value >= low - slack && value <= high + slack
}

/** The direction a percentage's own words give it ("had lost more than 40 percent"), if any. */
export function directionOf(context: string): 'loss' | 'rise' | null {
  if (LOSS.test(context)) return 'loss'
  if (RISE.test(context)) return 'rise'
  return null
}

/**
 * Figures of one unit that add up to another: "19 bodies recovered" and "four died in hospital" make the
 * toll of 23; "49 shot down" and "another 14 lost" make the 63 launched. The fewest parts (two to four)
 * whose sum is the total: exactly when every figure is exact (to rounding), within 2 percent when one is
 * hedged; never with a floor ("at least nine") among the parts. `candidates` are tried in order; null when none add up.
 */
export function partsOf(total: Quantity, candidates: readonly Quantity[]): Quantity[] | null {
  // A floor ("at least nine") is no part of a sum: the rest could be anything.
  const parts = candidates.filter(
    (q) => q !== total && q.value > 0 && q.value < total.value && q.bound !== 'at-least' && q.bound !== 'more-than'
  )
  if (parts.length < 2 || parts.length > MAX_PARTS_TRIED) return null
  const hedged = total.bound !== 'exact'
  const fits = (sum: number, anyHedged: boolean) =>
    Math.abs(sum - total.value) <= (hedged || anyHedged ? 0.02 : 0.005) * total.value
  const pick: Quantity[] = []
  const search = (from: number, size: number, sum: number, anyHedged: boolean): boolean => {
    if (pick.length === size) return fits(sum, anyHedged)
    for (let i = from; i < parts.length; i++) {
      if (sum + parts[i].value > total.value * 1.02) continue
      pick.push(parts[i])
      if (search(i + 1, size, sum + parts[i].value, anyHedged || parts[i].bound !== 'exact')) return true
      pick.pop()
    }
    return false
  }
  for (let size = 2; size <= 4 && size <= parts.length; size++) if (search(0, size, 0, false)) return pick
  return null
}
/** More figures than this in one unit and topic are not searched for sums (2^n subsets). */
export const MAX_PARTS_TRIED = 16

/** "19 + 4 = 23 people". */
export const sumText = (parts: readonly Quantity[], total: Quantity): string =>
  `${parts.map((q) => fmt(q.value)).join(' + ')} = ${fmt(total.value)} ${total.unit}`
