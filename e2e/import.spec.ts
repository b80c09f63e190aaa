// Issue 3 through the real UI and backend: batch-import a folder of what analysts receive (text in
// several encodings, Markdown, a hostile news page, Arabic and Hebrew, broken files), watch the
// progress and per-file results, prove the hostile page stays inert and nothing leaves the app's
// origin, re-read a file in another encoding, mark claims in right-to-left text, import a duplicate.
import { createServer, type Server } from 'node:http'
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Document, HeadingLevel, Packer, Paragraph } from 'docx'
import iconv from 'iconv-lite'
import type { Locator, Page } from '@playwright/test'
import { makePdf } from '../src/main/import/fixtures/make-pdf'
import { expect, test } from './fixtures'
import { paintedClaims } from './ui'

const CYRILLIC =
  'Сводка за вторник\n\n' +
  'Министр обороны заявил, что в район прибыли четыре тысячи военнослужащих. ' +
  'По словам источника в штабе, колонна прошла через город ночью без происшествий. ' +
  'Местные жители сообщили журналистам, что слышали взрывы на окраине.'

const ARABIC_QUOTE = 'وصلت التعزيزات إلى المدينة صباح الثلاثاء'
const HEBREW_QUOTE = 'הכוחות נסוגו מהגבול'

/** A page imitating a news site's markup, carrying every trick a saved page can hold. */
function hostilePage(trap: string, version: 'first' | 'update'): string {
  const lead =
    version === 'first'
      ? 'The ministry said on Tuesday that no shots were fired at the crossing, contradicting an earlier report.'
      : 'The ministry now says warning shots were fired at the crossing, revising its account of Tuesday.'
  return `<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="0; url=${trap}/refresh">
<base href="${trap}/base/">
<title>Officials deny border incident | The Daily Courier</title>
<meta property="og:site_name" content="The Daily Courier">
<meta property="og:title" content="Officials deny border incident">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2024-11-19T08:30:00Z">
<link rel="canonical" href="https://courier.example/world/border-incident">
<link rel="stylesheet" href="${trap}/style.css">
<style>body { background: url('${trap}/bg.png') } @import url("${trap}/import.css");</style>
<script>window.__pwned = 'inline script ran'; fetch('http://127.0.0.1:9/x'); fetch('${trap}/script-fetch')</script>
<script src="${trap}/external.js"></script>
</head>
<body onload="window.__pwned = 'onload ran'">
<header class="site-header"><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<main><article>
<h1>Officials deny border incident</h1>
<p class="byline">By <span class="author">Jane Roe</span></p>
<p onmouseover="window.__pwned = 'hover ran'">${lead}</p>
<figure><img src="${trap}/photo.jpg" onerror="window.__pwned = 'onerror ran'" alt="">
<figcaption>Unverified image said to show the convoy near the crossing.</figcaption></figure>
<p>A spokesman said the convoy crossed <a href="javascript:window.__pwned='link ran'">without incident</a> and that the claims were fabricated.</p>
<iframe src="${trap}/frame.html" srcdoc="<script>parent.__pwned='srcdoc ran'</script>"></iframe>
<div style="background-image: url(${trap}/inline-bg.png)">The witnesses' account could not be independently verified, the broadcaster said.</div>
<table><tr><th>Crossing</th><th>Vehicles</th></tr><tr><td>North gate</td><td>41</td></tr></table>
<p>Both governments have traded accusations over the crossing since the summer.</p>
</article></main>
<script>document.write('<img src="${trap}/document-write.gif">')</script>
</body></html>`
}

function arabicPage(): string {
  return `<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>تعزيزات عسكرية على الحدود</title>
<meta property="og:site_name" content="الصحيفة اليومية"></head>
<body><article>
<h1>تعزيزات عسكرية على الحدود</h1>
<p>${ARABIC_QUOTE} بحسب ما قاله مسؤول محلي للصحفيين.</p>
<p>وقال المتحدث باسم وزارة الدفاع إن الوضع مستقر، لكنه رفض تقديم أرقام دقيقة عن عدد الجنود.</p>
<figure><figcaption>صورة غير موثقة لقافلة على الطريق السريع</figcaption></figure>
<p>وأضاف شهود عيان أن القافلة ضمت عشرات المركبات المدرعة التي عبرت المدينة ليلا.</p>
</article></body></html>`
}

interface Fixture {
  folder: string
  utf8: string
}

/** Writes the folder the analyst imports; returns its path. */
async function writeInbox(root: string, trap: string): Promise<Fixture> {
  const folder = join(root, 'inbox')
  await mkdir(join(folder, 'updates'), { recursive: true })
  const utf8 = join(folder, '01-utf8.txt')
  await writeFile(utf8, 'Briefing note\n\nThe minister said 4,000 troops had arrived — naïve café reports aside.\n')
  await writeFile(join(folder, '02-cp1251.txt'), iconv.encode(CYRILLIC, 'windows-1251'))
  await writeFile(
    join(folder, '03-utf16le.txt'),
    Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('UTF-16 report\n\nЗдравствуйте, this text came as UTF-16 little-endian.', 'utf16le')
    ])
  )
  await writeFile(
    join(folder, '04-notes.md'),
    '# Field notes\n\n- First point from the crossing\n- Second point\n\n> A quoted statement from the spokesman.\n'
  )
  await writeFile(join(folder, '05-courier.html'), hostilePage(trap, 'first'))
  await writeFile(join(folder, '06-arabic.html'), arabicPage())
  await writeFile(
    join(folder, '07-hebrew.txt'),
    `דיווח מהצפון\n\n${HEBREW_QUOTE} לאחר שלושה ימים של לחימה, כך אמר דובר הצבא.\n`
  )
  await writeFile(join(folder, '08-binary.txt'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)))
  await writeFile(join(folder, '09-empty.txt'), '')
  await writeFile(join(folder, '10-data.xyz'), 'not a format Claimdesk reads')
  await writeFile(
    join(folder, '11-report.pdf'),
    makePdf(
      [
        {
          lines: [
            { x: 72, y: 700, size: 16, text: 'Situation report', bold: true },
            { x: 72, y: 670, size: 11, text: 'Page one says the bridge was intact on Monday.' }
          ]
        },
        { lines: [{ x: 72, y: 700, size: 11, text: 'Page two says the bridge was destroyed on Tuesday.' }] }
      ],
      { title: 'Situation report' }
    )
  )
  const memo = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: 'Memo from the field office', heading: HeadingLevel.HEADING_1 }),
          new Paragraph('The field office reports that the convoy reached the depot before dawn.')
        ]
      }
    ]
  })
  await writeFile(join(folder, '12-memo.docx'), await Packer.toBuffer(memo))
  await writeFile(join(folder, 'updates', 'courier-update.html'), hostilePage(trap, 'update'))
  await writeFile(join(folder, '.DS_Store'), Buffer.from([0, 0, 0, 1, 66, 117, 100, 49]))
  return { folder, utf8 }
}

/** A local server standing in for every remote host the hostile page names: any hit is a leak. */
async function startTrap(): Promise<{ url: string; hits: string[]; server: Server }> {
  const hits: string[] = []
  const server = createServer((req, res) => {
    hits.push(req.url ?? '')
    res.end('REMOTE-CONTENT-MARKER')
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits, server }
}

/**
 * Selects `quote` in the reader by dragging the mouse from its first character to its last. In
 * right-to-left text the first character's leading edge is its right side.
 */
async function dragSelectBidi(page: Page, quote: string): Promise<void> {
  const box = await page.evaluate((quote) => {
    const article = document.querySelector('[data-testid="reader"]')!
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const node = n as Text
      const at = node.data.indexOf(quote)
      if (at < 0) continue
      node.parentElement!.scrollIntoView({ block: 'center' })
      const rect = (i: number) => {
        const r = document.createRange()
        r.setStart(node, i)
        r.setEnd(node, i + 1)
        return r.getClientRects()[0]
      }
      const a = rect(at)
      const b = rect(at + quote.length - 1)
      const rtl = getComputedStyle(node.parentElement!).direction === 'rtl'
      return {
        rtl,
        x1: rtl ? a.right - 1 : a.left + 1,
        y1: a.top + a.height / 2,
        x2: rtl ? b.left + 1 : b.right - 1,
        y2: b.top + b.height / 2
      }
    }
    throw new Error(`not in one text node of the reader: ${quote}`)
  }, quote)
  expect(box.rtl, 'the block is laid out right to left').toBe(true)
  await page.mouse.move(box.x1, box.y1)
  await page.mouse.down()
  await page.mouse.move(box.x2, box.y2, { steps: 10 })
  await page.mouse.up()
}

const row = (page: Page, path: string): Locator =>
  page
    .getByTestId('import-result')
    .filter({ has: page.locator('.file', { hasText: new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) })

async function openDocument(page: Page, title: RegExp): Promise<void> {
  await page.getByTestId('document-item').filter({ hasText: title }).first().click()
  await expect(page.getByTestId('document-meta')).toContainText(title)
}

test('batch-imports a folder with progress and per-file results; hostile pages stay inert; RTL claims; duplicates', async ({
  app
}, testInfo) => {
  const page = app.page
  const shot = async (name: string) => {
    const path = testInfo.outputPath(`${name}.png`)
    await page.screenshot({ path })
    await testInfo.attach(name, { path, contentType: 'image/png' })
  }
  const origin = new URL(page.url()).origin
  const requests: string[] = []
  page.on('request', (r) => requests.push(r.url()))
  const trap = await startTrap()
  const { folder, utf8 } = await writeInbox(await mkdtemp(join(tmpdir(), 'claimdesk-inbox-')), trap.url)

  // Slow each import down a little so the progress is there to be seen.
  await page.route('**/api/importFiles', async (route) => {
    await new Promise((r) => setTimeout(r, 250))
    await route.continue()
  })

  await page.getByTestId('import-folder-input').setInputFiles(folder)
  const panel = page.getByTestId('import-progress')
  await expect(panel).toBeVisible()
  await expect(page.getByTestId('import-progress-text')).toHaveText(/^Importing \d+ of 13$/)
  await expect(page.getByTestId('import-current')).toHaveText(/^inbox\//)
  await expect(page.getByTestId('import-cancel')).toBeEnabled()
  await expect(page.getByTestId('import-progress-bar')).toHaveAttribute('max', '13')
  await shot('import-in-progress')

  await expect(page.getByTestId('import-progress-text')).toHaveText('Import finished: 13 files', { timeout: 60_000 })
  await page.unroute('**/api/importFiles')
  await expect(page.getByTestId('import-summary')).toHaveText('10 imported · 3 not imported · 1 hidden file skipped')
  await expect(page.getByTestId('import-result')).toHaveCount(13)
  for (const path of [
    '01-utf8.txt',
    '02-cp1251.txt',
    '03-utf16le.txt',
    '04-notes.md',
    '05-courier.html',
    '06-arabic.html',
    '07-hebrew.txt',
    '11-report.pdf',
    '12-memo.docx',
    'updates/courier-update.html'
  ]) {
    await expect(row(page, `inbox/${path}`), path).toHaveAttribute('data-status', 'imported')
  }
  await expect(row(page, 'inbox/08-binary.txt')).toHaveAttribute('data-status', 'failed')
  await expect(row(page, 'inbox/08-binary.txt').getByTestId('import-result-message')).toHaveText(
    /binary file, not text/
  )
  await expect(row(page, 'inbox/09-empty.txt').getByTestId('import-result-message')).toHaveText('the file is empty')
  await expect(row(page, 'inbox/10-data.xyz').getByTestId('import-result-message')).toHaveText(
    /^"\.xyz" files are not supported \(supported: \.txt/
  )
  await expect(row(page, 'inbox/updates/courier-update.html').getByTestId('import-result-message')).toContainText(
    'new version of “Officials deny border incident”'
  )
  await expect(page.getByTestId('document-item')).toHaveCount(10)
  await shot('import-results')

  // The site and byline of the news page are offered as sources, one click each.
  const courier = row(page, 'inbox/05-courier.html')
  const addCourier = courier.getByTestId('add-suggested-source').filter({ hasText: 'The Daily Courier' })
  await expect(addCourier).toContainText('(outlet)')
  await addCourier.click()
  await expect(courier.getByTestId('suggested-source-added').filter({ hasText: 'The Daily Courier' })).toBeVisible()
  await page.getByTestId('tab-sources').click()
  await expect(page.getByTestId('source-item').filter({ hasText: 'The Daily Courier' })).toHaveCount(1)
  await page.getByTestId('tab-documents').click()
  await page.getByTestId('import-close').click()
  await expect(panel).toBeHidden()

  // Text decoded from each encoding.
  await openDocument(page, /Сводка за вторник/)
  await expect(page.getByTestId('reader')).toContainText('Министр обороны заявил')
  await openDocument(page, /UTF-16 report/)
  await expect(page.getByTestId('reader')).toContainText('Здравствуйте, this text came as UTF-16 little-endian.')
  await openDocument(page, /Briefing note/)
  await expect(page.getByTestId('reader')).toContainText('naïve café')
  await openDocument(page, /Situation report/)
  await expect(page.getByTestId('reader')).toContainText('Page two says the bridge was destroyed on Tuesday.')
  await openDocument(page, /Memo from the field office/)
  await expect(page.getByTestId('reader').locator('h1')).toHaveText('Memo from the field office')

  // Provenance, and reading the Windows-1251 file again as KOI8-R and back.
  await openDocument(page, /Сводка за вторник/)
  await page.getByTestId('show-provenance').click()
  await expect(page.getByTestId('provenance-file')).toHaveText('02-cp1251.txt')
  await expect(page.getByTestId('provenance-format')).toHaveText('Plain text')
  await expect(page.getByTestId('provenance-sha256')).toHaveText(/^[0-9a-f]{64}$/)
  await expect(page.getByTestId('provenance-size')).toContainText(
    `${iconv.encode(CYRILLIC, 'windows-1251').length} bytes`
  )
  const encoding = page.getByTestId('encoding-select')
  await expect(encoding).toHaveValue('windows-1251')
  await encoding.selectOption('koi8-r')
  await expect(page.getByTestId('encoding-note')).toHaveText('Read again as KOI8-R (Cyrillic).')
  await expect(page.getByTestId('reader')).not.toContainText('Министр')
  await shot('encoding-koi8r')
  await encoding.selectOption('windows-1251')
  await expect(page.getByTestId('reader')).toContainText('Министр обороны заявил')
  await page.getByTestId('show-provenance').click()

  // The hostile page: its text and caption and table, none of its code, nothing fetched.
  await openDocument(page, /Officials deny border incident/)
  const reader = page.getByTestId('reader')
  await expect(reader).toContainText('no shots were fired at the crossing')
  await expect(reader.locator('[data-kind="caption"]')).toHaveText(
    'Unverified image said to show the convoy near the crossing.'
  )
  await expect(reader.locator('[data-kind="table-row"]').last()).toHaveText('North gate | 41')
  await expect(reader).toContainText('crossed without incident and')
  await page.waitForTimeout(1500) // long enough for a meta refresh, an onerror or a timer to fire
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined()
  expect(new URL(page.url()).origin).toBe(origin)
  expect(await reader.locator('script, iframe, object, embed, img, style, link, a, base, meta').count()).toBe(0)
  expect(
    await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="reader"] *')].flatMap((el) =>
        el.getAttributeNames().filter((n) => n.startsWith('on'))
      )
    )
  ).toEqual([])
  const hostileText = await reader.innerText()
  expect(hostileText).not.toContain('REMOTE-CONTENT-MARKER')
  expect(hostileText).not.toContain('__pwned')
  await shot('hostile-page-inert')

  // Arabic: the block is laid out right to left; a mouse selection becomes a claim on exactly the quote.
  await openDocument(page, /تعزيزات عسكرية على الحدود/)
  await expect(reader.locator('[data-kind="caption"]')).toHaveText('صورة غير موثقة لقافلة على الطريق السريع')
  await dragSelectBidi(page, ARABIC_QUOTE)
  await page.getByTestId('mark-claim').click()
  await expect.poll(() => paintedClaims(page)).toEqual([ARABIC_QUOTE])
  await expect(page.getByTestId('claim-editor')).toContainText(ARABIC_QUOTE)
  await shot('arabic-claim')

  // Hebrew, the same way, and the claim survives a reload.
  await openDocument(page, /דיווח מהצפון/)
  await dragSelectBidi(page, HEBREW_QUOTE)
  await page.keyboard.press('c')
  await expect.poll(() => paintedClaims(page)).toEqual([HEBREW_QUOTE])
  await page.reload()
  await openDocument(page, /דיווח מהצפון/)
  await expect.poll(() => paintedClaims(page)).toEqual([HEBREW_QUOTE])
  await openDocument(page, /تعزيزات عسكرية على الحدود/)
  await expect.poll(() => paintedClaims(page)).toEqual([ARABIC_QUOTE])

  // Once a claim is anchored, the encoding is fixed and the UI says why.
  await openDocument(page, /דיווח מהצפון/)
  await page.getByTestId('show-provenance').click()
  await expect(page.getByTestId('encoding-select')).toBeDisabled()
  await expect(page.getByTestId('encoding-note')).toContainText('1 claim is anchored in this text')

  // The same file again is a duplicate.
  await page.getByTestId('import-input').setInputFiles(utf8)
  await expect(page.getByTestId('import-progress-text')).toHaveText('Import finished: 1 file')
  await expect(row(page, '01-utf8.txt')).toHaveAttribute('data-status', 'duplicate')
  await expect(row(page, '01-utf8.txt').getByTestId('import-result-message')).toHaveText(
    'already in the case as “Briefing note”'
  )
  await expect(page.getByTestId('document-item')).toHaveCount(10)
  await shot('duplicate')

  // The folder again, cancelled after the first file: the rest are never sent.
  let sent = 0
  await page.route('**/api/importFiles', async (route) => {
    sent++
    await new Promise((r) => setTimeout(r, 400))
    await route.continue()
  })
  await page.getByTestId('import-folder-input').setInputFiles(folder)
  await expect(page.getByTestId('import-current')).toHaveText('inbox/01-utf8.txt')
  await page.getByTestId('import-cancel').click()
  await expect(page.getByTestId('import-progress-text')).toHaveText('Import cancelled: 1 of 13 files done')
  await expect(page.getByTestId('import-summary')).toHaveText(
    '1 already in the case · 12 cancelled · 1 hidden file skipped'
  )
  await expect(page.getByTestId('import-result').and(page.locator('[data-status="cancelled"]'))).toHaveCount(12)
  expect(sent).toBe(1)
  await page.unroute('**/api/importFiles')
  await expect(page.getByTestId('document-item')).toHaveCount(10)

  // Nothing left the app's origin while importing and viewing, and nothing fetched the remote host.
  trap.server.close()
  expect(
    requests.filter((url) => new URL(url).origin !== origin && !url.startsWith('data:') && !url.startsWith('blob:'))
  ).toEqual([])
  expect(trap.hits).toEqual([])
})
