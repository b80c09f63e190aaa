import { describe, expect, it, vi } from 'vitest'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { buildBriefingView } from '../../shared/briefing/view'
import { HOSTILE, sampleCase } from '../../shared/briefing/test-fixtures'
import { EXTERNAL_PROGRAM_MS } from '../testing/budgets'
import { renderDocx } from './docx'

const generatedAt = '2024-05-03T10:00:00.000Z'
const data = sampleCase()
const view = buildBriefingView(data, data.briefings[0], { generatedAt })

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
    expect(doc.match(/<w:tbl>/g)).toHaveLength(1 + view.conflicting.length + view.corroborating.length)
    expect(doc).toContain('<w:tblHeader/>')
  })

  it('puts a citation footnote on every claim and judgment', async () => {
    const p = parts(await renderDocx(view))
    const refs = p['word/document.xml'].match(/<w:footnoteReference w:id="\d+"\/>/g) ?? []
    const judgmentRefs = view.judgments.reduce((n, j) => n + j.citations.length, 0)
    const pairRefs = 2 * (view.conflicting.length + view.corroborating.length)
    expect(refs).toHaveLength(view.claims.length + judgmentRefs + pairRefs)
    const notes = p['word/footnotes.xml']
    expect(notes).toContain(
      '[2] “Shipping through the Strait of Marren slows as patrols expand”, The Harbour Tribune, Mara Quill, 2024-05-01, para. 2.'
    )
    expect(notes).toContain('SHA-256 646f632d7265706f72740000')
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
        'Citations'
      ])
        expect(lines).toContain(h)
      for (const c of data.claims) expect(lines).toContain(c.quote.exact)
      for (const c of view.citations) expect(text).toContain(`[${c.number}] ${c.text}.`)
      const html = readFileSync(join(dir, 'briefing.html'), 'utf8')
      expect(html).toMatch(/<h1[^>]*>(<[^>]+>)*Bottom line/)
      expect(html).toMatch(/<h2[^>]*>(<[^>]+>)*Tidewatch/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 240_000)
})
