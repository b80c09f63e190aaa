import { fireEvent, render, screen, waitFor } from '@testing-library/svelte'
import { afterEach, describe, expect, it } from 'vitest'
import { twoVersions, v2, type Versions } from '../lib/testing/versions'
import Reader from './Reader.svelte'

let t: Versions
afterEach(() => t?.dispose())

describe('ReanchorAction', () => {
  it('moves the earlier version’s claims onto this one and says how each was placed', async () => {
    t = await twoVersions()
    render(Reader, { context: t.context })
    await fireEvent.click(screen.getByTestId('show-provenance'))
    expect(screen.getByTestId('provenance-version')).toHaveTextContent('New version of Blockade Tightens on the Sarn')
    expect(screen.getByTestId('reanchor-waiting')).toHaveTextContent('3 claims on the earlier version')

    await fireEvent.click(screen.getByTestId('reanchor-button'))
    await waitFor(() =>
      expect(screen.getByTestId('reanchor-outcome')).toHaveTextContent(
        'Re-anchored 3 claims: 0 in place, 1 moved, 1 with changed wording to check, 1 orphaned (listed under Orphaned claims).'
      )
    )
    expect(t.calls.filter((c) => c.method === 'reanchorDocument').map((c) => c.args)).toEqual([[t.oldId, t.newId]])
    // The moved claims are painted in this version's text; the orphan stays behind on the earlier one.
    await waitFor(() =>
      expect(t.desk.store.docClaims.map((c) => c.id).sort()).toEqual([t.claims.ships, t.claims.typo].sort())
    )
    for (const c of t.desk.store.docClaims) expect(v2.slice(c.position.start, c.position.end)).toBe(c.quote.exact)
    await waitFor(() =>
      expect(screen.getByTestId('reanchor-waiting')).toHaveTextContent('1 claim still on the earlier version')
    )
  })

  it('is off in a read-only case', async () => {
    t = await twoVersions()
    const path = (await t.api.currentCase()).info.path
    await t.service.service.close()
    await t.desk.store.openCase(path, { readOnly: true })
    await t.desk.store.openDocument(t.newId)
    render(Reader, { context: t.context })
    await fireEvent.click(screen.getByTestId('show-provenance'))
    expect(screen.getByTestId('reanchor-button')).toBeDisabled()
  })
})
