import { describe, expect, it } from 'vitest'
import { extensionOf, isHiddenPath, isImportable, refusal } from './importable'

describe('importable files', () => {
  it('reads extensions without the dot, and a leading dot is not one', () => {
    expect(extensionOf('a/b/Report.PDF')).toBe('pdf')
    expect(extensionOf('C:\\x\\notes.md')).toBe('md')
    expect(extensionOf('.bashrc')).toBe('')
    expect(extensionOf('README')).toBe('')
  })

  it('knows the formats the importer reads', () => {
    expect(isImportable('a.mhtml')).toBe(true)
    expect(isImportable('a.doc')).toBe(false)
  })

  it('treats any dot-named part of a path as hidden, with either separator', () => {
    expect(isHiddenPath('folder/.DS_Store')).toBe(true)
    expect(isHiddenPath('.git/config.txt')).toBe(true)
    expect(isHiddenPath('C:\\cases\\.cache\\a.txt')).toBe(true)
    expect(isHiddenPath('../cases/a.txt')).toBe(false)
    expect(isHiddenPath('folder/a.txt')).toBe(false)
  })

  it('names why a file is refused', () => {
    expect(refusal('x.xyz', 10)).toMatch(/^"\.xyz" files are not supported \(supported: \.txt/)
    expect(refusal('x', 10)).toMatch(/^the file has no extension/)
    expect(refusal('x.txt', 0)).toBe('the file is empty')
    expect(refusal('x.txt', 300 * 1024 * 1024)).toBe('the file is too large (300 MB; the limit is 256 MB)')
    expect(refusal('x.txt', 10)).toBeNull()
  })
})
