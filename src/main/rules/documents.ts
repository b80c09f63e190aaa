// Documents: adding an import (or recognising it), editing details, deleting with its claims,
// decoding again with another encoding while nothing is anchored in the text.
import type { DocumentPatch, ImportResult } from '../../shared/api'
import { ClaimdeskError } from '../../shared/errors'
import type { CaseDocument, Id, Provenance } from '../../shared/model'
import { findSourceByName } from '../../shared/source-names'
import type { CaseState } from '../case/case-state'
import type { ImportedDocument } from '../import'
import { releaseOrphansOps } from './anchors'
import { removeClaimsOps } from './claims'
import { documentOf, plural, quoted, type Outcome, type RuleContext } from './outcome'
import { forgetRejectionsOps } from './suggestions'

/** A document already holding these exact bytes. */
export function documentWithHash(state: CaseState, sha256: string): CaseDocument | undefined {
  for (const d of state.documents.values()) if (d.provenance.sha256 === sha256) return d
  return undefined
}

/** An earlier import of the same article: same URL, or failing that the same title. */
function previousVersion(state: CaseState, imported: ImportedDocument): CaseDocument | undefined {
  const { url, title } = imported.meta
  const docs = [...state.documents.values()]
  const byUrl = url ? docs.filter((d) => d.url === url) : []
  return (byUrl.length ? byUrl : docs.filter((d) => d.title === title)).at(-1)
}

/**
 * Adds an imported file as a document, or reports it as a duplicate when the case already holds
 * the same bytes. A changed article (same URL or title) is kept beside the old one as its new version.
 */
export function addDocument(
  state: CaseState,
  imported: ImportedDocument,
  provenance: Provenance,
  ctx: RuleContext
): Outcome<ImportResult> {
  const fileName = provenance.fileName
  const same = documentWithHash(state, provenance.sha256)
  if (same) {
    const value: ImportResult = {
      fileName,
      status: 'duplicate',
      documentId: same.id,
      message: `already in the case as “${same.title}”`
    }
    return { ops: [], value, label: '' }
  }
  const previous = previousVersion(state, imported)
  const { meta } = imported
  const doc: CaseDocument = {
    id: ctx.newId(),
    title: meta.title,
    outlet: meta.outlet,
    author: meta.author,
    url: meta.url,
    published: meta.published,
    ...(meta.language ? { language: meta.language } : {}),
    text: imported.text,
    blocks: imported.blocks,
    provenance,
    notices: imported.notices,
    ...(previous ? { versionOf: previous.id } : {}),
    createdAt: ctx.now,
    updatedAt: ctx.now
  }
  const notes = [...imported.notices]
  if (previous) notes.unshift(`new version of “${previous.title}”, kept beside it`)
  const suggestedSources = imported.suggestedSources.filter((s) => !findSourceByName(state.sources.values(), s.name))
  const value: ImportResult = {
    fileName,
    status: 'imported',
    documentId: doc.id,
    ...(notes.length ? { message: notes.join('; ') } : {}),
    ...(suggestedSources.length ? { suggestedSources } : {})
  }
  return { ops: [{ op: 'put', collection: 'documents', item: doc }], value, label: `import ${quoted(doc.title)}` }
}

export function updateDocument(
  state: CaseState,
  id: Id,
  patch: DocumentPatch,
  ctx: RuleContext
): Outcome<CaseDocument> {
  const doc: CaseDocument = { ...documentOf(state, id), ...patch, updatedAt: ctx.now }
  return {
    ops: [{ op: 'put', collection: 'documents', item: doc }],
    value: doc,
    label: `details of ${quoted(doc.title)}`
  }
}

export function deleteDocument(state: CaseState, id: Id, ctx: RuleContext): Outcome<Id[]> {
  const doc = documentOf(state, id)
  const claimIds = state.claimsOf(id).map((c) => c.id)
  return {
    ops: [
      ...removeClaimsOps(state, new Set(claimIds), ctx.now),
      ...releaseOrphansOps(state, id, ctx.now),
      ...forgetRejectionsOps(state, id),
      { op: 'remove', collection: 'documents', id }
    ],
    value: claimIds,
    label: `delete ${quoted(doc.title)}${claimIds.length ? ` and ${plural(claimIds.length, 'claim')}` : ''}`
  }
}

/** The document's text decoded again (another encoding); refused once claims anchor in the old text. */
export function reimportDocument(
  state: CaseState,
  id: Id,
  imported: ImportedDocument,
  ctx: RuleContext
): Outcome<CaseDocument> {
  const doc = documentOf(state, id)
  const claims = state.claimCountOf(id)
  if (claims > 0) {
    throw new ClaimdeskError(
      'conflict',
      `“${doc.title}” has ${plural(claims, 'claim')} anchored in its text: re-import it as a new document instead`
    )
  }
  const next: CaseDocument = {
    ...doc,
    text: imported.text,
    blocks: imported.blocks,
    notices: imported.notices,
    provenance: { ...doc.provenance, ...(imported.encoding ? { encoding: imported.encoding } : {}) },
    updatedAt: ctx.now
  }
  return {
    ops: [{ op: 'put', collection: 'documents', item: next }, ...forgetRejectionsOps(state, id)],
    value: next,
    label: `re-read ${quoted(doc.title)} as ${imported.encoding ?? 'text'}`
  }
}
