// Key judgments as a list the composer edits: every operation returns a new list. Pure.
import type { Confidence, Judgment } from '../../../shared/model'

function newId(): string {
  const c = globalThis.crypto
  if (c && typeof c.randomUUID === 'function') return c.randomUUID()
  return `j-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}

export function addJudgment(
  list: readonly Judgment[],
  confidence: Confidence = 'moderate'
): { list: Judgment[]; added: Judgment } {
  const added: Judgment = { id: newId(), text: '', confidence, claimIds: [] }
  return { list: [...list, added], added }
}

export function updateJudgment(
  list: readonly Judgment[],
  id: string,
  patch: Partial<Omit<Judgment, 'id'>>
): Judgment[] {
  return list.map((j) => (j.id === id ? { ...j, ...patch } : j))
}

export function removeJudgment(list: readonly Judgment[], id: string): Judgment[] {
  return list.filter((j) => j.id !== id)
}

/** One step up or down; null at either end. */
export function moveJudgment(list: readonly Judgment[], id: string, step: -1 | 1): Judgment[] | null {
  const at = list.findIndex((j) => j.id === id)
  const to = at + step
  if (at < 0 || to < 0 || to >= list.length) return null
  const out = [...list]
  ;[out[at], out[to]] = [out[to], out[at]]
  return out
}

/** Adds citations (each claim once, in the order given after the ones already cited). */
export function cite(list: readonly Judgment[], id: string, claimIds: readonly string[]): Judgment[] {
  return list.map((j) => (j.id === id ? { ...j, claimIds: [...new Set([...j.claimIds, ...claimIds])] } : j))
}

export function uncite(list: readonly Judgment[], id: string, claimId: string): Judgment[] {
  return list.map((j) => (j.id === id ? { ...j, claimIds: j.claimIds.filter((c) => c !== claimId) } : j))
}
