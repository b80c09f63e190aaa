// @vitest-environment jsdom
import { render, screen, waitFor } from '@testing-library/svelte'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { renderHtml } from '../../../shared/briefing/html'
import Preview from './Preview.svelte'
import { briefingOf, composerDesk } from './testing'

describe('Preview', () => {
  // A still clock, so the "generated at" line of the frame and of the expected HTML agree.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2024-11-25T08:00:00Z'))
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('shows the export HTML of the open briefing in a sandboxed frame that runs nothing', async () => {
    const ctx = await composerDesk([
      briefingOf({ title: 'Kursk <b>troops</b>', handling: 'UNCLASSIFIED', bottomLine: '<script>alert(1)</script>' })
    ])
    render(Preview, { context: ctx.context })
    const frame = screen.getByTestId('briefing-preview') as HTMLIFrameElement
    expect(frame.getAttribute('sandbox')).toBe('allow-same-origin')
    await waitFor(() => expect(frame.srcdoc).not.toBe(''))
    const html = frame.srcdoc
    expect(html).toBe(renderHtml(ctx.desk.composer.currentView()!))
    expect(html).toContain('<h1>Kursk &lt;b&gt;troops&lt;/b&gt;</h1>')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).not.toMatch(/<script/i)
  })

  it('follows edits', async () => {
    const ctx = await composerDesk()
    render(Preview, { context: ctx.context })
    const frame = screen.getByTestId('briefing-preview') as HTMLIFrameElement
    await waitFor(() => expect(frame.srcdoc).toContain('Kursk troops'))
    ctx.desk.composer.edit({ gaps: 'Who commands the units?' }, { debounce: true })
    // jsdom never loads srcdoc, so each update arrives as a new srcdoc (a browser patches in place).
    await waitFor(() => expect(frame.srcdoc).toContain('Who commands the units?'))
  })
})
