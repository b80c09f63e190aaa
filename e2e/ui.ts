// How a user drives the reader and the claim editor, for the specs.
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test'

/**
 * Finds `quote` in the reader's text and scrolls it to the middle of the view. With `select`, selects it
 * with a DOM Range over the rendered text nodes and returns null; otherwise returns viewport points just
 * inside its first and last characters.
 */
async function inReader(
  page: Page,
  quote: string,
  select: boolean
): Promise<{ x1: number; y1: number; x2: number; y2: number } | null> {
  // The reader may still be opening the document (a busy machine): wait for its words first.
  await page.waitForFunction(
    (quote) => document.querySelector('[data-testid="reader"]')?.textContent?.includes(quote) ?? false,
    quote
  )
  return page.evaluate(
    ({ quote, select }) => {
      if (select) (document.activeElement as HTMLElement | null)?.blur()
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
      const nodeAt = (offset: number) => nodes.find(({ node, at }) => offset >= at && offset < at + node.data.length)!
      const from = nodeAt(start)
      from.node.parentElement!.scrollIntoView({ block: 'center' })
      if (select) {
        const to = nodes.find(({ node, at }) => end > at && end <= at + node.data.length)!
        const range = document.createRange()
        range.setStart(from.node, start - from.at)
        range.setEnd(to.node, end - to.at)
        const selection = getSelection()!
        selection.removeAllRanges()
        selection.addRange(range)
        return null
      }
      const charRect = (offset: number) => {
        const hit = nodeAt(offset)
        const r = document.createRange()
        r.setStart(hit.node, offset - hit.at)
        r.setEnd(hit.node, offset - hit.at + 1)
        return r.getClientRects()[0]
      }
      const a = charRect(start)
      const b = charRect(end - 1)
      return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 }
    },
    { quote, select }
  )
}

/** Selects `quote` in the reader by dragging the mouse over it, as a user does. */
export async function dragSelect(page: Page, quote: string): Promise<void> {
  const { x1, y1, x2, y2 } = (await inReader(page, quote, false))!
  await page.mouse.move(x1, y1)
  await page.mouse.down()
  await page.mouse.move(x2, y2, { steps: 8 })
  await page.mouse.up()
  await expect(page.getByTestId('mark-claim')).toBeVisible()
}

/** Selects `quote` with a DOM Range over the rendered text nodes (what keyboard selection produces). */
export async function rangeSelect(page: Page, quote: string): Promise<void> {
  await inReader(page, quote, true)
  // The reader takes the selection on selectionchange: wait until it offers to mark it.
  await expect(page.getByTestId('mark-claim')).toBeVisible()
}

/**
 * The part of a quote a list shows word for word: lists print quotes with typographic marks
 * (quoteForDisplay), so the longest stretch between quotation marks is what to look for.
 */
export function listedText(quote: string): string {
  return quote
    .split(/["“”‘’]/)
    .map((part) => part.trim())
    .sort((a, b) => b.length - a.length)[0]
}

/** The claims list's row for a quote (when it is rendered). */
export const claimItem = (page: Page, quote: string): Locator =>
  page.getByTestId('claim-item').filter({ hasText: listedText(quote) })

/** Picks a source in a type-ahead field (source-input / via-input), creating it with `kind` when new. */
export async function chooseSource(
  page: Page,
  field: 'source-input' | 'via-input',
  name: string,
  kind: string
): Promise<void> {
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

/** The text of each claim range the reader has painted (CSS Custom Highlight API), sorted. */
export async function paintedClaims(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...CSS.highlights]
      .filter(([name]) => name.startsWith('cd-claim-'))
      .flatMap(([, h]) =>
        [...h].map((r) => {
          const range = document.createRange()
          range.setStart(r.startContainer, r.startOffset)
          range.setEnd(r.endContainer, r.endOffset)
          return range.toString()
        })
      )
      .sort()
  )
}

/** Calls the app's API from the page, as the UI does (browser mode: token from the session). */
export async function callApi<T>(page: Page, method: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    async ({ method, args }) => {
      const response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Claimdesk-Token': sessionStorage.getItem('claimdesk-token')!
        },
        body: JSON.stringify({ args })
      })
      const body = await response.json()
      if (!response.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`)
      return body.result
    },
    { method, args }
  ) as Promise<T>
}

/**
 * The claims list is virtualised: a row is in the DOM only near the screen. Scrolls the list from
 * the top until the row holding `quote` is rendered, and returns it.
 */
export async function claimRow(page: Page, quote: string): Promise<Locator> {
  const item = claimItem(page, quote)
  const list = page.getByTestId('claims-list')
  // A page of rows arriving re-renders the window; the row is looked for again when it was replaced.
  for (let attempt = 0; ; attempt++) {
    await list.evaluate((el) => el.scrollTo({ top: 0 }))
    for (let screen = 0; screen < 500; screen++) {
      if ((await item.count()) > 0) break
      const atEnd = await list.evaluate((el) => {
        const before = el.scrollTop
        el.scrollBy({ top: el.clientHeight * 0.8 })
        return el.scrollTop === before
      })
      // Rows render a frame after the scroll.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))))
      if (atEnd && (await item.count()) === 0) break
    }
    try {
      await item.first().scrollIntoViewIfNeeded({ timeout: 5000 })
      return item
    } catch (error) {
      if (attempt >= 3) throw error
    }
  }
}

/** Two animation frames: what the last change laid out is on screen. */
export const frame = (page: Page): Promise<unknown> =>
  page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))))

export async function paneWidth(page: Page, side: 'left' | 'right'): Promise<number> {
  return (await page.getByTestId(`pane-${side}`).boundingBox())!.width
}

/** Screenshots the page into the test's output folder and attaches it to the report; returns the path. */
export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<string> {
  const path = testInfo.outputPath(`${name.replace(/\W+/g, '-')}.png`)
  await page.screenshot({ path })
  await testInfo.attach(name, { path, contentType: 'image/png' })
  return path
}

/**
 * The app's main views, each opened as a user does; the search view looks for `words`. The case
 * needs a claim, a source and a document holding `words`.
 */
export function mainViews(words: string): { name: string; open: (page: Page) => Promise<void> }[] {
  return [
    {
      name: 'documents',
      open: async (page) => {
        await page.getByTestId('tab-documents').click()
        await page.getByTestId('claim-item').first().click()
        await expect(page.getByTestId('claim-editor')).toBeVisible()
      }
    },
    {
      name: 'sources',
      open: async (page) => {
        await page.getByTestId('tab-sources').click()
        await page.getByTestId('source-item').first().click()
        await expect(page.getByTestId('source-detail')).toBeVisible()
      }
    },
    {
      name: 'briefing composer',
      open: async (page) => {
        await page.getByTestId('tab-briefings').click()
        const empty = page.getByTestId('new-briefing-empty')
        if (await empty.isVisible()) await empty.click()
        await expect(page.getByTestId('reporting-claim').first()).toBeVisible()
      }
    },
    {
      name: 'conflicts',
      open: async (page) => {
        await page.getByTestId('tab-conflicts').click()
        await expect(page.getByTestId('analysis-view')).toBeVisible()
      }
    },
    {
      name: 'search',
      open: async (page) => {
        await page.getByTestId('tab-documents').click()
        await page.keyboard.press('Control+Shift+f')
        await page.getByTestId('search-input').fill(words)
        await expect(page.getByTestId('search-hit').first()).toBeVisible()
      }
    },
    {
      name: 'export dialog',
      open: async (page) => {
        await page.getByTestId('export-button').click()
        await expect(page.getByTestId('export-dialog')).toBeVisible()
      }
    },
    {
      name: 'help',
      open: async (page) => {
        await page.getByTestId('help-button').click()
        await expect(page.getByTestId('shortcuts-help')).toBeVisible()
      }
    },
    {
      name: 'command palette',
      open: async (page) => {
        await page.keyboard.press('Control+k')
        await expect(page.getByTestId('command-palette')).toBeVisible()
      }
    }
  ]
}
