import { fireEvent, render, screen, waitFor } from '@testing-library/svelte'
import { afterEach, describe, expect, it } from 'vitest'
import { rangeOf } from '../../../main/testing/service'
import { twoVersions, v2, type Versions } from '../lib/testing/versions'
import OrphanedClaims from './OrphanedClaims.svelte'

let t: Versions
afterEach(() => t?.dispose())

async function withOrphan() {
  t = await twoVersions()
  render(OrphanedClaims, { context: t.context })
  await t.desk.store.reanchorDocument(t.oldId, t.newId)
  await waitFor(() => expect(screen.getAllByTestId('orphan')).toHaveLength(1))
  return t
}

describe('OrphanedClaims', () => {
  it('shows nothing while the open document has no orphans', async () => {
    t = await twoVersions()
    render(OrphanedClaims, { context: t.context })
    await waitFor(() => expect(t.calls.some((c) => c.method === 'listClaims')).toBe(true))
    expect(screen.queryByTestId('orphaned-claims')).toBeNull()
  })

  it('lists the orphans of this version and re-attaches one to the words selected in the reader', async () => {
    const { desk, claims, newId } = await withOrphan()
    expect(screen.getByTestId('orphan-count')).toHaveTextContent('1')
    expect(screen.getByTestId('orphan')).toHaveTextContent('fewer than 25 ships were waiting')
    expect(screen.getByTestId('reattach')).toBeDisabled()

    const range = rangeOf(v2, 'harbour master')
    desk.ui.selection = range
    await waitFor(() => expect(screen.getByTestId('reattach')).toBeEnabled())
    await fireEvent.click(screen.getByTestId('reattach'))
    await waitFor(() => expect(screen.queryByTestId('orphaned-claims')).toBeNull())
    expect(t.calls.filter((c) => c.method === 'reattachClaim').map((c) => c.args)).toEqual([
      [claims.gone, range.start, range.end]
    ])
    expect(desk.store.claims.get(claims.gone)).toMatchObject({ documentId: newId, quote: { exact: 'harbour master' } })
    expect(desk.store.docClaims.some((c) => c.id === claims.gone)).toBe(true)
    expect(desk.store.focusedClaimId).toBe(claims.gone)
    expect(desk.ui.selection).toBeNull()
  })

  it('deletes an orphan; Undo brings it back, shown on its earlier version and listed here again', async () => {
    const { desk, claims, oldId, newId } = await withOrphan()
    await fireEvent.click(screen.getByTestId('delete-orphan'))
    await waitFor(() => expect(screen.queryByTestId('orphaned-claims')).toBeNull())
    expect(desk.store.claims.has(claims.gone)).toBe(false)
    await desk.store.step('undo')
    await waitFor(() => expect(desk.store.currentDoc?.id).toBe(oldId))
    expect(desk.store.focusedClaimId).toBe(claims.gone)
    await desk.store.openDocument(newId)
    await waitFor(() => expect(screen.getAllByTestId('orphan')).toHaveLength(1))
  })
})
