// The claims a command names by id (as `claimdesk list` shows them) and the most one change takes:
// every id is checked before anything changes.
import { readFile } from 'node:fs/promises'
import { LIMITS, type ClaimdeskApi } from '../../shared/api'
import { invalid, notFound } from '../../shared/errors'
import type { Claim } from '../../shared/model'
import { someOf } from '../../shared/lists'
import { UsageError } from './args'

/** "c1, c2,c3" (or one a line) -> ["c1", "c2", "c3"], each once. */
export const idList = (value: string | undefined): string[] => [
  ...new Set(value?.split(/[,\s]+/).flatMap((x) => x || []) ?? [])
]

/**
 * The ids `--ids` gives, or `--ids-file` (a file of ids, one a line or separated by commas: more than
 * a command line holds), checked before the case is opened: some, and no more than one change takes.
 */
export async function idsOptions(values: { ids?: string; 'ids-file'?: string }): Promise<string[] | undefined> {
  const file = values['ids-file']
  if (file === undefined) return values.ids === undefined ? undefined : idsOption('--ids', values.ids)
  if (values.ids !== undefined) throw new UsageError('use --ids or --ids-file, not both')
  const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new UsageError(`--ids-file ${file}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`)
  })
  return idsOption('--ids-file', text)
}

/** The ids an option gives, checked before the case is opened: some, and no more than one change takes. */
export function idsOption(option: string, value: string): string[] {
  const ids = idList(value)
  if (ids.length === 0) throw new UsageError(`${option} names claims, as id1,id2 (see claimdesk list)`)
  if (ids.length > LIMITS.listItems)
    throw new UsageError(`${option}: ${ids.length} ids; one command takes at most ${LIMITS.listItems}`)
  return ids
}

/**
 * One command is one change to the case, all or nothing, and the contract takes at most
 * LIMITS.listItems claims in one change: more are refused rather than split into several changes, of
 * which a later one could fail after the first were written.
 */
export function checkCount(count: number, what: string, narrower: string): void {
  if (count > LIMITS.listItems)
    throw invalid(
      `${what} ${count} claims; one command changes at most ${LIMITS.listItems}, all or nothing: ${narrower}`
    )
}

/** The claims `ids` name, in that order; refused when any is not in the case, naming a few of them. */
export async function claimsByIds(api: ClaimdeskApi, option: string, ids: string[]): Promise<Claim[]> {
  const found = await api.getClaims(ids)
  const known = new Set(found.map((c) => c.id))
  const unknown = ids.filter((id) => !known.has(id))
  if (unknown.length)
    throw notFound(
      `${option}: ${unknown.length} of the ${ids.length} ids ${unknown.length === 1 ? 'is' : 'are'} not a claim in this case: ` +
        `${someOf(unknown)} (see claimdesk list); nothing changed`
    )
  return found
}
