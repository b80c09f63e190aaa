// The briefing's date-time between its stored form (ISO, UTC) and a datetime-local input (local time).

const pad = (n: number) => String(n).padStart(2, '0')

/** "2024-11-20T14:05:00.000Z" -> "2024-11-20T15:05" in UTC+1; "" for an empty or unreadable value. */
export function toLocalInput(stored: string): string {
  if (!stored) return ''
  const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(stored) ? `${stored}T00:00` : stored)
  if (Number.isNaN(time)) return ''
  const d = new Date(time)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** A datetime-local value (local time) -> ISO in UTC; "" stays "" (no date). */
export function fromLocalInput(value: string): string | null {
  if (value === '') return ''
  const time = Date.parse(value)
  return Number.isNaN(time) ? null : new Date(time).toISOString()
}
