import { describe, expect, it } from 'vitest'
import { LIMITS } from '../../shared/api'
import { checkCount, idList } from './claims-named'

describe('claims named on the command line', () => {
  it('reads an id list once each, without blanks', () => {
    expect(idList(' a, b,,a ,c')).toEqual(['a', 'b', 'c'])
    expect(idList(undefined)).toEqual([])
  })

  it('refuses more claims than one change takes, rather than splitting it', () => {
    expect(() => checkCount(LIMITS.listItems, '--all finds', 'narrow it')).not.toThrow()
    expect(() => checkCount(LIMITS.listItems + 1, '--all finds', 'narrow it')).toThrow(
      `--all finds ${LIMITS.listItems + 1} claims; one command changes at most ${LIMITS.listItems}, all or nothing: narrow it`
    )
  })
})
