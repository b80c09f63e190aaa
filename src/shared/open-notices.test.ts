import { describe, expect, it } from 'vitest'
import { recoveredMessage, tornWriteMessage } from './open-notices'

describe('open notices', () => {
  it('count in words a reader expects', () => {
    expect(recoveredMessage(1)).toBe('Recovered 1 unsaved change after an unclean shutdown.')
    expect(recoveredMessage(3)).toContain('3 unsaved changes')
    expect(tornWriteMessage(17)).toMatch(
      /^A write in progress .* cut short \(17 bytes\) and dropped\. It had not been reported saved/
    )
  })
})
