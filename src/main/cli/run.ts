// The command-line door: each command opens the case, calls the service through the same
// contract gate as the other doors, prints a result (or JSON with --json) and closes the case.
import { readFile, stat, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { ClaimdeskApi } from '../../shared/api'
import { ClaimdeskError, invalid } from '../../shared/errors'
import { DocClaimIndex, unmarked } from '../../shared/doc-claims'
import { RejectedSpans } from '../../shared/rejected-spans'
import { suggestionKey, type Claim } from '../../shared/model'
import { gate } from '../dispatch'
import { keptChromiumPrinter } from '../export/pdf'
import { importableFilesIn } from '../import/folder'
import { addSampleContent } from '../sample'
import { startServer } from '../serve'
import { ClaimdeskService, casePath } from '../service'
import { defaultCasePath, userDataDir } from '../user-data'
import { parse, requireCase, UsageError, type CliIo } from './args'
import { noteOpened, openCaseFor } from './open'
import { claimAddCommand } from './claim-add'
import { claimDeleteCommand } from './claim-delete'
import { claimEditCommand } from './claim-edit'
import { conflictsCommand } from './conflicts'
import { documentNamed } from './documents'
import {
  claimRows,
  formatClaims,
  formatDocument,
  formatImportResults,
  formatSearch,
  formatSuggestions,
  suggestionRow,
  type CliImportResult
} from './format'
import { lockMessage } from './lock-message'
import { sourceCommand } from './sources'
import { USAGE } from './usage'
import { brokenReferencesMessage, recoveredMessage, tornWriteMessage } from '../../shared/open-notices'

export type { CliIo } from './args'

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
        return await claimCommand(service, rest, io)
      case 'source':
        return await sourceCommand(service, rest, io)
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
      io.err(`claimdesk: ${lockMessage(err) ?? err.message}`)
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

// ---- claim -------------------------------------------------------------------------------

function claimCommand(service: ClaimdeskService, [sub, ...args]: string[], io: CliIo): Promise<number> {
  if (sub === 'add') return claimAddCommand(service, args, io)
  if (sub === 'edit') return claimEditCommand(service, args, io)
  if (sub === 'delete') return claimDeleteCommand(service, args, io)
  throw new UsageError('usage: claimdesk claim add|edit|delete --case <file> ... (see claimdesk help)')
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
  const overview = noteOpened(await service.openOrCreate(target), io)
  // Named before the import, whose title would match too.
  const fromId = earlier === undefined ? undefined : documentNamed(overview.documents, earlier, io)
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

// ---- list, show ---------------------------------------------------------------------------

async function listCommand(service: ClaimdeskService, args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args, {})
  if (values.help) return (void io.out(USAGE), 0)
  const api = gate(service.handlers)
  const overview = await openCaseFor(api, requireCase(values.case), { readOnly: true }, io)
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
  const overview = await openCaseFor(api, requireCase(values.case), { readOnly: true }, io)
  const { document: doc } = await api.getDocument(documentNamed(overview.documents, values.doc, io))
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
  const overview = await openCaseFor(api, requireCase(values.case), { readOnly: true }, io)
  const documentId = values.doc ? documentNamed(overview.documents, values.doc, io) : undefined
  const found = await api.searchCase({ text, documentId })
  if (values.json) io.out(JSON.stringify(found, null, 2))
  else io.out(formatSearch(found, overview.documents, overview.sources))
  return 0
}

async function suggestCommand(service: ClaimdeskService, args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args, {
    doc: { type: 'string' },
    accept: { type: 'boolean', default: false },
    speaker: { type: 'string' },
    reject: { type: 'string' },
    restore: { type: 'boolean', default: false },
    all: { type: 'boolean', default: false }
  })
  if (values.help) return (void io.out(USAGE), 0)
  if (!values.doc) throw new UsageError('--doc <id|title> is required')
  if (values.all && (values.accept || values.reject !== undefined || values.restore))
    throw new UsageError('--all goes with a listing, not with --accept, --reject or --restore')
  if (values.speaker && !values.accept) throw new UsageError('--speaker goes with --accept')
  if ([values.accept, values.reject !== undefined, values.restore].filter(Boolean).length > 1)
    throw new UsageError('use one of --accept, --reject and --restore')
  const writes = values.accept || values.reject !== undefined || values.restore
  const api = gate(service.handlers)
  const overview = await openCaseFor(api, requireCase(values.case), { readOnly: !writes }, io)
  const documentId = documentNamed(overview.documents, values.doc, io)
  if (values.reject !== undefined || values.restore) {
    const ids = values.reject?.split(',').flatMap((id) => id.trim() || []) ?? []
    const all = await api.suggestClaims(documentId)
    const unknown = ids.filter((id) => !all.some((s) => s.id === id))
    if (unknown.length || (values.reject !== undefined && ids.length === 0))
      throw new UsageError(
        `--reject ${values.reject}: ${unknown.length ? `no suggestion ${unknown.join(', ')} in this document` : 'name suggestions, as s2,s5'}; ` +
          `its suggestions are ${all.length ? `s1 to s${all.length}` : 'none'} (see claimdesk suggest --doc ${values.doc})`
      )
    const before = (await api.getDocument(documentId)).rejectedSuggestions
    const spans = all.filter((s) => ids.includes(s.id)).map((s) => suggestionKey(s.claim))
    const { value: after } = await api.rejectSuggestions(
      values.restore ? { documentId, rejected: false } : { documentId, spans, rejected: true }
    )
    const moved = Math.abs(after.length - before.length)
    if (values.json) io.out(JSON.stringify({ rejected: after }, null, 2))
    else if (values.restore) io.out(`brought back ${moved} rejected suggestion${moved === 1 ? '' : 's'}`)
    else
      io.out(
        `rejected ${moved} suggestion${moved === 1 ? '' : 's'} (${after.length} in all` +
          `${moved < spans.length ? `; ${spans.length - moved} ${spans.length - moved === 1 ? 'was' : 'were'} rejected already` : ''})`
      )
    return 0
  }
  if (values.accept) {
    const entity = values.speaker ? await requireSpeaker(api, documentId, values.speaker) : undefined
    const { value } = await api.acceptSuggestions({ documentId, ...(entity ? { entity } : {}) })
    if (values.json) io.out(JSON.stringify(value, null, 2))
    else
      io.out(
        `added ${value.claims.length} claim${value.claims.length === 1 ? '' : 's'} and ${value.sources.length} source${value.sources.length === 1 ? '' : 's'}` +
          (value.skipped ? ` (${value.skipped} already marked)` : '')
      )
    return 0
  }
  const all = await api.suggestClaims(documentId)
  const view = await api.getDocument(documentId)
  const claims = new DocClaimIndex()
  claims.reset(view.claims)
  const shown = values.all ? all : unmarked(all, claims)
  const state = { rejected: new RejectedSpans(view.rejectedSuggestions), claims, sources: overview.sources }
  if (values.json)
    io.out(
      JSON.stringify(
        shown.map((s) => suggestionRow(s, state)),
        null,
        2
      )
    )
  else io.out(formatSuggestions(shown, state, all.length - shown.length))
  return 0
}

/**
 * The suggested speaker --speaker names, by its entity ("e3") or by its name as listed, whole or in
 * part when only one speaker's name has it ("Zelensky"); any other is refused, listing them.
 */
async function requireSpeaker(api: ClaimdeskApi, documentId: string, entity: string): Promise<string> {
  const speakers = new Map<string, string>()
  for (const s of await api.suggestClaims(documentId)) speakers.set(s.speaker.entity, s.speaker.name || 'the publisher')
  if (speakers.has(entity)) return entity
  const wanted = entity.trim().toLowerCase()
  const named = (match: (name: string) => boolean) => [...speakers].filter(([, name]) => match(name.toLowerCase()))
  const exact = named((name) => name === wanted)
  const partly = exact.length ? exact : named((name) => wanted.length > 2 && name.includes(wanted))
  if (partly.length === 1) return partly[0][0]
  const list = (of: [string, string][]) =>
    [...of]
      .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
      .map(([id, name]) => `${id} (${name})`)
      .join(', ')
  if (partly.length > 1) throw invalid(`--speaker ${entity}: names more than one speaker: ${list(partly)}`)
  const known = list([...speakers])
  throw invalid(
    `--speaker ${entity}: no suggestion in this document has that speaker; ` +
      (known ? `the speakers are ${known}` : 'the document has no suggestions')
  )
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
  await openCaseFor(api, requireCase(values.case), { readOnly: true }, io)
  const result = await api.exportBriefing({
    format: values.format as never,
    ...(values.briefing ? { briefing: values.briefing } : {}),
    ...(values['generated-at'] ? { generatedAt: values['generated-at'] } : {})
  })
  const bytes = Buffer.from(result.content, result.encoding)
  if (result.leftOut) io.err(`claimdesk: note: ${result.leftOut.message}`)
  if (values.out === '-') {
    if (result.encoding === 'base64') throw new UsageError(`--out -: ${values.format} is binary; name a file`)
    io.out(result.content)
  } else {
    const out = resolve(values.out)
    await writeFile(out, bytes).catch((err: NodeJS.ErrnoException) => {
      throw new ClaimdeskError('io', `${out}: cannot be written (${err.code ?? err.message})`)
    })
    io.out(
      values.json
        ? JSON.stringify({ file: out, bytes: bytes.length, ...(result.leftOut ? { leftOut: result.leftOut } : {}) })
        : `wrote ${out} (${bytes.length} bytes)`
    )
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
    if (opened.info.brokenReferences.length) io.out(brokenReferencesMessage(opened.info.brokenReferences))
  } else {
    io.err(`claimdesk: ${target} could not be opened; the app in the browser explains why and offers what it can.`)
  }
  io.out(`Open ${server.url}`)
  await (io.untilStopped?.() ?? new Promise<void>(() => {}))
  await server.close()
  return 0
}
