import type { DocumentMeta } from '../../shared/model'
import { titleFrom } from './builder'
import { httpUrl, isoDate, languageTag, metaText } from './meta-values'
import type { SuggestedSource } from './types'

/** What a page says about itself in meta tags, JSON-LD and its <html> element. */
export function pageMetadata(document: Document): DocumentMeta {
  // One pass over <meta> elements: selector queries over a large page cost far more.
  const metas = new Map<string, string>()
  // querySelectorAll, not getElementsByTagName: iterating jsdom's live collections is quadratic.
  for (const el of Array.from(document.querySelectorAll('meta'))) {
    const content = el.getAttribute('content')?.trim()
    if (!content) continue
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase()
      if (key && !metas.has(key)) metas.set(key, content)
    }
  }
  const metaContent = (...keys: string[]): string => {
    for (const key of keys) {
      const value = metas.get(key.toLowerCase())
      if (value) return value
    }
    return ''
  }
  const ld = jsonLdArticle(document)
  const canonical = document.querySelector('link[rel~="canonical" i]')?.getAttribute('href')
  const author = cleanByline(
    ld.author ||
      notUrl(metaContent('author', 'article:author', 'parsely-author', 'dc.creator', 'byl')) ||
      relAuthor(document)
  )
  const meta: DocumentMeta = {
    title: titleFrom(metaContent('og:title', 'twitter:title', 'dc.title') || ld.headline || document.title || ''),
    outlet: metaText(metaContent('og:site_name', 'application-name') || ld.publisher),
    author,
    url: httpUrl(canonical) || httpUrl(metaContent('og:url')) || httpUrl(ld.url),
    published: isoDate(
      metaContent(
        'article:published_time',
        'datePublished',
        'parsely-pub-date',
        'pubdate',
        'publishdate',
        'date',
        'dc.date',
        'dcterms.created'
      ) ||
        ld.datePublished ||
        document.querySelector('time[datetime]')?.getAttribute('datetime')
    )
  }
  const language =
    languageTag(document.documentElement.getAttribute('lang')) ||
    languageTag(document.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content')) ||
    languageTag(metaContent('og:locale'))
  if (language) meta.language = language
  return meta
}

interface LdArticle {
  headline: string
  author: string
  publisher: string
  datePublished: string
  url: string
}

const ARTICLE_TYPES =
  /^(Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BlogPosting|Report|WebPage|LiveBlogPosting|ScholarlyArticle)$/

/** The first schema.org article in the page's JSON-LD scripts (read as data, never run). */
function jsonLdArticle(document: Document): LdArticle {
  const found: LdArticle = { headline: '', author: '', publisher: '', datePublished: '', url: '' }
  for (const script of Array.from(document.querySelectorAll('script'))) {
    if (!/ld\+json/i.test(script.getAttribute('type') ?? '')) continue
    let data: unknown
    try {
      data = JSON.parse(script.textContent ?? '')
    } catch {
      continue
    }
    const queue: unknown[] = [data]
    for (let i = 0; i < queue.length && i < 200; i++) {
      const item = queue[i]
      if (Array.isArray(item)) queue.push(...item)
      else if (item && typeof item === 'object') {
        const record = item as Record<string, unknown>
        if (Array.isArray(record['@graph'])) queue.push(...record['@graph'])
        const types = ([] as unknown[]).concat(record['@type'])
        if (!types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))) continue
        found.headline ||= str(record.headline) || str(record.name)
        found.author ||= names(record.author).join(', ')
        found.publisher ||= names(record.publisher)[0] ?? ''
        found.datePublished ||= str(record.datePublished) || str(record.dateCreated)
        found.url ||= str(record.url)
        if (found.headline && found.author) return found
      }
    }
  }
  return found
}

function str(value: unknown): string {
  return typeof value === 'string' ? value.trim() : ''
}

function names(value: unknown): string[] {
  return ([] as unknown[])
    .concat(value ?? [])
    .map((v) =>
      typeof v === 'string' ? v : v && typeof v === 'object' ? str((v as Record<string, unknown>).name) : ''
    )
    .map((v) => v.trim())
    .filter(Boolean)
}

function notUrl(value: string): string {
  return /^https?:\/\//i.test(value) ? '' : value
}

function relAuthor(document: Document): string {
  return (
    document.querySelector('a[rel~="author" i], [itemprop="author"] [itemprop="name"], [itemprop="author"]')
      ?.textContent ?? ''
  )
}

/** "By Jane Roe | Nov 23" -> "Jane Roe". */
export function cleanByline(byline: string): string {
  const text = metaText(byline)
    .replace(/^(by|von|par|por|di|door|av|от|автор|بقلم|מאת)\s*:?\s+/i, '')
    .split(/\s+[|•·]\s+|\s+[-–—]\s+(?=\S*\d)/)[0]
    .trim()
  return text.slice(0, 200)
}

/** The page's outlet, and each named person in its byline. */
export function suggestSources(meta: DocumentMeta): SuggestedSource[] {
  const sources: SuggestedSource[] = []
  const seen = new Set<string>()
  const add = (name: string, kind: SuggestedSource['kind']): void => {
    const key = name.toLowerCase()
    if (name && !seen.has(key)) {
      seen.add(key)
      sources.push({ name, kind })
    }
  }
  if (meta.outlet) add(meta.outlet, 'outlet')
  for (const part of meta.author.split(/\s*(?:,|;|&|\band\b)\s*/i)) {
    const name = part.trim()
    const words = name.split(/\s+/).length
    if (name.length >= 3 && words <= 5 && !/\d|@|https?:/.test(name)) add(name, 'person')
  }
  return sources
}
