import { describe, expect, it } from 'vitest'
import { fromLocalInput, toLocalInput } from './dates'

describe('briefing date-time', () => {
  it('round-trips a stored ISO time through the local input', () => {
    const stored = '2024-11-20T14:05:00.000Z'
    const local = toLocalInput(stored)
    expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)
    expect(fromLocalInput(local)).toBe(stored)
  })

  it('shows a plain date as local midnight, and nothing for empty or unreadable values', () => {
    expect(toLocalInput('2024-11-20')).toBe('2024-11-20T00:00')
    expect(toLocalInput('')).toBe('')
    expect(toLocalInput('soon')).toBe('')
  })

  it('stores an emptied field as no date and refuses junk', () => {
    expect(fromLocalInput('')).toBe('')
    expect(fromLocalInput('not a date')).toBeNull()
  })
})
