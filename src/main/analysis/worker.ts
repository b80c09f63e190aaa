// suggestClaims in a worker thread, so a long document never blocks the process that serves the UI.
// This one file is both sides: imported, it exports suggestInWorker; started as a worker (electron-vite
// builds it to out/main/suggest-worker.js), it answers requests. One worker is kept for the process,
// started on first use; it does not keep the process alive while idle. It reads one document at a
// time, held to SUGGEST_LIMITS: a document that overruns them costs its own request a clear error and
// the worker a restart, and the requests behind it go on in the new one.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads'
import { ClaimdeskError, toErrorInfo, type ErrorInfo } from '../../shared/errors'
import type { Source } from '../../shared/model'
import { suggestClaims } from './suggest'
import { builtWorkerHere } from '../built-workers'
import type { Suggestion, SuggestInput } from '../../shared/analysis'
import { SUGGEST_LIMITS, type SuggestLimits } from './limits'

const ROLE = 'claimdesk-suggest'

interface Request {
  id: number
  doc: SuggestInput
  sources: readonly Source[]
}
type Reply = { id: number; suggestions: Suggestion[] } | { id: number; error: ErrorInfo }

if (!isMainThread && parentPort && (workerData as { role?: string } | null)?.role === ROLE) {
  const port = parentPort
  port.on('message', (req: Request) => {
    let reply: Reply
    try {
      reply = { id: req.id, suggestions: suggestClaims(req.doc, req.sources) }
    } catch (err) {
      reply = { id: req.id, error: toErrorInfo(err) }
    }
    port.postMessage(reply)
  })
}

export interface SuggestWorkerOptions {
  /** The built worker script; defaults to suggest-worker.js beside the running bundle (out/main). */
  script?: string
  /** Time and memory for one document (tests lower them). */
  limits?: Pick<SuggestLimits, 'timeMs' | 'memoryMb'>
}

interface Job {
  request: Request
  resolve: (s: Suggestion[]) => void
  reject: (e: Error) => void
}

interface Running {
  worker: Worker
  script: string
  limits: Pick<SuggestLimits, 'timeMs' | 'memoryMb'>
  queue: Job[]
  current: Job | null
  timer: NodeJS.Timeout | null
}

let running: Running | null = null
let nextId = 1

function start(script: string, limits: Running['limits'], queue: Job[] = []): Running {
  const worker = new Worker(script, {
    workerData: { role: ROLE },
    resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb }
  })
  const state: Running = { worker, script, limits, queue, current: null, timer: null }
  /** The worker is gone: the document it was reading fails with `message`, the rest go on in a new one. */
  const lost = (message: string) => {
    if (running !== state) return
    if (state.timer) clearTimeout(state.timer)
    state.current?.reject(new ClaimdeskError('invalid', message))
    state.current = null
    running = state.queue.length ? start(script, limits, state.queue) : null
  }
  worker.on('message', (reply: Reply) => {
    const job = state.current
    if (!job || reply.id !== job.request.id) return
    if (state.timer) clearTimeout(state.timer)
    state.current = null
    if ('error' in reply) job.reject(ClaimdeskError.from(reply.error))
    else job.resolve(reply.suggestions)
    sendNext(state)
  })
  worker.on('error', (err) => {
    const outOfMemory = (err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
    if (!state.current || !outOfMemory) {
      // Not this document's fault: every waiting request learns the worker failed.
      for (const job of [state.current, ...state.queue]) job?.reject(workerFailed(script, err.message))
      state.queue = []
      state.current = null
      if (running === state) running = null
      return
    }
    lost(
      `Suggested claims: the document needed more than ${limits.memoryMb} MB to read; mark its claims by hand, or import it in parts.`
    )
  })
  worker.on('exit', (code) => lost(`Suggested claims: the reader stopped (exit code ${code}); try again.`))
  sendNext(state)
  return state
}

const workerFailed = (script: string, why: string) =>
  new ClaimdeskError('internal', `The suggestion worker (${script}) failed: ${why}`)

function sendNext(state: Running): void {
  if (state.current) return
  const job = state.queue.shift()
  if (!job) {
    state.worker.unref()
    return
  }
  state.current = job
  state.worker.ref()
  state.timer = setTimeout(() => {
    const seconds = Math.round(state.limits.timeMs / 1000)
    const job = state.current
    state.current = null
    job?.reject(
      new ClaimdeskError(
        'invalid',
        `Suggested claims: the document took more than ${seconds} s to read and was stopped; mark its claims by hand, or import it in parts.`
      )
    )
    if (running === state) running = state.queue.length ? start(state.script, state.limits, state.queue) : null
    void state.worker.terminate()
  }, state.limits.timeMs)
  state.worker.postMessage(job.request)
}

/**
 * suggestClaims(doc, sources) in the shared worker thread. Rejects with ClaimdeskError: 'invalid' for a
 * bad document (as suggestClaims would throw) or one past the time or memory limit, 'internal' when the
 * worker cannot start or fails; a later call starts a new worker.
 */
export function suggestInWorker(
  doc: SuggestInput,
  sources: readonly Source[],
  options: SuggestWorkerOptions = {}
): Promise<Suggestion[]> {
  const script = options.script ?? builtWorkerHere('suggest')
  if (!script)
    return Promise.reject(new ClaimdeskError('internal', 'suggestInWorker: no worker script (pass options.script)'))
  const limits = options.limits ?? SUGGEST_LIMITS
  if (!running || running.script !== script || running.limits !== limits) running = start(script, limits)
  const state = running
  return new Promise<Suggestion[]>((resolve, reject) => {
    state.queue.push({
      request: { id: nextId++, doc: { text: doc?.text, blocks: doc?.blocks, outlet: doc?.outlet }, sources },
      resolve,
      reject
    })
    sendNext(state)
  })
}

/** Stops the shared worker (when closing the app or a test); waiting requests are rejected. */
export async function closeSuggestWorker(): Promise<void> {
  const state = running
  running = null
  if (!state) return
  if (state.timer) clearTimeout(state.timer)
  for (const job of [state.current, ...state.queue])
    job?.reject(new ClaimdeskError('internal', 'The suggestion worker was closed'))
  await state.worker.terminate()
}
