import { describe, expect, it } from 'vitest'
import { CaseState } from './case-state'
import { emptyCase } from './empty-case'
import { fakeClaim, fakeDocument, fakeSource } from './testing/fixtures'
import { danglingReferences } from './references'

const NOW = '2026-01-01T00:00:00.000Z'

function sound() {
  const doc = fakeDocument(400)
  const source = fakeSource('Aldric Venn')
  const a = fakeClaim(doc.id, source.id, 'a')
  const b = fakeClaim(doc.id, null, 'b')
  const data = {
    ...emptyCase('Case'),
    documents: [doc],
    sources: [source],
    claims: [a, b],
    links: [{ id: 'l', from: 'a', to: 'b', kind: 'contradicts' as const, note: '', createdAt: NOW }],
    rejections: [{ id: doc.id, spans: ['0:5'], updatedAt: NOW }]
  }
  return { data, doc, source, a, b }
}

describe('danglingReferences', () => {
  it('finds nothing in a case whose references all hold', () => {
    expect(danglingReferences(new CaseState(sound().data))).toEqual([])
  })

  it('names each reference to an item the case does not hold', () => {
    const { data, a, b } = sound()
    const ghost = { ...fakeClaim('gone-doc', 'gone-source', 'c'), via: ['gone-relay'] }
    const state = new CaseState({
      ...data,
      claims: [a, { ...b, position: { start: 390, end: 460 } }, ghost],
      links: [{ id: 'l', from: 'a', to: 'zz', kind: 'contradicts', note: '', createdAt: NOW }],
      conflictSets: [
        {
          id: 's',
          claimIds: ['a', 'b', 'deleted'],
          kind: 'conflict',
          status: 'confirmed',
          basis: 'manual',
          subject: 'troops',
          explanation: '',
          note: '',
          createdAt: NOW,
          updatedAt: NOW
        }
      ],
      rejections: [...data.rejections, { id: 'gone-doc', spans: ['1:2'], updatedAt: NOW }]
    })
    const lines = danglingReferences(state)
    expect(lines).toEqual([
      'claim b spans 390–460, past the end of “Report 1” (400 characters)',
      expect.stringMatching(/^claim c \(“.+”\) is in document gone-doc, which the case does not have$/),
      'claim c is attributed to source gone-source, which the case does not have',
      'claim c is relayed via source gone-relay, which the case does not have',
      'link l links claim zz, which the case does not have',
      'conflict set “troops” holds claim deleted, which the case does not have',
      'rejected suggestions are kept for document gone-doc, which the case does not have'
    ])
  })

  it('names at most the first few, then how many more', () => {
    const { data } = sound()
    const claims = Array.from({ length: 8 }, (_, i) => fakeClaim('gone', null, `g${i}`))
    const lines = danglingReferences(new CaseState({ ...data, claims, links: [] }), 3)
    expect(lines).toHaveLength(4)
    expect(lines[3]).toBe('and 5 more')
  })
})
