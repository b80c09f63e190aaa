// Two versions of an article on a real service, claims marked on the first: the setup of the UI
// tests for re-anchoring (ReanchorAction, AnchorNote, OrphanedClaims).
import { rangeOf } from '../../../../main/testing/service'
import { loadedDesk, type TestDesk } from './desk'

export const v1 = [
  'Blockade Tightens on the Sarn',
  'The minister said at least 40 ships were held at the narrows.',
  'A navy spokesman said fewer than 25 ships were waiting, the agency reported.',
  'Fishermen said the coast guard had recieved orders to search every vessel.'
].join('\n\n')
export const v2 = [
  'Blockade Tightens on the Sarn',
  'Updated at noon with comment from the harbour master.',
  'The minister said at least 40 ships were held at the narrows.',
  'Fishermen said the coast guard had received orders to search every vessel.'
].join('\n\n')

export interface Versions extends TestDesk {
  oldId: string
  newId: string
  claims: { ships: string; gone: string; typo: string }
}

/** Both versions imported, three claims on the first, the second open in the reader. */
export async function twoVersions(): Promise<Versions> {
  const t = await loadedDesk({ documents: { 'sarn.txt': v1, 'sarn-v2.txt': v2 } })
  const oldId = t.documents['sarn.txt']
  const newId = t.documents['sarn-v2.txt']
  const mark = async (quote: string) => {
    const { value, changes } = await t.api.createClaim({ documentId: oldId, ...rangeOf(v1, quote) })
    t.desk.store.applyChanges(changes)
    return value.id
  }
  const claims = {
    ships: await mark('at least 40 ships'),
    gone: await mark('fewer than 25 ships were waiting'),
    typo: await mark('had recieved orders')
  }
  await t.desk.store.openDocument(newId)
  return { ...t, oldId, newId, claims }
}
