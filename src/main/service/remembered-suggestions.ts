// Suggestions are worked out again only when their input changed. They depend on nothing but the
// document and the case's sources, and the case's items are immutable snapshots (a change puts a new
// object), so "the same input" is the same objects. This keeps one reading per document however
// often the reader asks (a user paging back and forth through documents, a browser tab reloaded
// while its request was still queued, accepting right after listing), and a request made while the
// same one is under way waits for that one instead of queueing a second.
import type { Suggestion } from '../../shared/analysis'
import type { CaseDocument, Source } from '../../shared/model'
import type { Suggester } from './analysis'

interface Entry {
  doc: CaseDocument
  sources: readonly Source[]
  result: Promise<Suggestion[]>
}

const sameSources = (a: readonly Source[], b: readonly Source[]) =>
  a.length === b.length && a.every((s, i) => s === b[i])

/** `suggest`, remembering the results of the last `size` documents read (a failure is not remembered). */
export function rememberedSuggestions(suggest: Suggester, size = 8): Suggester {
  const entries = new Map<string, Entry>()
  return (doc, sources) => {
    const known = entries.get(doc.id)
    if (known && known.doc === doc && sameSources(known.sources, sources)) {
      entries.delete(doc.id)
      entries.set(doc.id, known) // most recently used last
      return known.result
    }
    const entry: Entry = { doc, sources: [...sources], result: suggest(doc, sources) }
    entries.delete(doc.id)
    entries.set(doc.id, entry)
    while (entries.size > size) entries.delete(entries.keys().next().value as string)
    entry.result.catch(() => {
      if (entries.get(doc.id) === entry) entries.delete(doc.id)
    })
    return entry.result
  }
}
