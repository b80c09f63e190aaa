// UI state shared between components that is not case data: which pane shows what, open
// overlays, the reader's pending selection.
export type LeftTab = 'documents' | 'sources' | 'briefings' | 'conflicts' | 'search'
export type Overlay = 'help' | 'palette' | 'export' | 'paste' | null

export class UiState {
  leftTab = $state<LeftTab>('documents')
  /** Source shown in the centre instead of the reader; null shows the reader. */
  sourceDetailId = $state<string | null>(null)
  overlay = $state<Overlay>(null)
  /** The reader's current text selection as offsets into the open document. */
  selection = $state.raw<{ start: number; end: number } | null>(null)
  /** Bumped to ask the claims panel to focus its filter box. */
  filterFocus = $state(0)
  /** Bumped to ask the suggestion queue to take the keyboard. */
  suggestionsFocus = $state(0)
  /** Search hits in the open document (offsets into its text), painted by the reader as their own layer. */
  searchHits = $state.raw<{ start: number; end: number }[]>([])
  /** The hit the search is on (-1 for none): the reader outlines it and scrolls it into view. */
  activeHit = $state(-1)

  showSource(id: string): void {
    this.leftTab = 'sources'
    this.sourceDetailId = id
  }

  showReader(): void {
    this.sourceDetailId = null
  }
}
