import type { BlockKind } from '../../shared/model'
import type { DocumentBuilder } from './builder'

// Elements whose content is never visible text.
const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'MATH',
  'IFRAME',
  'FRAME',
  'FRAMESET',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'AUDIO',
  'VIDEO',
  'HEAD',
  'TITLE',
  'META',
  'LINK',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'INPUT',
  'OPTION',
  'DATALIST',
  'IMG',
  'PICTURE',
  'SOURCE',
  'TRACK',
  'MAP',
  'AREA',
  'DIALOG'
])

// Elements that end the text before them and start a new block.
const BLOCKS = new Set([
  'HTML',
  'BODY',
  'MAIN',
  'ARTICLE',
  'SECTION',
  'DIV',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'NAV',
  'FIGURE',
  'TABLE',
  'THEAD',
  'TBODY',
  'TFOOT',
  'TR',
  'TD',
  'TH',
  'UL',
  'OL',
  'MENU',
  'DL',
  'DT',
  'DD',
  'DETAILS',
  'SUMMARY',
  'FORM',
  'FIELDSET',
  'LEGEND',
  'HR',
  'CENTER',
  'HGROUP',
  'ADDRESS',
  'P',
  'BLOCKQUOTE',
  'LI',
  'FIGCAPTION',
  'CAPTION',
  'PRE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6'
])

// A cell holding any of these is page layout, not data: its row is read as ordinary blocks.
const LAYOUT_IN_CELL = 'table, div, h1, h2, h3, h4, h5, h6, ul, ol, blockquote, section, article, pre, figure'
const CAPTION_CLASS = /(^|[-_])(fig)?caption([-_]text)?$/i
// Advertising slots: "ad", "ads", "ad-slot", "inline-ad", "advertisement".
const AD_CLASS = /^(ads?|advert\w*|ads?[-_]\w+|\w+[-_]ads?)$/i
const HIDDEN_STYLE = /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)/i

interface Context {
  /** What text here becomes. */
  kind: BlockKind
  /** Heading level for headings, nesting depth for list items. */
  level?: number
  listDepth: number
}

type Step = { node: Node; ctx: Context } | { exit: true }

/**
 * Reads the visible text of a (sanitised) DOM subtree into blocks: headings, paragraphs, quotes,
 * list items, table rows, captions, preformatted text. Links and other inline markup become their
 * text. Iterative, so a page nested tens of thousands of levels deep cannot overflow the stack.
 */
export function domToBlocks(root: Element, builder: DocumentBuilder): void {
  let buffer = ''
  let bufferCtx: Context = { kind: 'paragraph', listDepth: 0 }
  let prefix = ''

  const flush = (): void => {
    const pre = bufferCtx.kind === 'preformatted'
    const text = pre ? buffer : buffer.replace(/ {2,}/g, ' ')
    if (text.trim()) {
      builder.add(
        bufferCtx.kind,
        pre ? text : prefix + text,
        bufferCtx.level === undefined ? {} : { level: bufferCtx.level }
      )
      prefix = ''
    }
    buffer = ''
  }

  const stack: Step[] = []
  const pushChildren = (el: Element, ctx: Context): void => {
    for (let child = el.lastChild; child; child = child.previousSibling) stack.push({ node: child, ctx })
  }
  pushChildren(root, bufferCtx)
  while (stack.length) {
    const step = stack.pop()!
    if ('exit' in step) {
      flush()
      continue
    }
    const { node, ctx } = step
    if (node.nodeType === 3) {
      if (ctx !== bufferCtx && buffer.trim() === '') bufferCtx = ctx
      const value = node.nodeValue ?? ''
      buffer += ctx.kind === 'preformatted' ? value : value.replace(/[\s\u00a0]+/g, ' ')
      continue
    }
    if (node.nodeType !== 1) continue
    const el = node as Element
    const tag = el.tagName.toUpperCase()
    if (SKIP.has(tag) || isHidden(el)) continue
    if (tag === 'BR') {
      buffer += '\n'
      continue
    }
    const caption = tag === 'FIGCAPTION' || tag === 'CAPTION' || hasCaptionClass(el)
    if (!caption && !BLOCKS.has(tag)) {
      pushChildren(el, ctx)
      continue
    }
    flush()
    if (tag === 'TR' && ctx.kind !== 'preformatted' && !el.querySelector(LAYOUT_IN_CELL)) {
      bufferCtx = { kind: 'table-row', listDepth: ctx.listDepth }
      buffer = rowText(el)
      flush()
      continue
    }
    const inner = innerContext(tag, ctx, caption)
    bufferCtx = inner
    if (tag === 'LI' && inner.kind === 'list-item') prefix = listPrefix(el)
    stack.push({ exit: true })
    pushChildren(el, inner)
  }
  flush()
}

function innerContext(tag: string, ctx: Context, caption: boolean): Context {
  if (caption) return { kind: 'caption', listDepth: ctx.listDepth }
  if (ctx.kind === 'preformatted') return ctx
  switch (tag) {
    case 'BLOCKQUOTE':
      return { kind: 'quote', listDepth: ctx.listDepth }
    case 'UL':
    case 'OL':
    case 'MENU':
      return { ...ctx, listDepth: ctx.listDepth + 1 }
    case 'LI': {
      if (ctx.kind !== 'paragraph' && ctx.kind !== 'list-item') return ctx
      const depth = Math.max(1, ctx.listDepth)
      return { kind: 'list-item', level: depth, listDepth: depth }
    }
    case 'PRE':
      return { kind: 'preformatted', listDepth: ctx.listDepth }
    case 'H1':
    case 'H2':
    case 'H3':
    case 'H4':
    case 'H5':
    case 'H6':
      return ctx.kind === 'paragraph' ? { kind: 'heading', level: Number(tag[1]), listDepth: ctx.listDepth } : ctx
    case 'P':
    case 'DIV':
      return ctx.kind === 'heading' ? { kind: 'paragraph', listDepth: ctx.listDepth } : ctx
    default:
      return ctx
  }
}

/** "3. " for the third item of an ordered list (honouring start and value), "" otherwise. */
function listPrefix(li: Element): string {
  const list = li.parentElement
  if (!list || list.tagName.toUpperCase() !== 'OL') return ''
  const own = Number.parseInt(li.getAttribute('value') ?? '', 10)
  if (Number.isFinite(own)) return `${own}. `
  let n = Number.parseInt(list.getAttribute('start') ?? '', 10)
  if (!Number.isFinite(n)) n = 1
  for (let sibling = li.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
    if (sibling.tagName.toUpperCase() === 'LI') n++
  }
  return `${n}. `
}

/** A data row: its cells' texts joined by " | ". */
function rowText(tr: Element): string {
  const cells: string[] = []
  for (const cell of Array.from(tr.children)) {
    const tag = cell.tagName.toUpperCase()
    if ((tag !== 'TD' && tag !== 'TH') || isHidden(cell)) continue
    cells.push(
      visibleText(cell)
        .replace(/[\s\u00a0]+/g, ' ')
        .trim()
    )
  }
  while (cells.length && !cells[cells.length - 1]) cells.pop()
  return cells.some(Boolean) ? cells.join(' | ') : ''
}

function visibleText(el: Element): string {
  let text = ''
  const stack: Node[] = [el]
  while (stack.length) {
    const node = stack.pop()!
    if (node.nodeType === 3) text += node.nodeValue ?? ''
    else if (node.nodeType === 1) {
      const child = node as Element
      const tag = child.tagName.toUpperCase()
      if (child !== el && (SKIP.has(tag) || isHidden(child))) continue
      // Paragraphs and line breaks inside a cell are word boundaries.
      if (tag === 'BR' || BLOCKS.has(tag)) text += ' '
      for (let c = child.lastChild; c; c = c.previousSibling) stack.push(c)
    }
  }
  return text
}

export function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true
  const style = el.getAttribute('style')
  return style !== null && HIDDEN_STYLE.test(style)
}

const BOILERPLATE_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER', 'FORM', 'DIALOG'])
const BOILERPLATE_ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'search', 'dialog', 'alertdialog'])

/**
 * Removes what a reader cannot see (hidden elements, advertising slots) and, with `boilerplate`,
 * site navigation, sidebars, footers and forms outside any <article> or <main>: Readability would
 * drop those anyway, after scoring every node in them. One plain walk over the elements, because
 * selector queries and live collections cost far more on a large page.
 */
export function removeUnseen(root: Element, options: { boilerplate: boolean }): void {
  const doomed: Element[] = []
  let el: Element | null = root.firstElementChild
  let inContent: Element | null = null
  while (el) {
    const names = el.getAttribute('class')
    const tag = el.tagName.toUpperCase()
    const role = el.getAttribute('role')
    const unseen = isHidden(el) || (names !== null && names.split(/\s+/).some((name) => AD_CLASS.test(name)))
    const boilerplate =
      options.boilerplate && !inContent && (BOILERPLATE_TAGS.has(tag) || (role !== null && BOILERPLATE_ROLES.has(role)))
    if (unseen || boilerplate) doomed.push(el)
    else if (el.firstElementChild) {
      if (!inContent && (tag === 'ARTICLE' || tag === 'MAIN' || role === 'main' || role === 'article')) inContent = el
      el = el.firstElementChild
      continue
    }
    while (el && el !== root && !el.nextElementSibling) {
      el = el.parentElement
      if (el === inContent) inContent = null
    }
    el = el && el !== root ? el.nextElementSibling : null
  }
  for (const gone of doomed) gone.remove()
}

function hasCaptionClass(el: Element): boolean {
  const names = el.getAttribute('class')
  if (!names) return false
  return names.split(/\s+/).some((name) => CAPTION_CLASS.test(name))
}
