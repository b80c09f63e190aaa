import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte'
import { afterEach, describe, expect, it } from 'vitest'
import { loadedDesk, type TestDesk } from '../lib/testing/desk'
import AnalysisView from './AnalysisView.svelte'
import ConflictList from './ConflictList.svelte'
import { PORT_ARTICLE as ARTICLE, PORT_QUOTES as QUOTES } from './testing/port-article'

let t: TestDesk | undefined
afterEach(async () => {
  await t?.dispose()
  t = undefined
})

async function setup() {
  t = await loadedDesk({
    documents: { 'port.txt': ARTICLE },
    sources: [{ name: 'Lena Ostrova' }, { name: 'Coast guard official', kind: 'anonymous' }, { name: 'Tidewatch' }]
  })
  const speakers = Object.values(t.sources)
  const { store } = t.desk
  await store.openDocument(t.documents['port.txt'])
  const text = store.currentDoc!.text
  const ids: string[] = []
  for (const [i, q] of QUOTES.entries()) {
    const start = text.indexOf(q)
    const claim = (await store.createClaim(start, start + q.length))!
    // The official's words came through Tidewatch.
    const via = i === 1 ? [speakers[2]] : []
    await store.updateClaim(claim.id, { tags: ['vessels turned back'], sourceId: speakers[i], via })
    ids.push(claim.id)
  }
  render(ConflictList, { context: t.context })
  render(AnalysisView, { context: t.context })
  await waitFor(() => expect(screen.getAllByTestId('conflict-item').length).toBeGreaterThan(2))
  return { ...t, ids }
}

const item = (key: string) => screen.getAllByTestId('conflict-item').find((li) => li.dataset.key!.startsWith(key))!

describe('the Conflicts tab', () => {
  it('shows a proposal side by side with its figures, and confirming it moves it to Confirmed', async () => {
    const { desk } = await setup()
    await fireEvent.click(item('proposal:'))
    const cards = await screen.findAllByTestId('comparison-claim')
    expect(cards).toHaveLength(3)
    // A figure with the time it refers to, where the text says.
    expect(cards.map((c) => c.querySelector('.figure')!.textContent).sort()).toEqual([
      '80 vessels',
      '95 vesselsSunday',
      'at least 120 vessels'
    ])
    const sunday = cards.find((c) => c.querySelector('.when'))!.querySelector('.figure')!
    expect(sunday).toHaveAttribute('title', 'Read as: exactly as given; the time it refers to: Sunday')
    const who = cards.map((c) => c.querySelector('.who')!.textContent)
    expect(who).toContain('Coast guard official via Tidewatch')
    await fireEvent.click(screen.getByTestId('confirm-proposal'))
    await waitFor(() => expect(desk.store.conflictSets).toHaveLength(1))
    expect(desk.store.conflictSets[0].status).toBe('confirmed')
    await waitFor(() => expect(item('set:')).toHaveAttribute('aria-selected', 'true'))
    expect(screen.getByTestId('set-status-confirmed')).toHaveAttribute('aria-checked', 'true')
    // The kept set shows the figures too.
    await waitFor(() =>
      expect(screen.getAllByTestId('figure').map((f) => f.textContent)).toContain('at least 120 vessels')
    )
    // Taken out of a set of three, a claim leaves two behind.
    await fireEvent.click(screen.getAllByTestId('remove-from-set')[0])
    await waitFor(() => expect(desk.store.conflictSets[0].claimIds).toHaveLength(2))
  })

  it('offers a figure that joins a set made by hand as an addition to that set', async () => {
    const { desk, ids } = await setup()
    await desk.store.createConflictSet({
      claimIds: ids.slice(0, 2),
      kind: 'conflict',
      subject: 'Turned back',
      note: ''
    })
    await waitFor(() => expect(item('proposal:').textContent).toMatch(/\+1 claim to “Turned back”/))
    await fireEvent.click(item('proposal:'))
    expect(await screen.findByTestId('proposal-extends')).toHaveTextContent(
      /Adds 1 claim to the confirmed set “Turned back”, which holds the others/
    )
    await fireEvent.click(screen.getByTestId('confirm-proposal'))
    await waitFor(() => expect(desk.store.conflictSets[0]?.claimIds).toHaveLength(3))
    expect(desk.store.conflictSets).toHaveLength(1)
    await waitFor(() =>
      expect(screen.queryAllByTestId('conflict-item').filter((li) => li.dataset.key!.startsWith('proposal:'))).toEqual(
        []
      )
    )
  })

  it('lists sources by topic with who conflicts once a conflict is confirmed', async () => {
    await setup()
    await fireEvent.click(item('proposal:'))
    await fireEvent.click(await screen.findByTestId('confirm-proposal'))
    await fireEvent.click(item('topics'))
    const topic = () => screen.getAllByTestId('topic').find((x) => x.textContent!.includes('vessels turned back'))!
    const rows = () =>
      within(topic())
        .getAllByRole('row')
        .slice(1)
        .map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent))
    await waitFor(() => expect(rows()).toContainEqual(['Lena Ostrova', '1', '', 'Coast guard official, Tidewatch']))
    expect(topic().textContent).toMatch(/3 claims · 3 independent origins/)
  })

  it('moves through the list with the arrow keys', async () => {
    await setup()
    const list = screen.getByTestId('conflict-list')
    await fireEvent.click(item('topics'))
    await fireEvent.keyDown(list, { key: 'ArrowDown' })
    expect(item('circular')).toHaveAttribute('aria-selected', 'true')
    await fireEvent.keyDown(list, { key: 'ArrowDown' })
    expect(item('proposal:')).toHaveAttribute('aria-selected', 'true')
  })
})
