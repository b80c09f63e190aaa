// The case lock under stress: several processes take and release the lock of one case in a loop
// while random ones are killed with SIGKILL (half of the kills aim at the holder, leaving a lock to
// take over).
// Inside the lock each process checks a marker file naming the current holder: finding a live
// holder's mark on entering, or another's mark on leaving, is a double hold. Used by
// lock-stress.test.ts (short) and lock-stress.mjs (the full run, figures in bench/README.md).
//
// A worker is started as `node <bundle> worker <dir> <holdMs>`, its lock implementation given by
// the bundle's entry (lock-worker.ts for the store's lock; the full run also bundles the old one).
import { spawn, type ChildProcess } from 'node:child_process'
import { appendFileSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export type Acquire = (lockPath: string, casePath: string) => Promise<{ release(): Promise<void> }>

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Running: a process killed but not yet reaped (a zombie) answers kill(pid, 0) but can hold nothing. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch {
    return false
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1')
    return !['Z', 'X'].includes(stat.slice(stat.lastIndexOf(')') + 2)[0])
  } catch {
    return true // no /proc (not Linux): kill(pid, 0) is all there is
  }
}

/** The loop each worker process runs until it is killed. */
export async function worker(acquire: Acquire, dir: string, holdMs: number): Promise<never> {
  const casePath = join(dir, 'stress.claimdesk.json')
  const marker = join(dir, 'holder')
  const log = join(dir, 'log')
  const me = String(process.pid)
  for (;;) {
    let lock
    try {
      lock = await acquire(`${casePath}.lock`, casePath)
    } catch {
      await sleep(Math.random() * 3)
      continue
    }
    const before = readFileSync(marker, 'utf8').trim() || null
    if (before && before !== me && isAlive(Number(before))) appendFileSync(log, `D ${me} ${before}\n`)
    writeFileSync(`${marker}.${me}`, me)
    renameSync(`${marker}.${me}`, marker)
    appendFileSync(log, `A ${me}\n`)
    await sleep(Math.random() * holdMs)
    const after = readFileSync(marker, 'utf8').trim()
    if (after !== me) appendFileSync(log, `D ${me} ${after}\n`)
    else writeFileSync(marker, '')
    appendFileSync(log, `R ${me}\n`)
    await lock.release()
  }
}

export interface StressOptions {
  /** The worker bundle (see above). */
  workerJs: string
  dir: string
  processes: number
  seconds: number
  /** Mean time between kills. */
  killEveryMs: number
  holdMs: number
}

export interface StressResult {
  acquisitions: number
  doubleHolds: number
  kills: number
  /** Kills that landed while the process held the lock (each leaves a lock to take over). */
  killedHolding: number
  seconds: number
}

export async function lockStress(o: StressOptions): Promise<StressResult> {
  rmSync(join(o.dir, 'log'), { force: true })
  writeFileSync(join(o.dir, 'holder'), '')
  writeFileSync(join(o.dir, 'log'), '')
  const live = new Set<ChildProcess>()
  const start = (): void => {
    const child = spawn(process.execPath, [o.workerJs, 'worker', o.dir, String(o.holdMs)], { stdio: 'ignore' })
    live.add(child)
    child.once('exit', () => live.delete(child))
  }
  const kill = async (child: ChildProcess): Promise<void> => {
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGKILL')
    await exited
  }
  for (let i = 0; i < o.processes; i++) start()
  const t0 = Date.now()
  let kills = 0
  try {
    while (Date.now() - t0 < o.seconds * 1000) {
      await sleep(o.killEveryMs * (0.5 + Math.random()))
      // Half the kills aim at the current holder, so stale locks are taken over often.
      const victims = [...live]
      const holder = readFileSync(join(o.dir, 'holder'), 'utf8').trim()
      const victim =
        (Math.random() < 0.5 && victims.find((c) => String(c.pid) === holder)) ||
        victims[Math.floor(Math.random() * victims.length)]
      if (!victim) continue
      await kill(victim)
      kills++
      start()
    }
  } finally {
    await Promise.all([...live].map(kill))
  }
  const lines = readFileSync(join(o.dir, 'log'), 'utf8').split('\n').filter(Boolean)
  const open = new Map<string, number>()
  for (const line of lines) {
    const [kind, pid] = line.split(' ')
    if (kind === 'A') open.set(pid, (open.get(pid) ?? 0) + 1)
    if (kind === 'R') open.set(pid, (open.get(pid) ?? 0) - 1)
  }
  return {
    acquisitions: lines.filter((l) => l.startsWith('A ')).length,
    doubleHolds: lines.filter((l) => l.startsWith('D ')).length,
    kills,
    killedHolding: [...open.values()].filter((n) => n > 0).length,
    seconds: (Date.now() - t0) / 1000
  }
}
