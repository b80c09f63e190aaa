// The native menu, following each platform's conventions: on macOS the application menu (About,
// Hide, Quit…) comes first and File ends with Close; on Windows and Linux File ends with Quit/Exit
// and About sits in Help. The Edit menu uses Electron's standard roles (undo, cut, copy, paste,
// select all, and on macOS speech and paste-and-match-style). DevTools only in development.
// Accelerators are listed in the README's key table; a test keeps the two in step.
import type { MenuAction } from '../../shared/bridge'

/** The subset of Electron's MenuItemConstructorOptions the menu uses (this module does not import Electron). */
export interface MenuItemSpec {
  label?: string
  role?:
    | 'appMenu'
    | 'editMenu'
    | 'windowMenu'
    | 'close'
    | 'quit'
    | 'about'
    | 'resetZoom'
    | 'zoomIn'
    | 'zoomOut'
    | 'togglefullscreen'
    | 'toggleDevTools'
    | 'reload'
  type?: 'separator'
  accelerator?: string
  click?: () => void
  submenu?: MenuItemSpec[]
}

export interface MenuOptions {
  platform: NodeJS.Platform
  /** Unpackaged: adds Reload and Toggle Developer Tools. */
  development: boolean
  /** Asks the UI to carry out a command. */
  send(action: MenuAction): void
  /** Shows the log file in the system's file manager. */
  showLog(): void
}

export function menuTemplate({ platform, development, send, showLog }: MenuOptions): MenuItemSpec[] {
  const mac = platform === 'darwin'
  const command = (label: string, action: MenuAction, accelerator?: string): MenuItemSpec => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => send(action)
  })
  const separator: MenuItemSpec = { type: 'separator' }
  return [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        command('New Case…', 'new-case', 'CmdOrCtrl+N'),
        command('Open Case…', 'open-case', 'CmdOrCtrl+O'),
        command('Save Case As…', 'save-case-as', 'CmdOrCtrl+Shift+S'),
        separator,
        command('Import Files…', 'import', 'CmdOrCtrl+I'),
        command('Import Folder…', 'import-folder', 'CmdOrCtrl+Shift+O'),
        command('Paste Text as Document…', 'paste', 'CmdOrCtrl+Shift+V'),
        command('Export Briefing…', 'export', 'CmdOrCtrl+E'),
        separator,
        { role: mac ? 'close' : 'quit' }
      ]
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        separator,
        { role: 'togglefullscreen' },
        ...(development ? [separator, { role: 'reload' as const }, { role: 'toggleDevTools' as const }] : [])
      ]
    },
    { role: 'windowMenu' },
    {
      label: 'Help',
      submenu: [
        command('Keyboard Shortcuts', 'shortcuts', 'F1'),
        { label: 'Show Log', click: showLog },
        ...(mac ? [] : [separator, { role: 'about' as const }])
      ]
    }
  ]
}
