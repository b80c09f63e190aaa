// Accepting suggested claims: the planned sources are created (one per speaker, with the ways the
// document names it as aliases) and the claims made, in one change the analyst can undo. Rejecting
// them: their spans are kept per document, so they stay rejected wherever the case goes.
import { LIMITS, type RejectInput } from '../../shared/api'
import { DocClaimIndex, isMarked } from '../../shared/doc-claims'
import { invalid } from '../../shared/errors'
import { spanOfKey, suggestionKey, type Claim, type Id, type Source } from '../../shared/model'
import { findSourceByName } from '../../shared/source-names'
import type { AcceptancePlan, SourceRef } from '../analysis'
import type { CaseState } from '../case/case-state'
import type { CaseOp } from '../case/types'
import { createClaim } from './claims'
import { documentOf, plural, quoted, type Outcome, type RuleContext } from './outcome'
import { createSource } from './sources'

export interface Accepted {
  claims: Claim[]
  sources: Source[]
  /** Suggestions left out because a claim of the document covers some of their words already. */
  skipped: number
}

export function acceptSuggestions(
  state: CaseState,
  documentId: Id,
  plan: AcceptancePlan,
  ctx: RuleContext
): Outcome<Accepted> {
  const doc = documentOf(state, documentId)
  const marked = new DocClaimIndex()
  marked.reset(state.claimsOf(doc.id))
  const wanted = plan.claims.filter((c) => !isMarked(marked, c))
  const ops: CaseOp[] = []
  /** Each planned source as it ends up: one the case has under one of its names, or a new one. */
  const resolved = new Map<string, Id>()
  const created: Source[] = []
  // Only the sources some accepted claim names are made.
  const used = new Set(
    wanted.flatMap((c) => [c.source, ...c.via]).flatMap((r) => (r && 'planned' in r ? [r.planned] : []))
  )
  for (const p of plan.sources.filter((s) => used.has(s.key))) {
    const names = [p.name, ...p.aliases]
    const known = names.map((n) => findSourceByName([...state.sources.values(), ...created], n)).find(Boolean)
    if (known) {
      resolved.set(p.key, known.id)
      continue
    }
    const outcome = createSource(
      state,
      { name: p.name, kind: p.kind, description: '', reliability: 'F', aliases: p.aliases },
      ctx
    )
    ops.push(...outcome.ops)
    created.push(outcome.value)
    resolved.set(p.key, outcome.value.id)
  }
  const pending = new Set(created.map((s) => s.id))
  const idOf = (ref: SourceRef): Id => ('id' in ref ? ref.id : resolved.get(ref.planned)!)
  const claims: Claim[] = []
  for (const c of wanted) {
    const sourceId = c.source ? idOf(c.source) : null
    const outcome = createClaim(
      state,
      {
        documentId: doc.id,
        start: c.start,
        end: c.end,
        sourceId,
        via: [...new Set(c.via.map(idOf))].filter((v) => v !== sourceId),
        tags: [],
        note: c.note,
        status: c.status,
        credibility: c.credibility
      },
      ctx,
      pending
    )
    ops.push(...outcome.ops)
    claims.push(outcome.value)
  }
  return {
    ops,
    value: { claims, sources: created, skipped: plan.claims.length - wanted.length },
    label: `accept ${plural(claims.length, 'suggested claim')}`
  }
}

/**
 * Rejects suggestions of a document by span, or brings back those named (every one when none are).
 * A span must lie within the document's text; a change that changes nothing writes nothing.
 */
export function rejectSuggestions(state: CaseState, input: RejectInput, ctx: RuleContext): Outcome<string[]> {
  const doc = documentOf(state, input.documentId)
  const named = (input.spans ?? []).map((span, i) => {
    const { start, end } = spanOfKey(span)
    if (!(start < end && end <= doc.text.length)) {
      throw invalid(
        `spans[${i}] "${span}": not the span of a suggestion in ${quoted(doc.title)} (its text has ${doc.text.length} characters)`
      )
    }
    // Kept as suggestionKey writes it, so "07:10" is the "7:10" a suggestion is matched by.
    return suggestionKey({ start, end })
  })
  const before = state.rejections.get(doc.id)?.spans ?? []
  // As numbers: a hand-edited "0125:158" is the "125:158" a restore names.
  const kept = new Set(before.map((span) => suggestionKey(spanOfKey(span))))
  if (input.rejected) for (const span of named) kept.add(span)
  else if (input.spans) for (const span of named) kept.delete(span)
  else kept.clear()
  // Only adding is refused over the limit: bringing some back is how a list over it gets under.
  if (input.rejected && kept.size > LIMITS.listItems && kept.size > before.length) {
    throw invalid(`${quoted(doc.title)} keeps at most ${LIMITS.listItems} rejected suggestions; bring some back first`)
  }
  const spans = [...kept]
    .map(spanOfKey)
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map(suggestionKey)
  const moved = Math.abs(spans.length - before.length)
  const ops: CaseOp[] =
    moved === 0
      ? []
      : spans.length
        ? [{ op: 'put', collection: 'rejections', item: { id: doc.id, spans, updatedAt: ctx.now } }]
        : [{ op: 'remove', collection: 'rejections', id: doc.id }]
  const label = input.rejected
    ? `reject ${moved === 1 ? 'a suggestion' : plural(moved, 'suggestion')} in ${quoted(doc.title)}`
    : `bring back ${plural(moved, 'rejected suggestion')} in ${quoted(doc.title)}`
  return { ops, value: spans, label }
}

/** The ops that forget a document's rejections (the document goes, or its text is read again). */
export function forgetRejectionsOps(state: CaseState, documentId: Id): CaseOp[] {
  return state.rejections.has(documentId) ? [{ op: 'remove', collection: 'rejections', id: documentId }] : []
}
