import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ClaimdeskError } from '../../shared/errors'
import { openCaseStore } from '../case'
import { lockMessage } from './lock-message'
import { runCliIn } from './run-in-test'

let dir: string
const cli = (...argv: string[]) => runCliIn(dir, argv)

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimdesk-lock-'))
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('lock errors on the command line', () => {
  it('refuse a change to a case open elsewhere without offering a read-only mode it lacks; reads still work', async () => {
    const c = join(dir, 'work.claimdesk.json')
    await writeFile(join(dir, 'a.txt'), 'Sarn Report\n\nThe minister said the port was closed.\n')
    expect((await cli('import', join(dir, 'a.txt'), '--case', c)).code).toBe(0)
    const holder = await openCaseStore(c)
    try {
      const r = await cli(
        'claim',
        'add',
        '--case',
        c,
        '--doc',
        'Sarn',
        '--quote',
        'the port was closed',
        '--source',
        'X'
      )
      expect(r.code).toBe(1)
      expect(r.err).toMatch(
        /^claimdesk: \S+work\.claimdesk\.json is open in another Claimdesk \(process \d+ on .*\)\. This command changes the case, so close it there first; reads \(list, show, search, suggest and conflicts without their changing options, export\) work meanwhile$/
      )
      expect(r.err).not.toContain('read-only')
      for (const read of [['list'], ['show', '--doc', 'Sarn'], ['search', 'port'], ['conflicts']])
        expect((await cli(read[0], '--case', c, ...read.slice(1))).code).toBe(0)
      expect((await cli('export', '--case', c, '--out', '-')).code).toBe(0)
    } finally {
      await holder.close()
    }
  })

  it('point a lock no running Claimdesk holds to the desktop app, and leave other errors alone', () => {
    const situation = 'w.claimdesk.json is locked by w.claimdesk.json.lock/x.lock, which is unreadable'
    expect(lockMessage(new ClaimdeskError('locked', `${situation}. …read-only`, { situation, breakable: true }))).toBe(
      `${situation}. This command changes the case: if no Claimdesk has it open, open it in the desktop app, which offers to break the lock; reads (list, show, search, suggest and conflicts without their changing options, export) work meanwhile`
    )
    const io = 'cannot lock w.claimdesk.json for writing (permission denied)'
    expect(lockMessage(new ClaimdeskError('io', `${io}; …`, { situation: io }))).toBe(
      `${io}; reads (list, show, search, suggest and conflicts without their changing options, export) work meanwhile`
    )
    expect(lockMessage(new ClaimdeskError('io', 'the disk is full'))).toBeUndefined()
  })
})
