import { describe, expect, it } from 'vitest'
import { buildBriefingView } from '../../shared/briefing/view'
import { sampleCase } from '../../shared/briefing/test-fixtures'
import { CSV_COLUMNS, csvField, renderCsv } from './csv'

/** A strict RFC 4180 reader: fails on anything the RFC does not allow. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let i = 0
  const field = (): string => {
    if (text[i] === '"') {
      let out = ''
      i++
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field')
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            out += '"'
            i += 2
          } else {
            i++
            break
          }
        } else out += text[i++]
      }
      if (i < text.length && text[i] !== ',' && text.slice(i, i + 2) !== '\r\n')
        throw new Error(`junk after quoted field at ${i}`)
      return out
    }
    const start = i
    while (i < text.length && text[i] !== ',' && text.slice(i, i + 2) !== '\r\n') {
      if (text[i] === '"' || text[i] === '\r' || text[i] === '\n')
        throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`)
      i++
    }
    return text.slice(start, i)
  }
  while (i < text.length) {
    row.push(field())
    if (text[i] === ',') i++
    else {
      if (text.slice(i, i + 2) !== '\r\n') throw new Error('record not ended by CRLF')
      i += 2
      rows.push(row)
      row = []
    }
  }
  return rows
}

const generatedAt = '2024-05-03T10:00:00.000Z'

describe('renderCsv', () => {
  const data = sampleCase()
  const view = buildBriefingView(data, data.briefings[0], { generatedAt })
  const csv = renderCsv(view)
  const rows = parseCsv(csv.replace(/^\uFEFF/, ''))
  const records = rows.slice(1).map((r) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, r[i]])))
  const byId = (id: string) => records.find((r) => r.claim_id === id)!

  it('is RFC 4180 with a header row and one row per claim, all the same width', () => {
    expect(csv.startsWith('\uFEFFclaim_id,')).toBe(true)
    expect(rows[0]).toEqual([...CSV_COLUMNS])
    expect(rows).toHaveLength(1 + data.claims.length)
    for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length)
    expect(records.map((r) => r.claim_id)).toEqual(view.claims.map((c) => c.id))
  })

  it('has every field of the claim', () => {
    for (const claim of data.claims) {
      const r = byId(claim.id)
      const unguard = (s: string) => s.replace(/^'(?=[=+\-@\t\r])/, '')
      expect(r.document_id).toBe(claim.documentId)
      expect(unguard(r.quote)).toBe(claim.quote.exact)
      expect(r.quote_prefix).toBe(claim.quote.prefix)
      expect(r.quote_suffix).toBe(claim.quote.suffix)
      expect(Number(r.position_start)).toBe(claim.position.start)
      expect(Number(r.position_end)).toBe(claim.position.end)
      expect(r.source_id).toBe(claim.sourceId ?? '')
      expect(r.via_ids).toBe(claim.via.join('; '))
      expect(unguard(r.tags)).toBe(claim.tags.join('; '))
      expect(unguard(r.note)).toBe(claim.note)
      expect(r.status).toBe(claim.status)
      expect(r.credibility).toBe(claim.credibility)
      expect(r.created_at).toBe(claim.createdAt)
      expect(r.updated_at).toBe(claim.updatedAt)
    }
    expect(byId('c-120')).toMatchObject({
      source_name: 'Unnamed Coast Guard official',
      source_kind: 'anonymous',
      source_reliability: 'C',
      via_names: 'Reuters',
      relay_chain: 'Unnamed Coast Guard official, via Reuters, in The Harbour Tribune',
      grade: 'C3',
      paragraph: '2',
      page: '',
      outlet: 'The Harbour Tribune',
      url: 'https://tribune.example/marren-shipping',
      file_name: 'doc-report.txt',
      citation: '3',
      cited_document: 'D1'
    })
    expect(byId('c-hostile')).toMatchObject({ page: '2', paragraph: '2', cited_document: 'D2' })
  })

  it('gives each claim the note number the other formats print, one number per claim', () => {
    expect(records.map((r) => [r.claim_id, Number(r.citation)])).toEqual(
      view.claims.map((c) => [c.id, c.citation.number])
    )
    expect(new Set(records.map((r) => r.citation)).size).toBe(records.length)
    // Two claims in one paragraph: two numbers.
    expect([byId('c-transits').citation, byId('c-40pc').citation]).toEqual(['1', '2'])
  })

  it('keeps quotes exactly, their own quotation marks included', () => {
    expect(byId('c-soon').quote).toBe('shipping would "return to normal soon."')
    expect(csv).toContain('"shipping would ""return to normal soon."""')
  })

  it('guards cells that a spreadsheet would run as formulas', () => {
    expect(byId('c-95').quote).toBe("'=1+2 was painted on the pier, and 95 vessels queued offshore")
    expect(byId('c-hostile').note.startsWith(`'=HYPERLINK("http://evil.example")`)).toBe(true)
    expect(byId('c-hostile').tags).toBe(`'-danger; a,b "quoted"`)
    for (const v of ['=1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1']) expect(csvField(v).replace(/^"/, '')[0]).toBe("'")
    expect(csvField('plain')).toBe('plain')
    expect(csvField('a "b", c')).toBe('"a ""b"", c"')
  })
})
