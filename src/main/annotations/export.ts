// Claims -> W3C Web Annotation Data Model (JSON-LD): an AnnotationCollection with one Annotation per
// claim. Standard parts carry what the model has words for:
//   target.source    the document as Claimdesk holds it: its text, the one the selectors count in,
//                    named by the SHA-256 of its UTF-8 bytes (cd:textSha256), with title, outlet, URL;
//                    the file it was extracted from is named apart (cd:original, its own SHA-256),
//                    because the extracted text is not the file (line endings, wrapping, markup differ)
//   target.selector  TextQuoteSelector {exact, prefix, suffix} + TextPositionSelector {start, end}
//                    (start/end in Unicode code points of that text, as the model requires)
//   body             tagging bodies for the source ("cd:role": "source"), its relays ("cd:role": "via",
//                    in order) and each topic tag; a commenting body for the note; an assessing body
//                    for the grade and status
//   created/modified the claim's times
// Extension terms in the "cd:" namespace carry the rest (cd:anchor: how a claim was re-anchored), so
// importing the file (import.ts) gives back every claim field and the sources it names.
import { createHash } from 'node:crypto'
import type { CaseData, CaseDocument, Claim, Source } from '../../shared/model'
import type { BriefingView } from '../../shared/briefing/view'

export const CLAIMDESK_VOCAB = 'urn:claimdesk:vocab:'
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** A model id as a URN: urn:uuid: for UUIDs, else urn:claimdesk:<kind>:<id>. */
export function idToUrn(kind: 'claim' | 'document' | 'source' | 'briefing' | 'case', id: string): string {
  return UUID.test(id) ? `urn:uuid:${id.toLowerCase()}` : `urn:claimdesk:${kind}:${encodeURIComponent(id)}`
}

/** Code points before a UTF-16 offset. */
function codePointOffset(text: string, utf16: number): number {
  let n = 0
  for (let i = 0; i < utf16 && i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < utf16) {
      const d = text.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) i++
    }
    n++
  }
  return n
}

function sourceBody(role: 'source' | 'via', s: Source): Record<string, unknown> {
  return {
    type: 'TextualBody',
    purpose: 'tagging',
    value: s.name,
    'cd:role': role,
    'cd:sourceId': s.id,
    'cd:kind': s.kind,
    'cd:reliability': s.reliability,
    'cd:description': s.description,
    'cd:aliases': s.aliases,
    'cd:created': s.createdAt,
    'cd:modified': s.updatedAt
  }
}

/** SHA-256 (hex) of a document's text as UTF-8: the text positions and quotes are given in. */
export function textSha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

function targetSource(doc: CaseDocument, textHash: string): Record<string, unknown> {
  return {
    id: idToUrn('document', doc.id),
    type: 'Text',
    format: 'text/plain',
    'cd:textSha256': textHash,
    'cd:title': doc.title,
    'cd:outlet': doc.outlet,
    'cd:url': doc.url,
    'cd:original': {
      'cd:fileName': doc.provenance.fileName,
      'cd:format': doc.provenance.format,
      'cd:size': doc.provenance.size,
      'cd:sha256': doc.provenance.sha256
    }
  }
}

function annotation(
  claim: Claim,
  doc: CaseDocument,
  textHash: string,
  sources: Map<string, Source>,
  gradeText: string
): Record<string, unknown> {
  const body: Record<string, unknown>[] = []
  const source = claim.sourceId === null ? undefined : sources.get(claim.sourceId)
  if (source) body.push(sourceBody('source', source))
  for (const id of claim.via) {
    const relay = sources.get(id)
    if (relay) body.push(sourceBody('via', relay))
  }
  for (const tag of claim.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag })
  if (claim.note !== '')
    body.push({ type: 'TextualBody', purpose: 'commenting', format: 'text/plain', value: claim.note })
  body.push({
    type: 'TextualBody',
    purpose: 'assessing',
    value: gradeText,
    'cd:reliability': source?.reliability ?? null,
    'cd:credibility': claim.credibility,
    'cd:status': claim.status
  })
  return {
    id: idToUrn('claim', claim.id),
    type: 'Annotation',
    motivation: 'assessing',
    created: claim.createdAt,
    modified: claim.updatedAt,
    body,
    ...(claim.anchor ? { 'cd:anchor': claim.anchor } : {}),
    target: {
      source: targetSource(doc, textHash),
      selector: [
        { type: 'TextQuoteSelector', exact: claim.quote.exact, prefix: claim.quote.prefix, suffix: claim.quote.suffix },
        {
          type: 'TextPositionSelector',
          start: codePointOffset(doc.text, claim.position.start),
          end: codePointOffset(doc.text, claim.position.end),
          'cd:utf16Start': claim.position.start,
          'cd:utf16End': claim.position.end
        }
      ]
    }
  }
}

/** The claims of a briefing as a Web Annotation collection (pretty-printed JSON). */
export function renderJsonLd(data: CaseData, view: BriefingView): string {
  const documents = new Map(data.documents.map((d) => [d.id, d]))
  const sources = new Map(data.sources.map((s) => [s.id, s]))
  const claims = new Map(data.claims.map((c) => [c.id, c]))
  const hashes = new Map<string, string>()
  const hashOf = (doc: CaseDocument): string => {
    let hash = hashes.get(doc.id)
    if (hash === undefined) hashes.set(doc.id, (hash = textSha256(doc.text)))
    return hash
  }
  const items = view.claims.map((c) => {
    const doc = documents.get(c.documentId)!
    return annotation(claims.get(c.id)!, doc, hashOf(doc), sources, `${c.grade} · ${c.statusLabel} (${c.gradeLabel})`)
  })
  const collection = {
    '@context': [ANNO_CONTEXT, { cd: CLAIMDESK_VOCAB }],
    id: idToUrn(view.briefingId ? 'briefing' : 'case', view.briefingId || data.id),
    type: 'AnnotationCollection',
    label: view.header.title,
    generated: view.header.generatedAt,
    generator: { id: 'urn:claimdesk:app', type: 'Software', name: 'Claimdesk' },
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items }
  }
  return `${JSON.stringify(collection, null, 2)}\n`
}
