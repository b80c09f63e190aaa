import { describe, expect, it } from 'vitest'
import type { ImportFile, ImportResult } from '../../../shared/api'
import { ClaimdeskError } from '../../../shared/errors'
import { loadedDesk } from '../lib/testing/desk'
import { makeDocument } from '../lib/testing/memory-api'
import type { PickedFile } from './import-files'

const picked = (path: string, body = `${path}\n\ntext`): PickedFile => ({
  file: new File([body], path.split('/').pop()!),
  path
})

/** An importFiles whose calls wait until the test lets them finish, one by one. */
function gatedImport(respond: (file: ImportFile) => ImportResult | Error) {
  const waiting: (() => void)[] = []
  const calls: ImportFile[][] = []
  let inFlight = 0
  let maxInFlight = 0
  const importFiles = async (files: ImportFile[]): Promise<ImportResult[]> => {
    calls.push(files)
    inFlight++
    maxInFlight = Math.max(maxInFlight, inFlight)
    await new Promise<void>((go) => waiting.push(go))
    inFlight--
    const out = respond(files[0])
    if (out instanceof Error) throw out
    return [out]
  }
  const settle = () => new Promise((r) => setTimeout(r, 0))
  return {
    importFiles,
    calls,
    maxInFlight: () => maxInFlight,
    /** Lets the oldest waiting call finish and gives the queue time to start the next. */
    async release(): Promise<void> {
      for (let i = 0; i < 50 && waiting.length === 0; i++) await settle()
      waiting.shift()!()
      for (let i = 0; i < 5; i++) await settle()
    }
  }
}

const baseName = (name: string) => name.split('/').pop()!

describe('ImportQueue', () => {
  it('sends one file per call, in path order, never two at once, and tracks progress', async () => {
    const { desk, api } = await loadedDesk()
    const gate = gatedImport((f) => {
      const doc = makeDocument(`doc-${baseName(f.name)}`, atob(f.data))
      api.data.documents.push(doc)
      return { fileName: baseName(f.name), status: 'imported', documentId: doc.id }
    })
    api.importFiles = gate.importFiles
    const q = desk.imports
    const done = q.add([picked('press/b.txt'), picked('press/a.txt'), picked('press/c.md')])
    await gate.release()
    // The first (a.txt) is done; the second is in flight.
    expect(q.running).toBe(true)
    expect(q.done).toBe(1)
    expect(q.total).toBe(3)
    expect(q.current?.path).toBe('press/b.txt')
    await gate.release()
    await gate.release()
    await done
    expect(gate.calls.map((c) => c.map((f) => f.name))).toEqual([['press/a.txt'], ['press/b.txt'], ['press/c.md']])
    expect(gate.maxInFlight()).toBe(1)
    expect(q.running).toBe(false)
    expect(q.counts.imported).toBe(3)
    expect(desk.store.documents.map((d) => d.id).sort()).toEqual(['doc-a.txt', 'doc-b.txt', 'doc-c.md'])
    expect(desk.store.currentDoc?.id).toBe('doc-a.txt')
    expect(q.visible).toBe(true)
  })

  it('reports unsupported and unreadable files as failed without sending them', async () => {
    const { desk, api } = await loadedDesk()
    await desk.imports.add(
      [picked('a.txt'), picked('b.xyz'), picked('noext')],
      [{ path: 'd/gone.txt', message: 'could not be read (NotFound)' }]
    )
    const sent = api.data.calls
      .filter((c) => c.method === 'importFiles')
      .map((c) => (c.args[0] as ImportFile[]).map((f) => f.name))
    expect(sent).toEqual([['a.txt']])
    const rows = Object.fromEntries(desk.imports.items.map((i) => [i.path, [i.status, i.message]]))
    expect(rows['b.xyz']).toEqual(['failed', expect.stringMatching(/^"\.xyz" files are not supported/)])
    expect(rows['noext']).toEqual(['failed', expect.stringMatching(/^the file has no extension/)])
    expect(rows['d/gone.txt']).toEqual(['failed', 'could not be read (NotFound)'])
    expect(rows['a.txt'][0]).toBe('imported')
  })

  it('shows the backend’s reason without repeating the file name, and a thrown error as that file’s failure', async () => {
    const { desk, api } = await loadedDesk()
    api.importFiles = async ([f]) => {
      if (f.name.endsWith('empty.txt'))
        return [{ fileName: 'empty.txt', status: 'failed', message: 'empty.txt: the file is empty' }]
      if (f.name.endsWith('dup.txt'))
        return [{ fileName: 'dup.txt', status: 'duplicate', documentId: 'd0', message: 'already in the case as “Old”' }]
      throw new ClaimdeskError('io', 'Cannot reach the Claimdesk server.')
    }
    await desk.imports.add([picked('x/empty.txt'), picked('x/dup.txt'), picked('x/net.txt')])
    expect(desk.imports.items.map((i) => [i.path, i.status, i.message])).toEqual([
      ['x/dup.txt', 'duplicate', 'already in the case as “Old”'],
      ['x/empty.txt', 'failed', 'the file is empty'],
      ['x/net.txt', 'failed', 'Cannot reach the Claimdesk server.']
    ])
    expect(desk.notices.errors).toEqual([])
  })

  it('cancels after the current file: the rest are not sent', async () => {
    const { desk, api } = await loadedDesk()
    const gate = gatedImport((f) => ({ fileName: baseName(f.name), status: 'failed', message: 'x' }))
    api.importFiles = gate.importFiles
    const done = desk.imports.add([picked('1.txt'), picked('2.txt'), picked('3.txt'), picked('4.txt')])
    await gate.release()
    desk.imports.cancel()
    expect(desk.imports.cancelling).toBe(true)
    await gate.release()
    await done
    expect(gate.calls).toHaveLength(2)
    expect(desk.imports.items.map((i) => i.status)).toEqual(['failed', 'failed', 'cancelled', 'cancelled'])
    expect(desk.imports.counts.cancelled).toBe(2)
    expect(desk.imports.running).toBe(false)
  })

  it('stops sending files when another case is opened during the batch', async () => {
    const { desk, api } = await loadedDesk()
    const gate = gatedImport((f) => ({ fileName: baseName(f.name), status: 'failed', message: 'x' }))
    api.importFiles = gate.importFiles
    const done = desk.imports.add([picked('1.txt'), picked('2.txt'), picked('3.txt')])
    await gate.release()
    const snap = await api.currentCase()
    await desk.store.applySnapshot({ ...snap, info: { ...snap.info, path: '/cases/other.claimdesk.json' } })
    await gate.release()
    await done
    expect(gate.calls).toHaveLength(2)
    expect(desk.imports.items.at(-1)).toMatchObject({
      status: 'cancelled',
      message: 'not imported: another case was opened during the import'
    })
  })

  it('does not move the reader to the new document when the analyst opened another one meanwhile', async () => {
    const { desk, api } = await loadedDesk({
      documents: [makeDocument('a', 'A\n\ntext'), makeDocument('b', 'B\n\ntext')]
    })
    expect(desk.store.currentDoc?.id).toBe('a')
    const gate = gatedImport((f) => {
      const doc = makeDocument('new', atob(f.data))
      api.data.documents.push(doc)
      return { fileName: f.name, status: 'imported', documentId: doc.id }
    })
    api.importFiles = gate.importFiles
    const done = desk.imports.add([picked('n.txt')])
    await desk.store.openDocument('b')
    await gate.release()
    await done
    expect(desk.store.currentDoc?.id).toBe('b')
    expect(desk.store.documents.map((d) => d.id)).toContain('new')
  })

  it('adds files dropped during a batch to its end, and starts afresh after it', async () => {
    const { desk, api } = await loadedDesk()
    const gate = gatedImport((f) => ({ fileName: baseName(f.name), status: 'failed', message: 'no' }))
    api.importFiles = gate.importFiles
    const first = desk.imports.add([picked('a.txt')])
    await desk.imports.add([picked('b.txt')])
    expect(desk.imports.total).toBe(2)
    await gate.release()
    await gate.release()
    await first
    expect(gate.calls.map(([f]) => f.name)).toEqual(['a.txt', 'b.txt'])
    const second = desk.imports.add([picked('c.txt')])
    expect(desk.imports.items.map((i) => i.path)).toEqual(['c.txt'])
    await gate.release()
    await second
  })

  it('leaves hidden files out of folders and counts them', async () => {
    const { desk } = await loadedDesk()
    await desk.imports.add([picked('f/.DS_Store'), picked('f/.git/config'), picked('f/a.txt')])
    expect(desk.imports.items.map((i) => i.path)).toEqual(['f/a.txt'])
    expect(desk.imports.hiddenSkipped).toBe(2)
    expect(desk.imports.visible).toBe(true)
  })

  it('says a single clean import with a toast instead of the panel', async () => {
    const { desk } = await loadedDesk()
    await desk.imports.add([picked('note.txt')])
    expect(desk.imports.visible).toBe(false)
    expect(desk.notices.toasts.map((t) => t.message)).toEqual(['Imported note.txt'])
  })

  it('adds a suggested source once, and knows sources already in the case by name or alias', async () => {
    const { desk, api } = await loadedDesk()
    api.importFiles = async ([f]) => [
      {
        fileName: f.name,
        status: 'imported',
        documentId: 'x',
        suggestedSources: [
          { name: 'Daily Courier', kind: 'outlet' },
          { name: 'Jane Roe', kind: 'person' }
        ]
      }
    ]
    api.getDocument = async () => makeDocument('x', 'Page\n\nBody')
    await desk.imports.add([picked('page.html')])
    expect(desk.imports.visible).toBe(true)
    expect(desk.imports.items[0].suggestedSources).toHaveLength(2)
    expect(desk.imports.hasSource('daily courier')).toBe(false)
    await desk.imports.addSource({ name: 'Daily Courier', kind: 'outlet' })
    await desk.imports.addSource({ name: 'Daily Courier', kind: 'outlet' })
    expect(api.data.sources.map((s) => [s.name, s.kind])).toEqual([['Daily Courier', 'outlet']])
    expect(desk.imports.hasSource('DAILY COURIER')).toBe(true)
    await desk.store.updateSource(desk.store.sources[0].id, { aliases: ['Courier'] })
    expect(desk.imports.hasSource('courier')).toBe(true)
  })

  it('does nothing in a read-only case', async () => {
    const { desk, api } = await loadedDesk({ readOnly: true })
    await desk.imports.add([picked('a.txt')])
    expect(api.data.calls.some((c) => c.method === 'importFiles')).toBe(false)
    expect(desk.imports.visible).toBe(false)
  })
})
