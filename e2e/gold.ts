// The seed article the specs import and its acceptance data (../shared/acceptance/kursk-gold.json).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { sharedDir } from './fixtures'

export const seed = join(sharedDir, 'seeds/000_d556f112b49f173e.txt')

export interface GoldSource {
  id: string
  name: string
  kind: string
}
export interface GoldClaim {
  id: string
  quote: string
  source: string
  via: string[]
  topic: string
}

/** The gold claims with the ids in `chosen`, in that order, and every gold source by id. */
export function gold(chosen: string[]): { claims: GoldClaim[]; sources: Map<string, GoldSource> } {
  const data = JSON.parse(readFileSync(join(sharedDir, 'acceptance/kursk-gold.json'), 'utf8'))
  const byId = new Map((data.claims as GoldClaim[]).map((c) => [c.id, c]))
  return {
    claims: chosen.map((id) => byId.get(id)!),
    sources: new Map((data.sources as GoldSource[]).map((s) => [s.id, s]))
  }
}
