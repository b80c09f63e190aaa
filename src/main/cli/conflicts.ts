// `claimdesk conflicts`: the sets the case keeps (k…) and those the engine proposes (p…), named as
// format.ts's conflictRefs says, and the analyst's decisions on them: confirm, dismiss, make a set
// by hand, delete one.
import type { ConflictSetProposal } from '../../shared/analysis'
import { CONFLICT_SET_KINDS, type ConflictSet, type ConflictSetKind, type ConflictSetStatus } from '../../shared/model'
import { someOf } from '../../shared/lists'
import { gate } from '../dispatch'
import type { ClaimdeskService } from '../service'
import { noPositionals, parse, requireCase, UsageError, type CliIo } from './args'
import { openCaseFor } from './open'
import { conflictRefs, formatConflicts } from './format'
import { USAGE } from './usage'

type Listed = { ref: string; set: ConflictSet } | { ref: string; proposal: ConflictSetProposal }

const list = (value: string | undefined) => value?.split(',').flatMap((x) => x.trim() || []) ?? []

export async function conflictsCommand(service: ClaimdeskService, args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {
    confirm: { type: 'string' },
    dismiss: { type: 'string' },
    delete: { type: 'string' },
    make: { type: 'string' },
    kind: { type: 'string' },
    subject: { type: 'string' },
    note: { type: 'string' }
  })
  if (values.help) return (void io.out(USAGE), 0)
  noPositionals(positionals)
  const actions = [values.confirm, values.dismiss, values.delete, values.make].filter((v) => v !== undefined)
  if (actions.length > 1) throw new UsageError('use one of --confirm, --dismiss, --delete and --make')
  if (
    values.make === undefined &&
    (values.kind !== undefined || values.subject !== undefined || values.note !== undefined)
  )
    throw new UsageError('--kind, --subject and --note go with --make')
  const kind = values.kind ?? 'conflict'
  if (!(CONFLICT_SET_KINDS as readonly string[]).includes(kind))
    throw new UsageError(`--kind ${kind}: use ${CONFLICT_SET_KINDS.join(' or ')}`)
  const api = gate(service.handlers)
  await openCaseFor(api, requireCase(values.case), { readOnly: actions.length === 0 }, io)

  if (values.make !== undefined) {
    const claimIds = list(values.make)
    if (claimIds.length < 2) throw new UsageError('--make needs two or more claim ids, as id1,id2 (see claimdesk list)')
    const { value } = await api.createConflictSet({
      claimIds,
      kind: kind as ConflictSetKind,
      subject: values.subject ?? '',
      note: values.note ?? ''
    })
    io.out(values.json ? JSON.stringify(value, null, 2) : `made ${setLine(value)}`)
    return 0
  }

  const { sets, proposals } = await api.conflictSets()
  const names = conflictRefs(sets, proposals)
  const listed: Listed[] = [
    ...sets.map((set, i) => ({ ref: names.sets[i], set })),
    ...proposals.map((proposal, i) => ({ ref: names.proposals[i], proposal }))
  ]
  if (actions.length === 0) {
    const circular = await api.circularReporting()
    if (values.json)
      io.out(
        JSON.stringify(
          {
            sets: sets.map((s, i) => ({ ref: names.sets[i], ...s })),
            proposals: proposals.map((p, i) => ({ ref: names.proposals[i], ...p })),
            circular
          },
          null,
          2
        )
      )
    else io.out(formatConflicts(sets, proposals, circular))
    return 0
  }

  const [flag, refs] =
    values.confirm !== undefined
      ? ['--confirm', values.confirm]
      : values.dismiss !== undefined
        ? ['--dismiss', values.dismiss]
        : ['--delete', values.delete as string]
  const chosen = resolveRefs(flag, list(refs), listed)
  if (flag === '--delete') {
    const proposed = chosen.filter((x) => 'proposal' in x)
    if (proposed.length)
      throw new UsageError(`--delete: ${proposed.map((x) => x.ref).join(', ')} is only proposed; dismiss it instead`)
    for (const x of chosen) if ('set' in x) await api.deleteConflictSet(x.set.id)
    io.out(values.json ? JSON.stringify({ deleted: chosen.map((x) => x.ref) }) : `deleted ${count(chosen.length)}`)
    return 0
  }
  const status: ConflictSetStatus = flag === '--confirm' ? 'confirmed' : 'dismissed'
  const kept: ConflictSet[] = []
  for (const x of chosen)
    kept.push(
      'set' in x
        ? (await api.updateConflictSet(x.set.id, { status })).value
        : (await api.keepConflictProposal(x.proposal.key, status)).value
    )
  // A proposal that extends a kept set named beside it changes that one set: it is told once.
  const once = [...new Map(kept.map((s) => [s.id, s])).values()]
  io.out(values.json ? JSON.stringify(once, null, 2) : once.map((s) => `${status} ${setLine(s)}`).join('\n'))
  return 0
}

/** Names as the listing shows them (k3f9a, p0c41) or a kept set's id; every one is checked before anything changes. */
function resolveRefs(flag: string, refs: string[], listed: Listed[]): Listed[] {
  if (refs.length === 0) throw new UsageError(`${flag} names sets, as the listing shows them (see claimdesk conflicts)`)
  const byRef = (ref: string) => listed.find((x) => x.ref === ref.toLowerCase() || ('set' in x && x.set.id === ref))
  const unknown = refs.filter((r) => !byRef(r))
  if (unknown.length) {
    const now = listed.map((x) => x.ref)
    throw new UsageError(
      `${flag}: no set ${someOf(unknown)} now (a set decided on or changed since it was listed goes by another name or none); ` +
        `the sets now: ${now.length ? someOf(now) : 'none'} (see claimdesk conflicts)`
    )
  }
  return [...new Set(refs.map((r) => byRef(r) as Listed))]
}

const count = (n: number) => `${n} set${n === 1 ? '' : 's'}`

function setLine(s: ConflictSet): string {
  return `${s.kind === 'conflict' ? 'conflict' : 'consistent set'} “${s.subject || 'untitled'}” (${s.claimIds.length} claims; ${s.id})`
}
