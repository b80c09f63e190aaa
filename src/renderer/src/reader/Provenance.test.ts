import { fireEvent, render, screen, waitFor } from '@testing-library/svelte'
import iconv from 'iconv-lite'
import { afterEach, describe, expect, it } from 'vitest'
import { ClaimdeskError } from '../../../shared/errors'
import { loadedDesk, type TestDesk } from '../lib/testing/desk'
import Reader from './Reader.svelte'

const cyrillic = iconv.encode('Сводка\n\nТекст', 'windows-1251')

let t: TestDesk
afterEach(() => t?.dispose())

async function openProvenance() {
  t = await loadedDesk({ documents: { 'сводка.txt': cyrillic } })
  render(Reader, { context: t.context })
  await fireEvent.click(screen.getByTestId('show-provenance'))
  return t
}

describe('Provenance', () => {
  it('shows file name, format, size, SHA-256, import time and the detected encoding', async () => {
    await openProvenance()
    const doc = t.desk.store.currentDoc!
    expect(screen.getByTestId('provenance-file')).toHaveTextContent('сводка.txt')
    expect(screen.getByTestId('provenance-format')).toHaveTextContent('Plain text')
    expect(screen.getByTestId('provenance-size')).toHaveTextContent(`${cyrillic.length} bytes`)
    expect(screen.getByTestId('provenance-sha256')).toHaveTextContent(doc.provenance.sha256)
    expect(screen.getByTestId('provenance-imported').querySelector('time')!.getAttribute('datetime')).toBe(
      doc.provenance.importedAt
    )
    expect((screen.getByTestId('encoding-select') as HTMLSelectElement).value).toBe('windows-1251')
    expect(screen.getByTestId('encoding-select')).toBeEnabled()
  })

  it('reads the original again in the chosen encoding and shows the new text', async () => {
    await openProvenance()
    const select = screen.getByTestId('encoding-select') as HTMLSelectElement
    select.value = 'koi8-r'
    await fireEvent.change(select)
    await waitFor(() =>
      expect(screen.getByTestId('encoding-note')).toHaveTextContent('Read again as KOI8-R (Cyrillic).')
    )
    expect(t.calls.filter((c) => c.method === 'reimportDocument').map((c) => c.args)).toEqual([
      [t.documents['сводка.txt'], 'koi8-r']
    ])
    const koi = iconv.decode(cyrillic, 'koi8-r')
    await waitFor(() => expect(screen.getAllByTestId('reader-block')[1]).toHaveTextContent(koi.split('\n\n')[1]))
    expect((screen.getByTestId('encoding-select') as HTMLSelectElement).value).toBe('koi8-r')
    expect(t.desk.store.documents[0].provenance.encoding).toBe('koi8-r')
  })

  it('explains why the encoding is fixed once claims are anchored, and shows a refusal from the backend', async () => {
    const { desk, api } = await openProvenance()
    const claim = (await desk.store.createClaim(8, 13))!
    await waitFor(() => expect(screen.getByTestId('encoding-select')).toBeDisabled())
    expect(screen.getByTestId('encoding-note')).toHaveTextContent('Fixed: 1 claim is anchored in this text')
    expect(screen.getByTestId('encoding-note')).toHaveTextContent('Delete the claims first')
    // The backend has the last word (another window may have added claims meanwhile).
    await desk.store.deleteClaim(claim.id)
    api.reimportDocument = async () => {
      throw new ClaimdeskError('conflict', '“Сводка” has 1 claim anchored in its text')
    }
    const select = screen.getByTestId('encoding-select') as HTMLSelectElement
    await waitFor(() => expect(select).toBeEnabled())
    select.value = 'utf-8'
    await fireEvent.change(select)
    await waitFor(() =>
      expect(screen.getByTestId('encoding-note')).toHaveTextContent('“Сводка” has 1 claim anchored in its text')
    )
    expect(select.value).toBe('windows-1251')
  })

  it('offers no encoding for pasted text, and links a new version to the one before', async () => {
    t = await loadedDesk({ documents: { 'report.txt': 'Report\n\nOld text' } })
    await t.desk.store.pasteText({ text: 'Report\n\nNew text' })
    render(Reader, { context: t.context })
    await fireEvent.click(screen.getByTestId('show-provenance'))
    expect(screen.getByTestId('provenance-format')).toHaveTextContent('Pasted')
    expect(screen.queryByTestId('encoding-select')).toBeNull()
    expect(screen.getByTestId('provenance-version')).toHaveTextContent('New version of Report, kept beside it')
    await fireEvent.click(screen.getByRole('button', { name: 'Report' }))
    await waitFor(() => expect(t.desk.store.currentDoc?.id).toBe(t.documents['report.txt']))
  })
})
