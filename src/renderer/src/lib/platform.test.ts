// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { dialogs } from './dialogs.svelte'
import { chooseCasePath, saveExport } from './platform'

afterEach(() => {
  vi.restoreAllMocks()
  delete window.claimdesk
})

describe('saveExport in browser mode', () => {
  it('downloads the decoded bytes under the export file name', async () => {
    const blobs: Blob[] = []
    URL.createObjectURL = vi.fn((blob: Blob) => (blobs.push(blob), 'blob:x'))
    URL.revokeObjectURL = vi.fn()
    const clicked: string[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download)
    })
    const name = await saveExport({
      fileName: 'brief.docx',
      mimeType: 'application/x-test',
      encoding: 'base64',
      content: btoa('\x00\x01PK')
    })
    expect(name).toBe('brief.docx')
    expect(clicked).toEqual(['brief.docx'])
    expect([...new Uint8Array(await blobs[0].arrayBuffer())]).toEqual([0, 1, 80, 75])
    expect(blobs[0].type).toBe('application/x-test')
  })
})

describe('platform in the desktop app', () => {
  it('uses the native dialogs and save', async () => {
    const saveFile = vi.fn(async () => '/home/me/brief.md')
    window.claimdesk = { platform: { saveCaseDialog: async () => '/c/copy.claimdesk.json', saveFile } } as never
    expect(await chooseCasePath('save')).toBe('/c/copy.claimdesk.json')
    expect(
      await saveExport({ fileName: 'brief.md', mimeType: 'text/markdown', encoding: 'utf8', content: '# B' })
    ).toBe('/home/me/brief.md')
    expect(saveFile).toHaveBeenCalledWith('brief.md', '# B', 'utf8')
  })
})

describe('chooseCasePath in browser mode', () => {
  it('asks with the in-app path dialog', async () => {
    const chosen = chooseCasePath('open')
    expect(dialogs.path?.mode).toBe('open')
    dialogs.path!.resolve('/cases/k.claimdesk.json')
    expect(await chosen).toBe('/cases/k.claimdesk.json')
    expect(dialogs.path).toBeNull()
  })
})
