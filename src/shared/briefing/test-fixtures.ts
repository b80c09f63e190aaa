// Hand-made cases for the briefing and export tests and the export benchmark. The article is
// invented for the project: a named and an anonymous source, a relay through a wire agency,
// conflicting figures, and a second document full of hostile text for the escaping tests.
import type { CircularGroup } from '../analysis'
import {
  SCHEMA_VERSION,
  type Block,
  type BlockKind,
  type Briefing,
  type CaseData,
  type CaseDocument,
  type Claim,
  type ClaimLink,
  type Source
} from '../model'

const T0 = '2024-05-02T08:00:00.000Z'

interface BlockSpec {
  kind: BlockKind
  text: string
  page?: number
  level?: number
}

export function makeDocument(
  id: string,
  meta: Partial<Pick<CaseDocument, 'title' | 'outlet' | 'author' | 'url' | 'published'>>,
  specs: BlockSpec[],
  format: CaseDocument['provenance']['format'] = 'txt'
): CaseDocument {
  let text = ''
  const blocks: Block[] = []
  for (const spec of specs) {
    if (text) text += '\n\n'
    const block: Block = { kind: spec.kind, start: text.length, end: text.length + spec.text.length }
    if (spec.page !== undefined) block.page = spec.page
    if (spec.level !== undefined) block.level = spec.level
    blocks.push(block)
    text += spec.text
  }
  const hex = [...id].map((c) => c.charCodeAt(0).toString(16)).join('')
  return {
    id,
    title: meta.title ?? id,
    outlet: meta.outlet ?? '',
    author: meta.author ?? '',
    url: meta.url ?? '',
    published: meta.published ?? '',
    text,
    blocks,
    provenance: {
      fileName: `${id}.${format === 'paste' ? 'txt' : format}`,
      format,
      sha256: hex.padEnd(64, '0').slice(0, 64),
      size: text.length,
      importedAt: T0
    },
    notices: [],
    createdAt: T0,
    updatedAt: T0
  }
}

export function makeSource(id: string, name: string, kind: Source['kind'], reliability: Source['reliability']): Source {
  return { id, name, kind, description: '', reliability, aliases: [], createdAt: T0, updatedAt: T0 }
}

/** A claim on the `occurrence`-th (0-based) match of `exact` in the document. */
export function makeClaim(
  id: string,
  doc: CaseDocument,
  exact: string,
  fields: Partial<Omit<Claim, 'id' | 'documentId' | 'quote' | 'position'>> = {},
  occurrence = 0
): Claim {
  let start = -1
  for (let i = 0; i <= occurrence; i++) start = doc.text.indexOf(exact, start + 1)
  if (start < 0) throw new Error(`fixture: "${exact}" not in ${doc.id}`)
  const end = start + exact.length
  return {
    id,
    documentId: doc.id,
    quote: { exact, prefix: doc.text.slice(Math.max(0, start - 32), start), suffix: doc.text.slice(end, end + 32) },
    position: { start, end },
    sourceId: null,
    via: [],
    tags: [],
    note: '',
    status: 'unverified',
    credibility: '6',
    createdAt: T0,
    updatedAt: T0,
    ...fields
  }
}

export const HOSTILE = '<img src=x onerror=alert(1)>'

/** A small case: one news report, one paged bulletin with hostile text, two briefings. */
export function sampleCase(): CaseData {
  const report = makeDocument(
    'doc-report',
    {
      title: 'Shipping through the Strait of Marren slows as patrols expand',
      outlet: 'The Harbour Tribune',
      author: 'Mara Quill',
      url: 'https://tribune.example/marren-shipping',
      published: '2024-05-01'
    },
    [
      { kind: 'heading', level: 1, text: 'Shipping through the Strait of Marren slows as patrols expand' },
      {
        kind: 'paragraph',
        text: 'Commercial traffic through the Strait of Marren fell sharply this week, according to port authorities and shipping analysts.'
      },
      {
        kind: 'paragraph',
        text: 'An unnamed official at the Marren Coast Guard told Reuters that at least 120 vessels had been turned back since Monday.'
      },
      {
        kind: 'paragraph',
        text: 'Harbour Master Lena Ostrova gave a lower figure, saying around 80 vessels had been diverted, most of them bulk carriers.'
      },
      { kind: 'heading', level: 2, text: 'Transits down' },
      {
        kind: 'paragraph',
        text: 'The analytics firm Tidewatch said daily transits dropped from 64 to 38, a decline of about 40 percent.'
      },
      {
        kind: 'quote',
        text: 'Trade minister Piet Varga said the patrols were temporary and precautionary and would end within two weeks.'
      },
      { kind: 'paragraph', text: 'The Harbour Tribune could not independently verify the figures.' },
      { kind: 'paragraph', text: 'Varga added that shipping would "return to normal soon."' }
    ]
  )
  const bulletin = makeDocument(
    'doc-bulletin',
    {
      title: 'Weekly maritime bulletin <No. 18> & "annex"',
      outlet: 'Marren Observer',
      url: 'javascript:alert(1)',
      published: '2024-05-02'
    },
    [
      { kind: 'heading', level: 1, text: 'Weekly maritime bulletin', page: 1 },
      { kind: 'paragraph', text: 'Patrol boats were seen near the northern buoy line.', page: 1 },
      {
        kind: 'paragraph',
        text: `A post shared by the desk read: "${HOSTILE}" *not emphasis* [link](javascript:alert(1)) # 1. \\ & <b>bold</b>`,
        page: 2
      },
      { kind: 'paragraph', text: '=1+2 was painted on the pier, and 95 vessels queued offshore.', page: 2 }
    ],
    'pdf'
  )

  const sources: Source[] = [
    makeSource('src-cg', 'Unnamed Coast Guard official', 'anonymous', 'C'),
    makeSource('src-reuters', 'Reuters', 'outlet', 'B'),
    makeSource('src-ostrova', 'Lena Ostrova', 'person', 'B'),
    makeSource('src-tidewatch', 'Tidewatch', 'organization', 'C'),
    makeSource('src-varga', 'Piet Varga', 'person', 'D'),
    makeSource('src-desk', 'Ops <b>desk</b> & "Co"', 'organization', 'F'),
    makeSource('src-unused', 'Never cited', 'person', 'A')
  ]
  sources[0].description = 'Speaks for the Coast Guard; not named.'
  sources[1].aliases = ['Reuters news agency']

  const claims: Claim[] = [
    makeClaim('c-120', report, 'at least 120 vessels had been turned back since Monday', {
      sourceId: 'src-cg',
      via: ['src-reuters'],
      tags: ['vessels', 'diversions'],
      status: 'contradicted',
      credibility: '3',
      note: 'Higher than the harbour master’s figure.'
    }),
    makeClaim('c-80', report, 'around 80 vessels had been diverted', {
      sourceId: 'src-ostrova',
      tags: ['vessels'],
      status: 'corroborated',
      credibility: '2'
    }),
    makeClaim('c-transits', report, 'daily transits dropped from 64 to 38', {
      sourceId: 'src-tidewatch',
      tags: ['traffic'],
      status: 'confirmed',
      credibility: '1'
    }),
    makeClaim('c-40pc', report, 'a decline of about 40 percent', {
      sourceId: 'src-tidewatch',
      tags: ['traffic'],
      status: 'corroborated',
      credibility: '2',
      note: '64 to 38 is a 41 percent drop: consistent.'
    }),
    makeClaim('c-temporary', report, 'the patrols were temporary and precautionary', {
      sourceId: 'src-varga',
      tags: ['policy'],
      status: 'not-checkable',
      credibility: '4',
      note: 'A prediction; revisit in two weeks.'
    }),
    makeClaim('c-fell', report, 'Commercial traffic through the Strait of Marren fell sharply this week'),
    // Ends in the article's own closing quotation mark.
    makeClaim('c-soon', report, 'shipping would "return to normal soon."', {
      sourceId: 'src-varga',
      tags: ['policy'],
      credibility: '6'
    }),
    makeClaim('c-hostile', bulletin, `"${HOSTILE}" *not emphasis* [link](javascript:alert(1)) # 1. \\ & <b>bold</b>`, {
      sourceId: 'src-desk',
      via: ['src-reuters'],
      tags: ['-danger', 'a,b "quoted"'],
      status: 'false',
      credibility: '5',
      note: `=HYPERLINK("http://evil.example") ${HOSTILE}\nsecond line, with "quotes"`
    }),
    makeClaim('c-95', bulletin, '=1+2 was painted on the pier, and 95 vessels queued offshore', {
      sourceId: 'src-desk',
      tags: ['vessels'],
      credibility: '3'
    })
  ]

  const links: ClaimLink[] = [
    { id: 'l-1', from: 'c-120', to: 'c-80', kind: 'contradicts', note: '120 against 80 vessels', createdAt: T0 },
    {
      id: 'l-2',
      from: 'c-transits',
      to: 'c-40pc',
      kind: 'corroborates',
      note: '64 to 38 is about 41 percent',
      createdAt: T0
    }
  ]

  const briefings: Briefing[] = [
    {
      id: 'b-main',
      title: 'Strait of Marren: shipping disruption',
      handling: 'OFFICIAL — FOR TRAINING <only>',
      date: '2024-05-03T09:30:00Z',
      author: 'A. Analyst',
      bottomLine:
        'Traffic through the strait has very likely fallen by about 40 percent since Monday.\n\nThe patrols are likely to outlast the two weeks announced.',
      judgments: [
        {
          id: 'j-1',
          text: 'Transits are down by about 40 percent.',
          confidence: 'high',
          claimIds: ['c-transits', 'c-40pc']
        },
        {
          id: 'j-2',
          text: `The count of 120 diverted vessels is probably inflated ${HOSTILE}.`,
          confidence: 'low',
          claimIds: ['c-120', 'c-80']
        }
      ],
      claimIds: [],
      groupBy: 'source',
      gaps: 'No independent count of diverted vessels.\n* Not a list item',
      createdAt: T0,
      updatedAt: T0
    },
    {
      id: 'b-topics',
      title: 'Vessel counts by topic',
      handling: '',
      date: '2024-05-04',
      author: '',
      bottomLine: '',
      judgments: [],
      claimIds: ['c-80', 'c-120', 'c-gone', 'c-95', 'c-fell'],
      groupBy: 'topic',
      gaps: '',
      createdAt: T0,
      updatedAt: T0
    }
  ]

  return {
    version: SCHEMA_VERSION,
    id: 'case-marren',
    title: 'Marren shipping',
    createdAt: T0,
    updatedAt: T0,
    documents: [report, bulletin],
    sources,
    claims,
    links,
    briefings,
    conflictSets: [
      {
        id: 'set-vessels',
        claimIds: ['c-80', 'c-95', 'c-120'],
        kind: 'conflict',
        status: 'confirmed',
        basis: 'figures',
        subject: 'Vessels turned back',
        unit: 'vessels',
        explanation: '120, 80 and 95 vessels: the counts disagree.',
        note: '',
        proposalKey: 'conflict|figures|c-120,c-80,c-95',
        createdAt: T0,
        updatedAt: T0
      },
      {
        id: 'set-dismissed',
        claimIds: ['c-fell', 'c-transits'],
        kind: 'consistent',
        status: 'dismissed',
        basis: 'accounts',
        subject: 'traffic',
        explanation: 'Both say traffic fell.',
        note: '',
        createdAt: T0,
        updatedAt: T0
      }
    ],
    rejections: []
  }
}

/** A circular-reporting group of sampleCase, as findCircularReporting reports one (routes left out). */
export const SAMPLE_CIRCULAR: CircularGroup[] = [
  {
    originId: 'src-cg',
    subject: 'vessels',
    claimIds: ['c-120', 'c-95'],
    routes: [],
    warning: '2 claims on "vessels" reach the case by 2 routes but all come from <one> origin.'
  }
]

/** `docs` documents of `paragraphs` paragraphs, `claimsPerDoc` claims each, one briefing of them all. */
export function largeCase(docs = 100, claimsPerDoc = 10, paragraphs = 20): CaseData {
  const sources: Source[] = []
  for (let i = 0; i < 30; i++)
    sources.push(
      makeSource(
        `s-${i}`,
        `Source ${i}`,
        i % 5 === 0 ? 'anonymous' : 'person',
        'ABCDEF'[i % 6] as Source['reliability']
      )
    )
  sources.push(makeSource('s-wire', 'Wire agency', 'outlet', 'B'))
  const documents: CaseDocument[] = []
  const claims: Claim[] = []
  const links: ClaimLink[] = []
  for (let d = 0; d < docs; d++) {
    const specs: BlockSpec[] = [{ kind: 'heading', text: `Report ${d}` }]
    for (let p = 0; p < paragraphs; p++)
      specs.push({
        kind: 'paragraph',
        text:
          `Paragraph ${p} of report ${d}: officials said that ${p * 7 + d} units moved near sector ${p}, while observers counted fewer. ` +
          'Further detail followed about roads, weather, supplies and the timing of the next rotation of the forces.'
      })
    const doc = makeDocument(
      `d-${d}`,
      { title: `Report ${d}`, outlet: `Outlet ${d % 7}`, published: '2024-06-01' },
      specs
    )
    documents.push(doc)
    for (let k = 0; k < claimsPerDoc; k++) {
      const p = (k * 2) % paragraphs
      const n = d * claimsPerDoc + k
      claims.push(
        makeClaim(`cl-${n}`, doc, `${p * 7 + d} units moved near sector ${p}`, {
          sourceId: `s-${n % 30}`,
          via: n % 3 === 0 ? ['s-wire'] : [],
          tags: [`topic-${n % 12}`],
          note: n % 4 === 0 ? `Note on claim ${n}: figures differ from other reporting.` : '',
          status: (['unverified', 'corroborated', 'contradicted', 'confirmed'] as const)[n % 4],
          credibility: String((n % 6) + 1) as Claim['credibility']
        })
      )
      if (n % 10 === 1)
        links.push({
          id: `lk-${n}`,
          from: `cl-${n}`,
          to: `cl-${n - 1}`,
          kind: n % 20 === 1 ? 'contradicts' : 'corroborates',
          note: '',
          createdAt: T0
        })
    }
  }
  const briefing: Briefing = {
    id: 'b-large',
    title: 'Large briefing',
    handling: 'OFFICIAL',
    date: '2024-06-02',
    author: 'Bench',
    bottomLine: 'Movements are likely to continue.',
    judgments: [
      { id: 'j', text: 'Units are moving.', confidence: 'moderate', claimIds: claims.slice(0, 20).map((c) => c.id) }
    ],
    claimIds: [],
    groupBy: 'source',
    gaps: 'None recorded.',
    createdAt: T0,
    updatedAt: T0
  }
  return {
    version: SCHEMA_VERSION,
    id: 'case-large',
    title: 'Large case',
    createdAt: T0,
    updatedAt: T0,
    documents,
    sources,
    claims,
    links,
    briefings: [briefing],
    conflictSets: [],
    rejections: []
  }
}
