// Claims and sources read back from a W3C Web Annotation export.
import type { AnnotationImportResult } from '../../shared/api'
import { invalid } from '../../shared/errors'
import { matchAnnotationsToCase, parseWebAnnotations } from '../annotations/import'
import type { CaseState } from '../case/case-state'
import type { CaseOp } from '../case/types'
import { plural, type Outcome } from './outcome'

export function importAnnotations(state: CaseState, json: string): Outcome<AnnotationImportResult> {
  let parsed: unknown
  try {
    parsed = JSON.parse(json)
  } catch (err) {
    throw invalid(`the annotation file is not valid JSON (${(err as Error).message})`)
  }
  const found = matchAnnotationsToCase(state.toData(), parseWebAnnotations(parsed))
  return {
    ops: [
      ...found.sources.map((item): CaseOp => ({ op: 'put', collection: 'sources', item })),
      ...found.claims.map((item): CaseOp => ({ op: 'put', collection: 'claims', item }))
    ],
    value: { claims: found.claims.length, sources: found.sources.length, skipped: found.skipped },
    label: `import ${plural(found.claims.length, 'annotated claim')}`
  }
}
