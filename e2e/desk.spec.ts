// A desk an analyst can work at all day: panes that scroll on their own, resize, fold and are
// remembered; the layout from 960×600 (and 150% zoom of it) up; virtualised lists that load as they
// scroll and that the keys walk past what is rendered; number keys, the command palette, the theme;
// and axe on every main view in both themes, with screenshots of each kept as artefacts.
import { writeFile } from 'node:fs/promises'
import type { Page, TestInfo } from '@playwright/test'
import { expectAccessible } from './axe'
import { expect, test } from './fixtures'
import { callApi, frame, mainViews, paneWidth, screenshot } from './ui'

const PARAGRAPHS = 40
const SENTENCES = 15
const SOURCES = ['Alder', 'Birch', 'Cedar', 'Damson', 'Elm', 'Fir', 'Gorse', 'Hazel', 'Ivy', 'Juniper', 'Larch']

const sentence = (p: number, s: number) => `Report ${p}.${s} says the convoy moved at dawn near the river crossing.`

/** A plain-text article: a title and PARAGRAPHS paragraphs of SENTENCES sentences each. */
async function article(testInfo: TestInfo, paragraphs: number): Promise<string> {
  const body = Array.from({ length: paragraphs }, (_, p) =>
    Array.from({ length: SENTENCES }, (_, s) => sentence(p + 1, s + 1)).join(' ')
  )
  const path = testInfo.outputPath('convoy-reports.txt')
  await writeFile(path, ['Convoy reports', ...body].join('\n\n'))
  return path
}

/**
 * Imports the article and marks every sentence as a claim, attributed so that the sources have
 * different claim counts (Alder the most) and every seventh claim is unattributed.
 */
async function caseWithClaims(page: Page, testInfo: TestInfo, paragraphs = PARAGRAPHS): Promise<number> {
  await page.getByTestId('import-input').setInputFiles(await article(testInfo, paragraphs))
  await expect(page.getByTestId('document-item')).toHaveCount(1)
  const overview = await callApi<{ documents: { id: string }[] }>(page, 'currentCase')
  const documentId = overview.documents[0].id
  const { text } = (await callApi<{ document: { text: string } }>(page, 'getDocument', documentId)).document
  const sourceIds: string[] = []
  for (const name of SOURCES)
    sourceIds.push((await callApi<{ value: { id: string } }>(page, 'createSource', { name })).value.id)
  let n = 0
  for (let p = 1; p <= paragraphs; p++) {
    await Promise.all(
      Array.from({ length: SENTENCES }, async (_, s) => {
        const quote = sentence(p, s + 1)
        const start = text.indexOf(quote)
        const i = (p - 1) * SENTENCES + s
        // Alder takes three of every thirteen claims, the others one each.
        const sourceId = i % 7 === 6 ? null : sourceIds[i % 13 < SOURCES.length ? i % 13 : 0]
        const claim = await callApi<{ value: { id: string } }>(page, 'createClaim', {
          documentId,
          start,
          end: start + quote.length
        })
        if (sourceId) await callApi(page, 'updateClaim', claim.value.id, { sourceId })
        n++
      })
    )
  }
  await page.reload()
  await expect(page.getByTestId('claim-count')).toHaveText(String(n))
  return n
}

/** Neither the window nor the document scrolls sideways or down: each pane scrolls on its own. */
async function expectNoWindowScroll(page: Page): Promise<void> {
  const { scrollWidth, scrollHeight, width, height } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    scrollHeight: document.documentElement.scrollHeight,
    width: innerWidth,
    height: innerHeight
  }))
  expect(scrollWidth).toBeLessThanOrEqual(width)
  expect(scrollHeight).toBeLessThanOrEqual(height)
}

test('virtualised lists load as they scroll, keys reach rows not rendered, 1–9 and the palette', async ({
  app
}, testInfo) => {
  test.setTimeout(300_000)
  const page = app.page
  await page.setViewportSize({ width: 1280, height: 800 })
  const total = await caseWithClaims(page, testInfo)

  // Only what is near the screen is in the DOM; the rest loads when scrolled to (once the list has drawn).
  await expect(page.getByTestId('claim-item').first()).toBeVisible()
  const rendered = await page.getByTestId('claim-item').count()
  expect(rendered).toBeGreaterThan(3)
  expect(rendered).toBeLessThan(100)
  const list = page.getByTestId('claims-list')
  await list.evaluate((el) => el.scrollTo({ top: el.scrollHeight }))
  await expect(page.getByTestId('claim-item').last()).toBeVisible()
  await expect(page.getByTestId('claim-loading')).toHaveCount(0)
  // The heading of the group at the top of the list stays in view while its rows scroll.
  await expect(page.getByTestId('claim-group-stuck')).toContainText('Unattributed')

  // J walks past the rendered rows and the first page: the 151st row is focused, loaded and in view.
  await list.evaluate((el) => el.scrollTo({ top: 0 }))
  // The first row is focused before the walk: a click landing while the list still settles after the
  // scroll can meet a group heading instead (then J would start from the top, one row short).
  await expect(async () => {
    await page.locator('#claim-row-0').click()
    await expect(list).toHaveAttribute('aria-activedescendant', 'claim-row-0', { timeout: 2000 })
  }).toPass()
  for (let i = 0; i < 150; i++) await page.keyboard.press('j')
  await expect(list).toHaveAttribute('aria-activedescendant', 'claim-row-150')
  await expect(page.locator('#claim-row-150')).toBeInViewport()
  await expect(page.locator('#claim-row-150')).toHaveAttribute('aria-selected', 'true')
  for (let i = 0; i < 10; i++) await page.keyboard.press('k')
  await expect(list).toHaveAttribute('aria-activedescendant', 'claim-row-140')

  // 1–9: the number of a source ranked by claim count attributes the focused claim to it.
  await page.getByTestId('help-button').click()
  const quick = page.getByTestId('quick-sources').locator('.quick')
  await expect(quick).toHaveCount(9)
  await expect(quick.first()).toHaveText('1 Alder')
  const second = (await quick.nth(1).textContent())!.replace(/^\s*2\s*/, '').trim()
  await page.keyboard.press('Escape')
  await page.getByTestId('claim-filter').fill('Report 40.3 says') // unattributed: the 588th claim
  await expect(page.getByTestId('claim-count')).toHaveText(`1 of ${total}`)
  await page.getByTestId('claim-item').click()
  await expect(page.getByTestId('claim-item')).toHaveAttribute('data-group', 'Unattributed')
  await page.keyboard.press('1')
  await expect(page.getByTestId('claim-item')).toHaveAttribute('data-group', 'Alder')
  await page.keyboard.press('2')
  await expect(page.getByTestId('claim-item')).toHaveAttribute('data-group', second)
  await page.getByTestId('claim-filter').fill('')

  // The command palette runs any action by name.
  await page.keyboard.press('Control+k')
  await page.getByTestId('palette-input').fill('claim editor')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('toggle-editor')).toHaveAttribute('aria-expanded', 'false')
  await page.keyboard.press('Control+j')
  await expect(page.getByTestId('toggle-editor')).toHaveAttribute('aria-expanded', 'true')

  // The composer's reporting list is virtualised too; ↓ walks it past what was rendered.
  await page.getByTestId('tab-briefings').click()
  await page.getByTestId('new-briefing-empty').click()
  await expect(page.getByTestId('reporting-count')).toHaveText(`${total} claims`)
  const reporting = page.getByTestId('reporting-claim')
  expect(await reporting.count()).toBeLessThan(100)
  const first = await reporting.first().getAttribute('data-row')
  await reporting.first().focus()
  for (let i = 0; i < 60; i++) await page.keyboard.press('ArrowDown')
  const focused = page.locator('[data-testid="reporting-claim"]:focus')
  await expect(focused).toBeInViewport()
  await expect(page.locator(`[data-row="${first}"]`)).toHaveCount(0)
  // Alt+↓ still moves the focused row, which keeps the focus.
  const moved = await focused.getAttribute('data-claim-id')
  await page.keyboard.press('Alt+ArrowDown')
  await expect(page.getByTestId('reporting-choose')).toHaveAttribute('aria-pressed', 'true')
  await expect(page.locator('[data-testid="reporting-claim"]:focus')).toHaveAttribute('data-claim-id', moved!)
})

test('panes scroll on their own, resize, fold and are remembered, from 960×600 (and 150% zoom) up', async ({
  app
}, testInfo) => {
  test.setTimeout(300_000)
  const page = app.page
  await page.setViewportSize({ width: 1280, height: 800 })
  await caseWithClaims(page, testInfo, 6)
  await expectNoWindowScroll(page)

  // The Briefings tab scrolls inside the composer; wheeling over the preview never moves the window.
  await page.getByTestId('tab-briefings').click()
  await page.getByTestId('new-briefing-empty').click()
  await expect(page.getByTestId('composer')).toBeVisible()
  await expectNoWindowScroll(page)
  const preview = (await page.getByTestId('briefing-preview').boundingBox())!
  await page.mouse.move(preview.x + preview.width / 2, preview.y + preview.height / 2)
  for (let i = 0; i < 10; i++) await page.mouse.wheel(0, 800)
  await frame(page)
  expect(await page.evaluate(() => scrollY)).toBe(0)
  expect((await page.locator('header.topbar').boundingBox())!.y).toBe(0)
  await page.getByTestId('tab-documents').click()

  // Drag the left splitter; arrows on the right one; both survive a reload.
  const left = await paneWidth(page, 'left')
  const handle = (await page.getByTestId('split-left').boundingBox())!
  await page.mouse.move(handle.x + handle.width / 2, handle.y + 200)
  await page.mouse.down()
  await page.mouse.move(handle.x + handle.width / 2 + 80, handle.y + 200, { steps: 5 })
  await page.mouse.up()
  expect(await paneWidth(page, 'left')).toBeCloseTo(left + 80, -1)
  const right = await paneWidth(page, 'right')
  await page.getByTestId('split-right').focus()
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('ArrowLeft')
  expect(await paneWidth(page, 'right')).toBe(right + 32)
  // The editor's share of the right pane.
  await page.getByTestId('claim-item').first().click()
  const editorBefore = (await page.locator('#claim-editor-pane').boundingBox())!.height
  await page.getByTestId('split-editor').focus()
  await page.keyboard.press('Shift+ArrowDown')
  const editorAfter = (await page.locator('#claim-editor-pane').boundingBox())!.height
  expect(editorAfter).toBeLessThan(editorBefore)
  await page.reload()
  await expect(page.getByTestId('claim-count')).toBeVisible()
  expect(await paneWidth(page, 'left')).toBeCloseTo(left + 80, -1)
  expect(await paneWidth(page, 'right')).toBe(right + 32)

  // Fold and reopen: buttons, keys, and the rails.
  await page.getByTestId('toggle-left').click()
  await expect(page.getByTestId('open-left')).toBeVisible()
  await page.keyboard.press('Control+b')
  await expect(page.getByTestId('tab-documents')).toBeVisible()
  await page.getByTestId('fold-right').click()
  await expect(page.getByTestId('open-right')).toBeVisible()
  await page.reload()
  await expect(page.getByTestId('open-right')).toBeVisible()
  await page.getByTestId('open-right').click()
  await expect(page.getByTestId('claims-list')).toBeVisible()

  // Small windows: nothing clipped or scrolling sideways, the centre keeps its room.
  for (const [width, height] of [
    [960, 600],
    [640, 400] // 960×600 at 150% zoom
  ]) {
    await page.setViewportSize({ width, height })
    await frame(page)
    await expectNoWindowScroll(page)
    const pane = (await page.getByTestId('pane-right').boundingBox())!
    expect(pane.x + pane.width).toBeLessThanOrEqual(width)
    await expect(page.getByTestId('claims-list')).toBeInViewport()
    await expect(page.getByTestId('reader')).toBeInViewport()
    await page.screenshot({ path: testInfo.outputPath(`layout-${width}x${height}.png`) })
  }
})

for (const theme of ['light', 'dark'] as const) {
  test(`every main view passes axe in the ${theme} theme, screenshots at 1280×800 and 960×600`, async ({
    app
  }, testInfo) => {
    test.setTimeout(300_000)
    const page = app.page
    await page.setViewportSize({ width: 1280, height: 800 })
    await caseWithClaims(page, testInfo, 3)
    await page.getByTestId('theme-select').selectOption(theme)
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
    await page.reload()
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
    for (const [width, height] of [
      [1280, 800],
      [960, 600]
    ]) {
      await page.setViewportSize({ width, height })
      for (const view of mainViews('convoy moved')) {
        await view.open(page)
        await frame(page)
        await screenshot(page, testInfo, `${theme} ${width}x${height} ${view.name}`)
        await expectAccessible(page, `${view.name}, ${theme}, ${width}×${height}`, testInfo)
        if (await page.locator('dialog[open]').count()) await page.keyboard.press('Escape')
        await expect(page.locator('dialog[open]')).toHaveCount(0)
      }
    }
  })
}
