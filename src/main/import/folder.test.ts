import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isHiddenPath, refusal } from '../../shared/importable'
import { useTempDir } from '../case/testing/tmp-dir'
import { importableFilesIn } from './folder'

const tempDir = useTempDir()

describe('importableFilesIn', () => {
  it('takes the files the UI takes from the same folder: importable, not hidden, in file-manager order', async () => {
    const root = tempDir()
    const files = [
      'press/10.txt',
      'press/2.md',
      'press/.DS_Store',
      '.git/x.txt',
      'press/.drafts/a.txt',
      'b.pdf',
      'c.xlsx'
    ]
    for (const f of files) {
      mkdirSync(join(root, f, '..'), { recursive: true })
      writeFileSync(join(root, f), 'x')
    }
    const found = (await importableFilesIn(root)).map((p) => relative(root, p))
    expect(found).toEqual(['b.pdf', 'press/2.md', 'press/10.txt'])
    // The UI's rule over the same relative paths (what a folder picker reports) picks the same set.
    const ui = files.filter((f) => !isHiddenPath(f) && refusal(f, 1) === null)
    expect(new Set(ui)).toEqual(new Set(found))
  })

  it('takes a link to a file as the file, and follows no link to a folder (a loop ends)', async () => {
    const root = join(tempDir(), 'root')
    const outside = join(tempDir(), 'outside')
    mkdirSync(outside)
    writeFileSync(join(outside, 'wire.txt'), 'x')
    mkdirSync(join(root, 'gathered'), { recursive: true })
    symlinkSync(join(outside, 'wire.txt'), join(root, 'gathered', 'wire.txt'))
    symlinkSync(join(root, 'missing.txt'), join(root, 'gathered', 'broken.txt'))
    symlinkSync(root, join(root, 'gathered', 'loop'))
    const found = (await importableFilesIn(root)).map((p) => relative(root, p))
    expect(found).toEqual(['gathered/wire.txt'])
  })

  it('names the folder when it holds nothing importable', async () => {
    const root = tempDir()
    writeFileSync(join(root, 'sheet.xlsx'), 'x')
    await expect(importableFilesIn(root)).rejects.toThrow(`${root}: the folder holds no file Claimdesk can import`)
  })
})
