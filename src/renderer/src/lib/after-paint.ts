// Work that can wait until the frame showing a change is on screen: an edit drawn at once
// (optimistically) is painted before the request that saves it is built and sent, so the frame
// after a click holds only what draws it.

/** Time after which the work runs anyway (a hidden window draws no frames). */
const LATEST_MS = 100

/** Resolves after the next frame has been painted, or at once (in a task) where no frame will come. */
export function afterPaint(): Promise<void> {
  return new Promise((done) => {
    if (typeof requestAnimationFrame === 'undefined' || typeof document === 'undefined' || document.hidden) {
      setTimeout(done, 0)
      return
    }
    let ran = false
    const run = () => {
      if (ran) return
      ran = true
      clearTimeout(latest)
      done()
    }
    const latest = setTimeout(run, LATEST_MS)
    // A task queued from an animation frame callback runs once that frame has been painted.
    requestAnimationFrame(() => setTimeout(run, 0))
  })
}
