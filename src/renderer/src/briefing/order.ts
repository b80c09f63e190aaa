// Reordering the reporting section. The briefing stores one flat list of claim ids; the groups the
// analyst sees (by source, topic or document) follow from it: groups in order of their first claim,
// claims in list order. So every move is expressed as a new flat list. Pure.

/** Moves `id` to just before (or after) `target`; the list unchanged when either is missing. */
export function place(order: readonly string[], id: string, target: string, after: boolean): string[] {
  if (id === target || !order.includes(id) || !order.includes(target)) return [...order]
  const rest = order.filter((x) => x !== id)
  const at = rest.indexOf(target) + (after ? 1 : 0)
  return [...rest.slice(0, at), id, ...rest.slice(at)]
}

/**
 * Moves a claim one step up or down inside its group (past the neighbour the analyst sees);
 * null when it is already first or last there.
 */
export function moveInGroup(
  order: readonly string[],
  group: readonly string[],
  id: string,
  step: -1 | 1
): string[] | null {
  const at = group.indexOf(id)
  const neighbour = at < 0 ? undefined : group[at + step]
  if (neighbour === undefined) return null
  return place(order, id, neighbour, step === 1)
}

/**
 * Moves a whole group before the previous one (step -1) or after the next one (step 1): its claims,
 * in their order, go just before the first claim of the group it passes. Null at either end.
 */
export function moveGroup(
  order: readonly string[],
  groups: readonly (readonly string[])[],
  index: number,
  step: -1 | 1
): string[] | null {
  const [moving, passed] = step === -1 ? [index, index - 1] : [index + 1, index]
  if (passed < 0 || moving >= groups.length || index < 0 || index >= groups.length) return null
  const block = new Set(groups[moving])
  const anchor = groups[passed].find((id) => !block.has(id))
  if (anchor === undefined) return null
  const rest = order.filter((id) => !block.has(id))
  const at = rest.indexOf(anchor)
  if (at < 0) return null
  const ordered = order.filter((id) => block.has(id))
  return [...rest.slice(0, at), ...ordered, ...rest.slice(at)]
}

/** Each id once, first occurrence kept (a claim under two topics is listed once). */
export function unique(ids: Iterable<string>): string[] {
  return [...new Set(ids)]
}
