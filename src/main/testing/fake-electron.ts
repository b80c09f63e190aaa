// A stand-in for the `electron` module in tests (Electron cannot run here): it records what the
// code under test builds and registers (windows and their options, IPC handlers, session
// handlers, the menu) and lets a test fire the events Electron would. Use through vi.mock.
import { EventEmitter } from 'node:events'

type Handler = (...args: unknown[]) => unknown

export class FakeWebContents extends EventEmitter {
  readonly sent: { channel: string; args: unknown[] }[] = []
  loading = false
  windowOpenHandler: Handler | null = null
  printToPDF = async (_options: unknown): Promise<Uint8Array> => new Uint8Array()
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args })
  }
  isLoading(): boolean {
    return this.loading
  }
  setWindowOpenHandler(handler: Handler): void {
    this.windowOpenHandler = handler
  }
}

export interface FakeSession {
  permissionRequest: Handler | null
  permissionCheck: Handler | null
  beforeRequest: Handler | null
  setPermissionRequestHandler(h: Handler): void
  setPermissionCheckHandler(h: Handler): void
  webRequest: { onBeforeRequest(h: Handler): void }
}

function fakeSession(): FakeSession {
  const s: FakeSession = {
    permissionRequest: null,
    permissionCheck: null,
    beforeRequest: null,
    setPermissionRequestHandler: (h) => (s.permissionRequest = h),
    setPermissionCheckHandler: (h) => (s.permissionCheck = h),
    webRequest: { onBeforeRequest: (h) => (s.beforeRequest = h) }
  }
  return s
}

export function createFakeElectron(options: { isPackaged: boolean; userData: string }) {
  const appEvents = new EventEmitter()
  const paths = new Map<string, string>([
    ['userData', options.userData],
    ['documents', options.userData]
  ])
  const windows: FakeBrowserWindow[] = []
  const ipcHandlers: { channel: string; handler: Handler }[] = []
  const sessions = new Map<string, FakeSession>([['default', fakeSession()]])
  const menu = { template: null as unknown[] | null, applied: null as unknown }
  let ready: () => void = () => {}
  const whenReady = new Promise<void>((resolve) => (ready = resolve))
  let singleInstance = true
  /** Called when a window prints, while its page is loaded. */
  const hooks = { onPrint: null as ((win: FakeBrowserWindow) => void) | null }
  const quit = { quits: 0, exits: [] as number[] }

  class FakeBrowserWindow extends EventEmitter {
    static focused: FakeBrowserWindow | null = null
    static getFocusedWindow = (): FakeBrowserWindow | null => FakeBrowserWindow.focused
    static getAllWindows = (): FakeBrowserWindow[] => windows.filter((w) => !w.destroyed)
    readonly webContents = new FakeWebContents()
    destroyed = false
    maximized = false
    shown = false
    loadedFile: string | null = null
    loadedUrl: string | null = null
    background: string
    constructor(readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }) {
      super()
      this.background = String(options.backgroundColor ?? '')
      this.webContents.printToPDF = async () => {
        hooks.onPrint?.(this)
        return new TextEncoder().encode('%PDF-1.4\n%%EOF\n')
      }
      windows.push(this)
    }
    async loadFile(file: string): Promise<void> {
      this.loadedFile = file
    }
    async loadURL(url: string): Promise<void> {
      this.loadedUrl = url
    }
    maximize(): void {
      this.maximized = true
    }
    isMaximized(): boolean {
      return this.maximized
    }
    isMinimized(): boolean {
      return false
    }
    restore(): void {}
    show(): void {
      this.shown = true
    }
    focus(): void {
      FakeBrowserWindow.focused = this
    }
    isDestroyed(): boolean {
      return this.destroyed
    }
    destroy(): void {
      this.destroyed = true
    }
    getNormalBounds() {
      const o = this.options as { x?: number; y?: number; width: number; height: number }
      return { x: o.x ?? 0, y: o.y ?? 0, width: o.width, height: o.height }
    }
    setBackgroundColor(color: string): void {
      this.background = color
    }
  }

  const display = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }
  const electron = {
    app: {
      isPackaged: options.isPackaged,
      setName: () => {},
      getVersion: () => '0.0.0-test',
      setPath: (name: string, value: string) => paths.set(name, value),
      getPath: (name: string) => paths.get(name) ?? options.userData,
      whenReady: () => whenReady,
      requestSingleInstanceLock: () => singleInstance,
      on: (event: string, listener: Handler) => appEvents.on(event, listener),
      quit: () => void quit.quits++,
      exit: (code: number) => void quit.exits.push(code)
    },
    BrowserWindow: FakeBrowserWindow,
    dialog: {
      showOpenDialog: async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] }),
      showSaveDialog: async (..._args: unknown[]) => ({ canceled: true, filePath: undefined as string | undefined }),
      showErrorBox: (title: string, message: string) => {
        throw new Error(`showErrorBox: ${title}: ${message}`)
      }
    },
    Menu: {
      buildFromTemplate: (template: unknown[]) => {
        menu.template = template
        return { template }
      },
      setApplicationMenu: (m: unknown) => void (menu.applied = m)
    },
    nativeTheme: Object.assign(new EventEmitter(), { shouldUseDarkColors: false, themeSource: 'light' }),
    screen: { getPrimaryDisplay: () => display, getAllDisplays: () => [display] },
    session: {
      get defaultSession() {
        return sessions.get('default')!
      },
      fromPartition: (name: string) => {
        if (!sessions.has(name)) sessions.set(name, fakeSession())
        return sessions.get(name)!
      }
    },
    shell: { showItemInFolder: (_path: string) => {} },
    ipcMain: {
      handle: (channel: string, handler: Handler) => void ipcHandlers.push({ channel, handler })
    }
  }

  return {
    electron,
    appEvents,
    windows,
    ipcHandlers,
    sessions,
    menu,
    quit,
    hooks,
    ready: () => ready(),
    denySingleInstance: () => void (singleInstance = false),
    /** Calls an IPC channel as a page at `url` in a top frame would. */
    invoke: async (channel: string, url: string, ...args: unknown[]) => {
      const found = ipcHandlers.filter((h) => h.channel === channel)
      if (found.length !== 1) throw new Error(`${found.length} handlers for ${channel}`)
      return found[0].handler({ senderFrame: { url, parent: null } }, ...args)
    }
  }
}

export type FakeElectron = ReturnType<typeof createFakeElectron>
