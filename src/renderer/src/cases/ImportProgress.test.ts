import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import type { ImportFile, ImportResult } from '../../../shared/api'
import { loadedDesk } from '../lib/testing/desk'
import { makeDocument } from '../lib/testing/memory-api'
import ImportButton from './ImportButton.svelte'
import ImportProgress from './ImportProgress.svelte'

const file = (path: string) => ({ file: new File([`${path}\n\nbody`], path.split('/').pop()!), path })

/** Holds each importFiles call until the test lets it go. */
function gate() {
  const pending: (() => void)[] = []
  return {
    wait: () => new Promise<void>((go) => pending.push(go)),
    async release() {
      await waitFor(() => expect(pending).toHaveLength(1))
      pending.shift()!()
    }
  }
}

describe('ImportProgress', () => {
  it('shows n of N with the current file, a bar, Cancel, then a summary and a row per file', async () => {
    const { desk, api, context } = await loadedDesk()
    const calls = gate()
    api.importFiles = async ([f]: ImportFile[]): Promise<ImportResult[]> => {
      await calls.wait()
      const name = f.name.split('/').pop()!
      if (name === 'b.txt')
        return [{ fileName: name, status: 'duplicate', documentId: 'old', message: 'already in the case as “Old”' }]
      const doc = makeDocument(`doc-${name}`, `${name}\n\nbody`)
      api.data.documents.push(doc)
      return [
        { fileName: name, status: 'imported', documentId: doc.id, message: 'new version of “Earlier”, kept beside it' }
      ]
    }
    render(ImportProgress, { context })
    const done = desk.imports.add([file('f/a.txt'), file('f/b.txt'), file('f/c.zip')])

    const panel = await screen.findByTestId('import-progress')
    await waitFor(() => expect(screen.getByTestId('import-current')).toHaveTextContent('f/a.txt'))
    expect(screen.getByTestId('import-progress-text')).toHaveTextContent('Importing 1 of 3')
    expect((screen.getByTestId('import-progress-bar') as HTMLProgressElement).value).toBe(0)
    expect(screen.getByTestId('import-cancel')).toBeEnabled()
    await calls.release()
    await waitFor(() => expect(screen.getByTestId('import-current')).toHaveTextContent('f/b.txt'))
    expect(screen.getByTestId('import-progress-text')).toHaveTextContent('Importing 2 of 3')
    expect((screen.getByTestId('import-progress-bar') as HTMLProgressElement).value).toBe(1)
    await calls.release()
    await done

    expect(screen.getByTestId('import-progress-text')).toHaveTextContent('Import finished: 3 files')
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

  it('cancels after the current file', async () => {
    const { desk, api, context } = await loadedDesk()
    const calls = gate()
    api.importFiles = async ([f]) => {
      await calls.wait()
      return [{ fileName: f.name, status: 'failed', message: 'nope' }]
    }
    render(ImportProgress, { context })
    const done = desk.imports.add([file('1.txt'), file('2.txt'), file('3.txt')])
    await fireEvent.click(await screen.findByTestId('import-cancel'))
    expect(screen.getByTestId('import-progress-text')).toHaveTextContent('Cancelling after this file…')
    expect(screen.getByTestId('import-cancel')).toBeDisabled()
    await calls.release()
    await done
    expect(screen.getByTestId('import-progress-text')).toHaveTextContent('Import cancelled: 1 of 3 files done')
    expect(screen.getByTestId('import-summary')).toHaveTextContent('1 not imported · 2 cancelled')
  })

  it('offers suggested sources with one click, then shows them as added', async () => {
    const { desk, api, context } = await loadedDesk()
    api.importFiles = async ([f]) => {
      const doc = makeDocument('page', 'Page\n\nBody')
      api.data.documents.push(doc)
      return [
        {
          fileName: f.name,
          status: 'imported',
          documentId: doc.id,
          suggestedSources: [
            { name: 'Daily Courier', kind: 'outlet' },
            { name: 'Jane Roe', kind: 'person' }
          ]
        }
      ]
    }
    render(ImportProgress, { context })
    await desk.imports.add([file('page.html')])
    const buttons = await screen.findAllByTestId('add-suggested-source')
    expect(buttons.map((b) => b.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      '+ Add Daily Courier as source (outlet)',
      '+ Add Jane Roe as source (person)'
    ])
    await fireEvent.click(buttons[0])
    await waitFor(() =>
      expect(screen.getByTestId('suggested-source-added')).toHaveTextContent('Daily Courier is a source')
    )
    expect(api.data.sources.map((s) => [s.name, s.kind])).toEqual([['Daily Courier', 'outlet']])
    expect(screen.getAllByTestId('add-suggested-source')).toHaveLength(1)
    expect(desk.store.sources.map((s) => s.name)).toEqual(['Daily Courier'])
  })
})

describe('ImportButton', () => {
  it('has a folder picker beside the file picker, and imports what it yields with folder paths', async () => {
    const { api, context } = await loadedDesk()
    render(ImportButton, { context })
    const folder = screen.getByTestId('import-folder-input') as HTMLInputElement
    expect(folder.hasAttribute('webkitdirectory')).toBe(true)
    expect(screen.getByTestId('import-folder-button')).toHaveTextContent('Import folder')
    expect((screen.getByTestId('import-input') as HTMLInputElement).accept).toContain('.docx')
    const inFolder = (name: string) =>
      Object.defineProperty(new File(['T\n\nx'], name), 'webkitRelativePath', { value: `press/${name}` })
    await fireEvent.change(folder, { target: { files: [inFolder('b.md'), inFolder('a.txt')] } })
    await waitFor(() => expect(api.data.calls.filter((c) => c.method === 'importFiles')).toHaveLength(2))
    const names = api.data.calls
      .filter((c) => c.method === 'importFiles')
      .map((c) => (c.args[0] as ImportFile[]).map((f) => f.name))
    expect(names).toEqual([['press/a.txt'], ['press/b.md']])
  })
})
