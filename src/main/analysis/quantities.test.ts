import { describe, expect, it } from 'vitest'
import { extractQuantities, hedgeBound, measureOf, zeroCounts } from './quantities'

const one = (text: string) => {
  const qs = extractQuantities(text)
  expect(qs).toHaveLength(1)
  return qs[0]
}

describe('extractQuantities', () => {
  it('ends a unit before an adverb of time or place ("drones overnight", "men aboard")', () => {
    expect(one('Air defences destroyed 44 Norvan drones overnight.')).toMatchObject({ value: 44, unit: 'drones' })
    expect(one('There were sixteen men aboard when the boat was stopped.')).toMatchObject({ value: 16, unit: 'men' })
  })

  it('reads hedged counts with their bound', () => {
    expect(one('Russia has deployed just under 60,000 troops to Kursk')).toMatchObject({
      value: 60000,
      unit: 'troops',
      unitClass: 'troops',
      bound: 'at-most',
      hedge: 'just under',
      text: 'just under 60,000 troops',
      highBound: 60000
    })
    expect(one('upward of 10,000 North Korean soldiers have been sent')).toMatchObject({
      value: 10000,
      unit: 'soldiers',
      unitClass: 'troops',
      bound: 'at-least',
      low: 10000,
      highBound: null
    })
    expect(one('Ukraine had lost more than 40 percent of the territory it controlled')).toMatchObject({
      value: 40,
      unit: 'percent',
      bound: 'more-than',
      of: 'territory'
    })
    expect(one('around 50,000 Russian troops were fighting')).toMatchObject({
      bound: 'approx',
      low: 47500,
      highBound: 52500
    })
    expect(one("roughly 45,000 of Moscow's soldiers were concentrated")).toMatchObject({
      value: 45000,
      unit: 'soldiers'
    })
    expect(one('roughly 531 square miles of territory')).toMatchObject({ value: 531, unit: 'square miles' })
  })

  it('reads ranges, money, word numbers, percent signs and increments', () => {
    expect(one('between 10,000 and 12,000 troops')).toMatchObject({
      bound: 'range',
      value: 10000,
      high: 12000,
      low: 10000,
      highBound: 12000
    })
    expect(one('would cost at least 350 million crowns to repair')).toMatchObject({
      value: 350e6,
      unit: 'crowns',
      bound: 'at-least'
    })
    expect(one('Eleven people have been detained')).toMatchObject({ value: 11, unit: 'people' })
    expect(one('turnout was 61.5% in the capital')).toMatchObject({ value: 61.5, unit: 'percent' })
    expect(one('the army would send 1,500 more soldiers')).toMatchObject({
      value: 1500,
      unit: 'soldiers',
      increment: true
    })
    expect(one('Tessaria had launched "at least 45" drones in several waves')).toMatchObject({
      value: 45,
      unit: 'drones',
      bound: 'at-least'
    })
  })

  it('marks comparisons the text makes and fills in units left out', () => {
    const change = extractQuantities(
      'Traffic fell from 42 transits per week in February to 25 in the last week of March'
    )
    expect(change.map((q) => [q.value, q.unit, q.role])).toEqual([
      [42, 'transits per week', 'from'],
      [25, 'transits per week', 'to']
    ])
    const share = extractQuantities('12,400 of the 31,000 registered households had been evacuated')
    expect(share.map((q) => [q.value, q.unit, q.role])).toEqual([
      [12400, 'households', 'part'],
      [31000, 'households', 'whole']
    ])
    const share2 = extractQuantities(
      'Of roughly 31,000 registered households in the affected districts, 12,400 have been evacuated'
    )
    expect(share2.map((q) => [q.value, q.unit, q.role])).toEqual([
      [31000, 'households', 'whole'],
      [12400, 'households', 'part']
    ])
    expect(
      extractQuantities('it had treated 310 people since Monday and that 41 remained in intensive care').map(
        (q) => q.unit
      )
    ).toEqual(['people', 'people'])
  })

  it('leaves out dates, clock times, years, footnotes, ages and list numbers', () => {
    expect(
      extractQuantities(
        'On 12 March at 23:00, and at 11 p.m. on March 31, in 2024 and since 1987.[7] A 52-year-old teacher.'
      )
    ).toEqual([])
    expect(extractQuantities('1. As of 18:00 on 14 March, the hotline 112 opened.')).toEqual([])
  })

  it('reads "within" as an upper bound and ends a unit at its measure', () => {
    expect(one('text alerts had gone out "within three hours" of the collapse')).toMatchObject({
      value: 3,
      unit: 'hours',
      bound: 'at-most',
      hedge: 'within'
    })
    expect(one('sludge had reached the town, some 40 kilometres downstream, by evening')).toMatchObject({
      unit: 'kilometres',
      hedge: 'some'
    })
    expect(one('copper concentrations 80 times above the legal limit')).toMatchObject({ value: 80, unit: 'times' })
    expect(one('nine employees were unaccounted for')).toMatchObject({ unit: 'employees', unitClass: 'people' })
  })

  it('finds the time a figure refers to in its sentence', () => {
    const [q] = extractQuantities(
      'Zelensky estimated in mid-November that around 50,000 Russian troops were fighting in Kursk.'
    )
    expect(q.time?.text).toBe('mid-November')
    expect(extractQuantities('in less than 36 hours')[0]).toMatchObject({ unitClass: 'time', bound: 'less-than' })
  })

  it('never takes an adverb or preposition after a bare figure for its unit', () => {
    const units = (text: string) => extractQuantities(text).map((q) => q.unit)
    expect(units('the money had been paid in 11 between 2019 and 2022')).not.toContain('between')
    expect(units('the gap shrank to 30,000 once a salary was counted')).not.toContain('once')
    expect(units('nearly 45 now belonged to foreign buyers')).not.toContain('now')
    expect(one('troops repelled two attacks near the village').unit).toBe('attacks')
  })

  it('reads "closer to" and "in the region of" as hedges, and never takes a preposition or a weekday for a unit', () => {
    expect(one('put the figure at closer to 45,000 people')).toMatchObject({
      value: 45000,
      hedge: 'closer to',
      bound: 'approx'
    })
    expect(one('in the region of 60 million marks')).toMatchObject({ value: 6e7, hedge: 'in the region of' })
    expect(extractQuantities('We geolocated seven videos within 100 metres.')[0]).toMatchObject({
      value: 7,
      unit: 'videos'
    })
    expect(extractQuantities('counted 4 around the depot and 12 Saturday').map((q) => q.unit)).toEqual([])
    expect(one('three sources saying one thing').unit).toBe('sources')
    expect(one('tried at least five times in the past year').unitClass).toBe('times')
  })

  it('reads a hedged fraction as a share in percent', () => {
    expect(one('just under a quarter of the bridgehead')).toMatchObject({
      value: 25,
      unit: 'percent',
      bound: 'at-most',
      of: 'bridgehead'
    })
    expect(one('fewer than half of the promised shells')).toMatchObject({ value: 50, bound: 'less-than' })
    expect(extractQuantities('in the second half of the year')).toEqual([])
  })
})

describe('zeroCounts', () => {
  it('reads "no", "not a single" and "nobody" as a count of zero in the unit named', () => {
    const zero = (text: string) => zeroCounts(text).map((q) => [q.value, q.unitClass, q.text])
    expect(zero('The clinic said no patients had been turned away.')).toEqual([[0, 'people', 'no patients']])
    expect(zero('The unit received "not a single" armoured truck since spring.')).toEqual([
      [0, 'truck', 'not a single" armoured truck']
    ])
    expect(zero('Nobody on the ferry was hurt.')).toEqual([[0, 'people', 'Nobody']])
    expect(zero('No one was hurt.')).toEqual([[0, 'people', 'No one']])
    expect(zero('None of the boats sank.')).toEqual([[0, 'vessels', 'None of the boats']])
  })

  it('leaves out hedges, judgments and a "no" that counts nothing', () => {
    expect(zeroCounts('There were no more than 30 guards; it is no longer open.')).toEqual([])
    expect(zeroCounts('No, he said. There was no sign of a fire and no such plan.')).toEqual([])
  })
})

describe('bare figures', () => {
  it('keeps figures without a unit only when asked, never a label like a hill or a unit number', () => {
    expect(extractQuantities('Air defence shot down 41 of them near Hill 212.')).toEqual([])
    const bare = extractQuantities('Air defence shot down 41 of them near Hill 212.', { bare: true })
    expect(bare.map((q) => [q.value, q.unit])).toEqual([[41, '']])
  })
})

describe('units named before a figure', () => {
  it('reads a population and a quoted, hedged count of a named thing', () => {
    const qs = extractQuantities('About 30 percent of its population of 90,000 had left.')
    expect(qs.map((q) => [q.value, q.unitClass])).toEqual([
      [30, 'percent'],
      [90000, 'people']
    ])
    expect(one('the real number of cases was "probably close to 700," she said')).toMatchObject({
      value: 700,
      unit: 'cases',
      bound: 'approx'
    })
    expect(one('The appeal seeks US$48 million this year')).toMatchObject({ value: 48e6, unit: 'dollars' })
  })
})

describe('unit phrases', () => {
  it('ends a unit at a verb after an unknown noun', () => {
    expect(one('Eleven hangars show collapsed roofs')).toMatchObject({ value: 11, unit: 'hangars' })
  })
})

describe('measureOf', () => {
  it('gives the dimension and size of units of measure, and nothing for counts', () => {
    expect(measureOf('square miles')).toEqual({ dimension: 'area', size: 2589988.11 })
    expect(measureOf('hectares')).toEqual({ dimension: 'area', size: 1e4 })
    expect(measureOf('nautical miles')).toEqual({ dimension: 'length', size: 1852 })
    expect(measureOf('km')).toEqual({ dimension: 'length', size: 1000 })
    expect(measureOf('troops')).toBeUndefined()
  })
})

describe('fractions without a hedge', () => {
  it('reads, when asked, a share of something named after it, and not an ordinal half or a time', () => {
    const share = (text: string) => extractQuantities(text, { loose: true }).map((q) => [q.value, q.unit, q.bound])
    expect(extractQuantities('Half our boats were sold abroad')).toEqual([])
    expect(share('Half our boats were sold abroad')).toEqual([[50, 'percent', 'exact']])
    expect(share('a third of the households have left')).toEqual([[33, 'percent', 'exact']])
    expect(share('Two-thirds of residents stayed')).toEqual([[67, 'percent', 'exact']])
    expect(share('The fleet shrank by about a fifth')).toEqual([[20, 'percent', 'approx']])
    expect(share('in the second half of the year')).toEqual([])
    expect(share('It took half an hour')).toEqual([])
    expect(share('cut in half by the storm')).toEqual([])
  })
})

describe('vague counts', () => {
  it('reads, when asked, "hundreds of" and "tens of thousands of" as ranges', () => {
    const loose = (text: string) =>
      extractQuantities(text, { loose: true }).map((q) => [q.low, q.highBound, q.unitClass, q.text])
    expect(loose('Hundreds of people marched')).toEqual([[200, 999, 'people', 'Hundreds of people']])
    expect(loose('tens of thousands of troops massed')).toEqual([
      [20000, 99999, 'troops', 'tens of thousands of troops']
    ])
    expect(extractQuantities('Hundreds of people marched')).toEqual([])
  })
})

describe('extractQuantities: ranges, number words and units set apart', () => {
  it('reads "between" as a range\'s hedge, compound number words, a hedged whole after "of", and a participle after the unit', () => {
    const read = (t: string) => extractQuantities(t).map((q) => [q.value, q.high ?? null, q.unit, q.hedge ?? null])
    expect(read('Drones showed between 30 and 45 trucks parked at the depot.')).toEqual([[30, 45, 'trucks', 'between']])
    expect(read('Thirty-two boats were lost.')).toEqual([[32, null, 'boats', null]])
    expect(read("some 300 of the village's roughly 2,000 residents had fled")).toEqual([
      [300, null, 'residents', 'some'],
      [2000, null, 'residents', 'roughly']
    ])
    expect(read('up to 25 new gun pits dug along the bank')).toEqual([[25, null, 'pits', 'up to']])
    expect(read('Nearly two dozen barges sank.')).toEqual([[24, null, 'barges', 'Nearly']])
    expect(read('The number of displaced people stands at 9,000.')).toEqual([[9000, null, 'people', null]])
    expect(read('The death toll has risen to 57.')).toEqual([[57, null, 'deaths', null]])
  })
})

describe('hedgeBound', () => {
  it('gives the bound of a hedge as written, reading through a qualifier before it', () => {
    expect(hedgeBound('Upward of')).toBe('at-least')
    expect(hedgeBound('well over')).toBe('more-than')
    expect(hedgeBound('between 15 and 20')).toBe('range')
    expect(hedgeBound('perhaps')).toBeUndefined()
  })
})

describe('extractQuantities: rates, shares in words, demonyms and revisions', () => {
  const read = (t: string) => extractQuantities(t).map((q) => [q.value, q.unit, q.unitClass, q.hedge ?? null])
  it('reads a count per period of time as a rate of its own class', () => {
    expect(read('The plant turns out 45,000 shells a month.')).toEqual([
      [45000, 'shells per month', 'shell per month', null]
    ])
    expect(read('The mill ships 300 tonnes a day.')).toEqual([[300, 'tonnes per day', 'tonne per day', null]])
  })

  it('reads "one X in six" and "two in three Xs" as a share in percent of what it counts', () => {
    const share = (t: string) => extractQuantities(t).map((q) => [q.value, q.unit, q.of ?? null, q.hedge ?? null])
    expect(share('One depot in six of the 1,380 on the list was shut.')).toEqual([[16.7, 'percent', 'depot', null]])
    expect(share('Roughly three in ten clinics reopened.')).toEqual([[30, 'percent', 'clinics', 'Roughly']])
    expect(share('Two in three farmers backed the plan.')).toEqual([[66.7, 'percent', 'farmers', null]])
    expect(share('Spending rose by 12 percent in 2025.')).toEqual([[12, 'percent', null, null]])
    expect(share('They slept one night in ten.')).toEqual([])
  })

  it('counts people named by a demonym, and stops a unit at a verb after it', () => {
    expect(read('At least 2,400 Tellarians are held.')).toEqual([[2400, 'tellarians', 'people', 'At least']])
    expect(read('Some 40 farmers backed the plan.')).toEqual([[40, 'farmers', 'farmer', 'Some']])
    expect(read('Barely 50 percent voted.')).toEqual([[50, 'percent', 'percent', 'Barely']])
  })

  it('gives a time right after the earlier figure of a revision to that figure only', () => {
    const timed = (t: string) => extractQuantities(t).map((q) => [q.value, q.role ?? null, q.time?.text ?? null])
    expect(timed('The toll rose to 4,500, up from 4,200 on Monday.')).toEqual([
      [4500, null, null],
      [4200, 'from', 'on Monday']
    ])
  })
})

describe('extractQuantities: fractions of a scale and rates named by their period', () => {
  const read = (t: string) => extractQuantities(t).map((q) => [q.value, q.unit, q.hedge ?? null])
  it('reads "half a million" and "a quarter of a million" as figures, not shares', () => {
    expect(read('a rate of just under half a million shells a year')).toEqual([
      [500000, 'shells per year', 'just under']
    ])
    expect(read('the bail was a quarter of a million euros')).toEqual([[250000, 'euros', null]])
  })

  it('reads a count after "monthly output at" or "the daily average had been" as a rate', () => {
    expect(read('monthly output at between 30,000 and 35,000 shells')).toEqual([[30000, 'shells per month', 'between']])
    expect(read('the daily average had been around 5,000 shells')).toEqual([[5000, 'shells per day', 'around']])
    expect(read('the monthly report listed 12 shells')).toEqual([[12, 'shells', null]])
  })

  it('measures rates of one thing in days, so that a monthly and a yearly rate compare', () => {
    expect(measureOf('shells per month')).toEqual({ dimension: 'shell per time', size: 12 / 365.25 })
    expect(measureOf('shells per year')).toEqual({ dimension: 'shell per time', size: 1 / 365.25 })
    expect(measureOf('crowns per household')).toBeUndefined()
  })
})

describe('extractQuantities: bodies and a toll that "now stands at"', () => {
  it('counts bodies as people and reads the toll through an adverb before its verb', () => {
    expect(one('Divers recovered 19 bodies.')).toMatchObject({ value: 19, unit: 'bodies', unitClass: 'people' })
    expect(one('The death toll now stands at 23.')).toMatchObject({ value: 23, unitClass: 'people' })
  })
})

describe('extractQuantities: a change by a multiple from a base', () => {
  it('reads the figure "tripled from 4,000 tonnes" reaches, beside its base', () => {
    const read = (t: string) => extractQuantities(t).map((q) => [q.value, q.unit, q.role ?? null, q.text])
    expect(read('Output has tripled from 4,000 tonnes.')).toEqual([
      [12000, 'tonnes', 'to', 'tripled from 4,000 tonnes'],
      [4000, 'tonnes', 'from', '4,000 tonnes']
    ])
    expect(read('Stocks rose from 300 shells to 500 shells.').map((q) => q[0])).toEqual([300, 500])
  })
})
