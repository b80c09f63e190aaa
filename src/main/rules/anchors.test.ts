// Re-anchoring rules without a disk: a case in memory, a fixed clock and ids, the ops each rule returns.
import { describe, expect, it } from 'vitest'
import type { Claim } from '../../shared/model'
import { CaseState } from '../case/case-state'
import { validateOps } from '../case/ops'
import { emptyCase } from '../case/empty-case'
import { fakeDocument } from '../case/testing/fixtures'
import { acceptAnchor, reanchorDocument, reattachClaim } from './anchors'
import { createBriefing } from './briefings'
import { createClaim, createLink } from './claims'
import { deleteDocument } from './documents'
import type { RuleContext } from './outcome'

const NOW = '2026-03-11T09:00:00.000Z'
function context(): RuleContext {
  let n = 0
  return { now: NOW, newId: () => `id-${++n}` }
}

/** Applies a rule's ops as the store would, after checking them against the case schema. */
function commit<T>(state: CaseState, outcome: { ops: Parameters<CaseState['apply']>[0]; value: T }): T {
  state.apply(validateOps(outcome.ops), NOW)
  return outcome.value
}

const v1Text = [
  'Blockade Tightens on the Sarn',
  'The minister said at least 40 ships were held at the narrows. Officials declined to say more.',
  'A navy spokesman said fewer than 25 ships were waiting, the agency reported.',
  'Fishermen said the coast guard had recieved orders to search every vessel.'
].join('\n\n')
const v2Text = [
  'Blockade Tightens on the Sarn',
  'Updated with comment from the harbour master.',
  'The minister said at least 40 ships were held at the narrows. Officials declined to say more.',
  'Fishermen said the coast guard had received orders to search every vessel.'
].join('\n\n')

function setup() {
  const v1 = { ...fakeDocument(10, 1), id: 'v1', title: 'Sarn', text: v1Text }
  const v2 = { ...fakeDocument(10, 2), id: 'v2', title: 'Sarn', text: v2Text }
  const state = new CaseState({ ...emptyCase('Case'), documents: [v1, v2] })
  let n = 0
  const mark = (quote: string): Claim => {
    const start = v1Text.indexOf(quote)
    const input = { documentId: 'v1', start, end: start + quote.length, sourceId: null, via: [], tags: [], note: '' }
    return commit(
      state,
      createClaim(state, { ...input, status: 'unverified', credibility: '6' }, { ...context(), newId: () => `c${++n}` })
    )
  }
  const claims = {
    title: mark('Blockade Tightens'),
    ships: mark('at least 40 ships were held'),
    deleted: mark('fewer than 25 ships were waiting'),
    typo: mark('had recieved orders')
  }
  return { state, claims }
}

describe('reanchorDocument', () => {
  it('moves every claim it can place onto the new version and says how each was found', () => {
    const { state, claims } = setup()
    const outcome = reanchorDocument(state, 'v1', 'v2', context())
    expect(outcome.value).toEqual({ exact: 1, moved: 1, fuzzy: 1, orphaned: 1 })
    expect(outcome.label).toBe('re-anchor 4 claims onto “Sarn”')
    commit(state, outcome)

    const title = state.claims.get(claims.title.id)!
    expect(title).toMatchObject({
      documentId: 'v2',
      position: { start: 0, end: 17 },
      anchor: { state: 'exact', score: 1, fromDocumentId: 'v1' }
    })
    const ships = state.claims.get(claims.ships.id)!
    expect(ships.documentId).toBe('v2')
    expect(v2Text.slice(ships.position.start, ships.position.end)).toBe('at least 40 ships were held')
    expect(ships.quote.prefix).toBe(v2Text.slice(ships.position.start - 32, ships.position.start))
    expect(ships.anchor).toEqual({ state: 'moved', score: 1, fromDocumentId: 'v1' })

    const typo = state.claims.get(claims.typo.id)!
    expect(typo.quote.exact).toBe('had received orders')
    expect(typo.anchor).toMatchObject({ state: 'fuzzy', previousQuote: 'had recieved orders', fromDocumentId: 'v1' })
    expect(typo.anchor!.score).toBeGreaterThan(0.9)

    // An orphan stays on the version that holds its words, and says which version it could not follow onto.
    const orphan = state.claims.get(claims.deleted.id)!
    expect(orphan).toMatchObject({ documentId: 'v1', position: claims.deleted.position, quote: claims.deleted.quote })
    expect(orphan.anchor).toMatchObject({ state: 'orphaned', toDocumentId: 'v2' })
    expect(state.claimCountOf('v2')).toBe(3)
    // The new document is recorded as a version of the old.
    expect(state.documents.get('v2')!.versionOf).toBe('v1')
  })

  it('keeps ids, so links and briefing citations follow the claims', () => {
    const { state, claims } = setup()
    const link = commit(
      state,
      createLink(state, { from: claims.ships.id, to: claims.typo.id, kind: 'corroborates', note: '' }, context())
    )
    const brief = commit(
      state,
      createBriefing(state, { claimIds: [claims.ships.id] }, { ...context(), newId: () => 'b' })
    )
    const { ops } = reanchorDocument(state, 'v1', 'v2', context())
    expect(ops.some((op) => op.op === 'remove')).toBe(false)
    commit(state, { ops, value: null })
    expect(state.linksOf(claims.ships.id)).toEqual([link])
    expect(state.briefings.get(brief.id)!.claimIds).toEqual([claims.ships.id])
  })

  it('running it again changes nothing for orphans already waiting, and refuses a document onto itself', () => {
    const { state } = setup()
    commit(state, reanchorDocument(state, 'v1', 'v2', context()))
    const again = reanchorDocument(state, 'v1', 'v2', context())
    expect(again.value).toEqual({ exact: 0, moved: 0, fuzzy: 0, orphaned: 1 })
    expect(again.ops).toEqual([])
    expect(() => reanchorDocument(state, 'v1', 'v1', context())).toThrow(/onto itself/)
    expect(() => reanchorDocument(state, 'v1', 'nope', context())).toThrow(/no document with id nope/)
  })

  it('keeps showing the wording the analyst last accepted across two changes, and forgets it when the words come back', () => {
    const { state, claims } = setup()
    commit(state, reanchorDocument(state, 'v1', 'v2', context()))
    const v3 = {
      ...fakeDocument(10, 3),
      id: 'v3',
      title: 'Sarn',
      text: v2Text.replace('received orders', 'received order')
    }
    const v4 = { ...fakeDocument(10, 4), id: 'v4', title: 'Sarn', text: v1Text }
    commit(state, {
      ops: [
        { op: 'put', collection: 'documents', item: v3 },
        { op: 'put', collection: 'documents', item: v4 }
      ],
      value: null
    })
    commit(state, reanchorDocument(state, 'v2', 'v3', context()))
    expect(state.claims.get(claims.typo.id)!.anchor).toMatchObject({
      state: 'fuzzy',
      previousQuote: 'had recieved orders'
    })
    expect(state.claims.get(claims.typo.id)!.quote.exact).toBe('had received order')
    commit(state, reanchorDocument(state, 'v3', 'v4', context()))
    const back = state.claims.get(claims.typo.id)!
    expect(back.quote.exact).toBe('had recieved orders')
    expect(back.anchor?.previousQuote).toBeUndefined()
  })
})

describe('acceptAnchor', () => {
  it('forgets the previous wording and keeps how the claim was found; refuses a claim with nothing to accept', () => {
    const { state, claims } = setup()
    commit(state, reanchorDocument(state, 'v1', 'v2', context()))
    const accepted = commit(state, acceptAnchor(state, claims.typo.id, context()))
    expect(accepted.anchor).toEqual({ state: 'fuzzy', score: expect.any(Number), fromDocumentId: 'v1' })
    expect(() => acceptAnchor(state, claims.typo.id, context())).toThrow(/no changed wording to accept/)
    expect(() => acceptAnchor(state, claims.ships.id, context())).toThrow(/no changed wording/)
  })
})

describe('reattachClaim', () => {
  it('places an orphan on the words chosen in its newer version', () => {
    const { state, claims } = setup()
    commit(state, reanchorDocument(state, 'v1', 'v2', context()))
    const start = v2Text.indexOf('harbour master')
    const placed = commit(state, reattachClaim(state, claims.deleted.id, start, start + 14, context()))
    expect(placed).toMatchObject({ id: claims.deleted.id, documentId: 'v2', position: { start, end: start + 14 } })
    expect(placed.quote.exact).toBe('harbour master')
    expect(placed.anchor).toBeUndefined()
  })

  it('moves any other claim within its own document, and refuses a range that does not fit', () => {
    const { state, claims } = setup()
    const placed = commit(state, reattachClaim(state, claims.ships.id, 18, 26, context()))
    expect(placed).toMatchObject({ documentId: 'v1', quote: { exact: v1Text.slice(18, 26) } })
    expect(() => reattachClaim(state, claims.ships.id, 10, 99_999, context())).toThrow(/does not fit/)
  })

  it('refuses an orphan whose newer version is gone; deleting that version frees its orphans', () => {
    const { state, claims } = setup()
    commit(state, reanchorDocument(state, 'v1', 'v2', context()))
    const { ops } = deleteDocument(state, 'v2', context())
    const released = ops.find((op) => op.op === 'put' && op.item.id === claims.deleted.id)
    expect(released).toMatchObject({ item: { documentId: 'v1' } })
    expect((released as { item: Claim }).item.anchor).toBeUndefined()
    // Without the release, the orphan would point at nothing.
    commit(state, { ops: ops.filter((op) => op !== released), value: null })
    expect(() => reattachClaim(state, claims.deleted.id, 0, 5, context())).toThrow(/no longer in the case/)
  })
})
