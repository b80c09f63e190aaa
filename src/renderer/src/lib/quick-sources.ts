// The sources the number keys 1–9 assign: the nine with the most claims (ties by name).
import type { SourceSummary } from '../../../shared/api'

export const QUICK_SOURCES = 9

export function quickSources(sources: readonly SourceSummary[]): SourceSummary[] {
  return [...sources]
    .sort((a, b) => b.claimCount - a.claimCount || a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }))
    .slice(0, QUICK_SOURCES)
}
