// The main window's size, position and maximised state, kept in the user-data folder and put
// back on a display that is still there (a laptop undocked from its second screen).
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface WindowState {
  bounds: Rect
  maximized: boolean
}

/** Where the window goes: no x/y lets Electron centre it. */
export interface Placement {
  x?: number
  y?: number
  width: number
  height: number
  maximized: boolean
}

export const DEFAULT_SIZE = { width: 1440, height: 900 }
export const MIN_SIZE = { width: 900, height: 560 }
/** How much of a saved window must fall on a display for it to go back there. */
const MIN_VISIBLE = { width: 120, height: 60 }

const isInt = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n)

function isRect(r: unknown): r is Rect {
  const b = r as Rect
  return isInt(b?.x) && isInt(b.y) && isInt(b.width) && isInt(b.height) && b.width > 0 && b.height > 0
}

/** The saved state, or null when there is none or it is damaged (the window then opens at its default size). */
export function readWindowState(file: string): WindowState | null {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<WindowState>
    return isRect(data.bounds) ? { bounds: data.bounds, maximized: data.maximized === true } : null
  } catch {
    return null
  }
}

/** Written when the window closes: a temporary file renamed over the old one. */
export function writeWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true })
  const tmp = `${file}.tmp`
  writeFileSync(tmp, JSON.stringify(state))
  renameSync(tmp, file)
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y))
  }
}

const clamp = (n: number, low: number, high: number): number => Math.max(low, Math.min(n, high))

function fitSize(size: { width: number; height: number }, area: Rect): { width: number; height: number } {
  return {
    width: clamp(size.width, Math.min(MIN_SIZE.width, area.width), area.width),
    height: clamp(size.height, Math.min(MIN_SIZE.height, area.height), area.height)
  }
}

/**
 * Where to open the window, given the displays' work areas (primary first). A saved window goes
 * back onto the display it overlaps most, resized and moved to lie wholly inside it; one that is
 * (nearly) off every display opens centred on the primary one, as does a first launch.
 */
export function placeWindow(saved: WindowState | null, workAreas: readonly Rect[]): Placement {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE }
  const fallback = (size: { width: number; height: number }, maximized: boolean): Placement => ({
    ...fitSize(size, primary),
    maximized
  })
  if (!saved) return fallback(DEFAULT_SIZE, false)
  let best: { area: Rect; visible: number } | null = null
  for (const area of workAreas) {
    const o = overlap(saved.bounds, area)
    const visible = o.width >= MIN_VISIBLE.width && o.height >= MIN_VISIBLE.height ? o.width * o.height : 0
    if (visible > (best?.visible ?? 0)) best = { area, visible }
  }
  if (!best) return fallback(saved.bounds, saved.maximized)
  const { area } = best
  const size = fitSize(saved.bounds, area)
  return {
    x: clamp(saved.bounds.x, area.x, area.x + area.width - size.width),
    y: clamp(saved.bounds.y, area.y, area.y + area.height - size.height),
    ...size,
    maximized: saved.maximized
  }
}
