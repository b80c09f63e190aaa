// Briefing -> Word (.docx) with the `docx` library, meant to be edited further in Word or LibreOffice:
// real Title/Heading/Quote styles, a numbered list of judgments, tables for sources and for linked
// claims side by side, the handling line in every page header and page numbers in the footer.
// Citations: a real footnote ("D2, para. 4") where a claim is first cited and a superscript "[n]" of
// the same number where it is cited again, every mark in brackets; the documents themselves are cited
// once, in the "Documents cited" annex. The view numbers notes in the order the claims are printed, so
// Word's footnote numbers, which follow the position of the references, are the notes' numbers.
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
import { quoteForDisplay } from '../../shared/briefing/quotes'
import {
  COMPARISON_SECTIONS,
  noteRanges,
  type BriefingView,
  type CitedDocumentView,
  type ClaimView,
  type ComparisonView
} from '../../shared/briefing/view'

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
function paragraphs(text: string, options: { style?: string; run?: RunStyle; keepNext?: boolean } = {}): Paragraph[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => new Paragraph({ style: options.style, keepNext: options.keepNext, children: runs(p, options.run) }))
}

/** Note numbers that already have their footnote in the document being written. */
type Footnoted = Set<number>

/** Marks for notes: "[" footnote "]" at a note's first use, a superscript "[n]" after that. */
function marks(citations: { number: number; note: string }[], done: Footnoted): (TextRun | FootnoteReferenceRun)[] {
  const out: (TextRun | FootnoteReferenceRun)[] = []
  for (const c of citations) {
    if (done.has(c.number)) {
      out.push(new TextRun({ text: `[${c.number}]`, superScript: true }))
      continue
    }
    done.add(c.number)
    out.push(
      new TextRun({ text: '[', superScript: true }),
      new FootnoteReferenceRun({
        children: [new Paragraph({ spacing: { after: 0 }, children: runs(` ${c.note}`, { size: 18 }) })]
      }),
      new TextRun({ text: ']', superScript: true })
    )
  }
  return out
}

const quoteParagraphs = (quote: string): Paragraph[] => paragraphs(quoteForDisplay(quote), { style: 'Quote' })

const MUTED = '57606A'

const cautionParagraph = (c: ClaimView): Paragraph =>
  new Paragraph({ children: [new TextRun({ text: 'Caution: ', bold: true }), ...runs(c.unreviewed)] })

function claimParagraphs(c: ClaimView, done: Footnoted): Paragraph[] {
  const out: Paragraph[] = [...quoteParagraphs(c.quote)]
  out.push(
    new Paragraph({
      children: [
        new TextRun({ text: clean(c.grade), bold: true }),
        new TextRun({ text: clean(` (${c.gradeLabel}) · ${c.statusLabel} · ${c.chain}`) }),
        ...marks([c.citation], done)
      ]
    })
  )
  if (c.unreviewed) out.push(cautionParagraph(c))
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
  return cell([new Paragraph({ children: runs(text, { bold: header, size: 18 }) })], width, header)
}

function sourcesTable(view: BriefingView): Table {
  const widths = [29, 13, 21, 9, 11, 17]
  const head = ['Source', 'Kind', 'Reliability', 'Claims', 'Relayed', 'Via']
  const rows = [
    new TableRow({ tableHeader: true, children: head.map((h, i) => textCell(h, widths[i], true)) }),
    ...view.sources.map(
      (s) =>
        new TableRow({
          cantSplit: true,
          children: [
            cell(
              [
                new Paragraph({ children: runs(s.name, { size: 18 }) }),
                ...paragraphs(s.description, { run: { size: 16, italics: true, color: MUTED } })
              ],
              widths[0]
            ),
            ...[
              s.kindLabel,
              `${s.reliability} — ${s.reliabilityLabel}`,
              String(s.claimCount),
              String(s.relayedCount),
              s.relays.join(', ')
            ].map((t, i) => textCell(t, widths[i + 1]))
          ]
        })
    )
  ]
  return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE }, borders })
}

function comparisonSide(c: ClaimView, done: Footnoted, width: number): TableCell {
  const date = c.citation.published ? ` · ${c.citation.published}` : ''
  return cell(
    [
      ...quoteParagraphs(c.quote),
      new Paragraph({
        children: [
          new TextRun({ text: clean(c.grade), bold: true }),
          new TextRun({ text: clean(` · ${c.statusLabel}${date}`) })
        ]
      }),
      new Paragraph({ children: [...runs(c.chain, { color: MUTED }), ...marks([c.citation], done)] }),
      ...(c.unreviewed ? [cautionParagraph(c)] : [])
    ],
    width
  )
}

/** Claims side by side, at most three to a row so quotes stay readable on a page. */
const SIDES_PER_ROW = 3

function comparisonBlocks(c: ComparisonView, n: number, done: Footnoted): (Paragraph | Table)[] {
  const columns = Math.min(SIDES_PER_ROW, c.claims.length)
  const rows: TableRow[] = []
  for (let i = 0; i < c.claims.length; i += columns) {
    const sides = c.claims.slice(i, i + columns).map((x) => comparisonSide(x, done, 100 / columns))
    while (sides.length < columns) sides.push(cell([new Paragraph('')], 100 / columns))
    rows.push(new TableRow({ cantSplit: true, children: sides }))
  }
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_3, keepNext: true, children: runs(`${n}. ${c.title}`) }),
    ...paragraphs(c.explanation, { keepNext: true, run: { color: MUTED } }),
    ...paragraphs(c.note, { keepNext: true }),
    new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE }, borders })
  ]
}

const heading = (level: (typeof HeadingLevel)[keyof typeof HeadingLevel], text: string): Paragraph =>
  new Paragraph({ heading: level, children: runs(text) })

function documentParagraphs(d: CitedDocumentView): Paragraph[] {
  const indent = { left: 680, hanging: 680 }
  const meta: string[] = []
  if (d.url) meta.push(d.url)
  meta.push(`Captured ${d.capturedAtText}${d.fileName ? ` from ${d.fileName}` : ''}`)
  if (d.sha256) meta.push(`SHA-256 ${d.sha256}`)
  meta.push(`Cited in ${d.notes.length === 1 ? 'note' : 'notes'} ${noteRanges(d.notes)}`)
  return [
    new Paragraph({
      indent,
      keepNext: true,
      spacing: { after: 0 },
      children: [new TextRun({ text: clean(d.label), bold: true }), new TextRun({ text: '\t' }), ...runs(`${d.text}.`)]
    }),
    new Paragraph({
      indent: { left: 680 },
      spacing: { after: 160 },
      children: runs(meta.join('\n'), { color: MUTED, size: 18 })
    })
  ]
}

function body(view: BriefingView): (Paragraph | Table)[] {
  const { header } = view
  const done: Footnoted = new Set()
  const out: (Paragraph | Table)[] = [heading(HeadingLevel.TITLE, header.title)]
  const meta = [`Date: ${header.dateText}`]
  if (header.author.trim()) meta.push(`Author: ${header.author}`)
  meta.push(`Generated: ${header.generatedAtText}`)
  out.push(new Paragraph({ children: runs(meta.join(' · '), { color: MUTED }) }))

  if (view.bottomLine.trim()) out.push(heading(HeadingLevel.HEADING_1, 'Bottom line'), ...paragraphs(view.bottomLine))
  if (view.judgments.length > 0) {
    out.push(heading(HeadingLevel.HEADING_1, 'Key judgments'))
    for (const j of view.judgments) {
      const cited = j.claims.map((c) => c.citation).sort((x, y) => x.number - y.number)
      const notes = marks(cited, done)
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
    for (const c of g.claims) out.push(...claimParagraphs(c, done))
  }

  out.push(heading(HeadingLevel.HEADING_1, 'Sources and reliability'))
  out.push(view.sources.length > 0 ? sourcesTable(view) : new Paragraph('No sources cited.'))

  for (const { side, title } of COMPARISON_SECTIONS)
    if (view[side].length > 0) {
      out.push(heading(HeadingLevel.HEADING_1, title))
      view[side].forEach((c, i) => out.push(...comparisonBlocks(c, i + 1, done)))
    }
  if (view.circular.length > 0) {
    out.push(heading(HeadingLevel.HEADING_1, 'Circular reporting'))
    for (const w of view.circular) {
      const cited = w.citations.map((number) => view.citations[number - 1])
      out.push(new Paragraph({ children: [...runs(w.warning), ...marks(cited, done)] }))
    }
  }
  if (view.gaps.trim()) out.push(heading(HeadingLevel.HEADING_1, 'Information gaps'), ...paragraphs(view.gaps))

  if (view.documents.length > 0) {
    out.push(heading(HeadingLevel.HEADING_1, 'Documents cited'))
    for (const d of view.documents) out.push(...documentParagraphs(d))
  }
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
