import { describe, expect, it } from 'vitest'
import { ReaderSettings } from './settings.svelte'

function memory(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial))
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data }
}

describe('ReaderSettings', () => {
  it('starts from the defaults and remembers changes', () => {
    const storage = memory()
    const s = new ReaderSettings(storage)
    expect([s.fontSize, s.lineWidth]).toEqual([17, 66])
    s.stepFontSize(1)
    s.setLineWidth(84)
    const again = new ReaderSettings(storage)
    expect([again.fontSize, again.lineWidth]).toEqual([18, 84])
  })

  it('stops at the smallest and largest sizes', () => {
    const s = new ReaderSettings(memory())
    for (let i = 0; i < 20; i++) s.stepFontSize(-1)
    expect(s.fontSize).toBe(14)
    for (let i = 0; i < 20; i++) s.stepFontSize(1)
    expect(s.fontSize).toBe(24)
  })

  it('ignores unreadable or out-of-range saved values', () => {
    expect(new ReaderSettings(memory({ 'claimdesk-reader-settings': '{not json' })).fontSize).toBe(17)
    const odd = new ReaderSettings(memory({ 'claimdesk-reader-settings': '{"fontSize":3,"lineWidth":999}' }))
    expect([odd.fontSize, odd.lineWidth]).toEqual([17, 66])
  })
})
