// Accepting suggested claims: the planned sources are created (one per speaker, with the ways the
// document names it as aliases) and the claims made, in one change the analyst can undo.
import type { Claim, Id, Source } from '../../shared/model'
import { findSourceByName } from '../../shared/source-names'
import type { AcceptancePlan, SourceRef } from '../analysis'
import type { CaseState } from '../case/case-state'
import type { CaseOp } from '../case/types'
import { createClaim } from './claims'
import { documentOf, plural, type Outcome, type RuleContext } from './outcome'
import { createSource } from './sources'

export interface Accepted {
  claims: Claim[]
  sources: Source[]
  /** Suggestions left out because a claim with the same span is already in the document. */
  skipped: number
}

export function acceptSuggestions(
  state: CaseState,
  documentId: Id,
  plan: AcceptancePlan,
  ctx: RuleContext
): Outcome<Accepted> {
  const doc = documentOf(state, documentId)
  const taken = new Set(state.claimsOf(doc.id).map((c) => `${c.position.start}:${c.position.end}`))
  const wanted = plan.claims.filter((c) => !taken.has(`${c.start}:${c.end}`))
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
