import { describe, expect, it } from 'vitest'
import type { Claim } from '../../shared/model'
import { conflictSetFromProposal, findConflictSets } from './conflicts'
import { claimAt } from './testing/documents'

/** A document of one sentence per claim, and the claims anchored in it. */
function caseOf(rows: { id: string; sentence: string; quote?: string; source: string; tag?: string }[]) {
  let text = ''
  const claims: Claim[] = rows.map((r) => {
    const quote = r.quote ?? r.sentence.replace(/\.$/, '')
    const start = text.length + r.sentence.indexOf(quote)
    text += `${r.sentence}\n\n`
    return claimAt(r.id, quote, start, { sourceId: r.source, tags: r.tag ? [r.tag] : [] })
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

  it("keeps a source's first figure in a document as its own and leaves out its earlier, revised ones", () => {
    const c = caseOf([
      {
        id: 'lead',
        sentence: 'The storm killed at least 40 people, the agency said.',
        quote: 'The storm killed at least 40 people',
        source: 'agency',
        tag: 'toll'
      },
      {
        id: 'dawn',
        sentence: 'In its first report the agency counted 9 dead.',
        quote: 'counted 9 dead',
        source: 'agency',
        tag: 'toll'
      },
      {
        id: 'mayor',
        sentence: 'The mayor said 35 people had died.',
        quote: '35 people had died',
        source: 'mayor',
        tag: 'toll'
      },
      {
        id: 'ngo',
        sentence: 'A charity said more than 30 people had died.',
        quote: 'more than 30 people had died',
        source: 'ngo',
        tag: 'toll'
      }
    ])
    // The charity's figure fits both others and so is no part of the divergence.
    const conflicts = findConflictSets(c).filter((s) => s.kind === 'conflict')
    expect(conflicts.map((s) => s.claimIds)).toEqual([['lead', 'mayor']])
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

  it("sets a negation against another source's account of the same topic however it is worded", () => {
    const c = caseOf([
      {
        id: 'a',
        sentence: 'The ministry said traffic flowed all night.',
        quote: 'traffic flowed all night',
        source: 'min',
        tag: 'crossing'
      },
      {
        id: 'b',
        sentence: 'A mayor said the gates were never opened.',
        quote: 'the gates were never opened',
        source: 'mayor',
        tag: 'crossing'
      },
      {
        id: 'c',
        sentence: 'The ministry said it had not closed the road.',
        quote: 'it had not closed the road',
        source: 'min',
        tag: 'road'
      },
      {
        id: 'd',
        sentence: 'The ministry said the road was busy.',
        quote: 'the road was busy',
        source: 'min',
        tag: 'road'
      }
    ])
    expect(findConflictSets(c).map((s) => [s.basis, s.claimIds])).toEqual([['accounts', ['a', 'b']]])
  })

  it('sets a figure disputed by another source against the figures of its topic', () => {
    const c = caseOf([
      {
        id: 'a',
        sentence: 'The board said there had been 214 cases.',
        quote: 'there had been 214 cases',
        source: 'board',
        tag: 'cases'
      },
      {
        id: 'b',
        sentence: 'A doctor said the real number was far higher.',
        quote: 'the real number was far higher',
        source: 'doctor',
        tag: 'cases'
      },
      {
        id: 'c',
        sentence: 'The board said clinics were open.',
        quote: 'clinics were open',
        source: 'board',
        tag: 'cases'
      }
    ])
    const [set] = findConflictSets(c)
    expect(set).toMatchObject({ kind: 'conflict', basis: 'accounts', claimIds: ['a', 'b'] })
    expect(set.explanation).toContain('unnamed source, a disputed figure: “the real number was far higher”')
  })

  it('sets ground one source says was taken against another source saying it is still held', () => {
    const c = caseOf([
      {
        id: 'a',
        sentence: 'The ministry said its troops had captured the crossroads.',
        quote: 'its troops had captured the crossroads',
        source: 'min',
        tag: 'crossroads'
      },
      {
        id: 'b',
        sentence: 'The defenders said they still held the junction.',
        quote: 'they still held the junction',
        source: 'def',
        tag: 'crossroads'
      },
      {
        id: 'c',
        sentence: 'The ministry said it still controlled the bridge.',
        quote: 'it still controlled the bridge',
        source: 'min',
        tag: 'crossroads'
      }
    ])
    expect(findConflictSets(c).map((s) => [s.basis, s.claimIds])).toEqual([['accounts', ['a', 'b']]])
  })

  it('sets a disputed figure against the figures in the unit it names, and a disputed account against all', () => {
    const c = caseOf([
      {
        id: 'a',
        sentence: 'The ministry said 38,000 people had enlisted.',
        quote: '38,000 people had enlisted',
        source: 'min',
        tag: 'enlist'
      },
      {
        id: 'b',
        sentence: 'The report listed 21,400 contracts.',
        quote: 'The report listed 21,400 contracts',
        source: 'rep',
        tag: 'enlist'
      },
      {
        id: 'd',
        sentence: 'An MP said the report had far fewer contracts.',
        quote: 'the report had far fewer contracts',
        source: 'mp',
        tag: 'enlist'
      },
      {
        id: 'e',
        sentence: 'The yard said design changes caused the delay.',
        quote: 'design changes caused the delay',
        source: 'yard',
        tag: 'delay'
      },
      {
        id: 'f',
        sentence: 'A welder said the real cause was a lack of staff.',
        quote: 'the real cause was a lack of staff',
        source: 'welder',
        tag: 'delay'
      }
    ])
    // The MP's "far fewer contracts" goes against the report's contracts, not the ministry's people.
    expect(findConflictSets(c).map((s) => [s.basis, s.claimIds])).toEqual([
      ['accounts', ['b', 'd']],
      ['accounts', ['e', 'f']]
    ])
  })

  it('sets something one source says was moved against another saying it is where it was', () => {
    const c = caseOf([
      {
        id: 'a',
        sentence: 'An officer said the radar units had been moved north.',
        quote: 'the radar units had been moved north',
        source: 'officer',
        tag: 'radar'
      },
      {
        id: 'b',
        sentence: 'The minister said the radar cover is what it was last year.',
        quote: 'the radar cover is what it was last year',
        source: 'minister',
        tag: 'radar'
      }
    ])
    expect(findConflictSets(c).map((s) => [s.basis, s.claimIds])).toEqual([['accounts', ['a', 'b']]])
  })

  it('sets supplies one source says ran short against another saying there is enough', () => {
    const c = caseOf([
      {
        id: 'a',
        sentence: 'A mother said the clinic ran out of vaccine.',
        quote: 'the clinic ran out of vaccine',
        source: 'mother',
        tag: 'vaccine'
      },
      {
        id: 'b',
        sentence: 'The minister said there was enough vaccine for all.',
        quote: 'there was enough vaccine for all',
        source: 'minister',
        tag: 'vaccine'
      },
      {
        id: 'c',
        sentence: 'The minister said a shortage of nurses slowed the work.',
        quote: 'a shortage of nurses slowed the work',
        source: 'minister',
        tag: 'vaccine'
      }
    ])
    expect(findConflictSets(c).map((s) => [s.basis, s.claimIds])).toEqual([['accounts', ['a', 'b']]])
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

  it('without tags, sets side by side the figures two speakers give one after the other under one heading', () => {
    const rows = (heading: string, second = 's2') =>
      caseOf([
        {
          id: 'a',
          sentence: 'The operator said its list showed 118 passengers.',
          quote: 'its list showed 118 passengers',
          source: 's1'
        },
        ...(heading ? [{ id: 'h', sentence: heading, source: '' }] : []),
        {
          id: 'b',
          sentence: 'A harbour officer said that about 150 people had been aboard.',
          quote: 'about 150 people had been aboard',
          source: second
        }
      ])
    const untagged = (c: ReturnType<typeof caseOf>) =>
      findConflictSets({ ...c, claims: c.claims.filter((x) => x.id !== 'h') }).map((s) => s.claimIds)
    expect(untagged(rows(''))).toEqual([['a', 'b']])
    // A heading between them, one speaker twice: nothing ties the two figures.
    expect(untagged(rows('Who was on the quay'))).toEqual([])
    expect(untagged(rows('', 's1'))).toEqual([])
  })

  it('without tags, does not set a figure something is brought to beside a count that follows it', () => {
    const c = caseOf([
      {
        id: 'a',
        sentence: 'The admiral said the navy needed all eight frigates.',
        quote: 'the navy needed all eight frigates',
        source: 's1'
      },
      {
        id: 'b',
        sentence: 'Planners said they had options for cutting the order to five frigates.',
        quote: 'they had options for cutting the order to five frigates',
        source: 's2'
      }
    ])
    expect(findConflictSets(c)).toEqual([])
  })

  it('compares a rate per month with one per year of the same thing', () => {
    const c = caseOf([
      { id: 'a', sentence: 'The plant makes about 40,000 shells a month.', source: 's1', tag: 'output' },
      { id: 'b', sentence: 'That is a rate of just under half a million shells a year.', source: 's2', tag: 'output' },
      { id: 'c', sentence: 'The plant makes fewer than 25,000 shells a month.', source: 's3', tag: 'output' }
    ])
    const conflicts = (ids: string[]) =>
      findConflictSets({ ...c, claims: c.claims.filter((x) => ids.includes(x.id)) })
        .filter((s) => s.kind === 'conflict')
        .map((s) => s.claimIds)
    expect(conflicts(['a', 'b'])).toEqual([])
    expect(conflicts(['b', 'c'])).toEqual([['b', 'c']])
  })

  it('finds the figures of a topic from several claims that add up to another, and not a floor or a counter-figure', () => {
    const rows = (total: string) =>
      caseOf([
        {
          id: 'a',
          sentence: 'The coast guard said its crews recovered 19 bodies.',
          quote: 'its crews recovered 19 bodies',
          source: 's1',
          tag: 'toll'
        },
        {
          id: 'b',
          sentence: 'The hospital said four people later died on its wards.',
          quote: 'four people later died on its wards',
          source: 's2',
          tag: 'toll'
        },
        { id: 'c', sentence: total, source: 's3', tag: 'toll' }
      ])
    const sums = (total: string) =>
      findConflictSets(rows(total))
        .filter((s) => s.basis === 'arithmetic')
        .map((s) => [s.kind, s.claimIds, s.explanation])
    expect(sums('The toll stands at 23 people.')).toEqual([
      ['consistent', ['c', 'a', 'b'], '19 + 4 = 23 people: the figures add up.']
    ])
    expect(sums('The toll is at least 23 people.')).toEqual([])
    expect(sums('The toll stands at 24 people.')).toEqual([])
  })

  it('matches untagged figures by unit and named subject', () => {
    const c = caseOf([
      { id: 'a', sentence: 'About 300 Orvian troops crossed the river.', source: 's1' },
      { id: 'b', sentence: 'More than 2,000 Orvian soldiers crossed the river.', source: 's2' },
      { id: 'c', sentence: 'About 40 Tessarian troops crossed the bridge.', source: 's3' }
    ])
    expect(findConflictSets(c).map((s) => s.claimIds)).toEqual([['a', 'b']])
  })

  it('without tags, sets diverging figures of one measured thing side by side, named by unit and event', () => {
    const c = caseOf([
      {
        id: 'a',
        sentence: 'The governor said 31 people were killed in Tarn on Friday.',
        quote: '31 people were killed in Tarn on Friday',
        source: 's1'
      },
      {
        id: 'b',
        sentence: 'A charity said more than 60 people died in Tarn on Friday.',
        quote: 'more than 60 people died in Tarn on Friday',
        source: 's2'
      },
      {
        id: 'c',
        sentence: 'The governor said 12 people were missing in Tarn.',
        quote: '12 people were missing in Tarn',
        source: 's1'
      },
      {
        id: 'd',
        sentence: 'Rescuers said 40 people were missing in Tarn.',
        quote: '40 people were missing in Tarn',
        source: 's3'
      }
    ])
    const sets = findConflictSets(c)
    expect(sets.map((s) => [s.basis, s.subject, s.claimIds])).toEqual([
      ['figures', 'people killed', ['a', 'b']],
      ['figures', 'people missing', ['c', 'd']]
    ])
  })

  it('without tags, proposes nothing for different measures of one subject, dates that allow both, or other sides', () => {
    const c = caseOf([
      {
        id: 'a',
        sentence: 'The army said the enemy launched 46 drones overnight.',
        quote: 'the enemy launched 46 drones overnight',
        source: 's1'
      },
      {
        id: 'b',
        sentence: 'An officer said gunners shot down 12 drones overnight.',
        quote: 'gunners shot down 12 drones overnight',
        source: 's2'
      },
      {
        id: 'c',
        sentence: 'The ministry said 38,000 people had signed contracts since January.',
        quote: '38,000 people had signed contracts since January',
        source: 's3'
      },
      {
        id: 'd',
        sentence: 'An analyst said 9,000 people signed contracts in May.',
        quote: '9,000 people signed contracts in May',
        source: 's4'
      },
      {
        id: 'e',
        sentence: 'The ministry said Orvik forces lost 300 personnel in the north.',
        quote: 'Orvik forces lost 300 personnel in the north',
        source: 's5'
      },
      {
        id: 'f',
        sentence: 'The rebels said Dastan forces lost 120 personnel in the north.',
        quote: 'Dastan forces lost 120 personnel in the north',
        source: 's6'
      }
    ])
    expect(findConflictSets(c)).toEqual([])
  })

  it('without tags, sets diverging accounts of one event side by side, and a disputed figure with the figures', () => {
    const c = caseOf([
      {
        id: 'a',
        sentence: 'A doctor said rebels had shelled the clinic in Marrow overnight.',
        quote: 'rebels had shelled the clinic in Marrow overnight',
        source: 's1'
      },
      {
        id: 'b',
        sentence: 'The rebel command denied hitting the clinic.',
        quote: 'denied hitting the clinic',
        source: 's2'
      },
      {
        id: 'c',
        sentence: 'The ministry said 61,000 Tarvian soldiers had been killed.',
        quote: '61,000 Tarvian soldiers had been killed',
        source: 's3'
      },
      {
        id: 'd',
        sentence: 'Monitors said 11,800 Tarvian soldiers had been killed.',
        quote: '11,800 Tarvian soldiers had been killed',
        source: 's4'
      },
      {
        id: 'e',
        sentence: "Tarvia's general said its losses were several times lower than the ministry's.",
        quote: "its losses were several times lower than the ministry's",
        source: 's5'
      }
    ])
    expect(findConflictSets(c).map((s) => [s.kind, s.basis, s.subject, s.claimIds])).toEqual([
      ['conflict', 'accounts', 'clinic', ['a', 'b']],
      ['conflict', 'figures', 'soldiers killed', ['c', 'd', 'e']]
    ])
  })

  it('without tags, sets figures of one measure that agree side by side when two sources give them and none diverge', () => {
    const c = caseOf([
      {
        id: 'a',
        sentence: 'Analysts said at least 11 bunkers at Kerrow were destroyed.',
        quote: 'at least 11 bunkers at Kerrow were destroyed',
        source: 's1'
      },
      {
        id: 'b',
        sentence: 'Imagery showed 12 bunkers at Kerrow were destroyed.',
        quote: '12 bunkers at Kerrow were destroyed',
        source: 's2'
      },
      {
        id: 'c',
        sentence: 'The governor said 31 people were missing in Tarn.',
        quote: '31 people were missing in Tarn',
        source: 's3'
      },
      {
        id: 'd',
        sentence: 'The governor said 30 people were missing in Tarn.',
        quote: '30 people were missing in Tarn',
        source: 's3'
      },
      {
        id: 'e',
        sentence: 'Medics said 40 people were injured in Sella.',
        quote: '40 people were injured in Sella',
        source: 's4'
      },
      {
        id: 'f',
        sentence: 'Police said 42 people were injured in Sella.',
        quote: '42 people were injured in Sella',
        source: 's5'
      },
      {
        id: 'g',
        sentence: 'A charity said 90 people were injured in Sella.',
        quote: '90 people were injured in Sella',
        source: 's6'
      }
    ])
    expect(findConflictSets(c).map((s) => [s.kind, s.basis, s.claimIds])).toEqual([
      ['consistent', 'figures', ['a', 'b']],
      ['conflict', 'figures', ['e', 'f', 'g']]
    ])
  })

  it('without tags, finds consistency by arithmetic between a share and a count of one whole', () => {
    const c = caseOf([
      {
        id: 'a',
        sentence: 'Officials said 12,400 of the 31,000 households had been evacuated.',
        quote: '12,400 of the 31,000 households had been evacuated',
        source: 's1'
      },
      {
        id: 'b',
        sentence: 'A charity said about 40 percent of households had left their homes.',
        quote: 'about 40 percent of households had left their homes',
        source: 's2'
      }
    ])
    expect(findConflictSets(c).map((s) => [s.kind, s.basis, [...s.claimIds].sort()])).toEqual([
      ['consistent', 'arithmetic', ['a', 'b']]
    ])
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

  it('gives a figure whose claim leaves the unit out the unit of its topic', () => {
    const c = caseOf([
      {
        id: 'a',
        sentence: 'The navy said gunners brought down 41 of them.',
        quote: 'gunners brought down 41 of them',
        source: 's1',
        tag: 'drones'
      },
      {
        id: 'b',
        sentence: 'An officer said closer to 30 drones were hit.',
        quote: 'closer to 30 drones were hit',
        source: 's2',
        tag: 'drones'
      }
    ])
    const [set] = findConflictSets(c)
    expect(set).toMatchObject({ kind: 'conflict', basis: 'figures', claimIds: ['a', 'b'] })
    // Not when the topic's figures count more than one thing.
    const mixed = caseOf([
      { id: 'a', sentence: 'Gunners brought down 41 of them.', source: 's1', tag: 'drones' },
      { id: 'b', sentence: 'Closer to 30 drones and 4 missiles were hit.', source: 's2', tag: 'drones' }
    ])
    expect(findConflictSets(mixed)).toEqual([])
  })

  it('sets a count given as none against a count of the same thing, a narrower class included', () => {
    const c = caseOf([
      {
        id: 'a',
        sentence: 'The ministry said there had been no casualties.',
        quote: 'there had been no casualties',
        source: 's1',
        tag: 'hurt'
      },
      {
        id: 'b',
        sentence: 'Nurses said four soldiers were treated for burns.',
        quote: 'four soldiers were treated for burns',
        source: 's2',
        tag: 'hurt'
      },
      {
        id: 'c',
        sentence: 'The ministry said no vehicles were lost.',
        quote: 'no vehicles were lost',
        source: 's1',
        tag: 'kit'
      },
      {
        id: 'd',
        sentence: 'A blogger said up to 3 vehicles burned.',
        quote: 'up to 3 vehicles burned',
        source: 's3',
        tag: 'kit'
      }
    ])
    // None against at most three is no divergence of figures.
    expect(
      findConflictSets(c)
        .filter((s) => s.basis === 'figures')
        .map((s) => s.claimIds)
    ).toEqual([['a', 'b']])
  })

  it('sets a share of a stated whole against a count of the same thing, and proposes no consistency from it', () => {
    const c = caseOf([
      {
        id: 'a',
        sentence: 'The mayor said about 40 percent of its population of 120,000 had left.',
        quote: 'about 40 percent of its population of 120,000 had left',
        source: 'mayor',
        tag: 'left'
      },
      {
        id: 'b',
        sentence: 'Officials said closer to 30,000 people had left.',
        quote: 'closer to 30,000 people had left',
        source: 'gov',
        tag: 'left'
      }
    ])
    const sets = findConflictSets(c)
    expect(sets.map((s) => [s.kind, s.basis, s.claimIds])).toEqual([['conflict', 'figures', ['a', 'b']]])
    expect(sets[0].explanation).toContain('about 40 percent of its population of 120,000 people (unnamed source)')
  })

  it('sets figures of one topic that say the same side by side as consistent', () => {
    const c = caseOf([
      {
        id: 'a',
        sentence: 'A mediator said about 500 detainees would be swapped.',
        quote: 'about 500 detainees would be swapped',
        source: 's1',
        tag: 'swap'
      },
      {
        id: 'b',
        sentence: 'An envoy said 480 detainees were on the lists.',
        quote: '480 detainees were on the lists',
        source: 's2',
        tag: 'swap'
      },
      { id: 'c', sentence: 'Nobody said when.', quote: 'Nobody said when', source: 's3', tag: 'timing' },
      { id: 'd', sentence: 'Nobody was told.', quote: 'Nobody was told', source: 's4', tag: 'timing' }
    ])
    const sets = findConflictSets(c).filter((s) => s.kind === 'consistent')
    expect(sets.map((s) => [s.basis, s.claimIds])).toEqual([['figures', ['a', 'b']]])
    expect(sets[0].explanation).toBe(
      '2 figures for swap agree: about 500 detainees (unnamed source); 480 detainees (unnamed source).'
    )
  })

  it('compares measures of one dimension given in different units', () => {
    const c = caseOf([
      {
        id: 'a',
        sentence: 'The army said the column advanced about 40 kilometres.',
        quote: 'the column advanced about 40 kilometres',
        source: 's1',
        tag: 'advance'
      },
      {
        id: 'b',
        sentence: 'A monitor said the column moved some 25 miles.',
        quote: 'the column moved some 25 miles',
        source: 's2',
        tag: 'advance'
      },
      {
        id: 'c',
        sentence: 'A blogger said the column moved 60 miles.',
        quote: 'the column moved 60 miles',
        source: 's3',
        tag: 'advance'
      }
    ])
    const sets = findConflictSets(c)
    expect(sets.map((s) => [s.kind, s.claimIds])).toEqual([
      ['conflict', ['a', 'b', 'c']],
      ['consistent', ['a', 'b']]
    ])
    expect(sets[0].explanation).toContain(
      'about 40 kilometres (unnamed source); some 25 miles (unnamed source); 60 miles'
    )
  })

  it('sets accounts of one topic told in mostly the same words side by side as consistent', () => {
    const c = caseOf([
      {
        id: 'a',
        sentence: 'Analysts said rebel units shelled the northern water plant overnight.',
        quote: 'rebel units shelled the northern water plant overnight',
        source: 's1',
        tag: 'plant'
      },
      {
        id: 'b',
        sentence: 'Engineers said rebel units shelled the water plant in the north.',
        quote: 'rebel units shelled the water plant in the north',
        source: 's2',
        tag: 'plant'
      },
      {
        id: 'c',
        sentence: 'The rebels said their units never shelled the water plant.',
        quote: 'their units never shelled the water plant',
        source: 's3',
        tag: 'plant'
      },
      {
        id: 'd',
        sentence: 'Engineers said 40 rebel units shelled the water plant.',
        quote: '40 rebel units shelled the water plant',
        source: 's2',
        tag: 'units'
      },
      {
        id: 'e',
        sentence: 'Analysts said 9 rebel units shelled the water plant.',
        quote: '9 rebel units shelled the water plant',
        source: 's1',
        tag: 'units'
      }
    ])
    const agree = findConflictSets(c).filter((s) => s.kind === 'consistent')
    // The denial is no part of it; nor are accounts whose figures are apart.
    expect(agree.map((s) => [s.basis, s.claimIds])).toEqual([['accounts', ['a', 'b']]])
  })

  it('sets a vague count against a figure outside its order of size', () => {
    const c = caseOf([
      {
        id: 'a',
        sentence: 'Witnesses said hundreds of people were detained.',
        quote: 'hundreds of people were detained',
        source: 's1',
        tag: 'arrests'
      },
      {
        id: 'b',
        sentence: 'Police said 12 people were detained.',
        quote: '12 people were detained',
        source: 's2',
        tag: 'arrests'
      }
    ])
    expect(findConflictSets(c).map((s) => [s.basis, s.claimIds])).toEqual([['figures', ['a', 'b']]])
  })

  it('takes no percentage from a figure open at one end', () => {
    const c = caseOf([
      { id: 'p', sentence: 'Nearly half of the fleet was sold.', source: 's1', tag: 'fleet' },
      { id: 'a', sentence: 'The registry lists 19 vessels as sold.', source: 's2', tag: 'fleet' },
      { id: 'b', sentence: 'Upward of 40 vessels changed hands.', source: 's3', tag: 'fleet' }
    ])
    expect(findConflictSets(c).filter((s) => s.kind === 'consistent')).toEqual([])
  })

  it('proposes one conflict set per topic, its figures and accounts together', () => {
    const c = caseOf([
      {
        id: 'a',
        sentence: 'The president said the army took over 1,100 square kilometres.',
        quote: 'the army took over 1,100 square kilometres',
        source: 's1',
        tag: 'gains'
      },
      {
        id: 'b',
        sentence: 'Analysts put the ground taken at roughly 640 square kilometres.',
        quote: 'the ground taken at roughly 640 square kilometres',
        source: 's2',
        tag: 'gains'
      },
      {
        id: 'c',
        sentence: 'Analysts rejected the claim that the army took so much ground.',
        quote: 'rejected the claim that the army took so much ground',
        source: 's2',
        tag: 'gains'
      }
    ])
    const sets = findConflictSets(c)
    expect(sets.map((s) => [s.basis, s.claimIds])).toEqual([['figures', ['a', 'b', 'c']]])
    expect(sets[0].explanation).toMatch(/figures for gains differ.*Accounts of gains diverge/)
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
