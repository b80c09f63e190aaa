// An import worker thread: reads the files the pool (pool.ts) hands it, one at a time, and answers
// with the document or the error. Built as its own entry (out/main/import-worker.js); the pool stops
// it when a file overruns its time or memory.
import { readFile } from 'node:fs/promises'
import { parentPort } from 'node:worker_threads'
import { ClaimdeskError } from '../../shared/errors'
import { fileError } from './fail'
import { loadParsers, readFileBytes } from './importers'
import type { WorkerReply, WorkerTask } from './worker-messages'

async function run(task: WorkerTask): Promise<WorkerReply> {
  if (task.kind === 'preload') {
    await loadParsers()
    return { id: task.id, ok: true }
  }
  try {
    const bytes = task.kind === 'path' ? await readFile(task.path) : task.bytes
    return { id: task.id, ok: true, doc: await readFileBytes(task.fileName, bytes, task.options) }
  } catch (err) {
    // A parser's own failure on a malformed file is still that file's error, not the app's.
    const error =
      err instanceof ClaimdeskError
        ? err
        : fileError(task.fileName, `the file could not be read (${err instanceof Error ? err.message : String(err)})`)
    return { id: task.id, ok: false, error: error.toJSON() }
  }
}

// Outside a worker thread (the bundler may share this module's code with other chunks) it does nothing.
parentPort?.on('message', (task: WorkerTask) => {
  void run(task).then((reply) => parentPort?.postMessage(reply))
})
