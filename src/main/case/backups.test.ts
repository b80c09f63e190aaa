import { existsSync, mkdirSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ClaimdeskError } from '../../shared/errors'
import {
  BACKUP_INTERVAL_MS,
  KEEP_BACKUPS,
  SESSION_BACKUP_MIN_AGE_MS,
  backupIfDue,
  listBackups,
  restoreBackup
} from './backups'
import { encodeCase } from './case-codec'
import { emptyCase } from './empty-case'
import { openCaseStore } from './index'
import { casePaths, fileStamp } from './paths'
import { nodeFs as io } from './store-fs'
import { useTempDir } from './testing/tmp-dir'

const tempDir = useTempDir()
const T0 = Date.parse('2024-05-01T10:00:00.000Z')
const MIN = 60_000

function caseAt(title: string, mtime: number): string {
  const file = join(tempDir(), 'kursk.claimdesk.json')
  writeFileSync(file, encodeCase({ ...emptyCase(title), id: 'case-1' }))
  utimesSync(file, new Date(mtime), new Date(mtime))
  return file
}

const titleOf = (file: string): string => (JSON.parse(readFileSync(file, 'utf8')) as { title: string }).title

describe('backupIfDue', () => {
  it('backs up at the first checkpoint of a session unless the last backup was taken under a minute ago', async () => {
    const paths = casePaths(caseAt('v1', T0))
    expect(await backupIfDue(io, paths, 'first', T0 + 1000)).toBe(true)
    caseAt('v2', T0 + 30_000)
    expect(await backupIfDue(io, paths, 'first', T0 + 31_000)).toBe(false)
    expect(await backupIfDue(io, paths, 'first', T0 + SESSION_BACKUP_MIN_AGE_MS + 2000)).toBe(true)
    expect((await listBackups(paths.file)).map((b) => b.savedAt)).toEqual([
      new Date(T0 + 30_000).toISOString(),
      new Date(T0).toISOString()
    ])
  })

  it('during a session backs up at most every ten minutes, counted from when the last was taken', async () => {
    // The version on disk was saved days ago: backing it up must not make the next backup due at once.
    const paths = casePaths(caseAt('v1', T0 - 3 * 24 * 60 * MIN))
    expect(await backupIfDue(io, paths, 'first', T0)).toBe(true)
    caseAt('v2', T0 + 3000)
    expect(await backupIfDue(io, paths, 'later', T0 + 6000)).toBe(false)
    caseAt('v3', T0 + 5 * MIN)
    expect(await backupIfDue(io, paths, 'later', T0 + 5 * MIN + 1000)).toBe(false)
    expect(await backupIfDue(io, paths, 'later', T0 + BACKUP_INTERVAL_MS + 1000)).toBe(true)
    expect(await listBackups(paths.file)).toHaveLength(2)
  })

  it(`keeps the newest ${KEEP_BACKUPS}`, async () => {
    const file = join(tempDir(), 'kursk.claimdesk.json')
    for (let i = 1; i <= 8; i++) {
      caseAt(`v${i}`, T0 + i * 20 * MIN)
      await backupIfDue(io, casePaths(file), 'first', T0 + i * 20 * MIN + 1000)
    }
    const backups = await listBackups(file)
    expect(backups).toHaveLength(KEEP_BACKUPS)
    expect(backups.map((b) => titleOf(join(casePaths(file).backups, b.file)))).toEqual(['v8', 'v7', 'v6', 'v5', 'v4'])
    expect(backups[0]).toEqual({
      file: `kursk.${fileStamp(new Date(T0 + 160 * MIN))}.claimdesk.json`,
      savedAt: new Date(T0 + 160 * MIN).toISOString(),
      size: readFileSync(file).length
    })
  })
})

describe('backups made by the store', () => {
  it('a burst of short sessions keeps the version it started from and does not rotate the others away', async () => {
    const file = join(tempDir(), 'kursk.claimdesk.json')
    await (await openCaseStore(file, { createWith: emptyCase('original') })).close()
    for (let i = 0; i < 8; i++) {
      const store = await openCaseStore(file)
      await store.apply([{ op: 'meta', title: `edit ${i}` }])
      await store.close()
    }
    const backups = await listBackups(file)
    expect(backups).toHaveLength(1)
    expect(titleOf(join(casePaths(file).backups, backups[0].file))).toBe('original')
    expect(titleOf(file)).toBe('edit 7')
  })
})

describe('listBackups', () => {
  it("lists only this case's backups, newest first; none when there is no folder", async () => {
    const file = join(tempDir(), 'kursk.claimdesk.json')
    expect(await listBackups(file)).toEqual([])
    const dir = casePaths(file).backups
    mkdirSync(dir)
    for (const name of [
      'kursk.2024-05-01T10-00-00-000Z.claimdesk.json',
      'kursk.2024-05-02T10-00-00-000Z.claimdesk.json',
      'other.2024-05-03T10-00-00-000Z.claimdesk.json',
      'kursk.notes.txt'
    ]) {
      writeFileSync(join(dir, name), '{}')
    }
    expect((await listBackups(file)).map((b) => b.file)).toEqual([
      'kursk.2024-05-02T10-00-00-000Z.claimdesk.json',
      'kursk.2024-05-01T10-00-00-000Z.claimdesk.json'
    ])
  })
})

describe('restoreBackup', () => {
  async function corruptCaseWithBackup(): Promise<{ file: string; backup: string }> {
    const file = join(tempDir(), 'kursk.claimdesk.json')
    await (await openCaseStore(file, { createWith: emptyCase('good') })).close()
    const store = await openCaseStore(file)
    await store.apply([{ op: 'meta', title: 'newer' }])
    await store.close()
    writeFileSync(file, '{"version": 1, "title": "tr')
    const [backup] = await listBackups(file)
    return { file, backup: backup.file }
  }

  it('keeps the bad file (and its journal) aside and puts the backup in place', async () => {
    const { file, backup } = await corruptCaseWithBackup()
    writeFileSync(casePaths(file).journal, 'journal of the bad file\n')
    await restoreBackup(file, backup)
    expect(titleOf(file)).toBe('good')
    const aside = readdirSync(tempDir()).filter((n) => n.includes('.corrupt-'))
    expect(aside).toHaveLength(2)
    const bad = aside.find((n) => !n.endsWith('.journal'))!
    expect(readFileSync(join(tempDir(), bad), 'utf8')).toBe('{"version": 1, "title": "tr')
    expect(readFileSync(join(tempDir(), `${bad}.journal`), 'utf8')).toBe('journal of the bad file\n')
    expect(existsSync(casePaths(file).journal)).toBe(false)
    expect(existsSync(casePaths(file).lock)).toBe(false)
    const store = await openCaseStore(file)
    expect(store.state.toData().title).toBe('good')
    await store.close()
  })

  it('sets a valid case aside as "replaced"', async () => {
    const { file, backup } = await corruptCaseWithBackup()
    writeFileSync(file, encodeCase(emptyCase('valid but unwanted')))
    await restoreBackup(file, backup)
    expect(readdirSync(tempDir()).filter((n) => n.includes('.replaced-'))).toHaveLength(1)
  })

  it('accepts only names from the backups list, and refuses a bad backup without changing anything', async () => {
    const { file, backup } = await corruptCaseWithBackup()
    const before = readFileSync(file)
    for (const name of ['../kursk.claimdesk.json', `sub/${backup}`, 'other.2024-05-01T10-00-00-000Z.claimdesk.json']) {
      await expect(restoreBackup(file, name)).rejects.toMatchObject({ code: 'invalid' })
    }
    await expect(restoreBackup(file, 'kursk.2020-01-01T00-00-00-000Z.claimdesk.json')).rejects.toMatchObject({
      code: 'not-found'
    })
    writeFileSync(join(casePaths(file).backups, backup), '{')
    const err = await restoreBackup(file, backup).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ClaimdeskError)
    expect((err as ClaimdeskError).code).toBe('corrupt')
    expect((err as ClaimdeskError).message).toContain(backup)
    expect(readFileSync(file).equals(before)).toBe(true)
  })

  it('refuses while another writer has the case open', async () => {
    const file = join(tempDir(), 'kursk.claimdesk.json')
    await (await openCaseStore(file, { createWith: emptyCase('good') })).close()
    const store = await openCaseStore(file)
    await store.apply([{ op: 'meta', title: 'newer' }])
    await store.checkpoint()
    const [backup] = await listBackups(file)
    await expect(restoreBackup(file, backup.file)).rejects.toMatchObject({ code: 'locked' })
    await store.close()
  })
})
