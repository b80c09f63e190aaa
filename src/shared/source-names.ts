// Finding a source by what it is called: its name or any alias, ignoring case and edge spaces.
// The one place this rule lives (the service, the CLI, annotation import, the import queue and the
// source type-ahead all use it).
import type { Source, SourceKind } from './model'

export interface SourceMatch<S extends Source = Source> {
  source: S
  /** The alias that matched, when it was not the name. */
  alias?: string
}

/** The form two source names are compared in. */
export const normName = (text: string): string => text.trim().replace(/\s+/g, ' ').toLowerCase()
const norm = normName

function score(candidate: string, query: string): number {
  const c = norm(candidate)
  if (c === query) return 0
  if (c.startsWith(query)) return 1
  if (c.split(/[\s,.'’()-]+/).some((word) => word.startsWith(query))) return 2
  if (c.includes(query)) return 3
  return Infinity
}

export function matchSources<S extends Source>(
  sources: readonly S[],
  query: string,
  exclude: readonly string[] = [],
  limit = 8
): SourceMatch<S>[] {
  const q = norm(query)
  const skip = new Set(exclude)
  const scored: { match: SourceMatch<S>; score: number }[] = []
  for (const source of sources) {
    if (skip.has(source.id)) continue
    if (!q) {
      scored.push({ match: { source }, score: 0 })
      continue
    }
    let best = { match: { source } as SourceMatch<S>, score: score(source.name, q) }
    for (const alias of source.aliases) {
      const s = score(alias, q)
      if (s < best.score) best = { match: { source, alias }, score: s }
    }
    if (best.score < Infinity) scored.push(best)
  }
  scored.sort((a, b) => a.score - b.score || a.match.source.name.localeCompare(b.match.source.name))
  return scored.slice(0, limit).map((s) => s.match)
}

/** Every name a source answers to. */
export function namesOf(source: Pick<Source, 'name' | 'aliases'>): string[] {
  return [source.name, ...source.aliases]
}

/** The source whose name or an alias is exactly this text (ignoring case and spacing). */
export function findSourceByName(sources: Iterable<Source>, text: string, exceptId?: string): Source | undefined {
  const q = norm(text)
  if (!q) return undefined
  for (const s of sources) if (s.id !== exceptId && namesOf(s).some((n) => norm(n) === q)) return s
  return undefined
}

/** A first guess at the kind of a source being created from its name; the analyst can change it. */
export function guessKind(name: string): SourceKind {
  if (/\b(unnamed|anonymous|unidentified|officials?|sources?|spokes(man|woman|person))\b/i.test(name))
    return 'anonymous'
  if (
    /\b(reuters|associated press|afp|ap|bbc|cnn|newsweek|times|post|news|journal|tass|ria|interfax|gazette|tribune|herald|agency|press|tv|radio)\b/i.test(
      name
    )
  )
    return 'outlet'
  if (
    /\b(ministry|department|institute|government|council|army|forces|intelligence|police|office|committee|staff|kremlin|pentagon|un|nato|agency|party|group|company|inc|ltd|university|command)\b/i.test(
      name
    )
  )
    return 'organization'
  if (/\b(report|statement|document|memo|filing|dossier)\b/i.test(name)) return 'document'
  return 'person'
}
