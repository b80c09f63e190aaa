// A file system that fails on cue, for the store's fault tests: put it in OpenStoreOptions.fs (or
// pass it to any store module) and say which call fails how:
//   faultyFs([{ op: 'write', path: /\.journal$/, nth: 3, fault: 'ENOSPC' }])
//   faultyFs([{ op: 'write', path: /\.tmp$/, fault: { short: 100 } }])        a short write
//   faultyFs([{ op: 'rename', path: /kursk/, fault: { run: () => replaceFile() } }])  act, then go on
// Calls on file handles (write, writeFile, datasync, sync, truncate) are matched by the path the
// handle was opened with; two-path calls (rename, link, copyFile) by "<from> -> <to>".
import type { StoreFs, FileHandle } from '../store-fs'
import { nodeFs } from '../store-fs'

export type FaultOp =
  | 'open'
  | 'write'
  | 'writeFile'
  | 'datasync'
  | 'sync'
  | 'truncate'
  | 'rename'
  | 'link'
  | 'copyFile'
  | 'mkdir'
  | 'rm'
  | 'utimes'

export type Fault =
  | 'ENOSPC'
  | 'EIO'
  | 'EROFS'
  | 'EACCES'
  /** The write writes only this many bytes (0: none) and says so, as a nearly full disk does. */
  | { short: number }
  /** Runs `run` before the call, which then goes ahead. */
  | { run: () => unknown }

export interface FaultRule {
  op: FaultOp | FaultOp[]
  path?: RegExp
  /** The first matching call that fails (1-based; default 1). */
  nth?: number
  /** How many matching calls fail from the nth on (default 1; Infinity for all). */
  times?: number
  fault: Fault
}

export interface FaultyFs extends StoreFs {
  /** Every call seen, in order. */
  readonly calls: { op: FaultOp; path: string }[]
  /** How many faults were injected. */
  readonly injected: number
  /** Adds a rule (counting starts from now). */
  add(rule: FaultRule): void
}

function errnoError(code: string, op: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected fault, ${op} '${path}'`), { code, syscall: op, path })
}

export function faultyFs(initial: FaultRule[] = [], base: StoreFs = nodeFs): FaultyFs {
  const rules = initial.map((rule) => ({ rule, seen: 0 }))
  const calls: { op: FaultOp; path: string }[] = []
  let injected = 0

  function faultFor(op: FaultOp, path: string): Fault | null {
    calls.push({ op, path })
    let fault: Fault | null = null
    for (const r of rules) {
      const ops = Array.isArray(r.rule.op) ? r.rule.op : [r.rule.op]
      if (!ops.includes(op) || (r.rule.path && !r.rule.path.test(path))) continue
      r.seen++
      const nth = r.rule.nth ?? 1
      if (fault === null && r.seen >= nth && r.seen < nth + (r.rule.times ?? 1)) fault = r.rule.fault
    }
    if (fault !== null) injected++
    return fault
  }

  /** Fails (or runs the hook of) call `op` on `path`, then does it. */
  async function guarded<T>(op: FaultOp, path: string, real: () => Promise<T>): Promise<T> {
    const fault = faultFor(op, path)
    if (fault !== null && typeof fault === 'object' && 'run' in fault) await fault.run()
    else if (typeof fault === 'string') throw errnoError(fault, op, path)
    return real()
  }

  function wrapHandle(handle: FileHandle, path: string): FileHandle {
    return new Proxy(handle, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown
        if (typeof value !== 'function') return value
        const fn = value as (...a: unknown[]) => Promise<unknown>
        switch (prop) {
          case 'write':
            return async (
              buffer: Uint8Array,
              offset = 0,
              length = buffer.length - offset,
              position: number | null = null
            ) => {
              const fault = faultFor('write', path)
              if (fault !== null && typeof fault === 'object' && 'short' in fault) {
                const n = Math.min(fault.short, length)
                if (n === 0) return { bytesWritten: 0, buffer }
                return fn.call(target, buffer, offset, n, position)
              }
              if (fault !== null && typeof fault === 'object' && 'run' in fault) await fault.run()
              else if (typeof fault === 'string') throw errnoError(fault, 'write', path)
              return fn.call(target, buffer, offset, length, position)
            }
          case 'writeFile':
          case 'datasync':
          case 'sync':
          case 'truncate':
            return (...args: unknown[]) => guarded(prop, path, () => fn.apply(target, args))
          default:
            return fn.bind(target)
        }
      }
    })
  }

  const two = (a: unknown, b: unknown): string => `${String(a)} -> ${String(b)}`
  const io: StoreFs = {
    ...base,
    open: (async (path: string, ...rest: unknown[]) =>
      wrapHandle(
        await guarded('open', String(path), () =>
          (base.open as (...a: unknown[]) => Promise<FileHandle>)(path, ...rest)
        ),
        String(path)
      )) as StoreFs['open'],
    rename: (from, to) => guarded('rename', two(from, to), () => base.rename(from, to)),
    link: (from, to) => guarded('link', two(from, to), () => base.link(from, to)),
    copyFile: (from, to, mode) => guarded('copyFile', two(from, to), () => base.copyFile(from, to, mode)),
    mkdir: ((path: string, options?: unknown) =>
      guarded('mkdir', String(path), () =>
        (base.mkdir as (...a: unknown[]) => Promise<unknown>)(path, options)
      )) as StoreFs['mkdir'],
    rm: (path, options) => guarded('rm', String(path), () => base.rm(path, options)),
    utimes: (path, atime, mtime) => guarded('utimes', String(path), () => base.utimes(path, atime, mtime))
  }
  return Object.defineProperties(io, {
    calls: { value: calls },
    injected: { get: () => injected },
    add: { value: (rule: FaultRule) => rules.push({ rule, seen: 0 }) }
  }) as FaultyFs
}
