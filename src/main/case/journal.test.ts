import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { crc32 } from 'node:zlib'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ClaimdeskError } from '../../shared/errors'
import { JournalWriter, decodeLine, encodeLine, readJournal, type JournalEntry } from './journal'
import { nodeFs as io } from './store-fs'
import { faultyFs } from './testing/faulty-fs'
import { fakeSource } from './testing/fixtures'
import { useTempDir } from './testing/tmp-dir'

const tempDir = useTempDir()
const entries = new Map<number, JournalEntry>()
const entry = (seq: number): JournalEntry => {
  if (!entries.has(seq)) {
    entries.set(seq, {
      seq,
      at: '2024-05-01T00:00:00.000Z',
      ops: [{ op: 'put', collection: 'sources', item: fakeSource(`S${seq}`) }]
    })
  }
  return entries.get(seq)!
}

async function caught(promise: Promise<unknown>): Promise<ClaimdeskError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e
  )
  expect(err).toBeInstanceOf(ClaimdeskError)
  return err as ClaimdeskError
}

/** A journal of case-1 with entries 1..n, closed. */
async function journalOf(n: number): Promise<{ file: string; text: string }> {
  const file = join(tempDir(), 'c.journal')
  const writer = await JournalWriter.create(io, file, 'case-1')
  for (let i = 1; i <= n; i++) await writer.append([entry(i)])
  await writer.close()
  return { file, text: readFileSync(file, 'utf8') }
}

describe('journal lines', () => {
  it('are NDJSON with their length, whose checksum catches any change', () => {
    const line = encodeLine({ seq: 1, note: 'Kyiv — «ok»' })
    expect(line.endsWith('\n')).toBe(true)
    expect(JSON.parse(line)).toMatchObject({
      seq: 1,
      note: 'Kyiv — «ok»',
      n: String(Buffer.byteLength(line)).padStart(10, '0')
    })
    expect(decodeLine(line.trimEnd())).toEqual({ seq: 1, note: 'Kyiv — «ok»' })
    expect(decodeLine(line.replace('"seq":1', '"seq":2'))).toBeNull()
    expect(decodeLine(line.slice(0, 20))).toBeNull()
    expect(decodeLine('{"seq":1}')).toBeNull()
  })

  it('still reads lines of journal format 1 (no length)', () => {
    const json = JSON.stringify({ seq: 3 })
    const v1 = `{"crc":"${crc32(json).toString(16).padStart(8, '0')}",${json.slice(1)}`
    expect(decodeLine(v1)).toEqual({ seq: 3 })
  })
})

describe('JournalWriter and readJournal', () => {
  it('appends, drops what a checkpoint folded in, and reads back what it wrote', async () => {
    const file = join(tempDir(), 'c.journal')
    const writer = await JournalWriter.create(io, file, 'case-1')
    await writer.append([entry(1), entry(2)])
    const cut = writer.bytes
    await writer.append([entry(3)])
    expect(await readJournal(io, file, 'case-1')).toMatchObject({
      exists: true,
      entries: [entry(1), entry(2), entry(3)],
      tornBytes: 0,
      goodBytes: statSync(file).size,
      damage: null
    })
    await writer.rewrite(cut)
    expect((await readJournal(io, file, 'case-1')).entries).toEqual([entry(3)])
    await writer.append([entry(4)])
    await writer.rewrite(writer.bytes)
    await writer.append([entry(5)])
    expect((await readJournal(io, file, 'case-1')).entries).toEqual([entry(5)])

    const moved = join(tempDir(), 'd.journal')
    await writer.rewrite(0, moved)
    expect(existsSync(file)).toBe(false)
    expect(writer.file).toBe(moved)
    await writer.append([entry(6)])
    expect((await readJournal(io, moved, 'case-1')).entries).toEqual([entry(5), entry(6)])
    await writer.remove()
    expect(existsSync(moved)).toBe(false)
    expect(await readJournal(io, moved, 'case-1')).toMatchObject({ exists: false, entries: [] })
  })

  it('drops a last line cut short by a crash, and says how many bytes it dropped', async () => {
    const { file, text } = await journalOf(2)
    for (const cut of [1, 15, 40, text.split('\n')[2].length]) {
      writeFileSync(file, text.slice(0, text.length - cut))
      expect(await readJournal(io, file, 'case-1')).toMatchObject({
        entries: [entry(1)],
        tornBytes: text.split('\n')[2].length + 1 - cut,
        goodBytes: Buffer.byteLength(text) - text.split('\n')[2].length - 1
      })
    }
    // Blocks allotted but never written read as NUL bytes.
    writeFileSync(file, Buffer.concat([Buffer.from(text), Buffer.alloc(300)]))
    expect(await readJournal(io, file, 'case-1')).toMatchObject({ entries: [entry(1), entry(2)], tornBytes: 300 })
    // A header cut short: a journal that never held anything.
    writeFileSync(file, text.slice(0, 10))
    expect(await readJournal(io, file, 'case-1')).toMatchObject({
      exists: true,
      entries: [],
      tornBytes: 10,
      headerBytes: 0
    })
  })

  it('reports a whole last line that is wrong as damage, not as a torn write', async () => {
    const { file, text } = await journalOf(3)
    const lines = text.split('\n')
    lines[3] = lines[3].replace('S3', 'S8')
    writeFileSync(file, lines.join('\n'))
    const err = await caught(readJournal(io, file, 'case-1'))
    expect(err.code).toBe('corrupt')
    expect(err.details).toEqual({ journal: { file, damagedLine: 4, recoverable: 2 } })
    // Longer than it says it is: not cut short either.
    writeFileSync(file, text.trimEnd() + 'xx')
    expect((await caught(readJournal(io, file, 'case-1'))).details).toEqual({
      journal: { file, damagedLine: 4, recoverable: 2 }
    })
  })

  it('refuses damage before the last line, or recovers the entries before it when asked', async () => {
    const { file, text } = await journalOf(3)
    const lines = text.split('\n')
    lines[2] = lines[2].replace('S2', 'S9')
    writeFileSync(file, lines.join('\n'))
    const err = await caught(readJournal(io, file, 'case-1'))
    expect(err.message).toMatch(
      /damaged at line 3, with 1 later line\(s\); the 1 change\(s\) before it can be recovered/
    )
    expect(err.details).toEqual({ journal: { file, damagedLine: 3, recoverable: 1 } })
    expect(await readJournal(io, file, 'case-1', { recover: true })).toMatchObject({
      entries: [entry(1)],
      damage: { damagedLine: 3, recoverable: 1 }
    })
  })

  it('refuses the journal of another case, or of another case format version', async () => {
    const { file } = await journalOf(0)
    expect((await caught(readJournal(io, file, 'case-2'))).message).toMatch(
      /belongs to another case \(id case-1, not case-2\)/
    )
    writeFileSync(file, encodeLine({ journal: 2, schema: 99, caseId: 'case-1' }))
    await expect(readJournal(io, file, 'case-1')).rejects.toThrow(/case format version 99, not 3/)
  })

  it('treats an entry whose ops no longer validate as damage', async () => {
    const { file, text } = await journalOf(0)
    writeFileSync(file, text + encodeLine({ seq: 1, at: 't', ops: [{ op: 'put', collection: 'claims', item: {} }] }))
    expect((await caught(readJournal(io, file, 'case-1'))).details).toMatchObject({ journal: { damagedLine: 2 } })
  })
})

describe('JournalWriter on a failing disk', () => {
  it('acknowledges an append only when every byte is written and synced, and cuts a failed one back', async () => {
    const file = join(tempDir(), 'c.journal')
    const disk = faultyFs()
    const writer = await JournalWriter.create(disk, file, 'case-1')
    await writer.append([entry(1)])
    const good = readFileSync(file)

    for (const fault of [{ short: 30 }, 'ENOSPC', 'EIO'] as const) {
      // A short write is retried for the rest, which then finds the disk full.
      disk.add({ op: 'write', fault })
      if (typeof fault === 'object') disk.add({ op: 'write', fault: 'ENOSPC', nth: 2 })
      const err = await caught(writer.append([entry(2)]))
      expect(err.code).toBe('io')
      expect(err.message).toMatch(new RegExp(`^cannot write ${file}: .*; this change was not saved$`))
      expect(readFileSync(file).equals(good)).toBe(true)
    }
    await writer.append([entry(2)])
    expect((await readJournal(io, file, 'case-1')).entries).toEqual([entry(1), entry(2)])
    disk.add({ op: 'datasync', fault: 'EIO' })
    expect((await caught(writer.append([entry(3)]))).message).toMatch(
      /input\/output error \(EIO\); this change was not saved/
    )
    expect((await readJournal(io, file, 'case-1')).entries).toEqual([entry(1), entry(2)])
    await writer.close()
  })

  it('repairs before the next append when cutting back failed too', async () => {
    const file = join(tempDir(), 'c.journal')
    const disk = faultyFs()
    const writer = await JournalWriter.create(disk, file, 'case-1')
    disk.add({ op: 'datasync', fault: 'EIO' })
    disk.add({ op: 'truncate', fault: 'EIO' })
    await caught(writer.append([entry(1)]))
    // The failed line may still be there: the next append cuts it off first.
    await writer.append([entry(2)])
    expect((await readJournal(io, file, 'case-1')).entries).toEqual([entry(2)])
    await writer.close()
  })

  it('says "the disk is full" when it cannot even create the journal, and leaves none', async () => {
    const file = join(tempDir(), 'c.journal')
    const err = await caught(JournalWriter.create(faultyFs([{ op: 'write', fault: 'ENOSPC' }]), file, 'case-1'))
    expect(err.message).toBe(`cannot write ${file}: the disk is full (ENOSPC); this change was not saved`)
    expect(existsSync(file)).toBe(false)
  })
})
