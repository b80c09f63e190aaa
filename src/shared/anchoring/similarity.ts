// How alike two short strings are (a quote's context before and after, as it was and as it is now).

/** Levenshtein distance (insertions, deletions, substitutions), in two rows of memory. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0
  if (a.length === 0) return b.length
  if (b.length === 0) return a.length
  let previous = new Uint32Array(b.length + 1)
  let current = new Uint32Array(b.length + 1)
  for (let j = 0; j <= b.length; j++) previous[j] = j
  for (let i = 1; i <= a.length; i++) {
    current[0] = i
    const ca = a.charCodeAt(i - 1)
    for (let j = 1; j <= b.length; j++) {
      const substitute = previous[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1)
      current[j] = Math.min(substitute, previous[j] + 1, current[j - 1] + 1)
    }
    ;[previous, current] = [current, previous]
  }
  return previous[b.length]
}

/** 1 for equal strings, 0 for nothing in common: one minus the edit distance over the longer length. */
export function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length)
  return longer === 0 ? 1 : 1 - editDistance(a, b) / longer
}
