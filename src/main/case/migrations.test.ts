import { describe, expect, it } from 'vitest'
import { ClaimdeskError } from '../../shared/errors'
import { SCHEMA_VERSION } from '../../shared/model'
import { MIGRATIONS, migrate, type Migration } from './migrations'

const file = '/cases/k.claimdesk.json'

function error(fn: () => unknown): ClaimdeskError {
  try {
    fn()
  } catch (err) {
    if (err instanceof ClaimdeskError) return err
    throw err
  }
  throw new Error('expected a ClaimdeskError')
}

describe('migrate', () => {
  it('has a migration for every version below the current one', () => {
    for (let v = 1; v < SCHEMA_VERSION; v++) expect(MIGRATIONS[v]).toBeTypeOf('function')
  })

  it('leaves a current case alone', () => {
    const data = { version: SCHEMA_VERSION, title: 'x' }
    expect(migrate(data, file)).toEqual({ data, migratedFrom: null })
  })

  it('runs each step from the file version up to the current one, in order', () => {
    const steps: Record<number, Migration> = {
      1: (d) => ({ ...d, version: 2, renamed: d.old, old: undefined }),
      2: (d) => ({ ...d, version: 3, tags: [String(d.renamed)] })
    }
    expect(migrate({ version: 1, old: 'a' }, file, steps, 3)).toEqual({
      data: { version: 3, renamed: 'a', old: undefined, tags: ['a'] },
      migratedFrom: 1
    })
    expect(migrate({ version: 2, renamed: 'b' }, file, steps, 3).data.tags).toEqual(['b'])
  })

  it('refuses a file from a newer Claimdesk with a clear message', () => {
    const err = error(() => migrate({ version: SCHEMA_VERSION + 1 }, file))
    expect(err.code).toBe('invalid')
    expect(err.message).toBe(
      `${file} was written by a newer Claimdesk (case format version ${SCHEMA_VERSION + 1}; this Claimdesk reads versions up to ${SCHEMA_VERSION}). Open it with a newer Claimdesk.`
    )
  })

  it('calls a missing or nonsensical version corrupt', () => {
    expect(error(() => migrate({}, file)).message).toMatch(/version: expected a positive whole number, found nothing/)
    expect(error(() => migrate({ version: '1' }, file)).code).toBe('corrupt')
    expect(error(() => migrate({ version: 0 }, file)).code).toBe('corrupt')
  })

  it('reports a failing step as corrupt, and a step that forgets the version as a bug', () => {
    const failing = error(() =>
      migrate(
        { version: 1 },
        file,
        {
          1: () => {
            throw new Error('no claims array')
          }
        },
        2
      )
    )
    expect(failing.code).toBe('corrupt')
    expect(failing.message).toContain('could not be migrated from case format version 1 to 2: no claims array')
    expect(error(() => migrate({ version: 1 }, file, { 1: (d) => d }, 2)).code).toBe('internal')
  })
})

describe('the migrations Claimdesk ships', () => {
  it('takes a version 1 case to version 3, which keeps conflict sets, then rejected suggestions', () => {
    const { data, migratedFrom } = migrate({ version: 1, claims: [] }, 'old.claimdesk.json')
    expect(migratedFrom).toBe(1)
    expect(data).toEqual({ version: 3, claims: [], conflictSets: [], rejections: [] })
    const two = migrate({ version: 2, claims: [], conflictSets: [{ id: 'x' }] }, 'old.claimdesk.json')
    expect(two).toEqual({
      migratedFrom: 2,
      data: { version: 3, claims: [], conflictSets: [{ id: 'x' }], rejections: [] }
    })
  })

  it('keeps a key the older format lacked, for the format check to judge, rather than dropping it', () => {
    const kept = [{ id: 'doc', spans: ['1:5'], updatedAt: '2026-01-01T00:00:00.000Z' }]
    expect(
      migrate({ version: 2, claims: [], conflictSets: [], rejections: kept }, 'edited.claimdesk.json').data
    ).toEqual({
      version: 3,
      claims: [],
      conflictSets: [],
      rejections: kept
    })
    expect(migrate({ version: 1, conflictSets: [{ id: 's' }] }, 'edited.claimdesk.json').data.conflictSets).toEqual([
      { id: 's' }
    ])
  })
})
