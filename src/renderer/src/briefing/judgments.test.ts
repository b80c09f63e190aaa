import { describe, expect, it } from 'vitest'
import type { Judgment } from '../../../shared/model'
import { addJudgment, cite, moveJudgment, removeJudgment, uncite, updateJudgment } from './judgments'

const j = (id: string, claimIds: string[] = []): Judgment => ({ id, text: id, confidence: 'moderate', claimIds })

describe('judgments', () => {
  it('adds an empty judgment with a fresh id and a moderate confidence', () => {
    const { list, added } = addJudgment([j('a')])
    expect(list.map((x) => x.id)).toEqual(['a', added.id])
    expect(added).toMatchObject({ text: '', confidence: 'moderate', claimIds: [] })
    expect(addJudgment([]).added.id).not.toBe(added.id)
  })

  it('updates, removes and moves one judgment', () => {
    const list = [j('a'), j('b'), j('c')]
    expect(updateJudgment(list, 'b', { confidence: 'high' })[1].confidence).toBe('high')
    expect(removeJudgment(list, 'b').map((x) => x.id)).toEqual(['a', 'c'])
    expect(moveJudgment(list, 'c', -1)!.map((x) => x.id)).toEqual(['a', 'c', 'b'])
    expect(moveJudgment(list, 'a', 1)!.map((x) => x.id)).toEqual(['b', 'a', 'c'])
    expect(moveJudgment(list, 'a', -1)).toBeNull()
    expect(moveJudgment(list, 'c', 1)).toBeNull()
    expect(list.map((x) => x.id)).toEqual(['a', 'b', 'c'])
  })

  it('cites each claim once and stops citing one', () => {
    const list = [j('a', ['c1'])]
    const cited = cite(list, 'a', ['c2', 'c1', 'c3'])
    expect(cited[0].claimIds).toEqual(['c1', 'c2', 'c3'])
    expect(uncite(cited, 'a', 'c2')[0].claimIds).toEqual(['c1', 'c3'])
  })
})
