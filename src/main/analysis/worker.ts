// suggestClaims in a worker thread, so a long document never blocks the process that serves the UI.
// This one file is both sides: imported, it exports suggestInWorker; started as a worker (electron-vite
// builds it to out/main/suggest-worker.js), it answers requests. One worker is kept for the process,
// started on first use; it does not keep the process alive while idle.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads'
import { ClaimdeskError, toErrorInfo, type ErrorInfo } from '../../shared/errors'
import type { Source } from '../../shared/model'
import { suggestClaims } from './suggest'
import { builtWorkerHere } from '../built-workers'
import type { Suggestion, SuggestInput } from '../../shared/analysis'

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
}

interface Running {
  worker: Worker
  script: string
  next: number
  pending: Map<number, { resolve: (s: Suggestion[]) => void; reject: (e: Error) => void }>
}

let running: Running | null = null

function start(script: string): Running {
  const worker = new Worker(script, { workerData: { role: ROLE } })
  const state: Running = { worker, script, next: 1, pending: new Map() }
  const failAll = (message: string) => {
    for (const p of state.pending.values()) p.reject(new ClaimdeskError('internal', message))
    state.pending.clear()
    if (running === state) running = null
  }
  worker.on('message', (reply: Reply) => {
    const p = state.pending.get(reply.id)
    if (!p) return
    state.pending.delete(reply.id)
    if ('error' in reply) p.reject(ClaimdeskError.from(reply.error))
    else p.resolve(reply.suggestions)
    if (state.pending.size === 0) worker.unref()
  })
  worker.on('error', (err) => failAll(`The suggestion worker (${script}) failed: ${err.message}`))
  worker.on('exit', (code) => failAll(`The suggestion worker (${script}) stopped (exit code ${code})`))
  return state
}

/**
 * suggestClaims(doc, sources) in the shared worker thread. Rejects with ClaimdeskError: 'invalid' for a
 * bad document (as suggestClaims would throw), 'internal' when the worker cannot start or dies; a later
 * call starts a new worker.
 */
export function suggestInWorker(
  doc: SuggestInput,
  sources: readonly Source[],
  options: SuggestWorkerOptions = {}
): Promise<Suggestion[]> {
  const script = options.script ?? builtWorkerHere('suggest')
  if (!script)
    return Promise.reject(new ClaimdeskError('internal', 'suggestInWorker: no worker script (pass options.script)'))
  if (!running || running.script !== script) running = start(script)
  const state = running
  const id = state.next++
  return new Promise<Suggestion[]>((resolve, reject) => {
    state.pending.set(id, { resolve, reject })
    state.worker.ref()
    state.worker.postMessage({
      id,
      doc: { text: doc?.text, blocks: doc?.blocks, outlet: doc?.outlet },
      sources
    } satisfies Request)
  })
}

/** Stops the shared worker (when closing the app or a test); pending requests are rejected. */
export async function closeSuggestWorker(): Promise<void> {
  const state = running
  running = null
  if (state) await state.worker.terminate()
}
