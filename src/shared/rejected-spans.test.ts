import { describe, expect, it } from 'vitest'
import { RejectedSpans } from './rejected-spans'

describe('RejectedSpans', () => {
  it('finds the rejection of the same span, written with or without leading zeros', () => {
    const r = new RejectedSpans(['10:40', '0125:158'])
    expect(r.find({ start: 10, end: 40 })).toBe('10:40')
    expect(r.find({ start: 125, end: 158 })).toBe('0125:158')
    expect(r.has({ start: 41, end: 60 })).toBe(false)
  })

  it('stands for a suggestion the rules now draw a little wider or narrower', () => {
    const r = new RejectedSpans(['65:129', '223:264'])
    expect(r.find({ start: 67, end: 129 })).toBe('65:129')
    expect(r.find({ start: 214, end: 264 })).toBe('223:264')
  })

  it('never stands for a neighbour, or for a clause inside a rejected sentence', () => {
    const r = new RejectedSpans(['100:200'])
    expect(r.has({ start: 200, end: 260 })).toBe(false)
    expect(r.has({ start: 150, end: 250 })).toBe(false)
    expect(r.has({ start: 100, end: 150 })).toBe(false)
    expect(new RejectedSpans([]).has({ start: 0, end: 1 })).toBe(false)
  })

  it('picks the rejection sharing most words when two are near, and looks back past long ones', () => {
    const r = new RejectedSpans(['0:1000', '10:50', '12:52'])
    expect(r.find({ start: 12, end: 51 })).toBe('12:52')
    expect(r.find({ start: 5, end: 1000 })).toBe('0:1000')
  })
})
