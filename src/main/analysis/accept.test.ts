import { describe, expect, it } from 'vitest'
import type { Source } from '../../shared/model'
import { planAcceptance } from './accept'
import { suggestClaims } from './suggest'

const text = [
  'Harbour master Jan Ostrow told the Baltic Courier that 14 ships were waiting.',
  'Ostrow said the backlog would clear by Sunday.',
  'A dock worker said cranes had failed. The Gazette could not independently verify this.'
].join('\n\n')
const blocks = [
  { kind: 'paragraph', start: 0, end: 77 },
  { kind: 'paragraph', start: 79, end: 125 },
  { kind: 'paragraph', start: 127, end: text.length }
]
const courier: Source = {
  id: 'bc',
  name: 'Baltic Courier',
  kind: 'outlet',
  aliases: [],
  description: '',
  reliability: 'B',
  createdAt: '',
  updatedAt: ''
}

describe('planAcceptance', () => {
  it('creates one source per speaker with its mentions as aliases, links known sources, carries caveats', () => {
    const suggestions = suggestClaims({ text, blocks }, [courier])
    const plan = planAcceptance(suggestions, [courier])
    const worker = `speaker:${suggestions[2].speaker.entity}`
    expect(plan.sources).toEqual([
      { key: 'speaker:e1', name: 'Jan Ostrow', kind: 'person', aliases: ['Harbour master Jan Ostrow', 'Ostrow'] },
      { key: worker, name: 'Unnamed dock worker', kind: 'anonymous', aliases: ['A dock worker'] }
    ])
    expect(plan.claims.map((c) => [text.slice(c.start, c.end), c.source, c.via, c.status, c.credibility])).toEqual([
      ['14 ships were waiting', { planned: 'speaker:e1' }, [{ id: 'bc' }], 'unverified', '6'],
      ['the backlog would clear by Sunday', { planned: 'speaker:e1' }, [], 'unverified', '6'],
      ['cranes had failed', { planned: worker }, [], 'unverified', '6']
    ])
    expect(plan.claims[2].note).toBe("Publisher's caveat: could not independently verify")
    expect(plan.claims[0].note).toBe('')
  })

  it('keeps as aliases only names a reader would use: no description, article or made-up acronym', () => {
    const d = [
      'Coastal think tank the Centre for the Study of Maritime Defence (CSMD) said on Monday that the strait was closed.',
      'The CSMD said 12 tankers were waiting.',
      'The Port Department said that pilots had been withdrawn.',
      "Norvia's harbour chief, Captain Ivo Laska, said the buoys had been moved."
    ]
    const doc = d.join('\n\n')
    const paragraphs = d.map((p) => ({ kind: 'paragraph', start: doc.indexOf(p), end: doc.indexOf(p) + p.length }))
    const plan = planAcceptance(suggestClaims({ text: doc, blocks: paragraphs }, []), [])
    expect(plan.sources.map((s) => [s.name, s.aliases])).toEqual([
      ['Centre for the Study of Maritime Defence', ['CSMD']],
      ['Port Department', []],
      ['Ivo Laska', ['Captain Ivo Laska']]
    ])
  })

  it('plans nothing for nothing', () => {
    expect(planAcceptance([], [])).toEqual({ sources: [], claims: [] })
  })
})
