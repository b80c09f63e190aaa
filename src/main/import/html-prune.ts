// Saved news pages are mostly inline scripts, state JSON, styles and SVG icons, which never
// become text but cost jsdom most of its parsing time. Their contents are emptied before parsing.
// Only cases where a regular expression ends such an element exactly where the HTML parser does
// are touched; JSON-LD stays, because it carries the page's metadata.

const SCRIPT = /(<script\b[^>]*>)([\s\S]*?)(<\/script\s*>)/gi
const STYLE = /(<style\b[^>]*>)[\s\S]*?(<\/style\s*>)/gi
const SVG = /<svg\b[^>]*>(?:(?!<svg\b)[\s\S])*?<\/svg\s*>/gi

export function pruneInertContent(html: string): string {
  return html
    .replace(SCRIPT, (whole, open: string, body: string, close: string) =>
      // "<!--" inside a script switches the parser to escaped states where "</script>" may not end it.
      /ld\+json/i.test(open) || body.includes('<!--') ? whole : open + close
    )
    .replace(STYLE, '$1$2')
    .replace(SVG, '')
}

const BOILERPLATE = /<(nav|aside|footer|form)\b[^>]*>[\s\S]*?<\/\1\s*>/gi

/**
 * Removes site navigation, sidebars, footers and forms that lie wholly before the first <article>
 * (or <main>) or after the last one, before jsdom spends time building them: Readability would
 * leave them out. Anything between the first and last article is kept as it is, and a page
 * without an <article> or <main> is returned unchanged.
 */
export function pruneOutsideArticle(html: string): string {
  for (const tag of ['article', 'main']) {
    const open = html.search(new RegExp(`<${tag}\\b`, 'i'))
    const close = html.toLowerCase().lastIndexOf(`</${tag}`)
    if (open < 0 || close < open) continue
    return (
      html.slice(0, open).replace(BOILERPLATE, '') +
      html.slice(open, close) +
      html.slice(close).replace(BOILERPLATE, '')
    )
  }
  return html
}
