// The CLI run in-process for tests, as the installed command runs it, with a user-data folder in `dir`.
import { join, resolve } from 'node:path'
import { runCli } from './run'

const root = resolve(__dirname, '../../..')

export interface CliRun {
  code: number
  out: string
  err: string
}

export async function runCliIn(dir: string, argv: string[]): Promise<CliRun> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(argv, {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env: { CLAIMDESK_HOME: join(dir, 'home') },
    rendererDir: join(root, 'out/renderer'),
    resourcesDir: join(root, 'resources')
  })
  return { code, out: out.join('\n'), err: err.join('\n') }
}
