import { describe, expect, it } from 'vitest'
import type { Source } from '../../shared/model'
import { planAcceptance } from './accept'
import { inferPublisher, suggestClaims } from './suggest'
import { paragraphs, source } from './testing/documents'

const doc = paragraphs
const brief = (d: ReturnType<typeof doc> & { outlet?: string }, sources: Source[] = []) =>
  suggestClaims(d, sources).map((s) => ({
    claim: s.claim.text,
    speaker: s.speaker.mention?.text ?? null,
    name: s.speaker.name,
    kind: s.speaker.kind,
    source: s.speaker.sourceId,
    via: s.via.map((v) => v.name),
    cue: s.cue.kind
  }))

describe('suggestClaims', () => {
  it('finds leading, trailing and inverted attributions, with the claim apart from the attribution', () => {
    const got = brief(
      doc(
        'Port officials said that 14 ships were stuck outside the harbour.',
        'The channel will reopen on Friday, the harbour master, Jan Ostrow, said on Tuesday.',
        '"We have never seen a backlog like this," said Mara Velt, a shipping agent in the port.'
      )
    )
    expect(got).toEqual([
      expect.objectContaining({
        claim: '14 ships were stuck outside the harbour',
        speaker: 'Port officials',
        kind: 'anonymous'
      }),
      expect.objectContaining({
        claim: 'The channel will reopen on Friday',
        speaker: 'the harbour master, Jan Ostrow',
        name: 'Jan Ostrow',
        kind: 'person'
      }),
      expect.objectContaining({ claim: '"We have never seen a backlog like this,"', name: 'Mara Velt', kind: 'person' })
    ])
  })

  it('never takes who was told for the speaker ("Y, told X" is not an inverted frame)', () => {
    const got = brief(
      doc(
        'A Sorrel shipping agent, who asked not to be named because of the commercial risk, told Meridian News Agency that 27 cargo ships were waiting below the narrows on Thursday, down from 35 a week earlier.'
      )
    )
    for (const s of got) expect(s.name).not.toMatch(/Meridian News Agency|that 27/)
    for (const s of got) expect(s.claim).not.toBe('A Sorrel shipping agent')
  })

  it('records relays and citing, and keeps the relay for "the source" later', () => {
    const got = brief(
      doc(
        'A senior customs officer told the Baltic Courier that the inspections had been ordered by the ministry.',
        'The checks would last at least two weeks, the officer said.',
        'The Harbour Gazette, citing two dock workers, reported that cranes had stood idle since Monday.'
      )
    )
    expect(got[0]).toMatchObject({ speaker: 'A senior customs officer', kind: 'anonymous', via: ['Baltic Courier'] })
    expect(got[1]).toMatchObject({
      claim: 'The checks would last at least two weeks',
      name: got[0].name,
      via: ['Baltic Courier']
    })
    expect(got[2]).toMatchObject({
      speaker: 'two dock workers',
      via: ['Harbour Gazette'],
      claim: 'cranes had stood idle since Monday'
    })
  })

  it("splits one speaker's sentence into its claims and resolves pronouns and surnames", () => {
    const got = brief(
      doc(
        'Harbour master Jan Ostrow said 14 ships were waiting, adding that two had left.',
        'He warned that storms could delay them further, but that the port would stay open.',
        'Ostrow said the backlog would clear by Sunday.'
      )
    )
    expect(got.map((g) => g.claim)).toEqual([
      '14 ships were waiting',
      'two had left',
      'storms could delay them further',
      'the port would stay open',
      'the backlog would clear by Sunday'
    ])
    expect(new Set(got.map((g) => g.name))).toEqual(new Set(['Jan Ostrow']))
  })

  it("matches speakers to the case's sources by name, alias or a safe looser rule", () => {
    const sources = [
      source('ostrow', 'Jan Ostrow'),
      source('moi', 'Ministry of the Interior', ['interior ministry'], 'organization')
    ]
    const got = brief(
      doc(
        'Harbour master Jan Ostrow said 14 ships were waiting.',
        'The interior ministry said 200 police officers had been sent to the port.'
      ),
      sources
    )
    expect(got.map((g) => g.source)).toEqual(['ostrow', 'moi'])
  })

  it("catches the publisher's caveats and suggests credibility 6 and unverified", () => {
    const got = suggestClaims(
      doc(
        'A dock worker told the Courier that 40 containers had been damaged. The Courier could not independently verify the figure.'
      ),
      []
    )
    expect(got).toHaveLength(1)
    expect(got[0].caveats.map((c) => c.kind)).toEqual(['unverified'])
    expect(got[0].grading).toEqual({ credibility: '6', status: 'unverified' })
  })

  it("suggests the publisher's own figures, judgments and non-statements, and skips headings and cut-off captions", () => {
    const d = doc(
      'Ships stuck at Korval',
      'About 1,200 containers are waiting to be unloaded.',
      'The port authority has not confirmed or denied that the cranes failed.',
      'A crane at the port. Dock workers said the cranes... Photo / Agency'
    )
    d.blocks[0].kind = 'heading'
    const got = suggestClaims({ ...d, outlet: 'Baltic Courier' }, [])
    expect(got.map((s) => [s.cue.kind, s.speaker.name, s.speaker.resolution])).toEqual([
      ['figure', 'Baltic Courier', 'publisher'],
      ['non-statement', 'Baltic Courier', 'publisher']
    ])
    expect(got[0].quantities[0]).toMatchObject({ value: 1200, unit: 'containers', bound: 'approx' })
  })

  it('never throws on odd input and refuses a broken block list with a clear message', () => {
    expect(suggestClaims({ text: '', blocks: [] }, [])).toEqual([])
    expect(suggestClaims(doc('""', '...', 'said said said.'), [])).toEqual(expect.any(Array))
    // "the next report" after a heading "Situation Report": the nearer name is again a description.
    expect(suggestClaims(doc('Situation Report No. 7', 'The next report will be issued on 25 May.'), [])).toEqual(
      expect.any(Array)
    )
    expect(() => suggestClaims({ text: 'abc', blocks: [{ kind: 'paragraph', start: 2, end: 40 }] }, [])).toThrow(
      /outside the text/
    )
  })
})

describe('suggestClaims on shapes the first corpus did not have', () => {
  const claims = (got: ReturnType<typeof brief>) => got.map((g) => [g.claim, g.name])

  it("takes the reported clause of a compound sentence, not the publisher's whole sentence", () => {
    const got = brief(
      doc(
        "Patrols have held up traffic for a third week, and Norvania's government said on Wednesday that at least 40 ships were stuck.",
        'The ministry said prices rose and the central bank said wages fell.',
        'The Relief Office compiled its figure from hospital records and reports by village councils, its spokesperson Daniel Okoro said.'
      )
    )
    expect(claims(got)).toEqual([
      ['at least 40 ships were stuck', "Norvania's government"],
      ['prices rose', 'Ministry'],
      ['wages fell', 'Central bank'],
      ['The Relief Office compiled its figure from hospital records and reports by village councils', 'Daniel Okoro']
    ])
  })

  it('gives "the statement said" to whoever spoke in that statement', () => {
    const got = brief(
      doc(
        'Captain Ivo Dravic, a navy spokesperson, said in a written statement that 25 vessels were waiting. "Ships that comply are cleared the same day," the statement said.'
      )
    )
    expect(got.map((g) => g.name)).toEqual(['Ivo Dravic', 'Ivo Dravic'])
  })

  it('reads figures given as counts, tolls and records, and commitments, from the verb on', () => {
    const got = brief(
      doc(
        'An official at the port authority, who spoke on condition of anonymity, gave a third count: 31 ships at anchor.',
        'The disaster authority put the death toll at 112 and said 38 people were missing.',
        'The bulletin shows how trade fell. It recorded 84 grain ships in January.',
        'Prime Minister Aron Vesk promised compensation for every family.',
        'The minister put pressure on the port. Police recorded a video of the crowd.'
      )
    )
    expect(claims(got)).toEqual([
      ['gave a third count: 31 ships at anchor', 'Unnamed official at the port authority'],
      ['put the death toll at 112', 'Disaster authority'],
      ['38 people were missing', 'Disaster authority'],
      ['how trade fell', 'Bulletin'],
      ['recorded 84 grain ships in January', 'Bulletin'],
      ['promised compensation for every family', 'Aron Vesk']
    ])
    expect(got[0].kind).toBe('anonymous')
  })

  it('names a relay or speaker met before by its full name when the text shortens it', () => {
    const got = brief(
      doc(
        'A source told the Meridian News Agency that mines had been laid. "Those ships are not there to inspect cargo," the source told the agency.',
        'Kovar Mining said nine employees were missing. Kovar later said the search would go on.'
      )
    )
    expect(got.map((g) => g.via)).toEqual([['Meridian News Agency'], ['Meridian News Agency'], [], []])
    expect(got.slice(2).map((g) => [g.name, g.kind])).toEqual([
      ['Kovar Mining', 'organization'],
      ['Kovar Mining', 'organization']
    ])
  })

  it("never takes a body for the person whose title names it ('Orsa' after 'Orsa chief executive Ilan Moro')", () => {
    const sources = [
      source(
        'moro',
        'Ilan Moro, chief executive of Orsa Freight',
        ['Orsa chief executive Ilan Moro', 'Moro'],
        'person'
      ),
      source('orsa', 'Orsa Freight', ['Orsa'], 'organization')
    ]
    for (const known of [[], sources]) {
      const got = brief(
        doc(
          'Orsa chief executive Ilan Moro said the barge had been loaded correctly.',
          'Orsa said its crew had followed every rule.'
        ),
        known
      )
      expect(got.map((g) => [g.name, g.kind])).toEqual([
        ['Ilan Moro', 'person'],
        ['Orsa', expect.not.stringMatching(/^person$/)]
      ])
      if (known.length) expect(got.map((g) => g.source)).toEqual(['moro', 'orsa'])
    }
  })

  it('keeps an apposition after "according to" with its speaker, not in the claim', () => {
    const got = brief(
      doc(
        'Premiums have risen to 0.5 percent, according to Sorrel, a marine insurance broker.',
        'According to Frontline Water, an aid group, 200 people had died.',
        'Premiums doubled, according to two brokers in the port of Sorrel.'
      )
    )
    expect(got.map((g) => [g.claim, g.name, g.kind])).toEqual([
      ['Premiums have risen to 0.5 percent', 'Sorrel', 'person'],
      ['200 people had died', 'Frontline Water', 'organization'],
      ['Premiums doubled', 'Two brokers in the port of Sorrel', 'anonymous']
    ])
  })

  it('makes whoever is cited or quoted the speaker and the outlet the relay', () => {
    const got = brief(
      doc(
        'The Courier reported that 23 people were missing, citing two rescue coordinators, and said most were contract workers.',
        'The broadcaster ORT, quoting an unnamed official, said sludge had reached Dunmark.',
        'The Courier also quoted a senior investigator as saying that prosecutors were examining the permit.',
        'The minister was quoted by the Herald as saying that the mine would reopen.',
        'Karlsen said the trust had ignored warnings, citing an internal audit.'
      )
    )
    expect(got.map((g) => [g.claim, g.name, g.via])).toEqual([
      ['23 people were missing', 'Two rescue coordinators', ['Courier']],
      ['most were contract workers', 'Courier', []],
      ['sludge had reached Dunmark', 'Unnamed official', ['ORT']],
      ['prosecutors were examining the permit', 'Unnamed senior investigator', ['Courier']],
      ['the mine would reopen', 'Minister', ['Herald']],
      ['the trust had ignored warnings', 'Karlsen', []]
    ])
  })

  it('finds relays in interviews and in "interviewed by"', () => {
    const got = brief(
      doc(
        'In an interview with the weekly Kapital, chief executive Marten Hollis said the dam had passed inspection.',
        'Residents interviewed by the Voice said nobody had warned them.'
      )
    )
    expect(got.map((g) => g.via)).toEqual([['Kapital'], ['Voice']])
  })

  it('leaves out opening participles, passive asides, refusals to comment and what the speaker did not say', () => {
    const got = brief(
      doc(
        'Asked about the report, the inspectorate said it had no record of an application.',
        'He said a sum of 5,000 crowns, reported by the Courier, was "pure speculation."',
        'Kovar said it could not comment on the documents.',
        'He said patrols had seized two tonnes of weapons, but did not say how many ships had sailed.',
        'Kovar Mining said in a statement published overnight that nine employees were missing.'
      )
    )
    expect(got.map((g) => [g.claim, g.speaker])).toEqual([
      ['it had no record of an application', 'the inspectorate'],
      ['a sum of 5,000 crowns, reported by the Courier, was "pure speculation."', 'He'],
      ['patrols had seized two tonnes of weapons', 'He'],
      ['nine employees were missing', 'Kovar Mining']
    ])
  })

  it('resolves "itself", "it" after a subject that did not speak, and "the trust" past its spokesman', () => {
    const got = brief(
      doc(
        'The county water utility said 18,000 households had no water. The utility itself told ORT that supplies would resume.',
        'The national cyber security agency declined to comment. It said in an advisory that hospitals should keep offline copies.',
        'The Vossberg Health Trust said no records were taken. A spokesman for the trust said only payroll was hit. The trust said maternity services were running.'
      )
    )
    expect(got.map((g) => g.name)).toEqual([
      'County water utility',
      'County water utility',
      'National cyber security agency',
      'Vossberg Health Trust',
      'Unnamed spokesman for the trust',
      'Vossberg Health Trust'
    ])
  })

  it('gives "what it said was" to the subject of the clause around it, and caps the claim before it', () => {
    const got = brief(
      doc(
        'But the Zelt Herald published what it said was a letter from an engineer.',
        'ORT said sludge had reached Dunmark by Wednesday, while the tabloid Ostrelan Voice ran photographs that it said were taken 60 kilometres away.'
      )
    )
    expect(claims(got)).toEqual([
      ['was a letter from an engineer', 'Zelt Herald'],
      ['sludge had reached Dunmark by Wednesday', 'ORT'],
      ['were taken 60 kilometres away', 'Ostrelan Voice']
    ])
  })

  it("splits off the publisher's own inference, contrast and denial", () => {
    const got = suggestClaims(
      {
        ...doc(
          'According to the statistics office, Estra has 1.2 million voters, so the gap amounts to well over 150,000 votes.',
          'Milbloggers claimed that the strike destroyed a vessel, though the Halden Institute has not observed evidence of damage.',
          'The Ministry rejects reports that troops will be sent. No such decision has been taken.'
        ),
        outlet: 'Halden Institute'
      },
      []
    ).map((s) => [s.claim.text, s.speaker.resolution, s.cue.kind])
    expect(got).toEqual([
      ['Estra has 1.2 million voters', 'description', 'according-to'],
      ['the gap amounts to well over 150,000 votes', 'publisher', 'figure'],
      ['the strike destroyed a vessel', 'named', 'reporting-verb'],
      ['the Halden Institute has not observed evidence of damage', 'publisher', 'rebuttal'],
      ['rejects reports that troops will be sent', 'named', 'reporting-verb'],
      ['No such decision has been taken', 'publisher', 'rebuttal']
    ])
  })

  it('reads a reporting verb wink takes for a noun after an aside', () => {
    const got = brief(
      doc('The Civic Vote Network, which deployed 900 monitors, estimates turnout at between 44 and 48 percent.')
    )
    expect(claims(got)).toEqual([['estimates turnout at between 44 and 48 percent', 'Civic Vote Network']])
  })

  it('puts a caveat on the claims of the speaker it names, or on the figures relayed through it', () => {
    const got = suggestClaims(
      doc(
        "A group calling itself BlackTide said it had copied 400 gigabytes of data. The blog ThreatLedger said the group had demanded a ransom. The Tribune has not been able to verify the group's claims.",
        "The Courier reported that 23 people were missing, citing two rescue workers, and said most were contractors. The Agency could not independently verify the Courier's figure."
      ),
      []
    ).map((s) => [s.speaker.name, s.grading.credibility ?? null])
    expect(got).toEqual([
      ['BlackTide', '6'],
      ['ThreatLedger', null],
      ['Two rescue workers', '6'],
      ['Courier', null]
    ])
  })
})

describe('suggestClaims on a broadcast summary', () => {
  const kestrel = (...paragraphs: string[]) =>
    suggestClaims({ ...doc(...paragraphs), outlet: 'Radio Kestrel' }, []).map((s) => ({
      claim: s.claim.text,
      name: s.speaker.name,
      kind: s.speaker.kind,
      via: s.via.map((v) => v.name),
      credibility: s.grading.credibility ?? null
    }))

  it('reads a speaker after "where" or after an opening phrase, and what a speaker describes', () => {
    const got = kestrel(
      'The programme led on the outbreak in Halvik, where the regional health board says there have been 214 cases.',
      'In a statement sent to the programme after the interview, the health ministry said the figure referred to the first dose.',
      'Parents in Dresk described long queues at the clinic.'
    )
    expect(got.map((g) => [g.claim, g.name])).toEqual([
      ['there have been 214 cases', 'Regional health board'],
      ['the figure referred to the first dose', 'Health ministry'],
      ['described long queues at the clinic', 'Parents in Dresk']
    ])
  })

  it("does not make the publisher's own programme a relay, and calls a management an organisation", () => {
    const got = kestrel(
      'Health Minister Oda Kranjec told the programme that the outbreak was under control.',
      "The hospital's management denied issuing any such instruction."
    )
    expect(got.map((g) => [g.name, g.kind, g.via])).toEqual([
      ['Oda Kranjec', 'person', []],
      ["Hospital's management", 'organization', []]
    ])
  })

  it('gives "he" to a man named where no one spoke, not to the woman who spoke before', () => {
    const got = kestrel(
      'Kranjec said the cut was a reallocation. She said coverage stood at 91 percent.',
      "The figure was challenged by Dr Anton Varga, who chairs the Brevonian Doctors' Union. He said coverage was 78 percent."
    )
    expect(got.map((g) => g.name)).toEqual(['Kranjec', 'Kranjec', 'Anton Varga'])
  })

  it("puts a caveat about someone's figures on the claim that gave them, paragraphs earlier", () => {
    const got = kestrel(
      "Dr Anton Varga said the union's own survey put coverage at 78 percent.",
      "Karel Winther said the minister should resign. The programme has not been able to confirm the union's survey figures."
    )
    expect(got.map((g) => [g.name, g.credibility])).toEqual([
      ['Anton Varga', '6'],
      ['Karel Winther', null]
    ])
  })
})

describe('inferPublisher', () => {
  it('reads the publisher from a dateline or from its own caveat', () => {
    expect(inferPublisher('KORVAL, March 14 (Meridian Press) - Ships ...')).toBe('Meridian Press')
    expect(inferPublisher('Cranes failed. The Baltic Courier could not independently verify this.')).toBe(
      'Baltic Courier'
    )
    expect(inferPublisher('Nothing here.')).toBeNull()
  })
})

describe('suggestClaims: who speaks a quotation', () => {
  const names = (d: ReturnType<typeof doc>, sources: Source[] = []) =>
    brief(d, sources).map((s) => [s.claim, s.name, s.cue])

  it('gives a quotation to the speaker named right after it, and the next quotation to the same speaker', () => {
    const got = names(
      doc(
        'Mayor Anton Petrak said on Friday that 30 families had left the valley.',
        'Port director Mila Varga told regional radio this week that the quay had been "badly damaged" so far.',
        '"The first storms of the season open a new chapter of danger for the coast," Petrak said earlier this month. "We must do everything to protect it."'
      )
    )
    expect(got.slice(2)).toEqual([
      [
        '"The first storms of the season open a new chapter of danger for the coast,"',
        'Anton Petrak',
        'reporting-verb'
      ],
      ['"We must do everything to protect it."', 'Anton Petrak', 'quotation']
    ])
  })

  it('continues a whole quotation into the next paragraph, but not a partial quote from a paragraph earlier', () => {
    const partial = names(
      doc(
        'Mila Varga told regional radio that the quay had been "badly damaged".',
        '"We have never seen anything like it."'
      )
    )
    expect(partial.map(([claim]) => claim)).toEqual(['the quay had been "badly damaged"'])
    const whole = names(doc('"The quay is gone," Mila Varga said.', '"We will rebuild it before winter."'))
    expect(whole).toEqual([
      ['"The quay is gone,"', 'Mila Varga', 'reporting-verb'],
      ['"We will rebuild it before winter."', 'Mila Varga', 'quotation']
    ])
  })
})

describe('suggestClaims: what a speaker is', () => {
  it('reads a list of nationalities before one noun as one speaker, not a person', () => {
    const got = brief(
      doc(
        'Latvian, Estonian and Finnish intelligence have indicated that 400 troops crossed the border.',
        'Dutch, Belgian and Danish officials said the convoy had turned back.'
      )
    )
    expect(got.map((s) => [s.name, s.kind])).toEqual([
      ['Latvian, Estonian and Finnish intelligence', 'organization'],
      ['Dutch, Belgian and Danish officials', 'anonymous']
    ])
  })

  it('takes a bare name for an organisation unless a pronoun or a source in the case says it is a person', () => {
    const country = brief(doc('Norvania has acknowledged that its patrols crossed the river.'))
    expect(country.map((s) => [s.name, s.kind])).toEqual([['Norvania', 'organization']])
    const known = brief(doc('Kessler said the talks had stalled.'), [source('ik', 'Ida Kessler')])
    expect(known.map((s) => [s.name, s.kind, s.source])).toEqual([['Kessler', 'person', 'ik']])
  })

  it('names no one behind "reports" or "new assessments", and accepting such a claim plans no source', () => {
    const d = doc(
      'Reports have indicated the convoy was carrying fuel.',
      'The army is moving north, according to new assessments.'
    )
    const suggestions = suggestClaims(d, [])
    expect(suggestions.map((s) => [s.claim.text, s.speaker.resolution, s.speaker.name, s.speaker.sourceId])).toEqual([
      ['the convoy was carrying fuel', 'unattributed', '', null],
      ['The army is moving north', 'unattributed', '', null]
    ])
    const plan = planAcceptance(suggestions, [])
    expect(plan.sources).toEqual([])
    expect(plan.claims.map((c) => c.source)).toEqual([null, null])
  })

  it('names a body by its name, not by its acronym or the description before it', () => {
    const got = brief(
      doc(
        'Coastal think tank the Centre for the Study of Maritime Defence (CSMD) said on Monday that the strait was closed.'
      )
    )
    expect(got.map((s) => [s.name, s.kind])).toEqual([['Centre for the Study of Maritime Defence', 'organization']])
  })
})

describe('suggestClaims on hearings, situation reports and live blogs', () => {
  const who = (got: ReturnType<typeof brief>) => got.map((g) => [g.claim, g.speaker, g.name])

  it('gives "she" to an unnamed speaker, and never takes a place after "In" for a speaker', () => {
    const got = brief(
      doc(
        'A farmer in the valley, who asked not to be named, told the programme that the road had flooded.',
        'In Dresk, families queued all night. She said the clinic had closed at noon.'
      )
    )
    expect(who(got)).toEqual([
      ['the road had flooded', 'A farmer in the valley', 'Unnamed farmer in the valley'],
      ['the clinic had closed at noon', 'She', 'Unnamed farmer in the valley']
    ])
  })

  it('reads speaker phrases with a modifier in -ing, a relative clause, "whose" and a place dateline', () => {
    const got = brief(
      doc(
        'SORREL, Estrava - Norvania accused Estrava on Thursday of moving minelayers.',
        'A Harlow shipping agent told the Daily Post that 27 ships were waiting.',
        'A welder who has worked at the yard for 22 years and did not want his name published said morale was low.',
        'The Halvik Red Lantern Society, whose volunteers work in the camps, estimates that 9,000 people have fled.'
      )
    )
    expect(got.map((g) => [g.speaker, g.via])).toEqual([
      ['Norvania', []],
      ['A Harlow shipping agent', ['Daily Post']],
      ['A welder', []],
      ['The Halvik Red Lantern Society', []]
    ])
    expect(got[3].kind).toBe('organization')
  })

  it('takes ", saying ...", "Partners report that" and "a figure it says is ..." as attributions', () => {
    const got = brief(
      doc(
        'The mayor defended the plan, saying the bridge would reopen in May.',
        'Partners report that the camp is full.',
        "The governor's office puts the number of displaced people at about 35,000, a figure it says is based on registration only."
      )
    )
    expect(who(got)).toEqual([
      ['the bridge would reopen in May', 'The mayor', 'Mayor'],
      ['the camp is full', 'Partners', 'Partners'],
      ['puts the number of displaced people at about 35,000', "The governor's office", "Governor's office"],
      ['is based on registration only', 'it', "Governor's office"]
    ])
  })

  it('finds who "the company", "the chairman" and "it" are', () => {
    const got = brief(
      doc(
        'Tarn Mining said output fell by a third.',
        "The company's annual report put the loss at 38 million.",
        "Closing the session, the committee's chair, Konstantin Vell, said the evidence was clear.",
        'The chairman added that he was not satisfied.',
        "Karsovia's health ministry has updated its figures: it now says 27 civilians have been killed."
      )
    )
    expect(got.map((g) => g.name)).toEqual([
      'Tarn Mining',
      'Tarn Mining',
      'Konstantin Vell',
      'Konstantin Vell',
      "Karsovia's health ministry"
    ])
  })

  it('makes no relay of an audience, "us" or the publisher, and starts the claim after "posted ... that"', () => {
    const d = {
      ...doc(
        'The minister told MPs that costs had risen.',
        'He told the Courier that he was confident.',
        'An analyst told us the drones were old.',
        'Mirel said in a video address posted shortly after 9 a.m. that the army would hold.'
      ),
      outlet: 'The Hallam Courier'
    }
    expect(brief(d).map((g) => [g.claim, g.via])).toEqual([
      ['costs had risen', []],
      ['he was confident', []],
      ['the drones were old', []],
      ['the army would hold', []]
    ])
  })

  it('puts "either account" on both speakers and "these reports" on all the last one\'s claims', () => {
    const got = suggestClaims(
      doc(
        'The ministry said its forces held the road. The Front said it held three villages. The office is not in a position to verify either account.',
        'A community leader told staff that families were arriving every night. He said at least four children had died. These reports could not be independently verified.',
        'Civilian casualties have reportedly risen sharply.'
      ),
      []
    )
    expect(got.map((s) => [s.claim.text, s.grading.credibility ?? null])).toEqual([
      ['its forces held the road', '6'],
      ['it held three villages', '6'],
      ['families were arriving every night', '6'],
      ['at least four children had died', '6'],
      ['Civilian casualties have reportedly risen sharply', null]
    ])
  })

  it('gives a claim opened by "By his count," to the owner of the count, a pronoun resolved to the last speaker', () => {
    const got = brief(
      doc(
        'Lena Varga, a budget analyst at the Halden Institute who has studied the port for years, told reporters that the audit was late. By her estimate, upward of 40 vessels have changed hands.',
        "By the union's own count, 300 members went on strike."
      )
    )
    expect(got.map((g) => [g.claim, g.name])).toEqual([
      ['the audit was late', 'Lena Varga'],
      ['upward of 40 vessels have changed hands', 'Lena Varga'],
      ['300 members went on strike', 'Union']
    ])
  })

  it('does not take a place in a speaker\'s sentence, or a name beside the speaker, for a later "he" or "she"', () => {
    const got = brief(
      doc(
        'Piet Dorn has been harbourmaster at Port Selmer for 17 years. By his count, at least 25 hulls have left.',
        'Sergeant Anna Holt told the court that she had traced deposits into accounts controlled by Mr Karl Ostrow. She said the money came in cash.'
      )
    )
    expect(got.map((g) => [g.claim, g.name])).toEqual([
      ['at least 25 hulls have left', 'Piet Dorn'],
      ['she had traced deposits into accounts controlled by Mr Karl Ostrow', 'Anna Holt'],
      ['the money came in cash', 'Anna Holt']
    ])
  })

  it('takes both halves of a claim an attribution interrupts, and no fragment before a resumed quotation', () => {
    const got = brief(
      doc(
        'Many boats, she said, are now owned on paper by domestic companies.',
        '"On at least one occasion," Mr Petrak told the jury, "the money travelled in a fish crate."',
        'Anna Holt told the court that the audit was late: of 90 boats, she said, 45 had been sold.',
        'In a written submission, she said the trials had been successful.'
      )
    )
    expect(got.map((g) => [g.claim, g.speaker])).toEqual([
      ['are now owned on paper by domestic companies', 'she'],
      ['"the money travelled in a fish crate."', 'Mr Petrak'],
      ['the audit was late: of 90 boats', 'Anna Holt'],
      ['45 had been sold', 'she'],
      ['the trials had been successful', 'she']
    ])
  })

  it('leaves letters after a name ("KC") out of it, so two barristers are two people', () => {
    const got = brief(
      doc(
        'Prosecutor Teodor Vasquel KC said the money was paid in cash.',
        'Desmond Fairleigh KC, representing Ms Marrow, said the firm won on merit. Mr Vasquel said the firm lied.'
      )
    )
    expect(got.map((g) => g.name)).toEqual(['Teodor Vasquel', 'Desmond Fairleigh', 'Teodor Vasquel'])
  })

  it('reads "the registry records 19 as sold" as a record given, and a typographic possessive as a plain one', () => {
    const got = brief(
      doc(
        'Of those 44, the registry records 19 as sold to a foreign owner.',
        'According to the Courier’s analysis of those lists, the fleet fell from 212 to 168.'
      )
    )
    expect(got.map((g) => [g.claim, g.name])).toEqual([
      ['records 19 as sold to a foreign owner', 'Registry'],
      ['the fleet fell from 212 to 168', 'Courier']
    ])
  })

  it('gives a figure sentence going on with a speaker\'s figures ("Another 17 ...") to that speaker, in its paragraph only', () => {
    const got = brief(
      doc(
        'The registry records 19 boats as sold abroad. Another 17 were scrapped, and the remaining eight were lost.',
        'Another 12 boats were laid up.'
      )
    )
    expect(got.map((g) => [g.claim, g.name, g.cue])).toEqual([
      ['records 19 boats as sold abroad', 'Registry', 'reporting-verb'],
      ['Another 17 were scrapped, and the remaining eight were lost', 'Registry', 'figure'],
      ['Another 12 boats were laid up', '', 'figure']
    ])
  })

  it('reads a judge\'s rulings, "accepted at least N" as a verb, a claim inside "which, according to X,", and "Neither ..." in the publisher\'s voice', () => {
    const got = brief({
      ...doc(
        'Judge Anna Quell heard the applications. She allowed the prosecution to play a recording. She refused to comment.',
        'A director at the Port of Vessel accepted at least 340,000 crowns in cash, prosecutors told the court on Tuesday.',
        'Kester Fisk, which, according to company filings, owns at least nine trawlers, did not respond.',
        'Neither outlet has corrected its story.'
      ),
      outlet: 'The Ledger'
    })
    expect(got.map((g) => [g.claim, g.name])).toEqual([
      ['allowed the prosecution to play a recording', 'Anna Quell'],
      ['A director at the Port of Vessel accepted at least 340,000 crowns in cash', 'Prosecutors'],
      ['owns at least nine trawlers, did not respond', 'Company filings'],
      ['Neither outlet has corrected its story', 'The Ledger']
    ])
  })

  it('takes a clause after an opening "By midday" as the claim, and someone "quoted by" an outlet as the speaker, the outlet a relay', () => {
    const got = brief(
      doc(
        "By midday the figure had been revised to 11, the governor's office said, adding that three houses had been damaged.",
        'A Varoil engineer quoted by the broadcaster Radio Selvan told reporters that the gantry was hit.'
      )
    )
    expect(got.map((g) => [g.claim, g.name, g.via])).toEqual([
      ['By midday the figure had been revised to 11', "Governor's office", []],
      ['three houses had been damaged', "Governor's office", []],
      ['the gantry was hit', 'Unnamed Varoil engineer', ['Radio Selvan']]
    ])
  })

  it("proposes as the publisher's the article's lead paragraph, a section's first event and key takeaways", () => {
    const parts: [string, string][] = [
      ['heading', 'Border report'],
      [
        'paragraph',
        'Morvish troops have crossed the Tel river near the farming hamlets this week. The push began at dawn on Monday.'
      ],
      ['paragraph', 'Fighting around the hamlets is heavy. The bridges are old.'],
      ['paragraph', 'Key takeaways:'],
      ['paragraph', 'Morvish artillery struck a depot outside Kalda on Tuesday night.'],
      ['paragraph', 'Morvish officers will hold a briefing tomorrow in the capital.'],
      ['heading', 'Supply lines'],
      ['paragraph', 'Ostrian engineers repaired the rail bridge at Sedna on Wednesday. The line carries grain.']
    ]
    let at = 0
    const blocks = parts.map(([kind, t]) => {
      const b = { kind, start: at, end: at + t.length }
      at += t.length + 2
      return b
    })
    const got = brief({ text: parts.map((p) => p[1]).join('\n\n'), blocks, outlet: 'The Ledger' } as never)
    expect(got.map((g) => [g.claim, g.name, g.cue])).toEqual([
      ['Morvish troops have crossed the Tel river near the farming hamlets this week', 'The Ledger', 'lead'],
      ['The push began at dawn on Monday', 'The Ledger', 'lead'],
      ['Morvish artillery struck a depot outside Kalda on Tuesday night', 'The Ledger', 'lead'],
      ['Ostrian engineers repaired the rail bridge at Sedna on Wednesday', 'The Ledger', 'lead']
    ])
  })

  it("goes on with a speaker's account in a sentence with no cue after an attribution closing the sentence before", () => {
    const got = brief({
      ...doc(
        'A bulletin came out on Friday. The ferry was hit below the waterline at dawn, the coast guard said in a statement. One of the crew had suffered burns and was taken to hospital. "We acted fast," Lena Kross said. The crew was likely lucky.'
      ),
      outlet: 'The Ledger'
    })
    expect(got.map((g) => [g.claim, g.name])).toEqual([
      ['The ferry was hit below the waterline at dawn', 'The coast guard'],
      ['One of the crew had suffered burns and was taken to hospital', 'The coast guard'],
      ['"We acted fast,"', 'Lena Kross'],
      ['The crew was likely lucky', 'The Ledger']
    ])
  })

  it('reads a possessor\'s name with "of" in it, and an opening participle phrase as no part of the claim', () => {
    const got = brief({
      ...doc(
        "The figures do not support the Morvish Ministry of Defense's claim that its troops took the hill.",
        'Closing his speech, Dalen said the army had moved new guns to the river.'
      ),
      outlet: 'The Ledger'
    })
    expect(got.map((g) => [g.claim, g.name])).toEqual([
      ['its troops took the hill', 'Morvish Ministry of Defense'],
      ['the army had moved new guns to the river', 'Dalen']
    ])
  })

  it('puts a caveat on how many of something on every account of it in the article, whoever gave it', () => {
    const got = suggestClaims(
      {
        ...doc(
          'Three fishermen were injured when the boats collided, the harbour office said.',
          'A union official said five men were injured, not three. The mayor said the town would rebuild the quay.',
          'The Ledger was unable to confirm how many people were injured.'
        ),
        outlet: 'The Ledger'
      },
      []
    )
    expect(got.map((g) => [g.claim.text, g.grading.credibility ?? null])).toEqual([
      ['Three fishermen were injured when the boats collided', '6'],
      ['five men were injured, not three', '6'],
      ['the town would rebuild the quay', null]
    ])
  })

  it("puts a caveat on 'either X's or Y's account' on the claims of both", () => {
    const got = suggestClaims(
      {
        ...doc(
          'The bridge at Orla has been retaken, Harbour Army spokesman Colonel Ivo Brant told reporters.',
          'The Coastal Command said its units still held the bridge. A farmer said the road was empty.',
          "The Ledger could not verify either the Harbour Army's or the Coastal Command's account of the fighting."
        ),
        outlet: 'The Ledger'
      },
      []
    )
    expect(got.map((g) => [g.claim.text, g.grading.credibility ?? null])).toEqual([
      ['The bridge at Orla has been retaken', '6'],
      ['its units still held the bridge', '6'],
      ['the road was empty', null]
    ])
  })

  it('puts a caveat on "the <outlet> report" on every claim that outlet carried', () => {
    const got = suggestClaims(
      {
        ...doc(
          'The mayor said the bridge had reopened.',
          'The news site Vesna, citing a police source, reported that two cars had burned and that the fire lasted "several hours." The Ledger was unable to verify the Vesna report.'
        ),
        outlet: 'The Ledger'
      },
      []
    )
    expect(got.map((g) => [g.claim.text, g.grading.credibility ?? null])).toEqual([
      ['the bridge had reopened', null],
      ['two cars had burned', '6'],
      ['the fire lasted "several hours."', '6']
    ])
  })

  it("puts a caveat on one speaker's report of a thing on that speaker's claims about it", () => {
    const got = suggestClaims(
      {
        ...doc(
          'Radio Vest said the guards had been "attacked with knives" at the gate. The station said the gate was shut.',
          'The mayor said the gate had been repaired. A union official said two guards were attacked.',
          "The Ledger could not verify Radio Vest's report of the attack."
        ),
        outlet: 'The Ledger'
      },
      []
    )
    expect(got.map((g) => [g.claim.text, g.grading.credibility ?? null])).toEqual([
      ['the guards had been "attacked with knives" at the gate', '6'],
      ['the gate was shut', null],
      ['the gate had been repaired', null],
      ['two guards were attacked', null]
    ])
  })

  it("puts a caveat on a record's figures on every figure the record or its author gives, before or after it", () => {
    const got = suggestClaims(
      {
        ...doc(
          'The river authority has lost track of far more water than it admits, according to an internal audit report by the Water Commission that was passed to the Ledger.',
          'The report says 31 million litres were lost every day. The mayor said the figures were old.',
          'The Ledger has seen a copy of the report but could not verify the figures it contains.',
          'The commission estimates that repairs would take 12 years. The report also says the authority ignored warnings.',
          'A council engineer said about 20 million litres were lost a day.'
        ),
        outlet: 'The Ledger'
      },
      []
    )
    expect(got.map((g) => [g.claim.text, g.grading.credibility ?? null])).toEqual([
      ['The river authority has lost track of far more water than it admits', '6'],
      ['31 million litres were lost every day', '6'],
      ['the figures were old', null],
      ['repairs would take 12 years', '6'],
      ['the authority ignored warnings', null],
      ['about 20 million litres were lost a day', null]
    ])
  })

  it('reads outlets an aside names as carrying the words as relays, and leaves the aside out of the claim', () => {
    const got = brief({
      ...doc(
        'The mayor said the bridge had reopened.',
        'The port authority said in a statement published by the news agency Nortel that 40 ships were waiting.',
        'The coast guard said on Monday that the channel was "clear of ice," according to the Baltic News Agency, whose report was quoted by the broadcaster Radio Vest.',
        'Jonas Weil, director of the Orr Institute, put the catch at 300 tonnes, in remarks carried by the Courier on Tuesday.',
        'A survey by Norvik Polling for the Evening Star found that 40 percent of voters backed the plan.'
      ),
      outlet: 'The Ledger'
    })
    expect(got.map((g) => [g.claim, g.via])).toEqual([
      ['the bridge had reopened', []],
      ['40 ships were waiting', ['Nortel']],
      ['the channel was "clear of ice,"', ['Baltic News Agency', 'Radio Vest']],
      ['put the catch at 300 tonnes', ['Courier']],
      ['40 percent of voters backed the plan', ['Evening Star']]
    ])
  })

  it('gives the claims of the sentence before to the outlet "which carried her remarks"', () => {
    const got = brief({
      ...doc(
        'The mayor said the bridge had reopened.',
        'The port spokeswoman, Ana Berg, told a briefing that 40 ships were waiting. Kurier, which carried her remarks, added that the pilots were on strike.'
      ),
      outlet: 'The Ledger'
    })
    expect(got.map((g) => [g.claim, g.via])).toEqual([
      ['the bridge had reopened', []],
      ['40 ships were waiting', ['Kurier']],
      ['the pilots were on strike', []]
    ])
  })

  it('follows a record or an interview carried by outlets into the sentences that quote it', () => {
    const got = brief({
      ...doc(
        'The mayor said the port would reopen on Friday.',
        'The Harbour Post, a local weekly, printed a statement by the Coast Guard as carried by the news agency Nortel. According to the statement, nine sailors were rescued.',
        'The daily Kurier quoted an interview that Ana Berg gave to Radio Vest on Sunday. The crew had been paid late, she said. "He told me the engine failed twice," she told the station.',
        'A pilot said the channel was clear.'
      ),
      outlet: 'The Ledger'
    })
    expect(got.map((g) => [g.claim, g.name, g.via])).toEqual([
      ['the port would reopen on Friday', 'Mayor', []],
      ['nine sailors were rescued', 'Coast Guard', ['Nortel', 'Harbour Post']],
      ['The crew had been paid late', 'Ana Berg', ['Radio Vest', 'Kurier']],
      [expect.stringContaining('the engine failed twice'), expect.any(String), ['Ana Berg', 'Radio Vest', 'Kurier']],
      ['the channel was clear', 'Unnamed pilot', []]
    ])
  })

  it('reads figures given as "at as many as N" or counted in words, and a description joined to them', () => {
    const got = brief({
      ...doc(
        'The mayor said the port would reopen on Friday.',
        'In the south, the survey puts the number of empty homes at as many as 4,000 and describes the shortage as the worst in a decade.',
        'The Orr Foundation counted a dozen closed schools over the same period.'
      ),
      outlet: 'The Ledger'
    })
    expect(got.slice(1).map((g) => [g.claim, g.name])).toEqual([
      ['puts the number of empty homes at as many as 4,000', 'Survey'],
      ['describes the shortage as the worst in a decade', 'Survey'],
      ['counted a dozen closed schools over the same period', 'Orr Foundation']
    ])
  })

  it('reads a quoted characterisation a speaker refers to as its claim, and nothing else referred to', () => {
    const got = brief({
      ...doc(
        'The mayor said the port would reopen on Friday.',
        'The audit refers to "serious failings" in the payroll office. The minister referred to the audit in her speech.'
      ),
      outlet: 'The Ledger'
    })
    expect(got.slice(1).map((g) => [g.claim, g.name])).toEqual([['"serious failings" in the payroll office', 'Audit']])
  })

  it('keeps two people of one surname apart, a surname alone being the last of them met', () => {
    const got = suggestClaims(
      {
        ...doc(
          'The mayor said the port would reopen on Friday.',
          'Anna Kessel, a harbour pilot, said the channel was clear on Monday.',
          'Her husband, Piotr Kessel, who runs the ferry, said the ferry had been cancelled twice.',
          'Kessel said the ferry would sail on Tuesday.',
          'Anna Kessel said the pilots had not been paid. Kessel said the buoys had moved.'
        ),
        outlet: 'The Ledger'
      },
      []
    )
    expect(got.slice(1).map((g) => [g.claim.text, g.speaker.name, g.speaker.entity])).toEqual([
      ['the channel was clear on Monday', 'Anna Kessel', 'e2'],
      ['the ferry had been cancelled twice', 'Piotr Kessel', 'e4'],
      ['the ferry would sail on Tuesday', 'Piotr Kessel', 'e4'],
      ['the pilots had not been paid', 'Anna Kessel', 'e2'],
      ['the buoys had moved', 'Anna Kessel', 'e2']
    ])
  })

  it('takes the subject of the clause joined by ", and" for a verb coordinated in it', () => {
    const got = brief({
      ...doc(
        'The mayor said the port would reopen on Friday.',
        'The Harbour Watch group located the wreck off the north pier, and we checked their work and agree with it: the hull lies on its side.'
      ),
      outlet: 'The Ledger'
    })
    expect(got[1]).toMatchObject({ claim: expect.stringContaining('the hull lies on its side'), speaker: 'we' })
  })

  it('reads a subject\'s apposition for what it is, so "the company" later is that company', () => {
    const got = brief({
      ...doc(
        'A coast guard officer said the pass was closed.',
        'Kestrel Freight, a haulage company whose trucks use the pass, gave a different account. Its drivers had waited six hours at the border, the company said.'
      ),
      outlet: 'The Ledger'
    })
    expect(got.map((g) => [g.claim, g.name, g.kind])).toEqual([
      ['the pass was closed', 'Unnamed coast guard officer', 'anonymous'],
      ['Its drivers had waited six hours at the border', 'Kestrel Freight', 'organization']
    ])
  })

  it('keeps a date out of the speaker, goes on with ", and ..." after an attribution, reads "he went on" and no speaker inside an opening phrase', () => {
    const got = brief({
      ...doc(
        'Patrol boats had trailed the ferries since March, the envoy said, and his ministry had protested twice.',
        'Dalen Ostrow spoke on Sunday. In a radio address recorded in the capital and posted on Sunday, he said about 900 troops had crossed. The enemy, he went on, had lost more than 200 men.'
      ),
      outlet: 'The Ledger'
    })
    expect(got.map((g) => [g.claim, g.name])).toEqual([
      ['Patrol boats had trailed the ferries since March', 'Envoy'],
      ['his ministry had protested twice', 'Envoy'],
      ['about 900 troops had crossed', 'Dalen Ostrow'],
      ['had lost more than 200 men', 'Dalen Ostrow']
    ])
  })

  it('proposes nothing for a line that only names an account, in a lead or after a reporting verb', () => {
    const got = brief({
      ...doc(
        'Morvish and Ostrian officials gave sharply different accounts of the fighting near Kalda on Monday.',
        "The harbour office gave a lower figure. The union disputed the office's account. Dalen rejected that estimate within hours.",
        'The port gave a third count: 31 ships. The union denied that its members had struck.',
        'A blogger who claims to serve with the 4th Brigade claimed that the brigade had lost its guns.'
      ),
      outlet: 'The Ledger'
    })
    expect(got.map((g) => [g.claim, g.name])).toEqual([
      ['gave a third count: 31 ships', 'Port'],
      ['denied that its members had struck', 'Union'],
      ['the brigade had lost its guns', 'Unnamed blogger']
    ])
  })

  it('gives a leading sentence\'s main clause to the publisher before ", as X warned that ...", and reads "the crossing" as a noun', () => {
    const got = brief({
      ...doc(
        'Hundreds of families fleeing the floods spent a third night in tents at the Kalda bridge on Monday, as aid workers warned that clean water was running out.',
        'Ilse Varn, mayor of Sedna, the town closest to the crossing, said the ferry had stopped running.'
      ),
      outlet: 'The Ledger'
    })
    expect(got.map((g) => [g.claim, g.name])).toEqual([
      [
        'Hundreds of families fleeing the floods spent a third night in tents at the Kalda bridge on Monday',
        'The Ledger'
      ],
      ['clean water was running out', 'Aid workers'],
      ['the ferry had stopped running', 'Ilse Varn']
    ])
  })

  it('keeps a relative clause inside a quotation, a clause opened by "while" and a figure before a closing "according to" in the claim', () => {
    const got = brief({
      ...doc(
        '"We count every boat that lands. Our numbers are exact," Captain Lena Mor said.',
        'Two fishermen had drowned while waiting for the tide, the union told the Courier.',
        'The queue of trucks stretched for 12 kilometres on Monday, according to the port office.'
      ),
      outlet: 'The Ledger'
    })
    expect(got.map((g) => [g.claim, g.name, g.via])).toEqual([
      ['"We count every boat that lands. Our numbers are exact,"', 'Lena Mor', []],
      ['Two fishermen had drowned while waiting for the tide', 'Union', ['Courier']],
      ['The queue of trucks stretched for 12 kilometres on Monday', 'Port office', []]
    ])
  })

  it("makes an outlet's report closing a sentence the relay of the account that opens it", () => {
    const got = brief({
      ...doc(
        'The Red Hand clinic said its doctors had treated 300 people since Friday, many for burns, the Northern Wire news agency reported.',
        'Satellite images show the bridge has collapsed, the institute said.'
      ),
      outlet: 'The Ledger'
    })
    expect(got.map((g) => [g.claim, g.name, g.via])).toEqual([
      [
        'its doctors had treated 300 people since Friday, many for burns',
        'Red Hand clinic',
        ['Northern Wire news agency']
      ],
      ['Satellite images show the bridge has collapsed', 'Institute', []]
    ])
  })

  it('gives a quotation closed before "X was quoted as saying" to X', () => {
    const got = brief({
      ...doc('The lake is dry, Ivo Marr was quoted as saying. "We have no water left," she was quoted as saying.'),
      outlet: 'The Ledger'
    })
    expect(got.map((g) => [g.claim, g.name])).toEqual([
      ['The lake is dry', 'Ivo Marr'],
      ['"We have no water left,"', 'Ivo Marr']
    ])
  })

  it('keeps an opening date out of the speaker, and reads "we have moderate confidence that" as a judgment', () => {
    const got = brief({
      ...doc(
        'On 3 May the navy of neighbouring Vesk claimed on its channel that a mine had sunk the ferry.',
        'We have moderate confidence that the ferry sank near the northern buoy.'
      ),
      outlet: 'The Ledger'
    })
    expect(got.map((g) => [g.claim, g.speaker ?? g.name, g.cue])).toEqual([
      ['a mine had sunk the ferry', 'the navy of neighbouring Vesk', 'reporting-verb'],
      ['We have moderate confidence that the ferry sank near the northern buoy', 'The Ledger', 'estimative']
    ])
  })

  it('gives a belief to the named speaker whose attribution closes the sentence, and reads "closer to" figures and a bare dateline', () => {
    const got = brief({
      ...doc(
        "KORVAL — Vesk's port authority said on Friday that the quay had reopened.",
        'Engineers believed the crane had been sabotaged in the spring, the same official told the Courier, an account the Ledger has not been able to confirm.',
        'Speaking to MPs on Tuesday, Finance Minister Ivo Marr put the cost at "closer to 60 million crowns".'
      ),
      outlet: 'The Ledger'
    })
    expect(got.map((g) => [g.claim, g.speaker])).toEqual([
      ['the quay had reopened', "Vesk's port authority"],
      ['Engineers believed the crane had been sabotaged in the spring', 'the same official'],
      ['put the cost at "closer to 60 million crowns"', 'Finance Minister Ivo Marr']
    ])
  })

  it('ends a sentence after "a.m." before a capitalised clause, not before the time\'s own words', () => {
    const got = brief({
      ...doc(
        'Colonel Ana Brek said the drones came between 1:40 a.m. and 5 a.m. Air defence units had shot down 41 of them, she said. The alert ended at 6 a.m. Monday, the ministry said.'
      ),
      outlet: 'The Ledger'
    })
    expect(got.map((g) => [g.claim, g.name])).toEqual([
      ['the drones came between 1:40 a.m. and 5 a.m.', 'Ana Brek'],
      ['Air defence units had shot down 41 of them', 'Ana Brek'],
      ['The alert ended at 6 a.m. Monday', 'Ministry']
    ])
  })

  it('reads what a speaker complains about, and "continued to complain" as reporting', () => {
    const got = brief({
      ...doc(
        'Morvish bloggers continued to complain about shortages of fuel among units near Kalda. The union will complain about the rota.'
      ),
      outlet: 'The Ledger'
    })
    expect(got.map((g) => [g.claim, g.speaker])).toEqual([
      ['shortages of fuel among units near Kalda', 'Morvish bloggers']
    ])
  })

  it('takes no person from the end of a body\'s name, reads past an opening "Asked where ...", and "at upward of"', () => {
    const got = brief({
      ...doc(
        'Ana Brek, an analyst at the Varn Centre for Naval Studies in Kalda, has been watching the port. Images taken on 2 May, she said, show new berths.',
        "Asked where the figure came from, the paper's editor, Ivo Marr, told the Ledger that it had relied on the union.",
        'The same officer put the force at upward of 7,000 troops.'
      ),
      outlet: 'The Ledger'
    })
    expect(got.map((g) => [g.claim, g.name])).toEqual([
      ['Images taken on 2 May', 'Ana Brek'],
      ['it had relied on the union', 'Ivo Marr'],
      ['put the force at upward of 7,000 troops', 'The same officer']
    ])
  })

  it('reads "that" before a verb, or after an account noun, as a relative pronoun, not a reported clause', () => {
    const got = brief({
      ...doc(
        'It is a claim that many in the port believe, and one that is easy to see on the quay. Both news reports that seemed to confirm the figure rest on a single post.'
      ),
      outlet: 'The Ledger'
    })
    expect(got).toEqual([])
  })

  it("takes no count of the text's own evidence for a publisher's figure", () => {
    const got = brief({
      ...doc(
        'This is an account of how one figure spread along the whole coast.',
        'We started with eleven videos posted to local channels. To many readers that looked like three sources saying one thing. Fourteen boats were sold abroad.'
      ),
      outlet: 'The Ledger'
    })
    expect(got.map((g) => [g.claim, g.cue])).toEqual([['Fourteen boats were sold abroad', 'figure']])
  })

  it("proposes what an actor left unsaid as the publisher's non-statement, unless it is a caveat", () => {
    const got = brief({
      ...doc(
        'The port lost power on Monday, the harbour office said.',
        'The company did not mention contractors. Ramm did not provide evidence for the claim.'
      ),
      outlet: 'The Ledger'
    })
    expect(got.map((g) => [g.claim, g.name, g.cue])).toEqual([
      ['The port lost power on Monday', 'Harbour office', 'reporting-verb'],
      ['The company did not mention contractors', 'The Ledger', 'non-statement']
    ])
  })

  it('keeps an opening phrase of place and time out of a speaker described by a relative clause', () => {
    const got = brief({
      ...doc(
        'Outside the main gate on Wednesday, a welder who has worked at the yard for 22 years said morale was low.'
      ),
      outlet: 'The Ledger'
    })
    expect(got.map((g) => [g.claim, g.speaker])).toEqual([['morale was low', 'a welder']])
  })

  it('reads a figure reported as an object ("reported a higher figure of 47 ...") from the verb on', () => {
    const got = brief({
      ...doc('The Morvish staff reported a higher figure of 47 attacks near Kalda on Monday.'),
      outlet: 'The Ledger'
    })
    expect(got.map((g) => [g.claim, g.speaker, g.cue])).toEqual([
      ['reported a higher figure of 47 attacks near Kalda on Monday', 'The Morvish staff', 'reporting-verb']
    ])
  })

  it('takes no opening adverbial clause for the claim ("When police searched the house, they found ...")', () => {
    const got = brief({
      ...doc(
        'Ana Brek spoke to the Ledger on Friday.',
        'When police searched the house in May, they found 6,000 crowns in a tin, the prosecution said.'
      ),
      outlet: 'The Ledger'
    })
    expect(got.map((g) => g.claim)).not.toContain('When police searched the house in May')
  })

  it('reads "At least 14 ships ..." as a claim, not an opening phrase, and "five times" as a count', () => {
    const got = brief({
      ...doc(
        'The harbour was quiet on Monday and the weather was fine.',
        'At least 14 ships a day pass within 20 miles of the shoal, Wrenn said. Patrol boats have tried to block the channel at least five times this year.'
      ),
      outlet: 'The Ledger'
    })
    expect(got.map((g) => [g.claim, g.name])).toEqual([
      ['At least 14 ships a day pass within 20 miles of the shoal', 'Wrenn'],
      ['Patrol boats have tried to block the channel at least five times this year', 'The Ledger']
    ])
  })

  it("gives a record attached to a speaker's post to that speaker, with what it shows and no caveat as a claim", () => {
    const got = suggestClaims(
      {
        ...doc(
          'General Ivo Marr spoke on Sunday. In a post on his channel, he wrote that his troops held the hill. A map attached to the post showed flags over Kalda, a ridge that overlooks the road; the Ledger was unable to verify it.'
        ),
        outlet: 'The Ledger'
      },
      []
    )
    expect(got.map((g) => [g.claim.text, g.speaker.name, g.grading.credibility ?? null])).toEqual([
      ['his troops held the hill', 'Ivo Marr', null],
      ['flags over Kalda, a ridge that overlooks the road', 'Ivo Marr', '6']
    ])
  })

  it('keeps a participle phrase in a closing claim, ends a sentence after "£60m.", reads "has since said" and "Video posted on ..."', () => {
    const got = brief({
      ...doc(
        'The Tamm burst its banks at three points on Sunday, forcing the evacuation of 2,000 residents, officials said.',
        'The agency put the damage at between £40m and £60m. A spokeswoman for the agency said the figure was provisional.',
        'Video posted on social media showed cars floating along the high street. The agency has since said the footage was genuine.'
      ),
      outlet: 'The Echo'
    })
    expect(got.map((g) => [g.claim, g.speaker])).toEqual([
      ['The Tamm burst its banks at three points on Sunday, forcing the evacuation of 2,000 residents', 'officials'],
      ['put the damage at between £40m and £60m', 'The agency'],
      ['the figure was provisional', 'A spokeswoman for the agency'],
      ['cars floating along the high street', 'Video posted on social media'],
      ['the footage was genuine', 'The agency']
    ])
  })

  it('ends the one told where the claim\'s subject begins ("told Reuters the boarding party had ...")', () => {
    const got = brief({
      ...doc(
        'A security source told Reuters the boarding party had arrived by helicopter. The minister told reporters Ostria had no ships there.'
      ),
      outlet: 'The Ledger'
    })
    expect(got.map((g) => [g.claim, g.speaker, g.via])).toEqual([
      ['the boarding party had arrived by helicopter', 'A security source', ['Reuters']],
      ['Ostria had no ships there', 'The minister', []]
    ])
  })

  it('reads what a speaker expects, and a reported clause after ", although"', () => {
    const got = brief({
      ...doc(
        'Officials expect the road to reopen by Friday, although engineers warned that further landslides were possible.'
      ),
      outlet: 'The Ledger'
    })
    expect(got.map((g) => [g.claim, g.speaker])).toEqual([
      ['the road to reopen by Friday', 'Officials'],
      ['further landslides were possible', 'engineers']
    ])
  })

  it("takes a lead reporting a passive event ('has been cut off') as the publisher's, not a plan ('will be')", () => {
    const got = brief({
      ...doc(
        'For three weeks, the town of Merrin has been cut off by the fighting. Food prices have tripled since then.',
        'Later that week the bridge will be reopened by the army and the engineers.'
      ),
      outlet: 'The Ledger'
    })
    expect(got.map((g) => [g.claim, g.cue])).toEqual([
      ['For three weeks, the town of Merrin has been cut off by the fighting', 'lead'],
      ['Food prices have tripled since then', 'lead']
    ])
  })

  it("reads a word after a possessive as a noun ('the clinic's only doctor, described ...')", () => {
    const got = brief({
      ...doc('Dr Karl Ruen, the clinic\'s only doctor, described conditions as "catastrophic".'),
      outlet: 'The Ledger'
    })
    expect(got.map((g) => [g.claim, g.name])).toEqual([['described conditions as "catastrophic"', 'Karl Ruen']])
  })

  it('keeps a date out of a named speaker and whom a participle told out of the claim', () => {
    const got = brief({
      ...doc(
        'Health Minister Jonas Brek on Thursday defended the cuts, telling parliament that the changes would save 200 million crowns a year.'
      ),
      outlet: 'The Ledger'
    })
    expect(got.map((g) => [g.claim, g.speaker, g.kind])).toEqual([
      ['the changes would save 200 million crowns a year', 'Health Minister Jonas Brek', 'person']
    ])
  })

  it("keeps a live blog's timestamp out of the speaker and reads a figure reported as an object", () => {
    const got = brief({
      ...doc(
        '09:12 The coastguard says three fishing boats are missing off the point.',
        '09:45 Power company Nordel reports about 30,000 customers without electricity.'
      ),
      outlet: 'Vell Live'
    })
    expect(got.map((g) => [g.claim, g.speaker])).toEqual([
      ['three fishing boats are missing off the point', 'The coastguard'],
      ['reports about 30,000 customers without electricity', 'Power company Nordel']
    ])
  })

  it('takes no question opened by "Asked by ..." for the claim of the speaker who answers', () => {
    const got = brief({
      ...doc(
        'Petra Lind spoke to the committee.',
        'Asked by the committee chair, Tom Berg, why the programme was late, she blamed supply problems.'
      ),
      outlet: 'The Ledger'
    })
    expect(got.map((g) => [g.claim, g.name])).toEqual([['blamed supply problems', 'Petra Lind']])
  })

  it('reads ", an account residents disputed" as an objection, not a frame over the claim before it', () => {
    const got = brief({
      ...doc('The operator spoke on Monday. It said sirens had sounded at 5 a.m., an account residents disputed.'),
      outlet: 'The Ledger'
    })
    expect(got.map((g) => [g.claim, g.speaker])).toEqual([['sirens had sounded at 5 a.m.', 'It']])
  })
})

describe('suggestClaims: accounts that run on and speakers set off', () => {
  it('takes a phrase before a speaker that meets its verb for the claim, not an apposition', () => {
    const got = brief(
      doc(
        'Ground crews shot down 12 of the gliders, navy spokesman Captain Ilse Marrow said on the radio, adding that stocks were low.',
        'The raid destroyed up to 40 trucks, the army said in its evening bulletin, which named no village.'
      )
    )
    expect(got).toEqual([
      expect.objectContaining({ claim: 'Ground crews shot down 12 of the gliders', name: 'Ilse Marrow' }),
      expect.objectContaining({ claim: 'stocks were low', name: 'Ilse Marrow' }),
      expect.objectContaining({ claim: 'The raid destroyed up to 40 trucks', speaker: 'the army' })
    ])
  })
  it('reads ", said <name>" after a verbless phrase as an inverted attribution, and "told a news conference in X" as none', () => {
    const got = brief(
      doc(
        'The clinic had treated 30 patients by noon, six of them children, said Dr Oda Venn, the head of its emergency unit. Most had burns, she said.',
        '"We will rebuild," Mayor Tom Ruddle, the city\'s first elected mayor, told a news conference in Old Harlow.'
      )
    )
    expect(got.map((g) => [g.claim, g.name])).toEqual([
      ['The clinic had treated 30 patients by noon, six of them children', 'Oda Venn'],
      ['Most had burns', 'Oda Venn'],
      ['"We will rebuild,"', 'Tom Ruddle']
    ])
  })
  it('reads "called" as a verb unless a name follows it', () => {
    const got = brief(
      doc(
        'Marta Kell, the mayor, spoke on Monday. She called again for the province to send more pumps, saying levels in the south were "critically high".',
        'A charity called Open Door said 40 families had left.'
      )
    )
    expect(got.map((g) => [g.claim, g.name])).toEqual([
      ['levels in the south were "critically high"', 'Marta Kell'],
      ['40 families had left', 'Open Door']
    ])
  })
  it('keeps "Y, she said, and Z" as one frame when Y has a reporting verb of its own', () => {
    const got = brief(
      doc(
        'Ilse Marrow, the mayor, spoke on Monday. The engineers expected the bridge to reopen "within a week", she said, and Friday "remains our target".'
      )
    )
    expect(got.map((g) => [g.claim, g.name])).toEqual([
      ['The engineers expected the bridge to reopen "within a week"', 'Ilse Marrow'],
      ['Friday "remains our target"', 'Ilse Marrow']
    ])
  })

  it('takes a pronoun for the whole speaker: no phrase before it belongs to it', () => {
    const got = brief(
      doc(
        'Ilse Marrow, the mayor, said the levy was fair.',
        'In a radio address on Sunday she said that the levy would end in May.',
        'The fire service said two people had died in the blaze.',
        'By noon it put the number of injured at 14, after crews reached the top floor.'
      )
    )
    expect(got.map((g) => [g.claim, g.speaker, g.name])).toEqual([
      ['the levy was fair', 'Ilse Marrow, the mayor', 'Ilse Marrow'],
      ['the levy would end in May', 'she', 'Ilse Marrow'],
      ['two people had died in the blaze', 'The fire service', 'Fire service'],
      ['put the number of injured at 14, after crews reached the top floor', 'it', 'Fire service']
    ])
  })

  it('reads a participle between a preposition and its noun as a modifier, and "the other" as one of a pair', () => {
    const got = brief(
      doc(
        'The pump failed on Monday, the company said.',
        'Two engineers at the plant said the pump was old. The pump had failed on May 10, one of them said, and the crew had sent it back with written notes. The other said the manager had known for a week.'
      )
    )
    expect(got.map((g) => [g.claim, g.name])).toEqual([
      ['The pump failed on Monday', 'Company'],
      ['the pump was old', 'Two engineers at the plant'],
      ['The pump had failed on May 10', 'Two engineers at the plant'],
      ['the crew had sent it back with written notes', 'Two engineers at the plant'],
      ['the manager had known for a week', 'Two engineers at the plant']
    ])
  })
  it("carries an interview's outlet to all the interviewee says, and takes the one who asks for no relay", () => {
    const got = brief(
      doc(
        'The port authority said on Sunday that 14 berths had reopened.',
        "Harbour minister Tove Rask said the dredging was finished. In an hour-long interview on Radio Norden's Morning Desk, Rask told presenter Emil Haas that the canal would reopen in May.",
        'She said the pilots had returned. At a news conference later, Rask said fees would not rise.',
        'Haas pressed her on the cost, pointing out that the budget had doubled.',
        "Appearing on Vell TV's Noon Show, the port's chief engineer said the locks were sound."
      )
    )
    expect(got.map((g) => [g.claim, g.name, g.via])).toEqual([
      ['14 berths had reopened', 'Port authority', []],
      ['the dredging was finished', 'Tove Rask', ['Radio Norden']],
      ['the canal would reopen in May', 'Tove Rask', ['Radio Norden']],
      ['the pilots had returned', 'Tove Rask', ['Radio Norden']],
      ['fees would not rise', 'Tove Rask', []],
      ['the budget had doubled', 'Emil Haas', ['Radio Norden']],
      ['the locks were sound', "The port's chief engineer", ['Vell TV']]
    ])
  })
  it('spreads a caveat listing several things over the accounts of each, and one on a document over its reporter', () => {
    const d = doc(
      'Floods killed at least nine people in Arvel, the coastguard said on Monday.',
      'The coastguard said 30 boats had been launched. Two of the boats sank, the harbour office said.',
      'The army said its engineers had cleared 12 roads and the storm had spared the airfield.',
      "The Item could not verify the death toll, the number of boats launched, or the army's account of the roads.",
      'The Courier reported that it had seen a draft plan to rebuild the pier. The Item has not seen the document.',
      'The mayor said her office had not seen the document.'
    )
    const got = suggestClaims({ ...d, outlet: 'The Item' }, []).map((s) => [
      s.claim.text,
      s.grading.credibility ?? null
    ])
    expect(got).toEqual([
      ['Floods killed at least nine people in Arvel', '6'],
      ['30 boats had been launched', '6'],
      ['Two of the boats sank', null],
      ['its engineers had cleared 12 roads and the storm had spared the airfield', '6'],
      ['it had seen a draft plan to rebuild the pier', '6'],
      ['her office had not seen the document', null]
    ])
  })
  it('reads ", a formula the union\'s negotiators rejected" as a description, not the negotiators\' claim', () => {
    const got = brief(
      doc(
        'The port board met on Monday, the Courier said.',
        'The plan, according to the Courier, also provides for a new pier, and leaves the old harbour to "later talks", a formula the union\'s negotiators rejected last year.'
      )
    )
    expect(got.map((g) => [g.claim, g.name])).toEqual([
      ['The port board met on Monday', 'Courier'],
      ['also provides for a new pier, and leaves the old harbour to "later talks"', 'Courier']
    ])
  })
  it('reads an aside opened by an irregular participle (", made to reporters in X,") as no claim', () => {
    const got = brief(
      doc(
        'The mayor said the bridge would reopen.',
        'In the same remarks, made to reporters in Old Harlow, she accused the contractor of hiding "serious cracks" from inspectors.',
        'Storms that tore through the valley have cut 40 roads, the roads agency said.'
      )
    )
    expect(got.map((g) => g.claim)).toEqual([
      'the bridge would reopen',
      'accused the contractor of hiding "serious cracks" from inspectors',
      'Storms that tore through the valley have cut 40 roads'
    ])
  })
  it("gives a sentence between two of one speaker's account, the second closing with its attribution, to that speaker", () => {
    const got = brief(
      doc(
        'The mayor opened the bridge on Monday, the Item said.',
        'The talks broke down over money, according to two council officials. The city wants the province to pay 40 percent of the cost. The province has offered 25 percent, the two officials said.',
        'The canal opened in 1901. Its locks were rebuilt in 1990, the trust said.'
      )
    )
    expect(got.map((g) => [g.claim, g.speaker, g.name])).toEqual([
      ['The mayor opened the bridge on Monday', 'the Item', 'Item'],
      ['The talks broke down over money', 'two council officials', 'Two council officials'],
      ['The city wants the province to pay 40 percent of the cost', null, 'Two council officials'],
      ['The province has offered 25 percent', 'the two officials', 'Two council officials'],
      ['Its locks were rebuilt in 1990', 'the trust', 'Trust']
    ])
  })
  it('reads "pointing out that", "used the interview to rule out", and a colon or participle after a closing attribution', () => {
    const got = brief(
      doc(
        'The harbour minister, Tove Rask, said on Sunday that 14 berths had reopened.',
        'Emil Haas questioned her on the cost, pointing out that the budget had listed far fewer berths.',
        'A new crane would arrive in May, Rask added, turning out 40 lifts an hour at first.',
        'Berths opened were not the same as berths used, the union said: by its count, only nine had handled a ship since March.',
        'Rask also used the interview to rule out a rise in port fees before the end of the year.'
      )
    )
    expect(got.map((g) => [g.claim, g.name])).toEqual([
      ['14 berths had reopened', 'Tove Rask'],
      ['the budget had listed far fewer berths', 'Emil Haas'],
      ['A new crane would arrive in May', 'Tove Rask'],
      ['turning out 40 lifts an hour at first', 'Tove Rask'],
      ['Berths opened were not the same as berths used', 'Union'],
      ['by its count, only nine had handled a ship since March', 'Union'],
      ['rule out a rise in port fees before the end of the year', 'Tove Rask']
    ])
  })
  it("leaves out what only points back or plans, and keeps sourcing terms, open questions and records the writer's", () => {
    const got = brief({
      ...doc(
        'A ferry sank off Arvel on Monday, killing four people, the coastguard said. It was the worst ferry disaster in the region since 1987.',
        'The crew had ignored a storm warning, according to two port officials. They spoke on condition of anonymity because the inquiry is confidential. A harbour pilot said the same. The unions have agreed not to comment.',
        'The ferry line said its boats were safe. Whether the ministry will reopen the route before summer is another matter.'
      ),
      outlet: 'The Item'
    })
    expect(got.map((g) => [g.claim, g.name])).toEqual([
      ['A ferry sank off Arvel on Monday, killing four people', 'Coastguard'],
      ['It was the worst ferry disaster in the region since 1987', 'The Item'],
      ['The crew had ignored a storm warning', 'Two port officials'],
      ['its boats were safe', 'Ferry line']
    ])
  })
  it("takes what the publisher's own reporters saw for the publisher's claim", () => {
    const got = brief({
      ...doc(
        'Floods hit Arvel on Monday, the coastguard said.',
        'Reporters for the agency who walked the quay at dawn saw three sunken boats. Daily Item journalists found no aid at the camp. Reporters for the Courier saw a dry dock.'
      ),
      outlet: 'The Daily Item'
    })
    expect(got.map((g) => [g.claim, g.name])).toEqual([
      ['Floods hit Arvel on Monday', 'Coastguard'],
      ['saw three sunken boats', 'The Daily Item'],
      ['found no aid at the camp', 'The Daily Item']
    ])
  })
  it("splits the publisher's comparison with the record off a speaker's claim", () => {
    const got = brief({
      ...doc(
        'The navy said on Monday that a patrol boat had fired on a trawler, in what would be the most serious clash between the two fleets in more than a decade.',
        'The ministry said it had expelled two diplomats, the first time the government has expelled anyone over a fishing dispute.',
        'The mayor said the storm was unusual, in what she called a warning.',
        'A blast killed nine workers on Tuesday, the governor said, the worst industrial accident in the region since 2011.'
      ),
      outlet: 'The Item'
    })
    expect(got.map((g) => [g.claim, g.name])).toEqual([
      ['a patrol boat had fired on a trawler', 'Navy'],
      ['the most serious clash between the two fleets in more than a decade', 'The Item'],
      ['it had expelled two diplomats', 'Ministry'],
      ['the first time the government has expelled anyone over a fishing dispute', 'The Item'],
      ['the storm was unusual, in what she called a warning', 'Mayor'],
      ['A blast killed nine workers on Tuesday', 'Governor'],
      ['the worst industrial accident in the region since 2011', 'The Item']
    ])
  })
  it('lets an account with no cue of its own go on over several sentences of the paragraph', () => {
    const got = brief(
      doc(
        'The fire began at noon, officials said.',
        'The clinic had admitted 41 people by noon, said Dr Ana Ruiz, its chief surgeon. Most had burns. Two died overnight.',
        'Ferries stopped running. The port will reopen on Friday.'
      )
    )
    expect(got.map((g) => [g.claim, g.name])).toEqual([
      ['The fire began at noon', 'Officials'],
      ['The clinic had admitted 41 people by noon', 'Ana Ruiz'],
      ['Most had burns', 'Ana Ruiz'],
      ['Two died overnight', 'Ana Ruiz']
    ])
  })
  it('takes "disputed that" and "rejected it" for no claim, but for a speaker later words point to', () => {
    const got = brief(
      doc(
        'The port reopened on Monday, officials said.',
        'The mayor rejected it, saying no jobs had been cut.',
        'Two engineers at the plant disputed that. The pump had failed on May 10, one of them said.'
      )
    )
    expect(got.map((g) => [g.claim, g.name])).toEqual([
      ['The port reopened on Monday', 'Officials'],
      ['no jobs had been cut', 'Mayor'],
      ['The pump had failed on May 10', 'Two engineers at the plant']
    ])
  })
  it('reads "the Morning Wire" as a name, and a closing caveat on either side\'s figures as about the article\'s accounts', () => {
    const d = doc(
      'The army said the bridge had been shelled.',
      'Rebel commander Osk Varan said in an interview with the Morning Wire that 300 soldiers had surrendered.',
      'Its spokesman, Colonel Ida Moss, told reporters that 14 soldiers had been wounded.',
      "The Item could not independently confirm either side's figures."
    )
    const got = suggestClaims({ ...d, outlet: 'The Item' }, []).map((s) => [
      s.claim.text,
      s.via.map((v) => v.name),
      s.grading.credibility ?? null
    ])
    expect(got).toEqual([
      ['the bridge had been shelled', [], null],
      ['300 soldiers had surrendered', ['Morning Wire'], '6'],
      ['14 soldiers had been wounded', [], '6']
    ])
  })
  it('relays an unnamed source\'s later words through the outlet it spoke to, and an aside "reported on Monday by X"', () => {
    const got = brief(
      doc(
        'The dam held overnight, the water board said.',
        'An official who spoke to the Harbour Post on condition of anonymity said the spillway had cracked. The official said repairs would take a month.',
        'A survey by the Arvel Institute, reported on Monday by the Courier, put the cost at 40 million crowns.'
      )
    )
    expect(got.map((g) => [g.claim, g.via])).toEqual([
      ['The dam held overnight', []],
      ['the spillway had cracked', ['Harbour Post']],
      ['repairs would take a month', ['Harbour Post']],
      ['put the cost at 40 million crowns', ['Courier']]
    ])
  })
  it('gives a record described by "the agency released" to the agency that put it out', () => {
    const got = brief(
      doc(
        'The crossings resumed on Monday, the port said.',
        'Data the agency released on Monday showed 40 ferries had sailed.'
      )
    )
    expect(got.map((g) => [g.claim, g.name])).toEqual([
      ['The crossings resumed on Monday', 'Port'],
      ['40 ferries had sailed', 'Agency']
    ])
  })
  it('goes on with a figure in "Four of them ...", and reads a caveat on an owner\'s account or "the number of people injured"', () => {
    const d = doc(
      'The fire began at noon, officials said.',
      'Governor Anja Pell said 23 people were in hospital. Four of them had severe burns.',
      'A worker at the plant told the Item the alarms had not sounded. Managers had been warned in March, he added. Dr Karl Emmet said two of the injured were children.',
      "The Item could not independently verify the worker's account or the number of people injured."
    )
    const got = suggestClaims({ ...d, outlet: 'The Item' }, []).map((s) => [
      s.claim.text,
      s.speaker.name,
      s.grading.credibility ?? null
    ])
    expect(got).toEqual([
      ['The fire began at noon', 'Officials', null],
      ['23 people were in hospital', 'Anja Pell', null],
      ['Four of them had severe burns', 'Anja Pell', null],
      ['the alarms had not sounded', 'Unnamed worker at the plant', '6'],
      ['Managers had been warned in March', 'Unnamed worker at the plant', '6'],
      ['two of the injured were children', 'Karl Emmet', '6']
    ])
  })
  it('reads "One of the diplomats" as one of those just named and "the paper" as the outlet just named', () => {
    const got = brief({
      ...doc(
        'The plan stalled last week, according to three port officials. The city wants a new pier. The province has offered repairs, the officials said.',
        'The Harbour Post, citing two Western diplomats, reported that monitors would arrive in June. One of the diplomats told the paper the date could slip.'
      ),
      outlet: 'The Ledger'
    })
    expect(got.map((g) => [g.claim, g.name, g.via])).toEqual([
      ['The plan stalled last week', 'Three port officials', []],
      ['The city wants a new pier', 'Three port officials', []],
      ['The province has offered repairs', 'Three port officials', []],
      ['monitors would arrive in June', 'Two Western diplomats', ['Harbour Post']],
      ['the date could slip', 'Two Western diplomats', ['Harbour Post']]
    ])
  })
  it('reads caveats worded otherwise ("None of the figures could be verified", "not possible to verify", "could not be checked")', () => {
    const caveated = (caveat: string) =>
      suggestClaims(
        {
          ...doc('The army said 40 soldiers had been killed.', `Mayor Ann Rask said 12 homes had burned. ${caveat}`),
          outlet: 'The Item'
        },
        []
      ).map((s) => s.grading.credibility ?? null)
    expect(caveated('None of the figures could be verified.')).toEqual([null, '6'])
    expect(caveated('It was not possible to verify the figures.')).toEqual([null, '6'])
    expect(caveated('These figures could not be checked independently.')).toEqual([null, '6'])
    // The toll is the army's count of the dead.
    expect(caveated('There was no independent confirmation of the toll.')).toEqual(['6', null])
    expect(caveated('She could not check the gauges, she said.')).toEqual([null, null, null])
  })

  it('keeps a place\'s ministry apart from another place\'s, and its later "it" and "the statement" with it', () => {
    const got = brief(
      doc(
        "Norvania's Interior Ministry said the bridge had been closed by saboteurs.",
        "Estrava's Interior Ministry told a different story. In a statement carried by the news agency Baltpress, it said the bridge had been closed for repairs. Three workers were hurt, the statement said.",
        'The ministry also accused Norvania of "inventing a plot."'
      )
    )
    expect(got.map((g) => [g.claim, g.name, g.via])).toEqual([
      ['the bridge had been closed by saboteurs', "Norvania's Interior Ministry", []],
      ['the bridge had been closed for repairs', "Estrava's Interior Ministry", ['Baltpress']],
      ['Three workers were hurt', "Estrava's Interior Ministry", ['Baltpress']],
      ['accused Norvania of "inventing a plot."', "Estrava's Interior Ministry", ['Baltpress']]
    ])
  })

  it('reads an aside naming the outlet that carried the words as a relay, before the speaker or the clause', () => {
    const got = brief(
      doc(
        'Talking to the radio station Vox Ardal, in comments later published by the Ardal Herald, she insisted that the dam was safe.',
        'The port authority said on Monday, in remarks also carried by Baltpress, that it had fined the owner.'
      )
    )
    expect(got.map((g) => [g.claim, g.via])).toEqual([
      ['the dam was safe', ['Ardal Herald', 'Vox Ardal']],
      ['it had fined the owner', ['Baltpress']]
    ])
  })

  it('reads "..., he said" after a clause with "who" in it as closing the claim', () => {
    const got = brief(doc('The ferry sailed at noon. Tickets will be free for anyone who lost a home, he said.'))
    expect(got.map((g) => g.claim)).toContain('Tickets will be free for anyone who lost a home')
  })

  it('reads a post quoted before "the account X wrote", and "who added the comment:" after a name and its apposition', () => {
    const got = brief(
      doc(
        '"Bread costs double now. Nobody reports it," the account @GrainWatch wrote on Friday.',
        'Among those who shared it was Oskar Lind, a councillor for the Green Party, who added the comment: "Shameful. Share widely." Talking to Radio Vell on Sunday, Lind said the figure was accurate.'
      )
    )
    expect(got.map((g) => [g.claim, g.name])).toEqual([
      ['"Bread costs double now. Nobody reports it,"', 'Account @GrainWatch'],
      ['"Shameful. Share widely."', 'Oskar Lind'],
      ['the figure was accurate', 'Oskar Lind']
    ])
  })

  it('reads a name after a relative clause as the speaker, and an opening clause before the subject as no claim', () => {
    const got = brief(
      doc(
        "Rents are rising in the old town, where most students live, the union's housing officer, Mira Stol, told the paper.",
        'On Tuesday, after residents complained, the council posted a notice saying the works would stop.'
      )
    )
    expect(got.map((g) => [g.claim, g.name])).toEqual([
      ['Rents are rising in the old town, where most students live', 'Mira Stol'],
      ['a notice saying the works would stop', 'Council']
    ])
  })

  it('reads an opening "According to X," before a reporting clause as its relay, and a role\'s name after it', () => {
    const got = brief(
      doc(
        "According to the Norra News Agency, the union's spokesman, Pavel Ek, told Kanal 5 that 30 boats were seized.",
        'Six boats sank, according to our harbour pilot, Mira Holt, who saw them go down.'
      )
    )
    expect(got.map((g) => [g.claim, g.name, g.via])).toEqual([
      ['30 boats were seized', 'Pavel Ek', ['Kanal 5', 'Norra News Agency']],
      ['Six boats sank', 'Mira Holt', []]
    ])
  })

  it('reads "a group running a tent" as a description, ", however," as no part of the speaker, and a closing interview as a relay', () => {
    const got = brief(
      doc(
        'Open Doors, an aid group running a shelter near the port, put the figure at nearly 900 in an interview with Radio Vell.',
        'The coastguard, however, says 600 people arrived, and insists the higher counts are wrong.'
      )
    )
    expect(got.map((g) => [g.claim, g.name, g.via])).toEqual([
      ['put the figure at nearly 900', 'Open Doors', ['Radio Vell']],
      ['600 people arrived', 'Coastguard', []],
      ['the higher counts are wrong', 'Coastguard', []]
    ])
  })

  it('reads a report "dated 14 May" as the speaker, "Both said" as the group just named, and ", and who ..." as an aside', () => {
    const got = brief(
      doc(
        'An audit report dated 3 April found that 12 of the 40 pumps were broken.',
        'Managers at two of the rival firms tell a different story. Both said the pumps had never been tested.',
        'A former engineer who built the pumps, and who asked not to be named because she still works there, said the design was sound. "It was rushed," she said.'
      )
    )
    expect(got.map((g) => [g.claim, g.name])).toEqual([
      ['12 of the 40 pumps were broken', 'Audit report dated 3 April'],
      ['the pumps had never been tested', 'Managers at two of the rival firms'],
      ['the design was sound', 'Unnamed former engineer'],
      ['"It was rushed,"', 'Unnamed former engineer']
    ])
  })

  it('reads "forest that guards say is ..." as the guards\' claim, and a "Systems" company as "it"', () => {
    const got = brief(
      doc(
        'The road crosses a valley that local farmers say is flooded every spring.',
        'Norcast Systems won the tender. It said it employs 90 people.'
      )
    )
    expect(got.map((g) => [g.claim, g.name])).toEqual([
      ['is flooded every spring', 'Local farmers'],
      ['it employs 90 people', 'Norcast Systems']
    ])
  })

  it("takes the publisher's labelled verdict, its own note of what it has seen and its count, but not a checked claim", () => {
    const got = brief({
      ...doc(
        'The claim: Bread prices have doubled since the harbour closed.',
        'Our verdict: False. Our read: prices rose, but by a fifth.',
        "[Editor's note: The Dale Courier has seen copies of the two invoices.]",
        'The ministry says 60 boats were seized. We count 52.'
      ),
      outlet: 'The Dale Courier (DC)'
    })
    expect(got.map((g) => [g.claim, g.name, g.cue])).toEqual([
      ['Our read: prices rose, but by a fifth', 'The Dale Courier (DC)', 'estimative'],
      ['seen copies of the two invoices', 'The Dale Courier (DC)', 'lead'],
      ['60 boats were seized', 'Ministry', 'reporting-verb'],
      ['count 52', 'The Dale Courier (DC)', 'reporting-verb']
    ])
  })

  it('reads "a video posted by X purported to show", a long "put ... at", "described that X as" and "Neither ... has confirmed"', () => {
    const got = brief(
      doc(
        'A video posted by the channel Vell Today purported to show a burning truck near the dam.',
        'The county health office later put the number of people hurt or missing in the valley overnight at 31.',
        'The commission described that repair as "largely complete" on the north bank.',
        'Neither side has publicly confirmed that it will attend.'
      ),
      []
    )
    expect(got.map((g) => [g.claim, g.name])).toEqual([
      ['a burning truck near the dam', 'Vell Today'],
      ['put the number of people hurt or missing in the valley overnight at 31', 'County health office'],
      ['described that repair as "largely complete" on the north bank', 'Commission'],
      ['Neither side has publicly confirmed that it will attend', '']
    ])
  })

  it('goes on with an account after a figure that went on with it', () => {
    const got = brief(
      doc(
        'The diver counted three wrecks on the shoal. Two of them, in her view, are old. The hulls are still whole but the masts are gone.'
      )
    )
    expect(got.map((g) => g.name)).toEqual(['Diver', 'Diver', 'Diver'])
  })

  it("spreads a caveat on the accounts of either government's officials over every government speaker's claims", () => {
    const got = suggestClaims(
      {
        ...doc(
          'The border town of Marn was quiet on Friday.',
          'Three people were killed overnight, monitors said.',
          "Norvania's Defence Ministry said the rebels fired first. Estrava's President Ola Brek said 40 shells had hit the town.",
          'The hospital director said she had treated 12 wounded.',
          'The Wire could not independently verify the accounts given by officials of either government.'
        ),
        outlet: 'The Wire'
      },
      []
    )
      .filter((s) => s.speaker.resolution !== 'publisher')
      .map((s) => [s.speaker.name, s.grading.credibility ?? null])
    expect(got).toEqual([
      ['Monitors', null],
      ["Norvania's Defence Ministry", '6'],
      ['Ola Brek', '6'],
      ['Hospital director', null]
    ])
  })

  it('reads a line in capitals as a heading, and "speaking on condition of anonymity" after a quotation as no claim', () => {
    const got = brief(
      doc(
        'PORT OF VELL: THREE SHIPS, TWO COUNTS',
        '"Two of the cranes are down," he said, speaking on condition of anonymity because he was not allowed to talk.'
      )
    )
    expect(got.map((g) => g.claim)).toEqual(['"Two of the cranes are down,"'])
  })

  it('goes on with the lead past an opening clause, but not into notes on how the piece was made', () => {
    const got = brief({
      ...doc(
        'Ivo Rask has run the Harbour Trust, a group of nine charities working in Vell, since 2018. Since the floods began in March, the trust has become the main supplier of clean water in the valley. The Post spoke to Rask by phone on Monday. The interview has been edited for length.'
      ),
      outlet: 'The Post'
    }).map((g) => g.claim)
    expect(got.some((c) => c.includes('the trust has become the main supplier'))).toBe(true)
    expect(got.some((c) => /spoke to Rask|edited for length/.test(c))).toBe(false)
  })

  it("covers the government speakers' claims with a caveat on either government's officials inside a paragraph too", () => {
    const got = suggestClaims(
      {
        ...doc(
          "Vesk's Interior Ministry said the border was open.",
          "According to the Lenz Press Agency, Tamsk's deputy minister, Olga Verin, told Kanal 4 that 30 trucks had turned back. The Wire could not verify the accounts of officials from either government."
        ),
        outlet: 'The Wire'
      },
      []
    ).map((s) => [s.speaker.name, s.grading.credibility ?? null])
    expect(got).toEqual([
      ["Vesk's Interior Ministry", '6'],
      ['Olga Verin', '6']
    ])
  })

  it('reads "according to our analysis" as the publisher\'s and "its report" as the body\'s own', () => {
    const got = brief({
      ...doc(
        'At least four tanks burned, according to our analysis of satellite imagery.',
        'The port authority has said little. Nine cranes were idle, according to its report.'
      ),
      outlet: 'Open Lens'
    })
    expect(got.map((g) => [g.claim, g.name])).toEqual([
      ['At least four tanks burned', 'Open Lens'],
      ['Nine cranes were idle', 'Port authority']
    ])
  })

  it('gives what documents seen by an outlet show to that outlet, and what an email seen by it says to the email', () => {
    const got = brief(
      doc(
        'Shipping documents seen by the Harbour Post show that the cargo was loaded twice.',
        'An internal memo seen by the Harbour Post said the audit was delayed.'
      )
    )
    expect(got.map((g) => [g.claim, g.name, g.kind])).toEqual([
      ['the cargo was loaded twice', 'Harbour Post', 'outlet'],
      ['the audit was delayed', 'Internal memo', 'document']
    ])
  })

  it('keeps a quotation going on with its figures as the speaker\'s, and never takes a generic "you" for a speaker', () => {
    const got = brief(
      doc(
        '"The first bill was only the start," the clerk said. "Once you add the repairs, you are closer to two million."'
      )
    )
    expect(got.map((g) => [g.claim, g.name])).toEqual([
      ['"The first bill was only the start,"', 'The clerk'],
      ['"Once you add the repairs, you are closer to two million."', 'The clerk']
    ])
  })

  it('reads "which X has accused of ..." as X\'s accusation, a country apart from an outlet named after it, and "can\'t rule out" as no denial', () => {
    const got = brief(
      doc(
        'The Norvania Herald reported the seizure on Monday.',
        'The tanker Vela, which Norvania has accused of smuggling arms, left port on 3 June, according to tracking data.',
        'The diver counted two wrecks. One of them is old. The other looks new, although a single dive cannot rule out older damage.'
      )
    )
    expect(got.map((g) => [g.claim, g.name])).toContainEqual([
      'which Norvania has accused of smuggling arms',
      'Norvania'
    ])
    expect(got.filter((g) => g.name === 'Diver').map((g) => g.claim)).toHaveLength(3)
    expect(got.some((g) => /rule out/.test(g.claim) && g.name !== 'Diver')).toBe(false)
  })

  it("takes what a body left unsaid for the publisher's claim even with a caveat after it, which covers the claim before", () => {
    const got = suggestClaims(
      {
        ...doc(
          'The broadcaster KTV reported that troops had crossed the river at dawn. The ministry made no mention of any crossing in its statement, and the Wire could not verify the report.'
        ),
        outlet: 'The Wire'
      },
      []
    ).map((s) => [s.claim.text, s.speaker.name, s.grading.credibility ?? null])
    expect(got).toEqual([
      ['troops had crossed the river at dawn', 'KTV', '6'],
      ['The ministry made no mention of any crossing in its statement', 'The Wire', null]
    ])
  })

  it('takes one who only disputes an account for a speaker a later "the group" points back to', () => {
    const got = brief(
      doc(
        "Police said officers had used no force. Supporters' group Vell Ultras disputed the police account. In a post, the group said officers had charged without warning."
      )
    )
    expect(got.map((g) => [g.claim, g.name])).toEqual([
      ['officers had used no force', 'Police'],
      ['officers had charged without warning', 'Vell Ultras']
    ])
  })

  it('reads "ruled that ..." as a ruling said, and a ruling with no clause from its verb', () => {
    const got = brief(
      doc(
        'Judge Ana Berg ruled that the contract was void. She allowed the defence to call a second expert. The king ruled the country for 40 years.'
      )
    )
    expect(got.filter((g) => g.name === 'Ana Berg').map((g) => g.claim)).toEqual([
      'the contract was void',
      'allowed the defence to call a second expert'
    ])
  })

  it('reads a caveat on a named body\'s figures written without "the" ("Northern Relief\'s figures")', () => {
    const got = suggestClaims(
      doc(
        'Hanna Lund, director of Northern Relief, said the group had asked for 40,000 litres of fuel.',
        'Several traders said prices had doubled.',
        "Northern Relief's figures could not be independently verified."
      ),
      []
    ).map((s) => [s.speaker.name, s.grading.credibility ?? null])
    expect(got).toEqual([
      ['Hanna Lund', '6'],
      ['Several traders', null]
    ])
  })

  it('reads ", a figure we assess is likely inflated" as the publisher\'s remark on the claim before', () => {
    const got = brief({
      ...doc('The navy said it had sunk 12 boats, a figure we assess is likely inflated.'),
      outlet: 'Harbour Watch'
    })
    expect(got.map((g) => [g.claim, g.name])).toEqual([
      ['it had sunk 12 boats', 'Navy'],
      ['is likely inflated', 'Harbour Watch']
    ])
  })

  it('reads "We have not observed evidence to confirm these claims" as a caveat on the claims before', () => {
    const [s] = suggestClaims(
      doc(
        'Rebel officials claimed that their forces had taken the bridge. We have not observed evidence to confirm these claims.'
      ),
      []
    )
    expect(s.caveats.map((c) => c.kind)).toEqual(['no-evidence'])
  })

  it("keeps invisible format characters (bidi controls, zero widths) out of a speaker's name", () => {
    const [s] = suggestClaims(doc('\u202eThe governor said 40 homes were flooded.'), [])
    expect(s.speaker.name).not.toMatch(/\p{Cf}/u)
    expect(s.speaker.name.toLowerCase()).toContain('governor')
  })
})

describe('suggestClaims on press reviews and war updates', () => {
  it('takes a role\'s name after the comma as the inverted speaker, and "he" after it as that person', () => {
    const got = brief(
      doc(
        'Of those ships, 12 were turned back, said the port\'s spokesman, Captain Ilse Varn. Another four were "held for inspection", he said.'
      )
    )
    expect(got).toEqual([
      expect.objectContaining({ claim: 'Of those ships, 12 were turned back', name: 'Ilse Varn' }),
      expect.objectContaining({ claim: 'Another four were "held for inspection"', name: 'Ilse Varn' })
    ])
  })

  it('reads a post after "posted at <time>:" and a speaker described as "an anonymously run ... channel"', () => {
    const got = brief(
      doc(
        'Red Harbour, an anonymously run shipping channel with about 20,000 followers, posted at 10:05: "THE QUAY IS SHUT. The cranes stopped at dawn and nobody has come to work since."'
      )
    )
    expect(got).toEqual([
      expect.objectContaining({
        claim: '"THE QUAY IS SHUT. The cranes stopped at dawn and nobody has come to work since."',
        name: 'Red Harbour'
      })
    ])
  })

  it('skips an aside that opens with an adjective between the speaker and the verb ("X, long critical of Y, said")', () => {
    const got = brief(doc("The dockers' union, long critical of the ministry, said that wages had fallen by a third."))
    expect(got).toEqual([
      expect.objectContaining({
        claim: 'wages had fallen by a third',
        speaker: "The dockers' union",
        cue: 'reporting-verb'
      })
    ])
  })

  it('skips a participle aside ("X, standing on the quay, says") and reads a speaker inside "in which"', () => {
    const got = brief(
      doc(
        'The mayor, standing outside the town hall, says the roads will reopen on Friday.',
        'The channel aired a report in which its reporter, Ana Vell, says the ships left the harbour at night.'
      )
    )
    expect(got).toEqual([
      expect.objectContaining({ claim: 'the roads will reopen on Friday', speaker: 'The mayor' }),
      expect.objectContaining({ claim: 'the ships left the harbour at night', name: 'Ana Vell' })
    ])
  })

  it('keeps "citing Y" and "speaking to Y" asides as origin and relay', () => {
    const got = brief(
      doc(
        'The mayor, speaking to the Tarn Post, said the roads will reopen on Friday.',
        'The Tarn Post, citing two engineers, reported that the bridge had cracked.'
      )
    )
    expect(got).toEqual([
      expect.objectContaining({ claim: 'the roads will reopen on Friday', via: ['Tarn Post'] }),
      expect.objectContaining({ claim: 'the bridge had cracked', via: ['Tarn Post'] })
    ])
  })

  it('reads "according to X\'s poll, published by Y" and "according to X, which cited Y" as relayed', () => {
    const got = brief(
      doc(
        "According to the Harlow Institute's May poll, published by the Tarn Post, the Labour bloc stands at 31 percent.",
        'According to the Tarn Post, which cited two pilots, the channel was closed for a week.',
        'According to the Tarn Post, citing two harbour pilots, the channel was closed for a week.'
      )
    )
    expect(got).toEqual([
      expect.objectContaining({
        claim: 'the Labour bloc stands at 31 percent',
        name: 'Harlow Institute',
        via: ['Tarn Post']
      }),
      expect.objectContaining({
        claim: 'the channel was closed for a week',
        speaker: 'two pilots',
        via: ['Tarn Post']
      }),
      expect.objectContaining({
        claim: 'the channel was closed for a week',
        speaker: 'two harbour pilots',
        via: ['Tarn Post']
      })
    ])
  })

  it('never reads ", showed X" as naming a speaker after the verb', () => {
    const got = brief(doc('Cargo data, the weekly wrote, showed the tanker within a mile of the coast at dawn.'))
    expect(got).toEqual([
      expect.objectContaining({ claim: 'showed the tanker within a mile of the coast at dawn', speaker: 'the weekly' })
    ])
  })

  it('reads ", by X\'s count" closing a sentence as X\'s words from the dash before it', () => {
    const got = brief(
      doc("The union told the paper that 40 shops had shut — one shop in five on the register, by the weekly's count.")
    )
    expect(got).toEqual([
      expect.objectContaining({ claim: '40 shops had shut', speaker: 'The union', via: ['Paper'] }),
      expect.objectContaining({ claim: 'one shop in five on the register', speaker: 'the weekly', cue: 'according-to' })
    ])
  })

  it('reads "showed a post by X, ..., which claimed that" as X\'s claim, not the station\'s', () => {
    const got = brief(
      doc(
        'The station also showed a post by Red Harbour, a shipping channel, which claimed that the tanker had been "spying for a foreign navy."',
        'The video showed a convoy crossing the bridge at dawn.'
      )
    )
    expect(got[0]).toEqual(
      expect.objectContaining({
        claim: 'the tanker had been "spying for a foreign navy."',
        name: 'Red Harbour',
        via: ['Station']
      })
    )
    expect(got[1]).toEqual(expect.objectContaining({ claim: 'a convoy crossing the bridge at dawn' }))
  })

  it('gives the account before "Its source was X, who also told the paper that ..." to X, relayed by the paper', () => {
    const got = brief(
      doc(
        'The Harbour Gazette, the largest daily by circulation, wrote that 12 ships had been turned away. Its source was "a customs officer at the quay", who also told the paper that the tanker was the third seized this year.'
      )
    )
    expect(got).toEqual([
      expect.objectContaining({
        claim: '12 ships had been turned away',
        speaker: 'a customs officer at the quay',
        kind: 'anonymous',
        via: ['Harbour Gazette']
      }),
      expect.objectContaining({
        claim: 'the tanker was the third seized this year',
        speaker: 'a customs officer at the quay',
        via: ['Harbour Gazette']
      })
    ])
  })

  it("reads the publisher's own reporter and findings, by its short name or acronym, and 'has not published'", () => {
    const d = {
      ...doc(
        'A Tarn reporter who reached the port in the morning saw a burned-out warehouse with its roof collapsed.',
        'TNS found no mention of the sample size in the ministry report.',
        'The ferry company has not published its full passenger list, despite requests from families.'
      ),
      outlet: 'Tarn News Service (TNS), port desk'
    }
    const short = { ...d, outlet: 'Tarn News' }
    expect(brief(short)[0]).toEqual(
      expect.objectContaining({
        claim: 'saw a burned-out warehouse with its roof collapsed',
        name: 'Tarn News',
        cue: 'lead'
      })
    )
    const got = brief(d)
    expect(got[1]).toEqual(
      expect.objectContaining({ claim: 'found no mention of the sample size in the ministry report', cue: 'lead' })
    )
    expect(got[2]).toEqual(
      expect.objectContaining({
        claim: 'The ferry company has not published its full passenger list, despite requests from families',
        cue: 'non-statement'
      })
    )
  })

  it("reads a clause joined after a caveat as the publisher's, and keeps the caveat on the claim before", () => {
    const got = suggestClaims(
      {
        ...doc(
          'The army said 40 soldiers died.',
          'Tarn News cannot verify either figure, and neither side publishes its own losses.'
        ),
        outlet: 'Tarn News'
      },
      []
    )
    expect(got.map((s) => [s.claim.text, s.speaker.name, s.cue.kind])).toEqual([
      ['40 soldiers died', expect.stringMatching(/army/i), 'reporting-verb'],
      ['neither side publishes its own losses', 'Tarn News', 'lead']
    ])
    expect(got[0].caveats.map((c) => c.kind)).toContain('unverified')
  })

  it('proposes nothing for notes on how the piece was made or "we say so"', () => {
    const got = brief({
      ...doc(
        'Summaries of the morning papers and evening bulletins of 3 and 4 May, translated by the Tarn News desk.',
        'This page sets out what has been established about the fire and what remains disputed.',
        'Claims are reported as they were made; where Tarn News has been able to check them, we say so.'
      ),
      outlet: 'Tarn News'
    })
    expect(got).toEqual([])
  })

  it('reads "declared <an act>" as no account, and "declared that ..." as one', () => {
    const got = brief(
      doc(
        'The port reopened on Monday after a week of repairs to the main quay and its cranes.',
        'Prime Minister Ada Varn declared three days of national mourning, and flags on public buildings are at half-mast.',
        'The governor declared that the region was in a state of emergency.'
      )
    )
    expect(got.filter((s) => s.cue === 'reporting-verb')).toEqual([
      expect.objectContaining({ claim: 'the region was in a state of emergency', speaker: 'The governor' })
    ])
  })

  it('reads ", a detail no other outlet carried" as the publisher\'s remark on the claim before', () => {
    const got = brief({
      ...doc('The channel claimed that two guards had been "beaten with sticks", a detail no other outlet carried.'),
      outlet: 'Tarn News'
    })
    expect(got.map((g) => [g.claim, g.name])).toEqual([
      ['two guards had been "beaten with sticks"', 'Channel'],
      ['a detail no other outlet carried', 'Tarn News']
    ])
  })

  it('finds relays in "in a Tarn Post interview", "quoted X, via Y, as saying" and "a dispatch that Y reproduced"', () => {
    const got = brief(
      doc(
        'Ada Varn, in the same Tarn Post interview, said the queues were caused by panic buying.',
        'The Tarn Post also quoted the Norvan embassy, via the Norvan agency NNA, as saying it had been granted access to the crew.',
        'A court set bail at 2 million crowns, NNA reported in a dispatch that the Harbour Gazette reproduced in full.'
      )
    )
    expect(got.map((g) => [g.claim, g.name, g.via])).toEqual([
      ['the queues were caused by panic buying', 'Ada Varn', ['Tarn Post']],
      ['it had been granted access to the crew', expect.stringMatching(/Norvan embassy/i), ['NNA', 'Tarn Post']],
      ['A court set bail at 2 million crowns', 'NNA', ['Harbour Gazette']]
    ])
  })

  it('reads "the paper" as the paper named before, not a channel named since', () => {
    const got = brief(
      doc(
        'The Harbour Gazette quoted the minister as saying the port was shut.',
        'The minister told the state channel TVN that the port would reopen.',
        'He also told the paper that fuel prices had risen by 4 percent.'
      )
    )
    expect(got.at(-1)).toEqual(
      expect.objectContaining({ claim: 'fuel prices had risen by 4 percent', via: ['Harbour Gazette'] })
    )
  })

  it('reads "He showed no footage" after a spokesman\'s claim as the publisher\'s note, not his account', () => {
    const got = brief({
      ...doc(
        'The town has been taken, ministry spokesman Jan Varn told reporters. He showed no footage from the town.'
      ),
      outlet: 'Tarn News'
    })
    expect(got.map((g) => [g.claim, g.name, g.cue])).toEqual([
      ['The town has been taken', 'Jan Varn', 'reporting-verb'],
      ['He showed no footage from the town', 'Tarn News', 'non-statement']
    ])
  })

  it('gives what "he told me" inside a quotation to him, relayed by the one quoted, and "he" to "her brother"', () => {
    const got = brief(
      doc(
        'Ana Vell spoke to Radio Nord on Monday night. Her brother had been allowed one call, she said. "He told me they were twelve in the cell, counting the guard, and that nobody had been fed," she told the station.'
      )
    )
    expect(got.slice(-3).map((g) => [g.claim, g.name, g.via])).toEqual([
      ['Her brother had been allowed one call', 'Ana Vell', []],
      ['they were twelve in the cell, counting the guard', 'Her brother', ['Ana Vell', expect.any(String)]],
      ['nobody had been fed', 'Her brother', ['Ana Vell', expect.any(String)]]
    ])
  })

  it('keeps a vague "they told us" inside a quotation as the speaker\'s own testimony', () => {
    const got = brief(
      doc('"They told us the border was closed for the night and would stay shut," said Mara Velt, a driver.')
    )
    expect(got).toEqual([expect.objectContaining({ name: 'Mara Velt', via: [] })])
  })

  it('proposes no figure counting the reporting itself ("the account reached readers at two removes")', () => {
    const d = (line: string) => ({
      ...doc('The port reopened on Monday after a week of repairs to the main quay and its cranes.', line),
      outlet: 'Tarn News'
    })
    expect(brief(d('The fullest account from the crew came by way of three intermediaries.'))).toHaveLength(1)
    expect(brief(d('The 40 percent figure appears to come from a single district.')).at(-1)).toEqual(
      expect.objectContaining({ claim: 'The 40 percent figure appears to come from a single district', cue: 'figure' })
    )
  })

  it('reads "told the noon briefing" as an audience, not a relay named "the"', () => {
    const got = brief(doc('The town has been taken, ministry spokesman Jan Varn told the noon briefing.'))
    expect(got).toEqual([expect.objectContaining({ claim: 'The town has been taken', name: 'Jan Varn', via: [] })])
  })

  it('ends the claim of a relative aside where the main clause goes on ("The mayor, who said X, resigned")', () => {
    const got = brief(
      doc(
        'The mayor, who said the roads were safe, resigned on Friday.',
        'The agency, which said it had sent 40 trucks, later withdrew the figure.'
      )
    )
    expect(got.map((g) => g.claim)).toEqual(['the roads were safe', 'it had sent 40 trucks'])
  })
})

describe('suggestClaims, round 9', () => {
  it('"citing X" after a speaker’s own reckoning, or citing a record, is the basis: the claim stays the speaker’s', () => {
    const got = brief(
      doc(
        'Dr. Lena Moravec, quoted by the Harbor News Agency, estimated that some 90 people had drowned, citing the intake registers of two clinics.',
        'The mayor said that 14 boats had sunk, citing the port registers.',
        'The Evening Star reported that six fishermen were missing, citing two coast guard officers.'
      )
    )
    expect(got.map((g) => [g.claim, g.name, g.via])).toEqual([
      ['some 90 people had drowned', 'Lena Moravec', ['Harbor News Agency']],
      ['14 boats had sunk', 'Mayor', []],
      ['six fishermen were missing', 'Two coast guard officers', ['Evening Star']]
    ])
  })

  it('"Speaking to state broadcaster X" relays what she says there, though wink reads "state" as a verb', () => {
    const got = brief(
      doc(
        'Interior Minister Dana Pell gave few details. Speaking to state broadcaster KTV, she said the army had left two towns.',
        'She said talks would resume on Monday.'
      )
    )
    expect(got.map((g) => [g.claim, g.name, g.via])).toEqual([
      ['the army had left two towns', 'Dana Pell', ['KTV']],
      ['talks would resume on Monday', 'Dana Pell', ['KTV']]
    ])
  })

  it('"told South Korean media" names a class of outlets, no relay; a named outlet relays', () => {
    const got = brief(
      doc(
        "Norvania's defence minister, Ilse Brandt, told Estravan media that the clashes had been small.",
        'Her deputy told the press that 40 drones had been shot down.',
        'Brandt told the Harbor Press that the front was stable.'
      )
    )
    expect(got.map((g) => [g.claim, g.via])).toEqual([
      ['the clashes had been small', []],
      ['40 drones had been shot down', []],
      ['the front was stable', ['Harbor Press']]
    ])
  })

  it('a name with an apposition a "that" clause describes is the speaker, not the publisher', () => {
    const got = brief({
      ...doc(
        'Fires burned overnight at the port.',
        'Harbour Eye, an anonymous channel with about 12,000 followers that covers the coast, posted at 04:10: "Two cranes are down. Nobody is fighting the fire."',
        'Grey Gull, a channel that often repeats army statements, claimed the fire was "an act of sabotage".',
        'Radio Libera, an opposition station that broadcasts from exile, said the port had been shut for weeks.'
      ),
      outlet: 'The Port Monitor'
    })
    expect(got.map((g) => [g.claim, g.name])).toEqual([
      ['"Two cranes are down. Nobody is fighting the fire."', 'Harbour Eye'],
      ['the fire was "an act of sabotage"', 'Grey Gull'],
      ['the port had been shut for weeks', 'Radio Libera']
    ])
  })

  it('"According to the statement" after "the ministry\'s statement said" is the ministry', () => {
    const got = brief(
      doc(
        "The Transport Ministry's statement said the bridge had been closed at dawn. According to the statement, the first crack appeared at 04:10."
      )
    )
    expect(got.map((g) => [g.claim, g.name])).toEqual([
      ['the bridge had been closed at dawn', 'Transport Ministry'],
      ['the first crack appeared at 04:10', 'Transport Ministry']
    ])
  })

  it('an opening clock time ("At 06:20 the news site X wrote ...") is no part of the speaker', () => {
    const got = brief(
      doc('Fires burned overnight.', 'At 06:20 the independent news site Open Harbour wrote that nine people had died.')
    )
    expect(got.map((g) => [g.claim, g.name])).toEqual([['nine people had died', 'Open Harbour']])
  })

  it('"told staff of the charity X" relays through X; "told reporters" relays nothing', () => {
    const got = brief(
      doc(
        'Floods hit the valley.',
        'Residents of two streets told staff of the charity Harbour Aid that they heard no siren. Farmers told reporters that 40 cows drowned.'
      )
    )
    expect(got.map((g) => [g.claim, g.via])).toEqual([
      ['they heard no siren', ['Harbour Aid']],
      ['40 cows drowned', []]
    ])
  })

  it('"X\'s statement, carried in full by Y, said": X\'s claims in the paragraph come through Y', () => {
    const got = brief(
      doc(
        'Fire broke out at the refinery.',
        "The Energy Ministry's statement, carried in full by the agency Nortel at 09:15, said the fire had started in a pump house. Three workers were hurt, the ministry said. All were taken to hospital, it added.",
        'Energy Minister Vera Lund said on Friday that the fire was out.'
      )
    )
    expect(got.map((g) => [g.claim, g.name, g.via])).toEqual([
      ['the fire had started in a pump house', 'Energy Ministry', ['Nortel']],
      ['Three workers were hurt', 'Energy Ministry', ['Nortel']],
      ['All were taken to hospital', 'Energy Ministry', ['Nortel']],
      ['the fire was out', 'Vera Lund', []]
    ])
  })

  it('an opening gerund subject ("Shelling in the east has killed ...") keeps its closing attribution', () => {
    const got = brief(
      doc(
        'Shelling in the east has killed 12 people, the regional governor said on Monday.',
        'Speaking in the capital on Tuesday, the minister said 40 shops had burned.'
      )
    )
    expect(got.map((g) => [g.claim, g.name])).toEqual([
      ['Shelling in the east has killed 12 people', 'Regional governor'],
      ['40 shops had burned', 'Minister']
    ])
  })
})
