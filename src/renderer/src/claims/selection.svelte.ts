// Claims picked in the claims panel for one change to all of them (topics, status, a conflict set,
// deletion). Picked rows stay picked across filters, so a selection can gather claims from several
// searches; claims deleted meanwhile drop out, and another case starts with none.
import { SvelteSet } from 'svelte/reactivity'
import { LIMITS, type ClaimQuery } from '../../../shared/api'
import type { Id } from '../../../shared/model'
import type { CaseStore } from '../lib/case.svelte'

/** The most claims one change takes (the contract's limit for a list of ids). */
export const MAX_SELECTED = LIMITS.listItems
const FETCH = 5000

export class ClaimSelection {
  private picked = new SvelteSet<Id>()
  /**
   * The claim a Shift-click extends from: a claim rather than a row, so that a filter, a regrouping
   * or a deletion moving the rows does not make it extend from another claim.
   */
  anchor: Id | null = null

  constructor(private store: CaseStore) {
    store.onCaseSwitch(() => this.clear())
  }

  /** The picked claims that still exist, in the order they were picked. */
  ids = $derived.by(() => {
    void this.store.revision
    return [...this.picked].filter((id) => !this.store.removedClaimIds.has(id))
  })
  size = $derived(this.ids.length)

  has(id: Id): boolean {
    return this.picked.has(id)
  }

  toggle(id: Id): void {
    if (this.picked.has(id)) this.picked.delete(id)
    else if (this.room() > 0) this.picked.add(id)
    this.anchor = id
  }

  add(ids: readonly Id[]): number {
    let added = 0
    for (const id of ids) {
      if (this.room() <= 0) break
      if (this.picked.has(id)) continue
      this.picked.add(id)
      added++
    }
    return added
  }

  /** Room left under the limit: at the limit, picks deleted since (here or in another window) give theirs back. */
  private room(): number {
    if (this.picked.size >= MAX_SELECTED)
      for (const id of this.picked) if (this.store.removedClaimIds.has(id)) this.picked.delete(id)
    return MAX_SELECTED - this.picked.size
  }

  clear(): void {
    this.picked.clear()
    this.anchor = null
  }

  /**
   * Every claim a question of the claims list finds, up to the limit. Resolves to how many were
   * added and how many it found in all, or undefined when the question could not be asked.
   */
  async addAll(query: ListQuery): Promise<{ added: number; found: number } | undefined> {
    const found = await claimIdsOf(this.store, query, MAX_SELECTED, (id) => this.picked.has(id))
    return found && { added: this.add([...found.ids]), found: found.total }
  }
}

type ListQuery = Omit<ClaimQuery, 'offset' | 'limit'>

/**
 * The distinct claims a question of the claims list finds (leaving out those `skip` names), read a
 * few thousand rows at a time until `max` are found: the list itself holds only the pages on
 * screen, and a claim under two topics is two rows. `total`: how many rows the question has.
 */
export async function claimIdsOf(
  store: CaseStore,
  query: ListQuery,
  max: number,
  skip: (id: Id) => boolean = () => false
): Promise<{ ids: Set<Id>; total: number } | undefined> {
  const ids = new Set<Id>()
  for (let offset = 0; ; offset += FETCH) {
    const page = await store.run(() => store.api.listClaims({ ...query, offset, limit: FETCH }))
    if (!page) return undefined
    for (const c of page.claims) if (!skip(c.id) && ids.size < max) ids.add(c.id)
    if (offset + FETCH >= page.total || ids.size >= max) return { ids, total: page.total }
  }
}
