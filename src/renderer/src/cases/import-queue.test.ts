import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ImportFile } from '../../../shared/api'
import { ClaimdeskError } from '../../../shared/errors'
import { holdCalls, loadedDesk, type TestDesk } from '../lib/testing/desk'
import type { PickedFile } from './import-files'

const picked = (path: string, body = `${path}\n\ntext`): PickedFile => ({
  file: new File([body], path.split('/').pop()!),
  path
})

let t: TestDesk
afterEach(() => t?.dispose())

const sentNames = () =>
  t.calls.filter((c) => c.method === 'importFiles').map((c) => (c.args[0] as ImportFile[]).map((f) => f.name))
const documentTitles = async () => (await t.service.api.currentCase()).documents.map((d) => d.title)

describe('ImportQueue', () => {
  it('sends one file per call, in path order, never two at once, and tracks progress', async () => {
    t = await loadedDesk()
    const held = holdCalls(t.api, 'importFiles')
    const q = t.desk.imports
    const done = q.add([picked('press/b.txt'), picked('press/a.txt'), picked('press/c.md')])
    await held.release()
    // The first (a.txt) is done; the second is in flight.
    await vi.waitFor(() => expect(q.current?.path).toBe('press/b.txt'))
    expect(q.running).toBe(true)
    expect(q.done).toBe(1)
    expect(q.total).toBe(3)
    await held.release()
    await held.release()
    await done
    expect(held.mostAtOnce()).toBe(1)
    expect(q.running).toBe(false)
    expect(q.counts.imported).toBe(3)
    expect(await documentTitles()).toEqual(['press/a.txt', 'press/b.txt', 'press/c.md'])
    expect(t.desk.store.documents.map((d) => d.title)).toEqual(['press/a.txt', 'press/b.txt', 'press/c.md'])
    expect(t.desk.store.currentDoc?.title).toBe('press/a.txt')
    expect(q.visible).toBe(true)
  })

  it('reports unsupported and unreadable files as failed without sending them', async () => {
    t = await loadedDesk()
    await t.desk.imports.add(
      [picked('a.txt'), picked('b.xyz'), picked('noext')],
      [{ path: 'd/gone.txt', message: 'could not be read (NotFound)' }]
    )
    expect(sentNames()).toEqual([['a.txt']])
    const rows = Object.fromEntries(t.desk.imports.items.map((i) => [i.path, [i.status, i.message]]))
    expect(rows['b.xyz']).toEqual(['failed', expect.stringMatching(/^"\.xyz" files are not supported/)])
    expect(rows['noext']).toEqual(['failed', expect.stringMatching(/^the file has no extension/)])
    expect(rows['d/gone.txt']).toEqual(['failed', 'could not be read (NotFound)'])
    expect(rows['a.txt'][0]).toBe('imported')
  })

  it('shows the backend’s reason without repeating the file name, and a failed transfer as that file’s failure', async () => {
    t = await loadedDesk({ documents: { 'old.txt': 'Old\n\nSame bytes.' } })
    const transfer = t.backend.transfer
    t.desk.imports['transfer'] = async (file: File, name: string) => {
      if (name.endsWith('net.txt')) throw new ClaimdeskError('io', 'Cannot reach the Claimdesk server.')
      return transfer(file, name)
    }
    await t.desk.imports.add([
      picked('x/empty.txt', ''),
      picked('x/dup.txt', 'Old\n\nSame bytes.'),
      picked('x/net.txt'),
      picked('x/bin.txt', '\u0000\u0001\u0002\u0000binary')
    ])
    expect(t.desk.imports.items.map((i) => [i.path, i.status, i.message])).toEqual([
      ['x/bin.txt', 'failed', expect.stringMatching(/^(?!bin\.txt)/)],
      ['x/dup.txt', 'duplicate', 'already in the case as “Old”'],
      ['x/empty.txt', 'failed', 'the file is empty'],
      ['x/net.txt', 'failed', 'Cannot reach the Claimdesk server.']
    ])
    expect(t.desk.notices.errors).toEqual([])
  })

  it('cancel stops the file being read too: the backend is told, the rest are not sent', async () => {
    t = await loadedDesk()
    const held = holdCalls(t.api, 'importFiles')
    const done = t.desk.imports.add([picked('1.txt'), picked('2.txt'), picked('3.txt'), picked('4.txt')])
    await held.release()
    await vi.waitFor(() => expect(t.desk.imports.current?.path).toBe('2.txt'))
    t.desk.imports.cancel()
    expect(t.desk.imports.cancelling).toBe(true)
    await vi.waitFor(() => expect(t.calls.some((c) => c.method === 'cancelImports')).toBe(true))
    await held.release()
    await done
    expect(sentNames()).toHaveLength(2)
    expect(t.desk.imports.items.slice(2).map((i) => i.status)).toEqual(['cancelled', 'cancelled'])
    expect(t.desk.imports.running).toBe(false)
  })

  it('stops sending files when another case is opened during the batch', async () => {
    t = await loadedDesk()
    const held = holdCalls(t.api, 'importFiles')
    const done = t.desk.imports.add([picked('1.txt'), picked('2.txt'), picked('3.txt')])
    await held.release()
    await vi.waitFor(() => expect(t.desk.imports.current?.path).toBe('2.txt'))
    await t.desk.store.newCase(`${t.service.dir}/other`)
    await held.release()
    await done
    expect(sentNames()).toHaveLength(2)
    expect(t.desk.imports.items.at(-1)).toMatchObject({
      status: 'cancelled',
      message: 'not imported: another case was opened during the import'
    })
  })

  it('does not move the reader to the new document when the analyst opened another one meanwhile', async () => {
    t = await loadedDesk({ documents: { 'a.txt': 'A\n\ntext', 'b.txt': 'B\n\ntext' } })
    expect(t.desk.store.currentDoc?.title).toBe('A')
    const held = holdCalls(t.api, 'importFiles')
    const done = t.desk.imports.add([picked('n.txt', 'New\n\ntext')])
    await t.desk.store.openDocument(t.documents['b.txt'])
    await held.release()
    await done
    expect(t.desk.store.currentDoc?.title).toBe('B')
    expect(t.desk.store.documents.map((d) => d.title)).toContain('New')
  })

  it('adds files dropped during a batch to its end, and starts afresh after it', async () => {
    t = await loadedDesk()
    const held = holdCalls(t.api, 'importFiles')
    const first = t.desk.imports.add([picked('a.txt')])
    await t.desk.imports.add([picked('b.txt')])
    expect(t.desk.imports.total).toBe(2)
    await held.release()
    await held.release()
    await first
    expect(sentNames()).toEqual([['a.txt'], ['b.txt']])
    const second = t.desk.imports.add([picked('c.txt')])
    expect(t.desk.imports.items.map((i) => i.path)).toEqual(['c.txt'])
    await held.release()
    await second
  })

  it('leaves hidden files out of folders and counts them', async () => {
    t = await loadedDesk()
    await t.desk.imports.add([picked('f/.DS_Store'), picked('f/.git/config'), picked('f/a.txt')])
    expect(t.desk.imports.items.map((i) => i.path)).toEqual(['f/a.txt'])
    expect(t.desk.imports.hiddenSkipped).toBe(2)
    expect(t.desk.imports.visible).toBe(true)
  })

  it('says a single clean import with a toast instead of the panel', async () => {
    t = await loadedDesk()
    await t.desk.imports.add([picked('note.txt')])
    expect(t.desk.imports.visible).toBe(false)
    expect(t.desk.notices.toasts.map((n) => n.message)).toEqual(['Imported note.txt'])
  })

  it('adds a suggested source once, and knows sources already in the case by name or alias', async () => {
    t = await loadedDesk()
    const page =
      '<html><head><title>Port report</title><meta property="og:site_name" content="Daily Courier">' +
      '<meta name="author" content="Jane Roe"></head><body><article><h1>Port report</h1>' +
      '<p>The port said forty ships waited at the narrows on Tuesday, and more were on the way.</p>' +
      '<p>Officials would not say when inspections would end, according to the harbour master.</p></article></body></html>'
    await t.desk.imports.add([picked('page.html', page)])
    const { imports, store } = t.desk
    expect(imports.visible).toBe(true)
    expect(imports.items[0].suggestedSources).toEqual([
      { name: 'Daily Courier', kind: 'outlet' },
      { name: 'Jane Roe', kind: 'person' }
    ])
    expect(imports.hasSource('daily courier')).toBe(false)
    await imports.addSource({ name: 'Daily Courier', kind: 'outlet' })
    await imports.addSource({ name: 'Daily Courier', kind: 'outlet' })
    expect((await t.service.api.currentCase()).sources.map((s) => [s.name, s.kind])).toEqual([
      ['Daily Courier', 'outlet']
    ])
    expect(imports.hasSource('DAILY COURIER')).toBe(true)
    await store.updateSource(store.sources[0].id, { aliases: ['Courier'] })
    expect(imports.hasSource('courier')).toBe(true)
  })

  it('does nothing in a read-only case', async () => {
    t = await loadedDesk({ readOnly: true })
    await t.desk.imports.add([picked('a.txt')])
    expect(t.calls.some((c) => c.method === 'importFiles')).toBe(false)
    expect(t.desk.imports.visible).toBe(false)
  })
})
