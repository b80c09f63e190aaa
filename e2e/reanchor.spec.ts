// Claims following an article's new version, through the real UI against the real backend: mark
// claims on the first version, import the second, re-anchor, check changed wording, re-attach the orphan.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { paintedClaims, rangeSelect } from './ui'

const v1 = [
  'Blockade Tightens on the Sarn',
  'The minister said at least 40 ships were held at the narrows.',
  'A navy spokesman said fewer than 25 ships were waiting, the agency reported.',
  'Fishermen said the coast guard had recieved orders to search every vessel.'
].join('\n\n')
const v2 = [
  'Blockade Tightens on the Sarn',
  'Updated at noon with comment from the harbour master.',
  'The minister said at least 40 ships were held at the narrows.',
  'Fishermen said the coast guard had received orders to search every vessel.'
].join('\n\n')

test('re-anchor claims onto a new version, accept changed wording, re-attach an orphan', async ({ app }, testInfo) => {
  const page = app.page
  const shot = async (name: string) => {
    const path = testInfo.outputPath(`${name.replace(/\W+/g, '-')}.png`)
    await page.screenshot({ path })
    await testInfo.attach(name, { path, contentType: 'image/png' })
  }
  await writeFile(join(app.home, 'sarn.txt'), v1)
  await writeFile(join(app.home, 'sarn-v2.txt'), v2)

  await page.getByTestId('import-input').setInputFiles(join(app.home, 'sarn.txt'))
  await expect(page.getByTestId('document-item')).toHaveCount(1)
  for (const quote of ['at least 40 ships', 'fewer than 25 ships were waiting', 'had recieved orders']) {
    await rangeSelect(page, quote)
    await page.keyboard.press('c')
    await expect(page.getByTestId('claim-quote')).toHaveText(quote)
    await page.keyboard.press('Escape')
  }
  await expect(page.getByTestId('claim-item')).toHaveCount(3)

  await page.getByTestId('import-input').setInputFiles(join(app.home, 'sarn-v2.txt'))
  await expect(page.getByTestId('document-item')).toHaveCount(2)
  await page.getByTestId('document-item').nth(1).click()
  await expect(page.getByTestId('reader')).toContainText('harbour master')
  await page.getByTestId('show-provenance').click()
  await expect(page.getByTestId('reanchor-waiting')).toHaveText('3 claims on the earlier version')
  await page.getByTestId('reanchor-button').click()
  await expect(page.getByTestId('reanchor-outcome')).toContainText(
    'Re-anchored 3 claims: 0 in place, 1 moved, 1 with changed wording to check, 1 orphaned'
  )
  await expect(page.getByTestId('claim-item')).toHaveCount(2)
  await expect(page.getByTestId('orphan')).toHaveCount(1)
  await shot('re-anchored')

  await page.getByTestId('claim-item').filter({ hasText: 'had received orders' }).click()
  await expect(page.getByTestId('anchor-was')).toHaveText('had recieved orders')
  await expect(page.getByTestId('anchor-now')).toHaveText('had received orders')
  await shot('changed wording')
  await page.getByTestId('accept-anchor').click()
  await expect(page.getByTestId('anchor-changed')).toHaveCount(0)

  await rangeSelect(page, 'harbour master')
  await page.getByTestId('reattach').click()
  await expect(page.getByTestId('orphaned-claims')).toHaveCount(0)
  await expect(page.getByTestId('claim-item')).toHaveCount(3)
  await expect(page.getByTestId('claim-quote')).toHaveText('harbour master')
  await expect.poll(async () => (await paintedClaims(page)).length).toBe(3)
  await shot('orphan re-attached')
})
