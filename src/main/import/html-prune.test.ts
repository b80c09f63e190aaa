import { describe, expect, it } from 'vitest'
import { pruneInertContent, pruneOutsideArticle } from './html-prune'

describe('pruneInertContent', () => {
  it('empties scripts, styles and inline SVG but keeps JSON-LD and everything else', () => {
    const html =
      '<head><script>var state = {"a": "<p>not text</p>"}</script><script type="application/ld+json">{"@type":"NewsArticle"}</script>' +
      '<style>p { color: red }</style></head><body><p>Kept <svg><path d="M0"/><svg><g/></svg></svg>text.</p><script src="x.js"></script></body>'
    expect(pruneInertContent(html)).toBe(
      '<head><script></script><script type="application/ld+json">{"@type":"NewsArticle"}</script>' +
        '<style></style></head><body><p>Kept <svg><path d="M0"/></svg>text.</p><script src="x.js"></script></body>'
    )
  })

  it('leaves alone a script whose end the parser would find elsewhere', () => {
    const tricky = '<script><!-- document.write("<script>x()</script>") --></script><p>After.</p>'
    expect(pruneInertContent(tricky)).toBe(tricky)
  })
})

describe('pruneOutsideArticle', () => {
  it('drops navigation, sidebars, footers and forms around the article, and nothing inside it', () => {
    const html =
      '<body><nav>Menu</nav><header>Site</header><article><p>Story</p><aside>Fact box</aside></article>' +
      '<aside>Related</aside><footer>About</footer><form><input></form></body>'
    expect(pruneOutsideArticle(html)).toBe(
      '<body><header>Site</header><article><p>Story</p><aside>Fact box</aside></article></body>'
    )
  })

  it('leaves a page without an article or main element alone', () => {
    const html = '<nav>Menu</nav><div>Story</div><footer>About</footer>'
    expect(pruneOutsideArticle(html)).toBe(html)
  })
})
