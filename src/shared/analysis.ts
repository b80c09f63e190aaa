// The analysis engine's types: suggested claims, quantities, conflict sets, circular reporting and
// the sources-by-topic view. Plain JSON-able data (no Infinity, no classes), so every value here can
// cross a worker boundary, the IPC bridge or the CLI's --json output unchanged.
import type { ClaimStatus, Credibility, Id, SourceKind } from './model'

/** A [start, end) range of a document's text (UTF-16 offsets, end exclusive) and the text in it. */
export interface Span {
  start: number
  end: number
  text: string
}

// ---------------------------------------------------------------------------------------------
// Quantities

/**
 * How a figure is bounded, from its hedge: "just under 60,000" is `at-most`, "upward of 10,000"
 * `at-least`, "more than 40 percent" `more-than`, "about 50,000" `approx`, "10-12" `range`.
 */
export type QuantityBound = 'exact' | 'approx' | 'at-least' | 'more-than' | 'at-most' | 'less-than' | 'range'

/** A figure's part in a comparison the text itself makes. */
export type QuantityRole = 'from' | 'to' | 'part' | 'whole'

export interface Quantity extends Span {
  /** The figure, scaled ("350 million" is 350000000); for a range, its lower end. */
  value: number
  /** Upper end of a range. */
  high?: number
  /** The unit as written, lower-case: "troops", "square miles", "percent", "households". */
  unit: string
  /** Units that count the same thing share a class: soldiers and troops are both "troops". */
  unitClass: string
  bound: QuantityBound
  /** The hedge as written ("just under", "upward of", "about"), when there is one. */
  hedge?: string
  /** The values the text allows, for comparing figures: null is unbounded. */
  low: number | null
  highBound: number | null
  /** "1,500 more soldiers": an increment, not a total, so never compared with totals. */
  increment?: boolean
  role?: QuantityRole
  /** What the figure is a share or count of, when the text says ("of the territory"). */
  of?: string
  /** The time the figure refers to, when the text says ("mid-November", "on Saturday"). */
  time?: Span
}

// ---------------------------------------------------------------------------------------------
// Suggestions

/** What made the engine suggest a claim. */
export type CueKind =
  | 'reporting-verb' // said, told, estimated, denied, ...
  | 'according-to'
  | 'quotation' // a direct quotation continuing the previous speaker's
  | 'figure' // a sentence in the publisher's own voice carrying a figure
  | 'estimative' // the publisher's own judgment: "likely", "unlikely", "almost certainly"
  | 'non-statement' // "X has not confirmed or denied ..." in the publisher's voice
  | 'rebuttal' // "reports that ... are false"
  | 'possessive' // "the Office's estimate that ..."
  | 'lead' // the publisher's own statement of an event leading the article or a section, or a key takeaway
  | 'turn' // a transcript's speaker label ("MINISTER HALE:", "Q:"): the turn's own assertion

export interface Cue extends Span {
  kind: CueKind
  /** The reporting verb's lemma ("say", "tell", "deny"), for reporting verbs. */
  lemma?: string
}

/** How a speaker mention was tied to the speaker it names. */
export type SpeakerResolution =
  | 'named' // the mention names the speaker
  | 'pronoun' // "he", "she", "it", "they", "we"
  | 'description' // "the source", "the ministry", "the think tank"
  | 'continuation' // an unattributed quotation right after the speaker's own
  | 'publisher' // the publisher's own voice
  | 'unattributed' // a record no one is named behind ("reports have indicated"): no speaker to record

export interface Speaker {
  /** The mention as written ("Kyiv's top soldier, General Oleksandr Syrskyi"); null for the publisher's voice. */
  mention: Span | null
  resolution: SpeakerResolution
  /** Ties mentions of one speaker within the document: "e1", "e2", ... */
  entity: string
  /** A name to create the source with ("Oleksandr Syrskyi"), and other names it goes by. */
  name: string
  aliases: string[]
  kind: SourceKind
  /** The existing source this speaker is, when one matches by name, alias or a safe looser rule. */
  sourceId: Id | null
}

/** An intermediary the claim reached the page through: "told Reuters", "citing ...". */
export interface Relay {
  mention: Span
  name: string
  kind: SourceKind
  sourceId: Id | null
}

export type CaveatKind =
  | 'unverified' // "could not independently verify"
  | 'not-confirmed-or-denied'
  | 'no-comment' // "did not respond to a request for comment", "declined to comment"
  | 'no-evidence' // "did not provide evidence", "has not observed visual evidence"

export interface Caveat extends Span {
  kind: CaveatKind
}

export interface Suggestion {
  /** Stable within one run over one document: "s1", "s2", ... in reading order. */
  id: string
  /** The clause or sentence carrying the claim: what is asserted, without the attribution. */
  claim: Span
  speaker: Speaker
  /** Relays, nearest the speaker first. */
  via: Relay[]
  cue: Cue
  quantities: Quantity[]
  /** The publisher's own caveats about this claim. */
  caveats: Caveat[]
  /** What the caveats suggest for the claim's grading; empty when there are none. */
  grading: { credibility?: Credibility; status?: ClaimStatus }
}

/** The document part suggestClaims reads. `outlet` is the publisher, when the metadata knows it. */
export interface SuggestInput {
  text: string
  blocks: { kind: string; start: number; end: number }[]
  outlet?: string
}

// ---------------------------------------------------------------------------------------------
// Conflict sets

export {
  CONFLICT_SET_KINDS,
  CONFLICT_SET_STATUSES,
  CONFLICT_BASES,
  type ConflictBasis,
  type ConflictSet,
  type ConflictSetKind,
  type ConflictSetStatus
} from './model'
import type { ConflictSetKind, ConflictBasis, ConflictSetStatus as SetStatus } from './model'

/** A figure in a proposal, for printing the set side by side. */
export interface ConflictFigure {
  claimId: Id
  quantity: Quantity
}

/** What findConflictSets proposes; becomes a ConflictSet (status 'proposed') when kept. */
export interface ConflictSetProposal {
  /** kind + basis + sorted claim ids: the same proposal has the same key on every run. */
  key: string
  kind: ConflictSetKind
  basis: Exclude<ConflictBasis, 'manual'>
  claimIds: Id[]
  subject: string
  unit?: string
  explanation: string
  figures: ConflictFigure[]
  /**
   * A set the case keeps (same kind) that holds two or more of these claims: the proposal adds its
   * other claims to it, so one dispute is never printed twice.
   */
  extends?: { id: Id; subject: string; status: SetStatus; newClaimIds: Id[] }
}

// ---------------------------------------------------------------------------------------------
// Circular reporting and sources by topic

/** One way an origin's claims reached the case: a chain of relays and a publishing document. */
export interface ReportingRoute {
  documentId: Id
  via: Id[]
  claimIds: Id[]
  /** "via Reuters, in Newsweek" */
  label: string
}

export interface CircularGroup {
  /** The source every claim in the group comes from. */
  originId: Id
  subject: string
  claimIds: Id[]
  routes: ReportingRoute[]
  /** For the app and the briefing: "3 reports ... trace back to one origin ...". */
  warning: string
}

export interface TopicSource {
  sourceId: Id
  claimIds: Id[]
  /** Sources on this topic whose claims this source's claims corroborate or agree with. */
  agreesWith: Id[]
  conflictsWith: Id[]
}

export interface TopicView {
  topic: string
  sources: TopicSource[]
  claimCount: number
  /** Distinct origins among the topic's claims: how many independent sources report on it. */
  independentOrigins: number
  circular: CircularGroup[]
}
