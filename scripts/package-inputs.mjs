// Small documents of each importable format, written for the packaging check. The PDF sets one
// line in a standard font (pdf.js reads its metrics from standard_fonts/) and one in a Japanese
// font that is not embedded and uses a predefined CMap (pdf.js reads cmaps/): its text comes
// out right only if pdf.js finds its data folders inside the package.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { strToU8, zipSync } from 'fflate'

/** Text each document must show once imported, by file name. */
export const EXPECTED = {
  'field-notes.txt': 'Port authority logs list 41 vessels waiting offshore.',
  'briefing-notes.md': 'Two ministries gave different figures for the delay.',
  'saved-page.html': 'The harbour master said the backlog would clear within a week.',
  'scanned-report.pdf': ['Packaged PDF import works.', '日本語'],
  'memo.docx': 'The shipping agent disputes the official count.'
}

function pdf() {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>',
    null, // the content stream, below
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type0 /BaseFont /HeiseiMin-W3 /Encoding /UniJIS-UCS2-H /DescendantFonts [7 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /HeiseiMin-W3 /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 2 >> /FontDescriptor 8 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /HeiseiMin-W3 /Flags 6 /FontBBox [-123 -257 1001 910] /ItalicAngle 0 /Ascent 859 /Descent -143 /CapHeight 709 /StemV 69 >>'
  ]
  // 日本語 as UCS-2 codes, which UniJIS-UCS2-H maps to Adobe-Japan1 CIDs.
  const content =
    'BT /F1 14 Tf 72 720 Td (Packaged PDF import works.) Tj ET\nBT /F2 14 Tf 72 690 Td <65E5672C8A9E> Tj ET\n'
  objects[3] = `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}endstream`
  let out = '%PDF-1.4\n'
  const offsets = objects.map((body, i) => {
    const at = Buffer.byteLength(out, 'latin1')
    out += `${i + 1} 0 obj\n${body}\nendobj\n`
    return at
  })
  const xref = Buffer.byteLength(out, 'latin1')
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(out, 'latin1')
}

function docx() {
  const w = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
  const para = (text, style) =>
    `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t>${text}</w:t></w:r></w:p>`
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${w}"><w:body>` +
        para('Memo on the port backlog', 'Heading1') +
        para(EXPECTED['memo.docx']) +
        '</w:body></w:document>'
    )
  })
}

const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Backlog at the harbour</title></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Backlog at the harbour</h1>
<p>${EXPECTED['saved-page.html']} Ships have queued outside the breakwater since Monday, and agents say berths are booked for days.</p>
<p>Officials gave no figure for the number of containers held, but a port union representative put it at several thousand.</p>
<p>Fishing crews said the queue had pushed them out of their usual anchorage, a complaint the port authority did not answer.</p>
</article><footer>© Example News</footer></body></html>`

/** Writes one file of each format into `dir`; their paths. */
export async function writeInputs(dir) {
  const files = {
    'field-notes.txt': `Field notes\n\n${EXPECTED['field-notes.txt']}\n`,
    'briefing-notes.md': `# Briefing notes\n\n${EXPECTED['briefing-notes.md']}\n`,
    'saved-page.html': html,
    'scanned-report.pdf': pdf(),
    'memo.docx': docx()
  }
  for (const [name, data] of Object.entries(files)) await writeFile(join(dir, name), data)
  return Object.keys(files).map((name) => join(dir, name))
}
