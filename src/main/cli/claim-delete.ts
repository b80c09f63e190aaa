// `claimdesk claim delete`: the claims named by id go, with their links, their citations in briefings
// and their place in conflict sets, as one change to the case.
import type { CaseChanges } from '../../shared/api'
import { gate } from '../dispatch'
import type { ClaimdeskService } from '../service'
import { noPositionals, parse, requireCase, UsageError, type CliIo } from './args'
import { claimsByIds, idsOptions } from './claims-named'
import { openCaseFor } from './open'
import { USAGE } from './usage'

export async function claimDeleteCommand(service: ClaimdeskService, args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { ids: { type: 'string' }, 'ids-file': { type: 'string' } })
  if (values.help) return (void io.out(USAGE), 0)
  noPositionals(positionals)
  const target = requireCase(values.case)
  const ids = await idsOptions(values)
  if (!ids) throw new UsageError('--ids <id,...> or --ids-file <file> is required (see claimdesk list)')
  const api = gate(service.handlers)
  await openCaseFor(api, target, {}, io)
  await claimsByIds(api, '--ids', ids)
  const { value, changes } = await api.deleteClaims(ids)
  if (values.json) io.out(JSON.stringify({ deleted: value }, null, 2))
  else io.out(`deleted ${plural(value.length, 'claim')}${alsoChanged(changes)}`)
  return 0
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`

/** " (with 1 link; out of 1 briefing; 1 conflict set went, fewer than two claims left)": what changed with them. */
function alsoChanged(changes: CaseChanges): string {
  const links = changes.links?.removed.length ?? 0
  const cited = [
    [changes.briefings?.put.length ?? 0, 'briefing'],
    [changes.conflictSets?.put.length ?? 0, 'conflict set']
  ] as const
  const outOf = cited.filter(([n]) => n > 0).map(([n, what]) => plural(n, what))
  const setsGone = changes.conflictSets?.removed.length ?? 0
  const parts = [
    ...(links ? [`with ${plural(links, 'link')}`] : []),
    ...(outOf.length ? [`out of ${outOf.join(' and ')}`] : []),
    ...(setsGone ? [`${plural(setsGone, 'conflict set')} went, fewer than two claims left`] : [])
  ]
  return parts.length ? ` (${parts.join('; ')})` : ''
}
