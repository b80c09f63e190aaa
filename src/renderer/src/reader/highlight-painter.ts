// Paints claims and search hits with the CSS Custom Highlight API: no element is added to the
// article. Only what lies in the rendered window is registered, and a change re-registers only the
// ranges whose highlight, position or text nodes changed, so one edit costs one or two range moves.
import { assignLayers, highlightName } from './claim-layers'

export interface Paint {
  /** The highlight it belongs to. */
  name: string
  start: number
  end: number
}

export interface ClaimToPaint {
  id: string
  start: number
  end: number
  /** Palette index of its source's colour; -1 when unattributed. */
  colour: number
}

/**
 * The highlight and span of each claim overlapping [from, to), clamped to it. `claims` are in text
 * order and start at the beginning of the run of overlapping claims around `from` (clusterStart),
 * so layers match the whole document's.
 */
export function planClaims(claims: readonly ClaimToPaint[], from: number, to: number): Map<string, Paint> {
  const layers = assignLayers(claims)
  const plan = new Map<string, Paint>()
  for (const c of claims) {
    const start = Math.max(c.start, from)
    const end = Math.min(c.end, to)
    if (end <= start) continue
    plan.set(c.id, { name: highlightName(c.colour, layers.get(c.id)!), start, end })
  }
  return plan
}

/** Search hits overlapping [from, to): sorted by start. */
export function planHits(
  hits: readonly { start: number; end: number }[],
  active: number,
  from: number,
  to: number,
  names: { hit: string; active: string }
): Map<string, Paint> {
  const plan = new Map<string, Paint>()
  // Hits are short: start from the first that could reach `from`.
  let lo = 0
  let hi = hits.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (hits[mid].end <= from) lo = mid + 1
    else hi = mid
  }
  for (let i = Math.max(0, lo - 1); i < hits.length && hits[i].start < to; i++) {
    const start = Math.max(hits[i].start, from)
    const end = Math.min(hits[i].end, to)
    if (end > start) plan.set(String(i), { name: i === active ? names.active : names.hit, start, end })
  }
  return plan
}

interface Entry extends Paint {
  range: AbstractRange
}

export class HighlightPainter {
  private entries = new Map<string, Entry>()
  private groups = new Map<string, Highlight>()

  constructor(
    private registry: HighlightRegistry,
    private priority: (name: string) => number = () => 0
  ) {}

  /** Makes the registered ranges match `plan`; returns how many ranges it added or moved. */
  apply(plan: ReadonlyMap<string, Paint>, rangeOf: (start: number, end: number) => AbstractRange | null): number {
    let changed = 0
    for (const [key, entry] of this.entries) {
      const want = plan.get(key)
      const live = entry.range.startContainer.isConnected && entry.range.endContainer.isConnected
      if (want && live && want.name === entry.name && want.start === entry.start && want.end === entry.end) continue
      this.group(entry.name).delete(entry.range)
      this.entries.delete(key)
    }
    for (const [key, want] of plan) {
      if (this.entries.has(key)) continue
      const range = rangeOf(want.start, want.end)
      if (!range) continue
      this.group(want.name).add(range)
      this.entries.set(key, { ...want, range })
      changed++
    }
    return changed
  }

  /** How many ranges are registered. */
  get size(): number {
    return this.entries.size
  }

  clear(): void {
    for (const h of this.groups.values()) h.clear()
    this.entries.clear()
  }

  /** Takes every highlight of this painter out of the registry. */
  dispose(): void {
    this.clear()
    for (const name of this.groups.keys()) this.registry.delete(name)
    this.groups.clear()
  }

  private group(name: string): Highlight {
    let h = this.groups.get(name)
    if (!h) {
      h = new Highlight()
      h.priority = this.priority(name)
      this.groups.set(name, h)
      this.registry.set(name, h)
    }
    return h
  }
}
