// An analyst's hour through the real UI and backend (issue 9's "Done when"), on two articles the
// repository holds (the sample and a wire report written for this spec): import both, mark ten claims
// with the mouse and five with the reading cursor's keys alone, attribute with 1–9, undo and redo a
// mixture of edits, search across the case, switch cases and back, compose and export a briefing,
// resize and fold panes, and look at every main view in both themes (screenshots kept).
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, readText, test } from './fixtures'
import { callApi, chooseSource, claimItem, claimRow, dragSelect, frame, mainViews, paneWidth, screenshot } from './ui'

const SAMPLE = join(__dirname, '../resources/sample/article.md')
const WIRE = join(__dirname, 'articles/minelayers-wire.md')
const SAMPLE_TITLE = 'Estrava tightens grip on lower Sarn as Norvanian grain ships wait at anchor'
const WIRE_TITLE = 'Norvania says Estravan minelayers left Port Arvel; Estrava calls it a training cruise'
const MNA = 'Meridian News Agency'

interface Marked {
  quote: string
  source: string
  kind: string
  via?: string
  tag?: string
}

/** Ten claims marked with the mouse: five in each article, two relayed through the wire agency. */
const BY_MOUSE: { doc: string; claims: Marked[] }[] = [
  {
    doc: SAMPLE_TITLE,
    claims: [
      {
        quote: 'This is a blockade, whatever Estrava chooses to call it.',
        source: 'Aldric Venn',
        kind: 'person',
        tag: 'blockade'
      },
      {
        quote: 'fewer than 25 vessels were waiting for inspection on Wednesday morning',
        source: 'Ivo Dravic',
        kind: 'person',
        tag: 'ships held'
      },
      {
        quote: 'Estrava had moved two minelaying vessels to the naval base at Port Arvel',
        source: 'Senior Norvanian intelligence source',
        kind: 'anonymous',
        via: MNA
      },
      {
        quote: 'If Estrava has evidence of smuggling, it should put it on the table',
        source: 'Hanna Lind',
        kind: 'person'
      },
      {
        quote: 'his ship had been at anchor for 16 days with 38,000 tonnes of wheat on board',
        source: 'Piet Arnholm',
        kind: 'person'
      }
    ]
  },
  {
    doc: WIRE_TITLE,
    claims: [
      {
        quote: 'If a single mine goes into the Sarn, the 1998 treaty is dead.',
        source: 'Mara Osk',
        kind: 'person',
        via: MNA
      },
      { quote: 'no date for a vote had been set', source: 'Oda Venstrup', kind: 'person' },
      {
        quote: 'the vessels were on a routine training cruise and had not left Estravan waters',
        source: 'Ivo Dravic',
        kind: 'person'
      },
      {
        quote: '27 cargo ships were waiting below the narrows on Thursday, down from 35 a week earlier',
        source: 'Sorrel shipping agent',
        kind: 'anonymous',
        via: MNA,
        tag: 'ships held'
      },
      {
        quote: 'his crew had counted four Estravan patrol boats off Kessling since Monday',
        source: 'Piet Arnholm',
        kind: 'person'
      }
    ]
  }
]

/**
 * Five claims in the wire report marked with the reading cursor's keys alone, from the top of the
 * document: the keys, the text they must select, and the number key (1–9) that then attributes the
 * claim. The quick sources are ranked by claim count, then name; each mark changes the ranking:
 * after the mouse claims it is Ivo Dravic 2, Piet Arnholm 2, then Aldric Venn, Hanna Lind, Mara Osk,
 * Oda Venstrup, the intelligence source, the shipping agent (1 each) and the agency (0, a relay only).
 */
const BY_KEYS: { keys: string[]; quote: string; number: string; source: string }[] = [
  {
    // title, byline, lead; the next paragraph's first sentence; its quotation
    keys: ['s', 's', 's', 'p', 'q'],
    quote: '"We are watching every hull that leaves Port Arvel,"',
    number: '5',
    source: 'Mara Osk'
  },
  {
    // the next paragraph's first sentence, then its second clause
    keys: ['p', 'n'],
    quote:
      'two Estravan minelayers had sailed from Port Arvel on Tuesday night and were seen about 12 kilometres from the narrows on Wednesday',
    number: '2', // Mara Osk 3 after the first
    source: 'Mara Osk'
  },
  {
    keys: ['p', 's', 'q'],
    quote: '"No mines have been laid in the Sarn and none will be,"',
    number: '2', // Mara Osk 3, Ivo Dravic 2
    source: 'Ivo Dravic'
  },
  {
    // two paragraphs on, the quotation, five words more at the start; one more at the end and back
    keys: ['p', 'p', 'q', 'b', 'b', 'b', 'b', 'b', 'w', 'Shift+W'],
    quote: 'observers could reach the narrows "within ten days of a vote"',
    number: '6', // Ivo Dravic 3, Mara Osk 3, Piet Arnholm 2, Aldric Venn, Hanna Lind, Oda Venstrup
    source: 'Oda Venstrup'
  },
  {
    keys: ['p', 's', 'q'],
    quote: '"They come close enough to read our name, then they leave,"',
    number: '4', // Ivo Dravic 3, Mara Osk 3, Oda Venstrup 2, Piet Arnholm 2
    source: 'Piet Arnholm'
  }
]

const TOTAL = 15

const selectedText = (page: Page) => page.evaluate(() => getSelection()!.toString())

/** Whether the keyboard focus is in a text field (where letters type rather than act). */
const focusInField = (page: Page) =>
  page.evaluate(() => document.activeElement?.matches('input, textarea, select, [contenteditable]') ?? false)

/** The last toast's text (several may be on screen). */
const lastToast = (page: Page) => page.getByTestId('toast').last()

test('an analyst’s hour: two articles, fifteen claims, undo, search, two cases, a briefing, panes, themes', async ({
  app
}, testInfo) => {
  test.setTimeout(420_000)
  const page = app.page
  await page.setViewportSize({ width: 1440, height: 900 })
  const claimCount = page.getByTestId('claim-count')
  // Any uncaught error in the page fails the step it happened in.
  const pageErrors: string[] = []
  page.on('pageerror', (e) => pageErrors.push(e.message))
  const step = (name: string, body: () => Promise<void>) =>
    test.step(name, async () => {
      await body()
      expect(pageErrors, 'uncaught errors in the page').toEqual([])
    })
  const openDoc = (title: string) => page.getByTestId('document-item').filter({ hasText: title }).click()

  await step('1. import both articles', async () => {
    await page.getByTestId('import-input').setInputFiles([SAMPLE, WIRE])
    await expect(page.getByTestId('document-item')).toHaveCount(2)
    await expect(page.getByTestId('document-item').nth(0)).toContainText(SAMPLE_TITLE)
    await expect(page.getByTestId('document-item').nth(1)).toContainText(WIRE_TITLE)
    await openDoc(SAMPLE_TITLE)
    await expect(page.getByTestId('reader-block').first()).toHaveText(SAMPLE_TITLE)
    // The claims list shows the whole case from here on.
    await page.getByTestId('scope-case').click()
    await expect(page.getByTestId('scope-case')).toHaveAttribute('aria-pressed', 'true')
  })

  await step('2. ten claims by mouse, attributed in the editor, relays through the agency', async () => {
    let n = 0
    for (const { doc, claims } of BY_MOUSE) {
      await openDoc(doc)
      await expect(page.getByTestId('reader-block').first()).toHaveText(doc)
      for (const claim of claims) {
        await dragSelect(page, claim.quote)
        const mark = page.getByTestId('mark-claim')
        await expect(mark).toBeVisible()
        expect(await selectedText(page)).toBe(claim.quote)
        // The button, or C with the mouse's selection.
        if (n % 2 === 0) await mark.click()
        else await page.keyboard.press('c')
        n++
        await expect(page.getByTestId('claim-quote')).toHaveText(claim.quote)
        await expect(claimCount).toHaveText(String(n))
        await expect(page.getByTestId('source-input')).toBeFocused()
        await chooseSource(page, 'source-input', claim.source, claim.kind)
        await expect(page.getByTestId('source-input')).toHaveValue(claim.source)
        if (claim.via) {
          await chooseSource(page, 'via-input', claim.via, 'outlet')
          await expect(page.getByTestId('via-chip').filter({ hasText: claim.via })).toBeVisible()
        }
        if (claim.tag) {
          await page.getByTestId('tag-input').fill(claim.tag)
          await page.getByTestId('tag-input').press('Enter')
          await expect(page.getByTestId('tag-input-chip').filter({ hasText: claim.tag })).toBeVisible()
        }
        await expect(page.getByTestId('save-state')).toHaveText('✓ Saved')
        const row = await claimRow(page, claim.quote)
        await expect(row).toHaveAttribute('data-group', claim.source)
        if (claim.via) await expect(row).toContainText(`via ${claim.via}`)
      }
    }
    await expect(claimCount).toHaveText('10')
    await screenshot(page, testInfo, 'ten claims by mouse')
  })

  await step('3–4. five claims by the reading cursor alone, each attributed with 1–9', async () => {
    // Leave the editor's field by keyboard; [ and ] walk the documents (the wire report is second).
    await page.keyboard.press('Escape')
    await page.keyboard.press('Escape')
    expect(await focusInField(page)).toBe(false)
    await page.keyboard.press('[')
    await expect(page.getByTestId('reader-block').first()).toHaveText(SAMPLE_TITLE)
    await page.keyboard.press(']')
    await expect(page.getByTestId('reader-block').first()).toHaveText(WIRE_TITLE)
    let n = 10
    for (const claim of BY_KEYS) {
      for (const key of claim.keys) await page.keyboard.press(key)
      await expect.poll(() => selectedText(page)).toBe(claim.quote)
      await expect(page.getByTestId('mark-claim')).toBeVisible()
      await page.keyboard.press(n % 2 === 0 ? 'c' : 'Control+Enter')
      n++
      await expect(page.getByTestId('claim-quote')).toHaveText(claim.quote)
      await expect(claimCount).toHaveText(String(n))
      await expect(page.getByTestId('source-input')).toBeFocused()
      await expect(page.getByTestId('source-input')).toHaveValue('')
      // Out of the source field, then the number of a quick source attributes the focused claim.
      await page.keyboard.press('Escape')
      await page.keyboard.press('Escape')
      expect(await focusInField(page)).toBe(false)
      await page.keyboard.press(claim.number)
      await expect(page.getByTestId('source-input')).toHaveValue(claim.source)
      await expect(claimItem(page, claim.quote)).toHaveAttribute('data-group', claim.source)
    }
    await expect(claimCount).toHaveText(String(TOTAL))
    // What the case holds is exactly what was meant: every quote, once, with its source.
    const claims = await callApi<{ claims: { quote: { exact: string }; sourceId: string | null }[] }>(
      page,
      'listClaims',
      {}
    )
    expect(claims.claims.map((c) => c.quote.exact).sort()).toEqual(
      [...BY_MOUSE.flatMap((d) => d.claims.map((c) => c.quote)), ...BY_KEYS.map((c) => c.quote)].sort()
    )
    await screenshot(page, testInfo, 'five claims by keyboard')
  })

  await step('5. undo and redo a status, a number-key source, a deletion and a tag', async () => {
    const undo = () => page.keyboard.press('Control+z')
    const toast = lastToast(page)
    const blockade = BY_MOUSE[0].claims[0]
    const focus = async (quote: string) => {
      await (await claimRow(page, quote)).click()
      await expect(page.getByTestId('claim-quote')).toHaveText(quote)
    }

    // A status, from the editor's list: Ctrl+Z takes it back even with the list still focused.
    await focus(blockade.quote)
    await page.getByTestId('status-select').selectOption('contradicted')
    await expect(page.getByTestId('save-state')).toHaveText('✓ Saved')
    await page.getByTestId('status-select').focus()
    await undo()
    await expect(toast).toContainText('Undo: status → Contradicted')
    await expect(page.getByTestId('status-select')).toHaveValue('unverified')
    await page.keyboard.press('Control+Shift+z')
    await expect(toast).toContainText('Redo: status → Contradicted')
    await expect(page.getByTestId('status-select')).toHaveValue('contradicted')

    // A source by number key: 9 is the agency (no claims of its own yet).
    await focus(blockade.quote)
    await page.locator('body').press('9')
    await expect(page.getByTestId('source-input')).toHaveValue(MNA)
    await undo()
    await expect(toast).toContainText(`Undo: source → ${MNA}`)
    await expect(page.getByTestId('source-input')).toHaveValue(blockade.source)
    await page.keyboard.press('Control+y')
    await expect(toast).toContainText(`Redo: source → ${MNA}`)
    await expect(page.getByTestId('source-input')).toHaveValue(MNA)
    await undo()
    await expect(page.getByTestId('source-input')).toHaveValue(blockade.source)

    // A deletion with the Delete key, undone, redone, undone again.
    const dravic = BY_MOUSE[1].claims[2]
    await focus(dravic.quote)
    await page.keyboard.press('Delete')
    await expect(claimCount).toHaveText(String(TOTAL - 1))
    await expect(toast).toContainText('Deleted claim')
    await undo()
    await expect(claimCount).toHaveText(String(TOTAL))
    await expect(toast).toContainText('Undo: delete “the vessels were on a routine training')
    await expect(page.getByTestId('claim-quote')).toHaveText(dravic.quote)
    await page.keyboard.press('Control+y')
    await expect(claimCount).toHaveText(String(TOTAL - 1))
    await expect(toast).toContainText('Redo: delete')
    await undo()
    await expect(claimCount).toHaveText(String(TOTAL))
    const restored = await claimRow(page, dravic.quote)
    await expect(restored).toHaveAttribute('data-group', 'Ivo Dravic')

    // A topic: added in the editor, undone and redone from outside the field.
    await focus(dravic.quote)
    await page.getByTestId('tag-input').fill('denials')
    await page.getByTestId('tag-input').press('Enter')
    await expect(page.getByTestId('tag-input-chip').filter({ hasText: 'denials' })).toBeVisible()
    await page.keyboard.press('Escape')
    await page.keyboard.press('Escape')
    expect(await focusInField(page)).toBe(false)
    await undo()
    await expect(toast).toContainText('Undo: topics')
    await expect(page.getByTestId('tag-input-chip')).toHaveCount(0)
    await page.keyboard.press('Control+Shift+z')
    await expect(toast).toContainText('Redo: topics')
    await expect(page.getByTestId('tag-input-chip').filter({ hasText: 'denials' })).toBeVisible()
    await expect(claimCount).toHaveText(String(TOTAL))
  })

  await step('6. search the case: hits in both documents, Enter walks on to the other', async () => {
    await page.keyboard.press('Control+Shift+f')
    await expect(page.getByTestId('search-input')).toBeFocused()
    await page.getByTestId('search-input').fill('Arvel')
    const docs = page.getByTestId('search-document')
    await expect(docs).toHaveCount(2)
    await expect(page.getByTestId('search-summary')).toContainText('in 2 documents')
    const perDoc = await docs.evaluateAll((els) =>
      els.map((el) => ({
        id: (el as HTMLElement).dataset.documentId!,
        title: el.querySelector('h3 button')!.textContent!.trim(),
        hits: el.querySelectorAll('[data-testid="search-hit"]').length
      }))
    )
    expect(perDoc.map((d) => d.title).sort()).toEqual([SAMPLE_TITLE, WIRE_TITLE].sort())
    expect(perDoc.every((d) => d.hits >= 1)).toBe(true)
    const current = page.locator('[data-testid="search-hit"][aria-current="true"]')
    const readerShows = (title: string) =>
      expect(page.getByTestId('reader-block').filter({ hasText: title }).first()).toBeAttached()
    // Enter: the first hit of the first document, then on through it, then into the other document.
    for (const [d, doc] of perDoc.entries()) {
      for (let i = 0; i < doc.hits; i++) {
        await page.getByTestId('search-input').press('Enter')
        await expect(current).toHaveCount(1)
        await expect(docs.nth(d).locator('[data-testid="search-hit"]').nth(i)).toHaveAttribute('aria-current', 'true')
        await readerShows(doc.title)
        await expect(page.getByTestId('hit-outline').first()).toBeVisible()
      }
    }
    // And round again to the first.
    await page.getByTestId('search-input').press('Enter')
    await expect(docs.nth(0).locator('[data-testid="search-hit"]').first()).toHaveAttribute('aria-current', 'true')
    await readerShows(perDoc[0].title)
    await screenshot(page, testInfo, 'search across the case')
    await page.getByTestId('search-input').press('Escape')
  })

  await step('7. a new case, then the first again: its claims all there, undo stays per case', async () => {
    const second = join(app.home, 'second.claimdesk.json')
    await page.getByTestId('case-menu').click()
    await page.getByTestId('case-new').click()
    await page.getByTestId('path-input').fill(second)
    await page.getByTestId('path-submit').click()
    await expect(page.getByTestId('document-item')).toHaveCount(0)
    await expect(page.getByTestId('tab-documents')).toHaveAttribute('aria-selected', 'true')
    await expect(claimCount).toHaveText('0')
    // Work in the new case, then undo it all: its own history, nothing of the first's.
    await page.getByTestId('import-input').setInputFiles(WIRE)
    await expect(page.getByTestId('document-item')).toHaveCount(1)
    await expect(page.getByTestId('reader-block').first()).toHaveText(WIRE_TITLE)
    await dragSelect(page, BY_KEYS[3].quote)
    await page.getByTestId('mark-claim').click()
    await expect(claimCount).toHaveText('1')
    await page.keyboard.press('Escape')
    await page.keyboard.press('Escape')
    await page.keyboard.press('Control+z')
    await expect(lastToast(page)).toContainText('Undo: mark')
    await expect(claimCount).toHaveText('0')
    await page.keyboard.press('Control+z')
    await expect(lastToast(page)).toContainText('Undo: import')
    await expect(page.getByTestId('document-item')).toHaveCount(0)
    await page.keyboard.press('Control+z')
    await expect(lastToast(page)).toContainText('Nothing to undo.')

    await page.getByTestId('case-menu').click()
    await page.getByTestId('case-open').click()
    await page.getByTestId('path-input').fill(app.casePath)
    await page.getByTestId('path-submit').click()
    await expect(page.getByTestId('document-item')).toHaveCount(2)
    await page.getByTestId('scope-case').click()
    await expect(claimCount).toHaveText(String(TOTAL))
    for (const quote of [...BY_MOUSE.flatMap((d) => d.claims.map((c) => c.quote)), ...BY_KEYS.map((c) => c.quote)])
      await expect(await claimRow(page, quote)).toHaveCount(1)
    // The second case's history did not come along, and the first's was left behind with it.
    await page.keyboard.press('Control+z')
    await expect(lastToast(page)).toContainText('Nothing to undo.')
    await expect(claimCount).toHaveText(String(TOTAL))
    await expect(page.getByTestId('document-item')).toHaveCount(2)
  })

  await step('8. compose a briefing and export Markdown and HTML', async () => {
    await page.getByTestId('tab-briefings').click()
    await page.getByTestId('new-briefing-empty').click()
    await expect(page.getByTestId('composer')).toBeVisible()
    await page.getByTestId('composer-title').fill('Lower Sarn: minelayers and held ships')
    await page
      .getByTestId('composer-bottom-line')
      .fill('Estrava is probably preparing to close the Dorsk narrows; ship counts disagree by source.')
    await page.getByTestId('add-judgment').click()
    const judgment = page.getByTestId('judgment')
    await judgment
      .getByTestId('judgment-text')
      .fill('Estrava has likely moved minelayers towards the narrows, though it denies laying mines.')
    await judgment.getByTestId('confidence-moderate').click()
    await judgment.getByTestId('cite-claims').click()
    await page.getByTestId('claim-picker-search').fill('minelaying vessels')
    await page.getByTestId('claim-picker-search').press('Enter')
    await page.getByTestId('claim-picker-search').press('Escape')
    await expect(judgment.getByTestId('cited-claim')).toHaveCount(1)
    await expect(page.getByTestId('reporting-count')).toHaveText(`${TOTAL} claims`)
    await expect(page.getByTestId('briefing-save-state')).toHaveText('✓ Saved')
    const preview = page.frameLocator('[data-testid="briefing-preview"]')
    await expect(preview.locator('h1')).toHaveText('Lower Sarn: minelayers and held ships')
    await screenshot(page, testInfo, 'briefing composer')

    const exported = async (format: 'md' | 'html') => {
      await page.getByTestId('composer-export').click()
      await expect(page.getByTestId('export-dialog')).toBeVisible()
      await page.getByTestId('export-format').selectOption(format)
      const file = await app.saveExport(() => page.getByTestId('export-submit').click())
      await testInfo.attach(`briefing.${format}`, { path: file })
      await expect(page.getByTestId('export-dialog')).toHaveCount(0)
      return readText(file)
    }
    const markdown = await exported('md')
    const html = await exported('html')
    // The HTML as a reader sees it.
    const reader = await page.context().newPage()
    await reader.setContent(html)
    // Quotation marks as typeset (a quotation inside a quote becomes ‘…’) compare as one mark.
    const plain = (text: string) => text.replace(/[“”‘’"]/g, '"').replace(/\s+/g, ' ')
    const htmlText = plain(await reader.locator('body').innerText())
    await reader.close()
    const mdText = plain(markdown)
    const unquoted = (q: string) => q.replace(/^"|,?"$/g, '')
    for (const text of [mdText, htmlText]) {
      expect(text).toContain('Lower Sarn: minelayers and held ships')
      expect(text).toContain('Estrava is probably preparing to close the Dorsk narrows')
      expect(text).toContain('Estrava has likely moved minelayers towards the narrows')
      for (const claim of [...BY_MOUSE.flatMap((d) => d.claims), ...BY_KEYS]) {
        expect(text, claim.quote).toContain(unquoted(claim.quote))
        expect(text).toContain(claim.source)
      }
      expect(text).toContain(`Senior Norvanian intelligence source, via ${MNA}`)
    }
  })

  await step('9. resize and fold panes; widths remembered after a reload', async () => {
    await page.getByTestId('tab-documents').click()
    await expect(page.getByTestId('reader')).toBeVisible()
    const left = await paneWidth(page, 'left')
    const handle = (await page.getByTestId('split-left').boundingBox())!
    await page.mouse.move(handle.x + handle.width / 2, handle.y + 200)
    await page.mouse.down()
    await page.mouse.move(handle.x + handle.width / 2 + 60, handle.y + 200, { steps: 5 })
    await page.mouse.up()
    expect(await paneWidth(page, 'left')).toBeCloseTo(left + 60, -1)
    const right = await paneWidth(page, 'right')
    await page.getByTestId('split-right').focus()
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('ArrowLeft')
    expect(await paneWidth(page, 'right')).toBe(right + 48)
    // Fold the side list and open it again; fold the claims pane with Enter on its splitter.
    await page.getByTestId('toggle-left').click()
    await expect(page.getByTestId('open-left')).toBeVisible()
    await page.keyboard.press('Control+b')
    await expect(page.getByTestId('tab-documents')).toBeVisible()
    await page.getByTestId('split-right').focus()
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('open-right')).toBeVisible()
    await page.getByTestId('open-right').click()
    await expect(page.getByTestId('claims-list')).toBeVisible()
    await page.reload()
    await expect(page.getByTestId('document-item')).toHaveCount(2)
    expect(await paneWidth(page, 'left')).toBeCloseTo(left + 60, -1)
    expect(await paneWidth(page, 'right')).toBe(right + 48)
  })

  await step('10. every main view in both themes, screenshots kept', async () => {
    for (const theme of ['light', 'dark'] as const) {
      await page.getByTestId('theme-select').selectOption(theme)
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
      for (const view of mainViews('Arvel')) {
        await view.open(page)
        await frame(page)
        await screenshot(page, testInfo, `hour ${theme} ${view.name}`)
        if (await page.locator('dialog[open]').count()) await page.keyboard.press('Escape')
        await expect(page.locator('dialog[open]')).toHaveCount(0)
      }
    }
    // The theme is remembered.
    await page.reload()
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  })
})
