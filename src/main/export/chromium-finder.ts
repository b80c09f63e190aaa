// Finds a Chromium-family browser to print PDFs with outside the desktop app (CLI, browser mode):
// CLAIMDESK_CHROMIUM when set, else Chrome, Chromium or Edge where each platform installs them.
import { existsSync } from 'node:fs'
import { posix, win32 } from 'node:path'

export const CHROMIUM_ENV = 'CLAIMDESK_CHROMIUM'

export interface FinderContext {
  platform: NodeJS.Platform
  env: Record<string, string | undefined>
  exists: (path: string) => boolean
}

/** Where Chrome, Chromium and Edge install themselves, most likely first. */
export function chromiumCandidates(platform: NodeJS.Platform, env: FinderContext['env']): string[] {
  if (platform === 'win32') {
    const roots = [
      env.ProgramFiles ?? 'C:\\Program Files',
      env['ProgramFiles(x86)'] ?? 'C:\\Program Files (x86)',
      env.LOCALAPPDATA
    ].filter((root): root is string => Boolean(root))
    const apps = [
      ['Google', 'Chrome', 'Application', 'chrome.exe'],
      ['Microsoft', 'Edge', 'Application', 'msedge.exe'],
      ['Chromium', 'Application', 'chrome.exe']
    ]
    return apps.flatMap((parts) => roots.map((root) => win32.join(root, ...parts)))
  }
  if (platform === 'darwin') {
    const apps = [
      ['Google Chrome.app', 'Google Chrome'],
      ['Chromium.app', 'Chromium'],
      ['Microsoft Edge.app', 'Microsoft Edge']
    ]
    const folders = ['/Applications', ...(env.HOME ? [posix.join(env.HOME, 'Applications')] : [])]
    return apps.flatMap(([app, binary]) =>
      folders.map((folder) => posix.join(folder, app, 'Contents', 'MacOS', binary))
    )
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    '/usr/bin/microsoft-edge-stable',
    '/usr/bin/microsoft-edge',
    '/snap/bin/chromium',
    '/opt/google/chrome/chrome',
    '/opt/microsoft/msedge/msedge'
  ]
}

export type Found = { path: string } | { problem: string }

/** The browser to print with, or what is wrong, in words a user can act on. */
export function findChromium(context: Partial<FinderContext> = {}, extra: string[] = []): Found {
  const { platform = process.platform, env = process.env, exists = existsSync } = context
  const chosen = env[CHROMIUM_ENV]
  if (chosen) {
    return exists(chosen)
      ? { path: chosen }
      : {
          problem: `${CHROMIUM_ENV} is set to "${chosen}", but there is no file there: point it at the browser's executable`
        }
  }
  const path = [...chromiumCandidates(platform, env), ...extra].find((candidate) => exists(candidate))
  if (path) return { path }
  const example = chromiumCandidates(platform, env)[0]
  return {
    problem:
      'PDF export needs Chrome, Chromium or Edge, and none was found where they install themselves. ' +
      `Install one, or set ${CHROMIUM_ENV} to a browser's executable (for example ${example}). ` +
      'The desktop app prints without one, and the other formats need none'
  }
}
