import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'

/** The Electron executable when one is installed (or ELECTRON_OVERRIDE_DIST_PATH points at one). */
export function findElectron(): string | null {
  try {
    const path = createRequire(__filename)('electron') as unknown
    return typeof path === 'string' && existsSync(path) ? path : null
  } catch {
    // The npm package throws when its binary was never downloaded.
    return null
  }
}
