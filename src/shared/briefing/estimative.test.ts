import { describe, expect, it } from 'vitest'
import {
  checkEstimativeLanguage,
  checkProductLanguage,
  findConfidence,
  findLikelihoodTerms,
  splitSentences
} from './estimative'

const words = (text: string) => findLikelihoodTerms(text).map((t) => [t.text, t.set, t.level])

describe('findLikelihoodTerms', () => {
  it('recognises every band of both scales', () => {
    const a =
      'almost no chance, very unlikely, unlikely, roughly even chance, likely, very likely, almost certain, almost certainly'
    expect(words(a)).toEqual([
      ['almost no chance', 'likely', 1],
      ['very unlikely', 'likely', 2],
      ['unlikely', 'likely', 3],
      ['roughly even chance', 'likely', 4],
      ['likely', 'likely', 5],
      ['very likely', 'likely', 6],
      ['almost certain', 'likely', 7],
      ['almost certainly', 'likely', 7]
    ])
    const b =
      'a remote chance, highly improbable, improbable, roughly even odds, probable, highly probable, nearly certain'
    expect(words(b)).toEqual([
      ['remote', 'probable', 1],
      ['highly improbable', 'probable', 2],
      ['improbable', 'probable', 3],
      ['roughly even odds', 'probable', 4],
      ['probable', 'probable', 5],
      ['highly probable', 'probable', 6],
      ['nearly certain', 'probable', 7]
    ])
  })

  it('takes the longest match and never finds "likely" inside "unlikely"', () => {
    const text = 'It is unlikely. It is very unlikely. It is Very\nLikely. Improbable, not probable.'
    expect(words(text)).toEqual([
      ['unlikely', 'likely', 3],
      ['very unlikely', 'likely', 2],
      ['Very\nLikely', 'likely', 6],
      ['Improbable', 'probable', 3],
      ['probable', 'probable', 5]
    ])
  })

  it('gives exact character ranges', () => {
    const text = 'Attacks are very likely to resume.'
    const [t] = findLikelihoodTerms(text)
    expect(text.slice(t.start, t.end)).toBe('very likely')
    expect(t.percent).toEqual([80, 95])
  })

  it('recognises the adverbs ICD 203 lists beside its terms: probably, improbably', () => {
    const text = 'Attacks will probably resume. Talks improbably succeed. Probably not.'
    expect(words(text)).toEqual([
      ['probably', 'probable', 5],
      ['improbably', 'probable', 3],
      ['Probably', 'probable', 5]
    ])
    const [t] = findLikelihoodTerms('It will probably rain.')
    expect(t).toMatchObject({ start: 8, end: 16, percent: [55, 80] })
    const mixed = checkEstimativeLanguage('Attacks are likely. Talks will probably fail.').warnings
    expect(mixed.map((w) => w.kind)).toEqual(['mixed-scales'])
  })

  it('ignores look-alikes that are not likelihood terms', () => {
    expect(words('The likelihood of remote sensing in a remote village; probability; probabilistic.')).toEqual([])
    expect(words('The chance of success is remote.')).toEqual([['remote', 'probable', 1]])
  })
})

describe('findConfidence', () => {
  it('finds confidence phrases', () => {
    const found = findConfidence(
      'We have high confidence. Moderate-confidence call. Confidence is low. We are lowly confident.'
    )
    expect(found.map((c) => c.level)).toEqual(['high', 'moderate', 'low', 'low'])
  })
})

describe('splitSentences', () => {
  it('does not split after abbreviations and initials', () => {
    const text = 'U.S. officials met Gen. Smith and J. Doe on Monday. They left. A new one\n\nParagraph two'
    const parts = splitSentences(text).map((r) => text.slice(r.start, r.end).trim())
    expect(parts).toEqual([
      'U.S. officials met Gen. Smith and J. Doe on Monday.',
      'They left.',
      'A new one',
      'Paragraph two'
    ])
  })
})

describe('checkEstimativeLanguage', () => {
  it('is quiet about consistent text', () => {
    expect(
      checkEstimativeLanguage(
        'Attacks are likely. A ceasefire is very unlikely. We have high confidence in the source.'
      ).warnings
    ).toEqual([])
  })

  it('warns when the two scales are mixed, pointing at the other-scale terms', () => {
    const text = 'Attacks are likely. A ceasefire is highly improbable.'
    const { warnings } = checkEstimativeLanguage(text)
    expect(warnings).toHaveLength(1)
    expect(warnings[0].kind).toBe('mixed-scales')
    expect(warnings[0].reason).toContain('“likely”')
    expect(warnings[0].reason).toContain('“highly improbable”')
    expect(warnings[0].ranges.map((r) => text.slice(r.start, r.end))).toEqual(['highly improbable'])
  })

  it('warns when one sentence holds confidence and likelihood', () => {
    const text =
      'We assess with high confidence that attacks are likely. We have moderate confidence in this. Attacks are probable.'
    const w = checkEstimativeLanguage(text).warnings
    const same = w.filter((x) => x.kind === 'confidence-with-likelihood')
    expect(same).toHaveLength(1)
    expect(same[0].ranges.map((r) => text.slice(r.start, r.end))).toEqual(['high confidence', 'likely'])
    expect(text.slice(same[0].sentence!.start, same[0].sentence!.end)).toBe(
      'We assess with high confidence that attacks are likely.'
    )
    expect(same[0].reason).toMatch(/confidence apart from likelihood/)
    expect(w.filter((x) => x.kind === 'mixed-scales')).toHaveLength(1)
  })

  it('handles empty text', () => {
    expect(checkEstimativeLanguage('')).toEqual({ terms: [], confidence: [], warnings: [] })
  })
})

describe('checkProductLanguage', () => {
  it('holds every field of a product to the scale chosen first', () => {
    const warnings = checkProductLanguage([
      { field: 'bottomLine', text: 'Attacks are very likely.' },
      { field: 'judgment:1', text: 'Talks are improbable.' },
      { field: 'judgment:2', text: 'Low confidence that it is likely.' }
    ])
    expect(warnings.map((w) => [w.field, w.kind])).toEqual([
      ['judgment:1', 'mixed-scales'],
      ['judgment:2', 'confidence-with-likelihood']
    ])
  })
})
