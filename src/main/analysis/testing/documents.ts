// Documents and sources for the analysis tests, built as the importers build them.
import type { Claim, Source } from '../../../shared/model'

/** A document of paragraphs separated by blank lines, as the text importer makes it; "# " opens a heading. */
export function paragraphs(...parts: string[]) {
  const bare = parts.map((p) => p.replace(/^# /, ''))
  const text = bare.join('\n\n')
  let at = 0
  const blocks = bare.map((p, i) => {
    const b = { kind: parts[i].startsWith('# ') ? 'heading' : 'paragraph', start: at, end: at + p.length }
    at += p.length + 2
    return b
  })
  return { text, blocks }
}

export const source = (id: string, name: string, aliases: string[] = [], kind: Source['kind'] = 'person'): Source => ({
  id,
  name,
  aliases,
  kind,
  description: '',
  reliability: 'F',
  createdAt: '',
  updatedAt: ''
})

/** A claim of `quote` at `start` in a document, as the rules store one. */
export function claimAt(
  id: string,
  quote: string,
  start: number,
  {
    documentId = 'd1',
    sourceId = 's',
    tags = []
  }: { documentId?: string; sourceId?: string | null; tags?: string[] } = {}
): Claim {
  return {
    id,
    documentId,
    quote: { exact: quote, prefix: '', suffix: '' },
    position: { start, end: start + quote.length },
    sourceId,
    via: [],
    tags,
    note: '',
    status: 'unverified',
    credibility: '6',
    createdAt: '',
    updatedAt: ''
  }
}
