// Overlapping claims stay visible by painting them in layers: layer 0 as a tinted background with
// an underline, layer 1 as a second, lower underline, layer 2 (and deeper) as an overline. Each
// claim takes the lowest layer no earlier overlapping claim holds (greedy interval colouring in
// text order), so a claim keeps its layer wherever the window over the text starts, as long as the
// window starts at the beginning of the run of overlapping claims around it (`clusterStart`).

export interface Interval {
  id: string
  start: number
  end: number
}

export const LAYERS = 3

/** Layer per claim; `claims` in text order (by start). */
export function assignLayers(claims: readonly Interval[]): Map<string, number> {
  const layers = new Map<string, number>()
  // Open claims: their end and layer.
  let open: { end: number; layer: number }[] = []
  for (const c of claims) {
    open = open.filter((o) => o.end > c.start)
    let layer = 0
    while (open.some((o) => o.layer === layer)) layer++
    open.push({ end: c.end, layer })
    layers.set(c.id, layer)
  }
  return layers
}

/**
 * Where to start layering so the claims overlapping `from` get the layers they would get from the
 * top of the document: back to the start of the run of claims chained by overlaps around `from`.
 * `covering(offset)` lists the claims covering a character. Stops after `limit` steps.
 */
export function clusterStart(from: number, covering: (offset: number) => readonly Interval[], limit = 50): number {
  let at = from
  for (let i = 0; i < limit; i++) {
    const earliest = Math.min(at, ...covering(at).map((c) => c.start))
    const before = earliest > 0 ? covering(earliest - 1) : []
    const next = Math.min(earliest, ...before.map((c) => c.start))
    if (next === at) return at
    at = next
  }
  return at
}

/** The highlight a claim is painted with: its source's colour (-1: unattributed) and its layer. */
export function highlightName(colour: number, layer: number): string {
  return `cd-claim-${colour < 0 ? 'u' : colour}-${Math.min(layer, LAYERS - 1)}`
}
