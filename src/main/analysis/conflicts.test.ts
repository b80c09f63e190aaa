import { describe, expect, it } from 'vitest'
import type { Claim } from '../../shared/model'
import { conflictSetFromProposal, findConflictSets } from './conflicts'

/** A document of one sentence per claim, and the claims anchored in it. */
function caseOf(rows: { id: string; sentence: string; quote?: string; source: string; tag?: string }[]) {
  let text = ''
  const claims: Claim[] = rows.map((r) => {
    const quote = r.quote ?? r.sentence.replace(/\.$/, '')
    const start = text.length + r.sentence.indexOf(quote)
    text += `${r.sentence}\n\n`
    return {
      id: r.id,
      documentId: 'd1',
      quote: { exact: quote, prefix: '', suffix: '' },
      position: { start, end: start + quote.length },
      sourceId: r.source,
      via: [],
      tags: r.tag ? [r.tag] : [],
      note: '',
      status: 'unverified',
      credibility: '6',
      createdAt: '',
      updatedAt: ''
    }
  })
  return { claims, documents: [{ id: 'd1', text }] }
}

describe('findConflictSets', () => {
  it('puts every diverging figure for one subject in one set, with sources and times', () => {
    const c = caseOf([
      {
        id: 'a',
        sentence: 'Officials said on Monday that just under 6,000 troops were in the valley.',
        quote: 'just under 6,000 troops were in the valley',
        source: 's1',
        tag: 'troops'
      },
      {
        id: 'b',
        sentence: 'The governor estimated in mid-May that around 5,000 soldiers were in the valley.',
        quote: 'around 5,000 soldiers were in the valley',
        source: 's2',
        tag: 'troops'
      },
      {
        id: 'c',
        sentence: 'roughly 4,500 troops remain there, a general said.',
        quote: 'roughly 4,500 troops remain there',
        source: 's3',
        tag: 'troops'
      },
      { id: 'd', sentence: 'About 900 troops arrived on Sunday.', source: 's3', tag: 'arrivals' }
    ])
    const sets = findConflictSets({ ...c, sources: [{ id: 's2', name: 'The governor' }] })
    expect(sets).toHaveLength(1)
    expect(sets[0]).toMatchObject({ kind: 'conflict', basis: 'figures', claimIds: ['a', 'b', 'c'], subject: 'troops' })
    expect(sets[0].explanation).toContain('around 5,000 soldiers (The governor, mid-May)')
  })

  it('does not call a revision by the same source a conflict', () => {
    const c = caseOf([
      { id: 'a', sentence: 'The authority put the toll at 112.', source: 's1', tag: 'toll' },
      {
        id: 'b',
        sentence: 'The authority said 118 deaths had been confirmed.',
        quote: '118 deaths had been confirmed',
        source: 's1',
        tag: 'toll'
      }
    ])
    expect(findConflictSets(c)).toEqual([])
  })

  it('finds consistency by arithmetic and explains it', () => {
    const c = caseOf([
      { id: 'p', sentence: 'The town had lost more than 40 percent of its farmland.', source: 's1', tag: 'farmland' },
      { id: 'a', sentence: 'At its peak the town farmed roughly 531 hectares.', source: 's1', tag: 'farmland' },
      { id: 'b', sentence: 'This has dropped to approximately 309 hectares.', source: 's1', tag: 'farmland' }
    ])
    const [set] = findConflictSets(c)
    expect(set).toMatchObject({ kind: 'consistent', basis: 'arithmetic', claimIds: ['p', 'a', 'b'] })
    expect(set.explanation).toBe(
      '531 to 309 hectares is a loss of about 42 percent, consistent with “more than 40 percent”. ' +
        'All from one source: the figures agree with each other, which is not corroboration.'
    )
    const share = caseOf([
      { id: 'x', sentence: 'Of 31,000 households, 12,400 have been evacuated.', source: 's1', tag: 'evac' },
      { id: 'y', sentence: 'About 40 percent of households have left.', source: 's2', tag: 'evac' }
    ])
    const [twoSources] = findConflictSets(share)
    expect(twoSources).toMatchObject({ kind: 'consistent', claimIds: ['y', 'x'] })
    expect(twoSources.explanation).not.toContain('one source')
  })

  it('sets diverging accounts side by side: denials against assertions, expectations against facts', () => {
    const c = caseOf([
      {
        id: 'a',
        sentence: 'Residents said water was released from the dam without warning.',
        quote: 'water was released from the dam without warning',
        source: 'res',
        tag: 'dam'
      },
      {
        id: 'b',
        sentence: 'The operator denied that it had released water without warning.',
        quote: 'denied that it had released water without warning',
        source: 'op',
        tag: 'dam'
      },
      {
        id: 'c',
        sentence: 'The mayor said the dam was built in 1971.',
        quote: 'the dam was built in 1971',
        source: 'mayor',
        tag: 'history'
      },
      {
        id: 'e',
        sentence: 'The minister said he expected the ferries to resume service soon.',
        quote: 'he expected the ferries to resume service soon',
        source: 'min',
        tag: 'ferries'
      },
      {
        id: 'f',
        sentence: 'The operator said the ferries had resumed service on Monday.',
        quote: 'the ferries had resumed service on Monday',
        source: 'op',
        tag: 'ferries'
      }
    ])
    const sets = findConflictSets(c)
    expect(sets.map((s) => [s.basis, s.claimIds])).toEqual([
      ['accounts', ['a', 'b']],
      ['accounts', ['e', 'f']]
    ])
  })

  it('reads "denied any such ..." as a denial of the claim just before it', () => {
    const c = caseOf([
      {
        id: 'a',
        sentence: 'A nurse said staff had been told not to speak to journalists.',
        quote: 'staff had been told not to speak to journalists',
        source: 'nurse',
        tag: 'instruction'
      },
      {
        id: 'b',
        sentence: "The hospital's management denied issuing any such instruction.",
        quote: 'denied issuing any such instruction',
        source: 'hospital',
        tag: 'instruction'
      }
    ])
    expect(findConflictSets(c).map((s) => [s.basis, s.claimIds])).toEqual([['accounts', ['a', 'b']]])
  })

  it('matches untagged figures by unit and named subject', () => {
    const c = caseOf([
      { id: 'a', sentence: 'About 300 Orvian troops crossed the river.', source: 's1' },
      { id: 'b', sentence: 'More than 2,000 Orvian soldiers crossed the river.', source: 's2' },
      { id: 'c', sentence: 'About 40 Tessarian troops crossed the bridge.', source: 's3' }
    ])
    expect(findConflictSets(c).map((s) => s.claimIds)).toEqual([['a', 'b']])
  })

  it('leaves out sets the case already holds, and turns a proposal into a set to keep', () => {
    const c = caseOf([
      { id: 'a', sentence: 'About 300 troops crossed.', source: 's1', tag: 't' },
      { id: 'b', sentence: 'More than 2,000 troops crossed.', source: 's2', tag: 't' }
    ])
    const [p] = findConflictSets(c)
    expect(findConflictSets({ ...c, known: [{ kind: 'conflict', claimIds: ['b', 'a'] }] })).toEqual([])
    expect(conflictSetFromProposal(p, { id: 'x1', now: '2026-01-01T00:00:00.000Z' })).toMatchObject({
      id: 'x1',
      status: 'proposed',
      kind: 'conflict',
      claimIds: ['a', 'b'],
      note: '',
      createdAt: '2026-01-01T00:00:00.000Z'
    })
  })

  it('copes with claims whose document is missing or whose position is stale', () => {
    const c = caseOf([
      { id: 'a', sentence: 'About 300 troops crossed.', source: 's1', tag: 't' },
      { id: 'b', sentence: 'More than 2,000 troops crossed.', source: 's2', tag: 't' }
    ])
    c.claims[0].position = { start: 999, end: 1005 }
    c.claims[1].documentId = 'gone'
    expect(findConflictSets(c)).toHaveLength(1)
  })
})
