import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun
} from 'docx'
import { describe, expect, it } from 'vitest'
import { importDocx, readerProblem } from './docx'
import { docxBomb } from './fixtures/hostile'
import { makeZip } from './fixtures/make-zip'
import type { ImportedDocument } from './types'

async function memo(): Promise<Uint8Array> {
  const cell = (text: string): TableCell => new TableCell({ children: [new Paragraph(text)] })
  const doc = new Document({
    title: 'Weekly assessment',
    creator: 'Analysis Unit',
    numbering: {
      config: [
        {
          reference: 'steps',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }]
        }
      ]
    },
    footnotes: { 1: { children: [new Paragraph('Reuters, 23 November 2024.')] } },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Kursk: conflicting troop figures', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [
              new TextRun('A General Staff source told '),
              new ExternalHyperlink({
                link: 'https://www.reuters.example/kursk',
                children: [new TextRun({ text: 'Reuters', style: 'Hyperlink' })]
              }),
              new TextRun(' that Russia has deployed '),
              new TextRun({ text: 'just under 60,000', bold: true }),
              new TextRun(' troops to Kursk.'),
              new FootnoteReferenceRun(1)
            ]
          }),
          new Paragraph({ text: 'Figures', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: 'Zelensky: around 50,000.', bullet: { level: 0 } }),
          new Paragraph({ text: 'Syrskyi: roughly 45,000.', bullet: { level: 1 } }),
          new Paragraph({ text: 'Check the sources.', numbering: { reference: 'steps', level: 0 } }),
          new Paragraph({ text: 'Grade the claims.', numbering: { reference: 'steps', level: 0 } }),
          new Table({
            rows: [
              new TableRow({ children: [cell('Source'), cell('Figure')] }),
              new TableRow({ children: [cell('Zelensky'), cell('50,000')] })
            ]
          }),
          new Paragraph({ text: 'Map of the salient, unverified.', style: 'Caption' }),
          new Paragraph({ text: '"Russia\'s own troops are not enough," Syrskyi said.', style: 'Quote' })
        ]
      }
    ]
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}

const rows = (doc: ImportedDocument): [string, string, number | undefined][] =>
  doc.blocks.map((b) => [b.kind, doc.text.slice(b.start, b.end), b.level])

describe('a Word document', async () => {
  const doc = await importDocx('memo.docx', await memo())

  it('keeps headings, paragraphs, lists and tables', () => {
    expect(rows(doc)).toEqual([
      ['heading', 'Kursk: conflicting troop figures', 1],
      [
        'paragraph',
        'A General Staff source told Reuters that Russia has deployed just under 60,000 troops to Kursk.[1]',
        undefined
      ],
      ['heading', 'Figures', 2],
      ['list-item', 'Zelensky: around 50,000.', 1],
      ['list-item', 'Syrskyi: roughly 45,000.', 2],
      ['list-item', '1. Check the sources.', 1],
      ['list-item', '2. Grade the claims.', 1],
      ['table-row', 'Source | Figure', undefined],
      ['table-row', 'Zelensky | 50,000', undefined],
      ['caption', 'Map of the salient, unverified.', undefined],
      ['quote', '"Russia\'s own troops are not enough," Syrskyi said.', undefined],
      ['list-item', '1. Reuters, 23 November 2024.', 1]
    ])
  })

  it('takes its title and author from the document', () => {
    expect(doc.meta).toMatchObject({ title: 'Kursk: conflicting troop figures', author: 'Analysis Unit', url: '' })
    expect(doc).toMatchObject({ format: 'docx', notices: [] })
    expect(doc.text).not.toContain('reuters.example')
  })
})

describe('files that are not readable Word documents', () => {
  const documentXml =
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>'

  it("puts mammoth's parser errors in one line of words", () => {
    expect(readerProblem(new Error('[xmldom error]\tentity not found:&r;\n@#[line:undefined,col:undefined]'))).toBe(
      'its XML uses an entity it does not define (&r;), which Word never writes'
    )
    expect(readerProblem(new RangeError('Maximum call stack size exceeded'))).toBe(
      'its XML is nested too deeply to read'
    )
    expect(readerProblem(new Error('[xmldom warning]\tunclosed xml attribute\n@#[line:3,col:9]'))).toBe(
      'unclosed xml attribute'
    )
  })

  it('rejects a file that is not a zip', async () => {
    await expect(importDocx('fake.docx', new TextEncoder().encode('plain text pretending'))).rejects.toThrow(
      /^fake\.docx: not a Word \.docx file \(it is not a zip archive\)/
    )
  })

  it('explains an old .doc or password-protected file', async () => {
    const ole = new Uint8Array(512)
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
    await expect(importDocx('old.docx', ole)).rejects.toThrow(
      /^old\.docx: this is an old Word \.doc file or a password-protected document/
    )
  })

  it('rejects a zip without a Word document in it', async () => {
    await expect(importDocx('photos.docx', makeZip([{ name: 'a.txt', data: 'hello' }]))).rejects.toThrow(
      /^photos\.docx: not a readable \.docx: a zip archive without word\/document\.xml/
    )
  })

  it('refuses a zip bomb by its declared sizes, without inflating it', async () => {
    const bomb = makeZip([
      { name: 'word/document.xml', data: documentXml },
      { name: 'word/bomb.xml', data: new Uint8Array(1024 * 1024), declaredSize: 4_000_000_000 }
    ])
    await expect(importDocx('bomb.docx', bomb)).rejects.toThrow(
      /^bomb\.docx: not a readable \.docx: "word\/bomb\.xml" would unpack to 3815 MB/
    )
  })

  it('refuses a highly compressed part', async () => {
    const bomb = makeZip([
      { name: 'word/document.xml', data: documentXml },
      { name: 'word/styles.xml', data: new Uint8Array(60 * 1024 * 1024) }
    ])
    await expect(importDocx('ratio.docx', bomb)).rejects.toThrow(
      /"word\/styles\.xml" is compressed \d+ to 1, a zip bomb/
    )
  })

  it('catches a part that unpacks to more than it declares', async () => {
    const liar = makeZip([
      { name: 'word/document.xml', data: documentXml },
      { name: 'word/numbering.xml', data: 'x'.repeat(5 * 1024 * 1024), declaredSize: 1000 }
    ])
    await expect(importDocx('liar.docx', liar)).rejects.toThrow(
      /"word\/numbering\.xml" unpacks to more than it declares, a zip bomb/
    )
  })

  it('checks every part, wherever the relationships point: a bomb filed under word/media/', async () => {
    // _rels/.rels names word/media/image1.xml as the main document: 1.5 MB that inflates to 1.5 GB.
    const bomb = docxBomb(1500)
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024)
    await expect(importDocx('media.docx', bomb)).rejects.toThrow(
      /^media\.docx: not a readable \.docx: "word\/media\/image1\.xml" unpacks to more than it declares, a zip bomb$/
    )
  })

  it('reads the archive directory as JSZip does, so no part escapes the check', async () => {
    const zip = (): Buffer =>
      Buffer.from(
        makeZip([
          { name: 'word/document.xml', data: documentXml },
          { name: 'word/hidden.xml', data: 'x'.repeat(5 * 1024 * 1024), declaredSize: 1000 }
        ])
      )
    const eocd = (b: Buffer): number => b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
    // An end record counting one part, followed by a directory of two: JSZip reads both.
    const undercounted = zip()
    undercounted.writeUInt16LE(1, eocd(undercounted) + 8)
    undercounted.writeUInt16LE(1, eocd(undercounted) + 10)
    await expect(importDocx('count.docx', undercounted)).rejects.toThrow(/its file count is wrong/)
    // Bytes before the archive: JSZip shifts every offset by them.
    const prepended = Buffer.concat([Buffer.from('PK'), Buffer.alloc(62), zip()])
    await expect(importDocx('prepended.docx', prepended)).rejects.toThrow(/central directory out of place/)
    const shifted = zip()
    shifted.writeUInt32LE(shifted.readUInt32LE(eocd(shifted) + 16) - 10, eocd(shifted) + 16)
    await expect(importDocx('shifted.docx', shifted)).rejects.toThrow(/central directory out of place/)
    // Any field at its maximum sends JSZip to ZIP64 records.
    const zip64 = zip()
    zip64.writeUInt16LE(0xffff, eocd(zip64) + 4)
    await expect(importDocx('zip64.docx', zip64)).rejects.toThrow(/a ZIP64 archive/)
  })

  it('rejects a truncated archive', async () => {
    const whole = await memo()
    await expect(importDocx('cut.docx', whole.subarray(0, Math.floor(whole.length / 2)))).rejects.toThrow(
      /^cut\.docx: not a readable \.docx: not a zip archive/
    )
  })
})
