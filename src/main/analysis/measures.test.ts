import { describe, expect, it } from 'vitest'
import { claimFacts } from './claim-facts'
import { claimAt } from './testing/documents'
import { apart, describeMeasure, measuresOf, ties, type Measure } from './measures'

/** The measures of a claim quoted from one sentence (the whole sentence less its full stop, by default). */
function measures(sentence: string, quote = sentence.replace(/\.$/, '')): Measure[] {
  const start = sentence.indexOf(quote)
  return measuresOf(claimFacts(claimAt('c', quote, start), { text: sentence }))
}
const one = (sentence: string, quote?: string) => measures(sentence, quote)[0]

describe('what a figure measures', () => {
  it('ties figures of one event of one subject however the text words them', () => {
    const a = one('The mayor said 23 people were killed in Varen.', '23 people were killed in Varen')
    const b = one('A charity said the death toll was above 40 in Varen.', 'the death toll was above 40 in Varen')
    expect(apart(a, b)).toBeNull()
    expect(ties(a, b)).toBeGreaterThanOrEqual(2)
    expect(describeMeasure(a)).toBe('people killed')
    const deployed = one('Some 8,000 Ostmark troops were deployed near Halde.')
    const fighting = one('About 5,000 Ostmark soldiers were fighting near Halde.')
    expect(apart(deployed, fighting)).toBeNull()
  })

  it('keeps apart figures of one subject that count different events', () => {
    const missing = one('Police said 14 people were missing.', '14 people were missing')
    const hurt = one('Nurses said 30 people were injured.', '30 people were injured')
    expect(apart(missing, hurt)).toBe('event')
    const launched = one('The enemy launched 46 drones overnight.')
    const downed = one('Gunners shot down 38 drones overnight.')
    expect(apart(launched, downed)).toBe('event')
    // "41 wounded people taken in" by one hospital is not the count of all the wounded.
    expect(
      apart(one('The hospital had taken in 41 wounded people.'), one('The blast wounded more than 90 people.'))
    ).toBe('event')
  })

  it("keeps apart one side's figure from the other side's", () => {
    const a = one('The ministry said Orvik forces lost 300 personnel in the north.')
    const b = one('The ministry said Dastan forces lost 120 personnel in the north.')
    expect(apart(a, b)).toBe('actor')
  })

  it('keeps apart figures whose dates allow both', () => {
    const since = one(
      'The minister said 38,000 people had signed contracts since January.',
      '38,000 people had signed contracts since January'
    )
    const may = one('Analysts said 17,000 people signed contracts in May.', '17,000 people signed contracts in May')
    expect(apart(since, may)).toBe('time')
    const past = one('A storm in 1998 killed about 90 people.')
    const now = one('The floods killed more than 200 people on Tuesday.')
    expect(apart(past, now)).toBe('time')
    expect(apart(one('On Monday 12 people were missing.'), one('On Thursday 30 people were missing.'))).toBe('time')
    // A count over the past week is not the count of one night.
    expect(apart(one('Gunners shot down 300 drones over the past week.'), one('Gunners shot down 35 drones.'))).toBe(
      'span'
    )
    expect(
      apart(
        one('The patrol saw 38 assaults over the previous day.'),
        one('Another count gave 47 assaults for the same period.')
      )
    ).toBeNull()
  })

  it('keeps apart figures of different places', () => {
    const market = one('A strike on the market in Orrin killed at least a dozen people.')
    const camp = one('Cholera killed nine people in Bekri camp.')
    expect(apart(market, camp)).toBe('place')
  })

  it('reads a figure coordinated with the one before as counting what it counts', () => {
    const [drones, missiles] = measures('Air defence units shot down 38 of the drones and two of the missiles.')
    expect(drones.event).toBe(missiles.event)
    expect(missiles.q.unitClass).toBe('missile')
  })

  it('leaves out what counts nothing: a further amount, none who said, people left somewhere', () => {
    expect(measures('The port paid a further 5.2 million crowns.')).toEqual([])
    expect(measures('Nobody said for how long.')).toEqual([])
    const cold = one('The minister said nobody was left in the cold.', 'nobody was left in the cold')
    const fled = one('Aid workers said nobody had left the city.', 'nobody had left the city')
    expect(cold?.event).not.toBe(fled?.event)
  })
})

describe('shares set beside each other', () => {
  it('reads a share set against another of a named whole as of that whole, so it is apart from a share of another', () => {
    const [, second] = measures('Hale won 61.5 percent of the vote against 30.1 percent for Ostrova.')
    expect(second.of).toBe(measures('Hale won 61.5 percent of the vote.')[0].of)
    const airtime = one('The channel gave 78 percent of its airtime to Hale.')
    expect(apart(second, airtime)).toBe('of')
  })

  it('measures a rate with its period in the unit, not as a stretch of time', () => {
    const monthly = one('The plant makes about 40,000 shells a month.')
    const yearly = one('That is a rate of just under half a million shells a year.')
    expect(monthly.span).toBeNull()
    expect(apart(monthly, yearly)).toBeNull()
    expect(monthly.keys).toContain('shell per time')
  })
})

describe('"there were"', () => {
  it('takes no event from the words before an existential "there were"', () => {
    expect(
      one('A farmer said there were at least twenty shots that night.', 'there were at least twenty shots that night')
        .event
    ).toBeNull()
  })
})
