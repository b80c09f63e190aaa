// A stand-in for the CSS Custom Highlight API in jsdom (which has none): a registry of highlights
// that are sets of ranges, so component tests can read what the reader painted. The real painting
// is checked in Chromium by e2e/reader.spec.ts.

class FakeHighlight extends Set<AbstractRange> {
  priority = 0
}

export interface FakeHighlights {
  registry: Map<string, FakeHighlight>
  /** The text each registered range covers, by highlight name (empty highlights left out). */
  painted(): Record<string, string[]>
  uninstall(): void
}

export function installFakeHighlights(): FakeHighlights {
  const registry = new Map<string, FakeHighlight>()
  const g = globalThis as { Highlight?: unknown; CSS?: unknown }
  const hadCss = 'CSS' in g
  const css = (g.CSS ?? {}) as Record<string, unknown>
  g.Highlight = FakeHighlight
  css.highlights = registry
  if (!hadCss) g.CSS = css
  const text = (r: AbstractRange) => {
    const live = document.createRange()
    live.setStart(r.startContainer, r.startOffset)
    live.setEnd(r.endContainer, r.endOffset)
    return live.toString()
  }
  return {
    registry,
    painted: () =>
      Object.fromEntries(
        [...registry]
          .filter(([, h]) => h.size > 0)
          .map(([name, h]) => [name, [...h].map(text).sort()])
          .sort(([a], [b]) => String(a).localeCompare(String(b)))
      ),
    uninstall() {
      delete g.Highlight
      delete css.highlights
      if (!hadCss) delete g.CSS
    }
  }
}
