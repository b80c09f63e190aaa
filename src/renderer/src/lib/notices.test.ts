import { afterEach, describe, expect, it, vi } from 'vitest'
import { ClaimdeskError } from '../../../shared/errors'
import { Notices } from './notices.svelte'

afterEach(() => vi.useRealTimers())

describe('Notices', () => {
  it('lets toasts go by themselves but keeps errors until dismissed', () => {
    vi.useFakeTimers()
    const notices = new Notices()
    notices.toast('Imported a.txt')
    notices.error(new ClaimdeskError('io', 'Disk full'))
    vi.advanceTimersByTime(6001)
    expect(notices.toasts).toEqual([])
    expect(notices.errors.map((e) => e.message)).toEqual(['Disk full'])
    notices.dismiss(notices.errors[0].id)
    expect(notices.errors).toEqual([])
  })

  it('shows the same error once', () => {
    const notices = new Notices()
    notices.error(new ClaimdeskError('io', 'Disk full'))
    notices.error(new ClaimdeskError('io', 'Disk full'))
    expect(notices.errors).toHaveLength(1)
  })

  it('shows the three newest toasts, the older ones giving way', () => {
    const notices = new Notices()
    for (const n of [1, 2, 3, 4, 5]) notices.toast(`Accepted ${n}`)
    expect(notices.toasts.map((t) => t.message)).toEqual(['Accepted 3', 'Accepted 4', 'Accepted 5'])
  })
})
