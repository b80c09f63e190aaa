// Electron entry: wires windows, menu, native dialogs, single instance and the security settings.
// The rules live in modules that do not need Electron (./desktop, ./security, ./app-paths) and
// everything else in the service, which runs the same in plain Node (browser mode, CLI, tests).
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import {
  app,
  BrowserWindow,
  dialog,
  Menu,
  nativeTheme,
  screen,
  session,
  shell,
  type Session,
  type WebFrameMain
} from 'electron'
import { IMPORT_EXTENSIONS } from '../shared/importable'
import { appPaths } from './app-paths'
import { windowBackground } from './desktop/appearance'
import { CaseRequests } from './desktop/case-requests'
import { caseFromArgv } from './desktop/launch-args'
import { RotatingLog } from './desktop/log'
import { menuTemplate } from './desktop/menu'
import { MIN_SIZE, placeWindow, readWindowState, writeWindowState, type Rect } from './desktop/window-state'
import { bindIpc, handleLocal } from './ipc'
import { addSampleContent } from './sample'
import { isAppFrame, isAppRequest } from './security'
import { gate } from './dispatch'
import { chosenFiles, chosenFolder } from './desktop/import-choice'
import { ClaimdeskService } from './service'
import { APP_NAME, defaultCasePath } from './user-data'

app.setName(APP_NAME)
if (process.env.CLAIMDESK_HOME) app.setPath('userData', process.env.CLAIMDESK_HOME)

const paths = appPaths(__dirname)
const development = !app.isPackaged
// electron-vite's dev server, trusted only in an unpackaged app.
const devUrl = development ? process.env.ELECTRON_RENDERER_URL : undefined
const appUrl = devUrl ?? pathToFileURL(paths.rendererIndex).href
const userData = app.getPath('userData')
const windowStateFile = join(userData, 'window-state.json')
const log = new RotatingLog({ dir: join(userData, 'logs'), detail: process.env.CLAIMDESK_LOG_DETAIL === '1' })
const caseRequests = new CaseRequests()

const trusted = (frame: WebFrameMain | null): boolean => isAppFrame(frame, appUrl)
const report = (channel: string, err: unknown): void => log.error('ipc-error', err, { channel })

/**
 * All of the service's wiring: construct it, open the case the app starts with (the default
 * case, filled with the sample on first run, or the one asked for at launch).
 */
async function startService(startCase: string | null): Promise<ClaimdeskService> {
  const service = new ClaimdeskService({ userDataDir: userData, printPdf })
  if (startCase) await service.openAtStart(startCase)
  else
    await service.openAtStart(defaultCasePath(userData), () =>
      addSampleContent(gate(service.handlers), paths.resourcesDir)
    )
  return service
}

/** Permissions refused, and only the requests `allowed` accepts (the app's own files). */
function lockDown(ses: Session, allowed: (url: string) => boolean): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !allowed(details.url) }))
}

function lockDownContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault())
    contents.on('will-frame-navigate', (event) => event.preventDefault())
    contents.on('will-redirect', (event) => event.preventDefault())
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  })
}

/** Folders of the print jobs under way: the print window's session loads nothing else. */
const printFolders = new Set<string>()

/**
 * Chromium's own printing of the export HTML (its @page rules carry header and footer), in a
 * window of its own in-memory session with JavaScript off. The page goes through a temporary
 * file: a data: URL is refused beyond 2 MB, which a long briefing in Cyrillic or Arabic reaches
 * quickly once percent-encoded.
 */
async function printPdf(html: string): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'claimdesk-print-'))
  const page = join(dir, 'briefing.html')
  printFolders.add(dir)
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      partition: 'claimdesk-print',
      javascript: false,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
      spellcheck: false
    }
  })
  try {
    await writeFile(page, html)
    await win.loadFile(page)
    return await win.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true })
  } finally {
    win.destroy()
    printFolders.delete(dir)
    await rm(dir, { recursive: true, force: true })
  }
}

function workAreas(): Rect[] {
  const primary = screen.getPrimaryDisplay()
  return [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea)
}

function createWindow(): BrowserWindow {
  const { maximized, ...bounds } = placeWindow(readWindowState(windowStateFile), workAreas())
  const win = new BrowserWindow({
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: APP_NAME,
    icon: process.platform === 'linux' ? paths.windowIcon : undefined,
    backgroundColor: windowBackground(nativeTheme.shouldUseDarkColors),
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: development,
      spellcheck: false
    }
  })
  if (maximized) win.maximize()
  win.once('ready-to-show', () => win.show())
  win.on('close', () => {
    try {
      writeWindowState(windowStateFile, { bounds: win.getNormalBounds(), maximized: win.isMaximized() })
    } catch (err) {
      log.error('window-state-not-saved', err)
    }
  })
  win.webContents.on('render-process-gone', (_event, details) =>
    log.warn('render-process-gone', { reason: details.reason, exitCode: details.exitCode })
  )
  if (devUrl) void win.loadURL(devUrl)
  else void win.loadFile(paths.rendererIndex)
  return win
}

function bindDialogs(current: () => BrowserWindow): void {
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
  handleLocal('claimdesk-dialog:importPaths', trusted, async () => {
    const r = await dialog.showOpenDialog(current(), {
      title: 'Import documents',
      properties: ['openFile', 'multiSelections'],
      filters: [{ name: 'Documents', extensions: IMPORT_EXTENSIONS.map((ext) => ext.slice(1)) }]
    })
    return r.canceled ? null : chosenFiles(r.filePaths)
  })
  handleLocal('claimdesk-dialog:importFolder', trusted, async () => {
    const r = await dialog.showOpenDialog(current(), { title: 'Import a folder', properties: ['openDirectory'] })
    return r.canceled || !r.filePaths[0] ? null : chosenFolder(r.filePaths[0])
  })
  handleLocal('claimdesk-dialog:saveFile', trusted, async (fileName, content, encoding) => {
    const r = await dialog.showSaveDialog(current(), { defaultPath: join(app.getPath('documents'), String(fileName)) })
    if (r.canceled || !r.filePath) return null
    await writeFile(r.filePath, Buffer.from(String(content), encoding === 'base64' ? 'base64' : 'utf8'))
    return r.filePath
  })
}

function focus(win: BrowserWindow): void {
  if (win.isMinimized()) win.restore()
  win.show()
  win.focus()
}

/** Sends to the page once it has loaded (its listeners are registered by then). */
function sendToPage(win: BrowserWindow, channel: string, ...args: unknown[]): void {
  if (win.webContents.isLoading()) win.webContents.once('did-finish-load', () => win.webContents.send(channel, ...args))
  else win.webContents.send(channel, ...args)
}

async function main(): Promise<void> {
  await app.whenReady()
  log.info('app-start', { version: app.getVersion(), electron: process.versions.electron, platform: process.platform })
  nativeTheme.themeSource = 'system'
  lockDown(session.defaultSession, (url) => isAppRequest(url, { folders: [paths.rendererDir], devUrl }))
  lockDown(session.fromPartition('claimdesk-print'), (url) => isAppRequest(url, { folders: [...printFolders] }))
  lockDownContents()

  const service = await startService(caseRequests.take() ?? caseFromArgv(process.argv, process.cwd()))
  bindIpc(service.handlers, trusted, report)

  let win = createWindow()
  // On macOS the app outlives its windows; a menu command or a case to open then makes a new one.
  function current(): BrowserWindow {
    const focused = BrowserWindow.getFocusedWindow()
    if (focused) return focused
    if (win.isDestroyed()) win = createWindow()
    return win
  }
  bindDialogs(current)
  const template = menuTemplate({
    platform: process.platform,
    development,
    send: (action) => current().webContents.send('claimdesk-menu', action),
    showLog: () => shell.showItemInFolder(log.file)
  })
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
  caseRequests.ready((path) => {
    const target = current()
    focus(target)
    sendToPage(target, 'claimdesk-open-case', path)
  })

  nativeTheme.on('updated', () => {
    for (const w of BrowserWindow.getAllWindows())
      w.setBackgroundColor(windowBackground(nativeTheme.shouldUseDarkColors))
  })
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
      log.info('app-quit')
      app.quit()
    })
  })
}

if (!app.requestSingleInstanceLock()) {
  // Another Claimdesk is running: it receives our argv in 'second-instance' and opens the case.
  app.quit()
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const path = caseFromArgv(argv, workingDirectory)
    log.info('second-instance', { withCase: path !== null })
    if (path) caseRequests.request(path)
    else {
      const win = BrowserWindow.getAllWindows()[0]
      if (win) focus(win)
    }
  })
  // macOS: a double-clicked case file, also before the app is ready (it then starts with it).
  app.on('open-file', (event, path) => {
    event.preventDefault()
    caseRequests.request(path)
  })
  main().catch((err) => {
    log.error('start-failed', err)
    dialog.showErrorBox(APP_NAME, err instanceof Error ? err.message : String(err))
    app.exit(1)
  })
}
