// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import { ClaimdeskError } from '../../shared/errors'
import App from './App.svelte'
import './lib/testing/desk'
import { makeDocument, makeSource, memoryApi } from './lib/testing/memory-api'

const text = 'Kursk\n\nRussia has deployed just under 60,000 troops to Kursk, the source said.'

function selectIn(el: Element, from: number, to: number) {
  const node = [...el.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent)!
  const range = document.createRange()
  range.setStart(node, from)
  range.setEnd(node, to)
  getSelection()!.removeAllRanges()
  getSelection()!.addRange(range)
  document.dispatchEvent(new Event('selectionchange'))
}

describe('App', () => {
  it('marks a selection with the C key and opens it in the editor', async () => {
    const api = memoryApi({ documents: [makeDocument('d1', text)], sources: [makeSource('ISW')] })
    render(App, { props: { api } })
    const blocks = await screen.findAllByTestId('reader-block')
    selectIn(blocks[1], 0, 6)
    await waitFor(() => screen.getByTestId('mark-claim'))
    await fireEvent.keyDown(document.body, { key: 'c' })
    await waitFor(() => expect(api.data.claims.map((c) => c.quote.exact)).toEqual(['Russia']))
    await waitFor(() => expect(screen.getByTestId('claim-editor')).toBeTruthy())
    expect(screen.getAllByTestId('claim-item')).toHaveLength(1)
  })

  it('moves between claims with J and K and shows the shortcuts with ?', async () => {
    const api = memoryApi({ documents: [makeDocument('d1', text)] })
    await api.createClaim({ documentId: 'd1', start: 7, end: 13 })
    await api.createClaim({ documentId: 'd1', start: 14, end: 17 })
    render(App, { props: { api } })
    await waitFor(() => expect(screen.getAllByTestId('claim-item')).toHaveLength(2))
    await fireEvent.keyDown(document.body, { key: 'j' })
    await fireEvent.keyDown(document.body, { key: 'j' })
    await fireEvent.keyDown(document.body, { key: 'k' })
    const focused = screen.getAllByTestId('claim-item').filter((i) => i.getAttribute('aria-selected') === 'true')
    expect(focused.map((i) => i.textContent)).toEqual([expect.stringContaining('Russia')])
    await fireEvent.keyDown(document.body, { key: '?' })
    expect(await screen.findByTestId('shortcuts-help')).toBeTruthy()
  })

  it('imports chosen files as base64 and reports the result', async () => {
    const api = memoryApi()
    render(App, { props: { api } })
    const input = (await screen.findByTestId('import-input')) as HTMLInputElement
    const file = new File(['Héllo\n\nWorld'], 'note.txt', { type: 'text/plain' })
    await fireEvent.change(input, { target: { files: [file] } })
    await waitFor(() => expect(api.data.documents).toHaveLength(1))
    const sent = (
      api.data.calls.find((c) => c.method === 'importFiles')!.args[0] as { name: string; data: string }[]
    )[0]
    expect(sent.name).toBe('note.txt')
    expect(new TextDecoder().decode(Uint8Array.from(atob(sent.data), (ch) => ch.charCodeAt(0)))).toBe('Héllo\n\nWorld')
    await waitFor(() => expect(screen.getAllByTestId('document-item')).toHaveLength(1))
  })

  it('imports files dropped anywhere on the window', async () => {
    const api = memoryApi()
    render(App, { props: { api } })
    await screen.findByTestId('import-input')
    const dataTransfer = { types: ['Files'], files: [new File(['Dropped\n\nText'], 'drop.md')], dropEffect: 'none' }
    const fire = (type: string) =>
      window.dispatchEvent(Object.assign(new Event(type, { cancelable: true }), { dataTransfer }))
    fire('dragenter')
    expect(await screen.findByTestId('drop-zone')).toBeTruthy()
    fire('dragover')
    fire('drop')
    await waitFor(() => expect(api.data.documents.map((d) => d.text)).toEqual(['Dropped\n\nText']))
    expect((api.data.calls.find((c) => c.method === 'importFiles')!.args[0] as { name: string }[])[0].name).toBe(
      'drop.md'
    )
    await waitFor(() => expect(screen.queryByTestId('drop-zone')).toBeNull())
  })

  it('carries out the desktop menu commands through the native dialogs', async () => {
    const api = memoryApi({ documents: [makeDocument('d1', text)] })
    const opened: unknown[] = []
    api.newCase = async (path) => {
      opened.push(path)
      return api.currentCase()
    }
    const caseOpened: unknown[] = []
    api.openCase = async (path) => {
      caseOpened.push(path)
      return api.currentCase()
    }
    // importPaths: the contract method the lead is adding (main reads the chosen files itself).
    const importedPaths: string[][] = []
    ;(api as unknown as { importPaths(paths: string[]): Promise<unknown> }).importPaths = async (paths) => {
      importedPaths.push(paths)
      return []
    }
    let send: (action: string) => void = () => {}
    let openCase: (path: string) => void = () => {}
    window.claimdesk = {
      platform: {
        onMenu: (listener: (action: string) => void) => (send = listener),
        onOpenCase: (listener: (path: string) => void) => (openCase = listener),
        newCaseDialog: async () => '/cases/new.claimdesk.json',
        chooseImportPaths: async () => ['/docs/menu.md', '/docs/other.pdf'],
        chooseImportFolder: async () => '/docs/folder'
      }
    } as never
    try {
      render(App, { props: { api } })
      await screen.findAllByTestId('reader-block')
      send('shortcuts')
      expect(await screen.findByTestId('shortcuts-help')).toBeTruthy()
      send('export')
      expect(await screen.findByTestId('export-dialog')).toBeTruthy()
      send('import')
      await waitFor(() => expect(importedPaths).toEqual([['/docs/menu.md', '/docs/other.pdf']]))
      send('import-folder')
      await waitFor(() => expect(importedPaths.at(-1)).toEqual(['/docs/folder']))
      expect(api.data.calls.some((c) => c.method === 'importFiles')).toBe(false)
      send('new-case')
      await waitFor(() => expect(opened).toEqual(['/cases/new.claimdesk.json']))
      openCase('/cases/double-clicked.claimdesk.json')
      await waitFor(() => expect(caseOpened).toEqual(['/cases/double-clicked.claimdesk.json']))
    } finally {
      delete window.claimdesk
    }
  })

  it('shows a read-only banner and offers no edits', async () => {
    const api = memoryApi({ documents: [makeDocument('d1', text)], readOnly: true })
    render(App, { props: { api } })
    expect(await screen.findByTestId('read-only-banner')).toBeTruthy()
    expect((screen.getByTestId('import-button') as HTMLButtonElement).disabled).toBe(true)
  })

  it('shows the welcome screen when no case is open, and errors as dismissable messages', async () => {
    const api = memoryApi()
    api.currentCase = async () => {
      throw new ClaimdeskError('no-case', 'No case is open')
    }
    api.recentCases = async () => {
      throw new ClaimdeskError('io', 'Cannot read the recent cases list')
    }
    render(App, { props: { api } })
    expect(await screen.findByTestId('welcome')).toBeTruthy()
    const error = await screen.findByTestId('error')
    expect(error.textContent).toContain('Cannot read the recent cases list')
    await fireEvent.click(error.querySelector('button[aria-label="Dismiss"]')!)
    await waitFor(() => expect(screen.queryByTestId('error')).toBeNull())
  })
})
