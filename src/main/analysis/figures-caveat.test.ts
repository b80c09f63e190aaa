import { describe, expect, it } from 'vitest'
import { coveredByFiguresCaveat, figuresCaveat } from './figures-caveat'
import { suggestClaims } from './suggest'
import { paragraphs } from './testing/documents'

const unverified = (d: ReturnType<typeof paragraphs> & { outlet?: string }) =>
  suggestClaims(d, [])
    .filter((s) => s.grading.credibility === '6')
    .map((s) => s.claim.text)

describe('figuresCaveat', () => {
  it('reads which way a caveat on the figures reaches and what kind it names', () => {
    expect(figuresCaveat('The Digest could not verify any of the casualty figures cited below.', false)).toEqual({
      direction: 'after',
      owners: [],
      kind: expect.any(RegExp)
    })
    expect(figuresCaveat('Reuters could not independently verify the figures.', true)).toEqual({
      direction: 'before',
      owners: [],
      kind: null
    })
    // Inside a paragraph with no direction, and when the figures are someone's, the older rules decide.
    expect(figuresCaveat('Reuters could not independently verify the figures.', false)).toBeNull()
    expect(figuresCaveat('The Wire could not verify the figures given by either side.', true)).toBeNull()
    expect(figuresCaveat('The Wire could not verify the figures it contains.', true)).toBeNull()
  })

  it('covers others’ claims with a figure of the kind named, on its side', () => {
    const on = figuresCaveat('The Digest could not verify the casualty figures cited below.', false)!
    const claim = (text: string, resolution = 'named', unitClass = 'people') => ({
      resolution,
      entity: null,
      claim: { text },
      quantities: [{ unitClass } as never]
    })
    const after = [
      claim('Six soldiers were killed'),
      claim('400 people were evacuated'),
      claim('9 were hurt', 'publisher')
    ]
    expect(coveredByFiguresCaveat(on, [claim('Two were injured')], after).map((d) => d.claim.text)).toEqual([
      'Six soldiers were killed'
    ])
  })
})

describe('figuresCaveat with owners', () => {
  it('reads whose figures "provided by X and Y" are, and covers their figures of that kind anywhere', () => {
    const on = figuresCaveat(
      'Casualty figures provided by the Fire Service and district clinics could not be independently verified.',
      false
    )!
    expect(on).toMatchObject({
      direction: 'any',
      owners: [
        ['fire', 'service'],
        ['district', 'clinic']
      ]
    })
    const claim = (name: string, text: string) => ({
      resolution: 'named',
      entity: { name },
      claim: { text },
      quantities: [{ unitClass: 'people' } as never]
    })
    const got = coveredByFiguresCaveat(
      on,
      [claim('Fire Service', 'A flash appeal for 4 million was launched')],
      [
        claim('Fire Service', 'Nine people died'),
        claim('Orlo District Clinic', 'it had received 12 bodies'),
        claim('Red Cross', '30 people were missing')
      ]
    )
    expect(got.map((d) => d.claim.text)).toEqual(['Nine people died', 'it had received 12 bodies'])
  })
})

describe('suggestClaims with a caveat on the figures', () => {
  it('a closing caveat on "the figures" covers every figure reported before it, not only the last', () => {
    const got = unverified({
      ...paragraphs(
        'Storms flattened much of the coast. At least 31 people died, the coast guard said on Monday.',
        'Local officials said 2,000 homes had been destroyed. The port is closed, the harbour master said.',
        'The provincial governor told reporters that 12 bridges had collapsed.',
        'The Daily Wire could not independently verify the figures.'
      ),
      outlet: 'The Daily Wire'
    })
    expect(got).toEqual(['At least 31 people died', '2,000 homes had been destroyed', '12 bridges had collapsed'])
  })

  it('"the casualty figures cited below" covers the casualty figures after it, whoever gave them', () => {
    const got = unverified({
      ...paragraphs(
        'Accounts of the blast differ sharply. The Monitor could not verify any of the casualty figures cited below.',
        'Four guards were killed, the army said. About 600 residents were evacuated, the mayor said.',
        'A local channel said 17 people had died and 40 were injured.'
      ),
      outlet: 'The Monitor'
    })
    expect(got).toEqual(['Four guards were killed', '17 people had died and 40 were injured'])
  })
})
