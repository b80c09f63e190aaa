// A second process for the durability and lock tests, run as
// `node child.mjs <mode> <case> [from] [checkpointDelayMs]`:
//   write  applies claims c-<from>, c-<from+1>, ... one at a time forever, printing each id once
//          its apply has resolved (that is, once the write is acknowledged as durable);
//   hold   opens the case for writing, prints "ready" and waits.
import { openCaseStore } from '../index'
import type { CaseOp } from '../types'
import { fakeClaim, fakeDocument } from './fixtures'

const [mode, file, from = '0', delay = '5'] = process.argv.slice(2)

async function main(): Promise<void> {
  const store = await openCaseStore(file, { checkpointDelayMs: Number(delay) })
  if (mode === 'hold') {
    process.stdout.write('ready\n')
    setInterval(() => undefined, 1000)
    return
  }
  const documentId = [...store.state.documents.keys()][0]
  for (let i = Number(from); ; i++) {
    const ops: CaseOp[] = [{ op: 'put', collection: 'claims', item: fakeClaim(documentId, null, `c-${i}`) }]
    // Every tenth write also adds a document, so checkpoints have real work and can be interrupted.
    if (i % 10 === 0) ops.push({ op: 'put', collection: 'documents', item: fakeDocument(20_000, i) })
    await store.apply(ops)
    process.stdout.write(`c-${i}\n`)
  }
}

main().catch((err: unknown) => {
  process.stdout.write(`error ${(err as Error).message}\n`)
  process.exit(1)
})
