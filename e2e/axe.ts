// Accessibility checks for the specs: axe-core on what the page shows, failing on any serious or
// critical finding, with the full report attached to the test.
import AxeBuilder from '@axe-core/playwright'
import { expect, type Page, type TestInfo } from '@playwright/test'

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']

/**
 * Runs axe (WCAG 2.x A and AA, and best practices) over the page; no serious or critical finding
 * passes. The briefing preview is a sandboxed frame in which nothing may run (axe would wait on it
 * for ever): its document, the HTML export itself, is checked on a page of its own.
 */
export async function expectAccessible(page: Page, view: string, testInfo: TestInfo): Promise<void> {
  const preview = page.getByTestId('briefing-preview')
  if (await preview.isVisible()) {
    const html = await preview.getAttribute('srcdoc')
    if (html) {
      const own = await page.context().newPage()
      try {
        await own.setContent(html)
        await check(own, `${view}: the preview (HTML export)`, testInfo)
      } finally {
        await own.close()
      }
    }
  }
  await check(page, view, testInfo, '[data-testid="briefing-preview"]')
}

async function check(page: Page, view: string, testInfo: TestInfo, exclude?: string): Promise<void> {
  const builder = new AxeBuilder({ page }).withTags(TAGS)
  if (exclude) builder.exclude(exclude)
  const results = await builder.analyze()
  await testInfo.attach(`axe ${view}`, {
    body: JSON.stringify(results.violations, null, 2),
    contentType: 'application/json'
  })
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  expect(serious, `axe on ${view}`).toEqual([])
}
