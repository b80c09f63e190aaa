// The UI's labels for grading codes, statuses and kinds: the same data the exports use.
import { DEFAULT_LABELS } from '../../../shared/briefing/labels'
import type { Credibility, Reliability } from '../../../shared/model'

export const LABELS = DEFAULT_LABELS

/** The grade code, e.g. "B2"; the source part is "?" while a claim is unattributed. */
export function gradeCode(reliability: Reliability | undefined, credibility: Credibility): string {
  return `${reliability ?? '?'}${credibility}`
}
