// Briefing -> one self-contained HTML file: inline CSS, no scripts, no remote resources, a print
// stylesheet. Every piece of text is HTML-escaped; only http(s) URLs become links. A CSP meta tag
// forbids scripts and remote loads as a second line of defence when the file is opened in a browser.
// Pure string building (no Node APIs), and the source of the PDF export. Citations as in every
// format: a superscript "[n]" per note, linked to the numbered note ("D1, para. 4"), which links to the
// document's one entry in the "Documents cited" annex.
import { quoteForDisplay } from './quotes'
import {
  COMPARISON_SECTIONS,
  noteRanges,
  type BriefingView,
  type CitationView,
  type CitedDocumentView,
  type CircularWarningView,
  type ClaimView,
  type ComparisonSide,
  type ComparisonView
} from './view'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c])
}

/** Paragraphs (blank lines) and line breaks of analyst text. */
function paras(text: string, cls = ''): string {
  const attr = cls ? ` class="${cls}"` : ''
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => `<p${attr}>${p.split('\n').map(escapeHtml).join('<br>')}</p>`)
    .join('\n')
}

/** Note marks, each in its own brackets ("[4][5]"), each a link to its note. */
function cite(numbers: number[]): string {
  if (numbers.length === 0) return ''
  // U+2060 (word joiner) keeps the marks on the line of the word they follow.
  return `\u2060<sup class="cite">${numbers.map((n) => `<a href="#cite-${n}">[${n}]</a>`).join('')}</sup>`
}

const quoteHtml = (quote: string): string => `<blockquote>${paras(quoteForDisplay(quote))}</blockquote>`

const slug = (s: string): string => s.replace(/[^a-z0-9-]/gi, '-').toLowerCase()

const unreviewedHtml = (c: ClaimView): string =>
  `<p class="warning"><span class="label">Caution</span> ${escapeHtml(c.unreviewed)}</p>`

function claimHtml(c: ClaimView): string {
  const facts = [
    `<span class="grade">${escapeHtml(c.grade)}</span>`,
    `<span class="status status-${slug(c.status)}">${escapeHtml(c.statusLabel)}</span>`,
    `<span class="chain">${escapeHtml(c.chain)}</span>${cite([c.citation.number])}`
  ]
  const parts = [
    `<article class="claim" id="claim-${escapeHtml(c.id)}">`,
    quoteHtml(c.quote),
    `<p class="facts">${facts.join(' ')}</p>`,
    `<p class="grade-label">${escapeHtml(c.gradeLabel)}</p>`
  ]
  if (c.unreviewed) parts.push(unreviewedHtml(c))
  if (c.note.trim()) parts.push(`<div class="note"><span class="label">Note</span>${paras(c.note)}</div>`)
  if (c.tags.length > 0)
    parts.push(`<p class="tags">${c.tags.map((t) => `<span class="tag">${escapeHtml(t)}</span>`).join(' ')}</p>`)
  parts.push('</article>')
  return parts.join('\n')
}

function sideHtml(c: ClaimView): string {
  const date = c.citation.published ? ` <span class="date">${escapeHtml(c.citation.published)}</span>` : ''
  return [
    '<div class="side">',
    quoteHtml(c.quote),
    `<p class="facts"><span class="grade">${escapeHtml(c.grade)}</span> <span class="status status-${slug(c.status)}">${escapeHtml(c.statusLabel)}</span>${date}</p>`,
    `<p class="chain">${escapeHtml(c.chain)}${cite([c.citation.number])}</p>`,
    c.unreviewed ? unreviewedHtml(c) : '',
    '</div>'
  ].join('\n')
}

function comparisonHtml(c: ComparisonView, n: number, side: ComparisonSide): string {
  return [
    `<div class="comparison comparison-${side}">`,
    `<h3 class="comparison-head">${n}. ${escapeHtml(c.title)}</h3>`,
    c.explanation.trim() ? paras(c.explanation, 'comparison-why') : '',
    c.note.trim() ? paras(c.note, 'comparison-note') : '',
    `<div class="sides">\n${c.claims.map(sideHtml).join('\n')}\n</div>`,
    '</div>'
  ]
    .filter((s) => s !== '')
    .join('\n')
}

function circularHtml(w: CircularWarningView): string {
  return `<p class="warning"><span class="label">Circular reporting</span> ${escapeHtml(w.warning)}${cite(w.citations)}</p>`
}

const docAnchor = (label: string): string => `doc-${escapeHtml(label)}`

function citationHtml(c: CitationView): string {
  const where = c.locator ? `, ${escapeHtml(c.locator)}` : ''
  return `<li id="cite-${c.number}" value="${c.number}"><a href="#${docAnchor(c.documentLabel)}">${escapeHtml(c.documentLabel)}</a>${where}</li>`
}

function documentHtml(d: CitedDocumentView): string {
  const lines: string[] = []
  if (d.linkUrl) lines.push(`<a class="url" href="${escapeHtml(d.linkUrl)}">${escapeHtml(d.linkUrl)}</a>`)
  else if (d.url) lines.push(`<span class="url">${escapeHtml(d.url)}</span>`)
  lines.push(`Captured ${escapeHtml(d.capturedAtText)}${d.fileName ? ` from ${escapeHtml(d.fileName)}` : ''}`)
  if (d.sha256) lines.push(`SHA-256 <code>${escapeHtml(d.sha256)}</code>`)
  lines.push(`Cited in ${d.notes.length === 1 ? 'note' : 'notes'} ${noteRanges(d.notes)}`)
  return [
    `<div class="document" id="${docAnchor(d.label)}">`,
    `<p class="doc-ref"><span class="doc-label">${escapeHtml(d.label)}</span> ${escapeHtml(d.text)}.</p>`,
    `<p class="doc-meta">${lines.join('<br>')}</p>`,
    '</div>'
  ].join('\n')
}

const CSS = `
:root { --ink: #1b1f24; --muted: #57606a; --rule: #d0d7de; --accent: #0b4f8a; --paper: #fff; }
* { box-sizing: border-box; }
html { background: #f3f4f6; }
body { margin: 0 auto; max-width: 52rem; padding: 2rem 2.5rem 3rem; background: var(--paper); color: var(--ink);
  font: 11pt/1.5 "Source Serif 4", "Georgia", "DejaVu Serif", serif; }
h1, h2, h3, .handling, .meta, .facts, table, .comparison-head, .label, .tags, .citations, .document { font-family: "Inter", "Helvetica Neue", "Arial", "DejaVu Sans", sans-serif; }
.handling { margin: 0 0 1rem; padding: .3rem .6rem; border: 1px solid var(--ink); text-align: center; font-weight: 700;
  letter-spacing: .04em; text-transform: uppercase; font-size: 9pt; }
h1 { font-size: 20pt; line-height: 1.2; margin: 0 0 .4rem; }
h2 { font-size: 13pt; margin: 2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 2px solid var(--accent); color: var(--accent); }
h3 { font-size: 11.5pt; margin: 1.4rem 0 .2rem; }
.meta, .detail, .grade-label, .chain { color: var(--muted); }
.meta { font-size: 9.5pt; margin: 0; }
.detail { margin: 0 0 .6rem; font-size: 9.5pt; font-style: italic; }
.judgments li { margin-bottom: .5rem; }
.confidence { font-weight: 700; }
.claim { margin: .8rem 0 1.1rem; padding-left: .8rem; border-left: 3px solid var(--rule); break-inside: avoid; page-break-inside: avoid; }
blockquote { margin: 0; font-size: 11.5pt; }
blockquote p { margin: 0 0 .3rem; }
.facts { margin: .2rem 0; font-size: 9.5pt; }
.grade { display: inline-block; min-width: 2.2em; padding: 0 .35em; border-radius: 3px; background: var(--ink); color: #fff;
  font-weight: 700; text-align: center; }
.status { display: inline-block; padding: 0 .4em; border-radius: 3px; border: 1px solid var(--rule); }
.status-corroborated, .status-confirmed { border-color: #1a7f37; color: #1a7f37; }
.status-contradicted, .status-false { border-color: #cf222e; color: #cf222e; }
.grade-label { margin: 0; font-size: 9pt; }
.note { margin: .3rem 0; font-size: 10pt; }
.note p { margin: 0; }
.label { font-size: 8.5pt; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin-right: .4em; }
.tags { margin: .2rem 0; }
.tag { display: inline-block; font-size: 8.5pt; padding: 0 .45em; border-radius: 9px; background: #eef1f4; margin-right: .2em; }
sup.cite { font-size: 7.5pt; white-space: nowrap; }
sup.cite a, .citations a, .document a { color: var(--accent); text-decoration: none; }
.citations a, .document a { text-decoration: underline; text-underline-offset: 2px; text-decoration-thickness: 1px; }
table { width: 100%; border-collapse: collapse; font-size: 9.5pt; }
th, td { text-align: left; vertical-align: top; padding: .3rem .4rem; border-bottom: 1px solid var(--rule); }
th { border-bottom: 2px solid var(--ink); }
td.num { text-align: right; }
.comparison { margin: 1rem 0; break-inside: avoid; page-break-inside: avoid; }
.comparison-head { margin: 0 0 .2rem; }
.comparison-why { margin: 0 0 .2rem; color: var(--muted); }
.comparison-note { margin: 0 0 .4rem; }
.sides { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: 1rem; }
.side { padding: .5rem .7rem; border: 1px solid var(--rule); border-radius: 4px; }
.comparison-conflicting .side { border-top: 3px solid #cf222e; }
.comparison-corroborating .side { border-top: 3px solid #1a7f37; }
.comparison-oneSource .side { border-top: 3px solid #8c959f; }
.side .date { color: var(--muted); }
.warning { margin: .6rem 0; padding: .4rem .7rem; border-left: 3px solid #9a6700; background: #fff8c5; }
.warning .label { font-weight: 700; margin-right: .4rem; }
.side .chain { font-size: 9pt; margin: 0; }
.citations { font-size: 9pt; padding-left: 2rem; columns: 3 11rem; column-gap: 2rem; }
.citations li { margin-bottom: .15rem; break-inside: avoid; }
.document { margin: 0 0 .7rem; font-size: 9pt; break-inside: avoid; page-break-inside: avoid; }
.document p { margin: 0; }
.doc-ref { padding-left: 2.2rem; text-indent: -2.2rem; }
.doc-label { display: inline-block; min-width: 2.2rem; text-indent: 0; font-weight: 700; }
.doc-meta { padding-left: 2.2rem; color: var(--muted); word-break: break-word; }
code { font-size: 8pt; word-break: break-all; }
footer.handling { margin-top: 2.5rem; }
@media print {
  html { background: none; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  a { color: inherit; text-decoration: none; }
  h2, h3, .detail { break-after: avoid; page-break-after: avoid; }
  .sides { grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); }
}
`

/** A CSS string literal: everything but plain letters, digits and spaces as hex escapes. */
function cssString(text: string): string {
  return `"${text.replace(/[^\p{L}\p{N} ]/gu, (c) => `\\${c.codePointAt(0)!.toString(16)} `)}"`
}

/**
 * Paged media: A4, the handling line atop every page, and the handling line (or title) with
 * "Page N of M" at the foot. Browsers that print margin boxes (Chromium) show them; the PDF relies on them.
 */
function pageCss(view: BriefingView): string {
  const box = 'font: 8pt Arial, Helvetica, "DejaVu Sans", sans-serif; color: #444;'
  const handling = view.header.handling.trim().replace(/\s+/g, ' ')
  return [
    '@page {',
    '  size: A4;',
    '  margin: 20mm 16mm;',
    handling
      ? `  @top-center { content: ${cssString(handling)}; ${box} font-weight: 700; letter-spacing: .04em; }`
      : '',
    `  @bottom-left { content: ${cssString(handling || view.header.title)}; ${box} }`,
    `  @bottom-right { content: "Page " counter(page) " of " counter(pages); ${box} }`,
    '}'
  ]
    .filter((l) => l !== '')
    .join('\n')
}

export interface HtmlOptions {
  /** Leave out the handling banners in the page body (the PDF prints the line in every page's header). */
  omitHandlingBanners?: boolean
}

export function renderHtml(view: BriefingView, options: HtmlOptions = {}): string {
  const { header } = view
  const handling = header.handling.trim()
  const banner = (tag: string): string =>
    handling && !options.omitHandlingBanners ? `<${tag} class="handling">${escapeHtml(handling)}</${tag}>` : ''
  const meta = [`Date: ${escapeHtml(header.dateText)}`]
  if (header.author.trim()) meta.push(`Author: ${escapeHtml(header.author)}`)
  meta.push(`Generated: ${escapeHtml(header.generatedAtText)}`)

  const body: string[] = []
  body.push(
    '<header>',
    banner('p'),
    `<h1>${escapeHtml(header.title)}</h1>`,
    `<p class="meta">${meta.join(' · ')}</p>`,
    '</header>',
    '<main>'
  )
  if (view.bottomLine.trim())
    body.push('<section id="bottom-line">', '<h2>Bottom line</h2>', paras(view.bottomLine), '</section>')
  if (view.judgments.length > 0) {
    body.push('<section id="key-judgments">', '<h2>Key judgments</h2>', '<ol class="judgments">')
    for (const j of view.judgments)
      body.push(
        `<li><span class="confidence confidence-${slug(j.confidence)}">${escapeHtml(j.confidenceLabel)}.</span> ` +
          `${j.text.split(/\r?\n/).map(escapeHtml).join('<br>')}${cite(j.citations)}</li>`
      )
    body.push('</ol>', '</section>')
  }
  body.push('<section id="reporting">', `<h2>Reporting, grouped by ${escapeHtml(view.reporting.groupByLabel)}</h2>`)
  if (view.reporting.groups.length === 0) body.push('<p>No claims.</p>')
  for (const g of view.reporting.groups) {
    body.push('<section class="group">', `<h3>${escapeHtml(g.title)}</h3>`)
    if (g.detail.trim()) body.push(`<p class="detail">${escapeHtml(g.detail)}</p>`)
    for (const c of g.claims) body.push(claimHtml(c))
    body.push('</section>')
  }
  body.push('</section>')

  body.push('<section id="sources">', '<h2>Sources and reliability</h2>')
  if (view.sources.length === 0) body.push('<p>No sources cited.</p>')
  else {
    body.push(
      '<table>',
      '<thead><tr><th>Source</th><th>Kind</th><th>Reliability</th><th>Claims</th><th>Relayed</th><th>Via</th></tr></thead>',
      '<tbody>'
    )
    for (const s of view.sources)
      body.push(
        `<tr><td>${escapeHtml(s.name)}${s.description.trim() ? `<br><span class="detail">${escapeHtml(s.description)}</span>` : ''}</td>` +
          `<td>${escapeHtml(s.kindLabel)}</td><td>${escapeHtml(s.reliability)} — ${escapeHtml(s.reliabilityLabel)}</td>` +
          `<td class="num">${s.claimCount}</td><td class="num">${s.relayedCount}</td><td>${escapeHtml(s.relays.join(', '))}</td></tr>`
      )
    body.push('</tbody>', '</table>')
  }
  body.push('</section>')

  for (const { side, title } of COMPARISON_SECTIONS)
    if (view[side].length > 0)
      body.push(
        `<section id="${side}">`,
        `<h2>${title}</h2>`,
        ...view[side].map((c, i) => comparisonHtml(c, i + 1, side)),
        '</section>'
      )
  if (view.circular.length > 0)
    body.push(
      '<section id="circular">',
      '<h2>Circular reporting</h2>',
      ...view.circular.map(circularHtml),
      '</section>'
    )
  if (view.gaps.trim()) body.push('<section id="gaps">', '<h2>Information gaps</h2>', paras(view.gaps), '</section>')

  body.push('<section id="citations">', '<h2>Citations</h2>')
  body.push(
    view.citations.length > 0
      ? `<ol class="citations">\n${view.citations.map(citationHtml).join('\n')}\n</ol>`
      : '<p>No citations.</p>'
  )
  body.push('</section>')
  if (view.documents.length > 0)
    body.push('<section id="documents">', '<h2>Documents cited</h2>', ...view.documents.map(documentHtml), '</section>')
  body.push('</main>')
  if (handling && !options.omitHandlingBanners) body.push(`<footer class="handling">${escapeHtml(handling)}</footer>`)

  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Claimdesk">',
    `<title>${escapeHtml(header.title)}</title>`,
    `<style>${CSS}${pageCss(view)}\n</style>`,
    '</head>',
    '<body>',
    ...body.filter((s) => s !== ''),
    '</body>',
    '</html>',
    ''
  ].join('\n')
}
