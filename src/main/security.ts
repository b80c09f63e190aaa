/** The renderer's Content-Security-Policy: nothing remote, no inline or eval'd script. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Svelte sets style attributes (highlight colours); no stylesheet is loaded from elsewhere.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'"
].join('; ')

/** webPreferences for every window: the renderer gets no Node, an isolated world and the sandbox. */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false
} as const

/** Requests the desktop app lets through: its own files (and the dev server in development), nothing remote. */
export function isAppRequest(url: string, devUrl?: string): boolean {
  if (devUrl && url.startsWith(devUrl)) return true
  return ['file:', 'devtools:', 'data:', 'blob:'].some((scheme) => url.startsWith(scheme))
}
