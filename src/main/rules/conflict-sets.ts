// Conflict sets: claims about one thing whose figures or accounts diverge (or agree by arithmetic),
// kept from the engine's proposals or made by hand, confirmed or dismissed by the analyst.
import { ClaimdeskError, invalid } from '../../shared/errors'
import type { ConflictSet, ConflictSetKind, ConflictSetStatus, Id } from '../../shared/model'
import type { ConflictSetProposal } from '../../shared/analysis'
import type { CaseState } from '../case/case-state'
import { notFound } from '../../shared/errors'
import { findConflictSets } from '../analysis/conflicts'
import { claimOf, plural, type Outcome, type RuleContext } from './outcome'

export interface NewConflictSet {
  claimIds: Id[]
  kind: ConflictSetKind
  subject: string
  note: string
}

export interface ConflictSetPatch {
  status?: ConflictSetStatus
  note?: string
  subject?: string
  claimIds?: Id[]
}

function setOf(state: CaseState, id: Id): ConflictSet {
  const set = state.conflictSets.get(id)
  if (!set) throw notFound(`no conflict set with id ${id}`)
  return set
}

function checkClaims(state: CaseState, ids: readonly Id[]): Id[] {
  const unique = [...new Set(ids)]
  if (unique.length < 2) throw invalid('a conflict set needs at least two claims')
  for (const id of unique) claimOf(state, id)
  return unique
}

const kindWord = (kind: ConflictSetKind) => (kind === 'conflict' ? 'conflict' : 'consistent set')

/**
 * The engine's proposals as the analyst sees them beside the sets the case keeps: one kept already, or
 * whose claims all lie in a kept set of its kind (confirmed or dismissed: decided), is left out; one
 * sharing two or more claims with a kept set extends that set rather than printing its claims twice.
 */
export function besideKeptSets(
  proposals: readonly ConflictSetProposal[],
  kept: readonly ConflictSet[]
): ConflictSetProposal[] {
  const keys = new Set(kept.flatMap((s) => (s.proposalKey ? [s.proposalKey] : [])))
  const out: ConflictSetProposal[] = []
  for (const p of proposals) {
    if (keys.has(p.key)) continue
    const same = kept.filter((k) => k.kind === p.kind)
    if (same.some((k) => p.claimIds.every((id) => k.claimIds.includes(id)))) continue
    const sharing = same
      .map((k) => ({ k, shared: p.claimIds.filter((id) => k.claimIds.includes(id)).length }))
      .filter((x) => x.shared >= 2)
      // The set the analyst confirmed first, then the one sharing most.
      .sort((a, b) => Number(b.k.status === 'confirmed') - Number(a.k.status === 'confirmed') || b.shared - a.shared)
    const k = sharing[0]?.k
    out.push(
      k
        ? {
            ...p,
            extends: {
              id: k.id,
              subject: k.subject,
              status: k.status,
              newClaimIds: p.claimIds.filter((id) => !k.claimIds.includes(id))
            }
          }
        : p
    )
  }
  return out
}

/** Why a set's claims belong together: the engine's reason for exactly these claims, or the analyst's choice. */
export function explanationFor(state: CaseState, kind: ConflictSetKind, claimIds: readonly Id[]): string {
  // A hand-edited set may name a claim the case no longer has: the reason is for those it has.
  const claims = claimIds.flatMap((id) => state.claims.get(id) ?? [])
  const documents = [...new Set(claims.map((c) => c.documentId))].flatMap((id) => state.documents.get(id) ?? [])
  // The engine's reason for the most of these claims; the analyst's additions are said after it.
  const within = findConflictSets({ claims, documents, sources: [...state.sources.values()] })
    .filter((p) => p.kind === kind && p.claimIds.every((id) => claimIds.includes(id)))
    .sort((a, b) => b.claimIds.length - a.claimIds.length)[0]
  if (!within) return `${plural(claims.length, 'claim')} set side by side by the analyst`
  const added = claims.length - within.claimIds.length
  return added > 0
    ? `${within.explanation}; ${plural(added, 'more claim')} set beside them by the analyst`
    : within.explanation
}

/**
 * Keeps one of the engine's proposals, as the analyst decided (confirmed, dismissed, or kept to look
 * at). Confirming a proposal that extends a kept set adds its claims to that set (confirming it).
 */
export function keepProposal(
  state: CaseState,
  proposal: ConflictSetProposal,
  status: ConflictSetStatus,
  ctx: RuleContext
): Outcome<ConflictSet> {
  for (const s of state.conflictSets.values())
    if (s.proposalKey === proposal.key) throw new ClaimdeskError('conflict', `this ${kindWord(s.kind)} is already kept`)
  if (proposal.extends && status === 'confirmed') {
    const current = setOf(state, proposal.extends.id)
    const claimIds = checkClaims(state, [...current.claimIds, ...proposal.claimIds])
    const set: ConflictSet = {
      ...current,
      claimIds,
      status,
      explanation: explanationFor(state, current.kind, claimIds),
      proposalKey: proposal.key,
      updatedAt: ctx.now
    }
    return {
      ops: [{ op: 'put', collection: 'conflictSets', item: set }],
      value: set,
      label: `add ${plural(claimIds.length - current.claimIds.length, 'claim')} to ${kindWord(set.kind)} “${set.subject}”`
    }
  }
  const set: ConflictSet = {
    id: ctx.newId(),
    claimIds: checkClaims(state, proposal.claimIds),
    kind: proposal.kind,
    status,
    basis: proposal.basis,
    subject: proposal.subject,
    ...(proposal.unit ? { unit: proposal.unit } : {}),
    explanation: proposal.explanation,
    note: '',
    proposalKey: proposal.key,
    createdAt: ctx.now,
    updatedAt: ctx.now
  }
  const verb = status === 'dismissed' ? 'dismiss' : status === 'confirmed' ? 'confirm' : 'keep'
  return {
    ops: [{ op: 'put', collection: 'conflictSets', item: set }],
    value: set,
    label: `${verb} ${kindWord(set.kind)} “${set.subject}”`
  }
}

/** A set the analyst makes from claims they chose; confirmed by making it. */
export function createConflictSet(state: CaseState, input: NewConflictSet, ctx: RuleContext): Outcome<ConflictSet> {
  const claimIds = checkClaims(state, input.claimIds)
  const set: ConflictSet = {
    id: ctx.newId(),
    claimIds,
    kind: input.kind,
    status: 'confirmed',
    basis: 'manual',
    subject: input.subject.trim() || 'Claims set side by side',
    explanation: explanationFor(state, input.kind, claimIds),
    note: input.note,
    createdAt: ctx.now,
    updatedAt: ctx.now
  }
  return {
    ops: [{ op: 'put', collection: 'conflictSets', item: set }],
    value: set,
    label: `new ${kindWord(set.kind)} “${set.subject}”`
  }
}

export function updateConflictSet(
  state: CaseState,
  id: Id,
  patch: ConflictSetPatch,
  ctx: RuleContext
): Outcome<ConflictSet> {
  const current = setOf(state, id)
  if (patch.subject !== undefined && !patch.subject.trim())
    throw invalid('subject: a set needs a subject, what its claims are about')
  const claimIds = patch.claimIds ? checkClaims(state, patch.claimIds) : current.claimIds
  const changed = claimIds.length !== current.claimIds.length || claimIds.some((c) => !current.claimIds.includes(c))
  const same = (key: 'status' | 'note' | 'subject') => patch[key] === undefined || patch[key] === current[key]
  // A change that changes nothing writes nothing (and is no step to undo).
  if (claimIds.join() === current.claimIds.join() && same('status') && same('note') && same('subject'))
    return { ops: [], value: current, label: '' }
  const set: ConflictSet = {
    ...current,
    ...patch,
    claimIds,
    // The reason given must be for the claims the set holds now, not those it was made with.
    ...(changed ? { explanation: explanationFor(state, current.kind, claimIds) } : {}),
    updatedAt: ctx.now
  }
  const label = patch.status ? `${kindWord(set.kind)} ${patch.status}` : `edit ${kindWord(set.kind)} “${set.subject}”`
  return { ops: [{ op: 'put', collection: 'conflictSets', item: set }], value: set, label }
}

export function deleteConflictSet(state: CaseState, id: Id): Outcome<void> {
  const set = setOf(state, id)
  return {
    ops: [{ op: 'remove', collection: 'conflictSets', id }],
    value: undefined,
    label: `delete ${kindWord(set.kind)} “${set.subject}”`
  }
}
