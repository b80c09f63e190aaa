import { describe, expect, it } from 'vitest'
import { SOURCE_COLOURS } from './palette'
import { Theme } from './theme.svelte'

function memory() {
  const data = new Map<string, string>()
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) }
}

function media(matches: boolean) {
  const listeners: ((e: { matches: boolean }) => void)[] = []
  return {
    matches,
    addEventListener: (_: string, l: (e: { matches: boolean }) => void) => listeners.push(l),
    change: (m: boolean) => listeners.forEach((l) => l({ matches: m }))
  }
}

describe('Theme', () => {
  it('follows the system until told otherwise, and remembers the choice', () => {
    const storage = memory()
    const system = media(true)
    const theme = new Theme(storage, system as unknown as MediaQueryList)
    expect(theme.resolved).toBe('dark')
    system.change(false)
    expect(theme.resolved).toBe('light')
    theme.set('dark')
    expect(new Theme(storage, media(false) as unknown as MediaQueryList).resolved).toBe('dark')
  })

  it('ignores a stored value it does not know', () => {
    const storage = memory()
    storage.setItem('claimdesk-theme', 'sepia')
    expect(new Theme(storage, null).choice).toBe('system')
  })

  it('writes the theme and its source colours onto the root element', () => {
    const theme = new Theme(memory(), null)
    theme.set('dark')
    const root = document.createElement('html')
    theme.apply(root)
    expect(root.dataset.theme).toBe('dark')
    expect(root.style.getPropertyValue('--source-0-tint')).toBe(SOURCE_COLOURS.dark[0].tint)
    theme.cycle()
    theme.apply(root)
    expect(theme.choice).toBe('system')
    expect(root.dataset.theme).toBe('light')
  })
})
