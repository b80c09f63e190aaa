// Briefing -> CommonMark. Every piece of analyst or document text goes through `inline`/`block`, which
// backslash-escape whatever CommonMark would otherwise read as markup, so a quote such as
// "*not* <b>bold</b>" comes back from any CommonMark parser as the same literal text. Quotes stay
// exact in their blockquotes (the `>` is the quotation mark); citations are "[n]" marks, numbered
// notes and a "Documents cited" annex, as in every format.
import {
  COMPARISON_SECTIONS,
  noteRanges,
  type BriefingView,
  type CitationView,
  type CitedDocumentView,
  type ClaimView,
  type ComparisonView
} from '../../shared/briefing/view'

/** Escapes one line of text for use inside a paragraph, heading or list item. */
function escapeLine(line: string): string {
  let s = line
    // eslint-disable-next-line no-control-regex -- NUL is what CommonMark asks us to replace
    .replace(/\u0000/g, '\uFFFD')
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/^[ \t]+|[ \t]+$/g, '')
  // Characters that only mean something at the start of a line: headings, lists, setext underlines.
  s = s.replace(/^([#+\-=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2')
  return s
}

/** Text on one line (newlines become spaces). */
export function inline(text: string): string {
  return escapeLine(text.replace(/\s*[\r\n]+\s*/g, ' '))
}

/**
 * Text that may hold paragraphs (blank lines) and line breaks, as Markdown lines; `indent` is put
 * before every line after the first (list item continuation).
 */
export function block(text: string, indent = ''): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((p) =>
      p
        .split('\n')
        .map(escapeLine)
        .filter((l) => l !== '')
        .join(`\\\n${indent}`)
    )
    .filter((p) => p !== '')
  return paragraphs.join(`\n\n${indent}`)
}

/** Heading text: also keeps a trailing " #" from being read as the heading's closing sequence. */
function heading(level: number, text: string): string {
  return `${'#'.repeat(level)} ${inline(text).replace(/(\s)(#+)$/, '$1\\$2')}`
}

function blockquote(text: string): string {
  return block(text)
    .split('\n')
    .map((l) => (l === '' ? '>' : `> ${l}`))
    .join('\n')
}

/** Note marks, each in its own brackets: "[4][5]". */
function cite(numbers: number[]): string {
  return numbers.map((n) => `\\[${n}\\]`).join('')
}

function claimBlock(c: ClaimView): string {
  const items = [
    `- Grade: **${inline(c.grade)}** (${inline(c.gradeLabel)})`,
    `- Status: ${inline(c.statusLabel)}`,
    `- Attribution: ${inline(c.chain)}`
  ]
  if (c.unreviewed) items.push(`- **Caution:** ${inline(c.unreviewed)}`)
  if (c.note.trim()) items.push(`- Note: ${block(c.note, '  ')}`)
  if (c.tags.length > 0) items.push(`- Tags: ${c.tags.map(inline).join(', ')}`)
  items.push(`- Citation: ${cite([c.citation.number])} ${inline(c.citation.note)}`)
  return `${blockquote(c.quote)}\n\n${items.join('\n')}`
}

/**
 * A comparison's claims one after another, each with the same facts line (source, grade, status, date):
 * CommonMark has no tables, and a blockquote keeps each quote exact.
 */
function comparisonBlock(c: ComparisonView, n: number): string {
  const side = (x: ClaimView): string => {
    const date = x.citation.published ? `, ${inline(x.citation.published)}` : ''
    const caution = x.unreviewed ? `\n\n**Caution:** ${inline(x.unreviewed)}` : ''
    return `${blockquote(x.quote)}\n\n${inline(x.chain)}: **${inline(x.grade)}**, ${inline(x.statusLabel)}${date} ${cite([x.citation.number])}${caution}`
  }
  const parts = [heading(3, `${n}. ${c.title}`)]
  if (c.explanation.trim()) parts.push(block(c.explanation))
  if (c.note.trim()) parts.push(block(c.note))
  parts.push(...c.claims.map(side))
  return parts.join('\n\n')
}

function citationItem(c: CitationView): string {
  return `${c.number}. ${inline(c.note)}`
}

function documentItem(d: CitedDocumentView): string {
  const lines = [`**${inline(d.label)}** ${inline(d.text)}.`]
  if (d.linkUrl) lines.push(`<${d.linkUrl}>`)
  else if (d.url) lines.push(`URL: ${inline(d.url)}`)
  lines.push(`Captured ${inline(d.capturedAtText)}${d.fileName ? ` from ${inline(d.fileName)}` : ''}`)
  if (d.sha256) lines.push(`SHA-256 ${inline(d.sha256)}`)
  lines.push(`Cited in ${d.notes.length === 1 ? 'note' : 'notes'} ${noteRanges(d.notes)}.`)
  return `- ${lines.join('\\\n  ')}`
}

export function renderMarkdown(view: BriefingView): string {
  const { header } = view
  const out: string[] = [heading(1, header.title)]
  if (header.handling.trim()) out.push(`**${inline(header.handling.trim())}**`)
  const meta = [`Date: ${inline(header.dateText)}`]
  if (header.author.trim()) meta.push(`Author: ${inline(header.author)}`)
  meta.push(`Generated: ${inline(header.generatedAtText)}`)
  out.push(meta.join(' · '))

  if (view.bottomLine.trim()) out.push('## Bottom line', block(view.bottomLine))

  if (view.judgments.length > 0) {
    out.push('## Key judgments')
    out.push(
      view.judgments
        .map((j, i) => {
          const marker = `${i + 1}.`
          const indent = ' '.repeat(marker.length + 1)
          const refs = j.citations.length > 0 ? ` ${cite(j.citations)}` : ''
          return `${marker} **${inline(j.confidenceLabel)}.** ${block(j.text, indent)}${refs}`
        })
        .join('\n')
    )
  }

  out.push(`## Reporting, grouped by ${inline(view.reporting.groupByLabel)}`)
  if (view.reporting.groups.length === 0) out.push('No claims.')
  for (const g of view.reporting.groups) {
    out.push(heading(3, g.title))
    if (g.detail.trim()) out.push(inline(g.detail))
    for (const c of g.claims) out.push(claimBlock(c))
  }

  out.push('## Sources and reliability')
  if (view.sources.length === 0) out.push('No sources cited.')
  else
    out.push(
      view.sources
        .map((s) => {
          const bits = [
            `${inline(s.kindLabel)}`,
            `${s.reliability} (${inline(s.reliabilityLabel)})`,
            `${s.claimCount} ${s.claimCount === 1 ? 'claim' : 'claims'}`
          ]
          if (s.relayedCount > 0) bits.push(`relayed ${s.relayedCount}`)
          if (s.relays.length > 0) bits.push(`via ${s.relays.map(inline).join(', ')}`)
          const desc = s.description.trim() ? `: ${inline(s.description)}` : ''
          return `- **${inline(s.name)}**: ${bits.join('; ')}${desc}`
        })
        .join('\n')
    )

  for (const { side, title } of COMPARISON_SECTIONS)
    if (view[side].length > 0) {
      out.push(`## ${title}`)
      view[side].forEach((c, i) => out.push(comparisonBlock(c, i + 1)))
    }
  if (view.circular.length > 0) {
    out.push('## Circular reporting')
    out.push(view.circular.map((w) => `- ${inline(w.warning)} ${cite(w.citations)}`).join('\n'))
  }
  if (view.gaps.trim()) out.push('## Information gaps', block(view.gaps))

  out.push('## Citations')
  out.push(view.citations.length > 0 ? view.citations.map(citationItem).join('\n') : 'No citations.')
  if (view.documents.length > 0) out.push('## Documents cited', view.documents.map(documentItem).join('\n'))
  return out.join('\n\n') + '\n'
}
