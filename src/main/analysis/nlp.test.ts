import { describe, expect, it } from 'vitest'
import { plainLetters, readable, sentencesOf } from './nlp'

describe('readable', () => {
  it('cuts a run with no space longer than any word into pieces, keeping every offset', () => {
    const url = `https://example.org/${'a'.repeat(200)}`
    const blob = 'x'.repeat(1000)
    const text = `See ${url} and ${blob} here.`
    const out = readable(text)
    expect(out).toHaveLength(text.length)
    expect(out.slice(0, 4 + url.length)).toBe(`See ${url}`)
    const pieces = out.slice(text.indexOf(blob), text.indexOf(blob) + blob.length).split(' ')
    expect(pieces.map((p) => p.length)).toEqual([255, 255, 255, 232])
    expect(readable('no long runs here')).toBe('no long runs here')
  })
})

describe('plainLetters', () => {
  it('gives letters beyond Latin-1 their base letter, one for one, and leaves the rest', () => {
    expect(plainLetters('Col. Dragan Kovačević, Łucja Wrześ and Nguyễn Thị')).toBe(
      'Col. Dragan Kovacevic, Lucja Wrzes and Nguyen Thi'
    )
    expect(plainLetters('Jürgen Ødegaard, Renée')).toBe('Jürgen Ødegaard, Renée')
    expect(plainLetters('đ ł')).toHaveLength(3)
  })
})

describe('sentencesOf', () => {
  it('reads a name with letters beyond Latin-1 as one word, written as it is', () => {
    const text = 'The spokesman, Col. Dragan Kovačević, said the fire was out.'
    const [s] = sentencesOf(text, [{ start: 0, end: text.length }])
    const name = s.tokens.find((t) => t.text.startsWith('Kova'))!
    expect(name).toMatchObject({ text: 'Kovačević', pos: 'PROPN' })
    expect(text.slice(name.start, name.end)).toBe('Kovačević')
  })

  it('reads an article with an encoded blob pasted into it, its words at their places', () => {
    const blob = 'QUJD'.repeat(50_000)
    const text = `The ministry said ${blob} was attached. Officials said 40 ships waited.`
    const sentences = sentencesOf(text, [{ start: 0, end: text.length }])
    const words = sentences.flatMap((s) => s.tokens).filter((t) => /^[a-z0-9]+$/i.test(t.text) && t.text.length < 20)
    for (const t of words) expect(text.slice(t.start, t.end)).toBe(t.text)
    expect(words.map((t) => t.text)).toEqual(
      expect.arrayContaining(['ministry', 'attached', 'Officials', '40', 'ships', 'waited'])
    )
  })

  it('ends a sentence at a clock time before a quotation opens', () => {
    for (const q of ['"', '“']) {
      const text = `The hall opened at about 4 a.m. ${q}Nobody wanted to stay home,${q === '"' ? '"' : '”'} she said.`
      const sentences = sentencesOf(text, [{ start: 0, end: text.length }])
      expect(sentences.map((s) => text.slice(s.start, s.end))).toEqual([
        'The hall opened at about 4 a.m.',
        expect.stringMatching(/^["“]Nobody wanted to stay home,["”] she said\.$/)
      ])
    }
  })

  it('reads "the weekly" before its verb as a noun, but not "an anonymously run channel"', () => {
    const pos = (text: string, word: string) =>
      sentencesOf(text, [{ start: 0, end: text.length }])
        .flatMap((s) => s.tokens)
        .find((t) => t.lower === word)?.pos
    expect(pos('Cargo data, the weekly wrote, showed the tanker at the quay.', 'weekly')).toBe('NOUN')
    expect(pos('The daily said the port was shut.', 'daily')).toBe('NOUN')
    expect(pos("Forty shops had shut, by the weekly's count.", 'weekly')).toBe('NOUN')
    expect(pos('The Post, the largest daily by circulation, said so.', 'daily')).toBe('NOUN')
    expect(pos('The paper is published daily.', 'daily')).not.toBe('NOUN')
    expect(pos('An anonymously run shipping channel posted the video.', 'anonymously')).not.toBe('NOUN')
  })
})
