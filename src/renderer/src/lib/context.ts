// The objects every component reaches through Svelte context (so tests can supply their own).
import { getContext, setContext } from 'svelte'
import type { Backend } from './api'
import { ConflictDesk } from '../analysis/conflicts.svelte'
import { SuggestionQueue } from '../analysis/suggestions.svelte'
import { BriefingComposer } from '../briefing/composer.svelte'
import { ClaimsView } from '../claims/view.svelte'
import { ImportQueue } from '../cases/import-queue.svelte'
import { CaseSearch } from '../search/search.svelte'
import { CaseStore } from './case.svelte'
import { dialogs } from './dialogs.svelte'
import { Layout } from './layout.svelte'
import { Notices } from './notices.svelte'
import { Theme } from './theme.svelte'
import { UiState } from './ui.svelte'

export interface Desk {
  store: CaseStore
  ui: UiState
  view: ClaimsView
  notices: Notices
  imports: ImportQueue
  composer: BriefingComposer
  search: CaseSearch
  suggestions: SuggestionQueue
  conflicts: ConflictDesk
  layout: Layout
  theme: Theme
}

export const DESK = Symbol('claimdesk-desk')

/** `storage` remembers panes, theme and the last document (localStorage; null in tests keeps nothing). */
export function createDesk(
  backend: Backend,
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null
): Desk {
  const notices = new Notices()
  const store = new CaseStore(backend.api, notices, storage)
  store.confirm = (title, action, message) => dialogs.askConfirm(title, message, action, true)
  const ui = new UiState()
  return {
    store,
    notices,
    ui,
    search: new CaseSearch(store, ui),
    view: new ClaimsView(store),
    imports: new ImportQueue(store, notices, backend.transfer),
    composer: new BriefingComposer(store, undefined, storage),
    suggestions: new SuggestionQueue(store, storage),
    conflicts: new ConflictDesk(store),
    layout: new Layout(storage),
    theme: new Theme(storage)
  }
}

export const provideDesk = (desk: Desk): Desk => setContext(DESK, desk)

export function useDesk(): Desk {
  const desk = getContext<Desk | undefined>(DESK)
  if (!desk) throw new Error('useDesk() outside <App> (or a test without a desk context)')
  return desk
}

/** Render options for @testing-library/svelte that provide a desk. */
export const deskContext = (desk: Desk): Map<symbol, Desk> => new Map([[DESK, desk]])
