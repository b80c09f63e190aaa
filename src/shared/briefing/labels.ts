// Human-readable labels for the codes a case stores. Kept as plain data so another grading scheme
// (e.g. UK police 5x5x5) or a house status vocabulary can be swapped in without touching renderers.
import { quoteForDisplay } from './quotes'
import type {
  ClaimStatus,
  Confidence,
  ConflictBasis,
  ConflictSetKind,
  Credibility,
  GroupBy,
  LinkKind,
  Reliability,
  SourceKind
} from '../model'

export interface BriefingLabels {
  /** The scheme's own words for each code ("usually reliable", "truth cannot be judged"). */
  reliability: Record<Reliability, string>
  credibility: Record<Credibility, string>
  /**
   * A grade in words, as two clauses that each read as English whatever the code: "source usually
   * reliable", "truth of the information cannot be judged". `unknownSource` for unattributed claims.
   */
  gradeWords: {
    source: Record<Reliability, string>
    information: Record<Credibility, string>
    unknownSource: string
  }
  status: Record<ClaimStatus, string>
  confidence: Record<Confidence, string>
  sourceKind: Record<SourceKind, string>
  groupBy: Record<GroupBy, string>
  link: Record<LinkKind, string>
  /** What a set of claims printed side by side shows, by its kind and why it was made. */
  conflictSet: Record<ConflictSetKind, Record<ConflictBasis, string>>
  /** Group title for claims with no source / no tag. */
  unattributed: string
  untagged: string
  /** A claim re-anchored onto a new version whose words changed, not yet accepted by the analyst. */
  unreviewed: (previousQuote: string) => string
}

/** Admiralty (NATO) source reliability. */
export const ADMIRALTY_RELIABILITY: Record<Reliability, string> = {
  A: 'completely reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'reliability cannot be judged'
}

/** Admiralty (NATO) information credibility. */
export const ADMIRALTY_CREDIBILITY: Record<Credibility, string> = {
  '1': 'confirmed by other sources',
  '2': 'probably true',
  '3': 'possibly true',
  '4': 'doubtful',
  '5': 'improbable',
  '6': 'truth cannot be judged'
}

/** Admiralty grades as clauses that compose into a sentence (see gradeLabel). */
export const ADMIRALTY_GRADE_WORDS: BriefingLabels['gradeWords'] = {
  source: {
    A: 'source completely reliable',
    B: 'source usually reliable',
    C: 'source fairly reliable',
    D: 'source not usually reliable',
    E: 'source unreliable',
    F: 'reliability of the source cannot be judged'
  },
  information: {
    '1': 'information confirmed by other sources',
    '2': 'information probably true',
    '3': 'information possibly true',
    '4': 'information doubtful',
    '5': 'information improbable',
    '6': 'truth of the information cannot be judged'
  },
  unknownSource: 'source not identified'
}

/** "source usually reliable; information probably true": a claim's grade in words. */
export function gradeLabel(labels: BriefingLabels, reliability: Reliability | null, credibility: Credibility): string {
  const words = labels.gradeWords
  return `${reliability ? words.source[reliability] : words.unknownSource}; ${words.information[credibility]}`
}

export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  unverified: 'Unverified',
  corroborated: 'Corroborated',
  contradicted: 'Contradicted',
  confirmed: 'Confirmed',
  false: 'False',
  'not-checkable': 'Not checkable'
}

export const DEFAULT_LABELS: BriefingLabels = {
  reliability: ADMIRALTY_RELIABILITY,
  credibility: ADMIRALTY_CREDIBILITY,
  gradeWords: ADMIRALTY_GRADE_WORDS,
  status: CLAIM_STATUS_LABELS,
  confidence: { high: 'High confidence', moderate: 'Moderate confidence', low: 'Low confidence' },
  sourceKind: {
    person: 'Person',
    organization: 'Organization',
    outlet: 'Outlet',
    anonymous: 'Anonymous',
    document: 'Document'
  },
  groupBy: { source: 'source', topic: 'topic', document: 'document' },
  link: { corroborates: 'corroborates', contradicts: 'contradicts' },
  conflictSet: {
    conflict: {
      figures: 'figures disagree',
      accounts: 'accounts disagree',
      arithmetic: 'figures disagree by arithmetic',
      manual: 'reports disagree'
    },
    consistent: {
      figures: 'figures agree',
      accounts: 'accounts agree',
      arithmetic: 'consistent by arithmetic',
      manual: 'reports agree'
    }
  },
  unattributed: 'Unattributed',
  untagged: 'Untagged',
  unreviewed: (previous) =>
    `Not yet reviewed: a newer version of the document changed these words (earlier: ${quoteForDisplay(previous)}); the grade and status were given to the earlier words.`
}
