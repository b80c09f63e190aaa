// Cases the system asks the running app to open (a second launch, a double-clicked case file,
// macOS's open-file). Before start-up the newest one is the case the app starts with; once the
// window is up, each is delivered to it.
export class CaseRequests {
  private pending: string | null = null
  private deliver: ((path: string) => void) | null = null

  request(path: string): void {
    if (this.deliver) this.deliver(path)
    else this.pending = path
  }

  /** The case asked for so far (the app starts with it); it is no longer pending. */
  take(): string | null {
    const path = this.pending
    this.pending = null
    return path
  }

  /** From now on requests go to `deliver`; one that came in since take() is delivered now. */
  ready(deliver: (path: string) => void): void {
    this.deliver = deliver
    const path = this.take()
    if (path) deliver(path)
  }
}
