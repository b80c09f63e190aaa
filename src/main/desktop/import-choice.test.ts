import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../case/testing/tmp-dir'
import { chosenFiles, chosenFolder } from './import-choice'

const tempDir = useTempDir()

describe('desktop import choices', () => {
  it('names files by their base name and a folder’s files by their path inside it', async () => {
    const root = tempDir()
    const folder = join(root, 'press')
    mkdirSync(join(folder, '2024'), { recursive: true })
    for (const f of ['2024/b.md', 'a.txt', '.DS_Store', 'c.xlsx']) writeFileSync(join(folder, f), 'x')
    expect(chosenFiles([join(folder, 'a.txt')])).toEqual([{ path: join(folder, 'a.txt'), name: 'a.txt' }])
    expect(await chosenFolder(folder)).toEqual([
      { path: join(folder, '2024/b.md'), name: 'press/2024/b.md' },
      { path: join(folder, 'a.txt'), name: 'press/a.txt' }
    ])
  })
})
