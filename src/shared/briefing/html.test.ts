// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { buildBriefingView } from './view'
import { HOSTILE, SAMPLE_CIRCULAR, sampleCase } from './test-fixtures'
import { escapeHtml, renderHtml } from './html'
import { quoteForDisplay } from './quotes'

const generatedAt = '2024-05-03T10:00:00.000Z'
const data = sampleCase()
const view = buildBriefingView(data, data.briefings[0], { generatedAt })
const html = renderHtml(view)
const doc = new DOMParser().parseFromString(html, 'text/html')
const texts = (selector: string): string[] => [...doc.querySelectorAll(selector)].map((e) => e.textContent!.trim())

describe('renderHtml', () => {
  it('is one self-contained file: no scripts, no remote resources, inline CSS with a print stylesheet', () => {
    expect(html).not.toMatch(/<script/i)
    expect(doc.querySelectorAll('script, link, iframe, object, embed, img, base')).toHaveLength(0)
    expect(doc.querySelectorAll('style')).toHaveLength(1)
    const css = doc.querySelector('style')!.textContent!
    expect(css).toContain('@media print')
    expect(css).not.toMatch(/url\(|@import/)
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')
    expect(csp).toBe("default-src 'none'; style-src 'unsafe-inline'")
  })

  it('escapes hostile text everywhere: no element or event handler comes from data', () => {
    expect(html).not.toContain(HOSTILE)
    expect(html).toContain(escapeHtml(HOSTILE))
    for (const el of doc.querySelectorAll('*'))
      for (const attr of el.getAttributeNames()) expect(attr.startsWith('on')).toBe(false)
    expect(doc.querySelectorAll('b')).toHaveLength(0)
    const hostileQuote = data.claims.find((c) => c.id === 'c-hostile')!.quote.exact
    expect(texts('#reporting blockquote')).toContain(quoteForDisplay(hostileQuote))
    expect(texts('h3')).toContain('Ops <b>desk</b> & "Co"')
  })

  it('links only http(s) URLs', () => {
    const hrefs = [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href')!)
    expect(hrefs.every((h) => /^#(cite|doc)-/.test(h) || h.startsWith('https://'))).toBe(true)
    expect(hrefs).not.toContain('javascript:alert(1)')
    expect(texts('#documents .document').some((t) => t.includes('javascript:alert(1)'))).toBe(true)
    for (const h of hrefs.filter((x) => x.startsWith('#'))) expect(doc.getElementById(h.slice(1)), h).not.toBeNull()
  })

  it('puts the handling line in the header and footer and the title in <title>', () => {
    expect(texts('header .handling')).toEqual(['OFFICIAL — FOR TRAINING <only>'])
    expect(texts('footer.handling')).toEqual(['OFFICIAL — FOR TRAINING <only>'])
    expect(doc.title).toBe('Strait of Marren: shipping disruption')
    expect(renderHtml(view, { omitHandlingBanners: true })).not.toContain('class="handling"')
  })

  it('has the sections, groups, claims, sources table, side-by-side pairs and numbered citations', () => {
    expect(texts('h2')).toEqual([
      'Bottom line',
      'Key judgments',
      'Reporting, grouped by source',
      'Sources and reliability',
      'Conflicting reporting',
      'Consistent reporting from one source',
      'Information gaps',
      'Citations',
      'Documents cited'
    ])
    expect(doc.querySelectorAll('#reporting article.claim')).toHaveLength(data.claims.length)
    const claim = doc.querySelector('#claim-c-120')!
    expect(claim.querySelector('.grade')!.textContent).toBe('C3')
    expect(claim.querySelector('.status')!.textContent).toBe('Contradicted')
    expect(claim.querySelector('.chain')!.textContent).toBe(
      'Unnamed Coast Guard official, via Reuters, in The Harbour Tribune'
    )
    expect(claim.querySelector('sup.cite a')!.getAttribute('href')).toBe('#cite-3')
    expect(claim.querySelector('sup.cite')!.textContent).toBe('[3]')
    const rows = [...doc.querySelectorAll('#sources tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent)
    )
    expect(rows.find((r) => r[0]!.startsWith('Unnamed'))).toEqual([
      'Unnamed Coast Guard officialSpeaks for the Coast Guard; not named.',
      'Anonymous',
      'C — fairly reliable',
      '1',
      '0',
      'Reuters'
    ])
    expect(texts('#conflicting .comparison-head')).toEqual(['1. Vessels turned back: figures disagree'])
    expect(texts('#conflicting .comparison-why')).toEqual(['120, 80 and 95 vessels: the counts disagree.'])
    expect(texts('#conflicting .side .facts')).toEqual([
      'C3 Contradicted 2024-05-01',
      'B2 Corroborated 2024-05-01',
      'F3 Unverified 2024-05-02'
    ])
    expect(texts('#oneSource .comparison-head')).toEqual(['1. Tidewatch corroborates Tidewatch'])
    expect(doc.querySelector('#circular')).toBeNull()
  })

  it('warns of circular reporting with the notes of the claims it concerns', () => {
    const page = new DOMParser().parseFromString(
      renderHtml(buildBriefingView(data, data.briefings[0], { generatedAt, circular: SAMPLE_CIRCULAR })),
      'text/html'
    )
    const warning = page.querySelector('#circular .warning')!
    expect(warning.textContent).toBe(`Circular reporting ${SAMPLE_CIRCULAR[0].warning}\u2060[3][8]`)
    expect([...warning.querySelectorAll('sup.cite a')].map((a) => a.getAttribute('href'))).toEqual([
      '#cite-3',
      '#cite-8'
    ])
  })

  it('marks every note in its own brackets, one note per claim, and cites each document once in the annex', () => {
    // Each mark its own link: "[1][2]", never "12" nor two claims under one number.
    const judgmentMarks = [...doc.querySelectorAll('#key-judgments li sup.cite')].map((s) => s.textContent)
    expect(judgmentMarks).toEqual(['[1][2]', '[3][4]'])
    expect([...doc.querySelectorAll('#key-judgments li')][0].innerHTML).toMatch(/percent\.\u2060<sup class="cite">/)
    const reportingMarks = [...doc.querySelectorAll('#reporting article.claim sup.cite')].map((s) => s.textContent)
    expect(new Set(reportingMarks).size).toBe(data.claims.length)
    const notes = [...doc.querySelectorAll('#citations li')]
    expect(notes.map((li) => li.id)).toEqual(view.citations.map((c) => `cite-${c.number}`))
    expect(notes.map((li) => li.textContent)).toEqual(view.citations.map((c) => c.note))
    expect(notes[0].textContent).toBe('D1, para. 4')
    expect(notes[0].querySelector('a')!.getAttribute('href')).toBe('#doc-D1')
    const docs = [...doc.querySelectorAll('#documents .document')]
    expect(docs.map((d) => d.id)).toEqual(['doc-D1', 'doc-D2'])
    expect(docs[0].textContent).toContain('SHA-256 646f632d')
    expect(docs[0].textContent).toContain('Captured 2024-05-02 08:00 UTC from doc-report.txt')
    expect(docs[0].textContent).toContain('Cited in notes 1–6, 9')
    expect(docs[1].textContent).toContain('Cited in notes 7, 8')
    // The URL and hash of a document appear once, however many claims cite it.
    expect(html.split('https://tribune.example/marren-shipping').length - 1).toBe(2) // href and text
    expect(html.split(view.documents[0].sha256).length - 1).toBe(1)
  })

  it('wraps quotes in one pair of marks: the quote’s own closing mark is not doubled', () => {
    const soon = doc.querySelector('#claim-c-soon blockquote')!.textContent!.trim()
    expect(soon).toBe('“shipping would ‘return to normal soon.’\u202F”')
    for (const q of texts('blockquote')) {
      expect(q.startsWith('“') && q.endsWith('”'), q).toBe(true)
      expect(q, q).not.toMatch(/^“[“"]|[”"]”$/)
    }
    expect(doc.querySelector('style')!.textContent).not.toMatch(/content: "“"/)
  })

  it('prints the handling line atop every page and page numbers at the foot, with no way out of the CSS string', () => {
    const css = doc.querySelector('style')!.textContent!
    expect(css).toMatch(/@page \{[^]*@top-center \{ content: "OFFICIAL \\2014 {2}FOR TRAINING \\3c only\\3e "/)
    expect(css).toContain('@bottom-right { content: "Page " counter(page) " of " counter(pages);')
    const evil = '"; } body { display: none } </style><script>alert(1)</script> \\'
    const b = { ...data.briefings[0], handling: evil }
    const out = renderHtml(buildBriefingView(data, b, { generatedAt }))
    const style = /<style>([^]*?)<\/style>/.exec(out)![1]
    expect(style).not.toContain('</')
    const top = /@top-center \{ content: ("(?:[^"\\]|\\.)*");/.exec(style)![1]
    // Undo the CSS escapes: the string holds exactly the handling line.
    expect(JSON.parse(top.replace(/\\([0-9a-f]+) /g, (_m, h) => `\\u${h.padStart(4, '0')}`))).toBe(evil)
    const untitled = renderHtml(buildBriefingView(data, data.briefings[1], { generatedAt }))
    expect(untitled).toContain('@bottom-left { content: "Vessel counts by topic";')
    expect(untitled).not.toContain('@top-center')
  })

  it('keeps paragraphs and line breaks of analyst text', () => {
    expect(doc.querySelectorAll('#bottom-line p')).toHaveLength(2)
    expect(doc.querySelector('#gaps p')!.innerHTML).toBe(
      'No independent count of diverted vessels.<br>* Not a list item'
    )
  })
})
