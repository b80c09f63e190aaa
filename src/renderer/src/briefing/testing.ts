// A desk with a document, two sources, three claims and a briefing, for the composer's component tests.
import type { Briefing } from '../../../shared/model'
import { loadedDesk } from '../lib/testing/desk'

export const TEXT =
  'Kursk report\n\nRussia has deployed just under 60,000 troops to Kursk, the source said.\n\nZelensky said around 50,000 Russian troops were fighting.\n\nSyrskyi said roughly 45,000 soldiers were there.'

export const NOW = '2024-11-25T08:00:00.000Z'

export async function composerDesk(briefings: Partial<Briefing>[] = [{ title: 'Kursk' }]) {
  const ctx = await loadedDesk({
    documents: { 'kursk.txt': TEXT },
    sources: [
      { name: 'General Staff source', kind: 'anonymous', reliability: 'C' },
      { name: 'Zelensky', reliability: 'B' }
    ],
    briefings,
    now: () => new Date(NOW)
  })
  const { store } = ctx.desk
  await store.updateDocument(ctx.documents['kursk.txt'], { outlet: 'Newsweek' })
  const gs = store.sourcesById.get(ctx.sources['General Staff source'])!
  const zelensky = store.sourcesById.get(ctx.sources['Zelensky'])!
  const span = (from: string, to: string) =>
    [TEXT.indexOf(from), TEXT.indexOf(to, TEXT.indexOf(from)) + to.length] as const
  const mark = async (from: string, to: string, sourceId: string | null) => {
    const claim = (await store.createClaim(...span(from, to)))!
    return sourceId ? (await store.updateClaim(claim.id, { sourceId, credibility: '3' }))! : claim
  }
  const c1 = await mark('Russia has', 'to Kursk', gs.id)
  const c2 = await mark('around', 'fighting', zelensky.id)
  const c3 = await mark('roughly', 'there', null)
  store.focusClaim(null)
  const updates = () =>
    ctx.calls.filter((c) => c.method === 'updateBriefing').map((c) => c.args[1] as Record<string, unknown>)
  return { ...ctx, gs, zelensky, c1, c2, c3, updates }
}
