import { describe, expect, it } from 'vitest'
import readme from '../../../../README.md?raw'
import { keyTable, tableIn } from './shortcuts-table'
import { SHORTCUTS } from './shortcuts'

describe("the README's key table", () => {
  it('is the shortcut registry, row for row (paste the expected table between the markers to update it)', () => {
    expect(tableIn(readme)).toBe(keyTable())
  })

  it('names every entry of the registry', () => {
    const table = keyTable()
    for (const { items } of SHORTCUTS) for (const item of items) expect(table).toContain(`| ${item.action} |`)
  })

  it('finds no table without its markers', () => {
    expect(tableIn('# A README with no key table')).toBeNull()
  })
})
