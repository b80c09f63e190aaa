// The engine's suggested claims for the document in the reader, as a queue the analyst works
// through: accept (one, or every one of a speaker), reject, move on. A suggestion leaves the queue
// when a claim covers any of its words (accepted, or marked by hand) or when it is rejected;
// rejections are kept in the case, per document, so they stay rejected wherever the case goes
// (and Undo brings one back).
import type { Suggestion } from '../../../shared/analysis'
import { SUGGESTION_KEY, spanOfKey, suggestionKey, type Claim, type Id, type Source } from '../../../shared/model'
import { findSpeakerSource } from '../../../shared/source-names'
import type { CaseStore } from '../lib/case.svelte'
import { unmarked } from '../../../shared/doc-claims'
import { RejectedSpans } from '../../../shared/rejected-spans'

const SHOWN_KEY = 'claimdesk-suggestions-shown'
/** Where rejections were kept on this computer before they moved into the case; read once, then moved. */
const OLD_REJECTED_KEY = 'claimdesk-rejected-suggestions:'

const NO_CLAIMS = { overlaps: () => false }

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>

/** A rejection names the words, not the run's id ("s4"), which other sources could renumber. */
const keyOf = (s: Suggestion): string => suggestionKey(s.claim)

/**
 * The suggestions with each speaker matched against the case's sources as they are now (the engine
 * matched them when it ran): a source made or renamed since is found, a deleted one is let go.
 */
export function withCurrentSources(suggestions: readonly Suggestion[], sources: readonly Source[]): Suggestion[] {
  const ids = new Set(sources.map((s) => s.id))
  return suggestions.map((s) => {
    const sp = s.speaker
    if (sp.sourceId && ids.has(sp.sourceId)) return s
    const found = sp.name ? findSpeakerSource(sources, sp.kind, [sp.name, ...sp.aliases, sp.mention?.text]) : undefined
    const sourceId = found?.id ?? null
    return sourceId === sp.sourceId ? s : { ...s, speaker: { ...sp, sourceId } }
  })
}

export class SuggestionQueue {
  /** The document the list was worked out for. */
  documentId = $state<Id | null>(null)
  all = $state.raw<Suggestion[]>([])
  loading = $state(false)
  /** Why the open document has no suggestions (too long to read, the reader stopped), shown in the queue. */
  error = $state<string | null>(null)
  /** Dashed highlights in the reader and the queue above the claims (remembered). */
  shown = $state(true)
  activeId = $state<string | null>(null)
  /** Bumped to ask the reader to bring the active suggestion into view. */
  scrollRequest = $state(0)
  /** The document's rejections, with those asked for and not yet saved (so the queue moves on at once). */
  private rejected = $derived.by((): RejectedSpans => {
    const saved = this.store.currentDoc?.id === this.documentId ? this.store.docRejections : []
    return new RejectedSpans([...saved, ...this.unsaved])
  })
  private unsaved = $state.raw<readonly string[]>([])
  /** Suggestions being accepted: out of the queue at once, back if the change is refused. */
  private accepting = $state.raw<readonly string[]>([])

  /** Every suggestion, its speaker matched against the case's sources now (again only when they change). */
  private matched = $derived.by(() => withCurrentSources(this.all, this.store.sources))
  /** What is left to decide, in text order. */
  pending = $derived.by(() => {
    void this.store.docClaimsVersion
    const claims = this.store.currentDoc?.id === this.documentId ? this.store.docIndex : NO_CLAIMS
    return unmarked(this.matched, claims).filter((s) => !this.rejected.has(s.claim) && !this.accepting.includes(s.id))
  })
  /** The cursor: the first pending suggestion when its own has gone (the queue emptied, then Undo). */
  active = $derived(this.pending.find((s) => s.id === this.activeId) ?? this.pending[0] ?? null)
  rejectedCount = $derived(this.all.filter((s) => this.rejected.has(s.claim)).length)

  private loads = 0

  constructor(
    private store: CaseStore,
    private storage: Storage | null = typeof localStorage === 'undefined' ? null : localStorage
  ) {
    this.shown = this.storage?.getItem(SHOWN_KEY) !== 'false'
  }

  setShown(shown: boolean): void {
    this.shown = shown
    this.storage?.setItem(SHOWN_KEY, String(shown))
  }

  /** Works out the suggestions for the document in the reader (again, when `force`). */
  async load(force = false): Promise<void> {
    const doc = this.store.currentDoc
    if (!doc) {
      this.documentId = null
      this.all = []
      return
    }
    if (!force && doc.id === this.documentId && !this.loading) return
    const load = ++this.loads
    this.documentId = doc.id
    this.unsaved = []
    void this.moveOldRejections(doc.id)
    if (!force) this.all = []
    this.loading = true
    this.error = null
    let error: string | null = null
    const found = await this.store.run(() => this.store.api.suggestClaims(doc.id), {
      onError: (e) => (error = e.message)
    })
    if (load !== this.loads) return
    this.loading = false
    this.error = error
    this.all = found ?? []
  }

  /** Moves the queue's cursor; returns the suggestion it lands on. */
  move(delta: number): Suggestion | null {
    const list = this.pending
    if (list.length === 0) return null
    const at = list.findIndex((s) => s.id === this.active?.id)
    const next = at < 0 ? (delta > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, at + delta))
    this.activeId = list[next].id
    this.scrollRequest++
    return list[next]
  }

  /** Makes a suggestion the active one (a click on it, in the queue or the reader). */
  select(id: string, scroll = false): void {
    this.activeId = id
    if (scroll) this.scrollRequest++
  }

  /** Accepts suggestions by id (the active one when none are named); resolves to the claims made. */
  async accept(ids: string[] = this.active ? [this.active.id] : []): Promise<Claim[]> {
    if (ids.length === 0 || !this.documentId) return []
    // The cursor moves on at once: a key pressed before the claims arrive acts on the next suggestion.
    const was = this.active?.id ?? null
    const next = (this.activeId = this.after(ids))
    this.accepting = [...this.accepting, ...ids]
    const done = await this.store.acceptSuggestions({ documentId: this.documentId, suggestionIds: ids })
    this.accepting = this.accepting.filter((id) => !ids.includes(id))
    if (!done && this.activeId === next) this.activeId = was
    return done?.claims ?? []
  }

  /** Accepts every pending suggestion of one speaker (an entity of this document, "e3"). */
  async acceptSpeaker(entity: string): Promise<Claim[]> {
    const ids = this.pending.filter((s) => s.speaker.entity === entity).map((s) => s.id)
    return this.accept(ids)
  }

  async reject(id: string | null = this.active?.id ?? null): Promise<void> {
    const s = this.all.find((x) => x.id === id)
    const documentId = this.documentId
    if (!s || !documentId) return
    const key = keyOf(s)
    const next = this.after([s.id])
    this.activeId = next
    this.unsaved = [...this.unsaved, key]
    const saved = await this.store.rejectSuggestions({ documentId, spans: [key], rejected: true })
    this.unsaved = this.unsaved.filter((k) => k !== key)
    // Refused (a full disk): the notice says why, and the suggestion comes back with the cursor on it.
    if (!saved && this.documentId === documentId && this.activeId === next) this.activeId = s.id
  }

  /** Brings back the suggestions this queue shows as rejected (those of another window since stay). */
  async restoreRejected(): Promise<void> {
    const spans = [...new Set(this.all.flatMap((s) => this.rejected.find(s.claim) ?? []))]
    if (this.documentId && spans.length)
      await this.store.rejectSuggestions({ documentId: this.documentId, spans, rejected: false })
  }

  /** Rejections an earlier version kept on this computer join the document's in the case, once. */
  private async moveOldRejections(documentId: Id): Promise<void> {
    const key = `${OLD_REJECTED_KEY}${this.store.info?.path ?? ''}:${documentId}`
    const raw = this.storage?.getItem(key)
    const doc = this.store.currentDoc
    if (!raw || this.store.readOnly || doc?.id !== documentId) return
    let old: string[] = []
    try {
      const list: unknown = JSON.parse(raw)
      if (Array.isArray(list)) old = list.filter((x): x is string => typeof x === 'string' && SUGGESTION_KEY.test(x))
    } catch {
      // Unreadable: nothing to move.
    }
    const saved = new Set(this.store.docRejections)
    const spans = old.filter((span) => {
      const { start, end } = spanOfKey(span)
      return !saved.has(span) && start < end && end <= doc.text.length
    })
    if (spans.length === 0 || (await this.store.rejectSuggestions({ documentId, spans, rejected: true })))
      this.storage?.removeItem(key)
  }

  /**
   * Where the cursor goes when `ids` leave the queue: the next pending suggestion after the active one
   * (after the last of `ids` when the active one stays), or the one before when none follows. Accepting
   * every suggestion of a speaker so leaves the cursor beside where it was, not after that speaker's last.
   */
  private after(ids: string[]): string | null {
    const list = this.pending
    const gone = new Set(ids)
    const at = list.findIndex((s) => s.id === this.active?.id)
    const from =
      at >= 0 && gone.has(list[at].id) ? at : Math.max(...ids.map((id) => list.findIndex((s) => s.id === id)))
    const later = list.slice(from + 1).find((s) => !gone.has(s.id))
    const earlier = [...list.slice(0, Math.max(0, from))].reverse().find((s) => !gone.has(s.id))
    return (later ?? earlier)?.id ?? null
  }
}
