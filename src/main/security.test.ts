import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY, isAppRequest, SECURE_WEB_PREFERENCES } from './security'

describe('desktop security settings', () => {
  it('isolates and sandboxes the renderer without Node', () => {
    expect(SECURE_WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false
    })
  })

  it('lets only the app’s own files load', () => {
    expect(isAppRequest('file:///opt/claimdesk/out/renderer/index.html')).toBe(true)
    expect(isAppRequest('https://example.org/tracker.gif')).toBe(false)
    expect(isAppRequest('http://127.0.0.1:9/x')).toBe(false)
    expect(isAppRequest('wss://example.org/socket')).toBe(false)
    expect(isAppRequest('http://localhost:5173/src/main.ts', 'http://localhost:5173')).toBe(true)
    expect(isAppRequest('http://localhost:5173.evil.example/', 'http://localhost:5173/')).toBe(false)
  })

  it('has a Content-Security-Policy with no remote origin and no inline script', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'")
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|unsafe-eval|\*/)
  })

  it('puts the same policy in the built page', () => {
    const page = resolve(__dirname, '../../out/renderer/index.html')
    expect(existsSync(page), 'run "npm run build" first').toBe(true)
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(readFileSync(page, 'utf8'))?.[1]
    expect(meta).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''))
  })
})
