// Issue 4 through the real UI and backend: mark claims in the seed article, link two conflicting
// ones, compose a briefing (heading, bottom line, a key judgment citing claims by search and by
// drag, reporting reordered by keyboard, information gaps), find it again after a reload, and
// export it in every format through the export dialog, checking each file.
import { readFileSync } from 'node:fs'
import { Parser } from 'commonmark'
import { expect, needsShared, test } from './fixtures'
import { gold, seed } from './gold'
import { chooseSource, rangeSelect } from './ui'

needsShared('briefing.spec')

// Territory lost (General Staff source via Reuters) and the three conflicting troop figures.
const CHOSEN = ['c03', 'c06', 'c08', 'c09']
const JUDGMENT =
  'Russia very likely has between 45,000 and 60,000 troops in Kursk; the reported figures differ by source and date.'
const TITLE = 'Kursk: Russian troop strength'
const HANDLING = 'UNCLASSIFIED // FOR TRAINING'
const GAPS = 'No independent count of Russian troops; the dates of the three estimates are unclear.'

/** The plain text of a CommonMark document (what a reader sees). */
function markdownText(markdown: string): string {
  let out = ''
  const walker = new Parser().parse(markdown).walker()
  for (let e = walker.next(); e; e = walker.next()) {
    if (!e.entering) continue
    if (e.node.type === 'text' || e.node.type === 'code') out += e.node.literal ?? ''
    else if (e.node.type === 'softbreak' || e.node.type === 'linebreak' || e.node.type === 'paragraph') out += ' '
  }
  return out.replace(/\s+/g, ' ')
}

/** RFC 4180 records (quoted fields may hold commas, quotes and line breaks). */
function csvRecords(text: string): string[][] {
  const records: string[][] = []
  let field = ''
  let record: string[] = []
  let quoted = false
  const body = text.replace(/^\uFEFF/, '')
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      record.push(field)
      field = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++
      record.push(field)
      records.push(record)
      record = []
      field = ''
    } else field += ch
  }
  if (field !== '' || record.length > 0) records.push([...record, field])
  return records
}

test('compose a briefing with judgments, linked conflicting claims and gaps, then export every format', async ({
  app
}, testInfo) => {
  const { claims, sources } = gold(CHOSEN)
  const page = app.page
  const shot = async (name: string) => {
    const path = testInfo.outputPath(`${name.replace(/\W+/g, '-')}.png`)
    await page.screenshot({ path })
    await testInfo.attach(name, { path, contentType: 'image/png' })
  }

  // Claims, marked in the reader as a user does.
  await page.getByTestId('import-input').setInputFiles(seed)
  await expect(page.getByTestId('reader-block').first()).toContainText('Russian and North Korean Troops')
  for (const claim of claims) {
    await rangeSelect(page, claim.quote)
    await page.getByTestId('mark-claim').click()
    await expect(page.getByTestId('claim-quote')).toHaveText(claim.quote)
    const speaker = sources.get(claim.source)!
    await chooseSource(page, 'source-input', speaker.name, speaker.kind)
    for (const relay of claim.via.map((id) => sources.get(id)!))
      await chooseSource(page, 'via-input', relay.name, relay.kind)
    await expect(page.getByTestId('save-state')).toHaveText('✓ Saved')
  }
  await expect(page.getByTestId('claim-item')).toHaveCount(claims.length)

  // Link the "just under 60,000" and "roughly 45,000" figures as contradicting.
  const [, sixty, , fortyFive] = claims
  await page.getByTestId('claim-item').filter({ hasText: sixty.quote }).click()
  await page.getByTestId('add-link').click()
  await page.getByTestId('link-picker-search').fill('45,000')
  await page.getByTestId('link-picker-search').press('Enter')
  await page.getByTestId('link-note').fill('Three figures for one quantity')
  await page.getByTestId('link-add').click()
  await expect(page.getByTestId('claim-link')).toContainText('roughly 45,000')
  await shot('claim linked')

  // A briefing, composed in the Briefings view.
  await page.getByTestId('tab-briefings').click()
  await page.getByTestId('new-briefing-empty').click()
  await page.getByTestId('composer-title').fill(TITLE)
  await page.getByTestId('composer-handling').fill(HANDLING)
  await page.getByTestId('composer-author').fill('E2E analyst')
  await page
    .getByTestId('composer-bottom-line')
    .fill('Russia has likely massed enough troops in Kursk to retake the salient.')
  await page.getByTestId('add-judgment').click()
  const judgment = page.getByTestId('judgment')
  // The estimative-language check speaks up while writing, and quiets when the wording is fixed.
  await judgment
    .getByTestId('judgment-text')
    .fill('We have high confidence that a counteroffensive is highly probable.')
  await expect(judgment.getByTestId('estimative-warning')).toHaveCount(2)
  await expect(judgment.getByTestId('estimative-warning').first()).toContainText('Use one scale throughout a product')
  await judgment.getByTestId('judgment-text').fill(JUDGMENT)
  await expect(judgment.getByTestId('estimative-warning')).toHaveCount(0)
  await judgment.getByTestId('confidence-moderate').click()
  // Cite one claim through the picker, one by dragging it from the claims list.
  await judgment.getByTestId('cite-claims').click()
  await page.getByTestId('claim-picker-search').fill('60,000')
  await page.getByTestId('claim-picker-search').press('Enter')
  await page.getByTestId('claim-picker-search').press('Escape')
  await page.getByTestId('tab-claims').click()
  await page.getByTestId('scope-case').click()
  await page.getByTestId('claim-item').filter({ hasText: fortyFive.quote }).dragTo(judgment)
  await expect(judgment.getByTestId('cited-claim')).toHaveCount(2)
  await page.getByTestId('tab-preview').click()

  // Reporting: move the "60,000" claim above "40 percent" inside the General Staff source's group.
  const row = page.getByTestId('reporting-claim').filter({ hasText: sixty.quote })
  await row.focus()
  await page.keyboard.press('Alt+ArrowUp')
  await expect(page.getByTestId('reporting-choose')).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByTestId('reporting-claim').first()).toContainText(sixty.quote)
  await expect(page.getByTestId('reporting-claim').first()).toBeFocused()

  await page.getByTestId('composer-gaps').fill(GAPS)
  await expect(page.getByTestId('composer-conflicting')).toContainText('Three figures for one quantity')
  await expect(page.getByTestId('briefing-save-state')).toHaveText('✓ Saved')
  const preview = page.frameLocator('[data-testid="briefing-preview"]')
  await expect(preview.locator('h1')).toHaveText(TITLE)
  await expect(preview.locator('#key-judgments')).toContainText(JUDGMENT)
  await expect(preview.locator('#conflicting .side')).toHaveCount(2)
  await shot('composer and preview')

  // Everything is in the case: a reload shows the same briefing.
  await page.reload()
  await page.getByTestId('tab-briefings').click()
  await expect(page.getByTestId('composer-title')).toHaveValue(TITLE)
  await expect(page.getByTestId('composer-handling')).toHaveValue(HANDLING)
  await expect(page.getByTestId('judgment-text')).toHaveValue(JUDGMENT)
  await expect(page.getByTestId('confidence-moderate')).toHaveAttribute('aria-checked', 'true')
  await expect(page.getByTestId('cited-claim')).toHaveCount(2)
  await expect(page.getByTestId('composer-gaps')).toHaveValue(GAPS)
  await expect(page.getByTestId('reporting-claim').first()).toContainText(sixty.quote)

  // Every format, through the export dialog.
  const files: Record<string, string> = {}
  for (const format of ['md', 'html', 'pdf', 'docx', 'csv', 'jsonld']) {
    await page.getByTestId('composer-export').click()
    await page.getByTestId('export-format').selectOption(format)
    if (format === 'md') await shot('export dialog')
    files[format] = await app.saveExport(() => page.getByTestId('export-submit').click())
    await expect(page.getByTestId('export-dialog')).toHaveCount(0)
    await testInfo.attach(`briefing.${format}`, { path: files[format] })
  }

  const md = readFileSync(files.md, 'utf8')
  const mdText = markdownText(md)
  expect(mdText).toContain(TITLE)
  expect(mdText).toContain(JUDGMENT)
  expect(mdText).toContain(GAPS)
  for (const claim of claims) expect(mdText).toContain(claim.quote)
  expect(mdText.indexOf(sixty.quote)).toBeLessThan(mdText.indexOf(claims[0].quote))

  const html = readFileSync(files.html, 'utf8')
  expect(html).not.toMatch(/<script/i)
  expect(html).toContain(`<h1>${TITLE}</h1>`)
  expect(html).toContain('UNCLASSIFIED // FOR TRAINING')
  expect(html).toContain('id="conflicting"')

  const csv = csvRecords(readFileSync(files.csv, 'utf8'))
  expect(csv.length - 1).toBe(claims.length)
  const quoteColumn = csv[0].findIndex((h) => /quote/i.test(h))
  expect(
    csv
      .slice(1)
      .map((r) => r[quoteColumn])
      .sort()
  ).toEqual(claims.map((c) => c.quote).sort())

  const jsonld = JSON.parse(readFileSync(files.jsonld, 'utf8'))
  const annotations = jsonld.first.items as { type: string; target: { selector: { type: string; exact?: string }[] } }[]
  expect(annotations).toHaveLength(claims.length)
  expect(annotations.every((a) => a.type === 'Annotation')).toBe(true)
  const exacts = annotations.map((a) => a.target.selector.find((s) => s.type === 'TextQuoteSelector')!.exact)
  expect(exacts.sort()).toEqual(claims.map((c) => c.quote).sort())

  const docx = readFileSync(files.docx)
  expect(docx.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004')
  expect(docx.includes(Buffer.from('word/document.xml'))).toBe(true)

  const pdf = readFileSync(files.pdf)
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  await shot('after exports')
})
