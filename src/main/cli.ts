import { appPaths } from './app-paths'
import { runCli } from './cli/run'

// Built to out/main/cli.js (also inside the package's app.asar).
const paths = appPaths(__dirname)
const stopped = new Promise<void>((resolve) => {
  process.once('SIGINT', resolve)
  process.once('SIGTERM', resolve)
})

runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => process.stderr.write(text + '\n'),
  env: process.env,
  rendererDir: paths.rendererDir,
  resourcesDir: paths.resourcesDir,
  untilStopped: () => stopped
}).then((code) => {
  process.exitCode = code
  // Exit once standard output is flushed: a pipe on macOS is written asynchronously.
  process.stdout.write('', () => process.exit())
})
