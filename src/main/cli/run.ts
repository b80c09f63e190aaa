// The command-line door: each command opens the case, calls the service through the same
// contract gate as the other doors, prints a result (or JSON with --json) and closes the case.
import { readFile, stat, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import type { ClaimdeskApi } from '../../shared/api'
import { findQuote } from '../../shared/anchoring/find-quote'
import { findSourceByName } from '../../shared/source-names'
import { ClaimdeskError, invalid, notFound } from '../../shared/errors'
import type { CaseDocument, Claim, Source } from '../../shared/model'
import { gate } from '../dispatch'
import { keptChromiumPrinter } from '../export/pdf'
import { importableFilesIn } from '../import/folder'
import { addSampleContent } from '../sample'
import { startServer } from '../serve'
import { ClaimdeskService, casePath } from '../service'
import { defaultCasePath, userDataDir } from '../user-data'
import {
  claimRows,
  formatClaims,
  formatDocument,
  formatImportResults,
  formatConflicts,
  formatSearch,
  formatSuggestions,
  suggestionRow,
  type CliImportResult
} from './format'
import { USAGE } from './usage'
import { recoveredMessage, tornWriteMessage } from '../../shared/open-notices'

export interface CliIo {
  out: (text: string) => void
  err: (text: string) => void
  env: NodeJS.ProcessEnv
  /** Paths of the built renderer and the shipped resources. */
  rendererDir: string
  resourcesDir: string
  /** Resolves when a long-running command (serve) should stop. */
  untilStopped?: () => Promise<void>
}

class UsageError extends Error {}

const common = {
  case: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false }
} as const

function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options: { ...common, ...options }, allowPositionals: true, strict: true })
  } catch (err) {
    throw new UsageError((err as Error).message)
  }
}

function requireCase(value: string | undefined): string {
  if (!value) throw new UsageError('--case <file> is required')
  return casePath(value)
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv
  // A long-running server keeps one Chromium for PDF exports; one-shot commands launch their own.
  const printer = command === 'serve' ? keptChromiumPrinter() : null
  const service = new ClaimdeskService({
    userDataDir: userDataDir(io.env),
    ...(printer ? { printPdf: printer.print } : {})
  })
  try {
    switch (command) {
      case 'import':
        return await importCommand(service, rest, io)
      case 'claim':
        if (rest[0] !== 'add')
          throw new UsageError('usage: claimdesk claim add --case <file> --doc <id|title> --quote "<text>" ...')
        return await claimAddCommand(service, rest.slice(1), io)
      case 'list':
        return await listCommand(service, rest, io)
      case 'show':
        return await showCommand(service, rest, io)
      case 'export':
        return await exportCommand(service, rest, io)
      case 'search':
        return await searchCommand(service, rest, io)
      case 'suggest':
        return await suggestCommand(service, rest, io)
      case 'conflicts':
        return await conflictsCommand(service, rest, io)
      case 'serve':
        return await serveCommand(service, rest, io)
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE)
        return 0
      default:
        throw new UsageError(`unknown command "${command}"`)
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`claimdesk: ${err.message}\nRun "claimdesk help" for usage.`)
      return 2
    }
    if (err instanceof ClaimdeskError) {
      io.err(`claimdesk: ${err.message}`)
      return 1
    }
    io.err(`claimdesk: unexpected error: ${err instanceof Error ? err.message : String(err)}`)
    return 1
  } finally {
    await service
      .close()
      .catch((err: unknown) =>
        io.err(
          `claimdesk: warning: the case file could not be brought up to date on close (${err instanceof Error ? err.message : String(err)}). ` +
            'Every change is safe in the journal beside it (<case>.journal) and is folded in the next time the case is opened: keep the two files together until then.'
        )
      )
    await printer?.close()
  }
}

// ---- import -------------------------------------------------------------------------------

/** A folder stands for the importable files inside it, at any depth. */
async function expandPaths(paths: string[]): Promise<string[]> {
  const files: string[] = []
  for (const p of paths) {
    const info = await stat(p).catch(() => null)
    if (!info) {
      files.push(p) // reported per file below
    } else if (info.isDirectory()) {
      files.push(...(await importableFilesIn(p)))
    } else {
      files.push(p)
    }
  }
  return files
}

async function importCommand(service: ClaimdeskService, args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { encoding: { type: 'string' }, 'new-version-of': { type: 'string' } })
  if (values.help) return (void io.out(USAGE), 0)
  const target = requireCase(values.case)
  if (positionals.length === 0) throw new UsageError('name at least one file or folder to import')
  const earlier = values['new-version-of']
  if (earlier !== undefined && positionals.length !== 1)
    throw new UsageError('--new-version-of takes one file: the new version of that document')
  const api = gate(service.handlers)
  const overview = await service.openOrCreate(target)
  // Named before the import, whose title would match too.
  const fromId = earlier === undefined ? undefined : resolveDocument(overview.documents, earlier)
  const results: CliImportResult[] = []
  for (const path of await expandPaths(positionals)) {
    if (path.toLowerCase().endsWith('.jsonld')) {
      results.push(await importAnnotationFile(api, path))
      continue
    }
    const imported = await api.importFiles([
      { path, name: path, ...(values.encoding ? { encoding: values.encoding } : {}) }
    ])
    results.push(...imported.value)
  }
  if (fromId !== undefined) await reanchorImported(api, fromId, results[0])
  io.out(values.json ? JSON.stringify(results, null, 2) : formatImportResults(results))
  return results.some((r) => r.status === 'failed') ? 1 : 0
}

/** The claims of the earlier version moved onto the file just imported (or already in the case). */
async function reanchorImported(api: ClaimdeskApi, fromId: string, result: CliImportResult): Promise<void> {
  if (result.status === 'failed' || !result.documentId) return
  if (result.documentId === fromId) {
    Object.assign(result, {
      status: 'failed',
      message: `${result.message ?? 'already in the case'}: it is the document it was to replace, so no claims moved`
    })
    return
  }
  const { value } = await api.reanchorDocument(fromId, result.documentId)
  result.reanchored = { from: fromId, ...value }
}

/** A Web Annotation export (.jsonld) brings claims and sources, not a document. */
async function importAnnotationFile(api: ClaimdeskApi, path: string): Promise<CliImportResult> {
  const text = await readFile(path, 'utf8').catch(() => null)
  if (text === null) return { fileName: path, status: 'failed', message: `${path}: cannot be read` }
  try {
    const { value: r } = await api.importAnnotations(text)
    const skipped = r.skipped.map((s) => `${s.claimId}: ${s.reason}`)
    const message = [
      `${r.claims} claims and ${r.sources} new sources`,
      ...(skipped.length ? [`skipped ${skipped.join('; ')}`] : [])
    ].join('; ')
    return { fileName: path, status: 'imported', message }
  } catch (err) {
    if (err instanceof ClaimdeskError) return { fileName: path, status: 'failed', message: `${path}: ${err.message}` }
    throw err
  }
}

// ---- claim add ----------------------------------------------------------------------------

function resolveDocument(docs: { id: string; title: string }[], key: string): string {
  const byId = docs.find((d) => d.id === key)
  if (byId) return byId.id
  const lower = key.toLowerCase()
  const exact = docs.filter((d) => d.title.toLowerCase() === lower)
  const matches = exact.length ? exact : docs.filter((d) => d.title.toLowerCase().includes(lower))
  if (matches.length === 1) return matches[0].id
  if (matches.length === 0) throw notFound(`no document with id or title “${key}”`)
  throw invalid(
    `“${key}” matches ${matches.length} documents (${matches.map((d) => `“${d.title}”`).join(', ')}): pass its id`
  )
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

async function claimAddCommand(service: ClaimdeskService, args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args, {
    doc: { type: 'string' },
    quote: { type: 'string' },
    occurrence: { type: 'string' },
    source: { type: 'string' },
    'source-kind': { type: 'string' },
    via: { type: 'string', multiple: true },
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

  const api = gate(service.handlers)
  const overview = await api.openCase(target)
  const { document: doc } = await api.getDocument(resolveDocument(overview.documents, values.doc))
  const range = pickRange(doc, values.quote, occurrence)

  const sources: Source[] = [...overview.sources]
  const ensureSource = async (name: string, kind?: string): Promise<string> => {
    const found = findSourceByName(sources, name)
    if (found) return found.id
    const { value: created } = await api.createSource({ name, ...(kind ? { kind: kind as Source['kind'] } : {}) })
    sources.push(created)
    return created.id
  }
  const sourceId = values.source ? await ensureSource(values.source, values['source-kind']) : null
  const via: string[] = []
  for (const name of values.via ?? []) via.push(await ensureSource(name, 'outlet'))

  const { value: claim } = await api.createClaim({
    documentId: doc.id,
    start: range.start,
    end: range.end,
    sourceId,
    via,
    tags: values.tag ?? [],
    note: values.note ?? '',
    ...(values.status ? { status: values.status as never } : {}),
    ...(values.credibility ? { credibility: values.credibility as never } : {})
  })
  if (values.json) io.out(JSON.stringify(claimRows(overview.documents, sources, [claim])[0], null, 2))
  else io.out(`added claim ${claim.id}: “${claim.quote.exact}”`)
  return 0
}

// ---- list, show ---------------------------------------------------------------------------

async function listCommand(service: ClaimdeskService, args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args, {})
  if (values.help) return (void io.out(USAGE), 0)
  const api = gate(service.handlers)
  const overview = await api.openCase(requireCase(values.case), { readOnly: true })
  const claims: Claim[] = []
  for (let page; !page || claims.length < page.total;) {
    page = await api.listClaims({ offset: claims.length, limit: 5000 })
    claims.push(...page.claims)
  }
  const rows = claimRows(overview.documents, overview.sources, claims)
  io.out(values.json ? JSON.stringify(rows, null, 2) : formatClaims(rows))
  return 0
}

async function showCommand(service: ClaimdeskService, args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args, { doc: { type: 'string' } })
  if (values.help) return (void io.out(USAGE), 0)
  if (!values.doc) throw new UsageError('--doc <id|title> is required')
  const api = gate(service.handlers)
  const overview = await api.openCase(requireCase(values.case), { readOnly: true })
  const { document: doc } = await api.getDocument(resolveDocument(overview.documents, values.doc))
  io.out(values.json ? JSON.stringify(doc, null, 2) : formatDocument(doc))
  return 0
}

// ---- search, suggest ----------------------------------------------------------------------

async function searchCommand(service: ClaimdeskService, args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { doc: { type: 'string' } })
  if (values.help) return (void io.out(USAGE), 0)
  const text = positionals.join(' ').trim()
  if (!text) throw new UsageError('name the words to search for')
  const api = gate(service.handlers)
  const overview = await api.openCase(requireCase(values.case), { readOnly: true })
  const documentId = values.doc ? resolveDocument(overview.documents, values.doc) : undefined
  const found = await api.searchCase({ text, documentId })
  if (values.json) io.out(JSON.stringify(found, null, 2))
  else io.out(formatSearch(found, overview.documents, overview.sources))
  return 0
}

async function conflictsCommand(service: ClaimdeskService, args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args, {})
  if (values.help) return (void io.out(USAGE), 0)
  const api = gate(service.handlers)
  await api.openCase(requireCase(values.case), { readOnly: true })
  const { sets, proposals } = await api.conflictSets()
  const circular = await api.circularReporting()
  if (values.json) io.out(JSON.stringify({ sets, proposals, circular }, null, 2))
  else io.out(formatConflicts(sets, proposals, circular))
  return 0
}

async function suggestCommand(service: ClaimdeskService, args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args, {
    doc: { type: 'string' },
    accept: { type: 'boolean', default: false },
    speaker: { type: 'string' }
  })
  if (values.help) return (void io.out(USAGE), 0)
  if (!values.doc) throw new UsageError('--doc <id|title> is required')
  if (values.speaker && !values.accept) throw new UsageError('--speaker goes with --accept')
  const api = gate(service.handlers)
  const overview = await api.openCase(requireCase(values.case), { readOnly: !values.accept })
  const documentId = resolveDocument(overview.documents, values.doc)
  if (values.accept) {
    const { value } = await api.acceptSuggestions({ documentId, ...(values.speaker ? { entity: values.speaker } : {}) })
    if (values.json) io.out(JSON.stringify(value, null, 2))
    else
      io.out(
        `added ${value.claims.length} claim${value.claims.length === 1 ? '' : 's'} and ${value.sources.length} source${value.sources.length === 1 ? '' : 's'}` +
          (value.skipped ? ` (${value.skipped} already marked)` : '')
      )
    return 0
  }
  const suggestions = await api.suggestClaims(documentId)
  if (values.json) io.out(JSON.stringify(suggestions.map(suggestionRow), null, 2))
  else io.out(formatSuggestions(suggestions))
  return 0
}

// ---- export -------------------------------------------------------------------------------

async function exportCommand(service: ClaimdeskService, args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args, {
    format: { type: 'string', default: 'md' },
    out: { type: 'string' },
    briefing: { type: 'string' },
    'generated-at': { type: 'string' }
  })
  if (values.help) return (void io.out(USAGE), 0)
  if (!values.out) throw new UsageError('--out <file> is required (use - for standard output)')
  const api = gate(service.handlers)
  await api.openCase(requireCase(values.case), { readOnly: true })
  const result = await api.exportBriefing({
    format: values.format as never,
    ...(values.briefing ? { briefing: values.briefing } : {}),
    ...(values['generated-at'] ? { generatedAt: values['generated-at'] } : {})
  })
  const bytes = Buffer.from(result.content, result.encoding)
  if (values.out === '-') {
    if (result.encoding === 'base64') throw new UsageError(`--out -: ${values.format} is binary; name a file`)
    io.out(result.content)
  } else {
    const out = resolve(values.out)
    await writeFile(out, bytes).catch((err: NodeJS.ErrnoException) => {
      throw new ClaimdeskError('io', `${out}: cannot be written (${err.code ?? err.message})`)
    })
    io.out(values.json ? JSON.stringify({ file: out, bytes: bytes.length }) : `wrote ${out} (${bytes.length} bytes)`)
  }
  return 0
}

// ---- serve --------------------------------------------------------------------------------

async function serveCommand(service: ClaimdeskService, args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args, { port: { type: 'string' } })
  if (values.help) return (void io.out(USAGE), 0)
  const port = values.port === undefined ? 0 : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port takes a number from 0 to 65535')
  const target = values.case ? casePath(values.case) : defaultCasePath(userDataDir(io.env))
  const sample = values.case ? undefined : () => addSampleContent(gate(service.handlers), io.resourcesDir)
  const opened = await service.openAtStart(target, sample)
  const server = await startServer({ handlers: service.handlers, rendererDir: io.rendererDir, port })
  if (opened) {
    io.out(`Claimdesk is serving ${opened.info.path}${opened.info.readOnly ? ' (read-only)' : ''}`)
    if (opened.info.recovered) io.out(recoveredMessage(opened.info.recovered))
    if (opened.info.tornBytes) io.out(tornWriteMessage(opened.info.tornBytes))
  } else {
    io.err(`claimdesk: ${target} could not be opened; the app in the browser explains why and offers what it can.`)
  }
  io.out(`Open ${server.url}`)
  await (io.untilStopped?.() ?? new Promise<void>(() => {}))
  await server.close()
  return 0
}
