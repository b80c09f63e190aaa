// The reading cursor's keys. handleGlobalKey (lib/shortcuts.ts) hands a key here when it is not
// typing into a field; the open reader registers what a move does.
import type { Motion } from './reading-cursor'

/** Key (as typed, lower case) and Shift to motion. Keys chosen to stay clear of lib/shortcuts.ts. */
const KEYS: Record<string, [Motion, Motion?]> = {
  n: ['next-clause', 'prev-clause'],
  s: ['next-sentence', 'prev-sentence'],
  p: ['next-paragraph', 'prev-paragraph'],
  e: ['sentence'],
  q: ['quotation'],
  w: ['grow-end', 'shrink-end'],
  b: ['grow-start', 'shrink-start']
}

export function motionFor(e: Pick<KeyboardEvent, 'key' | 'shiftKey'>): Motion | null {
  const pair = KEYS[e.key.toLowerCase()]
  if (!pair) return null
  return (e.shiftKey ? pair[1] : pair[0]) ?? null
}

let target: ((motion: Motion) => boolean) | null = null

/** The open reader's handler (null when no reader is shown). */
export function setReadingCursorTarget(handler: ((motion: Motion) => boolean) | null): void {
  target = handler
}

/** Moves the reading cursor for an unmodified key (Shift aside); true when the key was one of its own. */
export function handleReaderKey(e: KeyboardEvent): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return false
  const motion = motionFor(e)
  return motion !== null && target !== null && target(motion)
}
