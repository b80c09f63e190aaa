// The acceptance path, driven through the real UI against the real backend on an article the
// project ships (the sample's, so it runs wherever the repository does): import it, mark claims by
// selecting their text, attribute them (speakers, a relay, topics), find them again after a reload
// and a restart, export the Markdown briefing and check each source's group holds its quotes.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Parser, type Node as MdNode } from 'commonmark'
import { expect, readText, test } from './fixtures'
import { chooseSource, claimRow, dragSelect, paintedClaims, rangeSelect } from './ui'

const sampleDir = join(__dirname, '../resources/sample')
const article = join(sampleDir, 'article.md')
interface SampleSpec {
  sources: { key: string; name: string; kind: string }[]
  claims: { quote: string; occurrence: number; source: string; via: string[]; tags: string[] }[]
}
const spec = JSON.parse(readFileSync(join(sampleDir, 'case.json'), 'utf8')) as SampleSpec

/** The sample's marked claims (those whose quote is its first occurrence), as gold: quote, speaker, relays, topic. */
function gold() {
  const sources = new Map(spec.sources.map((s) => [s.key, s]))
  const claims = spec.claims
    .filter((c) => c.occurrence === 1)
    .map((c, i) => ({ id: `s${i}`, quote: c.quote, source: c.source, via: c.via, topic: c.tags[0] }))
  return { claims, sources }
}

/** The Markdown's reporting section as { group heading: [quotes] }. */
function reportingGroups(markdown: string): Map<string, string[]> {
  const text = (node: MdNode): string => {
    let out = ''
    const walker = node.walker()
    for (let e = walker.next(); e; e = walker.next()) {
      if (!e.entering) continue
      if (e.node.type === 'text' || e.node.type === 'code') out += e.node.literal ?? ''
      else if (e.node.type === 'softbreak' || e.node.type === 'linebreak') out += ' '
    }
    return out
  }
  const groups = new Map<string, string[]>()
  let inReporting = false
  let current: string[] | null = null
  for (let node = new Parser().parse(markdown).firstChild; node; node = node.next) {
    if (node.type === 'heading' && node.level === 2) {
      inReporting = text(node).startsWith('Reporting')
      current = null
    } else if (inReporting && node.type === 'heading' && node.level === 3) {
      current = []
      groups.set(text(node), current)
    } else if (current && node.type === 'block_quote') {
      current.push(text(node))
    }
  }
  return groups
}

test('import, mark claims by selection, attribute them, survive reload and restart, export Markdown', async ({
  app
}, testInfo) => {
  const { claims, sources } = gold()
  const nameOf = (id: string) => sources.get(id)!.name
  let page = app.page
  // Kept in test-results/ and attached to the report.
  const shot = async (name: string) => {
    const path = testInfo.outputPath(`${name.replace(/\W+/g, '-')}.png`)
    await page.screenshot({ path })
    await testInfo.attach(name, { path, contentType: 'image/png' })
  }

  await page.getByTestId('import-input').setInputFiles(article)
  await expect(page.getByTestId('document-item')).toHaveCount(1)
  await expect(page.getByTestId('reader-block').first()).toContainText('Estrava tightens grip on lower Sarn')

  for (const [i, claim] of claims.entries()) {
    // Alternate the ways a user selects and marks: mouse drag + button, keyboard-style range + C key.
    if (i % 2 === 0) await dragSelect(page, claim.quote)
    else await rangeSelect(page, claim.quote)
    const mark = page.getByTestId('mark-claim')
    await expect(mark).toBeVisible()
    if (i % 2 === 0) await mark.click()
    else await page.keyboard.press('c')

    await expect(page.getByTestId('claim-quote')).toHaveText(claim.quote)
    await expect(page.getByTestId('source-input')).toBeFocused()
    const speaker = sources.get(claim.source)!
    await chooseSource(page, 'source-input', speaker.name, speaker.kind)
    await expect(page.getByTestId('source-input')).toHaveValue(speaker.name)
    for (const relay of claim.via.map((id) => sources.get(id)!)) {
      await chooseSource(page, 'via-input', relay.name, relay.kind)
      await expect(page.getByTestId('via-chip').filter({ hasText: relay.name })).toBeVisible()
    }
    await page.getByTestId('tag-input').fill(claim.topic)
    await page.getByTestId('tag-input').press('Enter')
    await expect(page.getByTestId('tag-input-chip').filter({ hasText: claim.topic })).toBeVisible()
    await expect(page.getByTestId('save-state')).toHaveText('✓ Saved')
  }
  await expect(page.getByTestId('claim-count')).toHaveText(String(claims.length))
  await shot('claims marked')

  const expectAllClaims = async () => {
    await expect(page.getByTestId('claim-count')).toHaveText(String(claims.length))
    for (const claim of claims) {
      // under its source's group heading (the list is virtualised: scrolled to until rendered)
      const item = await claimRow(page, claim.quote)
      await expect(item).toHaveCount(1)
      await expect(item).toHaveAttribute('data-group', nameOf(claim.source))
      for (const relay of claim.via) await expect(item).toContainText(`via ${nameOf(relay)}`)
      await expect(item).toContainText(`#${claim.topic}`)
    }
    // every claim is painted in the reader
    await expect.poll(() => paintedClaims(page)).toEqual(claims.map((c) => c.quote).sort())
  }

  await page.reload()
  await expectAllClaims()
  await app.restart()
  page = app.page
  await expectAllClaims()
  await shot('after reload and restart')

  await page.getByTestId('export-button').click()
  await page.getByTestId('briefing-title').fill('Sarn: ships held at Kessling')
  await page.getByTestId('briefing-bottom-line').fill('Inspections hold most grain ships; the counts conflict.')
  await page.getByTestId('export-format').selectOption('md')
  await shot('export dialog')
  const file = await app.saveExport(() => page.getByTestId('export-submit').click())
  const markdown = await readText(file)
  await testInfo.attach('briefing.md', { path: file, contentType: 'text/markdown' })

  expect(markdown).toContain('# Sarn: ships held at Kessling')
  expect(markdown).toContain('Inspections hold most grain ships; the counts conflict.')
  const groups = reportingGroups(markdown)
  const speakers = [...new Set(claims.map((c) => c.source))]
  expect(speakers.length).toBeGreaterThanOrEqual(4)
  for (const speaker of speakers) {
    const heading = [...groups.keys()].find((h) => h.includes(nameOf(speaker)))
    expect(heading, `a group for ${nameOf(speaker)} in:\n${[...groups.keys()].join('\n')}`).toBeDefined()
    const quotes = groups.get(heading!)!
    const expected = claims.filter((c) => c.source === speaker).map((c) => c.quote)
    expect(quotes.sort()).toEqual(expected.sort())
  }
})
