import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import iconv from 'iconv-lite'
import { JSDOM, VirtualConsole } from 'jsdom'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { htmlDocument, importHtml } from './html'
import { newsPage } from './fixtures/news-page'
import type { ImportedDocument } from './types'

const fixture = (name: string): string => readFileSync(resolve(__dirname, 'fixtures', name), 'utf8')
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)
const rows = (doc: ImportedDocument): [string, string, number | undefined][] =>
  doc.blocks.map((b) => [b.kind, doc.text.slice(b.start, b.end), b.level])

describe('a saved news article', async () => {
  const doc = await importHtml('kursk.html', utf8(fixture('news-article.html')))

  it('fills the metadata from the page', () => {
    expect(doc.meta).toEqual({
      title: "Russian and North Korean Troops Shrink Ukraine's Gains in Kursk",
      outlet: 'The Daily Ledger',
      author: 'Brendan Cole',
      url: 'https://www.dailyledger.example/world/kursk-gains-1991234',
      published: '2024-11-23T14:05:00Z',
      language: 'en-US'
    })
    expect(doc.suggestedSources).toEqual([
      { name: 'The Daily Ledger', kind: 'outlet' },
      { name: 'Brendan Cole', kind: 'person' }
    ])
    expect(doc).toMatchObject({ format: 'html', encoding: 'utf-8', notices: [] })
  })

  it('keeps the article structure and nothing around it', () => {
    const blocks = rows(doc)
    expect(blocks[0]).toEqual(['heading', "Russian and North Korean Troops Shrink Ukraine's Gains in Kursk", 1])
    expect(blocks).toContainEqual([
      'caption',
      'Unverified image of a Russian serviceman in Kursk, Russia. Sergey Bobylev / Sputnik via AP',
      undefined
    ])
    expect(blocks).toContainEqual(['heading', 'Conflicting figures', 2])
    expect(blocks).toContainEqual([
      'quote',
      '"Russia\'s own troops are not enough" for operations in Kursk, Syrskyi said. "So they are trying to attract troops from North Korea there."',
      undefined
    ])
    expect(blocks).toContainEqual(['caption', 'Russian troops in Kursk: three figures', undefined])
    expect(blocks.filter((b) => b[0] === 'table-row').map((b) => b[1])).toEqual([
      'Source | Figure | Date',
      'General Staff source (via Reuters) | just under 60,000 | Nov 23',
      'Volodymyr Zelensky | around 50,000 | mid-November',
      'Oleksandr Syrskyi | roughly 45,000 | November'
    ])
    expect(blocks.filter((b) => b[0] === 'list-item').map((b) => [b[1].slice(0, 22), b[2]])).toEqual([
      ['South Korean, U.S. and', 1],
      ['A South Korean intelli', 1],
      ['The official also cite', 2],
      ['1. First, Austin expec', 1],
      ['2. Then the State Depa', 1]
    ])
    expect(doc.text).toContain('more than 40 percent') // &nbsp; read as a space
    expect(doc.text).toContain('U.S.-based think tank the Institute for the Study of War (ISW) said') // link as text
    for (const junk of [
      'cookies',
      'Accept all',
      'Sign up',
      'Related stories',
      'All rights reserved',
      'Advertisement',
      'Share on X',
      'http'
    ]) {
      expect(doc.text).not.toContain(junk)
    }
  })

  it('produces consistent ranges', () => {
    let previous = -2
    for (const block of doc.blocks) {
      expect(block.start).toBe(previous + 2)
      expect(doc.text.slice(block.start - 2, block.start)).toBe(block.start === 0 ? '' : '\n\n')
      previous = block.end
    }
    expect(previous).toBe(doc.text.length)
  })
})

describe('a hostile page', () => {
  let server: Server
  let origin = ''
  const requests: string[] = []
  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(req.url ?? '')
      res.end('globalThis.__claimdeskPwned = "external script ran"')
    })
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((done) => server.close(() => done())))
  const page = (): string => fixture('hostile.html').replaceAll('http://attacker.invalid', origin)
  const settle = (): Promise<void> => new Promise((done) => setTimeout(done, 500))

  it('would reach the test server if its scripts and resources were allowed (control)', async () => {
    const dom = new JSDOM(page(), {
      runScripts: 'dangerously',
      resources: 'usable',
      virtualConsole: new VirtualConsole()
    })
    await settle()
    dom.window.close()
    expect(requests.length).toBeGreaterThan(0)
    requests.length = 0
  })

  it('imports its text without running anything or making any request', async () => {
    const doc = await importHtml('hostile.html', utf8(page()))
    await settle()
    expect(requests).toEqual([])
    expect((globalThis as Record<string, unknown>).__claimdeskPwned).toBeUndefined()
    expect(rows(doc).map((b) => b[1].slice(0, 30))).toEqual([
      'Officials deny report of borde',
      'The ministry said on Tuesday t',
      'A spokesman, speaking on condi',
      "The witnesses' account could n",
      'Both governments have traded a',
      'vbscript link text',
      'Local officials said they woul'
    ])
    for (const forbidden of [
      'HIDDEN',
      'NOSCRIPT',
      'TEMPLATE',
      'SVG TEXT',
      'OBJECT FALLBACK',
      'CSS GENERATED',
      'MATH',
      'javascript',
      'alert',
      'data:',
      '127.0.0.1',
      'Pwned',
      'Submit'
    ]) {
      expect(doc.text).not.toContain(forbidden)
    }
    expect(doc.meta.url).toBe('') // javascript: canonical dropped
  })
})

describe('pages that are not plain articles', () => {
  it('keeps all visible text of a page that is not an article, with a notice', async () => {
    const doc = await importHtml('home.html', utf8(fixture('not-article.html')))
    expect(doc.notices).toEqual(["Not recognised as an article: all of the page's visible text was kept."])
    expect(doc.text).toContain('Council approves budget')
    expect(doc.text).toContain('Contact us')
    expect(doc.text).not.toContain('Hidden promo text')
    expect(doc.meta.title).toBe('Metro Wire — Home')
  })

  it('keeps right-to-left text and its language', async () => {
    const doc = await importHtml('ar.html', utf8(fixture('arabic-article.html')))
    expect(doc.meta).toMatchObject({ language: 'ar', author: 'سارة أحمد', outlet: 'الصحيفة', published: '2024-11-23' })
    expect(doc.blocks[0]).toMatchObject({ kind: 'heading', level: 1 })
    expect(doc.text).toContain('تقدمت مؤخرا')
  })

  // Unguarded, jsdom takes hours on this page: the test's timeout is the bound.
  it('reads a page nested far too deeply as flat text', async () => {
    const html = '<title>Deep</title><p>Intro paragraph.</p>' + '<div><b>'.repeat(50000) + 'deep text' + '<p>After.</p>'
    const doc = await importHtml('deep.html', utf8(html))
    expect(doc.text).toBe('Intro paragraph.\n\ndeep text\n\nAfter.')
    expect(doc.meta.title).toBe('Deep')
    expect(doc.notices[0]).toMatch(/nested more than 512 levels deep/)
  })

  it('reads moderately deep nesting with structure', async () => {
    const html =
      '<h1>Deep but fine</h1>' + '<div>'.repeat(300) + '<p>Inside enough words to be read as a paragraph.</p>'
    const doc = await importHtml('deep.html', utf8(html))
    expect(doc.text).toContain('Inside enough words')
    expect(doc.notices.join()).not.toMatch(/nested/)
  })

  it('rejects a page with no visible text', async () => {
    await expect(
      importHtml(
        'blank.html',
        utf8('<html><head><title>t</title><script>x()</script></head><body> <img src=x> </body></html>')
      )
    ).rejects.toThrow(/^blank\.html: the page has no visible text/)
  })

  it('refuses a page too large to lay out', async () => {
    await expect(importHtml('huge.html', new Uint8Array(65 * 1024 * 1024).fill(0x20))).rejects.toThrow(
      /^huge\.html: the web page is too large to read \(65 MB; the limit is 64 MB\)/
    )
  })
})

describe('page encodings', () => {
  const RU =
    '<p>Москва возвращает территорию у украинских сил в Курской области, согласно новым оценкам аналитиков.</p>'

  it('uses the charset the page declares', async () => {
    const html = `<html><head><meta charset="windows-1251"><title>Курск</title></head><body><article>${RU.repeat(4)}</article></body></html>`
    const doc = await importHtml('ru.html', new Uint8Array(iconv.encode(html, 'win1251')))
    expect(doc.encoding).toBe('windows-1251')
    expect(doc.meta.title).toBe('Курск')
    expect(doc.text).toContain('Москва возвращает территорию')
  })

  it('detects an undeclared legacy encoding, and can be overridden', async () => {
    const html = `<html><body><article>${RU.repeat(4)}</article></body></html>`
    const bytes = new Uint8Array(iconv.encode(html, 'koi8-r'))
    expect((await importHtml('ru.html', bytes)).encoding).toBe('koi8-r')
    const forced = await importHtml('ru.html', bytes, { encoding: 'windows-1251' })
    expect(forced.encoding).toBe('windows-1251')
    expect(forced.text).not.toContain('Москва')
  })
})

describe('generated news pages', () => {
  it('finds the article in a 1 MB page', async () => {
    const page = newsPage(7, 1024 * 1024)
    const doc = await importHtml('page.html', utf8(page.html))
    expect(doc.meta.title).toBe(page.title)
    for (const p of page.paragraphs) expect(doc.text).toContain(p)
    expect(doc.text).not.toContain('More stories')
    expect(doc.meta.author).toBe('Reporter 7')
  })
})

describe('htmlDocument for converted documents', () => {
  it('reads the whole body without looking for an article', () => {
    const doc = htmlDocument('memo.docx', '<h1>Memo</h1><p>Short.</p><ul><li>a</li></ul>', {
      article: false,
      format: 'docx'
    })
    expect(rows(doc)).toEqual([
      ['heading', 'Memo', 1],
      ['paragraph', 'Short.', undefined],
      ['list-item', 'a', 1]
    ])
    expect(doc).toMatchObject({ format: 'docx', notices: [], suggestedSources: [] })
  })
})
