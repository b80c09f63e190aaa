// Entry of a lock-stress worker process using the store's lock (bundled by the stress test and script).
import { CaseLock } from '../../src/main/case/lock'
import { nodeFs } from '../../src/main/case/store-fs'
import { worker } from './lock-harness'

const [mode, dir, holdMs] = process.argv.slice(2)
if (mode === 'worker')
  void worker((lockPath, casePath) => CaseLock.acquire(nodeFs, lockPath, casePath), dir, Number(holdMs))
