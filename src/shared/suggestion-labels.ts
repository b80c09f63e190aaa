// How a suggestion's speaker and cue are named to the analyst, the same in the app and the CLI.
import type { Suggestion } from './analysis'

/** The speaker as the queue names it: a name, the publisher, or the record no one is named in. */
export function speakerLabel(s: Pick<Suggestion, 'speaker'>): string {
  if (s.speaker.resolution === 'publisher') return s.speaker.name || 'The publisher'
  if (s.speaker.resolution === 'unattributed') return `${s.speaker.mention?.text ?? 'Unnamed record'} (no one named)`
  return s.speaker.name
}

/** What made it a suggestion, in words: the cue as written, or what kind of cue it is. */
export function cueLabel(s: Pick<Suggestion, 'cue'>): string {
  if (s.cue.kind === 'quotation') return 'quotation'
  if (s.cue.kind === 'figure') return `figure: ${s.cue.text}`
  return s.cue.text
}
