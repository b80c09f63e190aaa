// Every action and its key, in one registry: the help overlay lists it, the command palette runs it,
// the README's key table is checked against it (shortcuts-table.test.ts), and the one app-wide key
// handler below answers the keys it binds. A part of the UI with keys of its own adds its entries
// here (a group of its own, or items in one), so that every list reads the same registry.
import { handleReaderKey } from '../reader/reader-keys'
import { caseCommand, markSelection, menuCommand } from './actions'
import type { Desk } from './context'
import { quickSources } from './quick-sources'
import { THEME_CHOICES } from './theme.svelte'

export interface Shortcut {
  /** The keys as shown (each a key, joined by "+"); empty for an action with no key. */
  keys: string[]
  action: string
  /**
   * Keys the app-wide handler answers with `run`, as "Mod+Shift+Z" ("Mod" is Ctrl, or ⌘ on a Mac; a
   * letter matches either case). Absent: the key belongs to a focused control (it is listed only).
   */
  bind?: string[]
  /** Bound keys work in text fields too. */
  inFields?: boolean
  /** Does the action; false when it could not (the key then does what it would do anyway). */
  run?: (desk: Desk, key?: string, event?: KeyboardEvent) => boolean | void
  /** The palette shows these instead of the entry itself (e.g. one per quick source). */
  expand?: (desk: Desk) => { label: string; keys: string[]; run: () => boolean | void }[]
}

export interface ShortcutGroup {
  group: string
  items: Shortcut[]
}

function isTyping(target: EventTarget | null, e: KeyboardEvent): boolean {
  if (!(target instanceof HTMLElement)) return false
  // A list box takes letters and digits (type to find) but has no use of its own for Ctrl/⌘ keys:
  // Ctrl+Z right after picking a status undoes it.
  if (target.matches('select')) return !(e.ctrlKey || e.metaKey)
  return target.isContentEditable || target.matches('input, textarea')
}

const onControl = (target: EventTarget | null) =>
  target instanceof HTMLElement && target.matches('button, a[href], [role="tab"], [role="separator"]')

function stepClaim({ view }: Desk, step: 1 | -1): boolean {
  if (view.total === 0) return false
  void view.step(step)
  return true
}

function stepDocument({ store }: Desk, step: 1 | -1): boolean {
  const docs = store.documents
  const next = docs[docs.findIndex((d) => d.id === store.currentDoc?.id) + step]
  if (next) void store.openDocument(next.id)
  return next !== undefined
}

function assignSource({ store }: Desk, n: number): boolean {
  const source = quickSources(store.sources)[n - 1]
  if (!source || store.readOnly) return false
  // A key pressed while a claim is being marked is for that claim, not the one focused before it.
  if (store.marking) {
    void store.marking.then((made) => made && store.updateClaim(made.id, { sourceId: source.id }))
    return true
  }
  const claim = store.focusedClaimId
  if (!claim) return false
  void store.updateClaim(claim, { sourceId: source.id })
  return true
}

function undo({ store }: Desk, direction: 'undo' | 'redo'): boolean {
  if (store.readOnly) return false
  void store.step(direction)
  return true
}

/** A reading cursor letter (Shift reverses most of them); acts only when a reader is shown. */
const readerMove =
  (key: string) =>
  (_desk: Desk, _key?: string, e?: KeyboardEvent): boolean =>
    handleReaderKey(e ?? new KeyboardEvent('keydown', { key }))

const THEME_LABEL = { system: 'the system’s', light: 'light', dark: 'dark' } as const

export const SHORTCUTS: ShortcutGroup[] = [
  {
    group: 'Reader',
    items: [
      {
        keys: ['C'],
        action: 'Mark the selected text as a claim',
        bind: ['c'],
        run: (desk) => !!desk.ui.selection && (void markSelection(desk), true)
      },
      {
        keys: ['Ctrl/⌘', 'Enter'],
        action: 'Mark the selected text as a claim',
        bind: ['Mod+Enter'],
        inFields: true,
        run: (desk) => !!desk.ui.selection && (void markSelection(desk), true)
      },
      { keys: ['['], action: 'Previous document', bind: ['['], run: (desk) => stepDocument(desk, -1) },
      { keys: [']'], action: 'Next document', bind: [']'], run: (desk) => stepDocument(desk, 1) }
    ]
  },
  {
    group: 'Reading cursor',
    items: [
      { keys: ['N'], action: 'Select the next clause (Shift+N: the previous one)', bind: ['n'], run: readerMove('n') },
      {
        keys: ['S'],
        action: 'Select the next sentence (Shift+S: the previous one)',
        bind: ['s'],
        run: readerMove('s')
      },
      {
        keys: ['P'],
        action: 'Select the next paragraph’s first sentence (Shift+P: this or the previous one)',
        bind: ['p'],
        run: readerMove('p')
      },
      {
        keys: ['E'],
        action: 'Widen the selection to its sentence; again, to its paragraph',
        bind: ['e'],
        run: readerMove('e')
      },
      {
        keys: ['Q'],
        action: 'Select the quotation under the cursor (or the next one in the sentence)',
        bind: ['q'],
        run: readerMove('q')
      },
      {
        keys: ['W'],
        action: 'One more word at the end of the selection (Shift+W: one fewer)',
        bind: ['w'],
        run: readerMove('w')
      },
      {
        keys: ['B'],
        action: 'One more word at the start of the selection (Shift+B: one fewer)',
        bind: ['b'],
        run: readerMove('b')
      }
    ]
  },
  {
    group: 'Suggested claims (the list above the claims)',
    items: [
      {
        keys: ['U'],
        action: 'Go to the suggested claims (shows them when hidden)',
        bind: ['u'],
        run: ({ ui, suggestions }) => (suggestions.setShown(true), void ui.suggestionsFocus++)
      },
      { keys: ['↑ ↓'], action: 'Move through the suggestions (Home, End: the first, the last)' },
      { keys: ['Enter'], action: 'Accept the suggestion as a claim (Shift+Enter: accept and edit it)' },
      { keys: ['Backspace'], action: 'Reject the suggestion (Delete too)' },
      { keys: ['A'], action: 'Accept every suggestion from the same speaker' }
    ]
  },
  {
    group: 'Claims',
    items: [
      { keys: ['J'], action: 'Next claim (↓ in the claims list)', bind: ['j'], run: (desk) => stepClaim(desk, 1) },
      { keys: ['K'], action: 'Previous claim (↑ in the claims list)', bind: ['k'], run: (desk) => stepClaim(desk, -1) },
      {
        keys: ['Enter'],
        action: 'Edit the focused claim (jump to its source field)',
        bind: ['Enter'],
        run: ({ store }) => !!store.focusedClaimId && (store.focusClaim(store.focusedClaimId, { edit: 'source' }), true)
      },
      {
        keys: ['Delete'],
        action: 'Delete the focused claim (Undo in the message)',
        bind: ['Delete'],
        run: ({ store }) =>
          !!store.focusedClaimId && !store.readOnly && (void store.deleteClaim(store.focusedClaimId), true)
      },
      {
        keys: ['1–9'],
        action: 'Attribute the focused claim to one of the nine sources with the most claims',
        bind: ['1', '2', '3', '4', '5', '6', '7', '8', '9'],
        run: (desk, key) => assignSource(desk, Number(key)),
        expand: (desk) =>
          quickSources(desk.store.sources).map((s, i) => ({
            label: `Attribute the focused claim to ${s.name}`,
            keys: [String(i + 1)],
            run: () => assignSource(desk, i + 1)
          }))
      },
      {
        keys: ['G'],
        action: 'Group claims by source / by topic',
        bind: ['g'],
        run: ({ view }) => void (view.groupBy = view.groupBy === 'source' ? 'topic' : 'source')
      },
      { keys: ['/'], action: 'Filter claims', bind: ['/'], run: ({ ui }) => void ui.filterFocus++ }
    ]
  },
  {
    group: 'Picking several claims (in the claims list)',
    items: [
      { keys: ['Space'], action: 'Pick the claim on the cursor, or put it back (Ctrl/⌘-click too)' },
      {
        keys: ['Shift', '↑ ↓'],
        action: 'Move and pick the claims passed (Shift-click: every claim up to the one clicked)'
      },
      { keys: ['Ctrl/⌘', 'A'], action: 'Pick every claim the list shows with its filters (up to 10,000)' },
      { keys: ['Delete'], action: 'Delete the picked claims (Undo in the message)' },
      { keys: ['Esc'], action: 'Put every picked claim back' }
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
      {
        keys: ['Ctrl/⌘', 'F'],
        action: 'Search the open document',
        bind: ['Mod+f'],
        inFields: true,
        run: ({ search, store }) => search.open(store.currentDoc ? 'document' : 'case')
      },
      {
        keys: ['Ctrl/⌘', 'Shift', 'F'],
        action: 'Search the whole case',
        bind: ['Mod+Shift+f'],
        inFields: true,
        run: ({ search }) => search.open('case')
      },
      { keys: ['Enter'], action: 'In the search box: the next hit (Shift+Enter: the previous)' }
    ]
  },
  {
    group: 'Layout',
    items: [
      {
        keys: ['Ctrl/⌘', 'B'],
        action: 'Show or hide the side list (documents, sources, briefings, conflicts, search)',
        bind: ['Mod+b'],
        inFields: true,
        run: ({ layout }) => layout.toggleSide('left')
      },
      {
        keys: ['Ctrl/⌘', 'Alt', 'B'],
        action: 'Show or hide the claims pane (the preview beside a briefing)',
        bind: ['Mod+Alt+b'],
        inFields: true,
        run: ({ layout }) => layout.toggleSide('right')
      },
      {
        keys: ['Ctrl/⌘', 'J'],
        action: 'Show or fold the claim editor',
        bind: ['Mod+j'],
        inFields: true,
        run: ({ layout }) => layout.toggle('editor')
      },
      {
        keys: ['← →'],
        action: 'On a focused pane splitter: resize (Shift for bigger steps; Enter folds the pane)'
      },
      {
        keys: [],
        action: 'Theme: light, dark, or the system’s (also the switch in the top bar)',
        run: ({ theme }) => theme.cycle(),
        expand: ({ theme }) =>
          THEME_CHOICES.map((choice) => ({
            label: `Theme: ${THEME_LABEL[choice]}`,
            keys: [],
            run: () => theme.set(choice)
          }))
      }
    ]
  },
  {
    group: 'Case (desktop app menu; the palette anywhere)',
    items: [
      { keys: ['Ctrl/⌘', 'N'], action: 'New case', run: (desk) => void caseCommand(desk, 'new') },
      { keys: ['Ctrl/⌘', 'O'], action: 'Open a case', run: (desk) => void caseCommand(desk, 'open') },
      { keys: ['Ctrl/⌘', 'Shift', 'S'], action: 'Save the case as', run: (desk) => void caseCommand(desk, 'save') },
      { keys: ['Ctrl/⌘', 'I'], action: 'Import files', run: (desk) => menuCommand(desk, 'import') },
      {
        keys: ['Ctrl/⌘', 'Shift', 'O'],
        action: 'Import a folder',
        run: (desk) => menuCommand(desk, 'import-folder')
      },
      { keys: ['Ctrl/⌘', 'Shift', 'V'], action: 'Paste text as a document', run: (desk) => menuCommand(desk, 'paste') },
      { keys: ['Ctrl/⌘', 'E'], action: 'Export the briefing', run: (desk) => menuCommand(desk, 'export') }
    ]
  },
  {
    group: 'Anywhere',
    items: [
      {
        keys: ['Ctrl/⌘', 'Z'],
        action: 'Undo the last change to the case (any edit, import or deletion)',
        bind: ['Mod+z'],
        run: (desk) => undo(desk, 'undo')
      },
      {
        keys: ['Ctrl/⌘', 'Shift', 'Z'],
        action: 'Redo (also Ctrl/⌘+Y)',
        bind: ['Mod+Shift+z', 'Mod+y'],
        run: (desk) => undo(desk, 'redo')
      },
      {
        keys: ['Ctrl/⌘', 'K'],
        action: 'Find and run any action (this list)',
        bind: ['Mod+k'],
        inFields: true,
        run: ({ ui }) => void (ui.overlay = 'palette')
      },
      { keys: ['?'], action: 'Show the keyboard shortcuts', bind: ['?'], run: ({ ui }) => void (ui.overlay = 'help') },
      {
        keys: ['F1'],
        action: 'Show the keyboard shortcuts',
        bind: ['F1'],
        inFields: true,
        run: ({ ui }) => void (ui.overlay = 'help')
      },
      {
        keys: ['Esc'],
        action: 'Close a dialog, clear the selection',
        bind: ['Escape'],
        run: ({ ui }) => {
          if (!ui.selection) return false
          window.getSelection()?.removeAllRanges()
          ui.selection = null
        }
      }
    ]
  }
]

interface KeySpec {
  key: string
  mod: boolean
  shift: boolean
  alt: boolean
}

export function parseKey(spec: string): KeySpec {
  const parts = spec.split('+')
  // "Mod++" would be a plus key; no binding uses one.
  const key = parts.pop()!
  return { key, mod: parts.includes('Mod'), shift: parts.includes('Shift'), alt: parts.includes('Alt') }
}

/** Whether a key event is `spec`. Shift counts only with Mod (a bare "?" or "C" may need Shift). */
export function matches(e: KeyboardEvent, spec: string): boolean {
  const k = parseKey(spec)
  if ((e.ctrlKey || e.metaKey) !== k.mod || e.altKey !== k.alt) return false
  if (k.mod && e.shiftKey !== k.shift) return false
  return k.key.length === 1 ? e.key.toLowerCase() === k.key.toLowerCase() : e.key === k.key
}

/** Handles a keydown that reached the window; returns true when it acted. */
export function handleGlobalKey(e: KeyboardEvent, desk: Desk): boolean {
  if (e.defaultPrevented || e.isComposing) return false
  if (document.querySelector('dialog[open]')) return false
  const typing = isTyping(e.target, e)
  for (const { items } of SHORTCUTS) {
    for (const item of items) {
      if (!item.run || !item.bind || (typing && !item.inFields)) continue
      const spec = item.bind.find((b) => matches(e, b))
      if (spec === undefined) continue
      // Enter on a button, tab, link or splitter is that control's own.
      if (e.key === 'Enter' && !(e.ctrlKey || e.metaKey) && onControl(e.target)) return false
      return item.run(desk, parseKey(spec).key, e) !== false
    }
  }
  return false
}
