import search from 'approx-string-match'
import { describe, expect, it } from 'vitest'
import { reanchorer, type Placement } from './reanchor'
import { selectorsFor } from './selectors'

const v1 = [
  'Blockade Tightens on the Sarn',
  'The minister said at least 40 ships were held at the narrows. Officials declined to say when they would move.',
  'A navy spokesman said 40 ships were held near the coast, the agency reported. Ships were waiting all week.',
  'Fishermen in the port said the coast guard had recieved orders to search every vessel.',
  'The army said 40 ships were seen near the coast on Monday. Nobody could confirm it.'
].join('\n\n')

/** Where a claim on `quote` (its nth occurrence in v1) lands in `v2`, and the words it lands on. */
function place(v2: string, quote: string, occurrence = 1): Placement & { words?: string } {
  let start = -1
  for (let i = 0; i < occurrence; i++) start = v1.indexOf(quote, start + 1)
  if (start < 0) throw new Error(`not in v1: ${quote}`)
  const p = reanchorer(v1, v2).place(selectorsFor(v1, start, start + quote.length))
  return p.state === 'orphaned' ? p : { ...p, words: v2.slice(p.start, p.end) }
}

describe('reanchorer', () => {
  it('keeps a claim whose text did not move where it was (exact)', () => {
    const v2 = v1.replace('on Monday', 'on Monday morning')
    const at = v1.indexOf('at least 40 ships')
    expect(place(v2, 'at least 40 ships')).toEqual({
      state: 'exact',
      start: at,
      end: at + 17,
      score: 1,
      words: 'at least 40 ships'
    })
  })

  it('follows shared text past an inserted paragraph (moved)', () => {
    const v2 = v1.replace('The minister', 'Updated at 14:00 with comment from the harbour master.\n\nThe minister')
    expect(place(v2, 'Nobody could confirm it')).toMatchObject({
      state: 'moved',
      score: 1,
      words: 'Nobody could confirm it'
    })
  })

  it('follows a paragraph that moved elsewhere', () => {
    const parts = v1.split('\n\n')
    const v2 = [parts[0], parts[3], parts[1], parts[2], parts[4]].join('\n\n')
    expect(place(v2, 'coast guard')).toMatchObject({ state: 'moved', start: v2.indexOf('coast guard'), score: 1 })
  })

  it('finds the exact words in a sentence reworded around them, chosen by context among look-alikes', () => {
    const v2 = v1.replace('The minister said at least 40 ships were held at', 'At least 40 ships were held at')
    const p = place(v2, '40 ships were held', 1)
    expect(p).toMatchObject({ state: 'moved', start: v2.indexOf('40 ships were held'), words: '40 ships were held' })
    expect(p.score).toBeLessThan(1)
  })

  it('moves a claim onto a typo fix in its own words (fuzzy), with a high score', () => {
    const v2 = v1.replace('recieved', 'received')
    const p = place(v2, 'had recieved orders')
    expect(p).toMatchObject({ state: 'fuzzy', words: 'had received orders' })
    expect(p.score).toBeGreaterThan(0.9)
  })

  it('ends a fuzzy match at the edge of a word when the words of the claim did', () => {
    const old = 'Fishermen said the coast guard had received order to search every vessel.'
    const now = 'Fishermen said the coast guard had recieved orders to search every vessel.'
    const start = old.indexOf('had received order')
    const p = reanchorer(old, now).place(selectorsFor(old, start, start + 18))
    expect(p).toMatchObject({ state: 'fuzzy' })
    expect(now.slice(p.start, p.end)).toBe('had recieved orders')
  })

  it('follows a reworded quote whose context vouches for it', () => {
    const v2 = v1.replace('at least 40 ships were held at', 'at least 40 vessels were held at')
    expect(place(v2, 'at least 40 ships were held')).toMatchObject({
      state: 'fuzzy',
      words: 'at least 40 vessels were held'
    })
  })

  it('orphans a claim whose sentence was deleted, even where an unchanged sentence looks like it', () => {
    const v2 = v1.replace('A navy spokesman said 40 ships were held near the coast, the agency reported. ', '')
    const quote = 'said 40 ships were held near the coast'
    // With no floor and the whole text searched (as the Hypothesis client does), it would land on the army's sentence.
    const [hypothesis] = search(v2, quote, quote.length / 2)
    expect(v2.slice(hypothesis.start, hypothesis.end)).toContain('40 ships were')
    expect(place(v2, quote)).toEqual({ state: 'orphaned', score: null })
  })

  it('orphans a claim whose words were rewritten beyond recognition, and says how close the best try came', () => {
    const v2 = v1.replace('Ships were waiting all week.', 'Vessels queued for days on end.')
    const p = place(v2, 'Ships were waiting all week')
    expect(p.state).toBe('orphaned')
    expect(p.score === null || p.score < 0.7).toBe(true)
  })

  it('keeps the exact words near their place when both sides of their context changed', () => {
    const v2 = v1.replace(
      'Fishermen in the port said the coast guard had recieved orders to search every vessel.',
      'Dockworkers said that the coast guard had recieved orders late on Sunday.'
    )
    expect(place(v2, 'the coast guard had recieved orders')).toMatchObject({
      state: 'moved',
      words: 'the coast guard had recieved orders'
    })
  })

  it('handles a quote at the very start and an empty quote', () => {
    const v2 = `Blockade Tightens on the River Sarn${v1.slice('Blockade Tightens on the Sarn'.length)}`
    expect(place(v2, 'Blockade Tightens')).toMatchObject({ state: 'exact', start: 0, words: 'Blockade Tightens' })
    expect(
      reanchorer(v1, v2).place({ quote: { exact: '', prefix: '', suffix: '' }, position: { start: 0, end: 0 } })
    ).toEqual({
      state: 'orphaned',
      score: null
    })
  })

  it('orphans everything when the new version is empty, and places nothing outside the new text', () => {
    expect(place('', 'Officials declined').state).toBe('orphaned')
    const short = 'Officials declined to say when they would move.'
    const p = place(short, 'Officials declined')
    expect(p).toMatchObject({ words: 'Officials declined' })
    expect(p.end).toBeLessThanOrEqual(short.length)
  })
  describe('away from its old place', () => {
    const sentence =
      'Harbour pilots in the north of the country said that the navy had closed the channel to all traffic since dawn.'
    // Enough unchanged text that the edit is a small part of the new version.
    const stays = Array.from(
      { length: 6 },
      (_, i) => `Paragraph ${i} stays as it was, word for word, in both versions.`
    )
    const old = ['Title line', stays[0], `Second paragraph. ${sentence}`, ...stays.slice(1)].join('\n\n')
    /** The second paragraph gone from its place, `moved` before the last one. */
    const version = (...moved: string[]) => ['Title line', ...stays.slice(0, -1), ...moved, stays.at(-1)].join('\n\n')
    const quote = 'the navy had closed the channel'
    const claim = () => {
      const start = old.indexOf(quote)
      return selectorsFor(old, start, start + quote.length)
    }
    const edited = sentence.replace('since dawn', 'since early morning')

    it('finds the exact words where their whole context went', () => {
      const now = version(`An update. ${edited}`)
      const p = reanchorer(old, now).place(claim())
      expect(p).toMatchObject({ state: 'moved', start: now.indexOf(quote) })
      expect(p.score).toBeGreaterThanOrEqual(0.8)
    })

    it('orphans them when the text repeats them in two such places, or keeps only one side of their context', () => {
      const twice = version(`An update. ${edited}`, `Again. ${edited}`)
      expect(reanchorer(old, twice).place(claim())).toMatchObject({ state: 'orphaned' })
      const oneSide = edited.replace('to all traffic since', 'for an hour, until')
      const p = reanchorer(old, version(`An update. ${oneSide}`)).place(claim())
      expect(p.state).toBe('orphaned')
      expect(p.score).toBeGreaterThan(0.65)
    })

    it('does not look far in a version that rewrote most of the text', () => {
      // The sentence is there, context and all, but before the title: far from where the claim was.
      const rewritten = [`An update. ${edited}`, 'Title line', 'Everything else is new here.'].join('\n\n')
      expect(reanchorer(old, rewritten).place(claim()).state).toBe('orphaned')
    })

    it('does not look for changed words away from their old place', () => {
      const reworded = edited.replace('the navy had closed', 'the navy has closed')
      expect(reanchorer(old, version(`An update. ${reworded}`)).place(claim()).state).toBe('orphaned')
    })
  })
})
