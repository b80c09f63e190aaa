import { describe, expect, it } from 'vitest'
import type { Source } from '../../shared/model'
import { suggestClaims } from './suggest'
import { paragraphs, source } from './testing/documents'

const doc = (...parts: string[]) => ({ ...paragraphs(...parts), outlet: 'The Coast Ledger' })
const brief = (d: ReturnType<typeof doc>, sources: Source[] = []) =>
  suggestClaims(d, sources).map((s) => ({
    claim: s.claim.text,
    name: s.speaker.name,
    source: s.speaker.sourceId,
    via: s.via.map((v) => v.name),
    cue: s.cue.kind
  }))

const briefing = doc(
  '# Harbour Authority briefing on the Sorn channel closure',
  'Edited transcript. Port Director Ilse Marrow and Captain Teo Brand of the coastguard spoke to reporters.',
  'MARROW: Good morning, everyone. I will be brief.',
  'The channel was closed at six on Saturday after a bulk carrier lost power. Fourteen vessels are waiting outside the harbour. We cleared the first two of them last night.',
  'Q (NIA SOLT, THE EVENING STAR): Director, pilots told our reporters that 20 ships were waiting on Sunday. Is that wrong?',
  'MARROW: I have seen that report. Our count comes from the radar log at midnight. I stand by fourteen.',
  'BRAND: If I may add something. The carrier drifted for about three hours before the tugs reached her. The tug company passed that to me this morning.',
  'Q (SOLT): The shipping council put the losses at two million euros a day. Will you compensate owners?',
  'MARROW: That is a matter for the ministry. We have not received a single claim so far.',
  'Q (SOLT): Did you know the carrier had engine trouble before?',
  'MARROW: No.',
  '[The press conference ended at 10:40.]',
  'The Ledger asked the shipping council for its figures on Monday.'
)

describe('labelled turns', () => {
  it("gives each assertion of an answer to the label's speaker, named in full from the preamble", () => {
    const got = brief(briefing)
    const marrow = got.filter((g) => g.name === 'Ilse Marrow')
    expect(marrow.map((g) => g.claim)).toEqual([
      'The channel was closed at six on Saturday after a bulk carrier lost power',
      'Fourteen vessels are waiting outside the harbour',
      'We cleared the first two of them last night',
      'Our count comes from the radar log at midnight',
      'We have not received a single claim so far'
    ])
    expect(marrow.every((g) => g.cue === 'turn' && g.via.length === 0)).toBe(true)
  })

  it('leaves out greetings, plans, hedges, stances, verdicts, questions and bare answers', () => {
    const claims = brief(briefing).map((g) => g.claim)
    for (const not of [
      'Good morning',
      'I will be brief',
      'I have seen that report',
      'I stand by fourteen',
      'If I may add something',
      'That is a matter for the ministry',
      'Will you compensate owners',
      'Is that wrong',
      'No'
    ])
      expect(claims.some((c) => c.startsWith(not))).toBe(false)
  })

  it("gives a figure a questioner puts from someone else to that someone, relayed by the questioner and the questioner's outlet", () => {
    const got = brief(briefing)
    expect(got).toContainEqual(
      expect.objectContaining({
        claim: '20 ships were waiting on Sunday',
        name: 'Pilots',
        via: ['The Evening Star', 'Nia Solt']
      })
    )
    // "Q (SOLT)" is the same questioner: a premise about a third party is that party's account.
    expect(got).toContainEqual(
      expect.objectContaining({
        claim: 'put the losses at two million euros a day',
        name: 'Shipping council',
        via: ['Nia Solt']
      })
    )
  })

  it('hands a claim to the one the speaker says gave it ("X passed that to me"), the speaker relaying', () => {
    const got = brief(briefing)
    expect(got).toContainEqual(
      expect.objectContaining({
        claim: 'The carrier drifted for about three hours before the tugs reached her',
        name: 'Tug company',
        via: ['Teo Brand']
      })
    )
    expect(got.some((g) => g.claim.includes('passed that'))).toBe(false)
  })

  it("matches the label's speaker to a source in the case by the label or the fuller name", () => {
    const sources = [
      source('marrow', 'Ilse Marrow', ['Port Director Ilse Marrow'], 'person'),
      source('star', 'The Evening Star', ['THE EVENING STAR'], 'outlet')
    ]
    const got = brief(briefing, sources)
    expect(got.find((g) => g.claim.startsWith('Fourteen vessels'))?.source).toBe('marrow')
    expect(got.find((g) => g.claim.startsWith('20 ships'))?.via).toEqual(['The Evening Star', 'Nia Solt'])
  })

  it("keeps an editor's note in brackets and the text after the last turn in the publisher's voice", () => {
    const got = brief(briefing)
    expect(got.some((g) => g.claim.includes('ended at 10:40') && g.name !== 'The Coast Ledger')).toBe(false)
    expect(got.some((g) => g.claim.includes('shipping council for its figures') && g.name !== 'The Coast Ledger')).toBe(
      false
    )
  })

  it('reads "Q:" and "A:" turns, the answerer being the person the text introduces just before', () => {
    const got = brief(
      doc(
        'The regional fire chief, Dana Kettle, spoke to the Ledger on Tuesday about the Orrin forest fire.',
        'Kettle answered our questions:',
        'Q: How large is the fire now?',
        'A: It has burned about 1,200 hectares since Friday. We evacuated two villages on Sunday night.',
        'Q: Residents say the first crews arrived late. Is that fair?',
        'A: I understand the frustration. The first crew was on site within forty minutes of the call.'
      )
    )
    expect(got).toContainEqual(
      expect.objectContaining({ claim: 'It has burned about 1,200 hectares since Friday', name: 'Dana Kettle' })
    )
    expect(got).toContainEqual(
      expect.objectContaining({
        claim: 'The first crew was on site within forty minutes of the call',
        name: 'Dana Kettle'
      })
    )
    expect(got).toContainEqual(
      expect.objectContaining({ claim: 'We evacuated two villages on Sunday night', name: 'Dana Kettle' })
    )
    expect(got.some((g) => g.claim.startsWith('I understand'))).toBe(false)
    expect(got.find((g) => g.claim.includes('first crews arrived late'))?.name).toBe('Residents')
  })

  it('reads an address opening a question, a stage direction, a bare "Q:" and an outlet as the questioner', () => {
    const got = brief(
      doc(
        'Fire Commissioner Rolf Ebbe answered questions from the committee on Thursday.',
        'COMMISSIONER EBBE: The blaze started in a storage unit. Crews reached it in eleven minutes.',
        'Q: Fire Commissioner, residents told the committee the alarm never sounded. Is that right?',
        'COMMISSIONER EBBE (continuing): The alarm log shows it sounded at 02:14.',
        'Q (THE VALLEY TIMES): The Valley Times spoke to a night porter, who said the sprinklers were switched off.',
        'COMMISSIONER EBBE: We inspected the sprinklers in May.'
      )
    )
    expect(got).toContainEqual(
      expect.objectContaining({ claim: 'Crews reached it in eleven minutes', name: 'Rolf Ebbe', via: [] })
    )
    // An unnamed questioner is no relay.
    expect(got).toContainEqual(
      expect.objectContaining({ claim: 'the alarm never sounded', name: 'Residents', via: [] })
    )
    expect(got.find((g) => g.claim.includes('sounded at 02:14'))?.via).toEqual(['Rolf Ebbe'])
    expect(got).toContainEqual(
      expect.objectContaining({ claim: 'the sprinklers were switched off', via: ['The Valley Times'] })
    )
    expect(got).toContainEqual(
      expect.objectContaining({ claim: 'We inspected the sprinklers in May', name: 'Rolf Ebbe' })
    )
  })

  it("reads an interview with names as labels: the outlet's turns ask, a bare figure answers a question for one", () => {
    const got = brief(
      doc(
        'Interview: Marta Oyelaran, head of the Tessel Water Board',
        'The Harbour Courier spoke to Marta Oyelaran on Friday.',
        'Courier: How many households are still without water?',
        'Oyelaran: About 4,000, down from 12,000 on Monday. We restored the northern main yesterday.',
        'Courier: The mayor says it will be weeks before the south is reconnected.',
        "Oyelaran: I wouldn't put a date on it. The pumps were damaged by the flood.",
        'Courier: Engineers we spoke to said the pumps had not been serviced since 2019.',
        "Oyelaran: That's not correct. They were serviced last spring."
      )
    )
    const oyelaran = got.filter((g) => g.name === 'Marta Oyelaran').map((g) => g.claim)
    expect(oyelaran).toEqual([
      'About 4,000, down from 12,000 on Monday',
      'We restored the northern main yesterday',
      'The pumps were damaged by the flood',
      'They were serviced last spring'
    ])
    expect(got).toContainEqual(
      expect.objectContaining({
        claim: 'the pumps had not been serviced since 2019',
        name: 'Engineers',
        via: ['Harbour Courier']
      })
    )
    expect(got.find((g) => g.claim.startsWith('it will be weeks'))?.via).toEqual(['Harbour Courier'])
    // The title line is no turn: the first paragraph stays the publisher's.
    expect(got.some((g) => g.cue === 'turn' && g.claim.includes('spoke to Marta Oyelaran'))).toBe(false)
  })

  it('takes a questioner from the role the fuller name gives or an outlet in the label, and no bare confirmation', () => {
    const got = brief(
      doc(
        'Presenter Ada Quist spoke to Health Minister Joran Velde about waiting lists.',
        'QUIST: Minister, the Nurses Union says 90,000 people are waiting more than a year. Is that right?',
        'VELDE: Our figure is 61,000, and it has fallen for three months running.',
        'QUIST: But it was 48,000 when you took office.',
        'VELDE: It was. We opened two surgical hubs in March.',
        'Jon Ash (Daily Post): The hubs were built by a firm that donated to your party. Will you publish the contract?',
        'VELDE: We will, in June.'
      )
    )
    expect(got.find((g) => g.claim.startsWith('90,000 people'))?.name).toBe('Nurses Union')
    // The presenter's premise with no one else's name in it is no claim; nor is "It was.".
    expect(got.some((g) => g.claim.includes('48,000') || g.claim === 'It was')).toBe(false)
    // A journalist (an outlet in the label) asks: the premise is no claim of theirs.
    expect(got.some((g) => g.claim.includes('donated to your party'))).toBe(false)
    expect(got.filter((g) => g.name === 'Joran Velde').map((g) => g.claim)).toEqual([
      'Our figure is 61,000, and it has fallen for three months running',
      'We opened two surgical hubs in March'
    ])
  })

  it('finds who holds a role label in the text ("THE CHAIR:" is "Chair Lotte Brink"), one unnamed answerer throughout', () => {
    const hearing = brief(
      doc(
        'Present: Chair Lotte Brink; witness Dr Kaj Lind, chief engineer of the Roads Agency.',
        'THE CHAIR: Dr Lind, when did the agency first see the cracks? The ministry told us it had set aside 25 million.',
        'DR. LIND: Our inspectors found the first cracks in the east pier in February 2022.',
        'THE CHAIR: How much will the repair cost?',
        'DR. LIND: Between 30 and 40 million.'
      )
    )
    expect(hearing).toContainEqual(
      expect.objectContaining({ claim: 'it had set aside 25 million', name: 'Ministry', via: ['Lotte Brink'] })
    )
    expect(hearing).toContainEqual(expect.objectContaining({ claim: 'Between 30 and 40 million', name: 'Kaj Lind' }))
    const interview = suggestClaims(
      doc(
        'Q: What did you see from the tower?',
        'A: I saw three fires on the ridge. I counted nine trucks at the gate.',
        'Q: When?',
        'A: The trucks left at dawn on Sunday.'
      ),
      []
    )
    expect(interview.map((g) => g.claim.text)).toEqual([
      'I saw three fires on the ridge',
      'counted nine trucks at the gate',
      'The trucks left at dawn on Sunday'
    ])
    expect(new Set(interview.map((g) => g.speaker.entity)).size).toBe(1)
  })

  it('does not read ordinary prose as turns: a lone label, section labels that never speak twice', () => {
    const prose = doc(
      'UPDATE: The ferry service resumed on Monday, the operator said.',
      'Sorn: Two boats were damaged in the storm, according to the harbour office.',
      'Kell: The road reopened at noon.',
      'Brae: Power was restored to 300 homes.'
    )
    const got = brief(prose)
    expect(got.some((g) => g.cue === 'turn')).toBe(false)
    // A digest's place labels come back, but no one speaks in them.
    const digest = brief(
      doc(
        'Sorn: The ferry resumed on Monday.',
        'Kell: Two boats were damaged in the storm.',
        'Sorn: Power was restored to 300 homes.',
        'Kell: The road reopened at noon.'
      )
    )
    expect(digest.some((g) => g.cue === 'turn')).toBe(false)
    expect(got.find((g) => g.claim.includes('Two boats were damaged'))?.name).toBe('Harbour office')
  })
  it('takes what "we" have or did a counted number of times for an account, but not what "we" expect', () => {
    const got = brief(
      doc(
        'Ana Pell runs the Reef Trust. The Ledger spoke to her on Monday.',
        'Question: Are volunteers leaving?',
        'Pell: We have 120 divers on the reef. We have written to the minister four times since May.',
        'Question: And next month?',
        'Pell: We expect 40 more in June. I have the photographs.'
      )
    ).map((g) => g.claim)
    expect(got).toContain('We have 120 divers on the reef')
    expect(got).toContain('We have written to the minister four times since May')
    expect(got.some((c) => c.startsWith('We expect'))).toBe(false)
    expect(got.some((c) => c.startsWith('I have the photographs'))).toBe(false)
  })
})
