// Normalising metadata values found in files to what the case model accepts.

const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/

/** "YYYY-MM-DD" or an ISO date-time, or '' when the value is not a recognisable date. */
export function isoDate(value: string | null | undefined): string {
  const text = (value ?? '').trim()
  if (!text) return ''
  if (ISO_DATE.test(text)) return text
  const time = Date.parse(text)
  if (Number.isNaN(time)) return ''
  const year = new Date(time).getUTCFullYear()
  return year >= 1000 && year <= 9999 ? new Date(time).toISOString() : ''
}

/** An absolute http(s) URL, or '' (javascript:, data: and relative URLs are dropped). */
export function httpUrl(value: string | null | undefined, base?: string): string {
  const text = (value ?? '').trim()
  if (!text) return ''
  try {
    const url = new URL(text, base)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href.slice(0, 2048) : ''
  } catch {
    return ''
  }
}

/** A BCP 47-looking language tag ("en", "pt-BR"), or ''. */
export function languageTag(value: string | null | undefined): string {
  const text = (value ?? '').trim().replace(/_/g, '-')
  return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(text) ? text.slice(0, 35) : ''
}

/** One line of metadata text, bounded like the model's short fields. */
export function metaText(value: string | null | undefined, max = 300): string {
  return (
    (value ?? '')
      // A name, not markup: a tag in a meta value is a broken or hostile page's, never part of the name.
      .replace(/<[^>]*>/g, ' ')
      .replace(/[\s\u00a0]+/g, ' ')
      .trim()
      .slice(0, max)
  )
}
