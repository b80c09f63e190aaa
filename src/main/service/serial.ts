/**
 * Runs tasks one at a time, in the order they were asked for. The case's rules read the state and
 * the store updates it only once a change is durable, so two overlapping changes would otherwise
 * both start from the same state and the later would undo the earlier.
 */
export class Serial {
  private tail: Promise<unknown> = Promise.resolve()

  run<T>(task: () => Promise<T> | T): Promise<T> {
    const result = this.tail.then(task, task)
    this.tail = result.catch(() => undefined)
    return result
  }
}
