import { describe, expect, it } from 'vitest'
import { closeAfter, openBefore, unitsOf, type Span } from './text-units'

const show = (text: string, spans: Span[]) => spans.map((s) => text.slice(s.start, s.end))

describe('unitsOf', () => {
  it('finds sentences, keeping "U.S." and titles inside them', () => {
    const text = 'U.S. Secretary of Defense, Lloyd Austin, said so. Then Gen. Smith left! "Soon." Done'
    expect(show(text, unitsOf(text, 0, text.length, 'en').sentences)).toEqual([
      'U.S. Secretary of Defense, Lloyd Austin, said so.',
      'Then Gen. Smith left!',
      '"Soon."',
      'Done'
    ])
  })

  it('cuts clauses at punctuation and around reporting and subordinating words', () => {
    const text =
      'Russia has deployed just under 60,000 troops to Kursk, the source said, adding that Moscow was increasing its counterattacks.'
    expect(show(text, unitsOf(text, 0, text.length, 'en').clauses)).toEqual([
      'Russia has deployed just under 60,000 troops to Kursk',
      'the source',
      'Moscow was increasing its counterattacks'
    ])
    const according = 'Troops moved north, according to two officials.'
    expect(show(according, unitsOf(according, 0, according.length).clauses)).toEqual([
      'Troops moved north',
      'two officials'
    ])
  })

  it('keeps quotation marks with the clause they open or close', () => {
    const text =
      '"Part of the military was transferred to the border areas," said Andriy Kovalenko. He expected soldiers "engaged in combat soon."'
    expect(show(text, unitsOf(text, 0, text.length, 'en').clauses)).toEqual([
      '"Part of the military was transferred to the border areas,"',
      'Andriy Kovalenko',
      'He expected soldiers "engaged in combat soon."'
    ])
  })

  it('does not treat a sentence-initial "That" or "When" as a clause opener', () => {
    const text = 'That claim was false. When asked, he said nothing.'
    expect(show(text, unitsOf(text, 0, text.length, 'en').clauses)).toEqual([
      'That claim was false',
      'When asked',
      'he',
      'nothing'
    ])
  })

  it('finds quotations with straight, curly and angle marks', () => {
    const text = 'He said "we hold" and “they fled” while «ils partent» today, 5" of rain.'
    expect(show(text, unitsOf(text, 0, text.length).quotations)).toEqual(['"we hold"', '“they fled”', '«ils partent»'])
  })

  it('works on right-to-left text with its own punctuation', () => {
    const text = 'قال المتحدث إن 1,200 جندي وصلوا، وأضاف أن الوضع مستقر. לדברי הדובר, "המצב יציב".'
    const units = unitsOf(text, 0, text.length, 'ar')
    expect(show(text, units.sentences)).toEqual([
      'قال المتحدث إن 1,200 جندي وصلوا، وأضاف أن الوضع مستقر.',
      'לדברי הדובר, "המצב יציב".'
    ])
    expect(show(text, units.clauses)).toContain('قال المتحدث إن 1,200 جندي وصلوا')
    expect(show(text, units.quotations)).toEqual(['"המצב יציב"'])
  })

  it('gives offsets into the whole text for a row in the middle of it', () => {
    const text = 'First row.\n\nSecond row, with a clause.'
    const units = unitsOf(text, 12, text.length, 'en')
    expect(show(text, units.clauses)).toEqual(['Second row', 'with a clause'])
    expect(units.words[0]).toEqual({ start: 12, end: 18 })
  })
})

describe('closeAfter and openBefore', () => {
  it('take closing marks with the punctuation before them, and opening marks', () => {
    const text = 'said "engaged soon." Then forces," he'
    expect(text.slice(0, closeAfter(text, text.indexOf('soon') + 4, text.length))).toBe('said "engaged soon."')
    expect(closeAfter(text, 4, text.length)).toBe(4)
    expect(text.slice(openBefore(text, text.indexOf('engaged'), 0))).toMatch(/^"engaged/)
  })
})
