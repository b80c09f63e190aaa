import { describe, expect, it } from 'vitest'
import type { Suggestion } from '../../shared/analysis'
import { fakeDocument, fakeSource } from '../case/testing/fixtures'
import { rememberedSuggestions } from './remembered-suggestions'

function counting(fail = false) {
  const calls: string[] = []
  const suggest = async (doc: { id: string }) => {
    calls.push(doc.id)
    if (fail && calls.length === 1) throw new Error('worker lost')
    return [] as Suggestion[]
  }
  return { calls, suggest }
}

describe('rememberedSuggestions', () => {
  it('reads a document once while it and the sources are the same objects, even for requests made at once', async () => {
    const { calls, suggest } = counting()
    const remembered = rememberedSuggestions(suggest)
    const doc = fakeDocument(100)
    const sources = [fakeSource('Venn')]
    await Promise.all([remembered(doc, sources), remembered(doc, [...sources])])
    await remembered(doc, [...sources])
    expect(calls).toEqual([doc.id])
  })

  it('reads again when the document or any source changed, or a source was added', async () => {
    const { calls, suggest } = counting()
    const remembered = rememberedSuggestions(suggest)
    const doc = fakeDocument(100)
    const venn = fakeSource('Venn')
    await remembered(doc, [venn])
    await remembered({ ...doc }, [venn])
    await remembered({ ...doc }, [{ ...venn, aliases: ['Aldric'] }])
    await remembered(doc, [venn, fakeSource('Oduya')])
    expect(calls).toHaveLength(4)
  })

  it('keeps the last few documents and forgets a failure', async () => {
    const { calls, suggest } = counting(true)
    const remembered = rememberedSuggestions(suggest, 2)
    const [a, b, c] = [1, 2, 3].map((seed) => fakeDocument(100, seed))
    await expect(remembered(a, [])).rejects.toThrow('worker lost')
    await remembered(a, [])
    await remembered(b, [])
    await remembered(c, [])
    await remembered(c, [])
    await remembered(b, [])
    await remembered(a, []) // forgotten: only b and c were kept
    expect(calls).toEqual([a.id, a.id, b.id, c.id, a.id])
  })
})
