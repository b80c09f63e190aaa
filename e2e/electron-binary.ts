import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

const PLATFORM_EXECUTABLE: Record<string, string> = {
  darwin: 'Electron.app/Contents/MacOS/Electron',
  win32: 'electron.exe'
}

/**
 * The Electron executable when one is installed (or ELECTRON_OVERRIDE_DIST_PATH points at one).
 * Mirrors the electron package's own lookup without requiring it: its index.js starts a
 * download when the binary is missing, which fails noisily on a machine without internet.
 */
export function findElectron(): string | null {
  let pkgDir: string
  try {
    pkgDir = dirname(require.resolve('electron/package.json'))
  } catch {
    return null
  }
  const pathFile = join(pkgDir, 'path.txt')
  const relative = existsSync(pathFile)
    ? readFileSync(pathFile, 'utf8').trim()
    : (PLATFORM_EXECUTABLE[process.platform] ?? 'electron')
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  const candidate = override ? join(override, relative) : join(pkgDir, 'dist', relative)
  return existsSync(candidate) ? candidate : null
}
