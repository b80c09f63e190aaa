import { Readability, isProbablyReaderable } from '@mozilla/readability'
import createDOMPurify from 'dompurify'
import { JSDOM, VirtualConsole } from 'jsdom'
import type { DocumentFormat, DocumentMeta } from '../../shared/model'
import { DocumentBuilder, collapseWhitespace, titleFrom } from './builder'
import { decodeText } from './decode'
import { formatMegabytes } from '../../shared/importable'
import { fileError } from './fail'
import { domToBlocks, removeUnseen } from './html-blocks'
import { flatText, nestingDepth } from './html-flat'
import { pruneInertContent, pruneOutsideArticle } from './html-prune'
import { cleanByline, pageMetadata, suggestSources } from './html-meta'
import { isoDate, languageTag, metaText } from './meta-values'
import { IMPORT_LIMITS, importLimits, type ImportLimits } from './limits'
import type { ReadOptions, ImportedDocument } from './types'

const NOT_AN_ARTICLE = "Not recognised as an article: all of the page's visible text was kept."

export async function importHtml(
  fileName: string,
  bytes: Uint8Array,
  options: ReadOptions = {}
): Promise<ImportedDocument> {
  const limits = importLimits(options.limits)
  if (bytes.length > limits.htmlBytes) {
    throw fileError(
      fileName,
      `the web page is too large to read (${formatMegabytes(bytes.length)}; the limit is ${formatMegabytes(limits.htmlBytes)})`
    )
  }
  const decoded = decodeText(fileName, bytes, { forced: options.encoding, declared: declaredCharset(bytes) })
  const doc = htmlDocument(fileName, decoded.text, { article: true, limits })
  await windowsReleased()
  return { ...doc, encoding: decoded.encoding, notices: [...decoded.notices, ...doc.notices] }
}

/**
 * jsdom frees a closed window's memory only once the event loop turns. Importers await this so a
 * batch of imports in one loop does not pile up hundreds of megabytes of dead pages.
 */
export function windowsReleased(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

export interface HtmlDocumentOptions {
  /** Extract the article with Readability (web pages); false reads the whole body (Word files). */
  article: boolean
  format?: DocumentFormat
  limits?: ImportLimits
}

/**
 * Text and blocks from HTML. jsdom parses without running scripts or loading any resource (no
 * `runScripts`, no `resources`), Readability finds the article, DOMPurify strips active content,
 * and only text leaves this function: never markup.
 */
export function htmlDocument(fileName: string, html: string, options: HtmlDocumentOptions): ImportedDocument {
  const maxDepth = (options.limits ?? IMPORT_LIMITS).htmlDepth
  if (nestingDepth(html) > maxDepth) return flatDocument(fileName, html, options, maxDepth)
  html = pruneInertContent(html)
  const trimmed = options.article ? pruneOutsideArticle(html) : html
  const doms = [parse(trimmed)]
  try {
    const document = doms[0].window.document
    const meta = pageMetadata(document)
    const readerable = options.article && isProbablyReaderable(document)
    removeUnseen(document.documentElement, { boilerplate: readerable })
    const notices: string[] = []
    let content: Element = document.body ?? document.documentElement
    if (options.article) {
      const article = readerable ? readArticle(doms[0], meta) : null
      if (article) content = article
      else {
        notices.push(NOT_AN_ARTICLE)
        // Readability takes the page apart even when it finds nothing, and the page may have been
        // parsed without its navigation and footers: read all of it again.
        if (readerable || trimmed !== html) {
          const fresh = parse(html)
          doms.push(fresh)
          content = fresh.window.document.body ?? fresh.window.document.documentElement
          removeUnseen(content, { boilerplate: false })
        }
      }
    }

    const purify = createDOMPurify(content.ownerDocument.defaultView as unknown as Window & typeof globalThis)
    const clean = purify.sanitize(content, {
      RETURN_DOM: true,
      USE_PROFILES: { html: true },
      FORBID_TAGS: ['style', 'form', 'input', 'button', 'select', 'textarea', 'img', 'picture', 'video', 'audio'],
      ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#)/i
    }) as HTMLElement

    const builder = new DocumentBuilder()
    domToBlocks(clean, builder)
    if (builder.isEmpty) throw fileError(fileName, 'the page has no visible text')
    const built = options.article ? withTitleHeading(builder.build(), meta.title) : builder.build()
    if (!meta.title) meta.title = titleFrom(built.text.split('\n')[0])
    return {
      meta,
      ...built,
      format: options.format ?? 'html',
      notices,
      suggestedSources: options.article ? suggestSources(meta) : []
    }
  } catch (err) {
    if (err instanceof RangeError) throw fileError(fileName, 'the page is nested too deeply to read')
    throw err
  } finally {
    for (const dom of doms) dom.window.close()
  }
}

/** A page too deeply nested for a DOM: its text, one paragraph per block element, and a notice. */
function flatDocument(
  fileName: string,
  html: string,
  options: HtmlDocumentOptions,
  maxDepth: number
): ImportedDocument {
  const dom = parse('')
  try {
    const decoder = dom.window.document.createElement('textarea')
    const decode = (text: string): string => {
      decoder.innerHTML = text
      return decoder.value
    }
    const builder = new DocumentBuilder()
    for (const paragraph of flatText(html, decode)) builder.add('paragraph', paragraph)
    if (builder.isEmpty) throw fileError(fileName, 'the page has no visible text')
    const built = builder.build()
    const titleTag = /<title\b[^>]*>([\s\S]*?)<\/title/i.exec(html)
    const title = titleFrom(titleTag ? decode(titleTag[1]) : '') || titleFrom(built.text.split('\n')[0])
    return {
      meta: { title, outlet: '', author: '', url: '', published: '' },
      ...built,
      format: options.format ?? 'html',
      notices: [
        `The page is nested more than ${maxDepth} levels deep, too deep to lay out: its text was kept without structure.`
      ],
      suggestedSources: []
    }
  } finally {
    dom.window.close()
  }
}

function parse(html: string): JSDOM {
  // A silent console: jsdom reports CSS it cannot parse, which is noise here.
  return new JSDOM(html, { contentType: 'text/html', virtualConsole: new VirtualConsole() })
}

/** Readability's article (null when the page is not one); fills in what it learnt about the page. */
function readArticle(dom: JSDOM, meta: DocumentMeta): Element | null {
  const article = new Readability<Node>(dom.window.document, {
    keepClasses: true,
    serializer: (node) => node
  }).parse()
  const content = article?.content as Element | null | undefined
  if (!article || !content || collapseWhitespace(content.textContent ?? '').trim().length < 80) return null
  if (article.title) meta.title = titleFrom(article.title)
  if (!meta.author && article.byline) meta.author = cleanByline(article.byline)
  if (!meta.outlet && article.siteName) meta.outlet = metaText(article.siteName)
  if (!meta.published) meta.published = isoDate(article.publishedTime)
  if (!meta.language && languageTag(article.lang)) meta.language = languageTag(article.lang)
  return content
}

/** Starts the text with the title as a level-1 heading (Readability turns the page's h1 into h2 or drops it). */
function withTitleHeading(built: { text: string; blocks: ImportedDocument['blocks'] }, title: string): typeof built {
  if (!title) return built
  const normal = (s: string): string => collapseWhitespace(s).trim().toLowerCase()
  const first = built.blocks[0]
  const repeatsTitle = first.kind === 'heading' && normal(built.text.slice(first.start, first.end)) === normal(title)
  if (repeatsTitle && first.level === 1) return built
  const builder = new DocumentBuilder()
  builder.add('heading', title, { level: 1 })
  for (const block of repeatsTitle ? built.blocks.slice(1) : built.blocks) {
    const { kind, level, page } = block
    builder.add(kind, built.text.slice(block.start, block.end), { level, page })
  }
  return builder.build()
}

/** The charset a page declares in its first bytes (<meta charset> or http-equiv), per the HTML prescan. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096))
  const match =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<meta[^>]+content\s*=\s*["'][^"']*charset\s*=\s*([\w.:-]+)/i.exec(head)
  if (!match) return undefined
  // A page saved as UTF-16 cannot declare that in ASCII; the spec reads such a label as UTF-8.
  return /^utf-?16/i.test(match[1]) ? 'utf-8' : match[1]
}
