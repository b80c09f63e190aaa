// Things that happen to the open case outside any call (a timed save that failed, the file
// replaced on disk), kept for the UI to fetch: it asks for the events after the last it saw and
// may wait for the next one (a long poll, which every door can carry).
import type { CaseChanges, CaseEvent } from '../../shared/api'

const KEEP = 100

export class EventLog {
  private events: CaseEvent[] = []
  private seq = 0
  private waiters = new Set<() => void>()

  push(kind: CaseEvent['kind'], message: string, details?: Record<string, unknown>, changes?: CaseChanges): void {
    this.events.push({
      seq: ++this.seq,
      kind,
      message,
      ...(details ? { details } : {}),
      ...(changes ? { changes } : {})
    })
    if (this.events.length > KEEP) this.events.shift()
    for (const wake of this.waiters) wake()
    this.waiters.clear()
  }

  /** Events after `after`; when there are none, waits up to `waitMs` for one. */
  async since(after: number, waitMs = 0): Promise<CaseEvent[]> {
    const found = () => this.events.filter((e) => e.seq > after)
    if (found().length > 0 || waitMs <= 0) return found()
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.waiters.delete(wake)
        resolve()
      }, waitMs)
      timer.unref?.()
      const wake = () => {
        clearTimeout(timer)
        resolve()
      }
      this.waiters.add(wake)
    })
    return found()
  }
}
