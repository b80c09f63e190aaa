import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importHtml } from './html'
import { importMhtml } from './mhtml'

const page = readFileSync(resolve(__dirname, 'fixtures/news-article.html'), 'utf8').replace(
  '<link rel="canonical" href="https://www.dailyledger.example/world/kursk-gains-1991234">',
  ''
)

function quotedPrintable(text: string): string {
  const bytes = Buffer.from(text, 'utf8')
  let out = ''
  let line = 0
  for (const byte of bytes) {
    const ch = String.fromCharCode(byte)
    const piece =
      byte === 0x0a
        ? '\r\n'
        : byte === 0x3d || byte > 126 || (byte < 32 && byte !== 9)
          ? '=' + byte.toString(16).toUpperCase().padStart(2, '0')
          : ch
    if (byte !== 0x0a && line + piece.length > 75) {
      out += '=\r\n'
      line = 0
    }
    out += piece
    line = byte === 0x0a ? 0 : line + piece.length
  }
  return out
}

/** An MHTML file as Chrome writes it: the page quoted-printable, then its resources. */
function chromeMhtml(html: string): Uint8Array {
  const boundary = '----MultipartBoundary--Vq0uPZ5T1hcAyjQEf5DwVZxNHeB8KLqbQuSdHFDTCD----'
  return new Uint8Array(
    Buffer.from(
      [
        'From: <Saved by Blink>',
        'Snapshot-Content-Location: https://www.dailyledger.example/world/kursk-gains-1991234',
        'Subject: =?utf-8?Q?Russian_and_North_Korean_Troops?=',
        'Date: Sat, 23 Nov 2024 15:00:00 -0000',
        'MIME-Version: 1.0',
        'Content-Type: multipart/related;',
        '\ttype="text/html";',
        `\tboundary="${boundary}"`,
        '',
        '',
        `--${boundary}`,
        'Content-Type: text/html',
        'Content-ID: <frame-1@mhtml.blink>',
        'Content-Transfer-Encoding: quoted-printable',
        'Content-Location: https://www.dailyledger.example/world/kursk-gains-1991234',
        '',
        quotedPrintable(html),
        `--${boundary}`,
        'Content-Type: image/png',
        'Content-Transfer-Encoding: base64',
        'Content-Location: https://images.dailyledger.example/kursk.jpg',
        '',
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
        `--${boundary}--`,
        ''
      ].join('\r\n'),
      'utf8'
    )
  )
}

describe('mhtml', () => {
  it('reads the page inside a Chrome MHTML file like the page itself', async () => {
    const fromMhtml = await importMhtml('kursk.mhtml', chromeMhtml(page))
    const fromHtml = await importHtml('kursk.html', new TextEncoder().encode(page))
    expect(fromMhtml.text).toBe(fromHtml.text)
    expect(fromMhtml.blocks).toEqual(fromHtml.blocks)
    expect(fromMhtml.meta).toEqual({
      ...fromHtml.meta,
      url: 'https://www.dailyledger.example/world/kursk-gains-1991234'
    })
    expect(fromMhtml.format).toBe('html')
  })

  it('reads a base64 HTML part with a charset', async () => {
    const html =
      '<html><body><article><h1>Заголовок</h1><p>' +
      'Москва возвращает территорию в Курской области. '.repeat(5) +
      '</p></article></body></html>'
    const mime = [
      'MIME-Version: 1.0',
      'Content-Type: multipart/related; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/html; charset=windows-1251',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from(new TextEncoder().encode(html)).toString('base64').replace(/.{76}/g, '$&\r\n'),
      '--b1--'
    ].join('\r\n')
    // the declared charset is wrong on purpose: it is trusted, as a browser would
    const doc = await importMhtml('ru.mht', new Uint8Array(Buffer.from(mime, 'latin1')))
    expect(doc.encoding).toBe('windows-1251')
    const utf8 = mime.replace('charset=windows-1251', 'charset=utf-8')
    expect((await importMhtml('ru.mht', new Uint8Array(Buffer.from(utf8, 'latin1')))).text).toContain(
      'Москва возвращает'
    )
  })

  it('rejects files that are not MHTML', async () => {
    await expect(importMhtml('x.mhtml', new TextEncoder().encode('<html><body>hi</body></html>'))).rejects.toThrow(
      /^x\.mhtml: not an MHTML file/
    )
    await expect(
      importMhtml(
        'y.mhtml',
        new TextEncoder().encode(
          'Content-Type: multipart/related; boundary="q"\r\n\r\n--q\r\nContent-Type: image/png\r\n\r\nxx\r\n--q--'
        )
      )
    ).rejects.toThrow(/^y\.mhtml: not an MHTML file \(no HTML part found\)/)
  })
})
