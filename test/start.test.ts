// `npm start` on a machine without Electron's binary: browser mode on the default case, said in a line.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { EXTERNAL_PROGRAM_MS } from '../src/main/testing/budgets'

const root = resolve(__dirname, '..')
let dir = ''
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('npm start without an Electron binary', () => {
  it(
    'says so and serves the app with the sample case in browser mode; stopping it stops the server',
    async () => {
      expect(existsSync(join(root, 'out/main/cli.js')), 'run "npm run build" first').toBe(true)
      dir = mkdtempSync(join(tmpdir(), 'claimdesk-start-'))
      const child = spawn(process.execPath, [join(root, 'scripts/start.mjs'), '--port', '0'], {
        env: { ...process.env, CLAIMDESK_HOME: join(dir, 'home'), ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'none') },
        stdio: ['ignore', 'pipe', 'pipe']
      })
      let out = ''
      const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)))
      const url = await new Promise<string>((done, fail) => {
        child.stdout!.on('data', (d) => {
          out += d
          const m = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out)
          if (m) done(m[1])
        })
        child.on('exit', () => fail(new Error(`exited early:\n${out}`)))
      })
      expect(out).toMatch(/^Claimdesk: Electron's binary is not installed here .* browser mode/)
      expect(out).toContain(join(dir, 'home', 'Default.claimdesk.json'))
      const page = await fetch(url)
      expect(page.status).toBe(200)
      expect(await page.text()).toContain('<div id="app">')
      child.kill('SIGTERM')
      await exited
      await expect(fetch(url)).rejects.toThrow()
    },
    EXTERNAL_PROGRAM_MS
  )
})
