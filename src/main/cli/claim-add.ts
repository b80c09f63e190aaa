// `claimdesk claim add`: every option is checked before the case is touched, and a claim that the
// case still refuses takes the sources made for it away again, so a failed command changes nothing.
import { claimInput, sourceInput, type ClaimdeskApi } from '../../shared/api'
import { findQuote } from '../../shared/anchoring/find-quote'
import { invalid, notFound } from '../../shared/errors'
import {
  CLAIM_STATUSES,
  CREDIBILITY,
  SOURCE_KINDS,
  type CaseDocument,
  type ClaimStatus,
  type Credibility,
  type Source,
  type SourceKind
} from '../../shared/model'
import { findSourceByName, normName, similarSources } from '../../shared/source-names'
import { gate } from '../dispatch'
import type { ClaimdeskService } from '../service'
import { parse, requireCase, UsageError, type CliIo } from './args'
import { openCaseFor } from './open'
import { documentNamed } from './documents'
import { claimRows } from './format'
import { USAGE } from './usage'

/** A name as the shell takes it back: "Volodymyr Zelensky". */
const quoted = (text: string): string => JSON.stringify(text)

/** The claim fields each option sets, to name the option when the contract refuses a field. */
const OPTION_OF_FIELD: Record<string, string> = {
  sourceId: '--source',
  via: '--via',
  tags: '--tag',
  note: '--note',
  status: '--status',
  credibility: '--credibility'
}

export function oneOf<T extends string>(
  option: string,
  allowed: readonly T[],
  value: string | undefined,
  range = `one of ${allowed.join(', ')}`
): T | undefined {
  if (value === undefined || (allowed as readonly string[]).includes(value)) return value as T | undefined
  throw new UsageError(`${option}: must be ${range} (not “${value}”)`)
}

interface NamedSource {
  option: '--source' | '--via'
  name: string
  /** The kind a new source is made with (the contract's default when unset). */
  kind?: SourceKind
  /** The source already called this, or undefined when it is to be made. */
  existing?: Source
}

/** The names no source has yet, each once however often it is given. */
function newSources(plan: NamedSource[]): NamedSource[] {
  const seen = new Set<string>()
  return plan.filter((p) => !p.existing && !seen.has(normName(p.name)) && seen.add(normName(p.name)))
}

function pickRange(doc: CaseDocument, quote: string, occurrence: number | undefined) {
  const { ranges } = findQuote(doc.text, quote)
  if (ranges.length === 0) throw notFound(`the quote was not found in “${doc.title}”`)
  if (occurrence === undefined) {
    if (ranges.length > 1)
      throw invalid(`the quote occurs ${ranges.length} times in “${doc.title}”: pass --occurrence 1-${ranges.length}`)
    return ranges[0]
  }
  if (occurrence < 1 || occurrence > ranges.length) {
    throw invalid(
      `--occurrence ${occurrence}: the quote occurs ${ranges.length} time${ranges.length === 1 ? '' : 's'} in “${doc.title}”`
    )
  }
  return ranges[occurrence - 1]
}

export async function claimAddCommand(service: ClaimdeskService, args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args, {
    doc: { type: 'string' },
    quote: { type: 'string' },
    occurrence: { type: 'string' },
    source: { type: 'string' },
    'source-kind': { type: 'string' },
    via: { type: 'string', multiple: true },
    'no-create': { type: 'boolean', default: false },
    tag: { type: 'string', multiple: true },
    note: { type: 'string' },
    credibility: { type: 'string' },
    status: { type: 'string' }
  })
  if (values.help) return (void io.out(USAGE), 0)
  const target = requireCase(values.case)
  if (!values.doc) throw new UsageError('--doc <id|title> is required')
  if (!values.quote) throw new UsageError('--quote "<exact text>" is required')
  const occurrence = values.occurrence === undefined ? undefined : Number(values.occurrence)
  if (occurrence !== undefined && !Number.isInteger(occurrence))
    throw new UsageError('--occurrence takes a whole number')
  const credibility = oneOf<Credibility>('--credibility', CREDIBILITY, values.credibility, '1–6')
  const status = oneOf<ClaimStatus>('--status', CLAIM_STATUSES, values.status)
  const sourceKind = oneOf<SourceKind>('--source-kind', SOURCE_KINDS, values['source-kind'])
  if (sourceKind && values.source === undefined) throw new UsageError('--source-kind goes with --source')
  const named = [
    ...(values.source === undefined ? [] : [{ option: '--source' as const, name: values.source, kind: sourceKind }]),
    ...(values.via ?? []).map((name) => ({ option: '--via' as const, name, kind: 'outlet' as const }))
  ]
  for (const n of named) {
    const checked = sourceInput.safeParse({ name: n.name, ...(n.kind ? { kind: n.kind } : {}) })
    if (!checked.success) throw new UsageError(`${n.option} ${quoted(n.name)}: ${checked.error.issues[0].message}`)
  }

  const api = gate(service.handlers)
  const overview = await openCaseFor(api, target, {}, io)
  const { document: doc } = await api.getDocument(documentNamed(overview.documents, values.doc, io))
  const range = pickRange(doc, values.quote, occurrence)

  const plan: NamedSource[] = named.map((n) => ({ ...n, existing: findSourceByName(overview.sources, n.name) }))
  const toCreate = newSources(plan)
  if (values['no-create'] && toCreate.length) {
    const [first] = toCreate
    const like = similarSources(overview.sources, first.name).map((s) => quoted(s.name))
    throw invalid(
      `${first.option} ${quoted(first.name)}: no source has that name or alias, and --no-create is set` +
        (like.length ? `; it may be ${like.join(' or ')}` : '')
    )
  }
  // The claim as it will be sent, with stand-ins for the ids of sources not made yet.
  const claim = {
    documentId: doc.id,
    start: range.start,
    end: range.end,
    tags: values.tag ?? [],
    note: values.note ?? '',
    ...(status ? { status } : {}),
    ...(credibility ? { credibility } : {})
  }
  const standIn = (p: NamedSource) => p.existing?.id ?? `new:${normName(p.name)}`
  const checked = claimInput.safeParse({
    ...claim,
    sourceId: values.source === undefined ? null : standIn(plan[0]),
    via: plan.filter((p) => p.option === '--via').map(standIn)
  })
  if (!checked.success) {
    const issue = checked.error.issues[0]
    const option = OPTION_OF_FIELD[String(issue.path[0])]
    throw option ? new UsageError(`${option}: ${issue.message}`) : invalid(issue.message)
  }

  const created = await createSources(api, toCreate, io)
  const sources = [...overview.sources, ...created]
  const idOf = (p: NamedSource) => p.existing?.id ?? findSourceByName(created, p.name)!.id
  let added
  try {
    added = await api.createClaim({
      ...claim,
      sourceId: values.source === undefined ? null : idOf(plan[0]),
      via: plan.filter((p) => p.option === '--via').map(idOf)
    })
  } catch (err) {
    await removeSources(api, created, io)
    throw err
  }

  const createdLines = created.map((s) => `created source ${quoted(s.name)} (${s.kind})`)
  const caseArg = quoted(values.case!)
  for (const s of created)
    for (const like of similarSources(overview.sources, s.name))
      io.err(
        `note: ${quoted(s.name)} may be ${quoted(like.name)} (${like.kind}); if they are one source, merge them: ` +
          `claimdesk source merge --case ${caseArg} ${quoted(s.name)} ${quoted(like.name)}`
      )
  const row = claimRows(overview.documents, sources, [added.value])[0]
  if (values.json)
    io.out(
      JSON.stringify({ ...row, createdSources: created.map(({ id, name, kind }) => ({ id, name, kind })) }, null, 2)
    )
  else io.out([...createdLines, `added claim ${row.id}: “${row.quote}”`].join('\n'))
  return 0
}

/** Makes the new sources; if one is refused, those made before it are taken away again. */
async function createSources(api: ClaimdeskApi, plan: NamedSource[], io: CliIo): Promise<Source[]> {
  const created: Source[] = []
  try {
    for (const p of plan)
      created.push((await api.createSource({ name: p.name, ...(p.kind ? { kind: p.kind } : {}) })).value)
  } catch (err) {
    await removeSources(api, created, io)
    throw err
  }
  return created
}

/** Takes away sources made for a claim that was then refused; says which could not be. */
async function removeSources(api: ClaimdeskApi, created: Source[], io: CliIo): Promise<void> {
  for (const s of [...created].reverse()) {
    await api.deleteSource(s.id).catch((err: Error) => {
      io.err(`claimdesk: source ${quoted(s.name)} was made for this claim and could not be removed: ${err.message}`)
    })
  }
}
