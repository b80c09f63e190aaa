// Case files carry a format `version`. Opening an older file runs the migrations from its version up
// to SCHEMA_VERSION, one step at a time; the migrated case is written at the first checkpoint (the
// file as it was is kept as a backup). A file from a newer Claimdesk is refused, never downgraded.
import { ClaimdeskError } from '../../shared/errors'
import { SCHEMA_VERSION } from '../../shared/model'

export type RawCase = Record<string, unknown>

/** Turns a case of version N into one of version N + 1 (and sets `version` to N + 1). */
export type Migration = (data: RawCase) => RawCase

/**
 * MIGRATIONS[N] migrates version N to N + 1; a change to the format adds one here and raises SCHEMA_VERSION.
 * A key the older format lacked but the file has (a newer file whose version was edited back) is kept,
 * for the case format's check to accept or name, never dropped.
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  // Version 2 keeps conflict sets: claims whose figures or accounts diverge, any number of them.
  1: (data) => ({ ...data, version: 2, conflictSets: data.conflictSets ?? [] }),
  // Version 3 keeps the suggestions an analyst rejected, per document.
  2: (data) => ({ ...data, version: 3, rejections: data.rejections ?? [] })
}

export interface Migrated {
  data: RawCase
  /** The version the file was written in, when that is older than the current one. */
  migratedFrom: number | null
}

export function migrate(
  data: RawCase,
  file: string,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  current: number = SCHEMA_VERSION
): Migrated {
  const version = data.version
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new ClaimdeskError(
      'corrupt',
      `${file} does not match the case format: version: expected a positive whole number, found ${JSON.stringify(version) ?? 'nothing'}`
    )
  }
  if (version > current) {
    throw new ClaimdeskError(
      'invalid',
      `${file} was written by a newer Claimdesk (case format version ${version}; this Claimdesk reads versions up to ${current}). Open it with a newer Claimdesk.`,
      { version, supported: current }
    )
  }
  let out = data
  for (let v = version; v < current; v++) {
    const step = migrations[v]
    if (!step) throw new ClaimdeskError('internal', `no migration from case format version ${v} to ${v + 1}`)
    try {
      out = step(out)
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err)
      throw new ClaimdeskError(
        'corrupt',
        `${file} could not be migrated from case format version ${v} to ${v + 1}: ${why}`
      )
    }
    if (out.version !== v + 1) {
      throw new ClaimdeskError('internal', `the migration from case format version ${v} did not set version ${v + 1}`)
    }
  }
  return { data: out, migratedFrom: version < current ? version : null }
}
