/** At most `few` of `items`, then how many more: "a, b, c and 4 more". */
export function someOf(items: readonly (string | number)[], few = 5): string {
  return items.length > few ? `${items.slice(0, few).join(', ')} and ${items.length - few} more` : items.join(', ')
}
