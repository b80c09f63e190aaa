// The real article the product was conceived around and its hand-marked claims live outside the
// repository, in ../shared. A user's clone may not have it: tests that need it skip with one line.
// CI has it: there (CI=true), its absence fails the run instead of passing it green.
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, it } from 'vitest'

export const SHARED_DIR = process.env.CLAIMDESK_SHARED_DIR ?? resolve(__dirname, '../../../..', 'shared')
export const SEED_PATH = join(SHARED_DIR, 'seeds/000_d556f112b49f173e.txt')
export const GOLD_PATH = join(SHARED_DIR, 'acceptance/kursk-gold.json')
export const hasShared = existsSync(SEED_PATH) && existsSync(GOLD_PATH)

/** `describe` for tests that need ../shared: skipped with a reason on a laptop, failed in CI. */
export function describeWithShared(name: string, body: () => void): void {
  if (hasShared) describe(name, body)
  else if (process.env.CI === 'true')
    describe(name, () =>
      it(`needs ${SHARED_DIR}`, () => {
        throw new Error(`CI=true but ${SHARED_DIR} (the seed article and its gold claims) is absent`)
      })
    )
  // The body is not even collected: it reads the files at the top.
  else describe(name, () => it.skip(`skipped: ${SHARED_DIR} (the seed article and its gold claims) is absent`))
}
