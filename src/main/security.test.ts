import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY, isAppFrame, isAppRequest } from './security'

const rendererDir = resolve('/opt/Claimdesk/resources/app.asar/out/renderer')
const packaged = { folders: [rendererDir] }
// Exactly what electron-vite puts in ELECTRON_RENDERER_URL: no trailing slash.
const DEV_URL = 'http://localhost:5173'
const dev = { folders: [rendererDir], devUrl: DEV_URL }
const fileIn = (...parts: string[]): string => pathToFileURL(join(...parts)).href

describe('isAppRequest', () => {
  it('lets the app’s own files load, and no other file', () => {
    expect(isAppRequest(fileIn(rendererDir, 'index.html'), packaged)).toBe(true)
    expect(isAppRequest(fileIn(rendererDir, 'assets', 'index-abc.js') + '?v=1#x', packaged)).toBe(true)
    expect(isAppRequest(pathToFileURL('/etc/passwd').href, packaged)).toBe(false)
    expect(isAppRequest(pathToFileURL(resolve(rendererDir, '..', 'main', 'index.js')).href, packaged)).toBe(false)
    expect(isAppRequest(`file://${rendererDir}/../../../../../etc/passwd`, packaged)).toBe(false)
    expect(isAppRequest(`file://${rendererDir}-evil/index.html`, packaged)).toBe(false)
    expect(isAppRequest(`file://${rendererDir.replace(/\//g, '%2F')}/index.html`, packaged)).toBe(false)
  })

  it('refuses everything remote', () => {
    for (const url of [
      'https://example.org/tracker.gif',
      'http://127.0.0.1:9/x',
      'wss://example.org/socket',
      'ftp://example.org/f',
      'chrome://gpu',
      'not a url'
    ]) {
      expect(isAppRequest(url, packaged), url).toBe(false)
      expect(isAppRequest(url, dev), url).toBe(false)
    }
  })

  it('keeps data: and blob: (images and downloads made by the page itself)', () => {
    expect(isAppRequest('data:image/png;base64,AAAA', packaged)).toBe(true)
    expect(isAppRequest('blob:file:///0d6e-4b1c', packaged)).toBe(true)
  })

  it('trusts the dev server by parsed origin, only in development', () => {
    expect(isAppRequest('http://localhost:5173/src/main.ts', dev)).toBe(true)
    expect(isAppRequest('http://localhost:5173', dev)).toBe(true)
    expect(isAppRequest('ws://localhost:5173/?token=x', dev)).toBe(true)
    expect(isAppRequest('http://localhost:5173.evil.example/', dev)).toBe(false)
    expect(isAppRequest('http://localhost:5173.evil.example/', { folders: [], devUrl: DEV_URL })).toBe(false)
    expect(isAppRequest('http://localhost:51730/', dev)).toBe(false)
    expect(isAppRequest('http://localhost:5173@evil.example/', dev)).toBe(false)
    expect(isAppRequest('https://localhost:5173/', dev)).toBe(false)
    expect(isAppRequest('http://localhost:5173/src/main.ts', packaged)).toBe(false)
  })

  it('lets DevTools load only in development', () => {
    expect(isAppRequest('devtools://devtools/bundled/inspector.html', dev)).toBe(true)
    expect(isAppRequest('devtools://devtools/bundled/inspector.html', packaged)).toBe(false)
  })
})

describe('isAppFrame', () => {
  const appUrl = pathToFileURL(join(rendererDir, 'index.html')).href

  it('accepts the app page in a top frame, whatever its query or fragment', () => {
    expect(isAppFrame({ url: appUrl, parent: null }, appUrl)).toBe(true)
    expect(isAppFrame({ url: `${appUrl}#/claims`, parent: null }, appUrl)).toBe(true)
    expect(isAppFrame({ url: 'http://localhost:5173/', parent: null }, DEV_URL)).toBe(true)
  })

  it('refuses other pages, sub-frames and a missing frame', () => {
    expect(isAppFrame({ url: pathToFileURL('/tmp/evil.html').href, parent: null }, appUrl)).toBe(false)
    expect(isAppFrame({ url: appUrl, parent: {} }, appUrl)).toBe(false)
    expect(isAppFrame({ url: 'http://localhost:5173.evil.example/', parent: null }, DEV_URL)).toBe(false)
    expect(isAppFrame(null, appUrl)).toBe(false)
    expect(isAppFrame({ url: 'about:blank', parent: null }, appUrl)).toBe(false)
  })
})

describe('Content-Security-Policy', () => {
  it('has no remote origin and no inline script', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'")
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|unsafe-eval|\*/)
  })

  it('is the policy in the built page', () => {
    const page = resolve(__dirname, '../../out/renderer/index.html')
    expect(existsSync(page), 'run "npm run build" first').toBe(true)
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(readFileSync(page, 'utf8'))?.[1]
    expect(meta).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''))
  })
})
