import { describe, expect, it } from 'vitest'
import type { Claim } from '../../shared/model'
import { agrees, implied } from './arithmetic'
import { claimFacts } from './claim-facts'
import { extractQuantities } from './quantities'

const facts = (sentence: string, quote: string) => {
  const start = sentence.indexOf(quote)
  const claim = {
    id: 'c',
    documentId: 'd',
    quote: { exact: quote, prefix: '', suffix: '' },
    position: { start, end: start + quote.length },
    sourceId: 's',
    via: [],
    tags: [' Topic ']
  } as unknown as Claim
  return claimFacts(claim, { text: sentence })
}

describe('claimFacts', () => {
  it('tells a denial in so many words from a bare negation', () => {
    expect(facts('The operator denied that it had released water.', 'it had released water').denial).toBe(true)
    expect(facts('She described the claims as baseless.', 'She described the claims as baseless').denial).toBe(true)
    expect(facts('No naval vessels were hit, the ministry said.', 'No naval vessels were hit').denial).toBe(false)
  })

  it('reads denials and negations of the event, not of a report or a judgment', () => {
    expect(facts('The operator denied that it had released water.', 'it had released water').negative).toBe(true)
    expect(facts('No naval vessels were hit, the ministry said.', 'No naval vessels were hit').negative).toBe(true)
    expect(
      facts(
        'Russia has not confirmed or denied the presence of troops.',
        'Russia has not confirmed or denied the presence of troops'
      ).negative
    ).toBe(false)
    expect(facts('"Our own troops are not enough," he said.', '"Our own troops are not enough,"').negative).toBe(false)
    expect(facts('Neither ship used its guns.', 'Neither ship used its guns').negative).toBe(true)
    expect(
      facts('The spokesman called the report "fabricated" and said the guns were silent.', 'the guns were silent')
        .negative
    ).toBe(true)
    expect(facts('She described the claims as baseless.', 'She described the claims as baseless').negative).toBe(true)
    expect(facts('Nobody warned the crew.', 'Nobody warned the crew').negative).toBe(true)
    expect(facts('No more than nine vessels were recorded.', 'No more than nine vessels were recorded').negative).toBe(
      false
    )
    expect(
      facts('A nurse said staff had been told not to speak to journalists.', 'staff had been told not to speak')
        .negative
    ).toBe(false)
  })

  it('reads expectations, figures in context, and lower-cased tags', () => {
    const f = facts(
      'The general said he expected about 300 troops to arrive soon.',
      'he expected about 300 troops to arrive soon'
    )
    expect(f.expected).toBe(true)
    expect(f.quantities.map((q) => q.value)).toEqual([300])
    expect(f.tags).toEqual(['topic'])
    expect(facts('The troops arrived on Monday.', 'The troops arrived on Monday').expected).toBe(false)
  })
})

describe('claimFacts, figures', () => {
  it('reads the whole sentence around a quote, past abbreviations and a quotation closed by a stop', () => {
    const text =
      'The mayor said "we will cope." In its first statement, issued after 7 a.m., the agency reported 12 dead.'
    const f = facts(text, 'the agency reported 12 dead')
    expect(f.sentence).toBe('In its first statement, issued after 7 a.m., the agency reported 12 dead.')
    expect(f.expected).toBe(false)
    expect(f.quantities[0].time?.text).toBe('7 a.m.')
  })

  it('keeps figures without a unit apart, and counts given as none among the figures', () => {
    const f = facts(
      'Gunners shot down 41 of them, and no aircraft were lost.',
      'Gunners shot down 41 of them, and no aircraft were lost'
    )
    expect(f.bare.map((q) => q.value)).toEqual([41])
    expect(f.quantities.map((q) => [q.value, q.unitClass])).toEqual([[0, 'aircraft']])
  })
})

describe('arithmetic', () => {
  it('computes changes and shares and checks them against a hedged percentage', () => {
    const [a, b] = extractQuantities('from 531 square miles to 309 square miles')
    const loss = implied(a, b, 'change')!
    expect(loss).toMatchObject({ how: 'loss', percent: 41.8 })
    const [moreThan40] = extractQuantities('more than 40 percent')
    expect(agrees(moreThan40, loss.percent)).toBe(true)
    expect(agrees(moreThan40, 30)).toBe(false)
    const [part, whole] = extractQuantities('12,400 of the 31,000 households')
    expect(implied(part, whole, 'share')!.text).toBe('12,400 of 31,000 households is 40 percent')
  })
})

describe('claimFacts, disputed figures', () => {
  it("reads a figure or an account set against someone else's", () => {
    const disputes = (q: string) => facts(`${q}.`, q).disputes
    expect(disputes('the true toll was "at least double" the official count')).toBe('figure')
    expect(disputes('losses were "a fraction" of what the ministry claimed')).toBe('figure')
    expect(disputes('the register lists far fewer boats')).toBe('figure')
    expect(disputes('attendance was much lower than reported')).toBe('figure')
    expect(disputes('the mayor overstated the damage')).toBe('figure')
    expect(disputes('the real reason for the delay was a strike')).toBe('account')
    expect(disputes('the bridge is twice as long as the old one')).toBe(null)
    expect(disputes('prices have doubled since May')).toBe(null)
    expect(disputes('half the boats were sold abroad')).toBe(null)
    expect(disputes('twice the official figure')).toBe('figure')
  })
})

describe('claimFacts, ground', () => {
  it('reads ground reported taken or still held', () => {
    const ground = (q: string) => facts(`${q}.`, q).stance
    expect(ground('the brigade had seized the whole town')).toBe('ground taken')
    expect(ground('the hill remained under our control')).toBe('still held')
    expect(ground('defenders still hold the eastern bank')).toBe('still held')
    expect(ground('the attackers were "beaten back" at dawn')).toBe('still held')
    expect(ground('four wounded were taken to hospital')).toBe(null)
    expect(ground('the army advanced into the suburbs')).toBe('ground taken')
    expect(ground('they fielded advanced drones')).toBe(null)
    expect(ground('the ministry has taken the decision to wait')).toBe(null)
    expect(ground('the mayor was cleared of wrongdoing')).toBe(null)
    expect(ground('the bridge is still under construction')).toBe(null)
  })
})

describe('claimFacts, moved', () => {
  it('reads something reported moved or where it was', () => {
    const moved = (q: string) => facts(`${q}.`, q).stance
    expect(moved('two radar units were moved north in May')).toBe('moved')
    expect(moved('the brigade had begun withdrawing its guns')).toBe('moved')
    expect(moved('every launcher was where it was a week ago')).toBe('where it was')
    expect(moved('the garrison has not moved')).toBe('where it was')
    expect(moved('the garrison held a parade')).toBe(null)
  })
})

describe('claimFacts, supply', () => {
  it('reads supplies reported short or sufficient', () => {
    const supply = (q: string) => facts(`${q}.`, q).stance
    expect(supply('the clinic ran out of insulin by noon')).toBe('supplies short')
    expect(supply('deliveries of flour were interrupted')).toBe('supplies short')
    expect(supply('there is enough fuel for the winter')).toBe('supplies enough')
    expect(supply('there is no shortage of fuel')).toBe('supplies enough')
    expect(supply('the convoy reached the town')).toBe(null)
    expect(supply('there is not enough bread')).toBe('supplies short')
  })
})

describe('claimFacts, shares of a count', () => {
  it('reads "30 percent of its 90,000 people" as a count of about 27,000 people', () => {
    const f = facts(
      'The mayor said around 30 percent of its population of 90,000 had left.',
      'around 30 percent of its population of 90,000 had left'
    )
    expect(f.quantities.map((q) => [q.value, q.unitClass, q.role ?? '', q.low, q.highBound])).toEqual([
      [30, 'percent', '', 28.5, 31.5],
      [90000, 'people', 'whole', 90000, 90000],
      [27000, 'people', 'part', 25650, 28350]
    ])
  })
})
