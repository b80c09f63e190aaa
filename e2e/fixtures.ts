// One driver for both targets: the real UI in Chromium through the browser-mode door, or the
// Electron app when a binary exists. Specs use `app` and never know which one they drive.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron, test as base, type Browser, type ElectronApplication, type Page } from '@playwright/test'
import { findElectron } from '../scripts/electron-binary.cjs'

const root = resolve(__dirname, '..')
export const sharedDir = process.env.CLAIMDESK_SHARED_DIR ?? resolve(root, '../shared')
export const hasShared = existsSync(join(sharedDir, 'acceptance/kursk-gold.json'))

/**
 * For specs that need ../shared (the seed article and its gold claims): on a laptop without it they
 * skip with one line; in CI (CI=true) its absence fails the run rather than passing it green.
 */
export function needsShared(spec: string): void {
  if (hasShared) return
  if (process.env.CI === 'true') {
    base.beforeAll(() => {
      throw new Error(`${spec}: CI=true but ${sharedDir} (the seed article and its gold claims) is absent`)
    })
    return
  }
  if (!process.env.TEST_WORKER_INDEX) console.log(`${spec}: skipped, ${sharedDir} is absent`)
  base.skip(true, `${sharedDir} is absent`)
}
export interface AppDriver {
  page: Page
  /** The case file the app has open. */
  casePath: string
  /** The user-data folder (recent cases) of this run. */
  home: string
  /** Stops the backend (server or Electron) and starts it again on the same case; reloads the page. */
  restart(): Promise<void>
  /** Runs `trigger` (which starts an export in the UI) and returns the saved file's path. */
  saveExport(trigger: () => Promise<void>): Promise<string>
}

interface Backend {
  page: Page
  stop(): Promise<void>
  saveExport(trigger: () => Promise<void>, dir: string): Promise<string>
}

async function startServer(browser: Browser, casePath: string, home: string): Promise<Backend> {
  const child: ChildProcess = spawn(
    process.execPath,
    [join(root, 'bin/claimdesk.cjs'), 'serve', '--case', casePath, '--port', '0'],
    {
      env: { ...process.env, CLAIMDESK_HOME: home },
      stdio: ['ignore', 'pipe', 'pipe']
    }
  )
  let stderr = ''
  child.stderr!.on('data', (d) => (stderr += d))
  const url = await new Promise<string>((done, fail) => {
    let out = ''
    child.stdout!.on('data', (d) => {
      out += d
      const m = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out)
      if (m) done(m[1])
    })
    child.once('exit', (code) => fail(new Error(`claimdesk serve exited (${code}): ${stderr}`)))
  })
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1440, height: 900 } })
  const page = await context.newPage()
  await page.goto(url)
  return {
    page,
    async stop() {
      await context.close()
      const exited = new Promise((done) => child.once('exit', done))
      child.kill('SIGTERM')
      await exited
    },
    async saveExport(trigger, dir) {
      const [download] = await Promise.all([page.waitForEvent('download'), trigger()])
      const file = join(dir, download.suggestedFilename())
      await download.saveAs(file)
      return file
    }
  }
}

async function startElectron(executablePath: string, casePath: string, home: string): Promise<Backend> {
  const app: ElectronApplication = await _electron.launch({
    executablePath,
    args: [join(root, 'out/main/index.js'), '--case', casePath],
    env: { ...process.env, CLAIMDESK_HOME: home } as Record<string, string>
  })
  const page = await app.firstWindow()
  await page.setViewportSize({ width: 1440, height: 900 })
  return {
    page,
    stop: () => app.close(),
    async saveExport(trigger, dir) {
      const target = join(dir, `export-${Date.now()}`)
      await app.evaluate(({ dialog }, filePath) => {
        dialog.showSaveDialog = (async () => ({ canceled: false, filePath })) as typeof dialog.showSaveDialog
      }, target)
      await trigger()
      await page.waitForFunction(() => true)
      for (let i = 0; i < 100 && !existsSync(target); i++) await new Promise((r) => setTimeout(r, 100))
      return target
    }
  }
}

export const test = base.extend<{ app: AppDriver }>({
  app: async ({ browser }, use, testInfo) => {
    const home = await mkdtemp(join(tmpdir(), 'claimdesk-e2e-'))
    const casePath = join(home, 'e2e.claimdesk.json')
    const electron = testInfo.project.name === 'electron' ? findElectron() : null
    const start = () => (electron ? startElectron(electron, casePath, home) : startServer(browser, casePath, home))
    let backend = await start()
    const driver: AppDriver = {
      get page() {
        return backend.page
      },
      casePath,
      home,
      async restart() {
        await backend.stop()
        backend = await start()
      },
      saveExport: (trigger) => backend.saveExport(trigger, home)
    }
    await use(driver)
    await testInfo
      .attach('final screen', { body: await backend.page.screenshot(), contentType: 'image/png' })
      .catch(() => {})
    await backend.stop()
  }
})

export { expect } from '@playwright/test'

export async function readText(path: string): Promise<string> {
  return readFile(path, 'utf8')
}
