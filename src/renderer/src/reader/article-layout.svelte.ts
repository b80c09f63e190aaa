// The article's rows in the DOM: which rows are rendered (those in view plus a margin, and rows
// pinned there), how tall each row is (estimated from its length, then measured), which text they
// cover, and scrolling to an offset. Short documents are rendered whole.
import { tick } from 'svelte'
import type { Block } from '../../../shared/model'
import { estimateHeight, HeightIndex, type TextMetrics } from './heights'
import { buildRows, rowAt, type Row } from './rows'
import { boundaryOffset } from './selection'
import type { ReaderSettings } from './settings.svelte'
import { TextMap } from './text-map'
import type { Span } from './text-units'
import { renderItems, windowAt, type RowWindow } from './viewport'

/** Shorter documents are rendered whole. */
const WHOLE_ROWS = 150
const WHOLE_TEXT = 60_000
/** Rendered beyond the view, above and below, px. */
const OVERSCAN = 700
/** Text measured to know how many characters fit on a line. */
export const PROBE = 'the minister said officials had confirmed reports of troop movements near the border'
const NO_ROWS: Row[] = []

/** Runs `fn` before the next frame (soon, where there are no frames, as in tests). */
export const onFrame = (fn: () => void): number =>
  typeof requestAnimationFrame === 'undefined' ? Number(setTimeout(fn, 0)) : requestAnimationFrame(fn)

const nextFrame = () => new Promise<void>((done) => onFrame(done))

export class ArticleLayout {
  // Set by the constructor; the derivations below read them only when first used.
  private readonly content: () => { text: string; blocks: readonly Block[] | undefined }
  private readonly settings: ReaderSettings

  scroller = $state<HTMLElement>()
  article = $state<HTMLElement>()
  probe = $state<HTMLElement>()

  // Text and blocks by value, so editing the document's details does not rebuild the rows.
  #text = $derived.by(() => this.content().text)
  #blocks = $derived.by(() => this.content().blocks)
  rows = $derived(this.#blocks ? buildRows(this.#blocks, this.#text) : NO_ROWS)
  whole = $derived(this.rows.length <= WHOLE_ROWS && this.#text.length <= WHOLE_TEXT)

  metrics = $state.raw<TextMetrics>({ fontSize: 17, lineHeight: 27.5, charsPerLine: 66 })
  heights = $derived(new HeightIndex(this.rows.map((r) => estimateHeight(r, this.metrics))))
  /** Bumped when measured row heights change. */
  layout = $state(0)
  /** The window as the scroll position last said (for these rows). */
  #scrolled = $state.raw<(RowWindow & { rows: Row[] }) | null>(null)
  #window = $derived(this.#scrolled?.rows === this.rows ? this.#scrolled : this.topWindow())
  // The same objects while their rows stay the same, so scrolling within a row repaints nothing.
  #lastRange = { first: 0, last: -1 }
  #lastVisible = { first: 0, last: -1 }
  /** Rows rendered (overscan included). */
  range = $derived.by(() => {
    const w = this.#window
    if (w.first !== this.#lastRange.first || w.last !== this.#lastRange.last) {
      this.#lastRange = { first: w.first, last: w.last }
    }
    return this.#lastRange
  })
  /** Rows at least partly in view. */
  visible = $derived.by(() => {
    const w = this.#window
    if (w.visibleFirst !== this.#lastVisible.first || w.visibleLast !== this.#lastVisible.last) {
      this.#lastVisible = { first: w.visibleFirst, last: w.visibleLast }
    }
    return this.#lastVisible
  })
  /** Rows kept in the DOM wherever the view is (where a selection starts and ends). */
  pinned = $state.raw<number[]>([])
  items = $derived.by(() => {
    void this.layout
    return renderItems(this.heights, this.range.first, this.range.last, this.pinned)
  })

  /** Row index -> its block element, for the rows in the DOM (`syncRows` after each render). */
  readonly elements = new Map<number, HTMLElement>()
  textMap = $derived(new TextMap(this.rows, (i) => this.elements.get(i)))

  /** The scroll position last seen (reading it anew would force a layout). */
  #scrolledTo = 0
  #observed = new Set<HTMLElement>()
  #resizes = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver((entries) => this.measured(entries))

  constructor(content: () => { text: string; blocks: readonly Block[] | undefined }, settings: ReaderSettings) {
    this.content = content
    this.settings = settings
    this.metrics = this.guessMetrics()
  }

  guessMetrics(): TextMetrics {
    const fontSize = this.settings.fontSize
    return { fontSize, lineHeight: fontSize * 1.62, charsPerLine: this.settings.lineWidth || 90 }
  }

  /** The reader's real type metrics (the guess where there is no layout, as in tests). */
  measureMetrics(): TextMetrics {
    const guess = this.guessMetrics()
    const width = this.article?.clientWidth ?? 0
    const probeWidth = this.probe?.getBoundingClientRect().width ?? 0
    if (width <= 0 || probeWidth <= 0) return guess
    return { ...guess, charsPerLine: Math.max(10, Math.floor(width / (probeWidth / PROBE.length))) }
  }

  /** The window at the top of the article, before anything has been scrolled or measured. */
  private topWindow(): RowWindow {
    const w = windowAt(this.heights, 0, typeof window === 'undefined' ? 800 : window.innerHeight, OVERSCAN)
    return this.whole ? { ...w, first: 0, last: this.rows.length - 1 } : w
  }

  /** Recomputes which rows to render from the scroll position. */
  updateWindow(): void {
    const { scroller, article } = this
    if (!scroller || !article) return
    const w = windowAt(this.heights, scroller.scrollTop - article.offsetTop, scroller.clientHeight, OVERSCAN)
    const next = this.whole ? { ...w, first: 0, last: this.rows.length - 1 } : w
    const now = this.#window
    if (
      this.#scrolled?.rows !== this.rows ||
      next.first !== now.first ||
      next.last !== now.last ||
      next.visibleFirst !== now.visibleFirst ||
      next.visibleLast !== now.visibleLast
    ) {
      this.#scrolled = { ...next, rows: this.rows }
    }
  }

  onScroll(): void {
    this.#scrolledTo = this.scroller?.scrollTop ?? 0
    this.updateWindow()
  }

  /** A new document: at the top, nothing pinned; measured once the first frame lays it out. */
  reset(): void {
    this.pinned = []
    this.#scrolled = null
    if (this.scroller && this.#scrolledTo !== 0) this.scroller.scrollTop = 0
    this.#scrolledTo = 0
    onFrame(() => {
      this.updateWindow()
      this.remeasure()
    })
  }

  setPinned(list: number[]): void {
    const next = [...new Set(list.filter((i) => i >= 0))].sort((a, b) => a - b)
    if (next.length !== this.pinned.length || next.some((v, i) => v !== this.pinned[i])) this.pinned = next
  }

  /** Pins the rows holding these offsets. */
  pinOffsets(...offsets: number[]): void {
    this.setPinned(offsets.map((o) => rowAt(this.rows, o)))
  }

  /** The text the rendered window covers. */
  windowSpan(): Span | null {
    const { rows, range } = this
    const first = rows[Math.max(0, range.first)]
    const last = rows[Math.min(rows.length - 1, range.last)]
    return first && last && range.last >= range.first ? { start: first.start, end: last.end } : null
  }

  /** The text of the rows in view. */
  visibleSpan(): Span {
    const { rows, visible } = this
    return { start: rows[visible.first]?.start ?? 0, end: rows[visible.last]?.end ?? this.#text.length }
  }

  // ---- rows in the DOM -----------------------------------------------------------------------

  /** Records the rendered rows' block elements and watches their size (call after each render). */
  syncRows(): void {
    this.elements.clear()
    const seen = new Set<HTMLElement>()
    for (const el of this.article?.children ?? []) {
      const row = el as HTMLElement
      if (row.dataset.row === undefined) continue
      this.elements.set(Number(row.dataset.row), row.firstElementChild as HTMLElement)
      seen.add(row)
      if (!this.#observed.has(row)) this.#resizes?.observe(row)
    }
    for (const row of this.#observed) if (!seen.has(row)) this.#resizes?.unobserve(row)
    this.#observed = seen
  }

  /** New estimates replaced the measured heights: measure the rendered rows again (observing anew reports their size). */
  measureRowsAgain(): void {
    for (const row of this.#observed) {
      this.#resizes?.unobserve(row)
      this.#resizes?.observe(row)
    }
  }

  private measured(entries: ResizeObserverEntry[]): void {
    let changed = false
    for (const e of entries) {
      const index = Number((e.target as HTMLElement).dataset.row)
      const height = e.borderBoxSize?.[0]?.blockSize ?? (e.target as HTMLElement).offsetHeight
      if (e.target.isConnected && index < this.heights.count && this.heights.measure(index, height)) changed = true
    }
    if (changed) {
      this.layout++
      this.updateWindow()
    }
  }

  /** New type metrics (font, line width, pane width): estimates again, keeping the text in view. */
  remeasure(): void {
    const next = this.measureMetrics()
    const now = this.metrics
    if (
      next.charsPerLine === now.charsPerLine &&
      next.fontSize === now.fontSize &&
      next.lineHeight === now.lineHeight
    ) {
      this.updateWindow()
      return
    }
    const anchor = this.rows.length ? this.firstInView() : 0
    const atTop = (this.scroller?.scrollTop ?? 0) < 2
    this.metrics = next
    void tick().then(() => (atTop ? this.updateWindow() : this.scrollToOffset(anchor, 0)))
  }

  dispose(): void {
    this.#resizes?.disconnect()
  }

  // ---- scrolling -----------------------------------------------------------------------------

  /** The first character in view. */
  firstInView(): number {
    const { scroller, article } = this
    if (scroller && article && typeof document.caretPositionFromPoint === 'function') {
      const box = article.getBoundingClientRect()
      const top = scroller.getBoundingClientRect().top
      for (const dy of [4, this.metrics.lineHeight, this.metrics.lineHeight * 2]) {
        const pos = document.caretPositionFromPoint(box.left + 2, Math.max(top, box.top) + dy)
        if (pos && article.contains(pos.offsetNode)) return boundaryOffset(article, pos.offsetNode, pos.offset)
      }
    }
    return this.visibleSpan().start
  }

  /** Scrolls so `offset` sits at `at` (a share of the view's height) from the top. */
  async scrollToOffset(offset: number, at = 0.5): Promise<void> {
    const { scroller, article } = this
    if (!scroller || !article) return
    const place = (): boolean => {
      const r = this.textMap.range(offset, Math.min(offset + 1, this.#text.length))
      if (!r) return false
      const rect = r.getBoundingClientRect()
      const box = scroller.getBoundingClientRect()
      scroller.scrollTop += rect.top - box.top - box.height * at
      this.updateWindow()
      return true
    }
    if (!place()) {
      const row = Math.max(0, rowAt(this.rows, offset))
      scroller.scrollTop = article.offsetTop + this.heights.top(row) - scroller.clientHeight * at
      this.updateWindow()
      await tick()
      place()
    }
    // Rows that came in at their real height may have moved the text: place it again.
    await nextFrame()
    place()
  }

  /** Scrolls [start, end) into view if it is not. */
  async reveal(span: Span): Promise<void> {
    const r = this.textMap.range(span.start, Math.min(span.end, span.start + 1))
    if (r && this.scroller) {
      const rect = r.getBoundingClientRect()
      const box = this.scroller.getBoundingClientRect()
      if (rect.top >= box.top + 8 && rect.bottom <= box.bottom - 48) return
    }
    await this.scrollToOffset(span.start, 0.3)
  }
}
