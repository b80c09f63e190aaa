// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { buildBriefingView } from './view'
import { HOSTILE, sampleCase } from './test-fixtures'
import { escapeHtml, renderHtml } from './html'

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
    expect(texts('#reporting blockquote')).toContain(hostileQuote)
    expect(texts('h3')).toContain('Ops <b>desk</b> & "Co"')
  })

  it('links only http(s) URLs', () => {
    const hrefs = [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href')!)
    expect(hrefs.every((h) => h.startsWith('#cite-') || h.startsWith('https://'))).toBe(true)
    expect(hrefs).not.toContain('javascript:alert(1)')
    expect(texts('#citations li').some((t) => t.includes('javascript:alert(1)'))).toBe(true)
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
      'Corroborating reporting',
      'Information gaps',
      'Citations'
    ])
    expect(doc.querySelectorAll('#reporting article.claim')).toHaveLength(data.claims.length)
    const claim = doc.querySelector('#claim-c-120')!
    expect(claim.querySelector('.grade')!.textContent).toBe('C3')
    expect(claim.querySelector('.status')!.textContent).toBe('Contradicted')
    expect(claim.querySelector('.chain')!.textContent).toBe(
      'Unnamed Coast Guard official, via Reuters, in The Harbour Tribune'
    )
    expect(claim.querySelector('sup.cite a')!.getAttribute('href')).toBe('#cite-2')
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
    expect(doc.querySelectorAll('#conflicting .pair .side')).toHaveLength(2)
    const cites = [...doc.querySelectorAll('#citations li')]
    expect(cites.map((li) => li.id)).toEqual(view.citations.map((c) => `cite-${c.number}`))
    expect(cites[0].textContent).toContain('SHA-256 646f632d')
    expect(cites[0].textContent).toContain('Captured 2024-05-02 08:00 UTC')
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
