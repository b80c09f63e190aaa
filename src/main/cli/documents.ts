// A document named on the command line: by id, by its whole title, or by words of its title. Titles
// repeat across the versions of one document, so several versions of one chain mean its newest.
import { invalid, notFound } from '../../shared/errors'
import type { DocumentSummary } from '../../shared/model'
import type { CliIo } from './args'

type Doc = Pick<DocumentSummary, 'id' | 'title' | 'outlet' | 'published' | 'versionOf'>

export interface NamedDocument {
  id: string
  /** Set when the name matched several versions and the newest was taken: one line saying so. */
  note?: string
}

/** The earlier versions of a document, newest first. */
function earlierVersions(byId: Map<string, Doc>, doc: Doc): Doc[] {
  const chain: Doc[] = []
  for (let d = byId.get(doc.versionOf ?? ''); d && !chain.includes(d) && d !== doc; d = byId.get(d.versionOf ?? ''))
    chain.push(d)
  return chain
}

/** "version 2 of <id>" for a newer version; "" for an original. */
function versionText(byId: Map<string, Doc>, doc: Doc): string {
  const earlier = earlierVersions(byId, doc)
  return earlier.length ? `version ${earlier.length + 1} of ${earlier.at(-1)!.id}` : ''
}

function describe(byId: Map<string, Doc>, doc: Doc): string {
  const about = [doc.outlet, doc.published, versionText(byId, doc)].filter(Boolean).join(', ')
  return `${doc.id}  “${doc.title}”${about ? ` (${about})` : ''}`
}

export function resolveDocument(docs: readonly Doc[], key: string): NamedDocument {
  const byId = new Map(docs.map((d) => [d.id, d]))
  if (byId.has(key)) return { id: key }
  const lower = key.toLowerCase()
  const exact = docs.filter((d) => d.title.toLowerCase() === lower)
  const matches = exact.length ? exact : docs.filter((d) => d.title.toLowerCase().includes(lower))
  if (matches.length === 1) return { id: matches[0].id }
  if (matches.length === 0) throw notFound(`no document with id or title “${key}”`)
  const newest = matches.filter((m) => {
    const earlier = earlierVersions(byId, m)
    return matches.every((o) => o === m || earlier.includes(o))
  })
  if (newest.length === 1) {
    return {
      id: newest[0].id,
      note: `“${key}” matches ${matches.length} versions of one document: using the newest, ${describe(byId, newest[0])}`
    }
  }
  throw invalid(
    `“${key}” matches ${matches.length} documents; pass the id of one:\n${matches.map((d) => `  ${describe(byId, d)}`).join('\n')}`
  )
}

/** The id of the document an option names; a note on standard error when it took the newest version. */
export function documentNamed(docs: readonly Doc[], key: string, io: Pick<CliIo, 'err'>): string {
  const found = resolveDocument(docs, key)
  if (found.note) io.err(`note: ${found.note}`)
  return found.id
}
