import { afterEach, describe, expect, it, vi } from 'vitest'
import { handleReaderKey, motionFor, setReadingCursorTarget } from './reader-keys'
import { SHORTCUTS } from '../lib/shortcuts'

const key = (k: string, extra: Partial<KeyboardEventInit> = {}) => new KeyboardEvent('keydown', { key: k, ...extra })

afterEach(() => setReadingCursorTarget(null))

describe('reading cursor keys', () => {
  it('maps letters and Shift+letters to moves, whatever Caps Lock says', () => {
    expect(motionFor({ key: 'n', shiftKey: false })).toBe('next-clause')
    expect(motionFor({ key: 'N', shiftKey: true })).toBe('prev-clause')
    expect(motionFor({ key: 'N', shiftKey: false })).toBe('next-clause')
    expect(motionFor({ key: 'E', shiftKey: true })).toBeNull()
    expect(motionFor({ key: 'c', shiftKey: false })).toBeNull()
  })

  it('hands a move to the open reader only, and leaves modified keys alone', () => {
    expect(handleReaderKey(key('s'))).toBe(false)
    const target = vi.fn(() => true)
    setReadingCursorTarget(target)
    expect(handleReaderKey(key('s'))).toBe(true)
    expect(handleReaderKey(key('s', { ctrlKey: true }))).toBe(false)
    expect(handleReaderKey(key('w', { shiftKey: true }))).toBe(true)
    expect(target.mock.calls).toEqual([['next-sentence'], ['shrink-end']])
  })

  it('are listed in the shortcuts and clash with none of the others', () => {
    const listed = SHORTCUTS.find((g) => g.group === 'Reading cursor')!.items.map((i) => i.keys.join('+'))
    for (const k of ['N', 'S', 'P', 'E', 'Q', 'W', 'B']) expect(listed).toContain(k)
    const others = SHORTCUTS.filter(
      (g) => g.group !== 'Reading cursor' && g.group !== 'Claim editor' && g.group !== 'Briefing composer'
    )
      .flatMap((g) => g.items.map((i) => i.keys))
      .filter((keys) => keys.length === 1)
      .map((keys) => keys[0].toLowerCase())
    for (const k of ['n', 's', 'p', 'e', 'q', 'w', 'b']) expect(others).not.toContain(k)
  })
})
