// The reader at size, through the real UI and backend: a generated article of about 300 KB with
// 3,000 claims made through the API before it is opened. Checks that only a window of rows is in
// the DOM, that the claims near the view are painted with the CSS Custom Highlight API, that
// clicking and hovering a highlighted word reach its claim, that a mouse selection far down (and one
// dragged across rows that leave the DOM) becomes a claim on exactly those characters, that the
// reading cursor's keys mark a sentence, that a PDF shows its page breaks, and the type settings.
import type { Page } from '@playwright/test'
import { reportPdf } from '../src/main/import/fixtures/make-pdf'
import { expect, test } from './fixtures'
import { callApi, paintedClaims } from './ui'

const PARAGRAPHS = 420
const CLAIMS = 3000

const WORDS = (
  'officials said the convoy crossed the river near the border before dawn while two witnesses ' +
  'reported heavy shelling and the ministry declined to comment on the figures it had released'
).split(' ')

/** Deterministic paragraphs of several sentences, each paragraph opening with its number. */
function article(): string[] {
  let x = 11
  const next = () => (x = (x * 1103515245 + 12345) % 2147483648)
  return Array.from({ length: PARAGRAPHS }, (_, p) => {
    const sentences = [`Paragraph ${p} opens here.`]
    while (sentences.join(' ').length < 560 + (p % 5) * 60) {
      const words = Array.from({ length: 9 + (next() % 10) }, () => WORDS[next() % WORDS.length])
      words[0] = words[0][0].toUpperCase() + words[0].slice(1)
      sentences.push(`${words.join(' ')}.`)
    }
    return sentences.join(' ')
  })
}

interface Made {
  id: string
  position: { start: number; end: number }
}

interface Seeded {
  text: string
  documentId: string
  claims: Made[]
  sources: { id: string; name: string }[]
}

/** Pastes the article and makes its claims (some overlapping) through the API, then reloads. */
async function seed(page: Page): Promise<Seeded> {
  const paragraphs = article()
  const summary = await callApi<{ value: { id: string } }>(page, 'pasteText', {
    text: paragraphs.join('\n\n'),
    title: 'A long report'
  })
  const documentId = summary.value.id
  const view = await callApi<{ document: { text: string } }>(page, 'getDocument', documentId)
  const text = view.document.text
  const sources = []
  for (const name of ['Ministry of Defence', 'Wire agency', 'Local witness']) {
    sources.push((await callApi<{ value: { id: string; name: string } }>(page, 'createSource', { name })).value)
  }
  // Claims spread evenly over the whole article: words 1-4 of a sentence, and every third one
  // overlapped by a longer claim from the sentence's start.
  const sentences = [...text.matchAll(/[A-Z][^.]*\./g)].filter((m) => !m[0].startsWith('Paragraph'))
  const inputs: { documentId: string; start: number; end: number; sourceId: string | null }[] = []
  const stride = sentences.length / Math.ceil((CLAIMS * 3) / 4)
  for (let k = 0; inputs.length < CLAIMS; k++) {
    const m = sentences[Math.floor(k * stride)]
    const words = [...m[0].matchAll(/\S+/g)]
    const at = (w: number) => m.index + words[w].index!
    const sourceId = inputs.length % 4 === 3 ? null : sources[inputs.length % 3].id
    inputs.push({ documentId, start: at(1), end: at(4) + words[4][0].length, sourceId })
    if (k % 3 === 0) inputs.push({ documentId, start: at(0), end: at(3) - 1, sourceId: sources[0].id })
  }
  const claims = await page.evaluate(
    async ({ inputs }) => {
      const token = sessionStorage.getItem('claimdesk-token')!
      const made: { id: string; position: { start: number; end: number } }[] = []
      for (let i = 0; i < inputs.length; i += 40) {
        const batch = await Promise.all(
          inputs.slice(i, i + 40).map(async (input) => {
            const r = await fetch('/api/createClaim', {
              method: 'POST',
              headers: { 'Content-Type': 'application/json', 'X-Claimdesk-Token': token },
              body: JSON.stringify({ args: [input] })
            })
            return (await r.json()).result.value
          })
        )
        made.push(...batch)
      }
      return made
    },
    { inputs }
  )
  await page.reload()
  await expect(page.getByTestId('reader')).toHaveAttribute('data-rows', String(PARAGRAPHS))
  return { text, documentId, claims, sources }
}

/** Offsets of what the reader shows: rendered rows, rows in view, and the painted claim ranges. */
async function readerState(page: Page) {
  return page.evaluate(() => {
    const scroller = document.querySelector<HTMLElement>('[data-testid="reader-scroller"]')!
    const box = scroller.getBoundingClientRect()
    const blocks = [...document.querySelectorAll<HTMLElement>('[data-testid="reader-block"]')]
    const inView = blocks.filter((b) => {
      const r = b.getBoundingClientRect()
      return r.bottom > box.top && r.top < box.bottom
    })
    const offset = (node: Node, at: number) =>
      Number((node.parentElement!.closest('[data-block]') as HTMLElement).dataset.start) + at
    const painted = [...CSS.highlights]
      .filter(([name]) => name.startsWith('cd-claim-'))
      .flatMap(([, h]) =>
        [...h].map((r) => [offset(r.startContainer, r.startOffset), offset(r.endContainer, r.endOffset)])
      )
    return {
      rendered: blocks.length,
      nodes: document.getElementsByTagName('*').length,
      // Nothing in view for a moment while rows come in after a long jump.
      view: inView.length
        ? { start: Number(inView[0].dataset.start), end: Number(inView[inView.length - 1].dataset.end) }
        : { start: -1, end: -1 },
      painted
    }
  })
}

/** Centre of the character at `offset` on screen (it must be rendered). */
async function pointAt(page: Page, offset: number): Promise<{ x: number; y: number }> {
  return page.evaluate((offset) => {
    const block = [...document.querySelectorAll<HTMLElement>('[data-testid="reader-block"]')].find(
      (b) => Number(b.dataset.start) <= offset && offset < Number(b.dataset.end)
    )!
    const r = document.createRange()
    r.setStart(block.firstChild!, offset - Number(block.dataset.start))
    r.setEnd(block.firstChild!, offset - Number(block.dataset.start) + 1)
    const rect = r.getBoundingClientRect()
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }
  }, offset)
}

const scrollReader = (page: Page, top: number) =>
  page.getByTestId('reader-scroller').evaluate((el, top) => (el.scrollTop = top), top)

test('a long article: a window of rows, highlights near the view, exact selections far down, keyboard marking', async ({
  app
}, testInfo) => {
  test.setTimeout(240_000)
  const page = app.page
  const shot = async (name: string) => {
    const path = testInfo.outputPath(`${name}.png`)
    await page.screenshot({ path })
    await testInfo.attach(name, { path, contentType: 'image/png' })
  }
  await expect(page.getByTestId('reader-empty')).toBeVisible()
  const { text, claims } = await seed(page)
  expect(claims.length).toBeGreaterThanOrEqual(CLAIMS)

  // Only a window of the 420 rows is in the DOM.
  await expect.poll(async () => (await readerState(page)).painted.length).toBeGreaterThan(0)
  let state = await readerState(page)
  expect(state.rendered).toBeLessThan(40)

  // The claims overlapping the rows in view are all painted; the registry holds only a window.
  const overlapping = (from: number, to: number) => claims.filter((c) => c.position.start < to && c.position.end > from)
  const paintedKeys = (s: typeof state) => new Set(s.painted.map(([a, b]) => `${a}-${b}`))
  let keys = paintedKeys(state)
  for (const c of overlapping(state.view.start, state.view.end)) {
    expect(keys.has(`${c.position.start}-${c.position.end}`), `claim at ${c.position.start}`).toBe(true)
  }
  expect(state.painted.length).toBeLessThan(claims.length / 5)

  // Clicking a word only one claim covers focuses that claim, without taking the keyboard to the editor.
  const alone = overlapping(state.view.start, state.view.end).find(
    (c) => overlapping(c.position.end - 2, c.position.end - 1).length === 1
  )!
  const point = await pointAt(page, alone.position.end - 2)
  await page.mouse.move(point.x, point.y)
  await expect(page.getByTestId('claim-tip')).toBeVisible()
  await page.mouse.click(point.x, point.y)
  await expect(page.getByTestId('claim-editor')).toContainText(text.slice(alone.position.start, alone.position.end))
  await expect(page.getByTestId('focus-outline').first()).toBeVisible()
  expect(await page.evaluate(() => document.activeElement?.matches('input, textarea, select') ?? false)).toBe(false)
  // Where two claims overlap, a second click steps to the one beneath.
  const pair = overlapping(state.view.start, state.view.end)
    .map((c) => ({ c, under: overlapping(c.position.start + 1, c.position.start + 2) }))
    .find(({ under }) => under.length === 2)!
  const where = await pointAt(page, pair.c.position.start + 1)
  await page.mouse.click(where.x, where.y)
  const first = await page.getByTestId('claim-editor').textContent()
  await page.mouse.click(where.x, where.y)
  const second = await page.getByTestId('claim-editor').textContent()
  expect(first).not.toBe(second)
  const quotes = pair.under.map((c) => text.slice(c.position.start, c.position.end))
  expect(quotes.some((q) => first!.includes(q)) && quotes.some((q) => second!.includes(q))).toBe(true)
  await page.mouse.move(where.x, where.y + 2)
  await shot('reader-long-top')

  // Far down: the window follows, painting follows, and a mouse selection maps to exact offsets.
  await scrollReader(page, 90_000)
  await expect.poll(async () => (await readerState(page)).view.start).toBeGreaterThan(200_000)
  state = await readerState(page)
  expect(state.rendered).toBeLessThan(40)
  keys = paintedKeys(state)
  for (const c of overlapping(state.view.start, state.view.end)) {
    expect(keys.has(`${c.position.start}-${c.position.end}`), `claim at ${c.position.start}`).toBe(true)
  }
  const target = text.indexOf('Paragraph', state.view.start + 10)
  const quote = text.slice(target, text.indexOf('.', target) + 1)
  await page.evaluate(
    (at) =>
      [...document.querySelectorAll('[data-testid="reader-block"]')]
        .find((b) => Number((b as HTMLElement).dataset.start) === at)!
        .scrollIntoView({ block: 'center' }),
    target
  )
  const a = await pointAt(page, target)
  const b = await pointAt(page, target + quote.length - 1)
  await page.mouse.move(a.x - 3, a.y)
  await page.mouse.down()
  await page.mouse.move(b.x + 3, b.y, { steps: 6 })
  await page.mouse.up()
  let created = page.waitForResponse((r) => r.url().endsWith('/api/createClaim'))
  await page.keyboard.press('c')
  let made = (await (await created).json()).result.value as Made
  expect(text.slice(made.position.start, made.position.end)).toBe(quote)
  expect(made.position.start).toBe(target)
  await page.keyboard.press('Escape')
  await page.locator('body').click({ position: { x: 5, y: 5 } })

  // A drag whose start leaves the view: the anchor's row stays in the DOM and the claim is exact.
  const from = text.indexOf('Paragraph', state.view.start + 10)
  const start = await pointAt(page, from)
  await page.mouse.move(start.x - 3, start.y)
  await page.mouse.down()
  // The drag starts (as a user's does before the view scrolls), then the view scrolls far down.
  await page.mouse.move(start.x + 40, start.y + 2, { steps: 3 })
  await page.getByTestId('reader-scroller').evaluate((el) => (el.scrollTop += 2500))
  await expect.poll(async () => (await readerState(page)).view.start).toBeGreaterThan(from + 3000)
  state = await readerState(page)
  const to = text.indexOf('Paragraph', state.view.start + 10)
  const end = await pointAt(page, to + 'Paragraph'.length - 1)
  await page.mouse.move(end.x, end.y, { steps: 4 })
  await page.mouse.move(end.x + 2, end.y)
  await page.mouse.up()
  created = page.waitForResponse((r) => r.url().endsWith('/api/createClaim'))
  await page.keyboard.press('c')
  made = (await (await created).json()).result.value as Made
  expect(made.position).toEqual({ start: from, end: to + 'Paragraph'.length })
  await page.keyboard.press('Escape')

  // Keyboard: S selects the first sentence starting in view, C marks it.
  await page.locator('body').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('s')
  await expect(page.getByTestId('mark-claim')).toBeVisible()
  const selected = await page.evaluate(() => getSelection()!.toString())
  expect(selected).toMatch(/^[A-Z][^.]*\.$/)
  await shot('reader-keyboard-sentence')
  created = page.waitForResponse((r) => r.url().endsWith('/api/createClaim'))
  await page.keyboard.press('c')
  made = (await (await created).json()).result.value as Made
  expect(text.slice(made.position.start, made.position.end)).toBe(selected)
  await expect.poll(() => paintedClaims(page)).toContain(selected)

  // Reader settings: larger type and a wider column, remembered after a reload.
  await page.getByTestId('reader-settings').click()
  await page.getByTestId('reader-font-larger').click()
  await page.getByTestId('reader-font-larger').click()
  await page.getByTestId('reader-width-wide').click()
  await expect(page.getByTestId('reader-font-size')).toHaveText('20px')
  await shot('reader-settings-menu')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('reader-settings-menu')).toBeHidden()
  await page.reload()
  await expect(page.getByTestId('reader')).toHaveAttribute('data-rows', String(PARAGRAPHS))
  const fontSize = await page
    .getByTestId('reader-block')
    .nth(1)
    .evaluate((el) => getComputedStyle(el).fontSize)
  expect(fontSize).toBe('20px')
  await expect.poll(async () => (await readerState(page)).painted.length).toBeGreaterThan(0)
  await shot('reader-settings-larger')
})

test('a PDF shows its page breaks and the page in view', async ({ app }, testInfo) => {
  const page = app.page
  const paragraph = (n: number) => ({
    kind: 'paragraph' as const,
    text: `Section ${n} reports that the bridge at the river crossing was seen intact by observers on the morning of day ${n}, while later accounts from the same district describe it as damaged.`
  })
  const blocks = [
    { kind: 'heading' as const, text: 'Situation report' },
    ...Array.from({ length: 30 }, (_, i) => paragraph(i + 1))
  ]
  const dir = testInfo.outputPath('pdf')
  const { mkdir, writeFile } = await import('node:fs/promises')
  await mkdir(dir, { recursive: true })
  const file = `${dir}/report.pdf`
  await writeFile(file, reportPdf(blocks, { title: 'Situation report', runningHead: 'Situation report' }))
  await page.getByTestId('import-input').setInputFiles(file)
  await expect(page.getByTestId('document-item')).toHaveCount(1)
  await expect(page.getByTestId('page-break').first()).toBeVisible()
  const pages = await page
    .getByTestId('page-break')
    .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.pageStart))
  expect(pages.length).toBeGreaterThanOrEqual(2)
  expect(pages.slice(0, 2)).toEqual(['1', '2'])
  await expect(page.getByTestId('reader-page')).toHaveText(/^Page 1 of \d+$/)
  // The marker is drawn by CSS: the text of the blocks stays exactly the document's.
  const marker = await page
    .getByTestId('page-break')
    .nth(1)
    .evaluate((el) => getComputedStyle(el, '::before').content)
  expect(marker).toBe('"Page 2"')
  await page
    .getByTestId('page-break')
    .nth(1)
    .evaluate((el) => el.scrollIntoView({ block: 'start' }))
  await expect(page.getByTestId('reader-page')).toHaveText(/^Page 2 of \d+$/)
  // For the screenshot, the break mid-view.
  await page.getByTestId('reader-scroller').evaluate((el) => (el.scrollTop -= 300))
  const path = testInfo.outputPath('reader-pdf-pages.png')
  await page.screenshot({ path })
  await testInfo.attach('reader-pdf-pages', { path, contentType: 'image/png' })
})
