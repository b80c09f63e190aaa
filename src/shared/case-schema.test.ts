import { describe, expect, it } from 'vitest'
import { caseSchema, describeIssues, formatPath, itemSchemas } from './case-schema'

const now = '2024-05-01T00:00:00.000Z'
const valid = {
  version: 3,
  id: 'c1',
  title: 'Case',
  createdAt: now,
  updatedAt: now,
  documents: [],
  sources: [
    {
      id: 's1',
      name: 'TASS',
      kind: 'outlet',
      description: '',
      reliability: 'C',
      aliases: [],
      createdAt: now,
      updatedAt: now
    }
  ],
  claims: [],
  links: [],
  briefings: [],
  conflictSets: [],
  rejections: [{ id: 'd1', spans: ['3:9', '40:52'], updatedAt: now }]
}

describe('caseSchema', () => {
  it('accepts a valid case and drops unknown keys', () => {
    const parsed = caseSchema.parse({ ...valid, extra: true })
    expect(parsed).toEqual(valid)
  })

  it('describes problems by path', () => {
    const result = caseSchema.safeParse({
      ...valid,
      version: 4,
      sources: [{ ...valid.sources[0], reliability: 'Q' }],
      rejections: [{ ...valid.rejections[0], spans: ['s1'] }]
    })
    expect(result.success).toBe(false)
    const text = describeIssues(result.error!)
    expect(text).toMatch(
      /^version: .*; sources\[0\]\.reliability: .*; rejections\[0\]\.spans\[0\]: expected the span of a suggestion/
    )
  })

  it('caps the description at a few problems', () => {
    const result = itemSchemas.claims.safeParse({})
    expect(describeIssues(result.error!, 2)).toMatch(/and \d+ more problems$/)
  })

  it('takes a claim with or without how it was re-anchored, and names a bad anchor by its path', () => {
    const claim = {
      id: 'k1',
      documentId: 'd2',
      quote: { exact: 'forty', prefix: '', suffix: '' },
      position: { start: 0, end: 5 },
      sourceId: null,
      via: [],
      tags: [],
      note: '',
      status: 'unverified',
      credibility: '6',
      createdAt: now,
      updatedAt: now
    }
    expect(itemSchemas.claims.parse(claim)).toEqual(claim)
    const anchored = { ...claim, anchor: { state: 'fuzzy', score: 0.82, previousQuote: '40', fromDocumentId: 'd1' } }
    expect(itemSchemas.claims.parse(anchored)).toEqual(anchored)
    const bad = itemSchemas.claims.safeParse({ ...claim, anchor: { state: 'lost', score: 2 } })
    expect(describeIssues(bad.error!)).toMatch(/^anchor\.state: .*; anchor\.score: /)
  })

  it('formats paths', () => {
    expect(formatPath(['documents', 3, 'provenance', 'sha256'])).toBe('documents[3].provenance.sha256')
    expect(formatPath([])).toBe('(top level)')
  })
})
