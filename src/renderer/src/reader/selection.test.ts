// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest'
import { boundaryOffset, rangeToOffsets, trimOffsets } from './selection'

const text = 'Title\n\nFirst para with a claim.\n\nSecond para.'
let root: HTMLElement

beforeEach(() => {
  document.body.innerHTML = `<header id="h">Meta</header><div id="root">
<h1 data-block data-start="0" data-end="5">Title</h1>
<p data-block data-start="7" data-end="31">First para <mark data-start="18" data-end="25">with a </mark>claim.</p>
<p data-block data-start="33" data-end="45">Second para.</p>
</div>`
  root = document.getElementById('root')!
})

const range = (sn: Node, so: number, en: Node, eo: number) => {
  const r = document.createRange()
  r.setStart(sn, so)
  r.setEnd(en, eo)
  return r
}

describe('boundaryOffset', () => {
  it('counts text across highlight spans inside a block', () => {
    const p = root.querySelectorAll('p')[0]
    const markText = p.querySelector('mark')!.firstChild!
    expect(boundaryOffset(root, markText, 2)).toBe(20)
    expect(boundaryOffset(root, p.lastChild!, 3)).toBe(28)
  })

  it('maps element boundaries by child index', () => {
    const p = root.querySelectorAll('p')[0]
    expect(boundaryOffset(root, p, 0)).toBe(7)
    expect(boundaryOffset(root, p, p.childNodes.length)).toBe(31)
  })

  it('snaps points between blocks to the next block, and past the end to the last end', () => {
    const p2 = root.querySelectorAll('p')[1]
    const index = Array.prototype.indexOf.call(root.childNodes, p2)
    expect(boundaryOffset(root, root, index)).toBe(33)
    expect(boundaryOffset(root, root, root.childNodes.length)).toBe(45)
    expect(boundaryOffset(root, document.getElementById('h')!, 0)).toBe(0)
  })
})

describe('rangeToOffsets', () => {
  it('maps a selection inside one block to text offsets', () => {
    const p = root.querySelectorAll('p')[0]
    const r = range(p.firstChild!, 6, p.lastChild!, 5)
    const off = rangeToOffsets(root, r, text)!
    expect(text.slice(off.start, off.end)).toBe('para with a claim')
  })

  it('trims whitespace at the edges and spans blocks', () => {
    const h1 = root.querySelector('h1')!
    const p2 = root.querySelectorAll('p')[1]
    const r = range(h1.firstChild!, 0, p2, 0) // triple-click style end: start of the next block
    const off = rangeToOffsets(root, r, text)!
    expect(text.slice(off.start, off.end)).toBe('Title\n\nFirst para with a claim.')
  })

  it('returns null for collapsed, whitespace-only and outside selections', () => {
    const p = root.querySelectorAll('p')[0]
    expect(rangeToOffsets(root, range(p.firstChild!, 2, p.firstChild!, 2), text)).toBeNull()
    const h = document.getElementById('h')!
    expect(rangeToOffsets(root, range(h.firstChild!, 0, h.firstChild!, 4), text)).toBeNull()
  })
})

describe('trimOffsets', () => {
  it('trims and rejects blank ranges', () => {
    expect(trimOffsets('  ab \n', 0, 6)).toEqual({ start: 2, end: 4 })
    expect(trimOffsets(' \n ', 0, 3)).toBeNull()
  })
})
