import { fireEvent, render, screen, waitFor } from '@testing-library/svelte'
import { readFile, writeFile } from 'node:fs/promises'
import { tick } from 'svelte'
import { afterEach, describe, expect, it } from 'vitest'
import ExportDialog from './ExportDialog.svelte'
import { composerDesk } from './testing'

// jsdom has neither <dialog>.showModal nor object URLs; the download link's click is what we check.
const clicked: { download: string; href: string }[] = []
URL.createObjectURL = () => 'blob:test'
URL.revokeObjectURL = () => {}
HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
  clicked.push({ download: this.download, href: this.href })
}

let ctx: Awaited<ReturnType<typeof composerDesk>>
afterEach(async () => {
  clicked.length = 0
  await ctx?.dispose()
})

const exports = () => ctx.calls.filter((c) => c.method === 'exportBriefing').map((c) => c.args[0])
const stored = async () => (await ctx.service.api.currentCase()).briefings

describe('ExportDialog', () => {
  it('offers all six formats, each with a line on what it is for', async () => {
    ctx = await composerDesk()
    render(ExportDialog, { context: ctx.context })
    const select = screen.getByTestId('export-format') as HTMLSelectElement
    expect([...select.options].map((o) => o.value)).toEqual(['md', 'html', 'pdf', 'docx', 'csv', 'jsonld'])
    await fireEvent.change(select, { target: { value: 'jsonld' } })
    expect(screen.getByTestId('export-format-hint').textContent).toContain('W3C Web Annotations')
  })

  it('exports the briefing open in the composer, in the chosen format, as a download', async () => {
    ctx = await composerDesk([{ title: 'Kursk troops' }, { title: 'Second look' }])
    const second = ctx.desk.store.briefings[1]
    ctx.desk.composer.select(second.id)
    render(ExportDialog, { context: ctx.context })
    expect((screen.getByTestId('briefing-title') as HTMLInputElement).value).toBe('Second look')
    await fireEvent.change(screen.getByTestId('export-format'), { target: { value: 'docx' } })
    await fireEvent.submit(screen.getByTestId('export-format').closest('form')!)
    await waitFor(() => expect(exports()).toEqual([{ format: 'docx', briefing: second.id }]))
    await waitFor(() => expect(clicked).toEqual([{ download: 'second-look.docx', href: 'blob:test' }]))
    expect(ctx.desk.ui.overlay).toBe(null)
  })

  it('says which claims the export leaves out of a hand-edited case (their document gone)', async () => {
    ctx = await composerDesk()
    const { path } = (await ctx.service.api.currentCase()).info
    await ctx.service.service.close()
    const data = JSON.parse(await readFile(path, 'utf8')) as { claims: { id: string; documentId: string }[] }
    data.claims.find((c) => c.id === ctx.c3.id)!.documentId = 'gone'
    await writeFile(path, JSON.stringify(data))
    await ctx.service.api.openCase(path)
    await ctx.desk.store.load()
    render(ExportDialog, { context: ctx.context })
    await fireEvent.submit(screen.getByTestId('export-format').closest('form')!)
    await waitFor(() => expect(clicked).toHaveLength(1))
    expect(ctx.desk.notices.toasts.at(-1)!.message).toMatch(
      new RegExp(
        `^Briefing saved as kursk\\.md\\. The export leaves out 1 claim whose document the case does not hold \\(${ctx.c3.id}\\)\\.$`
      )
    )
  })

  it('saves a changed title and bottom line before exporting', async () => {
    ctx = await composerDesk()
    render(ExportDialog, { context: ctx.context })
    await fireEvent.input(screen.getByTestId('briefing-title'), { target: { value: 'Kursk, revised' } })
    await fireEvent.input(screen.getByTestId('briefing-bottom-line'), {
      target: { value: 'Russia will likely retake Kursk.' }
    })
    await fireEvent.submit(screen.getByTestId('export-format').closest('form')!)
    await waitFor(() => expect(exports()).toHaveLength(1))
    const calls = ctx.calls.map((c) => c.method)
    expect(calls.lastIndexOf('updateBriefing')).toBeLessThan(calls.indexOf('exportBriefing'))
    expect((await stored())[0]).toMatchObject({
      title: 'Kursk, revised',
      bottomLine: 'Russia will likely retake Kursk.'
    })
  })

  it('creates the first briefing when the case has none', async () => {
    ctx = await composerDesk([])
    render(ExportDialog, { context: ctx.context })
    await fireEvent.input(screen.getByTestId('briefing-title'), { target: { value: 'First' } })
    await fireEvent.submit(screen.getByTestId('export-format').closest('form')!)
    await waitFor(() => expect(exports()).toHaveLength(1))
    const briefings = await stored()
    expect(briefings).toEqual([expect.objectContaining({ title: 'First' })])
    expect(exports()[0]).toEqual({ format: 'md', briefing: briefings[0].id })
  })

  it('does not export when the briefing could not be saved', async () => {
    ctx = await composerDesk()
    ctx.api.updateBriefing = async () => {
      throw { code: 'io', message: 'disk full' }
    }
    render(ExportDialog, { context: ctx.context })
    await fireEvent.input(screen.getByTestId('briefing-title'), { target: { value: 'Changed' } })
    await fireEvent.submit(screen.getByTestId('export-format').closest('form')!)
    await waitFor(() => expect(ctx.desk.composer.saveState.state).toBe('error'))
    // The dialog's export waits on the same saves: once they are settled it has decided.
    await ctx.desk.composer.flush()
    await tick()
    expect(exports()).toEqual([])
  })
})
