// The desktop app's log: one line an event in <user data>/logs/claimdesk.log, rotated at a size
// limit (claimdesk.1.log is the previous file, and so on). It records what happened, never what
// the analyst works on: callers pass event names and numbers, and an error is written as its
// name, code and stack frames. Its message, which may quote a document, a claim or a file
// path, is left out unless detail is turned on (CLAIMDESK_LOG_DETAIL=1), for a bug report.
import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'

export type LogFields = Record<string, string | number | boolean | null | undefined>

export interface LogOptions {
  dir: string
  /** Rotate when the file would grow past this (default 1 MB). */
  maxBytes?: number
  /** Files kept, the current one included (default 3). */
  keep?: number
  /** Include error messages. */
  detail?: boolean
  now?: () => Date
}

export const LOG_NAME = 'claimdesk.log'

export class RotatingLog {
  readonly file: string
  private readonly maxBytes: number
  private readonly keep: number
  private readonly now: () => Date

  constructor(private readonly options: LogOptions) {
    this.file = join(options.dir, LOG_NAME)
    this.maxBytes = options.maxBytes ?? 1_000_000
    this.keep = Math.max(1, options.keep ?? 3)
    this.now = options.now ?? (() => new Date())
  }

  info(event: string, fields?: LogFields): void {
    this.write('INFO', event, fields)
  }

  warn(event: string, fields?: LogFields): void {
    this.write('WARN', event, fields)
  }

  error(event: string, err: unknown, fields?: LogFields): void {
    const e = err instanceof Error ? err : null
    const code = (err as { code?: unknown } | null)?.code
    const frames = e?.stack?.split('\n').filter((line) => /^\s+at /.test(line)) ?? []
    this.write('ERROR', event, {
      ...fields,
      error: e?.name ?? typeof err,
      code: typeof code === 'string' || typeof code === 'number' ? code : undefined,
      message: this.options.detail ? (e?.message ?? String(err)) : undefined
    })
    if (frames.length > 0) this.append(frames.join('\n') + '\n')
  }

  private write(level: string, event: string, fields: LogFields = {}): void {
    const pairs = Object.entries(fields)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => `${key}=${JSON.stringify(value)}`)
    this.append(`${this.now().toISOString()} ${level} ${[event, ...pairs].join(' ')}\n`)
  }

  private append(text: string): void {
    try {
      mkdirSync(this.options.dir, { recursive: true })
      if (this.size() + Buffer.byteLength(text) > this.maxBytes) this.rotate()
      appendFileSync(this.file, text)
    } catch {
      // A log that cannot be written (disk full, folder read-only) must not stop the app.
    }
  }

  private size(): number {
    try {
      return statSync(this.file).size
    } catch {
      return 0
    }
  }

  private rotate(): void {
    const name = (n: number): string => (n === 0 ? this.file : join(this.options.dir, `claimdesk.${n}.log`))
    rmSync(name(this.keep - 1), { force: true })
    for (let n = this.keep - 2; n >= 0; n--) {
      try {
        renameSync(name(n), name(n + 1))
      } catch {
        // that one did not exist yet
      }
    }
  }
}
