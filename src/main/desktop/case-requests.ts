// Cases the system asks the running app to open (a second launch, a double-clicked case file,
// macOS's open-file). Before the app is ready the newest one becomes the case it starts with;
// after, each is delivered to the window at once.
export class CaseRequests {
  private pending: string | null = null
  private deliver: ((path: string) => void) | null = null

  request(path: string): void {
    if (this.deliver) this.deliver(path)
    else this.pending = path
  }

  /** From now on requests go to `deliver`; returns the case asked for before, if any. */
  ready(deliver: (path: string) => void): string | null {
    this.deliver = deliver
    const first = this.pending
    this.pending = null
    return first
  }
}
