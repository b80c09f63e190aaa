import { describe, expect, it } from 'vitest'
import type { Source } from './model'
import {
  findSourceByName,
  findSourceLoosely,
  findSpeakerSource,
  guessKind,
  matchSources,
  similarSources
} from './source-names'

const s = (id: string, name: string, aliases: string[] = []): Source => ({
  id,
  name,
  aliases,
  kind: 'person',
  description: '',
  reliability: 'F',
  createdAt: '',
  updatedAt: ''
})
const sources = [
  s('isw', 'Institute for the Study of War (ISW)', ['ISW', 'the think tank']),
  s('reu', 'Reuters'),
  s('syr', 'Oleksandr Syrskyi', ['Syrskyi', "Kyiv's top soldier"]),
  s('ru', 'Russian Defense Ministry')
]

describe('matchSources', () => {
  it('finds sources by alias and reports which alias matched', () => {
    const [first] = matchSources(sources, 'isw')
    expect(first.source.id).toBe('isw')
    expect(first.alias).toBe('ISW')
  })

  it('ranks prefix matches before word and substring matches', () => {
    expect(
      matchSources(sources, 'r')
        .map((m) => m.source.id)
        .slice(0, 2)
    ).toEqual(['reu', 'ru'])
    expect(matchSources(sources, 'top').map((m) => m.source.id)).toEqual(['syr'])
    expect(matchSources(sources, 'uter').map((m) => m.source.id)).toEqual(['reu'])
  })

  it('excludes given ids and lists everything for an empty query', () => {
    expect(matchSources(sources, '', ['reu']).map((m) => m.source.id)).not.toContain('reu')
    expect(matchSources(sources, '')).toHaveLength(4)
    expect(matchSources(sources, 'zzz')).toEqual([])
  })
})

describe('findSourceByName', () => {
  it('matches names and aliases ignoring case and edge spaces', () => {
    expect(findSourceByName(sources, ' reuters ')?.id).toBe('reu')
    expect(findSourceByName(sources, 'the think tank')?.id).toBe('isw')
    expect(findSourceByName(sources, 'Reut')).toBeUndefined()
  })
})

describe('guessKind', () => {
  it('guesses anonymous, outlet, organization, person', () => {
    expect(guessKind('Unnamed South Korean intelligence official')).toBe('anonymous')
    expect(guessKind('Reuters')).toBe('outlet')
    expect(guessKind('U.S. State Department')).toBe('organization')
    expect(guessKind('Lloyd Austin')).toBe('person')
    expect(guessKind('ISW')).toBe('organization')
    expect(guessKind('Li')).toBe('person')
  })
})

describe('findSourceLoosely', () => {
  const people = [
    ...sources,
    s('zel', 'Volodymyr Zelensky', ['Ukrainian President Volodymyr Zelensky']),
    s('moi', 'Ministry of the Interior of Sarvana'),
    s('skyline', 'Skyline Analytics satellite imagery, April 1'),
    {
      ...s('reuters-anon', 'Unnamed senior military source, Ukrainian General Staff', ['the source']),
      kind: 'anonymous' as const
    }
  ]
  const find = (phrase: string) => findSourceLoosely(people, phrase)

  it('finds a source whose name or alias is written inside the speaker phrase', () => {
    expect(find("Kyiv's top soldier, General Oleksandr Syrskyi")).toMatchObject({ source: { id: 'syr' } })
    expect(find('U.S.-based think tank the Institute for the Study of War (ISW)')?.source.id).toBe('isw')
    expect(find('Zelensky')?.source.id).toBe('zel')
    expect(find('Syrskyi')?.how).toBe('exact')
  })

  it('never takes a name that only describes the speaker for the speaker', () => {
    const places = [...people, { ...s('us', 'U.S.'), kind: 'organization' as const }, s('ua', 'Ukraine')]
    const among = (phrase: string) => findSourceLoosely(places, phrase)?.source.id
    expect(among('the U.S.-based Institute for the Study of War')).toBeUndefined()
    expect(among("Ukraine's Defense Minister Rustem Umerov")).toBeUndefined()
    expect(among('South Korean, U.S. and Ukrainian intelligence')).toBeUndefined()
    expect(among('U.S. Secretary of Defense, Lloyd Austin')).toBeUndefined()
    expect(among("Zelensky's office")).toBeUndefined()
    // Still the one named, whatever follows it.
    expect(among('the U.S. in a statement')).toBe('us')
    expect(among('officials in Ukraine')).toBeUndefined()
    expect(among('Volodymyr Zelensky, in his nightly address')).toBe('zel')
    expect(among('President Zelensky of Ukraine')).not.toBe('ua')
  })

  it('matches by words in any order, both ways', () => {
    expect(find('Commercial satellite imagery collected by Skyline Analytics on April 1')?.source.id).toBe('skyline')
    expect(find('the interior ministry')).toMatchObject({ source: { id: 'moi' }, how: 'words' })
  })

  it('matches a surname alone to the one person who has it', () => {
    expect(find('Mr. Zelensky')?.source.id).toBe('zel')
  })

  it('never guesses between two sources, and never matches on a common word', () => {
    const two = [...people, s('zel2', 'Olena Zelensky')]
    expect(findSourceLoosely(two, 'Zelensky')).toBeUndefined()
    const ministries = [s('a', 'Orvian Ministry of Defense'), s('b', 'Tessarian Ministry of Defense')]
    expect(findSourceLoosely(ministries, 'the Defense Ministry')).toBeUndefined()
    expect(find('a military source')).toBeUndefined()
    expect(find('officials')).toBeUndefined()
  })
})

describe('findSpeakerSource', () => {
  const known = [
    s('laska', 'Ivo Laska'),
    { ...s('pilot', 'Unnamed harbour pilot', ['a harbour pilot']), kind: 'anonymous' as const }
  ]
  it('takes the first of the ways a speaker is written that names a source; an anonymous one only exactly', () => {
    expect(findSpeakerSource(known, 'person', [null, 'Captain Laska', 'Laska'])?.id).toBe('laska')
    expect(findSpeakerSource(known, 'anonymous', ['a harbour pilot'])?.id).toBe('pilot')
    expect(findSpeakerSource(known, 'anonymous', ['a senior harbour pilot'])).toBeUndefined()
    expect(findSpeakerSource(known, 'person', ['Mila Varga', undefined])).toBeUndefined()
  })
  it('never takes a pronoun for a source, even one with the pronoun among its aliases', () => {
    const withPronoun = [s('vas', 'Teodor Vasquel', ['he']), s('amb', 'Joss Amberley', ['he'])]
    expect(findSpeakerSource(withPronoun, 'person', ['he', 'Joss Amberley'])?.id).toBe('amb')
    expect(findSpeakerSource(withPronoun, 'person', ['He'])).toBeUndefined()
  })
  it('takes an anonymous description for the known one it opens, up to a relative clause or an aside', () => {
    const bloggers = [
      {
        ...s('m41', 'Milblogger of the 41st', ['A milblogger who claims to serve with the 41st']),
        kind: 'anonymous' as const
      },
      {
        ...s('ew', 'Pro-MoD milblogger', ['Another milblogger, who amplifies MoD points']),
        kind: 'anonymous' as const
      },
      { ...s('two', 'Second blogger', ['A milblogger whose posts vanished']), kind: 'anonymous' as const }
    ]
    expect(findSpeakerSource(bloggers.slice(0, 2), 'anonymous', ['A milblogger'])?.id).toBe('m41')
    expect(findSpeakerSource(bloggers, 'anonymous', ['Another milblogger'])?.id).toBe('ew')
    // Two known descriptions open the same way: no guess.
    expect(findSpeakerSource(bloggers, 'anonymous', ['A milblogger'])).toBeUndefined()
    // Words that go on the description's noun phrase are another description.
    expect(findSpeakerSource(known, 'anonymous', ['a harbour'])).toBeUndefined()
  })
})

describe('similarSources', () => {
  const zelensky = s('z', 'Volodymyr Zelensky', ['Ukrainian President Volodymyr Zelensky'])
  const all = [...sources, zelensky]

  it('offers a source one of whose names holds the new name as whole words, or is held in it', () => {
    expect(similarSources(all, 'Zelensky').map((x) => x.id)).toEqual(['z'])
    expect(similarSources(all, 'President Zelensky').map((x) => x.id)).toEqual(['z'])
    expect(similarSources(all, 'Reuters correspondent').map((x) => x.id)).toEqual(['reu'])
    expect(similarSources(all, 'Defense Ministry').map((x) => x.id)).toEqual(['ru'])
  })

  it('offers nothing for an exact name, a part of a word, or only minor words', () => {
    expect(similarSources(all, 'volodymyr zelensky')).toEqual([])
    expect(similarSources(all, 'Zelen')).toEqual([])
    expect(similarSources(all, 'the')).toEqual([])
    expect(similarSources(all, 'Aldric Venn')).toEqual([])
  })
})
