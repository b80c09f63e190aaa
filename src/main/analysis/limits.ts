// What one document's suggested claims may cost. Reading is about 10 µs a character, so the text
// limit keeps a request to a few seconds; the time and memory limits catch the rest (worker.ts).
import { ClaimdeskError } from '../../shared/errors'

export const SUGGEST_LIMITS = {
  /** Longer documents (about 60,000 words) are not read for suggestions. */
  textChars: 400_000,
  /** Wall time for one document in the worker. */
  timeMs: 30_000,
  /** The worker's heap. */
  memoryMb: 1024
}

export type SuggestLimits = typeof SUGGEST_LIMITS

/** Refuses a document too long to read for suggestions, naming it and the limit. */
export function checkSuggestSize(title: string, textLength: number, limits: SuggestLimits = SUGGEST_LIMITS): void {
  if (textLength <= limits.textChars) return
  throw new ClaimdeskError(
    'invalid',
    `Suggested claims: “${title}” is too long to read for suggestions (${textLength.toLocaleString('en')} characters; the limit is ${limits.textChars.toLocaleString('en')}). Mark its claims by hand, or import it in parts.`
  )
}
