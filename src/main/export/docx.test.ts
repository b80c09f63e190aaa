import { describe, expect, it, vi } from 'vitest'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { buildBriefingView, COMPARISON_SECTIONS, type BriefingView } from '../../shared/briefing/view'
import { quoteForDisplay } from '../../shared/briefing/quotes'
import { HOSTILE, SAMPLE_CIRCULAR, sampleCase } from '../../shared/briefing/test-fixtures'
import { EXTERNAL_PROGRAM_MS } from '../testing/budgets'
import { renderDocx } from './docx'

const generatedAt = '2024-05-03T10:00:00.000Z'
const data = sampleCase()
const view = buildBriefingView(data, data.briefings[0], { generatedAt, circular: SAMPLE_CIRCULAR })

function parts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes)
  return Object.fromEntries(Object.entries(files).map(([name, b]) => [name, strFromU8(b)]))
}

/** DOS date/time fields of every local and central zip header. */
function zipTimes(bytes: Uint8Array): string[] {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const out: string[] = []
  for (let p = 0; p + 4 <= bytes.length; p++) {
    const sig = dv.getUint32(p, true)
    if (sig === 0x04034b50) out.push(`${dv.getUint16(p + 12, true)}/${dv.getUint16(p + 10, true)}`)
    if (sig === 0x02014b50) out.push(`${dv.getUint16(p + 14, true)}/${dv.getUint16(p + 12, true)}`)
  }
  return out
}

/** The note numbers a reader of `view` meets, in document order: judgments, reporting, comparisons, circular reporting. */
function expectedMarks(v: BriefingView): number[] {
  return [
    ...v.judgments.flatMap((j) => j.citations),
    ...v.reporting.groups.flatMap((g) => g.claims.map((c) => c.citation.number)),
    ...COMPARISON_SECTIONS.flatMap(({ side }) => v[side]).flatMap((x) => x.claims.map((c) => c.citation.number)),
    ...v.circular.flatMap((w) => w.citations)
  ]
}

interface Mark {
  /** The number a reader sees: Word's own for a footnote (its position among footnotes), else the text. */
  number: number
  footnoteId: number | null
}

/** Marks in document.xml in order: "[" footnote "]" or a superscript "[n]". */
function marksOf(documentXml: string): Mark[] {
  const superscript = '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t xml:space="preserve">'
  const re = new RegExp(
    `${superscript}\\[</w:t></w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="(\\d+)"/></w:r>${superscript}\\]</w:t></w:r>|${superscript}\\[(\\d+)\\]</w:t></w:r>`,
    'g'
  )
  let footnotes = 0
  return [...documentXml.matchAll(re)].map((m) =>
    m[1] ? { number: ++footnotes, footnoteId: Number(m[1]) } : { number: Number(m[2]), footnoteId: null }
  )
}

/** Footnote id -> its text. */
function footnoteTexts(footnotesXml: string): Map<number, string> {
  const out = new Map<number, string>()
  for (const m of footnotesXml.matchAll(/<w:footnote w:id="(\d+)">([^]*?)<\/w:footnote>/g))
    out.set(Number(m[1]), [...m[2].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))
  return out
}

describe('renderDocx', () => {
  it('uses real Title, Heading and Quote styles', async () => {
    const p = parts(await renderDocx(view))
    const doc = p['word/document.xml']
    for (const style of ['Title', 'Heading1', 'Heading2', 'Heading3', 'Quote'])
      expect(doc).toContain(`<w:pStyle w:val="${style}"/>`)
    expect(p['word/styles.xml']).toMatch(
      /<w:style w:type="paragraph" w:styleId="Heading1">\s*<w:name w:val="heading 1"\/>/i
    )
    expect(p['word/styles.xml']).toMatch(/w:styleId="Quote"[^]*?<w:name w:val="Quote"\/>/)
  })

  it('has the sources table and side-by-side pairs as tables', async () => {
    const doc = parts(await renderDocx(view))['word/document.xml']
    expect(doc.match(/<w:tbl>/g)).toHaveLength(
      1 + COMPARISON_SECTIONS.reduce((n, { side }) => n + view[side].length, 0)
    )
    expect(doc).toContain('<w:tblHeader/>')
  })

  it('puts a short footnote at a claim’s first citation and its number in brackets at the others, as Word numbers them', async () => {
    const p = parts(await renderDocx(view))
    const doc = p['word/document.xml']
    const marks = marksOf(doc)
    // Every mark is found: as many as footnote references plus superscript numbers in the file.
    const refs = doc.match(/<w:footnoteReference /g) ?? []
    expect(refs).toHaveLength(view.citations.length)
    expect(marks.filter((m) => m.footnoteId !== null)).toHaveLength(refs.length)
    // Word numbers footnotes by position; those numbers, and the later plain marks, are the view's.
    expect(marks.map((m) => m.number)).toEqual(expectedMarks(view))
    const notes = footnoteTexts(p['word/footnotes.xml'])
    for (const m of marks.filter((x) => x.footnoteId !== null))
      expect(notes.get(m.footnoteId!)!.trim()).toBe(view.citations[m.number - 1].note)
    for (const [i, m] of marks.entries())
      if (m.footnoteId === null)
        expect(marks.slice(0, i).some((x) => x.footnoteId !== null && x.number === m.number)).toBe(true)
    expect(notes.get(marks[0].footnoteId!)!.trim()).toBe('D1, para. 4')
    // Short notes: the full reference and the hash are in the annex, once per document.
    expect(p['word/footnotes.xml']).not.toContain('SHA-256')
    expect(p['word/footnotes.xml']).not.toContain('Shipping through')
    expect(doc.split('SHA-256 646f632d7265706f7274').length - 1).toBe(1)
    expect(doc).toContain('Cited in notes 1–6, 9')
    // Marks are never run together: a judgment citing two claims ends "percent.[1][2]".
    expect(doc).toMatch(
      /40 percent\.<\/w:t><\/w:r><w:r><w:rPr><w:vertAlign w:val="superscript"\/><\/w:rPr><w:t xml:space="preserve">\[<\/w:t>/
    )
  })

  it('numbers footnotes as the view does when a claim is printed twice (grouped by topic) and in pairs only', async () => {
    const b = {
      ...data.briefings[1],
      claimIds: ['c-80', 'c-120', 'c-95', 'c-40pc'],
      judgments: data.briefings[0].judgments.slice(1)
    }
    const v = buildBriefingView(data, b, { generatedAt })
    const p = parts(await renderDocx(v))
    const marks = marksOf(p['word/document.xml'])
    expect(marks.map((m) => m.number)).toEqual(expectedMarks(v))
    expect(marks.filter((m) => m.footnoteId !== null).map((m) => m.number)).toEqual(v.citations.map((c) => c.number))
    // c-120 is under "vessels" and "diversions": one footnote, then a plain mark.
    const c120 = v.claims.find((c) => c.id === 'c-120')!.citation.number
    expect(marks.filter((m) => m.number === c120).map((m) => m.footnoteId === null)).toEqual([false, true, true, true])
    // c-transits is only in a pair (one source agreeing with itself): the last note.
    expect(v.citations.at(-1)!.claimId).toBe('c-transits')
  })

  it('wraps quotes in one pair of marks, nesting the quote’s own', async () => {
    const doc = parts(await renderDocx(view))['word/document.xml']
    expect(doc).toContain('“shipping would ‘return to normal soon.’\u202F”')
    expect(doc).not.toContain('soon.&quot;”')
    expect(doc).not.toContain('soon.”&quot;')
  })

  it('puts the handling line in the header and page numbers in the footer', async () => {
    const p = parts(await renderDocx(view))
    const header = Object.entries(p).find(([n]) => /^word\/header\d*\.xml$/.test(n))![1]
    const footer = Object.entries(p).find(([n]) => /^word\/footer\d*\.xml$/.test(n))![1]
    expect(header).toContain('OFFICIAL — FOR TRAINING &lt;only&gt;')
    expect(footer).toMatch(/PAGE/)
    expect(footer).toMatch(/NUMPAGES/)
  })

  it('escapes hostile text into XML text, not markup', async () => {
    const doc = parts(await renderDocx(view))['word/document.xml']
    expect(doc).not.toContain(HOSTILE)
    expect(doc).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })

  it('is deterministic: fixed core-properties and zip times', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    let a: Uint8Array, b: Uint8Array
    try {
      vi.setSystemTime(new Date('2030-01-01T00:00:00Z'))
      a = await renderDocx(view)
      vi.setSystemTime(new Date('2031-06-15T12:34:56Z')) // the clock moves on between the two
      b = await renderDocx(view)
    } finally {
      vi.useRealTimers()
    }
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true)
    const core = parts(a)['docProps/core.xml']
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2024-05-03T10:00:00Z</dcterms:created>')
    expect(core).toContain('<dc:title>Strait of Marren: shipping disruption</dc:title>')
    const dosDate = ((2024 - 1980) << 9) | (5 << 5) | 3
    const dosTime = (10 << 11) | (0 << 5) | 0
    const times = zipTimes(a)
    expect(times.length).toBeGreaterThan(10)
    expect(new Set(times)).toEqual(new Set([`${dosDate}/${dosTime}`]))
  })
})

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p))
if (!soffice) console.log('DOCX LibreOffice test skipped: no soffice (apt-get install -y libreoffice-writer-nogui)')

describe.skipIf(!soffice)('DOCX opened by LibreOffice', { timeout: EXTERNAL_PROGRAM_MS }, () => {
  it('converts to text with the headings, quotes and citations, and to HTML with real headings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimdesk-docx-'))
    try {
      const file = join(dir, 'briefing.docx')
      writeFileSync(file, await renderDocx(view))
      const profile = `-env:UserInstallation=file://${join(dir, 'profile')}`
      for (const target of ['txt:Text (encoded):UTF8', 'html'])
        execFileSync(soffice!, [profile, '--headless', '--convert-to', target, '--outdir', dir, file], {
          stdio: 'ignore',
          timeout: 120_000
        })
      const text = readFileSync(join(dir, 'briefing.txt'), 'utf8')
      const lines = text.split(/\r?\n/).map((l) => l.trim())
      for (const h of [
        'Strait of Marren: shipping disruption',
        'Bottom line',
        'Key judgments',
        'Reporting, grouped by source',
        'Sources and reliability',
        'Conflicting reporting',
        'Documents cited'
      ])
        expect(lines).toContain(h)
      for (const c of data.claims) expect(lines).toContain(quoteForDisplay(c.quote.exact))
      expect(text).not.toMatch(/[”"]”|“[“"]/)
      // LibreOffice shows each footnote's number where Word would: the marks read as the view numbers them.
      expect(text).toContain(`High confidence. ${view.judgments[0].text}[1][2]`)
      expect(text).toContain(`Low confidence. ${view.judgments[1].text}[3][4]`)
      const reporting = view.reporting.groups.flatMap((g) => g.claims)
      for (const c of reporting) expect(text).toContain(`${c.chain}[${c.citation.number}]`)
      expect(text).toContain('D1\t“Shipping through the Strait of Marren slows as patrols expand”')
      const html = readFileSync(join(dir, 'briefing.html'), 'utf8')
      expect(html).toMatch(/<h1[^>]*>(<[^>]+>)*Bottom line/)
      expect(html).toMatch(/<h2[^>]*>(<[^>]+>)*Tidewatch/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
