// The README's key table, made from the shortcut registry (shortcuts-table.test.ts keeps them equal).
import { SHORTCUTS, type ShortcutGroup } from './shortcuts'

export const TABLE_START = '<!-- keys:start (generated from src/renderer/src/lib/shortcuts.ts; see its test) -->'
export const TABLE_END = '<!-- keys:end -->'

/** One row per registry entry; the group is named on its first row. */
export function keyTable(groups: readonly ShortcutGroup[] = SHORTCUTS): string {
  const rows = groups.flatMap(({ group, items }) =>
    items.map((item, i) => {
      const keys = item.keys.length ? `\`${item.keys.join('+')}\`` : 'palette only'
      return `| ${i === 0 ? group : ''} | ${keys} | ${item.action} |`
    })
  )
  return ['| Where | Key | Action |', '| --- | --- | --- |', ...rows].join('\n')
}

/** The table between the markers in a README's text, or null when the markers are missing. */
export function tableIn(readme: string): string | null {
  const start = readme.indexOf(TABLE_START)
  const end = readme.indexOf(TABLE_END)
  if (start === -1 || end === -1 || end < start) return null
  return readme.slice(start + TABLE_START.length, end).trim()
}
