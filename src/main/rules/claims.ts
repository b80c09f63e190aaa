// Claims and the links between them.
import { LIMITS, type ClaimPatch, type ClaimsPatch } from '../../shared/api'
import { selectorsFor } from '../../shared/anchoring/selectors'
import { DEFAULT_LABELS } from '../../shared/briefing/labels'
import { ClaimdeskError, invalid } from '../../shared/errors'
import type {
  Briefing,
  CaseDocument,
  Claim,
  ClaimLink,
  ClaimStatus,
  Credibility,
  Id,
  LinkKind
} from '../../shared/model'
import type { CaseState } from '../case/case-state'
import type { CaseOp } from '../case/types'
import { claimOf, documentOf, linkOf, quoted, sourceOf, type Outcome, type RuleContext } from './outcome'
import { explanationFor } from './conflict-sets'

export interface NewClaim {
  documentId: Id
  start: number
  end: number
  sourceId: Id | null
  via: Id[]
  tags: string[]
  note: string
  status: ClaimStatus
  credibility: Credibility
}

export interface NewLink {
  from: Id
  to: Id
  kind: LinkKind
  note: string
}

/** Trimmed, single-spaced, each tag once (the first spelling wins, case ignored). */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Map<string, string>()
  for (const t of tags) {
    const tag = t.trim().replace(/\s+/g, ' ')
    if (tag && !seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag)
  }
  return [...seen.values()]
}

export function checkRange(doc: CaseDocument, start: number, end: number): void {
  if (end > doc.text.length || start >= end) {
    throw invalid(`range ${start}-${end} does not fit “${doc.title}” (${doc.text.length} characters)`)
  }
  if (doc.text.slice(start, end).trim() === '') throw invalid('a claim needs some text: the selection is blank')
}

/** `pending`: sources the same change creates, not in the case yet. */
export function checkSources(
  state: CaseState,
  sourceId: Id | null,
  via: readonly Id[],
  pending: ReadonlySet<Id> = new Set()
): void {
  for (const id of [...(sourceId ? [sourceId] : []), ...via]) if (!pending.has(id)) sourceOf(state, id)
  if (new Set(via).size !== via.length) throw invalid('via: a relay is listed twice')
  if (sourceId && via.includes(sourceId)) throw invalid('via: the source cannot also be its own relay')
}

export function createClaim(
  state: CaseState,
  input: NewClaim,
  ctx: RuleContext,
  pendingSources?: ReadonlySet<Id>
): Outcome<Claim> {
  const doc = documentOf(state, input.documentId)
  checkRange(doc, input.start, input.end)
  checkSources(state, input.sourceId, input.via, pendingSources)
  const claim: Claim = {
    id: ctx.newId(),
    documentId: doc.id,
    ...selectorsFor(doc.text, input.start, input.end),
    sourceId: input.sourceId,
    via: input.via,
    tags: normaliseTags(input.tags),
    note: input.note,
    status: input.status,
    credibility: input.credibility,
    createdAt: ctx.now,
    updatedAt: ctx.now
  }
  return {
    ops: [{ op: 'put', collection: 'claims', item: claim }],
    value: claim,
    label: `mark ${quoted(claim.quote.exact)}`
  }
}

/** The name of a claim edit: the one field changed and its new value where it is short. */
function editLabel(state: CaseState, patch: ClaimPatch): string {
  const fields = Object.keys(patch) as (keyof ClaimPatch)[]
  if (fields.length !== 1) return 'claim edit'
  switch (fields[0]) {
    case 'status':
      return `status → ${DEFAULT_LABELS.status[patch.status!]}`
    case 'credibility':
      return `credibility → ${patch.credibility}`
    case 'sourceId':
      return `source → ${patch.sourceId ? (state.sources.get(patch.sourceId)?.name ?? '?') : 'none'}`
    case 'via':
      return 'relays'
    case 'tags':
      return 'topics'
    case 'note':
      return 'note'
  }
}

export function updateClaim(state: CaseState, id: Id, patch: ClaimPatch, ctx: RuleContext): Outcome<Claim> {
  const current = claimOf(state, id)
  const next: Claim = { ...current, ...patch, updatedAt: ctx.now }
  if (patch.tags) next.tags = normaliseTags(patch.tags)
  checkSources(state, next.sourceId, next.via)
  return { ops: [{ op: 'put', collection: 'claims', item: next }], value: next, label: editLabel(state, patch) }
}

/** The same change to several claims; only the claims it changes are written, and named in its value. */
export function updateClaims(
  state: CaseState,
  ids: readonly Id[],
  patch: ClaimsPatch,
  ctx: RuleContext
): Outcome<Id[]> {
  const claims = [...new Set(ids)].map((id) => claimOf(state, id))
  const { addTags = [], removeTags = [], ...fields } = patch
  const both = normaliseTags(addTags).find((t) => removeTags.some((r) => r.trim().toLowerCase() === t.toLowerCase()))
  if (both) throw invalid(`removeTags: “${both}” is added by the same change`)
  if (fields.sourceId !== undefined) {
    checkSources(state, fields.sourceId, [])
    const relayed = claims.find((c) => fields.sourceId && c.via.includes(fields.sourceId))
    if (relayed) throw invalid(`sourceId: it is a relay of ${quoted(relayed.quote.exact)}, so it cannot be its source`)
  }
  const removed = new Set(normaliseTags(removeTags).map((t) => t.toLowerCase()))
  const ops: CaseOp[] = []
  const value: Id[] = []
  for (const claim of claims) {
    const tags = normaliseTags([...claim.tags.filter((t) => !removed.has(t.toLowerCase())), ...addTags])
    if (tags.length > LIMITS.tagsPerClaim && tags.length > claim.tags.length)
      throw invalid(`addTags: ${quoted(claim.quote.exact)} would have more than ${LIMITS.tagsPerClaim} topics`)
    const next: Claim = { ...claim, ...fields, tags }
    if (!changes(claim, next)) continue
    ops.push({ op: 'put', collection: 'claims', item: { ...next, updatedAt: ctx.now } })
    value.push(claim.id)
  }
  return { ops, value, label: bulkLabel(state, patch, ops.length) }
}

function changes(claim: Claim, next: Claim): boolean {
  return (
    claim.sourceId !== next.sourceId ||
    claim.status !== next.status ||
    claim.credibility !== next.credibility ||
    claim.tags.join('\n') !== next.tags.join('\n')
  )
}

function bulkLabel(state: CaseState, patch: ClaimsPatch, count: number): string {
  const { addTags = [], removeTags = [], ...fields } = patch
  const what = [
    ...normaliseTags(addTags).map((t) => `#${t}`),
    ...normaliseTags(removeTags).map((t) => `no #${t}`),
    ...(Object.keys(fields).length === 1 ? [editLabel(state, fields)] : Object.keys(fields).length ? ['edits'] : [])
  ]
  return `${what.join(', ')} on ${count} claim${count === 1 ? '' : 's'}`
}

export function deleteClaim(state: CaseState, id: Id, ctx: RuleContext): Outcome<Claim> {
  const claim = claimOf(state, id)
  return {
    ops: removeClaimsOps(state, new Set([id]), ctx.now),
    value: claim,
    label: `delete ${quoted(claim.quote.exact)}`
  }
}

export function deleteClaims(state: CaseState, ids: readonly Id[], ctx: RuleContext): Outcome<Id[]> {
  const unique = [...new Set(ids)]
  for (const id of unique) claimOf(state, id)
  return {
    ops: removeClaimsOps(state, new Set(unique), ctx.now),
    value: unique,
    label: `delete ${unique.length} claim${unique.length === 1 ? '' : 's'}`
  }
}

/**
 * Removing claims also removes the links that touch them, their citations in briefings, and their
 * place in conflict sets (a set left with fewer than two claims goes).
 */
export function removeClaimsOps(state: CaseState, ids: ReadonlySet<Id>, now: string): CaseOp[] {
  if (ids.size === 0) return []
  const ops: CaseOp[] = []
  const links = new Set<Id>()
  for (const id of ids) {
    ops.push({ op: 'remove', collection: 'claims', id })
    for (const link of state.linksOf(id)) links.add(link.id)
  }
  for (const id of links) ops.push({ op: 'remove', collection: 'links', id })
  const sets = new Map([...ids].flatMap((id) => state.setsOf(id)).map((s) => [s.id, s]))
  for (const set of sets.values()) {
    const kept = set.claimIds.filter((id) => !ids.has(id))
    if (kept.length < 2) ops.push({ op: 'remove', collection: 'conflictSets', id: set.id })
    else
      ops.push({
        op: 'put',
        collection: 'conflictSets',
        item: { ...set, claimIds: kept, explanation: explanationFor(state, set.kind, kept), updatedAt: now }
      })
  }
  for (const b of state.briefings.values()) {
    const cites = (list: Id[]) => list.some((id) => ids.has(id))
    if (!cites(b.claimIds) && !b.judgments.some((j) => cites(j.claimIds))) continue
    const keep = (list: Id[]) => list.filter((id) => !ids.has(id))
    const item: Briefing = {
      ...b,
      claimIds: keep(b.claimIds),
      judgments: b.judgments.map((j) => ({ ...j, claimIds: keep(j.claimIds) })),
      updatedAt: now
    }
    ops.push({ op: 'put', collection: 'briefings', item })
  }
  return ops
}

export function createLink(state: CaseState, input: NewLink, ctx: RuleContext): Outcome<ClaimLink> {
  claimOf(state, input.from)
  claimOf(state, input.to)
  const dup = state
    .linksOf(input.from)
    .find(
      (l) =>
        l.kind === input.kind &&
        ((l.from === input.from && l.to === input.to) || (l.from === input.to && l.to === input.from))
    )
  if (dup) throw new ClaimdeskError('conflict', 'these claims are already linked that way')
  const link: ClaimLink = { id: ctx.newId(), ...input, createdAt: ctx.now }
  return { ops: [{ op: 'put', collection: 'links', item: link }], value: link, label: `link: ${input.kind}` }
}

export function deleteLink(state: CaseState, id: Id): Outcome<void> {
  const link = linkOf(state, id)
  return { ops: [{ op: 'remove', collection: 'links', id }], value: undefined, label: `remove link: ${link.kind}` }
}
