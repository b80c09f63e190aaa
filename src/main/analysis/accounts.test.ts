import { describe, expect, it } from 'vitest'
import type { Claim } from '../../shared/model'
import { accountSubject, divergingAccounts } from './accounts'
import { claimFacts } from './claim-facts'
import { claimAt } from './testing/documents'

/**
 * Claims of one document, a paragraph per row: `sentence` with `quote` in it (the whole sentence less its
 * full stop by default), from `source`; `gap` paragraphs of filler before it push it away from the last.
 */
function facts(rows: { id: string; sentence: string; quote?: string; source: string; gap?: number }[]) {
  let text = ''
  const claims: Claim[] = rows.map((r) => {
    for (let i = 0; i < (r.gap ?? 0); i++) text += `The weather was mild for the season and the roads were quiet.\n\n`
    const quote = r.quote ?? r.sentence.replace(/\.$/, '')
    const start = text.length + r.sentence.indexOf(quote)
    text += `${r.sentence}\n\n`
    return claimAt(r.id, quote, start, { sourceId: r.source })
  })
  return claims.map((c) => claimFacts(c, { text }))
}
const sets = (rows: Parameters<typeof facts>[0]) => divergingAccounts(facts(rows)).map((s) => s.map((f) => f.claim.id))

describe('diverging accounts without topic tags', () => {
  it('sets a denial against the account just before it that it shares words with', () => {
    expect(
      sets([
        {
          id: 'a',
          sentence: 'A doctor said rebels had shelled the clinic in Marrow overnight.',
          quote: 'rebels had shelled the clinic in Marrow overnight',
          source: 's1'
        },
        {
          id: 'b',
          sentence: 'The rebel command has denied hitting the clinic.',
          quote: 'has denied hitting the clinic',
          source: 's2'
        }
      ])
    ).toEqual([['a', 'b']])
  })

  it('sets a denial a few claims after the account it shares two words with', () => {
    expect(
      sets([
        {
          id: 'a',
          sentence: 'Monitors said ballots had been stuffed into boxes at dozens of stations.',
          quote: 'ballots had been stuffed into boxes at dozens of stations',
          source: 's1'
        },
        {
          id: 'b',
          sentence: 'The weather service said rain was likely.',
          quote: 'rain was likely',
          source: 's2',
          gap: 3
        },
        {
          id: 'c',
          sentence: 'Turnout was said to be high in the north.',
          quote: 'Turnout was said to be high in the north',
          source: 's3'
        },
        {
          id: 'd',
          sentence: 'The commission said complaints about stuffed ballot boxes had been examined and rejected.',
          quote: 'complaints about stuffed ballot boxes had been examined and rejected',
          source: 's4'
        }
      ])
    ).toEqual([['a', 'd']])
  })

  it('sets a denial that points back ("any such", "the report", "that figure") against the claim before it', () => {
    expect(
      sets([
        {
          id: 'a',
          sentence: 'A porter said staff had been ordered to stay silent.',
          quote: 'staff had been ordered to stay silent',
          source: 's1'
        },
        {
          id: 'b',
          sentence: 'The board denied giving any such order.',
          quote: 'denied giving any such order',
          source: 's2'
        },
        {
          id: 'c',
          sentence: 'Dock workers said 400 jobs had been cut since March.',
          quote: '400 jobs had been cut since March',
          source: 's3',
          gap: 4
        },
        { id: 'd', sentence: 'The company disputes that figure.', source: 's4' }
      ])
    ).toEqual([
      ['a', 'b'],
      ['c', 'd']
    ])
  })

  it('leaves out a bare negation, a "no such" with nothing denied, a denial told before the account, and one source', () => {
    expect(
      sets([
        {
          id: 'a',
          sentence: 'The mayor said the bridge at Kell was open to traffic.',
          quote: 'the bridge at Kell was open to traffic',
          source: 's1'
        },
        {
          id: 'b',
          sentence: 'Drivers said no buses crossed the bridge at Kell.',
          quote: 'no buses crossed the bridge at Kell',
          source: 's2'
        },
        {
          id: 'c',
          sentence: 'No such decision has been taken, the council said.',
          quote: 'No such decision has been taken',
          source: 's3'
        },
        {
          id: 'd',
          sentence: 'The navy denied the report, saying the frigate had entered Osra waters first.',
          quote: 'the frigate had entered Osra waters first',
          source: 's4',
          gap: 4
        },
        {
          id: 'e',
          sentence: 'The frigate, which was sailing in Osra waters, was hit at dawn, the coast guard said.',
          quote: 'The frigate, which was sailing in Osra waters, was hit at dawn',
          source: 's5'
        },
        {
          id: 'f',
          sentence: 'The minister said the plant was safe.',
          quote: 'the plant was safe',
          source: 's6',
          gap: 4
        },
        {
          id: 'g',
          sentence: 'The minister denied that the plant was unsafe.',
          quote: 'denied that the plant was unsafe',
          source: 's6'
        }
      ])
    ).toEqual([])
  })

  it('sets opposed stances on one place side by side however far apart, but not an advance beside positions held', () => {
    expect(
      sets([
        {
          id: 'a',
          sentence: 'The army said its troops had captured Tovin.',
          quote: 'its troops had captured Tovin',
          source: 's1'
        },
        {
          id: 'b',
          sentence: 'Analysts said rebel units advanced in southern Tovin.',
          quote: 'rebel units advanced in southern Tovin',
          source: 's2',
          gap: 9
        },
        {
          id: 'c',
          sentence: 'The rebels said they still held the centre of Tovin.',
          quote: 'they still held the centre of Tovin',
          source: 's3',
          gap: 9
        }
      ])
    ).toEqual([['a', 'c']])
    expect(
      sets([
        {
          id: 'a',
          sentence: 'The army said its units advanced up to two kilometres near Rusk.',
          quote: 'its units advanced up to two kilometres near Rusk',
          source: 's1'
        },
        {
          id: 'b',
          sentence: 'The rebels said they had repelled every attack near Rusk.',
          quote: 'they had repelled every attack near Rusk',
          source: 's2'
        }
      ])
    ).toEqual([['a', 'b']])
  })

  it('sets supplies said to run short against enough of the same thing', () => {
    expect(
      sets([
        {
          id: 'a',
          sentence: 'A mother said the insulin ran out on Monday.',
          quote: 'the insulin ran out on Monday',
          source: 's1'
        },
        { id: 'b', sentence: 'The ministry said there was enough fuel.', quote: 'there was enough fuel', source: 's2' },
        {
          id: 'c',
          sentence: 'The governor said the region had enough insulin for everyone.',
          quote: 'the region had enough insulin for everyone',
          source: 's3'
        }
      ])
    ).toEqual([['a', 'c']])
  })

  it('sets a disputed figure against the figure in the unit it names (not its own), else the figure just before it', () => {
    expect(
      sets([
        {
          id: 'a',
          sentence: 'The board said there were 214 confirmed cases.',
          quote: 'there were 214 confirmed cases',
          source: 's1'
        },
        {
          id: 'b',
          sentence: 'The board said coverage stood at 91 percent.',
          quote: 'coverage stood at 91 percent',
          source: 's1'
        },
        {
          id: 'c',
          sentence: 'A doctor said the real number of cases was at least double.',
          quote: 'the real number of cases was at least double',
          source: 's2'
        },
        {
          id: 'd',
          sentence: 'The union said 300 workers had been laid off.',
          quote: '300 workers had been laid off',
          source: 's3',
          gap: 4
        },
        {
          id: 'e',
          sentence: 'A manager said the true number was nearer 120.',
          quote: 'the true number was nearer 120',
          source: 's4'
        },
        {
          id: 'f',
          sentence: 'A clinic said 57 people were treated for burns.',
          quote: '57 people were treated for burns',
          source: 's5',
          gap: 4
        },
        {
          id: 'g',
          sentence: 'Doctors said the real number of people hurt was close to 90.',
          quote: 'the real number of people hurt was close to 90',
          source: 's6'
        },
        {
          id: 'h',
          sentence: 'Nurses said 140 patients were treated, far more than reported.',
          quote: '140 patients were treated, far more than reported',
          source: 's7',
          gap: 4
        }
      ])
    ).toEqual([
      ['a', 'c'],
      ['d', 'e'],
      ['f', 'g']
    ])
  })

  it('sets "the real cause was ..." against the account just before it that shares its words', () => {
    expect(
      sets([
        {
          id: 'a',
          sentence: 'The minister said the delay was caused by design changes.',
          quote: 'the delay was caused by design changes',
          source: 's1'
        },
        {
          id: 'b',
          sentence: 'The yard said the real cause of the delay was a shortage of welders.',
          quote: 'the real cause of the delay was a shortage of welders',
          source: 's2'
        },
        {
          id: 'c',
          sentence: 'The council said the road was closed for repairs.',
          quote: 'the road was closed for repairs',
          source: 's3',
          gap: 4
        },
        {
          id: 'd',
          sentence: 'Drivers said the real reason was a strike.',
          quote: 'the real reason was a strike',
          source: 's4'
        }
      ])
    ).toEqual([['a', 'b']])
  })

  it('sets an expectation against a fact told in the same words', () => {
    expect(
      sets([
        {
          id: 'a',
          sentence: 'The envoy said Orvian troops would soon be engaged in combat.',
          quote: 'Orvian troops would soon be engaged in combat',
          source: 's1'
        },
        {
          id: 'b',
          sentence: 'Officials said Orvian troops were engaged in combat near Fell.',
          quote: 'Orvian troops were engaged in combat near Fell',
          source: 's2'
        }
      ])
    ).toEqual([['a', 'b']])
  })

  it('names a set by the names and words its claims share', () => {
    const f = facts([
      {
        id: 'a',
        sentence: 'A doctor said rebels had shelled the clinic in Marrow.',
        quote: 'rebels had shelled the clinic in Marrow',
        source: 's1'
      },
      {
        id: 'b',
        sentence: 'The rebels denied hitting the clinic in Marrow.',
        quote: 'denied hitting the clinic in Marrow',
        source: 's2'
      }
    ])
    expect(accountSubject(f)).toBe('clinic in Marrow')
  })

  it('names a set by the words as its claims write them, or lists them when no claim has them together', () => {
    const together = facts([
      { id: 'a', sentence: 'A minister said North Korean soldiers were fighting near the river.', source: 's1' },
      { id: 'b', sentence: 'The general denied that North Korean soldiers had been seen.', source: 's2' }
    ])
    expect(accountSubject(together)).toBe('North Korean soldiers')
    const apart = facts([
      { id: 'a', sentence: 'A doctor said the clinic was hit when rebels crossed into Marrow.', source: 's1' },
      { id: 'b', sentence: 'The rebels said Marrow was quiet and the clinic open.', source: 's2' }
    ])
    expect(accountSubject(apart)).toBe('clinic, rebels, Marrow')
  })
})
