// Briefings: whatever they newly cite must be a claim of the case.
import type { BriefingInput } from '../../shared/api'
import { notFound } from '../../shared/errors'
import type { Briefing, Id } from '../../shared/model'
import type { CaseState } from '../case/case-state'
import { briefingOf, type Outcome, type RuleContext } from './outcome'

const citationsOf = (b: Pick<BriefingInput, 'claimIds' | 'judgments'>): Id[] => [
  ...(b.claimIds ?? []),
  ...(b.judgments ?? []).flatMap((j) => j.claimIds)
]

/**
 * A citation the briefing had already may name a claim the case lacks (a hand-edited file): editing the
 * briefing keeps it, or drops it, rather than refusing every edit until it is gone.
 */
function checkCitations(state: CaseState, input: BriefingInput, had: ReadonlySet<Id> = new Set()): void {
  const missing = citationsOf(input).find((id) => !state.claims.has(id) && !had.has(id))
  if (missing) throw notFound(`briefing cites claim ${missing}, which is not in the case`)
}

export function createBriefing(state: CaseState, input: BriefingInput, ctx: RuleContext): Outcome<Briefing> {
  checkCitations(state, input)
  const briefing: Briefing = {
    id: ctx.newId(),
    title: input.title ?? state.title,
    handling: input.handling ?? '',
    date: input.date ?? ctx.now,
    author: input.author ?? '',
    bottomLine: input.bottomLine ?? '',
    judgments: input.judgments ?? [],
    claimIds: input.claimIds ?? [],
    groupBy: input.groupBy ?? 'source',
    gaps: input.gaps ?? '',
    createdAt: ctx.now,
    updatedAt: ctx.now
  }
  return {
    ops: [{ op: 'put', collection: 'briefings', item: briefing }],
    value: briefing,
    label: `new briefing “${briefing.title}”`
  }
}

const FIELD_NAMES: Record<keyof BriefingInput, string> = {
  title: 'title',
  handling: 'handling line',
  date: 'date',
  author: 'author',
  bottomLine: 'bottom line',
  judgments: 'key judgments',
  claimIds: 'reporting',
  groupBy: 'grouping',
  gaps: 'information gaps'
}

export function updateBriefing(state: CaseState, id: Id, patch: BriefingInput, ctx: RuleContext): Outcome<Briefing> {
  const current = briefingOf(state, id)
  checkCitations(state, patch, new Set(citationsOf(current)))
  const briefing: Briefing = { ...current, ...patch, updatedAt: ctx.now }
  const fields = Object.keys(patch) as (keyof BriefingInput)[]
  const label = fields.length === 1 ? `briefing ${FIELD_NAMES[fields[0]]}` : 'briefing edit'
  return { ops: [{ op: 'put', collection: 'briefings', item: briefing }], value: briefing, label }
}

export function deleteBriefing(state: CaseState, id: Id): Outcome<void> {
  const briefing = briefingOf(state, id)
  return {
    ops: [{ op: 'remove', collection: 'briefings', id }],
    value: undefined,
    label: `delete briefing “${briefing.title}”`
  }
}
