// The source registry: names unique across names and aliases, renames keep the old name as an
// alias, merges and reassigning deletes move every claim and relay.
import type { SourcePatch } from '../../shared/api'
import { ClaimdeskError, invalid } from '../../shared/errors'
import type { Claim, Id, Reliability, Source, SourceKind } from '../../shared/model'
import { findSourceByName, normName } from '../../shared/source-names'
import type { CaseState } from '../case/case-state'
import type { CaseOp } from '../case/types'
import { plural, sourceOf, type Outcome, type RuleContext } from './outcome'

export interface NewSource {
  name: string
  kind: SourceKind
  description: string
  reliability: Reliability
  aliases: string[]
}

/** Refuses a name (or alias) that another source already answers to. */
function checkNamesFree(state: CaseState, names: readonly string[], exceptId?: Id): void {
  for (const name of names) {
    const clash = findSourceByName(state.sources.values(), name, exceptId)
    if (!clash) continue
    const how = normName(clash.name) === normName(name) ? 'named' : `known as “${name}” (an alias of)`
    throw new ClaimdeskError('conflict', `a source ${how} “${clash.name}” already exists`)
  }
}

/** Aliases without duplicates or the name itself, first spelling kept. */
function cleanAliases(name: string, aliases: readonly string[]): string[] {
  const seen = new Set([normName(name)])
  const out: string[] = []
  for (const a of aliases) {
    const key = normName(a)
    if (!key || seen.has(key)) continue
    seen.add(key)
    out.push(a.trim())
  }
  return out
}

export function createSource(state: CaseState, input: NewSource, ctx: RuleContext): Outcome<Source> {
  const aliases = cleanAliases(input.name, input.aliases)
  checkNamesFree(state, [input.name, ...aliases])
  const source: Source = { id: ctx.newId(), ...input, aliases, createdAt: ctx.now, updatedAt: ctx.now }
  return {
    ops: [{ op: 'put', collection: 'sources', item: source }],
    value: source,
    label: `new source “${source.name}”`
  }
}

export function updateSource(state: CaseState, id: Id, patch: SourcePatch, ctx: RuleContext): Outcome<Source> {
  const current = sourceOf(state, id)
  const name = patch.name ?? current.name
  const renamed = normName(name) !== normName(current.name)
  // A renamed source keeps answering to its old name, so claims typed against it still find it.
  const aliases = cleanAliases(name, [...(patch.aliases ?? current.aliases), ...(renamed ? [current.name] : [])])
  checkNamesFree(state, [name, ...aliases], id)
  const source: Source = { ...current, ...patch, name, aliases, updatedAt: ctx.now }
  const label = renamed ? `rename “${current.name}” → “${name}”` : `edit source “${name}”`
  return { ops: [{ op: 'put', collection: 'sources', item: source }], value: source, label }
}

/** Puts every claim that names `fromId` (as speaker or relay) onto `toId`. */
function reassignOps(state: CaseState, fromId: Id, toId: Id, now: string): CaseOp[] {
  const ops: CaseOp[] = []
  for (const c of state.claims.values()) {
    if (c.sourceId !== fromId && !c.via.includes(fromId)) continue
    const sourceId = c.sourceId === fromId ? toId : c.sourceId
    const via = [...new Set(c.via.map((v) => (v === fromId ? toId : v)))].filter((v) => v !== sourceId)
    const item: Claim = { ...c, sourceId, via, updatedAt: now }
    ops.push({ op: 'put', collection: 'claims', item })
  }
  return ops
}

export function mergeSources(state: CaseState, fromId: Id, intoId: Id, ctx: RuleContext): Outcome<Source> {
  if (fromId === intoId) throw invalid('mergeSources: a source cannot be merged into itself')
  const from = sourceOf(state, fromId)
  const into = sourceOf(state, intoId)
  const merged: Source = {
    ...into,
    aliases: cleanAliases(into.name, [...into.aliases, from.name, ...from.aliases]),
    updatedAt: ctx.now
  }
  return {
    ops: [
      ...reassignOps(state, fromId, intoId, ctx.now),
      { op: 'put', collection: 'sources', item: merged },
      { op: 'remove', collection: 'sources', id: fromId }
    ],
    value: merged,
    label: `merge “${from.name}” into “${into.name}”`
  }
}

export function deleteSource(state: CaseState, id: Id, reassignTo: Id | null, ctx: RuleContext): Outcome<void> {
  const source = sourceOf(state, id)
  const { speaker, relay } = state.usesOf(id)
  const uses = speaker + relay
  if (uses > 0 && !reassignTo) {
    throw new ClaimdeskError(
      'conflict',
      `“${source.name}” is used by ${plural(uses, 'claim')}: choose a source to reassign them to, or merge it`,
      { uses }
    )
  }
  if (reassignTo === id) throw invalid('deleteSource: cannot reassign claims to the source being deleted')
  if (reassignTo) sourceOf(state, reassignTo)
  return {
    ops: [
      ...(reassignTo ? reassignOps(state, id, reassignTo, ctx.now) : []),
      { op: 'remove', collection: 'sources', id }
    ],
    value: undefined,
    label: `delete source “${source.name}”`
  }
}
