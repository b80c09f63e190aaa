import type { Block, DocumentFormat, DocumentMeta, SourceKind } from '../../shared/model'

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

export interface ImportOptions {
  /** Decode a text file (txt, md, html) with this encoding instead of detecting it. */
  encoding?: string
  /** Stops the import (the caller reports the file as cancelled). */
  signal?: AbortSignal
}
