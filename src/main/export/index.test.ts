import { describe, expect, it } from 'vitest'
import { EXPORT_FORMATS, type ExportFormat } from '../../shared/api'
import { ClaimdeskError } from '../../shared/errors'
import { sampleCase } from '../../shared/briefing/test-fixtures'
import { DEFAULT_LABELS } from '../../shared/briefing/labels'
import { exportBriefing, findBriefing, slugify } from './index'

const generatedAt = '2024-05-03T10:00:00.000Z'
const fakePdf = async (html: string) => new Uint8Array(Buffer.from(`%PDF-fake ${html.length}`))

describe('exportBriefing', () => {
  it.each([
    ['md', 'text/markdown; charset=utf-8', 'utf8'],
    ['html', 'text/html; charset=utf-8', 'utf8'],
    ['csv', 'text/csv; charset=utf-8', 'utf8'],
    ['jsonld', 'application/ld+json', 'utf8'],
    ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'base64'],
    ['pdf', 'application/pdf', 'base64']
  ] as const)('exports %s with its file name, type and encoding', async (format, mimeType, encoding) => {
    const r = await exportBriefing(sampleCase(), { format, generatedAt }, { printPdf: fakePdf })
    expect(r).toMatchObject({ fileName: `strait-of-marren-shipping-disruption.${format}`, mimeType, encoding })
    expect(r.content.length).toBeGreaterThan(10)
    if (format === 'docx') expect(Buffer.from(r.content, 'base64').subarray(0, 2).toString()).toBe('PK')
    if (format === 'pdf') expect(Buffer.from(r.content, 'base64').toString()).toMatch(/^%PDF-fake \d+$/)
  })

  it('gives the same bytes for the same case and generatedAt, in every format', async () => {
    for (const format of EXPORT_FORMATS) {
      const a = await exportBriefing(sampleCase(), { format, generatedAt }, { printPdf: fakePdf })
      const b = await exportBriefing(sampleCase(), { format, generatedAt }, { printPdf: fakePdf })
      expect(a.content, format).toBe(b.content)
    }
  })

  it('changes only the generated-at line when generatedAt changes', async () => {
    const a = (await exportBriefing(sampleCase(), { format: 'md', generatedAt })).content.split('\n')
    const b = (await exportBriefing(sampleCase(), { format: 'md', generatedAt: '2025-01-01T00:00:00Z' })).content.split(
      '\n'
    )
    const diff = a.map((line, i) => (line === b[i] ? null : [line, b[i]])).filter(Boolean)
    expect(diff).toEqual([
      [
        'Date: 2024-05-03 09:30 UTC · Author: A. Analyst · Generated: 2024-05-03 10:00 UTC',
        'Date: 2024-05-03 09:30 UTC · Author: A. Analyst · Generated: 2025-01-01 00:00 UTC'
      ]
    ])
  })

  it('picks a briefing by id or title, and the first one when none is named', async () => {
    const title = async (briefing?: string) => {
      const r = await exportBriefing(sampleCase(), { format: 'md', briefing, generatedAt })
      return r.content.split('\n')[0]
    }
    expect(await title()).toBe('# Strait of Marren: shipping disruption')
    expect(await title('b-topics')).toBe('# Vessel counts by topic')
    expect(await title('Vessel counts by topic')).toBe('# Vessel counts by topic')
    expect(await title('  vessel COUNTS by topic ')).toBe('# Vessel counts by topic')
  })

  it('exports every claim grouped by source when the case has no briefing', async () => {
    const data = { ...sampleCase(), briefings: [] }
    const r = await exportBriefing(data, { format: 'md', generatedAt })
    expect(r.fileName).toBe('marren-shipping.md')
    expect(r.content).toContain('## Reporting, grouped by source')
    expect(r.content.match(/^- Grade: /gm)).toHaveLength(data.claims.length)
  })

  it('says in its result which claims it leaves out because their document is missing, in every format', async () => {
    const sound = await exportBriefing({ ...sampleCase(), briefings: [] }, { format: 'md', generatedAt })
    expect(sound.leftOut).toBeUndefined()

    const data = { ...sampleCase(), briefings: [] }
    const [gone, ...kept] = data.documents
    data.documents = kept
    const orphans = data.claims.filter((c) => c.documentId === gone.id).map((c) => c.id)
    expect(orphans).toHaveLength(7)
    for (const format of EXPORT_FORMATS) {
      const r = await exportBriefing(data, { format, generatedAt }, { printPdf: fakePdf })
      expect(r.leftOut, format).toEqual({
        claimIds: orphans,
        message: `The export leaves out 7 claims whose document the case does not hold (${orphans.slice(0, 5).join(', ')} and 2 more).`
      })
    }
  })

  it('names too the claims a briefing names that the case does not hold', async () => {
    const r = await exportBriefing(sampleCase(), { format: 'csv', briefing: 'b-topics', generatedAt })
    expect(r.leftOut).toEqual({
      claimIds: ['c-gone'],
      message: 'The export leaves out 1 claim the briefing names that the case does not hold (c-gone).'
    })
  })

  it('rejects bad input with a clear error and changes nothing', async () => {
    const data = sampleCase()
    const before = JSON.stringify(data)
    const fail = (input: Parameters<typeof exportBriefing>[1]) =>
      exportBriefing(data, input).then(
        () => {
          throw new Error('expected a failure')
        },
        (e: unknown) => e as ClaimdeskError
      )
    const missing = await fail({ format: 'md', briefing: 'Nope' })
    expect(missing).toBeInstanceOf(ClaimdeskError)
    expect(missing.code).toBe('not-found')
    expect(missing.message).toBe(
      'briefing: no briefing "Nope" in this case (it has "Strait of Marren: shipping disruption", "Vessel counts by topic")'
    )
    const format = await fail({ format: 'rtf' as ExportFormat })
    expect(format.code).toBe('invalid')
    expect(format.message).toMatch(/^export: format: /)
    const when = await fail({ format: 'md', generatedAt: 'yesterday' })
    expect(when.message).toBe('export: generatedAt "yesterday" is not an ISO date-time')
    expect(JSON.stringify(data)).toBe(before)
  })

  it('uses configured labels', async () => {
    const words = DEFAULT_LABELS.gradeWords
    const labels = {
      ...DEFAULT_LABELS,
      gradeWords: { ...words, information: { ...words.information, '3': 'information plausible' } }
    }
    const r = await exportBriefing(sampleCase(), { format: 'md', generatedAt }, { labels })
    expect(r.content).toContain('- Grade: **C3** (source fairly reliable; information plausible)')
  })

  it('refuses an ambiguous title', () => {
    const data = sampleCase()
    data.briefings.push({ ...data.briefings[1], id: 'b-dup' })
    expect(() => findBriefing(data, 'Vessel counts by topic')).toThrow(
      /2 briefings are titled "Vessel counts by topic"; name one by its id/
    )
  })
})

describe('slugify', () => {
  it('makes a portable file name from a title', () => {
    expect(slugify('Strait of Marren: Shipping (draft)')).toBe('strait-of-marren-shipping-draft')
    expect(slugify('Ukraïne — Kursk / 2024')).toBe('ukraine-kursk-2024')
    expect(slugify('../../etc/passwd')).toBe('etc-passwd')
    expect(slugify('???')).toBe('briefing')
    expect(slugify('x'.repeat(200))).toHaveLength(80)
  })
})
