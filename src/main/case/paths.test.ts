import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { casePaths, caseStem, conflictCopyPath, fileStamp, parseFileStamp } from './paths'

describe('casePaths', () => {
  it('names the files beside a case from its name', () => {
    const p = casePaths('/cases/kursk.claimdesk.json')
    expect(p.file).toBe(resolve('/cases/kursk.claimdesk.json'))
    expect(p.journal).toBe(`${p.file}.journal`)
    expect(p.lock).toBe(`${p.file}.lock`)
    expect(p.backups).toBe(join(resolve('/cases'), 'kursk.claimdesk-backups'))
    expect(p.originals).toBe(join(resolve('/cases'), 'kursk.claimdesk-files'))
    expect(caseStem('notes.json')).toBe('notes.json')
    expect(caseStem('.claimdesk.json')).toBe('.claimdesk.json')
  })

  it('round-trips file stamps and rejects anything else', () => {
    const d = new Date('2024-05-01T12:30:05.123Z')
    expect(fileStamp(d)).toBe('2024-05-01T12-30-05-123Z')
    expect(parseFileStamp(fileStamp(d))?.toISOString()).toBe(d.toISOString())
    expect(parseFileStamp('2024-13-45T99-00-00-000Z')).toBeNull()
    expect(parseFileStamp('latest')).toBeNull()
  })

  it('names a conflict copy by the local time, numbered when that name is taken', async () => {
    const at = new Date(2024, 4, 1, 9, 5)
    const taken = new Set([resolve('/cases/kursk (conflict copy 2024-05-01 0905).claimdesk.json')])
    expect(await conflictCopyPath('/cases/kursk.claimdesk.json', at, async () => false)).toBe(
      resolve('/cases/kursk (conflict copy 2024-05-01 0905).claimdesk.json')
    )
    expect(await conflictCopyPath('/cases/kursk.claimdesk.json', at, async (p) => taken.has(p))).toBe(
      resolve('/cases/kursk (conflict copy 2024-05-01 0905 2).claimdesk.json')
    )
  })
})
