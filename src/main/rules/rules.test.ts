// The rules without a disk: a case in memory, a fixed clock and ids, and the ops each rule returns.
import { describe, expect, it } from 'vitest'
import { LIMITS } from '../../shared/api'
import type { CaseData } from '../../shared/model'
import { CaseState } from '../case/case-state'
import { emptyCase } from '../case/empty-case'
import { fakeClaim, fakeDocument, fakeSource } from '../case/testing/fixtures'
import type { ImportedDocument } from '../import'
import { createBriefing, updateBriefing } from './briefings'
import {
  createClaim,
  createLink,
  deleteClaim,
  deleteClaims,
  normaliseTags,
  updateClaim,
  updateClaims,
  type NewClaim
} from './claims'
import { addDocument, deleteDocument, reimportDocument } from './documents'
import type { RuleContext } from './outcome'
import { createSource, deleteSource, mergeSources, updateSource } from './sources'
import { rejectSuggestions } from './suggestions'

function context(): RuleContext {
  let n = 0
  return { now: '2026-03-11T09:00:00.000Z', newId: () => `id-${++n}` }
}

function stateWith(data: Partial<CaseData> = {}): CaseState {
  return new CaseState({ ...emptyCase('Case'), ...data })
}

/** Applies a rule's ops, as the store would once they are durable. */
function commit<T>(state: CaseState, outcome: { ops: Parameters<CaseState['apply']>[0]; value: T }): T {
  state.apply(outcome.ops, '2026-03-11T09:00:00.000Z')
  return outcome.value
}

describe('claim rules', () => {
  const doc = fakeDocument(200, 1)
  const base: Omit<NewClaim, 'documentId' | 'start' | 'end'> = {
    sourceId: null,
    via: [],
    tags: [],
    note: '',
    status: 'unverified',
    credibility: '6'
  }

  it('anchors a new claim with quote and position selectors', () => {
    const state = stateWith({ documents: [doc] })
    const outcome = createClaim(state, { documentId: doc.id, start: 10, end: 30, ...base }, context())
    expect(outcome.ops).toHaveLength(1)
    expect(outcome.value.quote.exact).toBe(doc.text.slice(10, 30))
    expect(outcome.value.position).toEqual({ start: 10, end: 30 })
    expect(outcome.label).toMatch(/^mark “/)
  })

  it('names an edit by its one field and refuses a relay that is the speaker', () => {
    const source = fakeSource('Reuters')
    const state = stateWith({ documents: [doc], sources: [source] })
    const claim = commit(state, createClaim(state, { documentId: doc.id, start: 10, end: 30, ...base }, context()))
    expect(updateClaim(state, claim.id, { status: 'contradicted' }, context()).label).toBe('status → Contradicted')
    expect(updateClaim(state, claim.id, { sourceId: source.id }, context()).label).toBe('source → Reuters')
    expect(() => updateClaim(state, claim.id, { sourceId: source.id, via: [source.id] }, context())).toThrow(
      /own relay/
    )
  })

  it('deleting a claim takes its links and its citations in briefings with it', () => {
    const state = stateWith({ documents: [doc] })
    const a = commit(state, createClaim(state, { documentId: doc.id, start: 0, end: 10, ...base }, context()))
    const b = commit(
      state,
      createClaim(state, { documentId: doc.id, start: 20, end: 30, ...base }, { ...context(), newId: () => 'b' })
    )
    const link = commit(
      state,
      createLink(state, { from: a.id, to: b.id, kind: 'contradicts', note: '' }, { ...context(), newId: () => 'l' })
    )
    const brief = commit(state, createBriefing(state, { claimIds: [a.id, b.id] }, { ...context(), newId: () => 'br' }))
    const { ops } = deleteClaim(state, a.id, context())
    expect(ops).toEqual([
      { op: 'remove', collection: 'claims', id: a.id },
      { op: 'remove', collection: 'links', id: link.id },
      { op: 'put', collection: 'briefings', item: { ...brief, claimIds: [b.id], updatedAt: context().now } }
    ])
  })

  it('changes several claims at once: topics added and taken away, fields set, unchanged claims left alone', () => {
    const reuters = fakeSource('Reuters')
    const a = { ...fakeClaim(doc.id, null, 'a'), tags: ['Troops', 'border'] }
    const b = { ...fakeClaim(doc.id, reuters.id, 'b'), tags: ['troops'] }
    const state = stateWith({ documents: [doc], sources: [reuters], claims: [a, b] })
    const tagged = updateClaims(
      state,
      ['a', 'b', 'a'],
      { addTags: ['troops', ' kursk '], removeTags: ['BORDER'] },
      context()
    )
    expect(tagged.value).toEqual(['a', 'b'])
    expect(tagged.ops.map((o) => o.op === 'put' && (o.item as { tags: string[] }).tags)).toEqual([
      ['Troops', 'kursk'],
      ['troops', 'kursk']
    ])
    expect(() => updateClaims(state, ['a'], { addTags: ['x'], removeTags: [' X '] }, context())).toThrow(
      'removeTags: “x” is added by the same change'
    )
    expect(tagged.ops).toHaveLength(2)
    expect(tagged.label).toBe('#troops, #kursk, no #BORDER on 2 claims')
    const status = updateClaims(state, ['a', 'b'], { status: 'confirmed' }, context())
    expect(status.label).toBe('status → Confirmed on 2 claims')
    const already = updateClaims(state, ['b'], { sourceId: reuters.id }, context())
    expect(already.ops).toEqual([])
  })

  it('refuses a bulk change naming a missing claim or a source that relays one of them, before changing any', () => {
    const reuters = fakeSource('Reuters')
    const a = fakeClaim(doc.id, null, 'a')
    const b = { ...fakeClaim(doc.id, null, 'b'), via: [reuters.id] }
    const state = stateWith({ documents: [doc], sources: [reuters], claims: [a, b] })
    expect(() => updateClaims(state, ['a', 'gone'], { status: 'confirmed' }, context())).toThrow(/gone/)
    expect(() => updateClaims(state, ['a', 'b'], { sourceId: reuters.id }, context())).toThrow(/relay of/)
    expect(() => updateClaims(state, ['a'], { sourceId: 'nobody' }, context())).toThrow(/nobody/)
  })

  it('refuses a bulk topic that would give a claim more topics than a claim may hold, naming the claim', () => {
    const full = {
      ...fakeClaim(doc.id, null, 'full'),
      tags: Array.from({ length: LIMITS.tagsPerClaim }, (_, i) => `t${i}`)
    }
    const state = stateWith({ documents: [doc], claims: [fakeClaim(doc.id, null, 'a'), full] })
    expect(() => updateClaims(state, ['a', 'full'], { addTags: ['one more'] }, context())).toThrow(
      new RegExp(`^addTags: “officials had confirmed .*” would have more than ${LIMITS.tagsPerClaim} topics$`)
    )
    expect(updateClaims(state, ['full'], { addTags: ['T0'] }, context()).ops).toEqual([])
    const swapped = updateClaims(state, ['full'], { addTags: ['new'], removeTags: ['t0'] }, context()).ops[0]
    expect(swapped.op === 'put' && (swapped.item as { tags: string[] }).tags).toHaveLength(LIMITS.tagsPerClaim)
  })

  it('deletes several claims as one change, each once', () => {
    const state = stateWith({ documents: [doc], claims: [fakeClaim(doc.id, null, 'a'), fakeClaim(doc.id, null, 'b')] })
    const outcome = deleteClaims(state, ['a', 'b', 'a'], context())
    expect(outcome.value).toEqual(['a', 'b'])
    expect(outcome.label).toBe('delete 2 claims')
    expect(outcome.ops.filter((o) => o.op === 'remove')).toHaveLength(2)
    expect(() => deleteClaims(state, ['a', 'gone'], context())).toThrow(/gone/)
  })

  it('normalises tags: trimmed, single-spaced, each once', () => {
    expect(normaliseTags([' a ', 'A', 'b  c', ''])).toEqual(['a', 'b c'])
  })
})

describe('source rules', () => {
  it('keeps names unique across names and aliases', () => {
    const state = stateWith({ sources: [{ ...fakeSource('Reuters'), aliases: ['Thomson Reuters'] }] })
    const make = (name: string, aliases: string[] = []) =>
      createSource(state, { name, kind: 'person', description: '', reliability: 'F', aliases }, context())
    expect(() => make('REUTERS')).toThrow(/named “Reuters”/)
    expect(() => make('Thomson Reuters')).toThrow(/alias of/)
    expect(() => make('Agency', ['reuters'])).toThrow(/already exists/)
    expect(make('AP', ['Associated Press', 'ap']).value.aliases).toEqual(['Associated Press'])
  })

  it('a rename keeps the old name as an alias; a merge moves speakers and relays', () => {
    const a = fakeSource('Navy spokesman')
    const b = fakeSource('Ivo Dravic')
    const state = stateWith({ sources: [a, b] })
    expect(updateSource(state, a.id, { name: 'Spokesman' }, context()).value.aliases).toEqual(['Navy spokesman'])
    const merged = mergeSources(state, a.id, b.id, context())
    expect(merged.value.aliases).toEqual(['Navy spokesman'])
    expect(merged.ops.at(-1)).toEqual({ op: 'remove', collection: 'sources', id: a.id })
    expect(() => deleteSource(state, a.id, a.id, context())).toThrow(/being deleted/)
  })
})

describe('document rules', () => {
  const imported: ImportedDocument = {
    meta: { title: 'Report', outlet: '', author: '', url: 'https://example.org/r', published: '' },
    text: 'Report\n\nBody text here.',
    blocks: [],
    format: 'txt',
    notices: [],
    suggestedSources: [{ name: 'Reuters', kind: 'outlet' }]
  }
  const provenance = (sha: string) => ({
    fileName: 'r.txt',
    format: 'txt' as const,
    sha256: sha.repeat(64),
    size: 10,
    importedAt: 't'
  })

  it('adds a document, recognises the same bytes, and keeps a changed article as a new version', () => {
    const state = stateWith({ sources: [fakeSource('reuters')] })
    const first = commit(state, addDocument(state, imported, provenance('a'), context()))
    expect(first).toMatchObject({ status: 'imported', documentId: 'id-1' })
    expect(first.suggestedSources).toBeUndefined() // the case knows Reuters already
    const again = addDocument(state, imported, provenance('a'), context())
    expect(again.ops).toEqual([])
    expect(again.value.status).toBe('duplicate')
    const v2 = addDocument(state, { ...imported, text: 'Report\n\nNew body.' }, provenance('b'), {
      ...context(),
      newId: () => 'v2'
    })
    expect(v2.value.message).toBe('new version of “Report”, kept beside it')
    expect(v2.ops[0]).toMatchObject({ item: { versionOf: 'id-1' } })
  })

  it('deletes a document with its claims; decoding again is refused once claims anchor in it', () => {
    const doc = fakeDocument(100, 1)
    const state = stateWith({ documents: [doc] })
    commit(
      state,
      createClaim(
        state,
        {
          documentId: doc.id,
          start: 0,
          end: 10,
          sourceId: null,
          via: [],
          tags: [],
          note: '',
          status: 'unverified',
          credibility: '6'
        },
        context()
      )
    )
    expect(deleteDocument(state, doc.id, context()).value).toEqual(['id-1'])
    expect(() => reimportDocument(state, doc.id, imported, context())).toThrow(/1 claim anchored/)
  })
})

describe('briefing rules', () => {
  it('refuses citations of claims the case does not hold and names single-field edits', () => {
    const state = stateWith()
    const brief = commit(state, createBriefing(state, { title: 'B' }, context()))
    expect(() => updateBriefing(state, brief.id, { claimIds: ['ghost'] }, context())).toThrow(/ghost/)
    expect(updateBriefing(state, brief.id, { bottomLine: 'x' }, context()).label).toBe('briefing bottom line')
  })
})

describe('briefing rules, on a briefing a hand-edited file left citing a claim the case lacks', () => {
  it('keeps or drops that citation on an edit, and still refuses a new one', () => {
    const state = stateWith()
    const made = commit(state, createBriefing(state, { title: 'B' }, context()))
    const judgments = [{ id: 'j', text: 'x', confidence: 'low' as const, claimIds: ['gone'] }]
    const brief = commit(state, {
      ops: [{ op: 'put', collection: 'briefings', item: { ...made, claimIds: ['gone'], judgments } }],
      value: made
    })
    expect(
      updateBriefing(state, brief.id, { claimIds: ['gone'], bottomLine: 'kept' }, context()).value.claimIds
    ).toEqual(['gone'])
    expect(updateBriefing(state, brief.id, { claimIds: [] }, context()).value.claimIds).toEqual([])
    expect(() => updateBriefing(state, brief.id, { claimIds: ['gone', 'ghost'] }, context())).toThrow(/ghost/)
  })
})

describe('rejection rules, on a list a hand-edited file left odd', () => {
  const doc = fakeDocument(20_000, 1)
  const spans = (n: number) => Array.from({ length: n }, (_, i) => `${i}:${i + 5}`)
  const stateOf = (list: string[]) =>
    stateWith({ documents: [doc], rejections: [{ id: doc.id, spans: list, updatedAt: doc.createdAt }] })

  it('brings back a span however its numbers are written in the file', () => {
    const state = stateOf(['0125:0158', '200:210'])
    const kept = commit(
      state,
      rejectSuggestions(state, { documentId: doc.id, spans: ['125:158'], rejected: false }, context())
    )
    expect(kept).toEqual(['200:210'])
  })

  it('lets a list over the limit shrink, and refuses only to add to it', () => {
    const state = stateOf(spans(10_005))
    const kept = commit(
      state,
      rejectSuggestions(state, { documentId: doc.id, spans: ['0:5'], rejected: false }, context())
    )
    expect(kept).toHaveLength(10_004)
    expect(() =>
      rejectSuggestions(state, { documentId: doc.id, spans: ['15000:15010'], rejected: true }, context())
    ).toThrow(/keeps at most 10000 rejected suggestions/)
  })
})

describe('conflict-set rules, on a set a hand-edited file left naming a claim the case lacks', () => {
  it('deletes one of its claims and restates its reason for the claims it has', () => {
    const doc = fakeDocument(200, 1)
    const [a, b, c] = ['a', 'b', 'c'].map((id) => fakeClaim(doc.id, null, id))
    const set = {
      id: 'set',
      claimIds: ['a', 'b', 'c', 'gone'],
      kind: 'conflict' as const,
      status: 'confirmed' as const,
      basis: 'manual' as const,
      subject: 'Ships',
      explanation: '',
      note: '',
      createdAt: doc.createdAt,
      updatedAt: doc.createdAt
    }
    const state = stateWith({ documents: [doc], claims: [a, b, c], conflictSets: [set] })
    commit(state, deleteClaim(state, 'c', context()))
    expect(state.conflictSets.get('set')).toMatchObject({
      claimIds: ['a', 'b', 'gone'],
      explanation: '2 claims set side by side by the analyst'
    })
  })
})
