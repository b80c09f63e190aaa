// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { CLAIM_MIME, carriesClaim, droppedClaim, startClaimDrag } from './drag'

function transfer(): DataTransfer {
  const data = new Map<string, string>()
  return {
    setData: (type: string, value: string) => void data.set(type, value),
    getData: (type: string) => data.get(type) ?? '',
    get types() {
      return [...data.keys()]
    },
    effectAllowed: 'none',
    dropEffect: 'none'
  } as unknown as DataTransfer
}

const event = (dataTransfer: DataTransfer) => ({ dataTransfer }) as unknown as DragEvent

describe('claim drags', () => {
  it('carry the claim and the reporting group under a private type', () => {
    const dt = transfer()
    startClaimDrag(event(dt), { claimId: 'c1', group: 'source:s1' })
    expect(dt.types).toEqual([CLAIM_MIME])
    expect(dt.effectAllowed).toBe('move')
    expect(carriesClaim(event(dt))).toBe(true)
    expect(droppedClaim(event(dt))).toEqual({ claimId: 'c1', group: 'source:s1' })
  })

  it('ignore drops that carry no claim or junk', () => {
    const dt = transfer()
    expect(carriesClaim(event(dt))).toBe(false)
    expect(droppedClaim(event(dt))).toBeNull()
    for (const junk of ['not json', '42', 'null', '{"claimId":7}', '{"claimId":""}']) {
      dt.setData(CLAIM_MIME, junk)
      expect(droppedClaim(event(dt))).toBeNull()
    }
    dt.setData(CLAIM_MIME, '{"claimId":"c2","group":3}')
    expect(droppedClaim(event(dt))).toEqual({ claimId: 'c2' })
  })
})
