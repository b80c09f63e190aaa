// What a rule is given and what it gives back. A rule is a pure function of (case, input, context):
// it reads the case, checks its rules and returns the ops that make the change, the value the
// caller gets, and the change's name for Undo ("status → Contradicted"). It never touches a disk.
import { notFound } from '../../shared/errors'
import type { Briefing, CaseDocument, Claim, ClaimLink, Id, Source } from '../../shared/model'
import type { CaseState } from '../case/case-state'
import type { CaseOp } from '../case/types'

export interface RuleContext {
  /** The time of the change, ISO. */
  now: string
  newId: () => Id
}

export interface Outcome<T> {
  ops: CaseOp[]
  value: T
  /** The change, as Undo and Redo name it. */
  label: string
}

export function documentOf(state: CaseState, id: Id): CaseDocument {
  const doc = state.documents.get(id)
  if (!doc) throw notFound(`no document with id ${id}`)
  return doc
}

export function sourceOf(state: CaseState, id: Id): Source {
  const source = state.sources.get(id)
  if (!source) throw notFound(`no source with id ${id}`)
  return source
}

export function claimOf(state: CaseState, id: Id): Claim {
  const claim = state.claims.get(id)
  if (!claim) throw notFound(`no claim with id ${id}`)
  return claim
}

export function linkOf(state: CaseState, id: Id): ClaimLink {
  const link = state.links.get(id)
  if (!link) throw notFound(`no link with id ${id}`)
  return link
}

export function briefingOf(state: CaseState, id: Id): Briefing {
  const briefing = state.briefings.get(id)
  if (!briefing) throw notFound(`no briefing with id ${id}`)
  return briefing
}

/** A quote as a label shows it: “at least 40 cargo ships”, cut at 40 characters. */
export function quoted(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return `“${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}”`
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`
