// Which case a launch asks for: `--case <file>` (or `--case=<file>`), or a case file passed by the
// system when the user double-clicks one (Windows and Linux put it in argv; macOS sends open-file).
// Linux desktops launch the .desktop entry's `%U` with a path or a file:// URL.
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CASE_EXTENSION } from '../service'

/** The case file named in a command line (argv[0] is the executable), resolved against cwd; null if none. */
export function caseFromArgv(argv: readonly string[], cwd: string): string | null {
  const args = argv.slice(1)
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    if (arg === '--case' && args[i + 1]) return resolve(cwd, args[i + 1])
    if (arg.startsWith('--case=') && arg.length > '--case='.length) return resolve(cwd, arg.slice('--case='.length))
  }
  const file = args.find((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith(CASE_EXTENSION))
  if (!file) return null
  if (!file.startsWith('file:')) return resolve(cwd, file)
  try {
    return fileURLToPath(file)
  } catch {
    return null
  }
}
