// Search across the case (or the open document): the words, the answer grouped by document, and
// which hit is current. Enter walks the hits document by document; the reader paints the open
// document's hits (ui.searchHits) and outlines the current one (ui.activeHit).
import type { SearchResults } from '../../../shared/api'
import type { CaseStore } from '../lib/case.svelte'
import type { UiState } from '../lib/ui.svelte'

export type SearchScope = 'case' | 'document'

const NONE: SearchResults = { documents: [], claims: [], sources: [], total: 0 }

export class CaseSearch {
  text = $state('')
  scope = $state<SearchScope>('case')
  results = $state.raw<SearchResults>(NONE)
  /** The query the results answer (typing ahead of them shows them as stale). */
  answered = $state('')
  /** The current hit: a document of the results and a hit in it. */
  current = $state<{ documentId: string; index: number } | null>(null)
  /** Bumped to focus the search box. */
  focusRequest = $state(0)
  private asked = 0

  constructor(
    private store: CaseStore,
    private ui: UiState
  ) {}

  /** Hits listed in all (a document lists its first 200; counts are complete). */
  listed = $derived(this.results.documents.reduce((n, d) => n + d.hits.length, 0))

  /** Opens the search with its box focused: the whole case, or the open document (Ctrl/Cmd+F). */
  open(scope: SearchScope): void {
    this.scope = scope
    this.ui.leftTab = 'search'
    this.focusRequest++
  }

  async run(): Promise<void> {
    const text = this.text
    const documentId = this.scope === 'document' ? this.store.currentDoc?.id : undefined
    if (this.scope === 'document' && !documentId) return
    const asked = ++this.asked
    const results = text.trim() ? await this.store.run(() => this.store.api.searchCase({ text, documentId })) : NONE
    if (asked !== this.asked || !results) return
    this.results = results
    this.answered = text
    const first = results.documents.find((d) => d.documentId === this.store.currentDoc?.id) ?? results.documents[0]
    this.current = null
    this.showHits()
    if (first && this.scope === 'document') await this.goTo(first.documentId, 0)
  }

  /** Opens a hit's document, paints its hits and makes this one current. */
  async goTo(documentId: string, index: number): Promise<void> {
    this.ui.showReader()
    if (this.ui.leftTab === 'briefings') this.ui.leftTab = 'search'
    if (this.store.currentDoc?.id !== documentId) await this.store.openDocument(documentId)
    this.current = { documentId, index }
    this.showHits()
  }

  /** The next (or previous) hit, on to the next document with hits at either end. */
  async step(by: 1 | -1): Promise<void> {
    const docs = this.results.documents
    if (docs.length === 0) return
    const at = this.current ? docs.findIndex((d) => d.documentId === this.current!.documentId) : -1
    if (at === -1) {
      const d = by === 1 ? docs[0] : docs[docs.length - 1]
      return this.goTo(d.documentId, by === 1 ? 0 : d.hits.length - 1)
    }
    const index = this.current!.index + by
    if (index >= 0 && index < docs[at].hits.length) return this.goTo(docs[at].documentId, index)
    const next = docs[(at + by + docs.length) % docs.length]
    return this.goTo(next.documentId, by === 1 ? 0 : next.hits.length - 1)
  }

  /** The open document's hits to the reader (none when it has none), and which is current. */
  showHits(): void {
    const doc = this.store.currentDoc?.id
    const mine = this.results.documents.find((d) => d.documentId === doc)
    this.ui.searchHits = mine ? mine.hits.map(({ start, end }) => ({ start, end })) : []
    const current = this.current
    this.ui.activeHit = mine && current && current.documentId === doc ? current.index : -1
  }

  clear(): void {
    this.text = ''
    this.results = NONE
    this.answered = ''
    this.current = null
    this.showHits()
  }
}
