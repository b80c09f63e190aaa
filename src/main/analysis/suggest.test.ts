import { describe, expect, it } from 'vitest'
import type { Source } from '../../shared/model'
import { inferPublisher, suggestClaims } from './suggest'

/** A document of paragraphs separated by blank lines, as the text importer makes it. */
function doc(...paragraphs: string[]) {
  const text = paragraphs.join('\n\n')
  let at = 0
  const blocks = paragraphs.map((p) => {
    const b = { kind: 'paragraph', start: at, end: at + p.length }
    at += p.length + 2
    return b
  })
  return { text, blocks }
}
const source = (id: string, name: string, aliases: string[] = [], kind: Source['kind'] = 'person'): Source => ({
  id,
  name,
  aliases,
  kind,
  description: '',
  reliability: 'F',
  createdAt: '',
  updatedAt: ''
})
const brief = (d: ReturnType<typeof doc>, sources: Source[] = []) =>
  suggestClaims(d, sources).map((s) => ({
    claim: s.claim.text,
    speaker: s.speaker.mention?.text ?? null,
    name: s.speaker.name,
    kind: s.speaker.kind,
    source: s.speaker.sourceId,
    via: s.via.map((v) => v.name),
    cue: s.cue.kind
  }))

describe('suggestClaims', () => {
  it('finds leading, trailing and inverted attributions, with the claim apart from the attribution', () => {
    const got = brief(
      doc(
        'Port officials said that 14 ships were stuck outside the harbour.',
        'The channel will reopen on Friday, the harbour master, Jan Ostrow, said on Tuesday.',
        '"We have never seen a backlog like this," said Mara Velt, a shipping agent in the port.'
      )
    )
    expect(got).toEqual([
      expect.objectContaining({
        claim: '14 ships were stuck outside the harbour',
        speaker: 'Port officials',
        kind: 'anonymous'
      }),
      expect.objectContaining({
        claim: 'The channel will reopen on Friday',
        speaker: 'the harbour master, Jan Ostrow',
        name: 'Jan Ostrow',
        kind: 'person'
      }),
      expect.objectContaining({ claim: '"We have never seen a backlog like this,"', name: 'Mara Velt', kind: 'person' })
    ])
  })

  it('records relays and citing, and keeps the relay for "the source" later', () => {
    const got = brief(
      doc(
        'A senior customs officer told the Baltic Courier that the inspections had been ordered by the ministry.',
        'The checks would last at least two weeks, the officer said.',
        'The Harbour Gazette, citing two dock workers, reported that cranes had stood idle since Monday.'
      )
    )
    expect(got[0]).toMatchObject({ speaker: 'A senior customs officer', kind: 'anonymous', via: ['Baltic Courier'] })
    expect(got[1]).toMatchObject({
      claim: 'The checks would last at least two weeks',
      name: got[0].name,
      via: ['Baltic Courier']
    })
    expect(got[2]).toMatchObject({
      speaker: 'two dock workers',
      via: ['Harbour Gazette'],
      claim: 'cranes had stood idle since Monday'
    })
  })

  it("splits one speaker's sentence into its claims and resolves pronouns and surnames", () => {
    const got = brief(
      doc(
        'Harbour master Jan Ostrow said 14 ships were waiting, adding that two had left.',
        'He warned that storms could delay them further, but that the port would stay open.',
        'Ostrow said the backlog would clear by Sunday.'
      )
    )
    expect(got.map((g) => g.claim)).toEqual([
      '14 ships were waiting',
      'two had left',
      'storms could delay them further',
      'the port would stay open',
      'the backlog would clear by Sunday'
    ])
    expect(new Set(got.map((g) => g.name))).toEqual(new Set(['Jan Ostrow']))
  })

  it("matches speakers to the case's sources by name, alias or a safe looser rule", () => {
    const sources = [
      source('ostrow', 'Jan Ostrow'),
      source('moi', 'Ministry of the Interior', ['interior ministry'], 'organization')
    ]
    const got = brief(
      doc(
        'Harbour master Jan Ostrow said 14 ships were waiting.',
        'The interior ministry said 200 police officers had been sent to the port.'
      ),
      sources
    )
    expect(got.map((g) => g.source)).toEqual(['ostrow', 'moi'])
  })

  it("catches the publisher's caveats and suggests credibility 6 and unverified", () => {
    const got = suggestClaims(
      doc(
        'A dock worker told the Courier that 40 containers had been damaged. The Courier could not independently verify the figure.'
      ),
      []
    )
    expect(got).toHaveLength(1)
    expect(got[0].caveats.map((c) => c.kind)).toEqual(['unverified'])
    expect(got[0].grading).toEqual({ credibility: '6', status: 'unverified' })
  })

  it("suggests the publisher's own figures, judgments and non-statements, and skips headings and cut-off captions", () => {
    const d = doc(
      'Ships stuck at Korval',
      'About 1,200 containers are waiting to be unloaded.',
      'The port authority has not confirmed or denied that the cranes failed.',
      'A crane at the port. Dock workers said the cranes... Photo / Agency'
    )
    d.blocks[0].kind = 'heading'
    const got = suggestClaims({ ...d, outlet: 'Baltic Courier' }, [])
    expect(got.map((s) => [s.cue.kind, s.speaker.name, s.speaker.resolution])).toEqual([
      ['figure', 'Baltic Courier', 'publisher'],
      ['non-statement', 'Baltic Courier', 'publisher']
    ])
    expect(got[0].quantities[0]).toMatchObject({ value: 1200, unit: 'containers', bound: 'approx' })
  })

  it('never throws on odd input and refuses a broken block list with a clear message', () => {
    expect(suggestClaims({ text: '', blocks: [] }, [])).toEqual([])
    expect(suggestClaims(doc('""', '...', 'said said said.'), [])).toEqual(expect.any(Array))
    expect(() => suggestClaims({ text: 'abc', blocks: [{ kind: 'paragraph', start: 2, end: 40 }] }, [])).toThrow(
      /outside the text/
    )
  })
})

describe('inferPublisher', () => {
  it('reads the publisher from a dateline or from its own caveat', () => {
    expect(inferPublisher('KORVAL, March 14 (Meridian Press) - Ships ...')).toBe('Meridian Press')
    expect(inferPublisher('Cranes failed. The Baltic Courier could not independently verify this.')).toBe(
      'Baltic Courier'
    )
    expect(inferPublisher('Nothing here.')).toBeNull()
  })
})
