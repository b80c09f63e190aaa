// How a user drives the reader and the claim editor, for the specs.
import { expect, type Page } from '@playwright/test'

/** Viewport points just inside the first and last characters of `quote` in the reader. */
async function quoteEnds(page: Page, quote: string): Promise<{ x1: number; y1: number; x2: number; y2: number }> {
  return page.evaluate((quote) => {
    const article = document.querySelector('[data-testid="reader"]')!
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT)
    const nodes: { node: Text; at: number }[] = []
    let all = ''
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push({ node: n as Text, at: all.length })
      all += (n as Text).data
    }
    const start = all.indexOf(quote)
    if (start < 0) throw new Error(`not in the reader: ${quote}`)
    const charRect = (offset: number) => {
      const hit = nodes.find(({ node, at }) => offset >= at && offset < at + node.data.length)!
      const r = document.createRange()
      r.setStart(hit.node, offset - hit.at)
      r.setEnd(hit.node, offset - hit.at + 1)
      return r.getClientRects()[0]
    }
    nodes.find(({ node, at }) => start >= at && start < at + node.data.length)!.node.parentElement!.scrollIntoView({ block: 'center' })
    const a = charRect(start)
    const b = charRect(start + quote.length - 1)
    return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 }
  }, quote)
}

/** Selects `quote` in the reader by dragging the mouse over it, as a user does. */
export async function dragSelect(page: Page, quote: string): Promise<void> {
  const { x1, y1, x2, y2 } = await quoteEnds(page, quote)
  await page.mouse.move(x1, y1)
  await page.mouse.down()
  await page.mouse.move(x2, y2, { steps: 8 })
  await page.mouse.up()
}

/** Selects `quote` with a DOM Range over the rendered text nodes (what keyboard selection produces). */
export async function rangeSelect(page: Page, quote: string): Promise<void> {
  await page.evaluate((quote) => {
    ;(document.activeElement as HTMLElement | null)?.blur()
    const article = document.querySelector('[data-testid="reader"]')!
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT)
    const nodes: { node: Text; at: number }[] = []
    let all = ''
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push({ node: n as Text, at: all.length })
      all += (n as Text).data
    }
    const start = all.indexOf(quote)
    if (start < 0) throw new Error(`not in the reader: ${quote}`)
    const end = start + quote.length
    const from = nodes.find(({ node, at }) => start >= at && start < at + node.data.length)!
    const to = nodes.find(({ node, at }) => end > at && end <= at + node.data.length)!
    const range = document.createRange()
    range.setStart(from.node, start - from.at)
    range.setEnd(to.node, end - to.at)
    from.node.parentElement!.scrollIntoView({ block: 'center' })
    const selection = getSelection()!
    selection.removeAllRanges()
    selection.addRange(range)
  }, quote)
}

/** Picks a source in a type-ahead field (source-input / via-input), creating it with `kind` when new. */
export async function chooseSource(page: Page, field: 'source-input' | 'via-input', name: string, kind: string): Promise<void> {
  const input = page.getByTestId(field)
  const options = page.getByTestId(`${field}-options`)
  await input.fill(name.slice(0, Math.min(name.length, 5)))
  await expect(options).toBeVisible()
  const existing = options.getByRole('option', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })
  if ((await existing.count()) > 0) {
    await existing.first().click()
    return
  }
  await input.fill(name)
  await options.getByRole('option', { name: `Create “${name}”` }).click()
  await page.getByTestId('new-source-kind').selectOption(kind)
  await page.getByTestId('create-source-confirm').click()
}
