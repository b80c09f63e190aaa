import { describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ClaimdeskError } from '../../shared/errors'
import { importFile, importFileAt, importPastedText, preloadParsers } from './index'

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

async function failure(run: () => Promise<unknown>): Promise<ClaimdeskError> {
  try {
    await run()
  } catch (err) {
    expect(err).toBeInstanceOf(ClaimdeskError)
    expect((err as ClaimdeskError).code).toBe('invalid')
    return err as ClaimdeskError
  }
  throw new Error('expected the import to fail')
}

describe('importFile', () => {
  it('picks the importer by extension', async () => {
    expect((await importFile('a.TXT', utf8('Title\n\nBody.'))).format).toBe('txt')
    expect((await importFile('a.md', utf8('# Title\n\nBody.'))).format).toBe('md')
    expect((await importFile('a.htm', utf8('<h1>Title</h1><p>Body.</p>'))).format).toBe('html')
  })

  it('passes a forced encoding on to text formats', async () => {
    const doc = await importFile('ru.txt', new Uint8Array([0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4]), { encoding: 'koi8-r' })
    expect(doc).toMatchObject({ text: 'Привет', encoding: 'koi8-r' })
  })

  it('names the file and the problem in every error', async () => {
    expect((await failure(() => importFile('notes.xyz', utf8('x')))).message).toMatch(
      /^notes\.xyz: "\.xyz" files are not supported \(supported: \.txt, /
    )
    expect((await failure(() => importFile('README', utf8('x')))).message).toMatch(/^README: the file has no extension/)
    expect((await failure(() => importFile('empty.txt', new Uint8Array(0)))).message).toBe(
      'empty.txt: the file is empty'
    )
    expect(
      (await failure(() => importFile('photo.txt', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])))).message
    ).toBe('photo.txt: this is a JPEG image, not a text file')
    // The size is checked before a byte is read, so a stand-in with only a length will do.
    const err = await failure(() => importFile('big.txt', { length: 257 * 1024 * 1024 } as Uint8Array))
    expect(err.message).toBe('big.txt: the file is too large (257 MB; the limit is 256 MB)')
    expect(err.details).toEqual({ fileName: 'big.txt' })
  })
})

describe('importFile in a worker thread', () => {
  it('hands back the document, and file errors as ClaimdeskErrors naming the file', async () => {
    expect(await importFile('a.md', utf8('# Title\n\nBody.'))).toMatchObject({ format: 'md', text: 'Title\n\nBody.' })
    const err = await failure(() => importFile('blank.md', utf8('***\n')))
    expect(err).toMatchObject({ message: 'blank.md: the file contains no text', details: { fileName: 'blank.md' } })
  })

  it('stops when its signal is aborted', async () => {
    const controller = new AbortController()
    controller.abort()
    await expect(importFile('a.txt', utf8('x'), { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError'
    })
  })

  it('applies limit overrides inside the worker', async () => {
    const deep = utf8(Array.from({ length: 5 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n'))
    expect((await importFile('d.md', deep)).notices).toEqual([])
    expect((await importFile('d.md', deep, { limits: { markdownDepth: 3 } })).notices[0]).toMatch(
      /more than 3 levels deep/
    )
  })
})

describe('importFileAt', () => {
  it('lets the worker read the file from disk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimdesk-import-at-'))
    try {
      const path = join(dir, 'note.txt')
      writeFileSync(path, 'Read from disk.')
      expect((await importFileAt(path)).text).toBe('Read from disk.')
      expect((await failure(() => importFileAt(join(dir, 'gone.txt')))).message).toBe(
        'gone.txt: the file could not be read (ENOENT)'
      )
      writeFileSync(join(dir, 'empty.md'), '')
      expect((await failure(() => importFileAt(join(dir, 'empty.md'), { fileName: 'Empty.md' }))).message).toBe(
        'Empty.md: the file is empty'
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('preloadParsers', () => {
  it('starts the workers with their parsers loaded', async () => {
    await expect(preloadParsers()).resolves.toBeUndefined()
    expect((await importFile('after.html', utf8('<h1>Warm</h1><p>Ready.</p>'))).format).toBe('html')
  })
})

describe('importPastedText', () => {
  it('makes a document of pasted text, titled by its first line unless given a title', () => {
    const doc = importPastedText('Breaking: convoy crossed\r\n\r\nOfficials said so.')
    expect(doc).toMatchObject({
      format: 'paste',
      text: 'Breaking: convoy crossed\n\nOfficials said so.',
      notices: [],
      suggestedSources: []
    })
    expect(doc.meta.title).toBe('Breaking: convoy crossed')
    expect(importPastedText('Body only.', '  My title ').meta.title).toBe('My title')
  })

  it('rejects empty text', () => {
    expect(() => importPastedText(' \n ')).toThrow(/^Pasted text is empty$/)
  })
})
