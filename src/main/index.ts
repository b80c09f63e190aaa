// Electron entry: window, menu, native dialogs and the security settings. Everything else is in
// the service, which runs the same in plain Node (browser mode, CLI, tests).
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, BrowserWindow, dialog, Menu, session, type MenuItemConstructorOptions, type WebFrameMain } from 'electron'
import type { MenuAction } from '../shared/bridge'
import { IMPORT_EXTENSIONS } from '../shared/importable'
import { bindIpc, handleLocal } from './ipc'
import { isAppRequest, SECURE_WEB_PREFERENCES } from './security'
import { addSampleContent } from './sample'
import { gate } from './dispatch'
import { ClaimdeskService } from './service'
import { APP_NAME, defaultCasePath } from './user-data'

app.setName(APP_NAME)
if (process.env.CLAIMDESK_HOME) app.setPath('userData', process.env.CLAIMDESK_HOME)

/** `--case <file>` opens (or creates, empty) that case instead of the default one. */
const caseArgIndex = process.argv.indexOf('--case')
const caseArg = caseArgIndex > 0 ? process.argv[caseArgIndex + 1] : undefined

const rendererIndex = join(__dirname, '../renderer/index.html')
const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
const appUrl = devUrl ?? pathToFileURL(rendererIndex).href
const resourcesDir = app.isPackaged ? join(process.resourcesPath, 'resources') : join(__dirname, '../../resources')

/** The page without query or fragment, normalised ("http://localhost:5173" and ".../" are one page). */
function pageOf(url: string): string {
  const u = new URL(url)
  return u.origin === 'null' ? `${u.protocol}${u.pathname}` : `${u.origin}${u.pathname}`
}
const trusted = (frame: WebFrameMain | null): boolean => !!frame && pageOf(frame.url) === pageOf(appUrl)

function lockDown(): void {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAppRequest(details.url, devUrl) }))
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault())
    contents.on('will-redirect', (event) => event.preventDefault())
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  })
}

/**
 * Chromium's own printing of the export HTML (its @page rules carry header and footer). The page
 * goes through a temporary file: a data: URL is refused beyond 2 MB, which a long briefing in
 * Cyrillic or Arabic reaches quickly once percent-encoded.
 */
async function printPdf(html: string): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'claimdesk-print-'))
  const page = join(dir, 'briefing.html')
  const win = new BrowserWindow({ show: false, webPreferences: { ...SECURE_WEB_PREFERENCES, javascript: false } })
  try {
    await writeFile(page, html)
    await win.loadFile(page)
    return await win.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true })
  } finally {
    win.destroy()
    await rm(dir, { recursive: true, force: true })
  }
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 900,
    minHeight: 560,
    show: false,
    title: APP_NAME,
    backgroundColor: '#f6f6f4',
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: join(__dirname, '../preload/index.js') }
  })
  win.once('ready-to-show', () => win.show())
  if (devUrl) void win.loadURL(devUrl)
  else void win.loadFile(rendererIndex)
  return win
}

function buildMenu(send: (action: MenuAction) => void): Menu {
  const item = (label: string, action: MenuAction, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => send(action)
  })
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        item('New Case…', 'new-case', 'CmdOrCtrl+N'),
        item('Open Case…', 'open-case', 'CmdOrCtrl+O'),
        item('Save Case As…', 'save-case-as', 'CmdOrCtrl+Shift+S'),
        { type: 'separator' },
        item('Import Files…', 'import', 'CmdOrCtrl+I'),
        item('Paste Text as Document…', 'paste', 'CmdOrCtrl+Shift+V'),
        item('Export Briefing…', 'export', 'CmdOrCtrl+E'),
        { type: 'separator' },
        { role: process.platform === 'darwin' ? 'close' : 'quit' }
      ]
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        { role: 'toggleDevTools' }
      ]
    },
    { label: 'Help', submenu: [item('Keyboard Shortcuts', 'shortcuts', 'F1')] }
  ]
  return Menu.buildFromTemplate(template)
}

async function main(): Promise<void> {
  await app.whenReady()
  lockDown()
  const service = new ClaimdeskService({ userDataDir: app.getPath('userData'), printPdf })
  if (caseArg) await service.openAtStart(caseArg)
  else
    await service.openAtStart(defaultCasePath(app.getPath('userData')), () =>
      addSampleContent(gate(service.handlers), resourcesDir)
    )
  bindIpc(service.handlers, trusted)

  let win = createWindow()
  // On macOS the app outlives its windows; a menu command then opens a new one.
  const current = (): BrowserWindow => {
    const focused = BrowserWindow.getFocusedWindow()
    if (focused) return focused
    if (win.isDestroyed()) win = createWindow()
    return win
  }
  const caseFilter = [{ name: 'Claimdesk case', extensions: ['json'] }]
  handleLocal('claimdesk-dialog:openCase', trusted, async () => {
    const r = await dialog.showOpenDialog(current(), { filters: caseFilter, properties: ['openFile'] })
    return r.canceled ? null : r.filePaths[0]
  })
  for (const [channel, title] of [
    ['claimdesk-dialog:newCase', 'New case'],
    ['claimdesk-dialog:saveCase', 'Save case as']
  ]) {
    handleLocal(channel, trusted, async () => {
      const r = await dialog.showSaveDialog(current(), {
        title,
        defaultPath: 'Untitled.claimdesk.json',
        filters: caseFilter
      })
      return r.canceled || !r.filePath ? null : r.filePath
    })
  }
  handleLocal('claimdesk-dialog:importFiles', trusted, async () => {
    const extensions = IMPORT_EXTENSIONS.map((ext) => ext.slice(1))
    const r = await dialog.showOpenDialog(current(), {
      title: 'Import documents',
      properties: ['openFile', 'multiSelections'],
      filters: [{ name: 'Documents', extensions }]
    })
    return r.canceled ? null : r.filePaths.map((path) => ({ path, name: basename(path) }))
  })
  handleLocal('claimdesk-dialog:saveFile', trusted, async (fileName, content, encoding) => {
    const r = await dialog.showSaveDialog(current(), { defaultPath: join(app.getPath('documents'), String(fileName)) })
    if (r.canceled || !r.filePath) return null
    await writeFile(r.filePath, Buffer.from(String(content), encoding === 'base64' ? 'base64' : 'utf8'))
    return r.filePath
  })
  Menu.setApplicationMenu(buildMenu((action) => current().webContents.send('claimdesk-menu', action)))

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) win = createWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  let closed = false
  app.on('before-quit', (event) => {
    if (closed) return
    event.preventDefault()
    void service.close().finally(() => {
      closed = true
      app.quit()
    })
  })
}

main().catch((err) => {
  dialog.showErrorBox(APP_NAME, err instanceof Error ? err.message : String(err))
  app.exit(1)
})
