import type { Nodes, Paragraph, Parents, PhrasingContent, Root } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import type { BlockKind, DocumentMeta } from '../../shared/model'
import { DocumentBuilder, titleFrom } from './builder'
import { decodeText } from './decode'
import { fileError } from './fail'
import { IMPORT_LIMITS, importLimits } from './limits'
import { containerDepth, markdownChunks } from './markdown-chunks'
import { httpUrl, isoDate, languageTag } from './meta-values'
import { emptyMeta, plainTextDocument } from './text'
import type { ReadOptions, ImportedDocument } from './types'

export function importMarkdown(fileName: string, bytes: Uint8Array, options: ReadOptions = {}): ImportedDocument {
  const decoded = decodeText(fileName, bytes, { forced: options.encoding })
  const doc = markdownDocument(fileName, decoded.text, importLimits(options.limits).markdownDepth)
  return { ...doc, encoding: decoded.encoding, notices: [...decoded.notices, ...doc.notices] }
}

export function markdownDocument(
  fileName: string,
  source: string,
  maxDepth = IMPORT_LIMITS.markdownDepth
): ImportedDocument {
  const { body, fields } = splitFrontMatter(source.replace(/\r\n?/g, '\n'))
  // micromark's time grows with the nesting around every line: 1,000 levels took minutes.
  const flat = containerDepth(body) > maxDepth
  const { text, blocks, firstHeading } = flat ? plainBlocks(fileName, body) : markdownBlocks(fileName, body)
  const title = titleFrom(fields.title || firstHeading || text.slice(blocks[0].start, blocks[0].end).split('\n')[0])
  const meta: DocumentMeta = {
    ...emptyMeta(title),
    outlet: fields.outlet ?? '',
    author: fields.author ?? '',
    url: fields.url ?? '',
    published: fields.published ?? ''
  }
  const language = languageTag(fields.language)
  if (language) meta.language = language
  const suggestedSources: ImportedDocument['suggestedSources'] = []
  if (meta.outlet) suggestedSources.push({ name: meta.outlet, kind: 'outlet' })
  if (meta.author) suggestedSources.push({ name: meta.author, kind: 'person' })
  const notices = flat
    ? [
        `The Markdown nests lists or quotes more than ${maxDepth} levels deep, too deep to read as Markdown: its text was kept as plain text.`
      ]
    : []
  return { meta, text, blocks, format: 'md', notices, suggestedSources }
}

interface Blocks {
  text: string
  blocks: ImportedDocument['blocks']
  firstHeading: string
}

function markdownBlocks(fileName: string, body: string): Blocks {
  const builder = new DocumentBuilder()
  let firstHeading = ''
  for (const chunk of markdownChunks(body)) {
    let tree: Root
    try {
      tree = fromMarkdown(chunk)
    } catch (err) {
      if (err instanceof RangeError) throw fileError(fileName, 'the Markdown is nested too deeply to read')
      throw err
    }
    walk(tree, chunk, (kind, text, level) => {
      const block = builder.add(kind, text, level === undefined ? {} : { level })
      if (block && kind === 'heading' && !firstHeading) firstHeading = text
    })
  }
  if (builder.isEmpty) throw fileError(fileName, 'the file contains no text')
  return { ...builder.build(), firstHeading }
}

function plainBlocks(fileName: string, body: string): Blocks {
  const doc = plainTextDocument(body)
  if (!doc) throw fileError(fileName, 'the file contains no text')
  return { text: doc.text, blocks: doc.blocks, firstHeading: '' }
}

type Emit = (kind: BlockKind, text: string, level?: number) => void

interface Context {
  /** Kind that paragraphs take here: paragraph, quote or list-item. */
  kind: BlockKind
  listLevel: number
  /** "3. " for the first paragraph of an ordered list item. */
  prefix: string
}

/** Walks the tree with an explicit stack so deeply nested input cannot overflow the call stack. */
function walk(tree: Root, source: string, emit: Emit): void {
  const stack: { node: Nodes; ctx: Context }[] = []
  const pushChildren = (parent: Parents, ctx: (child: Nodes, index: number) => Context): void => {
    for (let i = parent.children.length - 1; i >= 0; i--)
      stack.push({ node: parent.children[i], ctx: ctx(parent.children[i], i) })
  }
  pushChildren(tree, () => ({ kind: 'paragraph', listLevel: 0, prefix: '' }))
  while (stack.length) {
    const { node, ctx } = stack.pop()!
    const level = ctx.kind === 'list-item' ? ctx.listLevel : undefined
    switch (node.type) {
      case 'heading':
        if (ctx.kind === 'paragraph') emit('heading', inlineText(node), node.depth)
        else emit(ctx.kind, ctx.prefix + inlineText(node), level)
        break
      case 'paragraph': {
        const rows = tableRows(node, source)
        if (rows) for (const row of rows) emit('table-row', row)
        else emit(ctx.kind, ctx.prefix + inlineText(node), level)
        break
      }
      case 'code':
        emit('preformatted', node.value)
        break
      case 'html':
        emit(ctx.kind, htmlToText(node.value), level)
        break
      case 'blockquote':
        pushChildren(node, () => ({ ...ctx, kind: 'quote', prefix: '' }))
        break
      case 'list': {
        const start = node.start ?? 1
        pushChildren(node, (_, i) => ({
          kind: 'list-item',
          listLevel: ctx.listLevel + 1,
          prefix: node.ordered ? `${start + i}. ` : ''
        }))
        break
      }
      case 'listItem':
        pushChildren(node, (_, i) => ({ ...ctx, prefix: i === 0 ? ctx.prefix : '' }))
        break
      default:
        // thematicBreak, definition: nothing to read
        break
    }
  }
}

/** The words of inline content: markup dropped, links as their text, hard breaks as newlines. */
function inlineText(node: Parents): string {
  let out = ''
  const stack: PhrasingContent[] = [...(node.children as PhrasingContent[])].reverse()
  while (stack.length) {
    const child = stack.pop()!
    switch (child.type) {
      case 'text':
        out += child.value.replace(/\s*\n\s*/g, ' ')
        break
      case 'inlineCode':
        out += child.value
        break
      case 'break':
        out += '\n'
        break
      case 'html':
        if (/^<br\s*\/?>$/i.test(child.value)) out += '\n'
        break
      case 'image':
      case 'imageReference':
        break
      default:
        if ('children' in child)
          for (let i = child.children.length - 1; i >= 0; i--) stack.push(child.children[i] as PhrasingContent)
    }
  }
  return out
}

/** Raw HTML in Markdown: its text only, without script or style bodies. */
function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style|template)\b[\s\S]*?(<\/\1\s*>|$)/gi, ' ')
      .replace(/<!--[\s\S]*?(-->|$)/g, ' ')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<[^>]*>?/g, ' ')
  ).replace(/[ \t]+/g, ' ')
}

function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return named[ref.toLowerCase()] ?? whole
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
  })
}

const TABLE_DELIMITER = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/

/** CommonMark has no tables; a paragraph in GitHub's pipe-table form is read as rows. */
function tableRows(node: Paragraph, source: string): string[] | null {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return null
  const lines = source.slice(start, end).split('\n')
  if (lines.length < 2 || !lines[0].includes('|') || !TABLE_DELIMITER.test(lines[1]) || !lines[1].includes('-'))
    return null
  return [lines[0], ...lines.slice(2)].map((line) =>
    line
      .trim()
      .replace(/^\|/, '')
      .replace(/(?<!\\)\|$/, '')
      .split(/(?<!\\)\|/)
      .map((cell) => stripInlineMarkup(cell.trim()))
      .join(' | ')
  )
}

function stripInlineMarkup(cell: string): string {
  return decodeEntities(
    cell
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/(\*\*|__|\*|_|~~|`)(.+?)\1/g, '$2')
      .replace(/\\([\\|*_`[\]()#+\-.!])/g, '$1')
  )
}

interface FrontMatter {
  title?: string
  author?: string
  outlet?: string
  url?: string
  published?: string
  language?: string
}

const FIELD_NAMES: Record<string, keyof FrontMatter> = {
  title: 'title',
  author: 'author',
  byline: 'author',
  authors: 'author',
  outlet: 'outlet',
  publisher: 'outlet',
  site: 'outlet',
  source: 'outlet',
  url: 'url',
  link: 'url',
  canonical: 'url',
  date: 'published',
  published: 'published',
  lang: 'language',
  language: 'language'
}

/** A YAML front-matter block (as written by note-taking tools): simple "key: value" lines. */
function splitFrontMatter(source: string): { body: string; fields: FrontMatter } {
  const match = /^\ufeff?---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(source)
  if (!match) return { body: source, fields: {} }
  const fields: FrontMatter = {}
  for (const line of match[1].split('\n')) {
    const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line)
    if (!kv) continue
    const key = FIELD_NAMES[kv[1].toLowerCase()]
    const value = kv[2]
      .trim()
      .replace(/^(["'])(.*)\1$/, '$2')
      .replace(/^\[(.*)\]$/, '$1')
      .trim()
    if (key && value && !fields[key]) fields[key] = value.slice(0, 500)
  }
  if (fields.published !== undefined) fields.published = isoDate(fields.published)
  if (fields.url !== undefined) fields.url = httpUrl(fields.url)
  return { body: source.slice(match[0].length), fields }
}
