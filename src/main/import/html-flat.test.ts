import { describe, expect, it } from 'vitest'
import { flatText, nestingDepth } from './html-flat'

describe('nestingDepth', () => {
  it('counts nesting the way the parser builds it', () => {
    expect(nestingDepth('<div><section><p>a<p>b</section></div>')).toBe(2)
    expect(nestingDepth('<ul><li>a<li>b</ul><img><br><input>')).toBe(1)
    expect(nestingDepth('<b>'.repeat(1000))).toBe(1000)
    expect(nestingDepth('<script>' + '<div>'.repeat(1000) + '</script><!-- ' + '<div>'.repeat(1000) + ' -->')).toBe(0)
  })
})

describe('flatText', () => {
  it('keeps the visible text, one paragraph per block', () => {
    const html =
      '<head><title>T</title><style>x{}</style></head><body><h1>Head</h1><div><b>Bold</b> and &amp; plain<br>line</div><script>no()</script><p>Last</p>'
    expect(flatText(html, (t) => t.replace(/&amp;/g, '&'))).toEqual(['Head', 'Bold and & plain\nline', 'Last'])
  })
})
