import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { MENU_ACTIONS, type MenuAction } from '../../shared/bridge'
import { menuTemplate, type MenuItemSpec } from './menu'

function build(platform: NodeJS.Platform, development = false) {
  const sent: MenuAction[] = []
  const showLog = vi.fn()
  const template = menuTemplate({ platform, development, send: (a) => sent.push(a), showLog })
  return { template, sent, showLog }
}

const flatten = (items: MenuItemSpec[]): MenuItemSpec[] =>
  items.flatMap((item) => [item, ...flatten(item.submenu ?? [])])
const topLabels = (items: MenuItemSpec[]) => items.map((i) => i.label ?? i.role)
const submenu = (items: MenuItemSpec[], label: string) => items.find((i) => i.label === label)!.submenu!

/** The README's "Desktop menu:" paragraph, as Electron accelerators. */
/** The key cells of the README's key table (made from the renderer's shortcut registry), as accelerators. */
function readmeAccelerators(): string[] {
  const readme = readFileSync(resolve(__dirname, '../../../README.md'), 'utf8')
  const table = readme.slice(readme.indexOf('<!-- keys:start'), readme.indexOf('<!-- keys:end -->'))
  return [...table.matchAll(/^\|[^|]*\| `([^`]+)` \|/gm)].map((m) => m[1].replace('Ctrl/⌘', 'CmdOrCtrl'))
}

describe('menuTemplate', () => {
  it('follows macOS conventions: application menu first, Close in File, Window menu', () => {
    const { template } = build('darwin')
    expect(topLabels(template)).toEqual(['appMenu', 'File', 'editMenu', 'View', 'windowMenu', 'Help'])
    expect(submenu(template, 'File').at(-1)).toEqual({ role: 'close' })
    expect(flatten(template).some((i) => i.role === 'about')).toBe(false)
  })

  it('follows Windows and Linux conventions: Quit in File, About in Help', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const { template } = build(platform)
      expect(topLabels(template)).toEqual(['File', 'editMenu', 'View', 'windowMenu', 'Help'])
      expect(submenu(template, 'File').at(-1)).toEqual({ role: 'quit' })
      expect(submenu(template, 'Help').at(-1)).toEqual({ role: 'about' })
    }
  })

  it('offers DevTools and Reload only in development', () => {
    const roles = (t: MenuItemSpec[]) => flatten(t).map((i) => i.role)
    expect(roles(build('linux').template)).not.toContain('toggleDevTools')
    expect(roles(build('darwin').template)).not.toContain('reload')
    expect(roles(build('linux', true).template)).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']))
  })

  it('sends every UI command from its item, and Show Log shows the log', () => {
    const { template, sent, showLog } = build('linux')
    const items = flatten(template)
    for (const item of items) item.click?.()
    expect([...sent].sort()).toEqual([...MENU_ACTIONS].sort())
    expect(showLog).toHaveBeenCalledTimes(1)
    expect(items.find((i) => i.label === 'Import Folder…')).toBeDefined()
    expect(items.find((i) => i.label === 'Show Log')).toBeDefined()
  })

  it("has each accelerator once, every one in the README's key table", () => {
    const accelerators = flatten(build('darwin').template).flatMap((i) => (i.accelerator ? [i.accelerator] : []))
    expect(new Set(accelerators).size).toBe(accelerators.length)
    expect(accelerators.length).toBeGreaterThan(5)
    const documented = readmeAccelerators()
    for (const accelerator of accelerators) expect(documented).toContain(accelerator)
  })
})
