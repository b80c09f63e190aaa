import { describe, it, expect } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Parser, type Node } from 'commonmark'
import {
  CLAIM_STATUSES,
  CONFLICT_SET_KINDS,
  CREDIBILITY,
  LINK_KINDS,
  RELIABILITY,
  SOURCE_KINDS
} from '../../src/shared/model'

interface SampleCase {
  title: string
  document: { file: string; outlet: string; author: string; url: string; published: string }
  sources: {
    key: string
    name: string
    kind: string
    reliability: string
    description: string
    aliases: string[]
  }[]
  claims: {
    quote: string
    occurrence: number
    source: string
    via: string[]
    tags: string[]
    status: string
    credibility: string
    note: string
  }[]
  links: { from: number; to: number; kind: string; note: string }[]
  conflictSets: { claims: number[]; kind: string; subject: string; note: string }[]
  briefing: {
    title: string
    handling: string
    author: string
    bottomLine: string
    judgments: { text: string; confidence: string; claims: number[] }[]
    gaps: string
  }
}

const dir = import.meta.dirname
const sample = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as SampleCase
const markdown = readFileSync(join(dir, sample.document.file), 'utf8')

// What a reader shows: the text of each top-level block with its Markdown markup removed.
// (commonmark rather than mdast-util-from-markdown: the svelteTesting plugin adds the `browser`
// resolve condition, under which mdast's entity decoder needs a DOM `document`.)
function plainBlocks(md: string): string[] {
  const blocks: string[] = []
  for (let block = new Parser().parse(md).firstChild; block; block = block.next) {
    let text = ''
    const walker = block.walker()
    for (let step = walker.next(); step; step = walker.next()) {
      const node: Node = step.node
      if (!step.entering) continue
      if (node.type === 'text' || node.type === 'code') text += node.literal ?? ''
      else if (node.type === 'softbreak') text += '\n'
    }
    blocks.push(text)
  }
  return blocks
}

function count(haystack: string, needle: string): number {
  let n = 0
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) n++
  return n
}

const blocks = plainBlocks(markdown)
const plain = blocks.join('\n\n')
const sourceKeys = new Set(sample.sources.map((s) => s.key))

describe('sample article', () => {
  it('has a title heading, a dateline naming outlet and date, and 10-14 body paragraphs', () => {
    const lines = markdown.split('\n')
    expect(lines[0]).toMatch(/^# \S/)
    const dateline = lines.find((l, i) => i > 0 && l.trim() !== '')!
    expect(dateline).toContain(sample.document.outlet)
    expect(dateline).toContain('March 11, 2026')
    const body = blocks.slice(2).filter((b) => !b.startsWith('Photo:'))
    expect(body.length).toBeGreaterThanOrEqual(10)
    expect(body.length).toBeLessThanOrEqual(14)
    expect(blocks.some((b) => b.startsWith('Photo:'))).toBe(true)
  })

  it('uses plain ASCII only, so quotes and apostrophes are straight', () => {
    expect(markdown).toMatch(/^[\x20-\x7e\n]*$/)
  })

  it('carries the outlet caveat and the wire relay', () => {
    expect(plain).toContain(`${sample.document.outlet} could not independently verify`)
    expect(plain).toContain('told Meridian News Agency')
  })
})

describe('sample case.json', () => {
  it('describes its document', () => {
    expect(sample.title).toMatch(/^Sample case: \S/)
    expect(sample.document.url).toMatch(/^https:\/\//)
    expect(sample.document.published).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(sample.document.author).not.toBe('')
    expect(sample.briefing.title).not.toBe('')
    expect(sample.briefing.bottomLine).not.toBe('')
    for (const j of sample.briefing.judgments) {
      expect(['high', 'moderate', 'low']).toContain(j.confidence)
      for (const n of j.claims) expect(sample.claims[n], `judgment cites claim ${n}`).toBeDefined()
    }
  })

  it('has sources with unique keys and valid kinds and reliability codes', () => {
    expect(sourceKeys.size).toBe(sample.sources.length)
    for (const s of sample.sources) {
      expect(s.name, s.key).not.toBe('')
      expect(SOURCE_KINDS, s.key).toContain(s.kind)
      expect(RELIABILITY, s.key).toContain(s.reliability)
      expect(Array.isArray(s.aliases), s.key).toBe(true)
    }
  })

  it('has 6-8 claims whose sources, relays, statuses and credibility are valid', () => {
    expect(sample.claims.length).toBeGreaterThanOrEqual(6)
    expect(sample.claims.length).toBeLessThanOrEqual(8)
    for (const c of sample.claims) {
      expect(sourceKeys, c.quote).toContain(c.source)
      for (const v of c.via) expect(sourceKeys, c.quote).toContain(v)
      expect(CLAIM_STATUSES, c.quote).toContain(c.status)
      expect(CREDIBILITY, c.quote).toContain(c.credibility)
      expect(c.tags.length, c.quote).toBeGreaterThan(0)
    }
  })

  it('quotes the article verbatim, at least `occurrence` times, in its plain text', () => {
    for (const c of sample.claims) {
      expect(Number.isInteger(c.occurrence) && c.occurrence >= 1, c.quote).toBe(true)
      expect(count(plain, c.quote), c.quote).toBeGreaterThanOrEqual(c.occurrence)
      expect(count(markdown, c.quote), c.quote).toBe(count(plain, c.quote))
    }
  })

  it('spreads claims over at least 4 sources, 2-3 topics, a relayed and an anonymous source', () => {
    const used = new Set(sample.claims.map((c) => c.source))
    expect(used.size).toBeGreaterThanOrEqual(4)
    const tags = new Set(sample.claims.flatMap((c) => c.tags))
    expect(tags.size).toBeGreaterThanOrEqual(2)
    expect(tags.size).toBeLessThanOrEqual(3)
    expect(sample.claims.some((c) => c.via.length > 0)).toBe(true)
    const kindOf = new Map(sample.sources.map((s) => [s.key, s.kind]))
    expect(sample.claims.some((c) => kindOf.get(c.source) === 'anonymous')).toBe(true)
    expect(new Set(sample.claims.map((c) => c.status)).size).toBeGreaterThanOrEqual(3)
    expect(new Set(sample.claims.map((c) => c.credibility)).size).toBeGreaterThanOrEqual(3)
  })

  it('puts claims side by side by valid indexes, with at least one conflict of three or more', () => {
    for (const set of sample.conflictSets) {
      expect(new Set(set.claims).size).toBe(set.claims.length)
      for (const i of set.claims) expect(Number.isInteger(i) && i >= 0 && i < sample.claims.length).toBe(true)
      expect(CONFLICT_SET_KINDS).toContain(set.kind)
    }
    expect(sample.conflictSets.some((s) => s.kind === 'conflict' && s.claims.length >= 3)).toBe(true)
  })

  it('links claims by valid indexes', () => {
    for (const l of sample.links) {
      expect(l.from).not.toBe(l.to)
      for (const i of [l.from, l.to]) {
        expect(Number.isInteger(i) && i >= 0 && i < sample.claims.length, `link ${l.from}->${l.to}`).toBe(true)
      }
      expect(LINK_KINDS).toContain(l.kind)
    }
  })
})
