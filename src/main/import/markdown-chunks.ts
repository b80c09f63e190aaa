// micromark spends time per block in proportion to the size of the whole document, and far more
// on pathological inline markup. These helpers split a long document into independent runs of
// top-level blocks and defuse input no author writes, so parsing stays roughly linear.

const CHUNK_CHARS = 4 * 1024
const MAX_CONTAINER_DEPTH = 64
const MAX_DELIMITERS_PER_BLOCK = 1000
const CONTAINER = String.raw`[ \t]*(?:>|[-+*][ \t]|\d{1,9}[.)][ \t])`
const TOO_DEEP = new RegExp(`^(?:${CONTAINER}){${MAX_CONTAINER_DEPTH + 1}}`, 'm')
const DEEP_PREFIX = new RegExp(`^((?:${CONTAINER}){${MAX_CONTAINER_DEPTH}})(?:${CONTAINER})+`, 'gm')
const FENCE = /^ {0,3}(`{3,}|~{3,})/
const DEFINITION = /^ {0,3}\[[^\]]+\]:[ \t]*\S.*$/gm

/** Splits Markdown at blank lines before unindented lines, outside fenced code and HTML comments. */
export function markdownChunks(source: string): string[] {
  const lines = defuse(source).split('\n')
  const definitions = [...new Set(source.match(DEFINITION) ?? [])].slice(0, 500).map((line) => ({
    line,
    label: line.slice(line.indexOf('['), line.indexOf(']') + 1).toLowerCase()
  }))
  const chunks: string[] = []
  let start = 0
  let size = 0
  let fence = ''
  let inComment = false
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    size += line.length + 1
    if (fence) {
      if (line.trim().startsWith(fence) && line.trim().replace(/[`~]/g, '') === '') fence = ''
    } else if (inComment) {
      if (line.includes('-->')) inComment = false
    } else {
      const open = FENCE.exec(line)
      if (open) fence = open[1]
      else if (line.includes('<!--') && !line.slice(line.lastIndexOf('<!--')).includes('-->')) inComment = true
    }
    const next = lines[i + 1]
    const boundary = line.trim() === '' && next !== undefined && /^[^\s]/.test(next) && !fence && !inComment
    if (boundary && size >= CHUNK_CHARS) {
      chunks.push(lines.slice(start, i + 1).join('\n'))
      start = i + 1
      size = 0
    }
  }
  chunks.push(lines.slice(start).join('\n'))
  if (chunks.length === 1 || definitions.length === 0) return chunks
  // Reference links must resolve in every chunk, not only the one holding their definition.
  return chunks.map((chunk) => {
    const lower = chunk.toLowerCase()
    const used = definitions.filter((d) => lower.includes(d.label)).map((d) => d.line)
    return used.length ? chunk + '\n\n' + used.join('\n') + '\n' : chunk
  })
}

/** Bounds container nesting per line and escapes floods of emphasis/link delimiters. */
function defuse(source: string): string {
  const blocks = source.split(/(\n[ \t]*\n)/)
  let fenced = false
  for (let i = 0; i < blocks.length; i += 2) {
    const block = blocks[i]
    const fences = block.match(/^ {0,3}(`{3,}|~{3,})/gm)?.length ?? 0
    if (!fenced) blocks[i] = defuseBlock(block)
    if (fences % 2 === 1) fenced = !fenced
  }
  return blocks.join('')
}

function defuseBlock(block: string): string {
  let out = block
  if (TOO_DEEP.test(out)) out = out.replace(DEEP_PREFIX, '$1')
  let delimiters = 0
  for (let i = 0; i < out.length && delimiters <= MAX_DELIMITERS_PER_BLOCK; i++) {
    const c = out.charCodeAt(i)
    if (c === 42 || c === 95 || c === 91 || c === 93 || c === 96) delimiters++ // * _ [ ] `
  }
  if (delimiters > MAX_DELIMITERS_PER_BLOCK) out = out.replace(/(?<!\\)([*_[\]`])/g, '\\$1')
  return out
}
