// Briefing -> Word (.docx) with the `docx` library, meant to be edited further in Word or LibreOffice:
// real Title/Heading/Quote styles, a numbered list of judgments, tables for sources and for linked
// claims side by side, a footnote with the full citation at every claim and judgment, the handling
// line in every page header and page numbers in the footer.
// docx stamps the current time into docProps/core.xml and the zip entries; both are fixed here to the
// briefing's generated-at time so the same case gives the same bytes.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType
} from 'docx'
import type { BriefingView, CitationView, ClaimView, LinkView } from '../../shared/briefing/view'

/** Characters XML 1.0 cannot hold: C0 controls other than tab/newline, lone surrogates, U+FFFE/F. */
function clean(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- XML 1.0 forbids these characters: they are what we strip
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
  )
}

interface RunStyle {
  bold?: boolean
  italics?: boolean
  color?: string
  size?: number
}

/** A line of text as runs, newlines kept as line breaks. */
function runs(text: string, style: RunStyle = {}): TextRun[] {
  return clean(text)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...style }))
}

/** Analyst text that may hold paragraphs (blank lines). */
function paragraphs(text: string, options: { style?: string; run?: RunStyle } = {}): Paragraph[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => new Paragraph({ style: options.style, children: runs(p, options.run) }))
}

function citationLine(c: CitationView): string {
  const parts = [`[${c.number}] ${c.text}.`]
  if (c.url) parts.push(`${c.url}.`)
  parts.push(`Captured ${c.capturedAtText}.`)
  if (c.sha256) parts.push(`SHA-256 ${c.sha256}.`)
  return parts.join(' ')
}

function footnote(c: CitationView): FootnoteReferenceRun {
  return new FootnoteReferenceRun({ children: [new Paragraph({ children: runs(citationLine(c)) })] })
}

const MUTED = '57606A'

function claimParagraphs(c: ClaimView): Paragraph[] {
  const out: Paragraph[] = [...paragraphs(c.quote, { style: 'Quote' })]
  out.push(
    new Paragraph({
      children: [
        new TextRun({ text: clean(c.grade), bold: true }),
        new TextRun({ text: clean(` (${c.gradeLabel}) · ${c.statusLabel} · ${c.chain}`) }),
        footnote(c.citation)
      ]
    })
  )
  if (c.note.trim())
    out.push(
      new Paragraph({ children: [new TextRun({ text: 'Note: ', bold: true, color: MUTED }), ...runs(c.note.trim())] })
    )
  if (c.tags.length > 0)
    out.push(
      new Paragraph({
        children: [new TextRun({ text: 'Tags: ', bold: true, color: MUTED }), ...runs(c.tags.join(', '))]
      })
    )
  return out
}

const thin = { style: BorderStyle.SINGLE, size: 4, color: 'BFC5CC' }
const borders = { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin }

function cell(children: Paragraph[], width: number, header = false): TableCell {
  return new TableCell({
    children: children.length > 0 ? children : [new Paragraph('')],
    width: { size: width, type: WidthType.PERCENTAGE },
    shading: header ? { type: ShadingType.CLEAR, fill: 'E8EBEF', color: 'auto' } : undefined
  })
}

function textCell(text: string, width: number, header = false): TableCell {
  return cell([new Paragraph({ children: runs(text, { bold: header }) })], width, header)
}

function sourcesTable(view: BriefingView): Table {
  const widths = [28, 14, 22, 10, 10, 16]
  const head = ['Source', 'Kind', 'Reliability', 'Claims', 'Relayed', 'Via']
  const rows = [
    new TableRow({ tableHeader: true, children: head.map((h, i) => textCell(h, widths[i], true)) }),
    ...view.sources.map(
      (s) =>
        new TableRow({
          cantSplit: true,
          children: [
            s.name + (s.description.trim() ? `\n${s.description.trim()}` : ''),
            s.kindLabel,
            `${s.reliability} — ${s.reliabilityLabel}`,
            String(s.claimCount),
            String(s.relayedCount),
            s.relays.join(', ')
          ].map((t, i) => textCell(t, widths[i]))
        })
    )
  ]
  return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE }, borders })
}

function pairSide(c: ClaimView): TableCell {
  return cell(
    [
      ...paragraphs(c.quote, { style: 'Quote' }),
      new Paragraph({
        children: [
          new TextRun({ text: clean(c.grade), bold: true }),
          new TextRun({ text: clean(` · ${c.statusLabel}`) }),
          footnote(c.citation)
        ]
      }),
      new Paragraph({ children: runs(c.chain, { color: MUTED }) })
    ],
    50
  )
}

function pairBlocks(l: LinkView, n: number): (Paragraph | Table)[] {
  const name = (c: ClaimView): string => c.source?.name ?? c.chain
  return [
    new Paragraph({
      heading: HeadingLevel.HEADING_3,
      children: runs(`${n}. ${name(l.from)} ${l.kindLabel} ${name(l.to)}`)
    }),
    ...paragraphs(l.note),
    new Table({
      rows: [new TableRow({ cantSplit: true, children: [pairSide(l.from), pairSide(l.to)] })],
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders
    })
  ]
}

const heading = (level: (typeof HeadingLevel)[keyof typeof HeadingLevel], text: string): Paragraph =>
  new Paragraph({ heading: level, children: runs(text) })

function body(view: BriefingView): (Paragraph | Table)[] {
  const { header } = view
  const out: (Paragraph | Table)[] = [heading(HeadingLevel.TITLE, header.title)]
  const meta = [`Date: ${header.dateText}`]
  if (header.author.trim()) meta.push(`Author: ${header.author}`)
  meta.push(`Generated: ${header.generatedAtText}`)
  out.push(new Paragraph({ children: runs(meta.join(' · '), { color: MUTED }) }))

  if (view.bottomLine.trim()) out.push(heading(HeadingLevel.HEADING_1, 'Bottom line'), ...paragraphs(view.bottomLine))
  if (view.judgments.length > 0) {
    out.push(heading(HeadingLevel.HEADING_1, 'Key judgments'))
    for (const j of view.judgments) {
      const notes = j.claims
        .filter((c, i, all) => all.findIndex((x) => x.citation.number === c.citation.number) === i)
        .map((c) => footnote(c.citation))
      out.push(
        new Paragraph({
          numbering: { reference: 'judgments', level: 0 },
          children: [new TextRun({ text: clean(`${j.confidenceLabel}. `), bold: true }), ...runs(j.text), ...notes]
        })
      )
    }
  }

  out.push(heading(HeadingLevel.HEADING_1, `Reporting, grouped by ${view.reporting.groupByLabel}`))
  if (view.reporting.groups.length === 0) out.push(new Paragraph('No claims.'))
  for (const g of view.reporting.groups) {
    out.push(heading(HeadingLevel.HEADING_2, g.title))
    if (g.detail.trim()) out.push(new Paragraph({ children: runs(g.detail, { italics: true, color: MUTED }) }))
    for (const c of g.claims) out.push(...claimParagraphs(c))
  }

  out.push(heading(HeadingLevel.HEADING_1, 'Sources and reliability'))
  out.push(view.sources.length > 0 ? sourcesTable(view) : new Paragraph('No sources cited.'))

  if (view.conflicting.length > 0) {
    out.push(heading(HeadingLevel.HEADING_1, 'Conflicting reporting'))
    view.conflicting.forEach((l, i) => out.push(...pairBlocks(l, i + 1)))
  }
  if (view.corroborating.length > 0) {
    out.push(heading(HeadingLevel.HEADING_1, 'Corroborating reporting'))
    view.corroborating.forEach((l, i) => out.push(...pairBlocks(l, i + 1)))
  }
  if (view.gaps.trim()) out.push(heading(HeadingLevel.HEADING_1, 'Information gaps'), ...paragraphs(view.gaps))

  out.push(heading(HeadingLevel.HEADING_1, 'Citations'))
  if (view.citations.length === 0) out.push(new Paragraph('No citations.'))
  for (const c of view.citations) out.push(new Paragraph({ children: runs(citationLine(c)) }))
  return out
}

function xmlEscape(text: string): string {
  return clean(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)
}

/** docProps/core.xml with the generated-at time instead of "now". */
function coreProperties(view: BriefingView, when: string): string {
  const optional = (tag: string, value: string): string => (value.trim() ? `<${tag}>${xmlEscape(value)}</${tag}>` : '')
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    optional('dc:title', view.header.title) +
    optional('dc:creator', view.header.author) +
    optional('dc:description', view.header.handling) +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  )
}

/** Sets every entry's DOS modification time in a zip's local and central headers. */
export function fixZipTimes(zip: Uint8Array, when: Date): Uint8Array {
  const out = new Uint8Array(zip)
  const dv = new DataView(out.buffer, out.byteOffset, out.byteLength)
  const year = Math.min(Math.max(when.getUTCFullYear(), 1980), 2107)
  const date = ((year - 1980) << 9) | ((when.getUTCMonth() + 1) << 5) | when.getUTCDate()
  const time = (when.getUTCHours() << 11) | (when.getUTCMinutes() << 5) | (when.getUTCSeconds() >> 1)
  let eocd = out.length - 22
  while (eocd >= 0 && dv.getUint32(eocd, true) !== 0x06054b50) eocd--
  if (eocd < 0) throw new Error('docx: zip end record not found')
  const count = dv.getUint16(eocd + 10, true)
  let p = dv.getUint32(eocd + 16, true)
  for (let i = 0; i < count; i++) {
    if (dv.getUint32(p, true) !== 0x02014b50) throw new Error('docx: bad zip central directory')
    dv.setUint16(p + 12, time, true)
    dv.setUint16(p + 14, date, true)
    const local = dv.getUint32(p + 42, true)
    dv.setUint16(local + 10, time, true)
    dv.setUint16(local + 12, date, true)
    p += 46 + dv.getUint16(p + 28, true) + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true)
  }
  return out
}

export async function renderDocx(view: BriefingView): Promise<Uint8Array> {
  const handling = view.header.handling.trim()
  const generated = new Date(Date.parse(view.header.generatedAt) || 0)
  const doc = new Document({
    title: clean(view.header.title),
    creator: clean(view.header.author) || undefined,
    description: clean(handling) || undefined,
    styles: {
      default: {
        document: { run: { font: 'Calibri', size: 22 }, paragraph: { spacing: { after: 100 } } },
        title: { run: { font: 'Calibri', size: 40, bold: true } },
        heading1: {
          run: { font: 'Calibri', size: 28, bold: true, color: '0B4F8A' },
          paragraph: { spacing: { before: 360, after: 120 }, keepNext: true }
        },
        heading2: {
          run: { font: 'Calibri', size: 24, bold: true },
          paragraph: { spacing: { before: 240, after: 80 }, keepNext: true }
        },
        heading3: {
          run: { font: 'Calibri', size: 22, bold: true },
          paragraph: { spacing: { before: 200, after: 60 }, keepNext: true }
        }
      },
      paragraphStyles: [
        {
          id: 'Quote',
          name: 'Quote',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { italics: true, size: 23 },
          paragraph: { indent: { left: 567 }, spacing: { before: 160, after: 60 }, keepNext: true }
        }
      ]
    },
    numbering: {
      config: [
        {
          reference: 'judgments',
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 567, hanging: 397 } } }
            }
          ]
        }
      ]
    },
    sections: [
      {
        properties: {
          page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1020, right: 1020 } }
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({ alignment: AlignmentType.CENTER, children: runs(handling, { bold: true, size: 18 }) })
            ]
          })
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ text: clean(handling ? `${handling} · ` : ''), size: 16 }),
                  new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 16 })
                ]
              })
            ]
          })
        },
        children: body(view)
      }
    ]
  })
  const bytes = await Packer.toBuffer(doc, undefined, [
    { path: 'docProps/core.xml', data: coreProperties(view, generated.toISOString().replace(/\.\d{3}Z$/, 'Z')) }
  ])
  return fixZipTimes(new Uint8Array(bytes), generated)
}
