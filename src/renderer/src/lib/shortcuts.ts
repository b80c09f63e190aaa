// Every keyboard shortcut, as the help overlay (and the README) lists them, and the one global
// key handler that implements the ones not bound to a focused control.
import { handleReaderKey } from '../reader/reader-keys'
import type { Desk } from './context'

export interface Shortcut {
  keys: string[]
  action: string
}

export const SHORTCUTS: { group: string; items: Shortcut[] }[] = [
  {
    group: 'Reader',
    items: [
      { keys: ['C'], action: 'Mark the selected text as a claim' },
      { keys: ['Ctrl/⌘', 'Enter'], action: 'Mark the selected text as a claim' },
      { keys: ['F7'], action: 'Caret browsing in Chromium: select text with Shift+arrows' },
      { keys: ['['], action: 'Previous document' },
      { keys: [']'], action: 'Next document' }
    ]
  },
  {
    group: 'Reading cursor',
    items: [
      { keys: ['N'], action: 'Select the next clause (Shift+N: the previous one)' },
      { keys: ['S'], action: 'Select the next sentence (Shift+S: the previous one)' },
      { keys: ['P'], action: 'Select the next paragraph’s first sentence (Shift+P: this or the previous one)' },
      { keys: ['E'], action: 'Widen the selection to its sentence; again, to its paragraph' },
      { keys: ['Q'], action: 'Select the quotation under the cursor (or the next one in the sentence)' },
      { keys: ['W'], action: 'One more word at the end of the selection (Shift+W: one fewer)' },
      { keys: ['B'], action: 'One more word at the start of the selection (Shift+B: one fewer)' }
    ]
  },
  {
    group: 'Claims',
    items: [
      { keys: ['J'], action: 'Next claim (↓ in the claims list)' },
      { keys: ['K'], action: 'Previous claim (↑ in the claims list)' },
      { keys: ['Enter'], action: 'Edit the focused claim (jump to its source field)' },
      { keys: ['Delete'], action: 'Delete the focused claim (Undo in the message)' },
      { keys: ['Ctrl/⌘', 'Z'], action: 'Undo the last change to the case (any edit, import or deletion)' },
      { keys: ['Ctrl/⌘', 'Shift', 'Z'], action: 'Redo (also Ctrl+Y)' },
      { keys: ['G'], action: 'Group claims by source / by topic' },
      { keys: ['/'], action: 'Filter claims' }
    ]
  },
  {
    group: 'Claim editor',
    items: [
      { keys: ['↑ ↓'], action: 'Move through suggestions' },
      { keys: ['Enter'], action: 'Pick a suggestion, or add a tag' },
      { keys: [','], action: 'Add the typed tag' },
      { keys: ['Esc'], action: 'Close suggestions; again to leave the field' }
    ]
  },
  {
    group: 'Briefing composer',
    items: [
      { keys: ['Alt', '↑ ↓'], action: 'Move the focused judgment, reporting claim or group' },
      { keys: ['Delete'], action: 'Remove the focused claim from the reporting' },
      { keys: ['↑ ↓'], action: 'Walk the reporting claims, or the briefings list' },
      { keys: ['↑ ↓', 'Enter'], action: 'In a claim search: move, then cite or add the claim' }
    ]
  },
  {
    group: 'Search',
    items: [
      { keys: ['Ctrl/⌘', 'F'], action: 'Search the open document' },
      { keys: ['Ctrl/⌘', 'Shift', 'F'], action: 'Search the whole case' },
      { keys: ['Enter'], action: 'In the search box: the next hit (Shift+Enter: the previous)' }
    ]
  },
  {
    group: 'Anywhere',
    items: [
      { keys: ['?'], action: 'Show this list' },
      { keys: ['Esc'], action: 'Close a dialog, clear the selection' }
    ]
  }
]

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || target.matches('input, textarea, select')
}

/** Handles a keydown that reached the window; returns true when it acted. */
export function handleGlobalKey(e: KeyboardEvent, desk: Desk, markSelection: () => void): boolean {
  const { store, ui, view } = desk
  if (e.defaultPrevented || e.isComposing) return false
  if (document.querySelector('dialog[open]')) return false
  const mod = e.ctrlKey || e.metaKey
  // The desktop app has no find bar of its own: Ctrl/Cmd+F searches the open document, with Shift the case.
  if (mod && !e.altKey && e.key.toLowerCase() === 'f') {
    desk.search.open(e.shiftKey || !store.currentDoc ? 'case' : 'document')
    return true
  }
  if (mod && e.key === 'Enter') {
    if (!ui.selection) return false
    markSelection()
    return true
  }
  // Undo and redo act on the case; in a text field they stay the field's own.
  const key = e.key.toLowerCase()
  if (mod && !e.altKey && !isTyping(e.target) && (key === 'z' || (key === 'y' && !e.shiftKey))) {
    if (store.readOnly) return false
    void store.step(key === 'z' && !e.shiftKey ? 'undo' : 'redo')
    return true
  }
  if (mod || e.altKey || isTyping(e.target)) return false
  if (handleReaderKey(e)) return true
  const onControl = e.target instanceof HTMLElement && e.target.matches('button, a[href], [role="tab"]')
  switch (e.key) {
    case 'c':
    case 'C':
      if (!ui.selection) return false
      markSelection()
      return true
    case 'j':
    case 'k': {
      const next = view.neighbour(e.key === 'j' ? 1 : -1)
      if (next) store.focusClaim(next, { scroll: true })
      return next !== null
    }
    case 'Enter':
      if (onControl || !store.focusedClaimId) return false
      store.focusClaim(store.focusedClaimId, { edit: 'source' })
      return true
    case 'Delete':
      if (!store.focusedClaimId || store.readOnly) return false
      void store.deleteClaim(store.focusedClaimId)
      return true
    case 'g':
    case 'G':
      view.groupBy = view.groupBy === 'source' ? 'topic' : 'source'
      return true
    case '/':
      ui.filterFocus++
      return true
    case '?':
      ui.overlay = 'help'
      return true
    case '[':
    case ']': {
      const docs = store.documents
      const at = docs.findIndex((d) => d.id === store.currentDoc?.id)
      const next = docs[at + (e.key === ']' ? 1 : -1)]
      if (next) void store.openDocument(next.id)
      return next !== undefined
    }
    case 'Escape':
      if (ui.selection) {
        window.getSelection()?.removeAllRanges()
        ui.selection = null
        return true
      }
      return false
  }
  return false
}
