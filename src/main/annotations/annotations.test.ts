// W3C Web Annotation (JSON-LD): how claims leave a case (export.ts) and come back into one (import.ts).
import { describe, expect, it } from 'vitest'
import type { CaseData, Claim } from '../../shared/model'
import { buildBriefingView } from '../../shared/briefing/view'
import { makeClaim, makeDocument, makeSource, sampleCase } from '../../shared/briefing/test-fixtures'
import { ClaimdeskError } from '../../shared/errors'
import { ANNO_CONTEXT, idToUrn, renderJsonLd, textSha256 } from './export'
import { matchAnnotationsToCase, parseWebAnnotations } from './import'

const generatedAt = '2024-05-03T10:00:00.000Z'
type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

function exportCase(data: CaseData, briefingIndex: number | null = 0): Json {
  const b = briefingIndex === null ? null : data.briefings[briefingIndex]
  return JSON.parse(renderJsonLd(data, buildBriefingView(data, b, { generatedAt })))
}

const sortById = (claims: Claim[]) => [...claims].sort((a, b) => (a.id < b.id ? -1 : 1))

/** A case with a document where UTF-16 offsets and code points differ (astral characters). */
function astralCase(): CaseData {
  const data = sampleCase()
  const doc = makeDocument('9b2f8c1e-3a4d-4e5f-8a6b-7c8d9e0f1a2b', { title: 'Emoji 📦 report', outlet: 'Wire' }, [
    { kind: 'paragraph', text: '📦📦 Cargo 🚢 ships: 12 tankers waited offshore.' }
  ])
  data.documents.push(doc)
  data.claims.push(
    makeClaim('5e0c7a3b-1d2e-4f60-9a8b-0c1d2e3f4a5b', doc, '12 tankers waited offshore', {
      sourceId: 'src-ostrova',
      tags: ['🚢']
    })
  )
  return data
}

describe('renderJsonLd', () => {
  const data = sampleCase()
  const json = exportCase(data)
  const items: Json[] = json.first.items

  it('is a Web Annotation collection with one Annotation per claim', () => {
    expect(json['@context'][0]).toBe(ANNO_CONTEXT)
    expect(json.type).toBe('AnnotationCollection')
    expect(json.total).toBe(data.claims.length)
    expect(json.first.type).toBe('AnnotationPage')
    expect(items).toHaveLength(data.claims.length)
    for (const a of items) {
      expect(a.type).toBe('Annotation')
      expect(a.id).toMatch(/^urn:/)
      expect(typeof a.created).toBe('string')
      expect(typeof a.modified).toBe('string')
    }
  })

  it('targets the text the selectors count in by URN and hash, naming its original file apart', () => {
    const a = items.find((x) => x.id === idToUrn('claim', 'c-120'))!
    const claim = data.claims.find((c) => c.id === 'c-120')!
    const doc = data.documents[0]
    expect(a.target.source).toEqual({
      id: 'urn:claimdesk:document:doc-report',
      type: 'Text',
      format: 'text/plain',
      'cd:textSha256': textSha256(doc.text),
      'cd:title': doc.title,
      'cd:outlet': doc.outlet,
      'cd:url': doc.url,
      'cd:original': {
        'cd:fileName': doc.provenance.fileName,
        'cd:format': doc.provenance.format,
        'cd:size': doc.provenance.size,
        'cd:sha256': doc.provenance.sha256
      }
    })
    expect(a.target.selector).toEqual([
      { type: 'TextQuoteSelector', ...claim.quote },
      {
        type: 'TextPositionSelector',
        ...claim.position,
        'cd:utf16Start': claim.position.start,
        'cd:utf16End': claim.position.end
      }
    ])
  })

  it('has tagging bodies for source, relays and tags, a commenting body and an assessing body', () => {
    const a = items.find((x) => x.id === idToUrn('claim', 'c-120'))!
    const bodies = a.body as Json[]
    expect(bodies.map((b) => [b.purpose, b.value, b['cd:role']])).toEqual([
      ['tagging', 'Unnamed Coast Guard official', 'source'],
      ['tagging', 'Reuters', 'via'],
      ['tagging', 'vessels', undefined],
      ['tagging', 'diversions', undefined],
      ['commenting', 'Higher than the harbour master’s figure.', undefined],
      ['assessing', 'C3 · Contradicted (source fairly reliable; information possibly true)', undefined]
    ])
    expect(bodies[5]).toMatchObject({ 'cd:reliability': 'C', 'cd:credibility': '3', 'cd:status': 'contradicted' })
    for (const b of bodies) expect(b.type).toBe('TextualBody')
  })

  it('keeps a quote that ends in a quotation mark exactly, and words credibility 6 as English', () => {
    const a = items.find((x) => x.id === idToUrn('claim', 'c-soon'))!
    expect(a.target.selector[0].exact).toBe('shipping would "return to normal soon."')
    expect((a.body as Json[]).find((b) => b.purpose === 'assessing')!.value).toBe(
      'D6 · Unverified (source not usually reliable; truth of the information cannot be judged)'
    )
  })

  it('uses urn:uuid for UUID ids and counts positions in code points', () => {
    const data2 = astralCase()
    const a = exportCase(data2, null).first.items.find(
      (x: Json) => x.id === 'urn:uuid:5e0c7a3b-1d2e-4f60-9a8b-0c1d2e3f4a5b'
    )
    const claim = data2.claims[data2.claims.length - 1]
    expect(a.target.source.id).toBe('urn:uuid:9b2f8c1e-3a4d-4e5f-8a6b-7c8d9e0f1a2b')
    const pos = a.target.selector[1]
    expect(pos['cd:utf16Start']).toBe(claim.position.start)
    expect(pos.start).toBe(claim.position.start - 3) // three astral characters before the quote
    expect([...data2.documents[2].text].slice(pos.start, pos.end).join('')).toBe('12 tankers waited offshore')
  })
})

describe('parseWebAnnotations', () => {
  it('round-trips every claim field and the sources', () => {
    const data = astralCase()
    const parsed = parseWebAnnotations(JSON.stringify(exportCase(data, null)))
    expect(sortById(parsed.claims)).toEqual(sortById(data.claims))
    const used = new Set(data.claims.flatMap((c) => [c.sourceId, ...c.via]))
    expect([...parsed.sources].sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(
      data.sources.filter((s) => used.has(s.id)).sort((a, b) => (a.id < b.id ? -1 : 1))
    )
    expect(parsed.codePointPositions).toEqual([])
    expect(parsed.documents.find((d) => d.id === 'doc-report')).toMatchObject({
      sha256: data.documents[0].provenance.sha256,
      url: 'https://tribune.example/marren-shipping'
    })
  })

  it('reads a plain annotation from another tool with defaults', () => {
    const parsed = parseWebAnnotations(
      {
        '@context': ANNO_CONTEXT,
        id: 'https://hyp.example/a/1',
        type: 'Annotation',
        body: [
          { type: 'TextualBody', purpose: 'tagging', value: 'ports' },
          { type: 'TextualBody', purpose: 'commenting', value: 'check this' },
          'https://example.org/external-body'
        ],
        target: {
          source: 'https://tribune.example/marren-shipping',
          selector: [
            { type: 'TextQuoteSelector', exact: 'around 80 vessels' },
            { type: 'TextPositionSelector', start: 10, end: 27 }
          ]
        }
      },
      { now: generatedAt, newId: () => 'new-1' }
    )
    expect(parsed.claims).toEqual([
      {
        id: 'new-1',
        documentId: 'https://tribune.example/marren-shipping',
        quote: { exact: 'around 80 vessels', prefix: '', suffix: '' },
        position: { start: 10, end: 27 },
        sourceId: null,
        via: [],
        tags: ['ports'],
        note: 'check this',
        status: 'unverified',
        credibility: '6',
        createdAt: generatedAt,
        updatedAt: generatedAt
      }
    ])
    expect(parsed.codePointPositions).toEqual(['new-1'])
    expect(parsed.documents[0]).toMatchObject({ id: null, url: 'https://tribune.example/marren-shipping' })
  })

  const bad = (json: unknown) => {
    try {
      parseWebAnnotations(json)
    } catch (e) {
      expect(e).toBeInstanceOf(ClaimdeskError)
      expect((e as ClaimdeskError).code).toBe('invalid')
      return (e as Error).message
    }
    throw new Error('expected an error')
  }

  it('names the annotation and the problem on bad input', () => {
    const items = exportCase(sampleCase()).first.items as Json[]
    expect(bad('{ nope')).toMatch(/^Web Annotation file: not valid JSON/)
    expect(bad(42)).toBe('Web Annotation file: expected a JSON object or array')
    expect(bad({ type: 'AnnotationCollection', first: 'https://x/page1' })).toMatch(/links to its pages/)

    const noQuote = structuredClone(items[1])
    noQuote.target.selector = noQuote.target.selector.slice(1)
    expect(bad([items[0], noQuote])).toBe(
      'Web Annotation file: annotation 2 (urn:claimdesk:claim:c-120): target has no TextQuoteSelector'
    )

    const badStatus = structuredClone(items[0])
    badStatus.body[badStatus.body.length - 1]['cd:status'] = 'maybe'
    expect(bad([badStatus])).toMatch(
      /^Web Annotation file: annotation 1 \(urn:claimdesk:claim:c-fell\): body.*cd:status/
    )

    const backwards = structuredClone(items[0])
    backwards.target.selector[1]['cd:utf16End'] = 1
    expect(bad([backwards])).toMatch(/end must be after start/)

    expect(bad([items[0], items[0]])).toMatch(/appears twice/)
    expect(bad([{ type: 'Annotation' }])).toMatch(/annotation 1: target/)
  })
})

describe('matchAnnotationsToCase', () => {
  it('adds back every claim to a case that lost them', () => {
    const data = astralCase()
    const parsed = parseWebAnnotations(exportCase(data, null))
    const emptied = { ...data, claims: [] }
    const result = matchAnnotationsToCase(emptied, parsed)
    expect(result.skipped).toEqual([])
    expect(result.sources).toEqual([])
    expect(sortById(result.claims)).toEqual(sortById(data.claims))
  })

  it('skips claims the case already has', () => {
    const data = sampleCase()
    const result = matchAnnotationsToCase(data, parseWebAnnotations(exportCase(data)))
    expect(result.claims).toEqual([])
    expect(result.skipped.every((s) => s.reason === 'already in the case')).toBe(true)
  })

  it('finds documents by hash and sources by name in another case, and creates missing sources', () => {
    const from = sampleCase()
    const parsed = parseWebAnnotations(exportCase(from))
    const other = sampleCase()
    other.claims = []
    other.documents[0] = { ...other.documents[0], id: 'doc-copy' }
    other.sources = [makeSource('mine-reuters', 'reuters', 'outlet', 'A')] // same name, other id
    const result = matchAnnotationsToCase(other, parsed)
    expect(result.skipped).toEqual([])
    const c120 = result.claims.find((c) => c.id === 'c-120')!
    expect(c120.documentId).toBe('doc-copy')
    expect(c120.via).toEqual(['mine-reuters'])
    expect(c120.sourceId).toBe('src-cg')
    expect(result.sources.map((s) => s.id).sort()).toEqual([
      'src-cg',
      'src-desk',
      'src-ostrova',
      'src-tidewatch',
      'src-varga'
    ])
  })

  it('converts code-point positions and refuses quotes that are not where the file says', () => {
    const data = astralCase()
    const json = exportCase(data, null)
    for (const a of json.first.items as Json[]) {
      delete a.target.selector[1]['cd:utf16Start']
      delete a.target.selector[1]['cd:utf16End']
    }
    const target = json.first.items.find((a: Json) => a.id === idToUrn('claim', 'c-80'))
    target.target.selector[1].start += 1
    target.target.selector[1].end += 1
    const result = matchAnnotationsToCase({ ...data, claims: [] }, parseWebAnnotations(json))
    const astral = result.claims.find((c) => c.id === '5e0c7a3b-1d2e-4f60-9a8b-0c1d2e3f4a5b')!
    expect(astral.position).toEqual(data.claims[data.claims.length - 1].position)
    expect(result.skipped).toEqual([
      { claimId: 'c-80', reason: expect.stringMatching(/^the quote is not at \d+-\d+ in “Shipping through/) }
    ])
  })

  it('carries how a claim was re-anchored, without references to documents the other case lacks', () => {
    const data = sampleCase()
    const moved = data.claims.find((c) => c.id === 'c-120')!
    moved.anchor = { state: 'fuzzy', score: 0.82, previousQuote: 'old words', fromDocumentId: 'doc-gone' }
    const orphan = data.claims.find((c) => c.id === 'c-95')!
    orphan.anchor = { state: 'orphaned', score: 0.4, toDocumentId: 'doc-report' }
    const parsed = parseWebAnnotations(exportCase(data, null))
    expect(parsed.claims.find((c) => c.id === 'c-120')!.anchor).toEqual(moved.anchor)
    const result = matchAnnotationsToCase({ ...data, claims: [] }, parsed)
    expect(result.claims.find((c) => c.id === 'c-120')!.anchor).toEqual({
      state: 'fuzzy',
      score: 0.82,
      previousQuote: 'old words'
    })
    expect(result.claims.find((c) => c.id === 'c-95')!.anchor).toEqual(orphan.anchor)
    const withoutTarget = matchAnnotationsToCase(
      { ...data, claims: [], documents: data.documents.filter((d) => d.id !== 'doc-report') },
      parsed
    )
    expect(withoutTarget.claims.find((c) => c.id === 'c-95')!.anchor).toBeUndefined()
  })

  it('finds a document by the hash of its text, and reads files that named the original in cd:sha256', () => {
    const from = sampleCase()
    const json = exportCase(from, null)
    const other = sampleCase()
    other.claims = []
    other.documents = other.documents.map((d) => ({
      ...d,
      id: `copy-${d.id}`,
      provenance: { ...d.provenance, sha256: 'f'.repeat(64) } // the same text from another file
    }))
    const byText = matchAnnotationsToCase(other, parseWebAnnotations(json))
    expect(byText.skipped).toEqual([])
    expect(new Set(byText.claims.map((c) => c.documentId))).toEqual(new Set(other.documents.map((d) => d.id)))

    for (const a of json.first.items as Json[]) {
      const source = a.target.source
      source['cd:sha256'] = source['cd:original']['cd:sha256']
      delete source['cd:original']
      delete source['cd:textSha256']
    }
    const legacy = parseWebAnnotations(json)
    expect(legacy.documents.find((d) => d.id === 'doc-report')).toMatchObject({
      sha256: from.documents[0].provenance.sha256,
      textSha256: null
    })
    const moved = from.documents.map((d) => ({ ...d, id: `copy-${d.id}` }))
    expect(matchAnnotationsToCase({ ...from, claims: [], documents: moved }, legacy).skipped).toEqual([])
  })

  it('skips claims whose document is not in the case', () => {
    const data = sampleCase()
    const parsed = parseWebAnnotations(exportCase(data))
    const result = matchAnnotationsToCase({ ...data, claims: [], documents: [data.documents[0]] }, parsed)
    expect(result.skipped.map((s) => s.claimId).sort()).toEqual(['c-95', 'c-hostile'])
    expect(result.skipped[0].reason).toBe('its document (doc-bulletin) is not in this case')
  })
})
