// Claims following a new version of their document: re-anchoring every claim of one version onto
// another, accepting a moved claim's new wording, and placing a claim by hand (an orphan in its
// newer version). Claims keep their ids, so their links and briefing citations follow them.
import type { ReanchorCounts } from '../../shared/api'
import { reanchorer } from '../../shared/anchoring/reanchor'
import { selectorsFor } from '../../shared/anchoring/selectors'
import { ClaimdeskError, invalid } from '../../shared/errors'
import type { CaseDocument, Claim, ClaimAnchor, Id } from '../../shared/model'
import type { CaseState } from '../case/case-state'
import type { CaseOp } from '../case/types'
import { checkRange } from './claims'
import { claimOf, documentOf, plural, quoted, type Outcome, type RuleContext } from './outcome'

/** The anchor as it is, or with `previousQuote` left out. */
function withoutPrevious({ previousQuote: _previous, ...rest }: ClaimAnchor): ClaimAnchor {
  return rest
}

function sameAnchor(a: ClaimAnchor | undefined, b: ClaimAnchor): boolean {
  return (
    a !== undefined &&
    a.state === b.state &&
    a.score === b.score &&
    a.previousQuote === b.previousQuote &&
    a.fromDocumentId === b.fromDocumentId &&
    a.toDocumentId === b.toDocumentId
  )
}

/**
 * Moves every claim of `fromId` onto `toId`, each where the new text holds its words (reanchor.ts);
 * a claim that cannot be placed stays on `fromId`, orphaned. Records `toId` as a version of `fromId`
 * when it is not already a version of another document.
 */
export function reanchorDocument(state: CaseState, fromId: Id, toId: Id, ctx: RuleContext): Outcome<ReanchorCounts> {
  const from = documentOf(state, fromId)
  const to = documentOf(state, toId)
  if (from.id === to.id) throw invalid('a document cannot be re-anchored onto itself: name its new version')
  const counts: ReanchorCounts = { exact: 0, moved: 0, fuzzy: 0, orphaned: 0 }
  const ops: CaseOp[] = []
  if (!to.versionOf) {
    const item: CaseDocument = { ...to, versionOf: from.id, updatedAt: ctx.now }
    ops.push({ op: 'put', collection: 'documents', item })
  }
  const placer = reanchorer(from.text, to.text)
  for (const claim of state.claimsOf(from.id)) {
    const placed = placer.place(claim)
    counts[placed.state]++
    const kept = claim.anchor?.previousQuote
    if (placed.state === 'orphaned') {
      const anchor: ClaimAnchor = {
        state: 'orphaned',
        ...(placed.score === null ? {} : { score: placed.score }),
        ...(kept === undefined ? {} : { previousQuote: kept }),
        toDocumentId: to.id
      }
      if (sameAnchor(claim.anchor, anchor)) continue
      ops.push({ op: 'put', collection: 'claims', item: { ...claim, anchor, updatedAt: ctx.now } })
      continue
    }
    const selectors = selectorsFor(to.text, placed.start, placed.end)
    // The wording the analyst last saw accepted: an earlier change not yet accepted stays the one shown.
    const before = kept ?? claim.quote.exact
    const anchor: ClaimAnchor = {
      state: placed.state,
      score: placed.score,
      ...(selectors.quote.exact === before ? {} : { previousQuote: before }),
      fromDocumentId: from.id
    }
    const item: Claim = { ...claim, documentId: to.id, ...selectors, anchor, updatedAt: ctx.now }
    ops.push({ op: 'put', collection: 'claims', item })
  }
  const total = counts.exact + counts.moved + counts.fuzzy + counts.orphaned
  return {
    ops,
    value: counts,
    label: `re-anchor ${plural(total, 'claim')} onto ${quoted(to.title)}`
  }
}

export function acceptAnchor(state: CaseState, claimId: Id, ctx: RuleContext): Outcome<Claim> {
  const claim = claimOf(state, claimId)
  if (claim.anchor?.previousQuote === undefined) {
    throw invalid(`claim ${quoted(claim.quote.exact)} has no changed wording to accept`)
  }
  const item: Claim = { ...claim, anchor: withoutPrevious(claim.anchor), updatedAt: ctx.now }
  return {
    ops: [{ op: 'put', collection: 'claims', item }],
    value: item,
    label: `accept new wording ${quoted(claim.quote.exact)}`
  }
}

/**
 * Places a claim on [start, end) of the document it belongs in: an orphan in the newer version it
 * could not follow onto, any other claim in its own document. The analyst chose the words, so the
 * claim no longer carries a re-anchoring record.
 */
export function reattachClaim(
  state: CaseState,
  claimId: Id,
  start: number,
  end: number,
  ctx: RuleContext
): Outcome<Claim> {
  const claim = claimOf(state, claimId)
  const orphanOf = claim.anchor?.state === 'orphaned' ? claim.anchor.toDocumentId : undefined
  if (orphanOf !== undefined && !state.documents.has(orphanOf)) {
    throw new ClaimdeskError('not-found', 'the newer version this claim was orphaned from is no longer in the case')
  }
  const doc = documentOf(state, orphanOf ?? claim.documentId)
  checkRange(doc, start, end)
  const { anchor: _anchor, ...rest } = claim
  const item: Claim = { ...rest, documentId: doc.id, ...selectorsFor(doc.text, start, end), updatedAt: ctx.now }
  return {
    ops: [{ op: 'put', collection: 'claims', item }],
    value: item,
    label: `re-attach ${quoted(item.quote.exact)}`
  }
}

/** Orphans waiting for a document that is being deleted become plain claims of their own version. */
export function releaseOrphansOps(state: CaseState, documentId: Id, now: string): CaseOp[] {
  const ops: CaseOp[] = []
  for (const claim of state.claims.values()) {
    if (claim.anchor?.state !== 'orphaned' || claim.anchor.toDocumentId !== documentId) continue
    const { anchor: _anchor, ...rest } = claim
    ops.push({ op: 'put', collection: 'claims', item: { ...rest, updatedAt: now } })
  }
  return ops
}
