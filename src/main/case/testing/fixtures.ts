// Realistic case data for tests and the benchmark.
import { createHash, randomUUID } from 'node:crypto'
import type { CaseData, CaseDocument, Claim, Source } from '../../../shared/model'
import { emptyCase } from '../empty-case'

const WORDS = (
  'the minister said officials had confirmed reports of troop movements near the border ' +
  'according to two people familiar with the matter who spoke on condition of anonymity ' +
  'a spokesman for the ministry declined to comment when reached by reuters on tuesday'
).split(' ')

/** Deterministic prose of about `length` characters, in paragraphs. */
export function prose(length: number, seed = 1): string {
  let s = ''
  let x = seed
  while (s.length < length) {
    x = (x * 1103515245 + 12345) % 2147483648
    s += WORDS[x % WORDS.length] + ((x >> 8) % 97 === 0 ? '.\n\n' : ' ')
  }
  return s.slice(0, length)
}

export function fakeDocument(textLength: number, seed = 1): CaseDocument {
  const now = new Date().toISOString()
  const text = prose(textLength, seed)
  return {
    id: randomUUID(),
    title: `Report ${seed}`,
    outlet: 'Wire',
    author: 'Staff',
    url: 'https://example.org/report',
    published: '2024-05-01',
    text,
    blocks: [{ kind: 'paragraph', start: 0, end: text.length }],
    provenance: {
      fileName: `report-${seed}.txt`,
      format: 'txt',
      sha256: createHash('sha256').update(text).digest('hex'),
      size: text.length,
      importedAt: now
    },
    notices: [],
    createdAt: now,
    updatedAt: now
  }
}

export function fakeSource(name: string): Source {
  const now = new Date().toISOString()
  return {
    id: randomUUID(),
    name,
    kind: 'person',
    description: '',
    reliability: 'C',
    aliases: [],
    createdAt: now,
    updatedAt: now
  }
}

export function fakeClaim(documentId: string, sourceId: string | null, id: string = randomUUID()): Claim {
  const now = new Date().toISOString()
  return {
    id,
    documentId,
    quote: {
      exact: 'officials had confirmed reports of troop movements',
      prefix: 'the minister said ',
      suffix: ' near the border'
    },
    position: { start: 18, end: 69 },
    sourceId,
    via: [],
    tags: ['border'],
    note: '',
    status: 'unverified',
    credibility: '3',
    createdAt: now,
    updatedAt: now
  }
}

/** A case of `documents` documents of `textLength` characters and `claims` claims over 50 sources. */
export function bigCase(documents: number, textLength: number, claims: number): CaseData {
  const data = emptyCase('Benchmark case')
  for (let i = 0; i < documents; i++) data.documents.push(fakeDocument(textLength, i + 1))
  for (let i = 0; i < 50; i++) data.sources.push(fakeSource(`Source ${i}`))
  for (let i = 0; i < claims; i++) {
    data.claims.push(fakeClaim(data.documents[i % documents].id, data.sources[i % 50].id))
  }
  return data
}
