import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { describeWithShared, GOLD_PATH as goldPath, SEED_PATH as seedPath } from '../testing/shared-data'
import type { ImportedDocument } from './types'
import { importText, plainTextDocument } from './text'

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)
const blockTexts = (doc: { text: string; blocks: ImportedDocument['blocks'] }): string[] =>
  doc.blocks.map((b) => doc.text.slice(b.start, b.end))

describe('plain text', () => {
  it('makes a short first line without a final period the title heading', () => {
    const doc = importText('a.txt', utf8('Troops Shrink Gains in Kursk\n\nFirst paragraph here.\n\nSecond one.\n'))
    expect(doc.meta.title).toBe('Troops Shrink Gains in Kursk')
    expect(doc.blocks.map((b) => [b.kind, b.level])).toEqual([
      ['heading', 1],
      ['paragraph', undefined],
      ['paragraph', undefined]
    ])
    expect(doc.text).toBe('Troops Shrink Gains in Kursk\n\nFirst paragraph here.\n\nSecond one.')
    expect(doc).toMatchObject({ format: 'txt', encoding: 'utf-8', notices: [], suggestedSources: [] })
  })

  it('keeps a first line that is a sentence as a paragraph, and still takes it as the title', () => {
    const doc = importText('a.txt', utf8('This starts with a sentence.\n\nMore.'))
    expect(doc.blocks[0].kind).toBe('paragraph')
    expect(doc.meta.title).toBe('This starts with a sentence.')
  })

  it('titles a first line written as a Markdown heading without its marks, and keeps them in the text', () => {
    expect(importText('a.txt', utf8('# Estrava Port Closed\n\nThe port was closed.')).meta.title).toBe(
      'Estrava Port Closed'
    )
    expect(importText('a.txt', utf8('## Estrava ##\n\nText.')).text).toBe('## Estrava ##\n\nText.')
    expect(importText('a.txt', utf8('## Estrava ##\n\nText.')).meta.title).toBe('Estrava')
    expect(importText('a.txt', utf8('#hashtag only\n\nText.')).meta.title).toBe('#hashtag only')
  })

  it('treats CRLF, CR and LF alike', () => {
    const lf = importText('a.txt', utf8('Title\n\nOne.\nTwo.\n'))
    expect(importText('a.txt', utf8('Title\r\n\r\nOne.\r\nTwo.\r\n')).text).toBe(lf.text)
    expect(importText('a.txt', utf8('Title\r\rOne.\rTwo.\r')).text).toBe(lf.text)
  })

  it('makes one paragraph per line when a text has no blank lines', () => {
    const doc = plainTextDocument('\n\nHeadline\nFirst paragraph, a sentence.\nSecond paragraph.\n')!
    expect(blockTexts(doc)).toEqual(['Headline', 'First paragraph, a sentence.', 'Second paragraph.'])
    expect(doc.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'paragraph'])
  })

  it('joins hard-wrapped lines into one paragraph', () => {
    const wrapped =
      'The ministry said on Tuesday that the convoy had crossed the\n' +
      'border at dawn, carrying fuel and medical supplies for a well-\n' +
      'known hospital.'
    const doc = plainTextDocument('Title\n\n' + wrapped)!
    expect(blockTexts(doc)[1]).toBe(
      'The ministry said on Tuesday that the convoy had crossed the border at dawn, carrying fuel and medical supplies for a well-known hospital.'
    )
  })

  it('keeps lines of unequal length apart, and finds list items and subheadings', () => {
    const doc = plainTextDocument(
      'Title\n\nKursk\nUnverified image of a serviceman. Sputnik via AP\n\nWhat happens next\n\n' +
        'Officials expect more clashes in the coming weeks, the ministry said.\n\n- first point\n- second point\n  continued\n1. numbered'
    )!
    expect(doc.blocks.map((b, i) => [b.kind, blockTexts(doc)[i]])).toEqual([
      ['heading', 'Title'],
      ['paragraph', 'Kursk'],
      ['paragraph', 'Unverified image of a serviceman. Sputnik via AP'],
      ['heading', 'What happens next'],
      ['paragraph', 'Officials expect more clashes in the coming weeks, the ministry said.'],
      ['list-item', 'first point'],
      ['list-item', 'second point continued'],
      ['list-item', '1. numbered']
    ])
    expect(doc.blocks.filter((b) => b.kind === 'heading').map((b) => b.level)).toEqual([1, 2])
  })

  it('keeps right-to-left text as it is', () => {
    const doc = plainTextDocument('עדכון\n\nמוסקבה לוקחת בחזרה שטחים באזור קורסק.')!
    expect(blockTexts(doc)).toEqual(['עדכון', 'מוסקבה לוקחת בחזרה שטחים באזור קורסק.'])
  })

  it('rejects a file with only whitespace', () => {
    expect(() => importText('blank.txt', utf8(' \n\t\n'))).toThrow(/^blank\.txt: the file contains no text/)
  })
})

describeWithShared('the Kursk seed article', () => {
  const doc = importText('000_d556f112b49f173e.txt', new Uint8Array(readFileSync(seedPath)))
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as { claims: { id: string; quote: string; start: number }[] }

  it('comes out with its title as heading and its paragraphs as paragraphs', () => {
    expect(doc.meta.title).toBe("Russian and North Korean Troops Shrink Ukraine's Gains in Kursk")
    expect(doc.blocks[0]).toMatchObject({ kind: 'heading', level: 1 })
    expect(doc.blocks.slice(1).every((b) => b.kind === 'paragraph')).toBe(true)
    expect(doc.blocks.length).toBeGreaterThan(20)
  })

  it('contains every gold claim quote verbatim', () => {
    expect(gold.claims.length).toBeGreaterThan(0)
    const raw = readFileSync(seedPath, 'utf8')
    for (const claim of gold.claims) {
      const at = doc.text.indexOf(claim.quote)
      expect(at, claim.id).toBeGreaterThanOrEqual(0)
      // Offsets move only by whitespace normalisation (line endings, trailing spaces).
      const before = raw.slice(0, claim.start).replace(/\r\n?/g, '\n').replace(/\s+/g, '')
      expect(doc.text.slice(0, at).replace(/\s+/g, ''), claim.id).toBe(before)
    }
  })

  it('puts each quote inside one block', () => {
    for (const claim of gold.claims) {
      const at = doc.text.indexOf(claim.quote)
      expect(
        doc.blocks.some((b) => b.start <= at && at + claim.quote.length <= b.end),
        claim.id
      ).toBe(true)
    }
  })
})
