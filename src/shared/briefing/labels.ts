// Human-readable labels for the codes a case stores. Kept as plain data so another grading scheme
// (e.g. UK police 5x5x5) or a house status vocabulary can be swapped in without touching renderers.
import type { ClaimStatus, Confidence, Credibility, GroupBy, LinkKind, Reliability, SourceKind } from '../model'

export interface BriefingLabels {
  reliability: Record<Reliability, string>
  credibility: Record<Credibility, string>
  status: Record<ClaimStatus, string>
  confidence: Record<Confidence, string>
  sourceKind: Record<SourceKind, string>
  groupBy: Record<GroupBy, string>
  link: Record<LinkKind, string>
  /** Group title for claims with no source / no tag. */
  unattributed: string
  untagged: string
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
  unattributed: 'Unattributed',
  untagged: 'Untagged'
}
