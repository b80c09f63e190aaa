import { fireEvent, render, screen, waitFor } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import { ClaimdeskError } from '../../../shared/errors'
import type { CaseDocument } from '../../../shared/model'
import { loadedDesk } from '../lib/testing/desk'
import { makeDocument } from '../lib/testing/memory-api'
import Reader from './Reader.svelte'

const SHA = 'a'.repeat(64)

function cyrillicDoc(extra: Partial<CaseDocument> = {}) {
  return makeDocument('d1', 'Сводка\n\nТекст', {
    provenance: {
      fileName: 'сводка.txt',
      format: 'txt',
      sha256: SHA,
      size: 12_600,
      importedAt: '2024-11-24T10:00:00.000Z',
      encoding: 'windows-1251'
    },
    ...extra
  })
}

async function openProvenance(docs: CaseDocument[]) {
  const ctx = await loadedDesk({ documents: docs })
  render(Reader, { context: ctx.context })
  await fireEvent.click(screen.getByTestId('show-provenance'))
  return ctx
}

describe('Provenance', () => {
  it('shows file name, format, size, SHA-256, import time and the detected encoding', async () => {
    await openProvenance([cyrillicDoc()])
    expect(screen.getByTestId('provenance-file')).toHaveTextContent('сводка.txt')
    expect(screen.getByTestId('provenance-format')).toHaveTextContent('Plain text')
    expect(screen.getByTestId('provenance-size')).toHaveTextContent('12 KB (12,600 bytes)')
    expect(screen.getByTestId('provenance-sha256')).toHaveTextContent(SHA)
    expect(screen.getByTestId('provenance-imported').querySelector('time')!.getAttribute('datetime')).toBe(
      '2024-11-24T10:00:00.000Z'
    )
    expect((screen.getByTestId('encoding-select') as HTMLSelectElement).value).toBe('windows-1251')
    expect(screen.getByTestId('encoding-select')).toBeEnabled()
  })

  it('reads the original again in the chosen encoding and shows the new text', async () => {
    const doc = cyrillicDoc()
    const { api, desk, context } = await loadedDesk({ documents: [doc] })
    api.reimportDocument = async (id, encoding) => {
      api.data.calls.push({ method: 'reimportDocument', args: [id, encoding] })
      const d = { ...api.data.documents[0], text: 'яБНДЙЮ\n\nрЕЙЯР' }
      d.provenance = { ...d.provenance, encoding }
      api.data.documents[0] = d
      const { text, blocks: _b, ...rest } = d
      return { ...rest, length: text.length, claimCount: 0 }
    }
    render(Reader, { context })
    await fireEvent.click(screen.getByTestId('show-provenance'))
    const select = screen.getByTestId('encoding-select') as HTMLSelectElement
    select.value = 'koi8-r'
    await fireEvent.change(select)
    await waitFor(() =>
      expect(screen.getByTestId('encoding-note')).toHaveTextContent('Read again as KOI8-R (Cyrillic).')
    )
    expect(api.data.calls.filter((c) => c.method === 'reimportDocument').map((c) => c.args)).toEqual([['d1', 'koi8-r']])
    expect(screen.getAllByTestId('reader-block')[1]).toHaveTextContent('рЕЙЯР')
    expect((screen.getByTestId('encoding-select') as HTMLSelectElement).value).toBe('koi8-r')
    expect(desk.store.documents[0].provenance.encoding).toBe('koi8-r')
  })

  it('explains why the encoding is fixed once claims are anchored, and shows a refusal from the backend', async () => {
    const { desk, api } = await openProvenance([cyrillicDoc()])
    await desk.store.createClaim(8, 13)
    await waitFor(() => expect(screen.getByTestId('encoding-select')).toBeDisabled())
    expect(screen.getByTestId('encoding-note')).toHaveTextContent('Fixed: 1 claim is anchored in this text')
    expect(screen.getByTestId('encoding-note')).toHaveTextContent('Delete the claims first')

    // The backend has the last word (another window may have added claims meanwhile).
    await desk.store.deleteClaim(desk.store.claims[0].id)
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

  it('offers no encoding for PDF, Word or pasted documents, and links a new version to the one before', async () => {
    const old = makeDocument('old', 'Report\n\nOld text', { title: 'Report' })
    const pdf = makeDocument('new', 'Report\n\nNew text', {
      versionOf: 'old',
      provenance: {
        fileName: 'report.pdf',
        format: 'pdf',
        sha256: SHA,
        size: 10,
        importedAt: '2024-11-24T10:00:00.000Z'
      }
    })
    const { desk, context } = await loadedDesk({ documents: [old, pdf] })
    await desk.store.openDocument('new')
    render(Reader, { context })
    await fireEvent.click(screen.getByTestId('show-provenance'))
    expect(screen.getByTestId('provenance-format')).toHaveTextContent('PDF')
    expect(screen.queryByTestId('encoding-select')).toBeNull()
    expect(screen.getByTestId('provenance-version')).toHaveTextContent('New version of Report, kept beside it')
    await fireEvent.click(screen.getByRole('button', { name: 'Report' }))
    await waitFor(() => expect(desk.store.currentDoc?.id).toBe('old'))
  })
})
