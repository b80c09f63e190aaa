// A small pool of warm import workers (worker threads). Each file is read in a worker, under a time
// budget and a memory cap, so a hostile or broken file costs one clear error and never blocks the
// thread that answers the user: past its budget, its worker is stopped and a fresh one takes the next
// file. Aborting a job's signal stops its worker too. Parsers take about a second to load, so
// workers are kept between files and stopped only after a while unused.
import { Worker } from 'node:worker_threads'
import { ClaimdeskError } from '../../shared/errors'
import { fileError } from './fail'
import { formatSeconds, importLimits, type ImportLimits } from './limits'
import type { ImportedDocument, ImportOptions } from './types'
import type { ImportTask as Task, WorkerReply, WorkerTask } from './worker-messages'

interface Job {
  id: number
  task: Task
  limits: ImportLimits
  settle(outcome: { doc?: ImportedDocument } | { error: unknown }): void
}

interface Slot {
  worker: Worker
  memoryMb: number
  job: Job | null
  /** Process memory when the job started: the baseline for its growth. */
  startRss: number
  budget?: ReturnType<typeof setTimeout>
  idle?: ReturnType<typeof setTimeout>
  /** What the worker reported before it exited ("out of memory", an uncaught error). */
  failure?: Error
}

export interface PoolOptions {
  /** Finds the worker script (built, or bundled from sources in tests). */
  workerFile: () => Promise<string>
  workers?: number
  /** A worker unused this long is stopped; it never keeps the process alive meanwhile. */
  idleMs?: number
  /** How often process memory is checked while files are read. */
  watchMs?: number
}

const MB = 1024 * 1024

export class ImportPool {
  private readonly slots = new Set<Slot>()
  private readonly queue: Job[] = []
  private file: Promise<string> | null = null
  private watch: ReturnType<typeof setInterval> | undefined
  private nextId = 1

  constructor(private readonly options: PoolOptions) {}

  /** Reads one file in a worker. Rejects with a ClaimdeskError, or the signal's reason when aborted. */
  run(task: Task, options: ImportOptions = {}): Promise<ImportedDocument> {
    return this.enqueue(task, options).then((doc) => doc as ImportedDocument)
  }

  /** Starts the workers and loads every parser in them, so the first files do not wait for it. */
  async preload(): Promise<void> {
    const count = this.options.workers ?? importLimits().workers
    await Promise.all(Array.from({ length: count }, () => this.enqueue({ kind: 'preload' }, {})))
  }

  /** Stops every worker; queued and running files are rejected. */
  async close(): Promise<void> {
    const error = new ClaimdeskError('internal', 'the importer was closed')
    for (const job of this.queue.splice(0)) job.settle({ error })
    await Promise.all([...this.slots].map((slot) => this.stop(slot, error)))
  }

  /** Workers alive now (busy or idle). */
  get size(): number {
    return this.slots.size
  }

  private async enqueue(task: Task, options: ImportOptions): Promise<ImportedDocument | undefined> {
    const { signal } = options
    signal?.throwIfAborted()
    this.file ??= this.options.workerFile().catch((err: unknown) => {
      this.file = null
      throw err
    })
    await this.file
    signal?.throwIfAborted()
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        const queued = this.queue.indexOf(job)
        if (queued !== -1) {
          this.queue.splice(queued, 1)
          job.settle({ error: signal?.reason })
        } else {
          const slot = [...this.slots].find((s) => s.job === job)
          if (slot) void this.stop(slot, signal?.reason)
        }
      }
      const job: Job = {
        id: this.nextId++,
        task,
        limits: importLimits(options.limits),
        settle: (outcome) => {
          signal?.removeEventListener('abort', onAbort)
          if ('error' in outcome) reject(outcome.error)
          else resolve(outcome.doc)
        }
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      this.queue.push(job)
      void this.pump()
    })
  }

  private async pump(): Promise<void> {
    const file = await this.file
    if (!file) return
    while (this.queue.length) {
      const job = this.queue[0]
      const memoryMb = job.limits.memoryMb
      const idle = [...this.slots].filter((s) => !s.job)
      let slot = idle.find((s) => s.memoryMb === memoryMb)
      if (!slot) {
        if (this.slots.size >= (this.options.workers ?? job.limits.workers)) {
          // Full: make room only by retiring an idle worker built for another memory cap.
          if (!idle.length) return
          void this.stop(idle[0])
        }
        slot = this.spawn(file, memoryMb)
      }
      this.queue.shift()
      this.dispatch(slot, job)
    }
  }

  private spawn(file: string, memoryMb: number): Slot {
    const worker = new Worker(file, {
      // A backstop only: the memory watch below stops a file long before its heap gets here. Node
      // stops a worker at this limit on a best-effort basis, and some allocations reaching it abort
      // the whole process instead (nodejs/node#47224).
      resourceLimits: { maxOldGenerationSizeMb: memoryMb * 2 },
      // The parent's flags (a test runner's loaders, an inspector) are not for this thread.
      execArgv: []
    })
    const slot: Slot = { worker, memoryMb, job: null, startRss: 0 }
    this.slots.add(slot)
    worker.on('message', (reply: WorkerReply) => this.answer(slot, reply))
    worker.on('error', (err) => {
      slot.failure = err
    })
    worker.on('exit', (code) => {
      if (!this.slots.has(slot)) return
      const job = slot.job
      void this.stop(slot, job ? this.crashError(job, slot, code) : undefined)
    })
    return slot
  }

  private dispatch(slot: Slot, job: Job): void {
    clearTimeout(slot.idle)
    slot.job = job
    slot.startRss = process.memoryUsage.rss()
    slot.worker.ref()
    slot.budget = setTimeout(() => {
      const why = `stopped after ${formatSeconds(job.limits.timeMs)}: the file may be damaged, or built to stall a reader`
      void this.stop(slot, fileError(nameOf(job), why))
    }, job.limits.timeMs)
    const { task } = job
    if (task.kind === 'bytes') {
      // A copy of exactly the file's bytes, handed over: the caller keeps its own buffer.
      const bytes = new Uint8Array(task.bytes)
      slot.worker.postMessage({ ...task, id: job.id, bytes } satisfies WorkerTask, [bytes.buffer])
    } else slot.worker.postMessage({ ...task, id: job.id } satisfies WorkerTask)
    this.watchMemory()
  }

  private answer(slot: Slot, reply: WorkerReply): void {
    const job = slot.job
    if (!job || reply.id !== job.id) return
    clearTimeout(slot.budget)
    slot.job = null
    slot.worker.unref()
    slot.idle = setTimeout(() => void this.stop(slot), this.options.idleMs ?? 5 * 60_000)
    slot.idle.unref()
    job.settle(reply.ok ? { doc: reply.doc } : { error: ClaimdeskError.from(reply.error) })
    void this.pump()
  }

  /** Stops a worker; its file, if any, fails with `error`. */
  private async stop(slot: Slot, error?: unknown): Promise<void> {
    if (!this.slots.delete(slot)) return
    clearTimeout(slot.budget)
    clearTimeout(slot.idle)
    const job = slot.job
    slot.job = null
    if (job) job.settle({ error })
    const stopped = slot.worker.terminate().catch(() => undefined)
    void this.pump()
    await stopped
  }

  /**
   * The memory cap, measured on the whole process so that memory outside the JavaScript heap (a
   * PDF's inflated streams, zip output) counts too: while files are read, the process may grow by
   * each running file's cap over its size when the earliest of them started; past that, the running
   * files are stopped (which of them grew cannot be told apart).
   */
  private watchMemory(): void {
    if (this.watch) return
    this.watch = setInterval(() => {
      const running = [...this.slots].filter((s) => s.job)
      if (!running.length) {
        clearInterval(this.watch)
        this.watch = undefined
        return
      }
      const grown = process.memoryUsage.rss() - Math.min(...running.map((s) => s.startRss))
      const allowed = running.reduce((sum, s) => sum + s.job!.limits.memoryMb, 0) * MB
      if (grown <= allowed) return
      for (const slot of running) void this.stop(slot, memoryError(slot.job!))
    }, this.options.watchMs ?? 100)
    this.watch.unref()
  }

  private crashError(job: Job, slot: Slot, code: number): ClaimdeskError {
    if ((slot.failure as { code?: string } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY') return memoryError(job)
    const why = slot.failure?.message ?? `exit code ${code}`
    return fileError(nameOf(job), `the importer stopped unexpectedly (${why})`)
  }
}

function nameOf(job: Job): string {
  return job.task.kind === 'preload' ? 'loading the importers' : job.task.fileName
}

function memoryError(job: Job): ClaimdeskError {
  const why = `needed more than ${job.limits.memoryMb} MB: the file may be damaged, or built to exhaust memory`
  return fileError(nameOf(job), why)
}
