import { describe, expect, it } from 'vitest'
import type { Briefing } from '../model'
import { buildBriefingView, formatDate, noteRanges } from './view'
import { DEFAULT_LABELS } from './labels'
import { largeCase, sampleCase } from './test-fixtures'

const generatedAt = '2024-05-03T10:00:00.000Z'
const briefingOf = (id: string): Briefing => sampleCase().briefings.find((b) => b.id === id)!

describe('buildBriefingView', () => {
  it('fills the header from the briefing', () => {
    const v = buildBriefingView(sampleCase(), briefingOf('b-main'), { generatedAt })
    expect(v.briefingId).toBe('b-main')
    expect(v.header).toMatchObject({
      title: 'Strait of Marren: shipping disruption',
      handling: 'OFFICIAL — FOR TRAINING <only>',
      dateText: '2024-05-03 09:30 UTC',
      author: 'A. Analyst',
      generatedAtText: '2024-05-03 10:00 UTC'
    })
  })

  it('writes the relay chain speaker first, relays, then the outlet', () => {
    const v = buildBriefingView(sampleCase(), briefingOf('b-main'), { generatedAt })
    const c = v.claims.find((x) => x.id === 'c-120')!
    expect(c.chain).toBe('Unnamed Coast Guard official, via Reuters, in The Harbour Tribune')
    expect(c.grade).toBe('C3')
    expect(c.gradeLabel).toBe('source fairly reliable; information possibly true')
    expect(c.statusLabel).toBe('Contradicted')
    expect(v.claims.find((x) => x.id === 'c-fell')!.chain).toBe('Unattributed, in The Harbour Tribune')
    expect(v.claims.find((x) => x.id === 'c-fell')!.grade).toBe('?6')
    expect(v.claims.find((x) => x.id === 'c-fell')!.gradeLabel).toBe(
      'source not identified; truth of the information cannot be judged'
    )
    expect(v.claims.find((x) => x.id === 'c-soon')!.gradeLabel).toBe(
      'source not usually reliable; truth of the information cannot be judged'
    )
  })

  it('cautions on a claim whose words a newer version changed until the analyst accepts them', () => {
    const data = sampleCase()
    const claim = data.claims.find((c) => c.id === 'c-120')!
    claim.anchor = { state: 'fuzzy', score: 0.97, previousQuote: 'at least "40" ships' }
    const v = buildBriefingView(data, briefingOf('b-main'), { generatedAt })
    expect(v.claims.find((x) => x.id === 'c-120')!.unreviewed).toBe(
      'Not yet reviewed: a newer version of the document changed these words (earlier: “at least ‘40’ ships”); the grade and status were given to the earlier words.'
    )
    expect(v.claims.find((x) => x.id === 'c-fell')!.unreviewed).toBe('')
    delete claim.anchor.previousQuote
    expect(
      buildBriefingView(data, briefingOf('b-main'), { generatedAt }).claims.find((x) => x.id === 'c-120')!.unreviewed
    ).toBe('')
  })

  it('numbers paragraphs among non-heading blocks, and uses pages for paged documents', () => {
    const v = buildBriefingView(sampleCase(), briefingOf('b-main'), { generatedAt })
    const cite = (id: string) => v.claims.find((x) => x.id === id)!.citation
    // heading, p1 "Commercial...", p2 "unnamed official", p3 "Harbour Master", heading, p4 "Tidewatch", quote p5
    expect(cite('c-fell').paragraph).toBe(1)
    expect(cite('c-120').paragraph).toBe(2)
    expect(cite('c-80').paragraph).toBe(3)
    expect(cite('c-transits').paragraph).toBe(4)
    expect(cite('c-temporary')).toMatchObject({ paragraph: 5, locator: 'para. 5' })
    expect(cite('c-hostile')).toMatchObject({ page: 2, locator: 'p. 2' })
    expect(cite('c-120')).toMatchObject({
      title: 'Shipping through the Strait of Marren slows as patrols expand',
      outlet: 'The Harbour Tribune',
      published: '2024-05-01',
      linkUrl: 'https://tribune.example/marren-shipping',
      capturedAt: '2024-05-02T08:00:00.000Z'
    })
    expect(cite('c-hostile').linkUrl).toBeNull()
    expect(cite('c-hostile').url).toBe('javascript:alert(1)')
  })

  it('numbers one note per cited claim, in the order a reader meets them: judgments, then reporting', () => {
    const v = buildBriefingView(sampleCase(), briefingOf('b-main'), { generatedAt })
    const number = (id: string) => v.claims.find((x) => x.id === id)!.citation.number
    // Both transit claims sit in paragraph 4: two notes, one number each.
    expect(v.judgments.map((j) => j.citations)).toEqual([
      [1, 2],
      [3, 4]
    ])
    expect([number('c-transits'), number('c-40pc')]).toEqual([1, 2])
    expect(v.citations[0]).toMatchObject({ claimId: 'c-transits', note: 'D1, para. 4', documentLabel: 'D1' })
    expect(v.citations[1]).toMatchObject({ claimId: 'c-40pc', note: 'D1, para. 4' })
    // Then reporting, group by group: Varga, the desk, the unattributed claim.
    const rest = v.reporting.groups.flatMap((g) => g.claims.map((c) => c.id)).filter((id) => number(id) > 4)
    expect(rest).toEqual(['c-temporary', 'c-soon', 'c-hostile', 'c-95', 'c-fell'])
    expect(rest.map(number)).toEqual([5, 6, 7, 8, 9])
    expect(v.citations.map((c) => c.number)).toEqual(v.citations.map((_, i) => i + 1))
    expect(new Set(v.citations.map((c) => c.claimId)).size).toBe(v.citations.length)
    expect(v.citations.find((c) => c.claimId === 'c-hostile')).toMatchObject({
      note: 'D2, p. 2',
      text: '“Weekly maritime bulletin <No. 18> & ‘annex’\u202F”, Marren Observer, 2024-05-02, p. 2'
    })
  })

  it('numbers claims met only in comparisons after reporting, conflicting before corroborating', () => {
    const b = { ...briefingOf('b-main'), judgments: [], claimIds: ['c-40pc', 'c-120'] }
    const v = buildBriefingView(sampleCase(), b, { generatedAt })
    const number = (c: { citation: { number: number } }) => c.citation.number
    expect(v.claims.map((c) => [c.id, number(c)])).toEqual([
      ['c-40pc', 1],
      ['c-120', 2]
    ])
    // c-40pc's link sorts first, but conflicting reporting is printed first. The set
    // puts the briefing's claim first, then the case's order (document, position).
    expect(v.conflicting.map((x) => x.claims.map((c) => [c.id, number(c)]))).toEqual([
      [
        ['c-120', 2],
        ['c-80', 3],
        ['c-95', 4]
      ]
    ])
    // Tidewatch agreeing with itself is consistent, not corroboration: it has a section of its own.
    expect(v.corroborating).toEqual([])
    expect(v.oneSource.map((x) => x.claims.map((c) => [c.id, number(c)]))).toEqual([
      [
        ['c-transits', 5],
        ['c-40pc', 1]
      ]
    ])
    expect(v.citations.map((c) => c.claimId)).toEqual(['c-40pc', 'c-120', 'c-80', 'c-95', 'c-transits'])
    expect(v.oneSource[0].title).toBe('Tidewatch corroborates Tidewatch')
  })

  it('cites each document once in the annex, in the order of its first note, with the notes that point to it', () => {
    const v = buildBriefingView(sampleCase(), briefingOf('b-main'), { generatedAt })
    expect(v.documents.map((d) => [d.label, d.documentId, d.notes])).toEqual([
      ['D1', 'doc-report', [1, 2, 3, 4, 5, 6, 9]],
      ['D2', 'doc-bulletin', [7, 8]]
    ])
    expect(v.documents[0]).toMatchObject({
      text: '“Shipping through the Strait of Marren slows as patrols expand”, The Harbour Tribune, Mara Quill, 2024-05-01',
      url: 'https://tribune.example/marren-shipping',
      linkUrl: 'https://tribune.example/marren-shipping',
      fileName: 'doc-report.txt',
      capturedAtText: '2024-05-02 08:00 UTC'
    })
    expect(v.documents[0].sha256).toMatch(/^646f632d7265706f7274/)
    expect(v.documents[1].linkUrl).toBeNull()
    for (const c of v.citations) expect(v.documents.find((d) => d.label === c.documentLabel)!.notes).toContain(c.number)
  })

  it('groups all claims by source when claimIds is empty, in document then position order', () => {
    const v = buildBriefingView(sampleCase(), briefingOf('b-main'), { generatedAt })
    expect(v.claims.map((c) => c.id)).toEqual([
      'c-fell',
      'c-120',
      'c-80',
      'c-transits',
      'c-40pc',
      'c-temporary',
      'c-soon',
      'c-hostile',
      'c-95'
    ])
    expect(v.reporting.groups.map((g) => g.title)).toEqual([
      'Unnamed Coast Guard official',
      'Lena Ostrova',
      'Tidewatch',
      'Piet Varga',
      'Ops <b>desk</b> & "Co"',
      'Unattributed'
    ])
    expect(v.reporting.groups[0].detail).toBe('Anonymous · C (fairly reliable)')
    expect(v.reporting.groups[2].claims.map((c) => c.id)).toEqual(['c-transits', 'c-40pc'])
  })

  it('keeps the analyst order of claimIds, groups by topic, and reports missing claims', () => {
    const v = buildBriefingView(sampleCase(), briefingOf('b-topics'), { generatedAt })
    expect(v.claims.map((c) => c.id)).toEqual(['c-80', 'c-120', 'c-95', 'c-fell'])
    expect(v.missingClaimIds).toEqual(['c-gone'])
    expect(v.reporting.groups.map((g) => [g.title, g.claims.map((c) => c.id)])).toEqual([
      ['vessels', ['c-80', 'c-120', 'c-95']],
      ['diversions', ['c-120']],
      ['Untagged', ['c-fell']]
    ])
  })

  it('groups by document', () => {
    const b = { ...briefingOf('b-main'), groupBy: 'document' as const }
    const v = buildBriefingView(sampleCase(), b, { generatedAt })
    expect(v.reporting.groups.map((g) => g.claims.length)).toEqual([7, 2])
    expect(v.reporting.groups[0].detail).toBe('The Harbour Tribune, Mara Quill, 2024-05-01')
  })

  it('tables every cited source with kind, grade, claim count and relays', () => {
    const v = buildBriefingView(sampleCase(), briefingOf('b-main'), { generatedAt })
    expect(v.sources.map((s) => s.name)).toEqual([
      'Lena Ostrova',
      'Reuters',
      'Tidewatch',
      'Unnamed Coast Guard official',
      'Piet Varga',
      'Ops <b>desk</b> & "Co"'
    ])
    const cg = v.sources.find((s) => s.id === 'src-cg')!
    expect(cg).toMatchObject({ kindLabel: 'Anonymous', reliability: 'C', claimCount: 1, relays: ['Reuters'] })
    expect(v.sources.find((s) => s.id === 'src-reuters')).toMatchObject({ claimCount: 0, relayedCount: 2 })
    expect(v.sources.some((s) => s.id === 'src-unused')).toBe(false)
  })

  it('prints a confirmed conflict set once, side by side, with the notes of the links it replaces', () => {
    const v = buildBriefingView(sampleCase(), briefingOf('b-main'), { generatedAt })
    expect(v.conflicting).toHaveLength(1)
    const set = v.conflicting[0]
    expect(set).toMatchObject({
      id: 'set-vessels',
      origin: 'set',
      title: 'Vessels turned back: figures disagree',
      explanation: '120, 80 and 95 vessels: the counts disagree.',
      note: 'Unnamed Coast Guard official contradicts Lena Ostrova: 120 against 80 vessels'
    })
    expect(set.claims.map((c) => [c.id, c.grade, c.citation.published])).toEqual([
      ['c-120', 'C3', '2024-05-01'],
      ['c-80', 'B2', '2024-05-01'],
      ['c-95', 'F3', '2024-05-02']
    ])
    // The dismissed set is not printed; the link stays a pair.
    expect(v.oneSource.map((l) => [l.origin, l.claims.map((c) => c.id), l.note])).toEqual([
      ['link', ['c-transits', 'c-40pc'], '64 to 38 is about 41 percent']
    ])
  })

  it('prints a link beside a set when the set is of the other side or not confirmed', () => {
    const data = sampleCase()
    data.conflictSets[0].status = 'proposed'
    const v = buildBriefingView(data, briefingOf('b-main'), { generatedAt })
    expect(v.conflicting.map((c) => [c.origin, c.id])).toEqual([['link', 'l-1']])
    expect(v.conflicting[0].title).toBe('Unnamed Coast Guard official contradicts Lena Ostrova')
    data.conflictSets[0].status = 'confirmed'
    data.conflictSets[0].kind = 'consistent'
    const w = buildBriefingView(data, briefingOf('b-main'), { generatedAt })
    expect(w.conflicting.map((c) => c.id)).toEqual(['l-1'])
    expect(w.corroborating.map((c) => c.id)).toEqual(['set-vessels'])
    expect(w.oneSource.map((c) => c.id)).toEqual(['l-2'])
  })

  it('prints each claim of a set once, leaving out claims the case lacks (a hand-edited file)', () => {
    const data = sampleCase()
    data.conflictSets[0].claimIds = ['c-120', 'c-80', 'c-120', 'c-gone']
    const v = buildBriefingView(data, briefingOf('b-main'), { generatedAt })
    expect(v.conflicting.find((c) => c.id === 'set-vessels')!.claims.map((c) => c.id)).toEqual(['c-120', 'c-80'])
  })

  it('shows a comparison when only one of its claims is in the briefing', () => {
    const b = { ...briefingOf('b-main'), judgments: [], claimIds: ['c-95'] }
    const v = buildBriefingView(sampleCase(), b, { generatedAt })
    expect(v.conflicting.map((c) => c.claims.map((x) => x.id))).toEqual([['c-95', 'c-120', 'c-80']])
    expect(v.corroborating).toHaveLength(0)
    expect(v.claims.map((c) => c.id)).toEqual(['c-95'])
  })

  it('skips a set left with fewer than two claims the case still has', () => {
    const data = sampleCase()
    data.conflictSets[0].claimIds = ['c-80', 'c-gone']
    const v = buildBriefingView(data, briefingOf('b-main'), { generatedAt })
    expect(v.conflicting.map((c) => c.id)).toEqual(['l-1'])
  })

  it('warns of circular reporting that touches the briefing, citing the claims it cites', () => {
    const group = (claimIds: string[], subject: string) => ({
      originId: 'src-cg',
      subject,
      claimIds,
      routes: [],
      warning: `${claimIds.length} claims on "${subject}" come from one origin.`
    })
    const b = { ...briefingOf('b-main'), judgments: [], claimIds: ['c-80', 'c-120'] }
    const v = buildBriefingView(sampleCase(), b, {
      generatedAt,
      circular: [group(['c-120', 'c-hostile'], 'vessels'), group(['c-soon', 'c-temporary'], 'policy')]
    })
    expect(v.circular).toEqual([
      { originId: 'src-cg', subject: 'vessels', warning: '2 claims on "vessels" come from one origin.', citations: [2] }
    ])
  })

  it('builds a default briefing from the case when there is none', () => {
    const v = buildBriefingView(sampleCase(), null, { generatedAt })
    expect(v.briefingId).toBeNull()
    expect(v.header.title).toBe('Marren shipping')
    expect(v.header.dateText).toBe('2024-05-03 10:00 UTC')
    expect(v.reporting.groupBy).toBe('source')
    expect(v.claims).toHaveLength(9)
    expect(v.judgments).toEqual([])
  })

  it('uses configured labels', () => {
    const labels = { ...DEFAULT_LABELS, status: { ...DEFAULT_LABELS.status, contradicted: 'Disputed' } }
    const v = buildBriefingView(sampleCase(), briefingOf('b-main'), { generatedAt, labels })
    expect(v.claims.find((x) => x.id === 'c-120')!.statusLabel).toBe('Disputed')
  })

  it('does not change the case it reads', () => {
    const data = sampleCase()
    const before = JSON.stringify(data)
    buildBriefingView(data, data.briefings[0], { generatedAt })
    buildBriefingView(data, data.briefings[1], { generatedAt })
    expect(JSON.stringify(data)).toBe(before)
  })

  // Timing is measured by bench/export-bench.mjs, not here.
  it('resolves a briefing of 1,000 claims', () => {
    const data = largeCase()
    const v = buildBriefingView(data, data.briefings[0], { generatedAt })
    expect(v.claims).toHaveLength(1000)
  })
})

describe('formatDate', () => {
  it('keeps dates, normalises date-times to UTC and shows anything else raw', () => {
    expect(formatDate('2024-05-01')).toBe('2024-05-01')
    expect(formatDate('2024-05-01T12:30:00+02:00')).toBe('2024-05-01 10:30 UTC')
    expect(formatDate('last week')).toBe('last week')
    expect(formatDate('')).toBe('')
  })
})

describe('noteRanges', () => {
  it('joins runs of three or more into ranges', () => {
    expect(noteRanges([1, 2, 3, 5, 7, 8, 10, 11, 12, 13])).toBe('1–3, 5, 7, 8, 10–13')
    expect(noteRanges([4])).toBe('4')
    expect(noteRanges([])).toBe('')
  })
})
