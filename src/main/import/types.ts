import type { Block, DocumentFormat, DocumentMeta, SourceKind } from '../../shared/model'
import type { ImportLimits } from './limits'

export interface SuggestedSource {
  name: string
  kind: Extract<SourceKind, 'outlet' | 'person'>
}

/** What an importer makes of one file: everything but provenance, which the caller adds. */
export interface ImportedDocument {
  meta: DocumentMeta
  /** The plain text claims anchor into: block texts joined by "\n\n". */
  text: string
  /** [start, end) ranges of `text`, in reading order, never overlapping. */
  blocks: Block[]
  format: DocumentFormat
  /** Encoding detected (or forced) for text formats. */
  encoding?: string
  /** Things the analyst should know about this import. */
  notices: string[]
  /** Sources the page names: site as outlet, byline as person. */
  suggestedSources: SuggestedSource[]
}

/** What an importer is told, inside the worker thread. */
export interface ReadOptions {
  /** Decode a text file (txt, md, html) with this encoding instead of detecting it. */
  encoding?: string
  /** Overrides of IMPORT_LIMITS (tests and benchmarks). */
  limits?: Partial<ImportLimits>
}

export interface ImportOptions extends ReadOptions {
  /** Aborting stops the import, the file being read included; the promise rejects with the signal's reason. */
  signal?: AbortSignal
}
