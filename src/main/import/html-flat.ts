// jsdom takes time proportional to depth for every node it inserts, so a page nested thousands of
// levels deep would take hours to parse. Such pages are measured first and, past a limit
// (IMPORT_LIMITS.htmlDepth), read as flat text without any DOM.

const RAW_TEXT =
  /<(script|style|template|noscript|textarea|title|xmp|iframe|noembed|noframes|svg|math|object)\b[^>]*>[\s\S]*?<\/\1\s*>/gi
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g
// Elements that never contain others, and ones whose end the parser implies when a sibling starts.
const FLAT = new Set(
  (
    'area base br col embed hr img input link meta source track wbr param keygen basefont bgsound frame ' +
    'p li dt dd option optgroup tr td th thead tbody tfoot colgroup caption rb rt rp rtc html head body'
  ).split(' ')
)

/** The deepest element nesting the markup asks for (an estimate that errs on the deep side). */
export function nestingDepth(html: string): number {
  const markup = html.replace(COMMENT, ' ').replace(RAW_TEXT, ' ')
  let depth = 0
  let max = 0
  for (const match of markup.matchAll(TAG)) {
    const name = match[2].toLowerCase()
    if (FLAT.has(name)) continue
    if (match[1]) depth = Math.max(0, depth - 1)
    else if (!match[3]) max = Math.max(max, ++depth)
  }
  return max
}

const BLOCK_TAG =
  /<\/?(p|div|h[1-6]|li|tr|blockquote|section|article|table|ul|ol|pre|figure|figcaption|header|footer|main|aside|nav|dd|dt|hr|caption|address|center)\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi

/** Visible text of markup without building a DOM: one paragraph per block element. */
export function flatText(html: string, decodeEntities: (text: string) => string): string[] {
  const text = html
    .replace(COMMENT, ' ')
    .replace(/<head\b[\s\S]*?<\/head\s*>/i, ' ')
    .replace(RAW_TEXT, ' ')
    .replace(/<br\b[^>]*>/gi, '\n')
    .replace(BLOCK_TAG, '\n\n')
    .replace(/<[^>]*>?/g, ' ')
  return decodeEntities(text)
    .split(/\n[ \t\u00a0]*\n\s*/)
    .map((para) =>
      para
        .replace(/[ \t\u00a0\r\f]+/g, ' ')
        .replace(/ ?\n ?/g, '\n')
        .trim()
    )
    .filter(Boolean)
}
