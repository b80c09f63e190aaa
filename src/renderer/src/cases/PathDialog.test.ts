import { fireEvent, render, screen, waitFor } from '@testing-library/svelte'
import { afterEach, describe, expect, it } from 'vitest'
import { dialogs } from '../lib/dialogs.svelte'
import { holdCalls, loadedDesk, type TestDesk } from '../lib/testing/desk'
import PathDialog from './PathDialog.svelte'

let t: TestDesk
afterEach(() => t?.dispose())

describe('PathDialog', () => {
  it('answers with the typed path before the recent cases arrive, and nothing fails when they do', async () => {
    t = await loadedDesk()
    const held = holdCalls(t.api, 'recentCases')
    const asked = dialogs.askPath('new')
    // As App does: the dialog shows while a prompt is pending, reading it from `dialogs`.
    render(PathDialog, { props: { prompt: dialogs.path! }, context: t.context })
    const input = screen.getByTestId('path-input') as HTMLInputElement
    expect(input.value).toMatch(/new-case\.claimdesk\.json$/)
    await fireEvent.input(input, { target: { value: '/cases/typed.claimdesk.json' } })
    await fireEvent.submit(input.form!)
    expect(await asked).toBe('/cases/typed.claimdesk.json')
    expect(dialogs.path).toBeNull()
    await held.release()
    await waitFor(() => expect(t.calls.some((c) => c.method === 'recentCases')).toBe(true))
    expect(input.value).toBe('/cases/typed.claimdesk.json')
  })
})
