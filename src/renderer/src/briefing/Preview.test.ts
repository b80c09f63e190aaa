import { render, screen, waitFor } from '@testing-library/svelte'
import { afterEach, describe, expect, it } from 'vitest'
import { renderHtml } from '../../../shared/briefing/html'
import Preview from './Preview.svelte'
import { composerDesk } from './testing'

let ctx: Awaited<ReturnType<typeof composerDesk>>
afterEach(() => ctx?.dispose())

describe('Preview', () => {
  it('shows the export HTML of the open briefing in a sandboxed frame that runs nothing', async () => {
    ctx = await composerDesk([
      { title: 'Kursk <b>troops</b>', handling: 'UNCLASSIFIED', bottomLine: '<script>alert(1)</script>' }
    ])
    render(Preview, { context: ctx.context })
    const frame = screen.getByTestId('briefing-preview') as HTMLIFrameElement
    expect(frame.getAttribute('sandbox')).toBe('allow-same-origin')
    await waitFor(() => expect(frame.srcdoc).not.toBe(''))
    const html = frame.srcdoc
    // The service's clock stands still in these tests, so the "generated at" lines agree.
    expect(html).toBe(renderHtml((await ctx.desk.composer.viewNow())!))
    expect(html).toContain('<h1>Kursk &lt;b&gt;troops&lt;/b&gt;</h1>')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).not.toMatch(/<script/i)
  })

  it('follows edits before they are saved', async () => {
    ctx = await composerDesk([{ title: 'Kursk troops' }])
    render(Preview, { context: ctx.context })
    const frame = screen.getByTestId('briefing-preview') as HTMLIFrameElement
    await waitFor(() => expect(frame.srcdoc).toContain('Kursk troops'))
    ctx.desk.composer.edit({ gaps: 'Who commands the units?' }, { debounce: true })
    // jsdom never loads srcdoc, so each update arrives as a new srcdoc (a browser patches in place).
    await waitFor(() => expect(frame.srcdoc).toContain('Who commands the units?'))
  })
})
