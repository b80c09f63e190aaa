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
