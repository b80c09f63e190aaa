// The reader's type: font size and line width, remembered on this machine (localStorage).
const KEY = 'claimdesk-reader-settings'

export const FONT_SIZES = [14, 15, 16, 17, 18, 20, 22, 24] as const
export const DEFAULT_FONT_SIZE = 17
/** Line widths in characters; 0 fills the pane. */
export const LINE_WIDTHS = [
  { label: 'Narrow', ch: 56 },
  { label: 'Medium', ch: 66 },
  { label: 'Wide', ch: 84 },
  { label: 'Full', ch: 0 }
] as const
export const DEFAULT_LINE_WIDTH = 66

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>

export class ReaderSettings {
  fontSize = $state<number>(DEFAULT_FONT_SIZE)
  lineWidth = $state<number>(DEFAULT_LINE_WIDTH)

  constructor(private storage: Storage | null = typeof localStorage === 'undefined' ? null : localStorage) {
    try {
      const saved = JSON.parse(storage?.getItem(KEY) ?? 'null') as { fontSize?: unknown; lineWidth?: unknown } | null
      if (FONT_SIZES.includes(saved?.fontSize as (typeof FONT_SIZES)[number])) this.fontSize = saved!.fontSize as number
      if (LINE_WIDTHS.some((w) => w.ch === saved?.lineWidth)) this.lineWidth = saved!.lineWidth as number
    } catch {
      // Unreadable settings: the defaults stand.
    }
  }

  /** One size step larger (1) or smaller (-1). */
  stepFontSize(direction: 1 | -1): void {
    const at = FONT_SIZES.indexOf(this.fontSize as (typeof FONT_SIZES)[number])
    const next = FONT_SIZES[Math.min(FONT_SIZES.length - 1, Math.max(0, (at < 0 ? 3 : at) + direction))]
    this.set(next, this.lineWidth)
  }

  setLineWidth(ch: number): void {
    this.set(this.fontSize, ch)
  }

  reset(): void {
    this.set(DEFAULT_FONT_SIZE, DEFAULT_LINE_WIDTH)
  }

  private set(fontSize: number, lineWidth: number): void {
    this.fontSize = fontSize
    this.lineWidth = lineWidth
    try {
      this.storage?.setItem(KEY, JSON.stringify({ fontSize, lineWidth }))
    } catch {
      // Storage full or denied: the setting holds for this session.
    }
  }
}
