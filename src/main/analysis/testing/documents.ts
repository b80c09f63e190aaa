// Documents and sources for the analysis tests, built as the importers build them.
import type { Source } from '../../../shared/model'

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
