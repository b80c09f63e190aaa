// Two windows on one case (two browser tabs on one backend): each shows what the other changes,
// without a reload, and undo in one is seen in the other.
import { writeFile } from 'node:fs/promises'
import { expect, test } from './fixtures'
import { callApi } from './ui'

test('a change made in one window shows in the other without a reload', async ({ app }, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'the Electron driver opens one window; a second is a browser tab')
  const first = app.page
  const second = await first.context().newPage()
  const token = await first.evaluate(() => sessionStorage.getItem('claimdesk-token'))
  await second.goto(`${new URL(first.url()).origin}/?token=${token}`)
  await expect(second.getByTestId('document-item')).toHaveCount(0)

  const file = testInfo.outputPath('port-report.txt')
  await writeFile(file, 'Port report\n\nThe harbour master said 31 ships were waiting off Kessling.\n')
  await first.getByTestId('import-input').setInputFiles(file)
  await expect(first.getByTestId('document-item')).toHaveCount(1)
  await expect(second.getByTestId('document-item')).toHaveCount(1)

  const { documents } = await callApi<{ documents: { id: string }[] }>(first, 'currentCase')
  const quote = '31 ships were waiting off Kessling'
  const start = 'Port report\n\nThe harbour master said '.length
  await callApi(second, 'createClaim', { documentId: documents[0].id, start, end: start + quote.length })
  await expect(first.getByTestId('claim-count')).toHaveText('1')
  await second.getByTestId('document-item').first().click()
  await expect(second.getByTestId('claim-count')).toHaveText('1')

  await first.keyboard.press('Control+z')
  await expect(first.getByTestId('claim-count')).toHaveText('0')
  await expect(second.getByTestId('claim-count')).toHaveText('0')
  await second.close()
})
