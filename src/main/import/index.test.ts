import { describe, expect, it } from 'vitest'
import { ClaimdeskError } from '../../shared/errors'
import { importFile, importPastedText, preloadParsers } from './index'

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

describe('preloadParsers', () => {
  it('loads the parsers, pdf.js with its in-process worker included', async () => {
    await expect(preloadParsers()).resolves.toBeUndefined()
    expect((globalThis as Record<string, unknown>).pdfjsWorker).toHaveProperty('WorkerMessageHandler')
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
