// Conflict sets: claims about one thing whose figures or accounts diverge (or agree by arithmetic),
// kept from the engine's proposals or made by hand, confirmed or dismissed by the analyst.
import { ClaimdeskError, invalid } from '../../shared/errors'
import type { ConflictSet, ConflictSetKind, ConflictSetStatus, Id } from '../../shared/model'
import type { ConflictSetProposal } from '../../shared/analysis'
import type { CaseState } from '../case/case-state'
import { notFound } from '../../shared/errors'
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

/** Keeps one of the engine's proposals, as the analyst decided (confirmed, dismissed, or kept to look at). */
export function keepProposal(
  state: CaseState,
  proposal: ConflictSetProposal,
  status: ConflictSetStatus,
  ctx: RuleContext
): Outcome<ConflictSet> {
  for (const s of state.conflictSets.values())
    if (s.proposalKey === proposal.key) throw new ClaimdeskError('conflict', `this ${kindWord(s.kind)} is already kept`)
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
    explanation: `${plural(claimIds.length, 'claim')} set side by side by the analyst`,
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
  const set: ConflictSet = {
    ...current,
    ...patch,
    ...(patch.claimIds ? { claimIds: checkClaims(state, patch.claimIds) } : {}),
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
