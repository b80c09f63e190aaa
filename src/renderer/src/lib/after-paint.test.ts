import { afterEach, describe, expect, it, vi } from 'vitest'
import { afterPaint } from './after-paint'

describe('afterPaint', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.useRealTimers()
  })

  it('resolves in a task after the next animation frame', async () => {
    const frames: FrameRequestCallback[] = []
    vi.stubGlobal('requestAnimationFrame', (fn: FrameRequestCallback) => frames.push(fn))
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    let done = false
    void afterPaint().then(() => (done = true))
    await vi.advanceTimersByTimeAsync(50)
    expect(done).toBe(false)
    frames.forEach((fn) => fn(0))
    expect(done).toBe(false)
    await vi.advanceTimersByTimeAsync(0)
    expect(done).toBe(true)
  })

  it('resolves anyway when no frame comes', async () => {
    vi.stubGlobal('requestAnimationFrame', () => 0)
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    let done = false
    void afterPaint().then(() => (done = true))
    await vi.advanceTimersByTimeAsync(99)
    expect(done).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(done).toBe(true)
  })

  it.each([
    ['pagehide', window],
    ['visibilitychange', document]
  ] as const)('resolves at once on %s (a page closed right after an edit still sends it)', async (event, target) => {
    vi.stubGlobal('requestAnimationFrame', () => 0)
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    let done = false
    void afterPaint().then(() => (done = true))
    await Promise.resolve()
    expect(done).toBe(false)
    target.dispatchEvent(new Event(event))
    await Promise.resolve()
    expect(done).toBe(true)
  })
})
