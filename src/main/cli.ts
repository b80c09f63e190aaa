import { join } from 'node:path'
import { runCli } from './cli/run'

// Built to out/main/cli.js: the renderer is out/renderer, resources sit at the project root.
const stopped = new Promise<void>((resolve) => {
  process.once('SIGINT', resolve)
  process.once('SIGTERM', resolve)
})

runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => process.stderr.write(text + '\n'),
  env: process.env,
  rendererDir: join(__dirname, '../renderer'),
  resourcesDir: join(__dirname, '../../resources'),
  untilStopped: () => stopped
}).then((code) => {
  process.exitCode = code
  // Exit once standard output is flushed: a pipe on macOS is written asynchronously.
  process.stdout.write('', () => process.exit())
})
