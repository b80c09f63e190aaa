// lowdb over the durable adapter, on the real disk (vitest's NODE_ENV=test only affects lowdb's presets).
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { describe, expect, it } from 'vitest'
import type { CaseData } from '../../shared/model'
import { emptyCase } from './empty-case'
import { CaseFileAdapter } from './json-adapter'
import { nodeFs as io } from './store-fs'
import { useTempDir } from './testing/tmp-dir'

const tempDir = useTempDir()

describe('CaseFileAdapter', () => {
  it('lets lowdb write a case to disk and read it back in another instance', async () => {
    const file = join(tempDir(), 'k.claimdesk.json')
    const db = new Low<CaseData>(new CaseFileAdapter(io, file), emptyCase('default'))
    await db.read()
    expect(db.data.title).toBe('default')
    db.data.title = 'written'
    await db.write()
    expect(JSON.parse(readFileSync(file, 'utf8')).title).toBe('written')

    const other = new Low<CaseData>(new CaseFileAdapter(io, file), emptyCase('default'))
    await other.read()
    expect(other.data).toEqual(db.data)
  })

  it('makes lowdb read() throw on a bad file instead of falling back to the default', async () => {
    const file = join(tempDir(), 'k.claimdesk.json')
    writeFileSync(file, '{"version":1')
    const db = new Low<CaseData>(new CaseFileAdapter(io, file), emptyCase('default'))
    await expect(db.read()).rejects.toMatchObject({ code: 'corrupt' })
  })
})
