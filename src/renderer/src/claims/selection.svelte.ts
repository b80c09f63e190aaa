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
    else if (this.picked.size < MAX_SELECTED) this.picked.add(id)
    this.anchor = id
  }

  add(ids: readonly Id[]): number {
    let added = 0
    for (const id of ids) {
      if (this.picked.size >= MAX_SELECTED) break
      if (this.picked.has(id)) continue
      this.picked.add(id)
      added++
    }
    return added
  }

  clear(): void {
    this.picked.clear()
    this.anchor = null
  }

  /**
   * Every claim a question of the claims list finds (up to the limit), asked a few thousand rows at
   * a time: the list itself holds only the pages on screen. A claim under two topics is two rows, so
   * the rows are read until the limit of distinct claims is reached. Resolves to how many were
   * added, or undefined when the question could not be asked.
   */
  async addAll(query: Omit<ClaimQuery, 'offset' | 'limit'>): Promise<number | undefined> {
    const ids = new Set<Id>()
    for (let offset = 0; this.picked.size + ids.size < MAX_SELECTED; offset += FETCH) {
      const page = await this.store.run(() => this.store.api.listClaims({ ...query, offset, limit: FETCH }))
      if (!page) return undefined
      for (const c of page.claims) if (!this.picked.has(c.id)) ids.add(c.id)
      if (offset + FETCH >= page.total) break
    }
    return this.add([...ids])
  }
}
