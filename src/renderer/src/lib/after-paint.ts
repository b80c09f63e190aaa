// Work that can wait until the frame showing a change is on screen: an edit drawn at once
// (optimistically) is painted before the request that saves it is built and sent, so the frame
// after a click holds only what draws it.

/** Time after which the work runs anyway (a hidden window draws no frames). */
const LATEST_MS = 100

/**
 * Resolves after the next frame has been painted, or at once (in a task) where no frame will come;
 * at once too when the page is left or hidden meanwhile (closed right after an edit, its request
 * must still go: a closing page runs no more frames or timers).
 */
export function afterPaint(): Promise<void> {
  return new Promise((done) => {
    if (typeof requestAnimationFrame === 'undefined' || typeof document === 'undefined') {
      setTimeout(done, 0)
      return
    }
    let ran = false
    const run = () => {
      if (ran) return
      ran = true
      clearTimeout(latest)
      removeEventListener('pagehide', run)
      document.removeEventListener('visibilitychange', run)
      done()
    }
    addEventListener('pagehide', run)
    document.addEventListener('visibilitychange', run)
    const latest = setTimeout(run, document.hidden ? 0 : LATEST_MS)
    // A task queued from an animation frame callback runs once that frame has been painted.
    if (!document.hidden) requestAnimationFrame(() => setTimeout(run, 0))
  })
}
