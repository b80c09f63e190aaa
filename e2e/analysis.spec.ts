// The second pair of eyes, through the real UI and backend on the article the project ships: the
// suggestion queue (dashed in the reader; Enter, Backspace, A, Shift+Enter; Undo), the engine's
// proposal of one conflict set for three diverging ship counts, confirmed in the Conflicts tab, and
// the briefing printing that set once, side by side, in the preview and the Markdown export.
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { expect, readText, test } from './fixtures'

const article = join(__dirname, '../resources/sample/article.md')
const TOPIC = 'ships held'

/** How many ranges the reader paints as suggestions (the active one included). */
function paintedSuggestions(page: Page): Promise<number> {
  return page.evaluate(() =>
    [...CSS.highlights].filter(([name]) => name.startsWith('cd-suggestion')).reduce((n, [, h]) => n + h.size, 0)
  )
}

test('suggested claims, a conflict set of three proposed and confirmed, printed once in the briefing', async ({
  app
}, testInfo) => {
  const page = app.page
  const shot = async (name: string) => {
    const path = testInfo.outputPath(`${name.replace(/\W+/g, '-')}.png`)
    await page.screenshot({ path })
    await testInfo.attach(name, { path, contentType: 'image/png' })
  }
  const claims = page.getByTestId('claim-item')
  const queue = page.getByTestId('suggestion-list')
  const suggestion = (text: string): Locator => page.getByTestId('suggestion').filter({ hasText: text }).first()

  await page.getByTestId('import-input').setInputFiles(article)
  await expect(page.getByTestId('document-item')).toHaveCount(1)
  // The engine reads the article when it opens: the queue fills and the reader shows them dashed.
  await expect.poll(() => page.getByTestId('suggestion').count()).toBeGreaterThanOrEqual(10)
  const offered = await page.getByTestId('suggestion').count()
  await expect.poll(() => paintedSuggestions(page)).toBeGreaterThan(0)
  await expect(page.getByTestId('suggestion-outline').first()).toBeVisible()
  await shot('suggestions in the queue and the reader')

  // Enter accepts the active one; Backspace rejects the next; neither touches anything else.
  await queue.focus()
  await page.keyboard.press('Enter')
  await expect(claims).toHaveCount(1)
  await page.keyboard.press('Backspace')
  await expect(page.getByTestId('restore-rejected')).toHaveText('1 rejected')
  await expect(claims).toHaveCount(1)
  await expect(page.getByTestId('suggestion')).toHaveCount(offered - 2)

  // A: every suggestion of one speaker at once, one change that Undo takes back.
  await suggestion('Piet Arnholm').click()
  await queue.focus()
  const his = await page.getByTestId('suggestion').filter({ hasText: 'Piet Arnholm' }).count()
  expect(his).toBeGreaterThanOrEqual(2)
  await page.keyboard.press('a')
  await expect(claims).toHaveCount(1 + his)
  await expect(page.getByTestId('claim-group-head').filter({ hasText: 'Piet Arnholm' })).toHaveCount(1)
  await page.keyboard.press('Control+z')
  await expect(claims).toHaveCount(1)
  await expect(page.getByTestId('suggestion').filter({ hasText: 'Piet Arnholm' })).toHaveCount(his)

  // Three ship counts, accepted with Shift+Enter (the editor opens on each) and tagged with one topic.
  for (const figure of ['fewer than 25 vessels', '31 merchant ships', '40 cargo ships']) {
    await suggestion(figure).click()
    await queue.focus()
    await page.keyboard.press('Shift+Enter')
    await expect(page.getByTestId('claim-quote')).toContainText(figure)
    await page.getByTestId('tag-input').fill(TOPIC)
    await page.getByTestId('tag-input').press('Enter')
    await expect(page.getByTestId('save-state')).toHaveText('✓ Saved')
  }
  await expect(claims).toHaveCount(4)

  // The engine proposes one set of the three; the analyst confirms it.
  await page.getByTestId('tab-conflicts').click()
  const proposal = page
    .locator('[data-testid="conflict-item"][data-key^="proposal:"]')
    .filter({ hasText: TOPIC })
    .filter({ hasText: '3 claims · figures disagree' })
  await expect(proposal).toHaveCount(1)
  await proposal.click()
  await expect(page.getByTestId('comparison-claim')).toHaveCount(3)
  await shot('a proposed conflict set')
  await page.getByTestId('confirm-proposal').click()
  await expect(page.getByTestId('set-status-confirmed')).toHaveAttribute('aria-checked', 'true')
  await expect(page.locator('[data-testid="conflict-item"][data-key^="set:"]').filter({ hasText: TOPIC })).toHaveCount(
    1
  )

  // A briefing prints it once, the three claims side by side.
  await page.getByTestId('tab-briefings').click()
  await page.getByTestId('new-briefing-empty').click()
  await page.getByTestId('composer-title').fill('Ships held on the Sarn')
  await expect(page.getByTestId('composer-conflicting').locator('.comparison')).toHaveCount(1)
  const preview = page.frameLocator('[data-testid="briefing-preview"]')
  await expect(preview.locator('#conflicting .comparison')).toHaveCount(1)
  await expect(preview.locator('#conflicting .side')).toHaveCount(3)
  await expect(preview.locator('#conflicting .comparison-head')).toHaveText(`1. ${TOPIC}: figures disagree`)
  await expect(page.getByTestId('briefing-save-state')).toHaveText('✓ Saved')
  await shot('the set in the briefing')

  await page.getByTestId('composer-export').click()
  await page.getByTestId('export-format').selectOption('md')
  const md = await readText(await app.saveExport(() => page.getByTestId('export-submit').click()))
  const conflicting = md.slice(
    md.indexOf('## Conflicting reporting'),
    md.indexOf('\n## ', md.indexOf('## Conflicting'))
  )
  expect(conflicting.match(/^### /gm)).toHaveLength(1)
  // Each claim quoted once (the set's explanation names the figures too).
  const quoted = conflicting.split('\n').filter((line) => line.startsWith('>'))
  for (const figure of ['fewer than 25 vessels', '31 merchant ships', '40 cargo ships'])
    expect(quoted.filter((line) => line.includes(figure))).toHaveLength(1)
})

test('claims picked in the list take a topic at once and become a set made by hand', async ({ app }) => {
  const page = app.page
  const claims = page.getByTestId('claim-item')
  await page.getByTestId('import-input').setInputFiles(article)
  await expect.poll(() => page.getByTestId('suggestion').count()).toBeGreaterThanOrEqual(3)
  await page.getByTestId('suggestion-list').focus()
  for (let n = 1; n <= 3; n++) {
    await page.keyboard.press('Enter')
    await expect(claims).toHaveCount(n)
  }

  // The list gets the room of the suggestions and the editor.
  await page.getByTestId('toggle-suggestions').click()
  await page.getByTestId('toggle-editor').click()
  // Click the first, Shift-click the last: all three are picked.
  await claims.nth(0).click()
  await claims.nth(2).click({ modifiers: ['Shift'] })
  await expect(page.getByTestId('selection-count')).toHaveText('3 selected')
  await expect(page.locator('[data-testid="claim-item"][aria-checked="true"]')).toHaveCount(3)
  await page.getByTestId('selection-add-topic').fill('picked together')
  await page.getByTestId('selection-add-topic').press('Enter')
  await expect(claims.filter({ hasText: '#picked together' })).toHaveCount(3)

  // Ctrl-click puts one back; the other two become a set.
  await claims.nth(1).click({ modifiers: ['Control'] })
  await expect(page.getByTestId('selection-count')).toHaveText('2 selected')
  await page.getByTestId('selection-make-set').click()
  await expect(page.getByTestId('tab-conflicts')).toHaveAttribute('aria-selected', 'true')
  await page.getByTestId('draft-subject').fill('two picked claims')
  await page.getByTestId('save-draft').click()
  await expect(
    page.locator('[data-testid="conflict-item"][data-key^="set:"]').filter({ hasText: 'two picked claims' })
  ).toHaveCount(1)

  // Esc in the list puts the rest back; one undo takes the set away, the next the topic.
  await page.getByTestId('claims-list').focus()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('selection-bar')).toHaveCount(0)
  await page.keyboard.press('Control+z')
  await expect(page.locator('[data-testid="conflict-item"][data-key^="set:"]')).toHaveCount(0)
  await page.keyboard.press('Control+z')
  await expect(claims.filter({ hasText: '#picked together' })).toHaveCount(0)
})
