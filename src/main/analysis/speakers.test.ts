import { describe, expect, it } from 'vitest'
import { sentencesOf } from './nlp'
import { aliasOf, profile } from './speakers'

/** The profile of a speaker phrase read on its own. */
const who = (phrase: string) => {
  const [sentence] = sentencesOf(phrase, [{ start: 0, end: phrase.length }])
  const p = profile(sentence.tokens, phrase)
  return { name: p.name, kind: p.kind }
}

describe('profile', () => {
  it('takes the kind from the word before a name or from an apposition', () => {
    expect(who('the business weekly Kapital')).toEqual({ name: 'Kapital', kind: 'outlet' })
    expect(who('the tabloid Ostrelan Voice')).toEqual({ name: 'Ostrelan Voice', kind: 'outlet' })
    expect(who('the cybersecurity blog ThreatLedger')).toEqual({ name: 'ThreatLedger', kind: 'outlet' })
    expect(who("The Varn Courier, the country's largest daily")).toEqual({ name: 'Varn Courier', kind: 'outlet' })
    expect(who('Kovar Mining')).toEqual({ name: 'Kovar Mining', kind: 'organization' })
    expect(who('Sorrel, a marine insurance broker')).toEqual({ name: 'Sorrel', kind: 'person' })
  })

  it("keeps a place owning a body's name, and a number closing a broadcaster's", () => {
    expect(who("Estrava's Interior Ministry")).toEqual({ name: "Estrava's Interior Ministry", kind: 'organization' })
    expect(who('the channel Kanal 5')).toEqual({ name: 'Kanal 5', kind: 'outlet' })
    expect(who('Norcast Systems')).toEqual({ name: 'Norcast Systems', kind: 'organization' })
  })

  it('reads titles before a name and keeps an apostrophe inside one', () => {
    expect(who('Detective Inspector Raoul Fenn')).toEqual({ name: 'Raoul Fenn', kind: 'person' })
    expect(who("The Lennart Patients' Council")).toMatchObject({ name: "Lennart Patients' Council" })
  })

  it('makes counted people and people at a place anonymous, and a body in a place keeps its noun', () => {
    expect(who('two brokers in the Estravan port of Sorrel')).toEqual({
      name: 'Two brokers in the Estravan port of Sorrel',
      kind: 'anonymous'
    })
    expect(who('The regional hospital in Korval')).toEqual({
      name: 'Regional hospital in Korval',
      kind: 'organization'
    })
  })

  it('names a record by itself, not by who saw it, and its author when it has one', () => {
    expect(who('an internal email seen by the Tribune')).toEqual({ name: 'Internal email', kind: 'document' })
    expect(who('figures published by the trust')).toMatchObject({ kind: 'organization' })
  })

  it('reads modifiers listed before one noun as one phrase, and a bare word as no person', () => {
    expect(who('Latvian, Estonian and Finnish intelligence')).toEqual({
      name: 'Latvian, Estonian and Finnish intelligence',
      kind: 'organization'
    })
    expect(who('Norvania')).toEqual({ name: 'Norvania', kind: 'organization' })
    expect(who('Minister Laska')).toEqual({ name: 'Laska', kind: 'person' })
  })

  it("takes a record's author up to a clause about the record", () => {
    expect(who('a confidential report by the Federal Audit Office that was leaked to the Globe')).toEqual({
      name: 'Federal Audit Office',
      kind: 'organization'
    })
    expect(who('a survey by Norvik Polling for the Evening Star')).toMatchObject({ name: 'Norvik Polling' })
    expect(who('an internal study by the Harbour Authority, which was sent to the Globe')).toEqual({
      name: 'Harbour Authority',
      kind: 'organization'
    })
  })

  it('reads an apposition after another as about the noun before it, not the name', () => {
    expect(who('Marta Oss, head of the Tern Institute, a polling firm in the capital')).toEqual({
      name: 'Marta Oss',
      kind: 'person'
    })
    expect(who('Frontline Water, an aid group with teams in the south')).toMatchObject({ kind: 'organization' })
  })

  it('reads a description before a name for what the name is', () => {
    expect(who('A local watchdog group, Fair Count')).toEqual({ name: 'Fair Count', kind: 'organization' })
    expect(who('A local teacher, Ana Berg')).toEqual({ name: 'Ana Berg', kind: 'person' })
  })

  it('takes plural staff speaking for an institution as the institution', () => {
    expect(who("The bureau's economists")).toMatchObject({ name: 'Bureau', kind: 'organization' })
    expect(who("the Meteorological Office's forecasters")).toMatchObject({ kind: 'organization' })
    expect(who('Researchers at the National Statistics Institute')).toEqual({
      name: 'National Statistics Institute',
      kind: 'organization'
    })
    expect(who("The farm's workers")).toMatchObject({ kind: 'anonymous' })
    expect(who('Independent analysts')).toMatchObject({ kind: 'anonymous' })
  })

  it("takes a body's name of several words ('the Red Crescent') for no person", () => {
    expect(who('The Red Crescent').kind).toBe('organization')
  })
})

describe('aliasOf', () => {
  it('keeps the name a reader would use', () => {
    const centre = 'Centre for the Study of Maritime Defence'
    expect(aliasOf(`coastal think tank the ${centre} (CSMD)`, centre, 'organization')).toBe(centre)
    expect(aliasOf('the CSMD', centre, 'organization')).toBe('CSMD')
    expect(aliasOf('the think tank', centre, 'organization')).toBeNull()
    expect(aliasOf('the Ministry', 'Ministry of Ports', 'organization')).toBeNull()
    expect(aliasOf("Norvia's harbour chief, Captain Ivo Laska", 'Ivo Laska', 'person')).toBe('Captain Ivo Laska')
    expect(aliasOf('its spokesperson Ivo Laska', 'Ivo Laska', 'person')).toBe('spokesperson Ivo Laska')
    expect(aliasOf('A dock worker', 'Unnamed dock worker', 'anonymous')).toBe('A dock worker')
  })
})
