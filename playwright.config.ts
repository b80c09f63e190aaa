import { existsSync } from 'node:fs'
import { defineConfig } from '@playwright/test'
import { findElectron } from './scripts/electron-binary.cjs'
import { CHROMIUM_ARGS } from './src/main/export/pdf'

// Debian's Chromium where it exists (CI, these machines); Playwright's own browser elsewhere.
const systemChromium = '/usr/bin/chromium'
const electron = findElectron()
if (!electron && !process.env.TEST_WORKER_INDEX) {
  console.log(
    'Electron e2e project skipped: no Electron binary installed (node_modules/electron/dist or ELECTRON_OVERRIDE_DIST_PATH).'
  )
}

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 120_000,
  expect: { timeout: 10_000 },
  workers: 1,
  retries: 0,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    screenshot: 'on',
    trace: 'retain-on-failure'
  },
  projects: [
    {
      name: 'browser',
      use: {
        browserName: 'chromium',
        launchOptions: existsSync(systemChromium)
          ? {
              executablePath: systemChromium,
              args: CHROMIUM_ARGS
            }
          : {}
      }
    },
    ...(electron ? [{ name: 'electron' }] : [])
  ]
})
