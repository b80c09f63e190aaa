// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte'
import { afterEach, describe, expect, it, vi } from 'vitest'
import ExportDialog from './ExportDialog.svelte'
import { briefingOf, composerDesk } from './testing'

// jsdom has neither <dialog>.showModal nor object URLs; the download link's click is what we check.
const clicked: { download: string; href: string }[] = []
URL.createObjectURL = () => 'blob:test'
URL.revokeObjectURL = () => {}
HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
  clicked.push({ download: this.download, href: this.href })
}

afterEach(() => {
  clicked.length = 0
})

const exports = (api: Awaited<ReturnType<typeof composerDesk>>['api']) =>
  api.data.calls.filter((c) => c.method === 'exportBriefing').map((c) => c.args[0])

describe('ExportDialog', () => {
  it('offers all six formats, each with a line on what it is for', async () => {
    const ctx = await composerDesk()
    render(ExportDialog, { context: ctx.context })
    const select = screen.getByTestId('export-format') as HTMLSelectElement
    expect([...select.options].map((o) => o.value)).toEqual(['md', 'html', 'pdf', 'docx', 'csv', 'jsonld'])
    await fireEvent.change(select, { target: { value: 'jsonld' } })
    expect(screen.getByTestId('export-format-hint').textContent).toContain('W3C Web Annotations')
  })

  it('exports the briefing open in the composer, in the chosen format, as a download', async () => {
    const ctx = await composerDesk([briefingOf(), briefingOf({ id: 'b2', title: 'Second look' })])
    ctx.desk.composer.select('b2')
    render(ExportDialog, { context: ctx.context })
    expect((screen.getByTestId('briefing-title') as HTMLInputElement).value).toBe('Second look')
    await fireEvent.change(screen.getByTestId('export-format'), { target: { value: 'docx' } })
    await fireEvent.submit(screen.getByTestId('export-format').closest('form')!)
    await waitFor(() => expect(exports(ctx.api)).toEqual([{ format: 'docx', briefing: 'b2' }]))
    await waitFor(() => expect(clicked).toEqual([{ download: 'briefing.md', href: 'blob:test' }]))
    expect(ctx.desk.ui.overlay).toBe(null)
  })

  it('saves a changed title and bottom line before exporting', async () => {
    const ctx = await composerDesk()
    render(ExportDialog, { context: ctx.context })
    await fireEvent.input(screen.getByTestId('briefing-title'), { target: { value: 'Kursk, revised' } })
    await fireEvent.input(screen.getByTestId('briefing-bottom-line'), {
      target: { value: 'Russia will likely retake Kursk.' }
    })
    await fireEvent.submit(screen.getByTestId('export-format').closest('form')!)
    await waitFor(() => expect(exports(ctx.api)).toHaveLength(1))
    const calls = ctx.api.data.calls.map((c) => c.method)
    expect(calls.indexOf('updateBriefing')).toBeLessThan(calls.indexOf('exportBriefing'))
    expect(ctx.api.data.briefings[0]).toMatchObject({
      title: 'Kursk, revised',
      bottomLine: 'Russia will likely retake Kursk.'
    })
  })

  it('creates the first briefing when the case has none', async () => {
    const ctx = await composerDesk([])
    render(ExportDialog, { context: ctx.context })
    await fireEvent.input(screen.getByTestId('briefing-title'), { target: { value: 'First' } })
    await fireEvent.submit(screen.getByTestId('export-format').closest('form')!)
    await waitFor(() => expect(exports(ctx.api)).toHaveLength(1))
    expect(ctx.api.data.briefings).toEqual([expect.objectContaining({ title: 'First' })])
    expect(exports(ctx.api)[0]).toEqual({ format: 'md', briefing: ctx.api.data.briefings[0].id })
  })

  it('does not export when the briefing could not be saved', async () => {
    const ctx = await composerDesk()
    ctx.api.updateBriefing = async () => {
      throw { code: 'io', message: 'disk full' }
    }
    render(ExportDialog, { context: ctx.context })
    await fireEvent.input(screen.getByTestId('briefing-title'), { target: { value: 'Changed' } })
    await fireEvent.submit(screen.getByTestId('export-format').closest('form')!)
    await waitFor(() => expect(ctx.desk.composer.saveState.state).toBe('error'))
    await new Promise((r) => setTimeout(r, 20))
    expect(exports(ctx.api)).toEqual([])
    vi.restoreAllMocks()
  })
})
