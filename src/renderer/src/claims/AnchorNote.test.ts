import { fireEvent, render, screen, waitFor } from '@testing-library/svelte'
import { afterEach, describe, expect, it } from 'vitest'
import { twoVersions, type Versions } from '../lib/testing/versions'
import EditorPane from './EditorPane.svelte'

let t: Versions
afterEach(() => t?.dispose())

async function reanchored() {
  t = await twoVersions()
  await t.desk.store.reanchorDocument(t.oldId, t.newId)
  render(EditorPane, { context: t.context })
  return t
}

describe('AnchorNote in the claim editor', () => {
  it('shows old and new wording of a claim whose words changed until the analyst accepts the new', async () => {
    const { desk, claims, calls } = await reanchored()
    desk.store.focusClaim(claims.typo)
    await waitFor(() => expect(screen.getByTestId('anchor-was')).toHaveTextContent('had recieved orders'))
    expect(screen.getByTestId('anchor-now')).toHaveTextContent('had received orders')
    expect(screen.getByTestId('anchor-changed')).toHaveTextContent(/match \d+%/)
    await fireEvent.click(screen.getByTestId('accept-anchor'))
    await waitFor(() => expect(screen.queryByTestId('anchor-changed')).toBeNull())
    expect(calls.filter((c) => c.method === 'acceptAnchor').map((c) => c.args)).toEqual([[claims.typo]])
    expect(desk.store.claims.get(claims.typo)?.anchor?.previousQuote).toBeUndefined()
  })

  it('says nothing for a claim that moved with its words intact', async () => {
    const { desk, claims } = await reanchored()
    desk.store.focusClaim(claims.ships)
    await waitFor(() => expect(screen.getByTestId('claim-editor')).toBeInTheDocument())
    expect(screen.queryByTestId('anchor-changed')).toBeNull()
    expect(screen.queryByTestId('anchor-orphaned')).toBeNull()
  })

  it('explains an orphan on its earlier version and opens the new version to re-attach it', async () => {
    const { desk, claims, oldId, newId } = await reanchored()
    desk.store.focusClaim(claims.gone)
    await waitFor(() => expect(desk.store.currentDoc?.id).toBe(oldId))
    await waitFor(() =>
      expect(screen.getByTestId('anchor-orphaned')).toHaveTextContent(
        'its words were not found in “Blockade Tightens on the Sarn”, so it stays on this version'
      )
    )
    await fireEvent.click(screen.getByRole('button', { name: 'Open the new version to re-attach it' }))
    await waitFor(() => expect(desk.store.currentDoc?.id).toBe(newId))
  })
})
