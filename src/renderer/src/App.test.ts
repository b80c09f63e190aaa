import { fireEvent, render, screen, waitFor } from '@testing-library/svelte'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ClaimdeskError } from '../../shared/errors'
import App from './App.svelte'
import { loadedDesk, type TestDesk } from './lib/testing/desk'

const text = 'Kursk\n\nRussia has deployed just under 60,000 troops to Kursk, the source said.'

let t: TestDesk
afterEach(() => {
  localStorage.clear() // panes and theme are remembered there
  return t?.dispose()
})

function selectIn(el: Element, from: number, to: number) {
  const node = [...el.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent)!
  const range = document.createRange()
  range.setStart(node, from)
  range.setEnd(node, to)
  getSelection()!.removeAllRanges()
  getSelection()!.addRange(range)
  document.dispatchEvent(new Event('selectionchange'))
}

const claimQuotes = async () => (await t.service.api.listClaims({})).claims.map((c) => c.quote.exact)
const documentTexts = async () => {
  const { documents } = await t.service.api.currentCase()
  return Promise.all(documents.map(async (d) => (await t.service.api.getDocument(d.id)).document.text))
}

describe('App', () => {
  it('marks a selection with the C key and opens it in the editor', async () => {
    t = await loadedDesk({ documents: { 'kursk.txt': text }, sources: [{ name: 'ISW' }] })
    render(App, { props: { backend: t.backend } })
    const blocks = await screen.findAllByTestId('reader-block')
    selectIn(blocks[1], 0, 6)
    await waitFor(() => screen.getByTestId('mark-claim'))
    await fireEvent.keyDown(document.body, { key: 'c' })
    await waitFor(async () => expect(await claimQuotes()).toEqual(['Russia']))
    await waitFor(() => expect(screen.getByTestId('claim-editor')).toBeTruthy())
    await waitFor(() => expect(screen.getAllByTestId('claim-item')).toHaveLength(1))
  })

  it('moves between claims with J and K and shows the shortcuts with ?', async () => {
    t = await loadedDesk({ documents: { 'kursk.txt': text } })
    const documentId = t.documents['kursk.txt']
    await t.service.api.createClaim({ documentId, start: 7, end: 13 })
    await t.service.api.createClaim({ documentId, start: 14, end: 17 })
    render(App, { props: { backend: t.backend } })
    await waitFor(() => expect(screen.getAllByTestId('claim-item')).toHaveLength(2))
    await fireEvent.keyDown(document.body, { key: 'j' })
    await fireEvent.keyDown(document.body, { key: 'j' })
    await fireEvent.keyDown(document.body, { key: 'k' })
    const focused = () => screen.getAllByTestId('claim-item').filter((i) => i.getAttribute('aria-selected') === 'true')
    await waitFor(() => expect(focused().map((i) => i.textContent)).toEqual([expect.stringContaining('Russia')]))
    // Focusing a claim from the keyboard leaves the keyboard with the desk, not the editor.
    expect(document.activeElement?.closest('[data-testid="claim-editor"]')).toBeNull()
    await fireEvent.keyDown(document.body, { key: '?' })
    expect(await screen.findByTestId('shortcuts-help')).toBeTruthy()
  })

  it('undoes and redoes from the keyboard, naming the change', async () => {
    t = await loadedDesk({ documents: { 'kursk.txt': text } })
    const documentId = t.documents['kursk.txt']
    render(App, { props: { backend: t.backend } })
    await screen.findAllByTestId('reader-block')
    await t.service.api.createClaim({ documentId, start: 7, end: 13 })
    const { value: claim } = await t.service.api.createClaim({ documentId, start: 14, end: 17 })
    await t.service.api.deleteClaim(claim.id)
    await fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true })
    await waitFor(async () => expect(await claimQuotes()).toEqual(['Russia', 'has']))
    expect((await screen.findByTestId('toast')).textContent).toContain('Undo: delete “has”')
    await fireEvent.keyDown(document.body, { key: 'y', ctrlKey: true })
    await waitFor(async () => expect(await claimQuotes()).toEqual(['Russia']))
  })

  it('imports chosen files through the file transfer and reports the result', async () => {
    t = await loadedDesk()
    render(App, { props: { backend: t.backend } })
    const input = (await screen.findByTestId('import-input')) as HTMLInputElement
    const file = new File(['Héllo\n\nWorld'], 'note.txt', { type: 'text/plain' })
    await fireEvent.change(input, { target: { files: [file] } })
    await waitFor(async () => expect(await documentTexts()).toEqual(['Héllo\n\nWorld']))
    const sent = (t.calls.find((c) => c.method === 'importFiles')!.args[0] as { name: string }[])[0]
    expect(sent.name).toBe('note.txt')
    await waitFor(() => expect(screen.getAllByTestId('document-item')).toHaveLength(1))
  })

  it('imports files dropped anywhere on the window', async () => {
    t = await loadedDesk()
    render(App, { props: { backend: t.backend } })
    await screen.findByTestId('import-input')
    const dataTransfer = { types: ['Files'], files: [new File(['Dropped\n\nText'], 'drop.md')], dropEffect: 'none' }
    const fire = (type: string) =>
      window.dispatchEvent(Object.assign(new Event(type, { cancelable: true }), { dataTransfer }))
    fire('dragenter')
    expect(await screen.findByTestId('drop-zone')).toBeTruthy()
    fire('dragover')
    fire('drop')
    await waitFor(async () => expect(await documentTexts()).toEqual(['Dropped\n\nText']))
    expect((t.calls.find((c) => c.method === 'importFiles')!.args[0] as { name: string }[])[0].name).toBe('drop.md')
    await waitFor(() => expect(screen.queryByTestId('drop-zone')).toBeNull())
  })

  it('carries out the desktop menu commands through the native dialogs', async () => {
    t = await loadedDesk({ documents: { 'kursk.txt': text } })
    const chosen = t.service.file('menu.md', '# From the menu\n\nChosen natively.')
    const folder = join(t.service.dir, 'press')
    mkdirSync(folder)
    writeFileSync(join(folder, 'a.txt'), 'Folder file\n\nFrom the folder dialog.')
    const newCase = `${t.service.dir}/new.claimdesk.json`
    const other = `${t.service.dir}/double-clicked.claimdesk.json`
    await t.service.api.newCase(other)
    await t.service.api.openCase(`${t.service.dir}/case.claimdesk.json`)
    let send: (action: string) => void = () => {}
    let openCase: (path: string) => void = () => {}
    window.claimdesk = {
      platform: {
        onMenu: (listener: (action: string) => void) => (send = listener),
        onOpenCase: (listener: (path: string) => void) => (openCase = listener),
        newCaseDialog: async () => newCase,
        chooseImportPaths: async () => [{ path: chosen, name: 'menu.md' }],
        chooseImportFolder: async () => [{ path: join(folder, 'a.txt'), name: 'press/a.txt' }]
      }
    } as never
    try {
      render(App, { props: { backend: t.backend } })
      await screen.findAllByTestId('reader-block')
      send('shortcuts')
      expect(await screen.findByTestId('shortcuts-help')).toBeTruthy()
      send('export')
      expect(await screen.findByTestId('export-dialog')).toBeTruthy()
      send('import')
      await waitFor(async () => expect(await documentTexts()).toContain('From the menu\n\nChosen natively.'))
      // The native dialog gives a path: main reads the file itself, through the import queue.
      expect(t.calls.find((c) => c.method === 'importFiles')!.args[0]).toEqual([{ path: chosen, name: 'menu.md' }])
      send('import-folder')
      await waitFor(async () => expect(await documentTexts()).toContain('Folder file\n\nFrom the folder dialog.'))
      send('new-case')
      await waitFor(async () => expect((await t.service.api.currentCase()).info.path).toBe(newCase))
      openCase(other)
      await waitFor(async () => expect((await t.service.api.currentCase()).info.path).toBe(other))
    } finally {
      delete window.claimdesk
    }
  })

  it('shows a read-only banner and offers no edits', async () => {
    t = await loadedDesk({ documents: { 'kursk.txt': text }, readOnly: true })
    render(App, { props: { backend: t.backend } })
    expect(await screen.findByTestId('read-only-banner')).toBeTruthy()
    expect((screen.getByTestId('import-button') as HTMLButtonElement).disabled).toBe(true)
  })

  it('shows the welcome screen when no case is open, and errors as dismissable messages', async () => {
    t = await loadedDesk()
    t.api.currentCase = async () => {
      throw new ClaimdeskError('no-case', 'No case is open')
    }
    t.api.recentCases = async () => {
      throw new ClaimdeskError('io', 'Cannot read the recent cases list')
    }
    render(App, { props: { backend: t.backend } })
    expect(await screen.findByTestId('welcome')).toBeTruthy()
    const error = await screen.findByTestId('error')
    expect(error.textContent).toContain('Cannot read the recent cases list')
    await fireEvent.click(error.querySelector('button[aria-label="Dismiss"]')!)
    await waitFor(() => expect(screen.queryByTestId('error')).toBeNull())
  })

  it('runs any action from the palette (Ctrl+K), and folds and reopens panes from the keyboard', async () => {
    t = await loadedDesk({ documents: { 'kursk.txt': text } })
    render(App, { props: { backend: t.backend } })
    await screen.findAllByTestId('reader-block')
    await fireEvent.keyDown(document.body, { key: 'k', ctrlKey: true })
    const input = await screen.findByTestId('palette-input')
    await fireEvent.input(input, { target: { value: 'theme dark' } })
    expect(screen.getAllByTestId('palette-entry').map((e) => e.textContent)).toEqual([
      expect.stringContaining('Theme: dark')
    ])
    await fireEvent.keyDown(input, { key: 'Enter' })
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'))
    expect(screen.queryByTestId('command-palette')).toBeNull()
    expect(localStorage.getItem('claimdesk-theme')).toBe('dark')

    await fireEvent.keyDown(document.body, { key: 'b', ctrlKey: true })
    await fireEvent.click(await screen.findByTestId('open-left'))
    expect(await screen.findByTestId('tab-documents')).toBeTruthy()
    await fireEvent.keyDown(document.body, { key: 'j', ctrlKey: true })
    expect(screen.getByTestId('toggle-editor').getAttribute('aria-expanded')).toBe('false')
    expect(JSON.parse(localStorage.getItem('claimdesk-layout')!)).toMatchObject({ editorCollapsed: true })
  })
})
