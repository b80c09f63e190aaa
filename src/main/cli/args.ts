// What every command shares: its input and output, its options parser and its usage errors.
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { casePath } from '../service'

export interface CliIo {
  out: (text: string) => void
  err: (text: string) => void
  env: NodeJS.ProcessEnv
  /** Paths of the built renderer and the shipped resources. */
  rendererDir: string
  resourcesDir: string
  /** Resolves when a long-running command (serve) should stop. */
  untilStopped?: () => Promise<void>
}

/** A command written wrongly (exit code 2), as against a case that refuses it (exit code 1). */
export class UsageError extends Error {}

const common = {
  case: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false }
} as const

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options: { ...common, ...options }, allowPositionals: true, strict: true })
  } catch (err) {
    throw new UsageError((err as Error).message)
  }
}

/** A command that takes no words outside its options: one left over is a slip (ids split by spaces), never ignored. */
export function noPositionals(positionals: readonly string[]): void {
  if (positionals.length)
    throw new UsageError(
      `“${positionals[0]}” is no option of this command; several ids or names go in one option, joined by commas: id1,id2`
    )
}

export function requireCase(value: string | undefined): string {
  if (!value) throw new UsageError('--case <file> is required')
  return casePath(value)
}
