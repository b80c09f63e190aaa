import { afterEach, describe, expect, it } from 'vitest'
import { waitFor } from '@testing-library/svelte'
import { paletteEntries, narrow } from './palette-entries'
import { quickSources } from './quick-sources'
import { handleGlobalKey, matches } from './shortcuts'
import { loadedDesk, type TestDesk } from './testing/desk'

const key = (init: KeyboardEventInit) => new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init })

/** Dispatches a key at `target` and returns what the app-wide handler did with it. */
function press(t: TestDesk, init: KeyboardEventInit, target: Element = document.body): boolean {
  let acted = false
  const listener = (e: Event) => (acted = handleGlobalKey(e as KeyboardEvent, t.desk))
  window.addEventListener('keydown', listener, { once: true })
  target.dispatchEvent(key(init))
  return acted
}

describe('matches', () => {
  it('tells Ctrl/⌘ combinations apart by Shift, and single keys by the key alone', () => {
    expect(matches(key({ key: 'Z', ctrlKey: true, shiftKey: true }), 'Mod+Shift+z')).toBe(true)
    expect(matches(key({ key: 'Z', ctrlKey: true, shiftKey: true }), 'Mod+z')).toBe(false)
    expect(matches(key({ key: 'z', metaKey: true }), 'Mod+z')).toBe(true)
    expect(matches(key({ key: 'b', ctrlKey: true, altKey: true }), 'Mod+b')).toBe(false)
    expect(matches(key({ key: 'C', shiftKey: true }), 'c')).toBe(true)
    expect(matches(key({ key: '?', shiftKey: true }), '?')).toBe(true)
    expect(matches(key({ key: 'c', ctrlKey: true }), 'c')).toBe(false)
  })
})

describe('number keys and the palette', () => {
  let t: TestDesk
  afterEach(() => t?.dispose())

  async function setup() {
    const text = 'Title\n\nOne two three four five six seven eight nine ten.'
    t = await loadedDesk({
      documents: { 'a.txt': text },
      sources: [{ name: 'Alpha' }, { name: 'Bravo' }, { name: 'Charlie' }]
    })
    const { store } = t.desk
    const at = (w: string) => text.indexOf(w)
    const make = async (word: string, source?: string) => {
      const claim = (await store.createClaim(at(word), at(word) + word.length))!
      if (source) await store.updateClaim(claim.id, { sourceId: t.sources[source] })
      return claim
    }
    await make('One', 'Alpha')
    await make('two', 'Alpha')
    await make('three', 'Charlie')
    const free = await make('four')
    store.focusClaim(null)
    return { free }
  }

  it('1–9 attribute the focused claim to the sources with the most claims, never while typing', async () => {
    const { free } = await setup()
    const { store } = t.desk
    expect(quickSources(store.sources).map((s) => s.name)).toEqual(['Alpha', 'Charlie', 'Bravo'])
    expect(press(t, { key: '2' })).toBe(false) // no focused claim
    store.focusClaim(free.id)
    const input = document.body.appendChild(document.createElement('input'))
    expect(press(t, { key: '2' }, input)).toBe(false)
    input.remove()
    expect(press(t, { key: '2' })).toBe(true)
    await waitFor(() => expect(store.claims.get(free.id)?.sourceId).toBe(t.sources['Charlie']))
    expect(press(t, { key: '9' })).toBe(false) // only three sources
  })

  it('a digit pressed while a claim is being marked attributes that claim, not the one focused before', async () => {
    const { free } = await setup()
    const { store } = t.desk
    store.focusClaim(free.id)
    const start = 'Title\n\nOne two three four five six '.length
    const marking = store.createClaim(start, start + 'seven'.length)
    expect(press(t, { key: '1' })).toBe(true)
    const made = (await marking)!
    await waitFor(() => expect(store.claims.get(made.id)?.sourceId).toBe(t.sources['Alpha']))
    expect(store.claims.get(free.id)?.sourceId).toBeNull()
  })

  it('Ctrl+Z in a list box (a status just picked) undoes; a digit there stays the list box’s', async () => {
    const { free } = await setup()
    const { store } = t.desk
    store.focusClaim(free.id)
    await store.updateClaim(free.id, { status: 'contradicted' })
    const select = document.body.appendChild(document.createElement('select'))
    expect(press(t, { key: '2' }, select)).toBe(false)
    expect(press(t, { key: 'z', ctrlKey: true }, select)).toBe(true)
    select.remove()
    await waitFor(() => expect(store.claims.get(free.id)?.status).toBe('unverified'))
  })

  it('lists every action once with all its keys, the quick sources by name, and narrows by words', async () => {
    await setup()
    const entries = paletteEntries(t.desk)
    const mark = entries.filter((e) => e.label === 'Mark the selected text as a claim')
    expect(mark).toHaveLength(1)
    expect(mark[0].keys).toEqual([['C'], ['Ctrl/⌘', 'Enter']])
    expect(entries.find((e) => e.label.endsWith('to Alpha'))?.keys).toEqual([['1']])
    expect(narrow(entries, 'theme dark').map((e) => e.label)).toEqual(['Theme: dark'])
    // Keys that belong to a focused control come last and do not run.
    expect(entries.at(-1)?.run).toBeUndefined()
    narrow(entries, 'theme dark')[0].run!()
    expect(t.desk.theme.choice).toBe('dark')
  })
})
