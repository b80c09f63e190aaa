import { describe, expect, it } from 'vitest'
import { dropEntries, walkEntries, type DropEntry } from './dropped-files'

function fileEntry(name: string, body = name): DropEntry {
  return { isFile: true, isDirectory: false, name, file: (ok) => ok(new File([body], name)) }
}

/** A directory whose reader hands out its children two at a time, as Chromium does in batches. */
function dirEntry(name: string, children: DropEntry[]): DropEntry {
  return {
    isFile: false,
    isDirectory: true,
    name,
    createReader: () => {
      let at = 0
      return {
        readEntries: (ok) => {
          const batch = children.slice(at, at + 2)
          at += batch.length
          setTimeout(() => ok(batch))
        }
      }
    }
  }
}

describe('walkEntries', () => {
  it('collects every file under dropped folders, across readEntries batches, with folder paths', async () => {
    const tree = dirEntry('press', [
      fileEntry('a.txt'),
      fileEntry('b.html'),
      dirEntry('2024', [fileEntry('c.md'), dirEntry('empty', []), fileEntry('d.pdf'), fileEntry('e.docx')]),
      fileEntry('f.txt')
    ])
    const loose = new File(['loose'], 'loose.txt')
    const { files, unreadable } = await walkEntries([tree, fileEntry('single.md')], [loose])
    expect(files.map((f) => f.path).sort()).toEqual(
      [
        'loose.txt',
        'press/2024/c.md',
        'press/2024/d.pdf',
        'press/2024/e.docx',
        'press/a.txt',
        'press/b.html',
        'press/f.txt',
        'single.md'
      ].sort()
    )
    expect(await files.find((f) => f.path === 'press/2024/e.docx')!.file!.text()).toBe('e.docx')
    expect(unreadable).toEqual([])
  })

  it('reports entries that cannot be read and goes on with the rest', async () => {
    const broken: DropEntry = {
      isFile: true,
      isDirectory: false,
      name: 'gone.txt',
      file: (_ok, fail) => fail!(new DOMException('A requested file could not be found', 'NotFoundError'))
    }
    const { files, unreadable } = await walkEntries([dirEntry('d', [broken, fileEntry('ok.txt')])])
    expect(files.map((f) => f.path)).toEqual(['d/ok.txt'])
    expect(unreadable).toEqual([
      { path: 'd/gone.txt', message: 'could not be read (A requested file could not be found)' }
    ])
  })
})

describe('dropEntries', () => {
  it('takes entries from items, and plain files where there is no entry', () => {
    const entry = fileEntry('a.txt')
    const plain = new File(['p'], 'p.txt')
    const data = {
      items: [
        { kind: 'file', webkitGetAsEntry: () => entry, getAsFile: () => null },
        { kind: 'file', webkitGetAsEntry: () => null, getAsFile: () => plain },
        { kind: 'string', webkitGetAsEntry: () => null, getAsFile: () => null }
      ],
      files: [plain]
    } as unknown as DataTransfer
    expect(dropEntries(data)).toEqual({ entries: [entry], loose: [plain] })
  })

  it('falls back to the flat file list when there are no items', () => {
    const plain = new File(['p'], 'p.txt')
    expect(dropEntries({ files: [plain] } as unknown as DataTransfer)).toEqual({ entries: [], loose: [plain] })
  })
})
