// Which suggestions a document's rejections stand for. A rejection keeps the span of the words it
// rejected; the rules that suggest claims change, and a later version may draw the same suggestion a
// few characters wider or narrower ("65:129" then, "67:129" now). A rejection therefore stands for a
// suggestion with the same span, or one sharing most of its words with it, so the analyst's "no"
// outlives a change of the rules. Spans are compared as numbers ("0125:158" is "125:158").
import { spanOfKey } from './model'

/** The share of the longer of two spans their overlap must reach for one to stand for the other. */
const SAME_WORDS = 0.8

interface Span {
  start: number
  end: number
}

export class RejectedSpans {
  /** Sorted by start. */
  private readonly spans: (Span & { key: string })[]
  /** The longest rejected span, which bounds how far back a search must look. */
  private readonly longest: number

  constructor(keys: Iterable<string>) {
    this.spans = [...keys].map((key) => ({ ...spanOfKey(key), key })).sort((a, b) => a.start - b.start)
    this.longest = Math.max(0, ...this.spans.map((s) => s.end - s.start))
  }

  get size(): number {
    return this.spans.length
  }

  /** The stored span (as the case keeps it) that rejects this suggestion's span, if any. */
  find(span: Span): string | null {
    const from = span.start - this.longest
    let lo = 0
    let hi = this.spans.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.spans[mid].start < from) lo = mid + 1
      else hi = mid
    }
    let best: { key: string; share: number } | null = null
    for (let i = lo; i < this.spans.length && this.spans[i].start < span.end; i++) {
      const r = this.spans[i]
      const overlap = Math.min(r.end, span.end) - Math.max(r.start, span.start)
      const share = overlap / Math.max(r.end - r.start, span.end - span.start)
      if (share >= SAME_WORDS && (!best || share > best.share)) best = { key: r.key, share }
    }
    return best?.key ?? null
  }

  has(span: Span): boolean {
    return this.find(span) !== null
  }
}
