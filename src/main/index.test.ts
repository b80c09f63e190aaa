// The desktop entry (src/main/index.ts) run against a stand-in `electron` module: what it builds
// and registers is what a user's Electron would get.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { API_METHODS } from '../shared/api-methods'
import { CONTENT_SECURITY_POLICY } from './security'
import { createFakeElectron, type FakeElectron, FakeWebContents } from './testing/fake-electron'

const holder = vi.hoisted(() => ({ current: null as unknown as { electron: Record<string, unknown> } }))
vi.mock('electron', () => {
  const live = {} as Record<string, unknown>
  for (const name of [
    'app',
    'BrowserWindow',
    'dialog',
    'Menu',
    'nativeTheme',
    'screen',
    'session',
    'shell',
    'ipcMain'
  ]) {
    Object.defineProperty(live, name, { enumerable: true, get: () => holder.current.electron[name] })
  }
  return live
})

const project = resolve(__dirname, '../..')
const builtPage = join(project, 'out', 'renderer', 'index.html')
const appUrl = pathToFileURL(builtPage).href
const DEV_URL = 'http://localhost:5173'

/** The webPreferences every window must have (the print window adds javascript: false and its own session). */
const SECURE = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  disableBlinkFeatures: 'Auxclick',
  spellcheck: false
}

let fake: FakeElectron
let home = ''

/** Loads src/main/index.ts afresh against a new stand-in and waits until the window and menu are up. */
async function start(options: { isPackaged: boolean; devUrl?: string }): Promise<FakeElectron> {
  vi.resetModules()
  home = mkdtempSync(join(tmpdir(), 'claimdesk-desktop-'))
  vi.stubEnv('CLAIMDESK_HOME', home)
  vi.stubEnv('ELECTRON_RENDERER_URL', options.devUrl ?? '')
  fake = createFakeElectron({ isPackaged: options.isPackaged, userData: home })
  holder.current = fake
  await import('./index')
  fake.ready()
  await vi.waitFor(() => expect(fake.menu.applied).not.toBeNull(), { timeout: 30_000, interval: 20 })
  return fake
}

afterEach(async () => {
  // Quitting closes the service (folds the journal, releases the lock) before the folder goes.
  const event = { preventDefault: vi.fn() }
  fake?.appEvents.emit('before-quit', event)
  await vi.waitFor(() => expect(fake.quit.quits).toBeGreaterThan(0), { timeout: 10_000 })
  vi.unstubAllEnvs()
  rmSync(home, { recursive: true, force: true })
})

const mainWindow = () => fake.windows[0]
type MenuItem = { label?: string; role?: string; submenu?: MenuItem[] }
const menuItems = (items: unknown[]): MenuItem[] =>
  (items as MenuItem[]).flatMap((item) => [item, ...menuItems(item.submenu ?? [])])

/** Fires 'web-contents-created' for a new contents, as Electron does for every window and frame host. */
function createdContents(): FakeWebContents {
  const contents = new FakeWebContents()
  fake.appEvents.emit('web-contents-created', {}, contents)
  return contents
}

describe('the packaged desktop app (src/main/index.ts)', () => {
  it('opens one window on the built page with the secure webPreferences and the preload', async () => {
    await start({ isPackaged: true })
    expect(fake.windows).toHaveLength(1)
    const win = mainWindow()
    expect(win.loadedFile).toBe(builtPage)
    expect(win.loadedUrl).toBeNull()
    expect(win.options.webPreferences).toEqual({
      ...SECURE,
      devTools: false,
      preload: join(project, 'out', 'preload', 'index.js')
    })
    expect(existsSync(win.options.webPreferences!.preload as string), 'run "npm run build" first').toBe(true)
    expect(win.options).toMatchObject({ width: 1440, height: 900, minWidth: 900, minHeight: 560, show: false })
    expect(win.background).toBe('#f6f6f4')
  })

  it('serves the built page with the app’s Content-Security-Policy', async () => {
    await start({ isPackaged: true })
    const html = readFileSync(mainWindow().loadedFile!, 'utf8')
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1]
    expect(meta).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''))
  })

  it('lets the default session load only the app’s own files and refuses every permission', async () => {
    await start({ isPackaged: true })
    const ses = fake.sessions.get('default')!
    const cancelled = (url: string) => {
      let reply: { cancel: boolean } | undefined
      ses.beforeRequest!({ url }, (r: { cancel: boolean }) => (reply = r))
      return reply!.cancel
    }
    expect(cancelled(appUrl)).toBe(false)
    expect(cancelled(pathToFileURL(join(project, 'out', 'renderer', 'assets', 'index.js')).href)).toBe(false)
    expect(cancelled(pathToFileURL(join(project, 'package.json')).href)).toBe(true)
    expect(cancelled('file:///etc/passwd')).toBe(true)
    expect(cancelled('https://example.org/pixel.gif')).toBe(true)
    expect(cancelled(`${DEV_URL}/src/main.ts`)).toBe(true)
    expect(cancelled('devtools://devtools/bundled/inspector.html')).toBe(true)

    const granted: boolean[] = []
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      ses.permissionRequest!({}, permission, (allow: boolean) => granted.push(allow), {})
    }
    expect(granted).toEqual([false, false, false, false, false])
    expect(ses.permissionCheck!({}, 'clipboard-sanitized-write', 'file:///', {})).toBe(false)
  })

  it('denies navigation (also in sub-frames), redirects, webviews and window.open in every web contents', async () => {
    await start({ isPackaged: true })
    const contents = createdContents()
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      const e = { preventDefault: vi.fn() }
      contents.emit(event, e, 'https://example.org/')
      expect(e.preventDefault, event).toHaveBeenCalledTimes(1)
    }
    expect(contents.windowOpenHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' })
    expect(contents.windowOpenHandler!({ url: appUrl })).toEqual({ action: 'deny' })
  })

  it('binds every contract method exactly once and answers only the app’s own top frame', async () => {
    await start({ isPackaged: true })
    const channels = fake.ipcHandlers.map((h) => h.channel)
    for (const method of API_METHODS)
      expect(
        channels.filter((c) => c === `claimdesk:${method}`),
        method
      ).toHaveLength(1)
    expect(channels.filter((c) => c.startsWith('claimdesk:'))).toHaveLength(API_METHODS.length)
    expect(new Set(channels).size).toBe(channels.length)
    expect(channels).toEqual(
      expect.arrayContaining([
        'claimdesk-dialog:importPaths',
        'claimdesk-dialog:importFolder',
        'claimdesk-dialog:openCase',
        'claimdesk-dialog:saveFile'
      ])
    )
    expect(channels).not.toContain('claimdesk-dialog:importFiles')

    const handler = fake.ipcHandlers.find((h) => h.channel === 'claimdesk:currentCase')!.handler
    const untrusted = [
      { url: 'https://example.org/', parent: null },
      { url: pathToFileURL('/tmp/page.html').href, parent: null },
      { url: appUrl, parent: { url: appUrl } },
      null
    ]
    for (const senderFrame of untrusted) {
      expect(await handler({ senderFrame })).toEqual({
        error: { code: 'invalid', message: 'call from an untrusted page' }
      })
    }
    const reply = (await fake.invoke('claimdesk:currentCase', appUrl)) as { result: { info: { name: string } } }
    expect(reply.result.info.name).toBe('Default')
  })

  it('validates arguments at the IPC door, with the field named', async () => {
    await start({ isPackaged: true })
    expect(await fake.invoke('claimdesk:getDocument', appUrl, 42)).toMatchObject({
      error: { code: 'invalid', message: expect.stringContaining('getDocument: argument 1') }
    })
    expect(await fake.invoke('claimdesk:exportBriefing', appUrl, { format: 'exe' })).toMatchObject({
      error: { code: 'invalid', message: expect.stringContaining('field "format"') }
    })
    expect(await fake.invoke('claimdesk:setCaseTitle', appUrl, 'x', 'extra')).toMatchObject({
      error: { code: 'invalid' }
    })
  })

  it('prints a PDF in a JavaScript-free window of its own locked-down session, which loads only that job’s file', async () => {
    await start({ isPackaged: true })
    let allowedDuringPrint: Record<string, boolean> = {}
    const printSession = () => fake.sessions.get('claimdesk-print')!
    const cancelled = (url: string) => {
      let reply: { cancel: boolean } | undefined
      printSession().beforeRequest!({ url }, (r: { cancel: boolean }) => (reply = r))
      return reply!.cancel
    }
    fake.hooks.onPrint = (win) => {
      const page = pathToFileURL(win.loadedFile!).href
      allowedDuringPrint = { page: !cancelled(page), app: !cancelled(appUrl), other: !cancelled('file:///etc/passwd') }
    }
    const reply = await fake.invoke('claimdesk:exportBriefing', appUrl, { format: 'pdf' })
    expect((reply as { result: { fileName: string } }).result.fileName).toMatch(/\.pdf$/)
    const printWindow = fake.windows[1]
    expect(printWindow.options.webPreferences).toEqual({
      ...SECURE,
      partition: 'claimdesk-print',
      javascript: false,
      devTools: false
    })
    expect(printWindow.options.show).toBe(false)
    expect(allowedDuringPrint).toEqual({ page: true, app: false, other: false })
    expect(printWindow.destroyed).toBe(true)
    expect(existsSync(printWindow.loadedFile!)).toBe(false)
    expect(cancelled(pathToFileURL(printWindow.loadedFile!).href)).toBe(true)
    const granted: boolean[] = []
    printSession().permissionRequest!({}, 'media', (allow: boolean) => granted.push(allow), {})
    expect(granted).toEqual([false])
  })

  it('builds the menu without DevTools, with Import Folder and Show Log', async () => {
    await start({ isPackaged: true })
    const items = menuItems(fake.menu.template!)
    expect(items.map((i) => i.role)).not.toContain('toggleDevTools')
    expect(items.map((i) => i.label)).toEqual(expect.arrayContaining(['Import Folder…', 'Show Log']))
    expect(items.map((i) => i.role)).toContain('editMenu')
  })

  it('remembers the window’s size and position in the user-data folder', async () => {
    await start({ isPackaged: true })
    const win = mainWindow()
    win.getNormalBounds = () => ({ x: 100, y: 50, width: 1200, height: 800 })
    win.maximized = true
    win.emit('close')
    expect(JSON.parse(readFileSync(join(home, 'window-state.json'), 'utf8'))).toEqual({
      bounds: { x: 100, y: 50, width: 1200, height: 800 },
      maximized: true
    })
    // A new window (macOS re-opening after the last closed) comes back there.
    win.destroyed = true
    fake.appEvents.emit('activate')
    const again = fake.windows.at(-1)!
    expect(again.options).toMatchObject({ x: 100, y: 50, width: 1200, height: 800 })
    expect(again.maximized).toBe(true)
  })

  it('opens a case the system hands to the running app, focusing the window', async () => {
    await start({ isPackaged: true })
    const win = mainWindow()
    fake.appEvents.emit('second-instance', {}, ['/opt/Claimdesk/claimdesk', 'Ops.claimdesk.json'], '/home/a')
    expect(win.webContents.sent).toContainEqual({
      channel: 'claimdesk-open-case',
      args: ['/home/a/Ops.claimdesk.json']
    })
    expect(win.shown).toBe(true)
    const openFile = { preventDefault: vi.fn() }
    win.webContents.loading = true
    fake.appEvents.emit('open-file', openFile, '/Users/a/Other.claimdesk.json')
    expect(openFile.preventDefault).toHaveBeenCalled()
    // Still loading: it waits for the page, whose listener is registered by then.
    expect(win.webContents.sent.map((s) => s.args[0])).not.toContain('/Users/a/Other.claimdesk.json')
    win.webContents.emit('did-finish-load')
    expect(win.webContents.sent).toContainEqual({
      channel: 'claimdesk-open-case',
      args: ['/Users/a/Other.claimdesk.json']
    })
  })

  it('follows the OS theme for the window background', async () => {
    await start({ isPackaged: true })
    const theme = fake.electron.nativeTheme as unknown as { shouldUseDarkColors: boolean; themeSource: string } & {
      emit(e: string): void
    }
    expect(theme.themeSource).toBe('system')
    theme.shouldUseDarkColors = true
    theme.emit('updated')
    expect(mainWindow().background).toBe('#1c1d1f')
  })

  it('writes a log in the user-data folder', async () => {
    await start({ isPackaged: true })
    expect(readFileSync(join(home, 'logs', 'claimdesk.log'), 'utf8')).toMatch(/INFO app-start version=/)
  })
})

describe('a second copy of the app', () => {
  it('quits at once, leaving the case to the running one', async () => {
    vi.resetModules()
    home = mkdtempSync(join(tmpdir(), 'claimdesk-desktop-'))
    vi.stubEnv('CLAIMDESK_HOME', home)
    fake = createFakeElectron({ isPackaged: true, userData: home })
    fake.denySingleInstance()
    holder.current = fake
    await import('./index')
    fake.ready()
    await new Promise((r) => setImmediate(r))
    expect(fake.quit.quits).toBe(1)
    expect(fake.windows).toHaveLength(0)
    expect(fake.ipcHandlers).toHaveLength(0)
  })
})

describe('the desktop app in development', () => {
  it('loads the dev server, trusts it by origin, and offers DevTools', async () => {
    await start({ isPackaged: false, devUrl: DEV_URL })
    const win = mainWindow()
    expect(win.loadedUrl).toBe(DEV_URL)
    expect(win.options.webPreferences!.devTools).toBe(true)
    const ses = fake.sessions.get('default')!
    const cancelled = (url: string) => {
      let reply: { cancel: boolean } | undefined
      ses.beforeRequest!({ url }, (r: { cancel: boolean }) => (reply = r))
      return reply!.cancel
    }
    expect(cancelled(`${DEV_URL}/src/main.ts`)).toBe(false)
    expect(cancelled('http://localhost:5173.evil.example/')).toBe(true)
    expect(((await fake.invoke('claimdesk:currentCase', `${DEV_URL}/`)) as { result?: unknown }).result).toBeDefined()
    expect(await fake.invoke('claimdesk:currentCase', 'http://localhost:5173.evil.example/')).toHaveProperty('error')
    expect(menuItems(fake.menu.template!).map((i) => i.role)).toContain('toggleDevTools')
  })
})
