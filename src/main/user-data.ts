import { homedir } from 'node:os'
import { join } from 'node:path'

export const APP_NAME = 'Claimdesk'

/**
 * The folder Electron's app.getPath('userData') gives on each platform, so the CLI and the
 * browser mode find the same default case as the desktop app. CLAIMDESK_HOME overrides it.
 */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.CLAIMDESK_HOME) return env.CLAIMDESK_HOME
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME)
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME)
}

export function defaultCasePath(dir: string): string {
  return join(dir, 'Default.claimdesk.json')
}
