import { describe, expect, it } from 'vitest'
import { partsOf, sumText } from './arithmetic'
import { extractQuantities } from './quantities'

const q = (text: string) => extractQuantities(text)[0]

describe('partsOf', () => {
  it('finds the fewest figures that add up to a total, exactly when all are exact', () => {
    const total = q('63 drones')
    const parts = [q('12 drones'), q('49 drones'), q('14 drones'), q('2 drones')]
    expect(partsOf(total, parts)?.map((p) => p.value)).toEqual([49, 14])
    expect(partsOf(q('64 drones'), parts)).toBeNull()
  })

  it('allows 2 percent when a figure is hedged, and never uses the total itself', () => {
    expect(partsOf(q('as many as 62,000 troops'), [q('48,000 troops'), q('some 14,000 troops')])).not.toBeNull()
    expect(partsOf(q('62,000 troops'), [q('48,000 troops'), q('15,000 troops')])).toBeNull()
    const total = q('10 boats')
    expect(partsOf(total, [total, q('10 boats')])).toBeNull()
  })

  it('writes the sum', () => {
    expect(sumText([q('19 people'), q('4 people')], q('23 people'))).toBe('19 + 4 = 23 people')
  })
})

describe('partsOf: floors', () => {
  it('takes no floor ("at least nine") as a part', () => {
    expect(partsOf(q('12 people'), [q('at least 9 people'), q('3 people')])).toBeNull()
  })
})
