// The desk's panes: widths of the side panes, the claim editor's share of the right pane, which
// panes are collapsed; remembered between sessions. `fit` decides what a window of a given width
// actually shows, so the centre keeps room and nothing scrolls sideways down to small windows.

export type Side = 'left' | 'right'
export type Mode = 'desk' | 'briefing'

export interface PaneSizes {
  left: number
  /** The right pane beside the reader (claims and editor). */
  right: number
  /** The right pane beside the composer (preview). */
  briefingRight: number
  /** The claim editor's share of the right pane's height, 0.2 to 0.8. */
  editor: number
  /** The most of the right pane's height the suggested claims take, 0.1 to 0.7. */
  suggestions: number
  leftCollapsed: boolean
  rightCollapsed: boolean
  editorCollapsed: boolean
}

export const DEFAULT_SIZES: PaneSizes = {
  left: 250,
  right: 380,
  briefingRight: 440,
  editor: 0.45,
  suggestions: 0.24,
  leftCollapsed: false,
  rightCollapsed: false,
  editorCollapsed: false
}

export const LIMITS = {
  left: [170, 480],
  right: [280, 720],
  briefingRight: [280, 900],
  editor: [0.2, 0.8],
  suggestions: [0.1, 0.7]
} as const

/** A collapsed pane's rail, with the button that opens it again. */
export const RAIL = 30
/** What the centre (reader or composer) keeps before side panes give way. */
export const CENTRE_MIN = 360

const KEY = 'claimdesk-layout'

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>

const clamp = (n: number, [lo, hi]: readonly [number, number]) => Math.min(hi, Math.max(lo, n))

/** Sizes read back from storage: anything missing, mistyped or out of range takes its default. */
export function readSizes(raw: string | null | undefined): PaneSizes {
  let saved: Record<string, unknown> = {}
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : {}
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) saved = parsed as Record<string, unknown>
  } catch {
    // A damaged entry falls back to the defaults.
  }
  const num = (k: 'left' | 'right' | 'briefingRight' | 'editor' | 'suggestions') =>
    typeof saved[k] === 'number' && Number.isFinite(saved[k]) ? clamp(saved[k] as number, LIMITS[k]) : DEFAULT_SIZES[k]
  const bool = (k: 'leftCollapsed' | 'rightCollapsed' | 'editorCollapsed') =>
    typeof saved[k] === 'boolean' ? (saved[k] as boolean) : DEFAULT_SIZES[k]
  return {
    left: num('left'),
    right: num('right'),
    briefingRight: num('briefingRight'),
    editor: num('editor'),
    suggestions: num('suggestions'),
    leftCollapsed: bool('leftCollapsed'),
    rightCollapsed: bool('rightCollapsed'),
    editorCollapsed: bool('editorCollapsed')
  }
}

export interface Fitted {
  left: number
  right: number
  /** Collapsed for lack of room (not by the analyst). */
  leftSqueezed: boolean
}

/**
 * The widths a window `width` wide shows: the chosen ones when they fit beside the centre; else the
 * right pane, then the left, give way down to their minimum; then the left pane folds to its rail.
 */
export function fit(sizes: PaneSizes, mode: Mode, width: number): Fitted {
  const rightKey = mode === 'briefing' ? 'briefingRight' : 'right'
  let left = sizes.leftCollapsed ? RAIL : sizes.left
  let right = sizes.rightCollapsed ? RAIL : sizes[rightKey]
  const room = Math.max(0, width - CENTRE_MIN)
  if (left + right > room && !sizes.rightCollapsed) right = Math.max(LIMITS[rightKey][0], room - left)
  if (left + right > room && !sizes.leftCollapsed) left = Math.max(LIMITS.left[0], room - right)
  const leftSqueezed = left + right > room && !sizes.leftCollapsed
  if (leftSqueezed) {
    left = RAIL
    if (!sizes.rightCollapsed) right = Math.max(LIMITS[rightKey][0], Math.min(sizes[rightKey], room - RAIL))
  }
  return { left, right, leftSqueezed }
}

export class Layout {
  sizes = $state<PaneSizes>(DEFAULT_SIZES)
  /** Set by the panes: the window is too narrow for the left pane beside the right one. */
  leftSqueezed = $state(false)

  constructor(private storage: Storage | null = typeof localStorage === 'undefined' ? null : localStorage) {
    this.sizes = readSizes(storage?.getItem(KEY))
  }

  /** Sets a side pane's width (clamped) without saving; `save()` once the drag ends. */
  resize(side: Side, mode: Mode, width: number): void {
    const key = side === 'left' ? 'left' : mode === 'briefing' ? 'briefingRight' : 'right'
    this.sizes[key] = Math.round(clamp(width, LIMITS[key]))
  }

  resizeEditor(share: number): void {
    this.sizes.editor = clamp(share, LIMITS.editor)
  }

  resizeSuggestions(share: number): void {
    this.sizes.suggestions = clamp(share, LIMITS.suggestions)
  }

  toggle(pane: Side | 'editor', collapsed?: boolean): void {
    const key = pane === 'editor' ? 'editorCollapsed' : pane === 'left' ? 'leftCollapsed' : 'rightCollapsed'
    this.sizes[key] = collapsed ?? !this.sizes[key]
    this.save()
  }

  /** Shows or hides a side pane; on a window too narrow for both, showing the left one folds the right one. */
  toggleSide(side: Side): void {
    const shown = side === 'left' ? !this.sizes.leftCollapsed && !this.leftSqueezed : !this.sizes.rightCollapsed
    if (shown) return this.toggle(side, true)
    if (side === 'left' && this.leftSqueezed) this.toggle('right', true)
    this.toggle(side, false)
  }

  save(): void {
    this.storage?.setItem(KEY, JSON.stringify(this.sizes))
  }
}
