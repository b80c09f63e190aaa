import { describe, expect, it } from 'vitest'
import { LIMITS } from '../../../shared/api'
import { pickedFromList, refusal, sortByPath } from './import-files'

const file = (name: string, body = 'x', extra: Partial<File> = {}) => ({
  file: Object.assign(new File([body], name), extra),
  path: name
})

describe('refusal', () => {
  it('lets every format the importer reads through, whatever the case of the extension', () => {
    for (const name of [
      'a.txt',
      'b.TEXT',
      'c.md',
      'd.Markdown',
      'e.html',
      'f.HTM',
      'g.mhtml',
      'h.mht',
      'i.pdf',
      'j.DOCX'
    ]) {
      expect(refusal(file(name)), name).toBeNull()
    }
  })

  it('names the unsupported extension and lists the supported ones', () => {
    expect(refusal(file('sheet.xlsx'))).toBe(
      '".xlsx" files are not supported (supported: .txt, .text, .md, .markdown, .html, .htm, .mhtml, .mht, .pdf, .docx)'
    )
    expect(refusal(file('README'))).toMatch(/^the file has no extension \(supported: /)
    expect(refusal(file('.bashrc'))).toMatch(/^the file has no extension/)
  })

  it('refuses a file over the size limit before reading it', () => {
    const sized = (size: number) => ({
      file: Object.defineProperty(new File(['x'], 'big.pdf'), 'size', { value: size }),
      path: 'big.pdf'
    })
    expect(refusal(sized(300 * 1024 * 1024))).toBe('the file is too large (300 MB; the limit is 256 MB)')
    expect(refusal(sized(LIMITS.fileBytes))).toBeNull()
  })
})

describe('paths', () => {
  it('keeps the folder-relative path of files chosen with a folder picker', () => {
    const inFolder = new File(['x'], 'a.txt')
    Object.defineProperty(inFolder, 'webkitRelativePath', { value: 'press/2024/a.txt' })
    expect(pickedFromList([inFolder, new File(['x'], 'b.md')]).map((p) => p.path)).toEqual(['press/2024/a.txt', 'b.md'])
  })

  it('sorts like a file manager: numbers as numbers, case ignored', () => {
    const sorted = sortByPath(
      ['p/10.txt', 'p/2.txt', 'P/1.txt', 'a/z.txt'].map((path) => ({ file: new File(['x'], 'x.txt'), path }))
    )
    expect(sorted.map((p) => p.path)).toEqual(['a/z.txt', 'P/1.txt', 'p/2.txt', 'p/10.txt'])
  })
})
