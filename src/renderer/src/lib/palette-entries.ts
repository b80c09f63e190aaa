// What the command palette lists: every entry of the shortcut registry, expanded where an entry
// stands for several actions (one per quick source, one per theme); actions that run come first.
import type { Desk } from './context'
import { SHORTCUTS, type ShortcutGroup } from './shortcuts'

export interface PaletteEntry {
  id: string
  label: string
  group: string
  /** The keys that do it, each as its key combination (an action may have two, or none). */
  keys: string[][]
  /** Absent: a key that belongs to a focused control, listed to look up. */
  run?: () => boolean | void
}

export function paletteEntries(desk: Desk, groups: readonly ShortcutGroup[] = SHORTCUTS): PaletteEntry[] {
  const runnable: PaletteEntry[] = []
  const listed: PaletteEntry[] = []
  groups.forEach(({ group, items }, g) =>
    items.forEach((item, i) => {
      const id = `${g}-${i}`
      const keys = item.keys.length ? [item.keys] : []
      const twin =
        (runnable.at(-1)?.label === item.action && runnable.at(-1)?.group === group && runnable.at(-1)) || null
      if (item.expand) {
        item
          .expand(desk)
          .forEach((e, n) =>
            runnable.push({ id: `${id}-${n}`, group, label: e.label, keys: e.keys.length ? [e.keys] : [], run: e.run })
          )
      } else if (item.run && twin) {
        twin.keys.push(...keys) // one action with a second key (C, or Ctrl+Enter)
      } else if (item.run) {
        const run = item.run
        runnable.push({ id, label: item.action, group, keys, run: () => run(desk) })
      } else {
        listed.push({ id, label: item.action, group, keys })
      }
    })
  )
  return [...runnable, ...listed]
}

/** The entries whose label, group or keys hold every word of `query` (case ignored). */
export function narrow(entries: readonly PaletteEntry[], query: string): PaletteEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  if (words.length === 0) return [...entries]
  return entries.filter((e) => {
    const text = `${e.label} ${e.group} ${e.keys.map((k) => k.join('+')).join(' ')}`.toLowerCase()
    return words.every((w) => text.includes(w))
  })
}
