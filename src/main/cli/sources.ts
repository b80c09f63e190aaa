// `claimdesk source merge`: two sources that are one (a surname created beside the full name) become
// one; the first's claims, relays and names move to the second.
import { invalid, notFound } from '../../shared/errors'
import type { Source } from '../../shared/model'
import { findSourceByName, similarSources } from '../../shared/source-names'
import { gate } from '../dispatch'
import type { ClaimdeskService } from '../service'
import { parse, requireCase, UsageError, type CliIo } from './args'
import { openCaseFor } from './open'
import { USAGE } from './usage'

/** A source by id, or by its exact name or an alias; `option` names where it was given, in the refusal. */
export function sourceNamed(sources: readonly Source[], key: string, option = ''): Source {
  const found = sources.find((s) => s.id === key) ?? findSourceByName(sources, key)
  if (!found) {
    const like = similarSources(sources, key).map((s) => `“${s.name}”`)
    throw notFound(
      `${option ? `${option}: ` : ''}no source with id, name or alias “${key}”${like.length ? `; it may be ${like.join(' or ')}` : ''}`
    )
  }
  return found
}

export async function sourceCommand(service: ClaimdeskService, argv: string[], io: CliIo): Promise<number> {
  const [sub, ...args] = argv
  if (sub !== 'merge') throw new UsageError('usage: claimdesk source merge --case <file> "<from>" "<into>"')
  const { values, positionals } = parse(args, {})
  if (values.help) return (void io.out(USAGE), 0)
  const target = requireCase(values.case)
  if (positionals.length !== 2)
    throw new UsageError('source merge takes two sources: the one to merge away, then the one to keep')
  const api = gate(service.handlers)
  const overview = await openCaseFor(api, target, {}, io)
  const from = sourceNamed(overview.sources, positionals[0])
  const into = sourceNamed(overview.sources, positionals[1])
  if (from.id === into.id) throw invalid(`“${positionals[0]}” and “${positionals[1]}” are one source already`)
  const { value: kept } = await api.mergeSources(from.id, into.id)
  if (values.json) io.out(JSON.stringify(kept, null, 2))
  else
    io.out(`merged “${from.name}” into “${kept.name}” (${kept.id}); its claims and relays moved, its names are aliases`)
  return 0
}
