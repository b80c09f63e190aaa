// Where the Electron executable is, when one is installed (or ELECTRON_OVERRIDE_DIST_PATH points at
// one): for `npm start` (scripts/start.mjs) and the e2e's Electron project. It mirrors the electron
// package's own lookup without requiring the package: its index.js starts a download when the binary
// is missing, which fails noisily on a machine without internet.
const { existsSync, readFileSync } = require('node:fs')
const { dirname, join } = require('node:path')

const PLATFORM_EXECUTABLE = {
  darwin: 'Electron.app/Contents/MacOS/Electron',
  win32: 'electron.exe'
}

/** @returns {string | null} */
const findElectron = () => {
  let pkgDir
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

module.exports = { findElectron }
