// `claimdesk claim edit`: one change (topics added or taken away, status, grade, source) to the claims
// named by id or found by the app's own claim filters, as one change to the case.
import { claimsPatch, type ClaimdeskApi, type ClaimsPatch, type TagCount } from '../../shared/api'
import { invalid, notFound } from '../../shared/errors'
import {
  CLAIM_STATUSES,
  CREDIBILITY,
  type Claim,
  type ClaimStatus,
  type Credibility,
  type Id
} from '../../shared/model'
import { gate } from '../dispatch'
import type { ClaimdeskService } from '../service'
import { noPositionals, parse, requireCase, UsageError, type CliIo } from './args'
import { oneOf } from './claim-add'
import { someOf } from '../../shared/lists'
import { checkCount, claimsByIds, idsOptions } from './claims-named'
import { documentNamed } from './documents'
import { openCaseFor } from './open'
import { sourceNamed } from './sources'
import { USAGE } from './usage'

/** The patch fields each option sets, to name the option when the contract refuses a field. */
const OPTION_OF_FIELD: Record<string, string> = {
  addTags: '--add-tag',
  removeTags: '--remove-tag',
  sourceId: '--source-to',
  status: '--status',
  credibility: '--credibility'
}

interface Filters {
  documentId?: Id
  sourceId?: Id
  tag?: string
}

export async function claimEditCommand(service: ClaimdeskService, args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {
    ids: { type: 'string' },
    'ids-file': { type: 'string' },
    doc: { type: 'string' },
    source: { type: 'string' },
    tag: { type: 'string' },
    all: { type: 'boolean', default: false },
    'add-tag': { type: 'string', multiple: true },
    'remove-tag': { type: 'string', multiple: true },
    status: { type: 'string' },
    credibility: { type: 'string' },
    'source-to': { type: 'string' }
  })
  if (values.help) return (void io.out(USAGE), 0)
  noPositionals(positionals)
  const target = requireCase(values.case)
  const filtered = values.doc !== undefined || values.source !== undefined || values.tag !== undefined
  const byId = values.ids !== undefined || values['ids-file'] !== undefined
  if (byId && (filtered || values.all))
    throw new UsageError('--ids names the claims itself: leave out --doc, --source, --tag and --all')
  if (values.all && filtered) throw new UsageError('--all means every claim: leave out --doc, --source and --tag')
  if (!byId && !filtered && !values.all)
    throw new UsageError(
      'name the claims: --ids <id,...>, or --doc, --source, --tag (together: claims with all of them), or --all'
    )
  const ids = await idsOptions(values)

  const status = oneOf<ClaimStatus>('--status', CLAIM_STATUSES, values.status)
  const credibility = oneOf<Credibility>('--credibility', CREDIBILITY, values.credibility, '1–6')
  const change: Omit<ClaimsPatch, 'sourceId'> = {
    ...(values['add-tag'] ? { addTags: values['add-tag'] } : {}),
    ...(values['remove-tag'] ? { removeTags: values['remove-tag'] } : {}),
    ...(status ? { status } : {}),
    ...(credibility ? { credibility } : {})
  }
  if (Object.keys(change).length === 0 && values['source-to'] === undefined)
    throw new UsageError('name a change: --add-tag, --remove-tag, --status, --credibility or --source-to')
  const both = values['remove-tag']?.find((r) =>
    values['add-tag']?.some((a) => a.trim().toLowerCase() === r.trim().toLowerCase())
  )
  if (both !== undefined) throw new UsageError(`--remove-tag ${both.trim()}: --add-tag adds it in the same command`)
  const checked = claimsPatch.safeParse({ ...change, ...(values['source-to'] ? { sourceId: 'stand-in' } : {}) })
  if (!checked.success) {
    const issue = checked.error.issues[0]
    throw new UsageError(`${OPTION_OF_FIELD[String(issue.path[0])] ?? 'change'}: ${issue.message}`)
  }

  const api = gate(service.handlers)
  const overview = await openCaseFor(api, target, {}, io)
  const filters: Filters = {
    ...(values.doc !== undefined ? { documentId: documentNamed(overview.documents, values.doc, io) } : {}),
    ...(values.source !== undefined ? { sourceId: sourceNamed(overview.sources, values.source, '--source').id } : {}),
    ...(values.tag !== undefined ? { tag: tagNamed(overview.tags, values.tag) } : {})
  }
  const patch: ClaimsPatch = {
    ...change,
    ...(values['source-to'] !== undefined
      ? { sourceId: sourceNamed(overview.sources, values['source-to'], '--source-to').id }
      : {})
  }
  const found = ids ? await claimsByIds(api, '--ids', ids) : await claimsFound(api, filters)
  // The filter finds the claims a source says or relays; a new speaker is for those it says.
  const relayed = patch.sourceId && filters.sourceId ? found.filter((c) => c.sourceId !== filters.sourceId) : []
  if (relayed.length)
    throw new UsageError(
      `--source-to: ${count(relayed.length)} of the ${found.length} found ${relayed.length === 1 ? 'is' : 'are'} only relayed by ` +
        `${values.source}, not said by it (${someOf(
          relayed.map((c) => c.id),
          5
        )}); name the claims to give a new source with --ids`
    )
  const named = found.map((c) => c.id)
  if (!ids)
    checkCount(
      named.length,
      values.all ? 'the case has' : 'these filters find',
      'narrow it with --doc, --source or --tag, or name the claims in parts with --ids'
    )
  if (named.length === 0) {
    io.out(
      values.json
        ? JSON.stringify({ changed: [], unchanged: [] }, null, 2)
        : `${values.all ? 'the case has no claims' : 'no claim has all of these'}: nothing changed`
    )
    return 0
  }
  const { value: changed } = await api.updateClaims(named, patch)
  const written = new Set(changed)
  const unchanged = [...new Set(named)].filter((id) => !written.has(id))
  if (values.json) io.out(JSON.stringify({ changed, unchanged }, null, 2))
  else
    io.out(
      `changed ${count(changed.length)}${unchanged.length ? `; ${count(unchanged.length)} ${unchanged.length === 1 ? 'was' : 'were'} already so` : ''}`
    )
  return 0
}

const count = (n: number) => `${n} claim${n === 1 ? '' : 's'}`

/** The claims the app's claim filters find (listClaims), every page of them. */
async function claimsFound(api: ClaimdeskApi, filters: Filters): Promise<Claim[]> {
  const claims: Claim[] = []
  for (let page; !page || claims.length < page.total;) {
    page = await api.listClaims({ ...filters, offset: claims.length, limit: 5000 })
    if (page.claims.length === 0) break
    claims.push(...page.claims)
  }
  return claims
}

/** A topic as the case spells it: exactly, or the one topic that differs only in capitals. */
function tagNamed(tags: readonly TagCount[], tag: string): string {
  const wanted = tag.trim()
  if (tags.some((t) => t.tag === wanted)) return wanted
  const like = tags.filter((t) => t.tag.toLowerCase() === wanted.toLowerCase()).map((t) => t.tag)
  if (like.length === 1) return like[0]
  if (like.length > 1) throw invalid(`--tag ${tag}: the case spells it several ways: ${like.join(', ')}; name one`)
  const known = tags.map((t) => t.tag)
  throw notFound(
    `--tag ${tag}: no claim has that topic; ${known.length ? `the topics are ${someOf(known, 10)}` : 'no claim has a topic'}`
  )
}
