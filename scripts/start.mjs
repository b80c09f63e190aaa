// npm start: the desktop app (electron-vite preview) where Electron's binary is installed; where it
// is not (npm could not download it, or a machine like CI without one), the same app in browser mode
// on the default case, with a line saying so, rather than a stack trace.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const { findElectron } = createRequire(import.meta.url)('./electron-binary.cjs')

const electron = findElectron()
const [command, args] = electron
  ? [process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'preview']]
  : [process.execPath, [join(root, 'bin/claimdesk.cjs'), 'serve']]
if (!electron)
  console.log(
    "Claimdesk: Electron's binary is not installed here (npm install could not fetch it), so the app opens in " +
      'browser mode instead: open the address below in your browser. Ctrl+C stops it.'
  )
const child = spawn(command, [...args, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
