import { readFileSync, writeFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ClaimdeskError } from '../../shared/errors'
import { JournalWriter, decodeLine, encodeLine, readJournal, type JournalEntry } from './journal'
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

describe('journal lines', () => {
  it('are NDJSON whose checksum catches any change', () => {
    const line = encodeLine({ seq: 1, note: 'Kyiv — «ok»' })
    expect(line.endsWith('\n')).toBe(true)
    expect(JSON.parse(line)).toMatchObject({ seq: 1, note: 'Kyiv — «ok»' })
    expect(decodeLine(line.trimEnd())).toEqual({ seq: 1, note: 'Kyiv — «ok»' })
    expect(decodeLine(line.replace('"seq":1', '"seq":2'))).toBeNull()
    expect(decodeLine(line.slice(0, 20))).toBeNull()
    expect(decodeLine('{"seq":1}')).toBeNull()
  })
})

describe('JournalWriter and readJournal', () => {
  it('appends, resets to the header, and reads back what it wrote', async () => {
    const file = join(tempDir(), 'c.journal')
    const writer = await JournalWriter.create(file, 'case-1')
    await writer.append([entry(1), entry(2)])
    await writer.append([entry(3)])
    expect(await readJournal(file, 'case-1')).toEqual({
      exists: true,
      entries: [entry(1), entry(2), entry(3)],
      torn: false
    })
    await writer.reset()
    await writer.append([entry(4)])
    expect((await readJournal(file, 'case-1')).entries).toEqual([entry(4)])
    await writer.remove()
    expect(existsSync(file)).toBe(false)
    expect(await readJournal(file, 'case-1')).toEqual({ exists: false, entries: [], torn: false })
  })

  it('skips a torn final line but refuses damage followed by intact lines', async () => {
    const file = join(tempDir(), 'c.journal')
    const writer = await JournalWriter.create(file, 'case-1')
    await writer.append([entry(1), entry(2)])
    await writer.close()
    const full = readFileSync(file, 'utf8')

    writeFileSync(file, full.slice(0, -15))
    expect(await readJournal(file, 'case-1')).toEqual({ exists: true, entries: [entry(1)], torn: true })

    writeFileSync(file, full.slice(0, 10))
    expect(await readJournal(file, 'case-1')).toEqual({ exists: true, entries: [], torn: true })

    const lines = full.split('\n')
    lines[1] = lines[1].replace('S1', 'S9')
    writeFileSync(file, lines.join('\n'))
    await expect(readJournal(file, 'case-1')).rejects.toThrow(/damaged at line 2, with 1 later line\(s\) intact/)
  })

  it('refuses the journal of another case', async () => {
    const file = join(tempDir(), 'c.journal')
    await (await JournalWriter.create(file, 'case-1')).close()
    const err = await readJournal(file, 'case-2').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ClaimdeskError)
    expect((err as ClaimdeskError).message).toMatch(/belongs to another case \(id case-1, not case-2\)/)
  })

  it('refuses a journal written for another case format version', async () => {
    const file = join(tempDir(), 'c.journal')
    writeFileSync(file, encodeLine({ journal: 1, schema: 99, caseId: 'case-1' }))
    await expect(readJournal(file, 'case-1')).rejects.toThrow(/case format version 99, not 1/)
  })

  it('treats an entry whose ops no longer validate as damaged', async () => {
    const file = join(tempDir(), 'c.journal')
    await (await JournalWriter.create(file, 'case-1')).close()
    writeFileSync(
      file,
      readFileSync(file, 'utf8') + encodeLine({ seq: 1, at: 't', ops: [{ op: 'put', collection: 'claims', item: {} }] })
    )
    expect(await readJournal(file, 'case-1')).toEqual({ exists: true, entries: [], torn: true })
  })
})
