import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte'
import { afterEach, describe, expect, it } from 'vitest'
import type { ImportFile } from '../../../shared/api'
import { holdCalls, loadedDesk, type TestDesk } from '../lib/testing/desk'
import ImportButton from './ImportButton.svelte'
import ImportProgress from './ImportProgress.svelte'

const file = (path: string, body = `${path}\n\nbody`) => ({ file: new File([body], path.split('/').pop()!), path })

let t: TestDesk
afterEach(() => t?.dispose())

describe('ImportProgress', () => {
  it('shows n of N with the current file, a bar, Cancel, then a summary and a row per file', async () => {
    t = await loadedDesk({ documents: { 'old.txt': 'Earlier\n\nOld text.', 'same.txt': 'Same\n\nbytes' } })
    const held = holdCalls(t.api, 'importFiles')
    render(ImportProgress, { context: t.context })
    const done = t.desk.imports.add([
      file('f/a.txt', 'Earlier\n\nNew text.'),
      file('f/b.txt', 'Same\n\nbytes'),
      file('f/c.zip')
    ])

    const panel = await screen.findByTestId('import-progress')
    await waitFor(() => expect(screen.getByTestId('import-current')).toHaveTextContent('f/a.txt'))
    expect(screen.getByTestId('import-progress-text')).toHaveTextContent('Importing 1 of 3')
    expect((screen.getByTestId('import-progress-bar') as HTMLProgressElement).value).toBe(0)
    expect(screen.getByTestId('import-cancel')).toBeEnabled()
    await held.release()
    await waitFor(() => expect(screen.getByTestId('import-current')).toHaveTextContent('f/b.txt'))
    expect(screen.getByTestId('import-progress-text')).toHaveTextContent('Importing 2 of 3')
    expect((screen.getByTestId('import-progress-bar') as HTMLProgressElement).value).toBe(1)
    await held.release()
    await done

    await waitFor(() =>
      expect(screen.getByTestId('import-progress-text')).toHaveTextContent('Import finished: 3 files')
    )
    expect(screen.getByTestId('import-summary')).toHaveTextContent(
      '1 imported · 1 already in the case · 1 not imported'
    )
    expect(screen.queryByTestId('import-cancel')).toBeNull()
    const rows = within(panel).getAllByTestId('import-result')
    expect(rows.map((r) => r.dataset.status)).toEqual(['imported', 'duplicate', 'failed'])
    expect(rows[0]).toHaveTextContent('new version of “Earlier”')
    expect(rows[2]).toHaveTextContent('".zip" files are not supported')
    await fireEvent.click(screen.getByTestId('import-close'))
    expect(screen.queryByTestId('import-progress')).toBeNull()
  })

  it('cancels: the file being read is stopped and the rest are not sent', async () => {
    t = await loadedDesk()
    const held = holdCalls(t.api, 'importFiles')
    render(ImportProgress, { context: t.context })
    const done = t.desk.imports.add([file('1.txt'), file('2.txt'), file('3.txt')])
    await fireEvent.click(await screen.findByTestId('import-cancel'))
    expect(screen.getByTestId('import-progress-text')).toHaveTextContent('Cancelling…')
    expect(screen.getByTestId('import-cancel')).toBeDisabled()
    await held.release()
    await done
    await waitFor(() =>
      expect(screen.getByTestId('import-progress-text')).toHaveTextContent('Import cancelled: 1 of 3 files done')
    )
    expect(screen.getByTestId('import-summary')).toHaveTextContent('2 cancelled')
  })

  it('offers suggested sources with one click, then shows them as added', async () => {
    t = await loadedDesk()
    render(ImportProgress, { context: t.context })
    const page =
      '<html><head><title>Port</title><meta property="og:site_name" content="Daily Courier">' +
      '<meta name="author" content="Jane Roe"></head><body><article><h1>Port</h1>' +
      '<p>The port said forty ships waited at the narrows on Tuesday, and more were on the way.</p></article></body></html>'
    await t.desk.imports.add([file('page.html', page)])
    const buttons = await screen.findAllByTestId('add-suggested-source')
    expect(buttons.map((b) => b.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      '+ Add Daily Courier as source (outlet)',
      '+ Add Jane Roe as source (person)'
    ])
    await fireEvent.click(buttons[0])
    await waitFor(() =>
      expect(screen.getByTestId('suggested-source-added')).toHaveTextContent('Daily Courier is a source')
    )
    expect((await t.service.api.currentCase()).sources.map((s) => [s.name, s.kind])).toEqual([
      ['Daily Courier', 'outlet']
    ])
    expect(screen.getAllByTestId('add-suggested-source')).toHaveLength(1)
    expect(t.desk.store.sources.map((s) => s.name)).toEqual(['Daily Courier'])
  })
})

describe('ImportButton', () => {
  it('has a folder picker beside the file picker, and imports what it yields with folder paths', async () => {
    t = await loadedDesk()
    render(ImportButton, { context: t.context })
    const folder = screen.getByTestId('import-folder-input') as HTMLInputElement
    expect(folder.hasAttribute('webkitdirectory')).toBe(true)
    expect(screen.getByTestId('import-folder-button')).toHaveAccessibleName('Import folder')
    expect((screen.getByTestId('import-input') as HTMLInputElement).accept).toContain('.docx')
    const inFolder = (name: string) =>
      Object.defineProperty(new File(['T\n\nx'], name), 'webkitRelativePath', { value: `press/${name}` })
    await fireEvent.change(folder, { target: { files: [inFolder('b.md'), inFolder('a.txt')] } })
    await waitFor(() => expect(t.calls.filter((c) => c.method === 'importFiles')).toHaveLength(2))
    const names = t.calls
      .filter((c) => c.method === 'importFiles')
      .map((c) => (c.args[0] as ImportFile[]).map((f) => f.name))
    expect(names).toEqual([['press/a.txt'], ['press/b.md']])
  })
})
