// The sample case a first-time user finds open: our own article (resources/sample) with a few
// claims already marked, built through the public API so it always matches the current model.
import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { ClaimdeskApi } from '../shared/api'
import { findQuote } from '../shared/anchoring/find-quote'
import { invalid } from '../shared/errors'
import {
  CLAIM_STATUSES,
  CONFIDENCE,
  CONFLICT_SET_KINDS,
  CREDIBILITY,
  LINK_KINDS,
  RELIABILITY,
  SOURCE_KINDS
} from '../shared/model'

const sampleSpec = z.object({
  title: z.string(),
  document: z.object({
    file: z.string(),
    outlet: z.string(),
    author: z.string(),
    url: z.string(),
    published: z.string()
  }),
  sources: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      kind: z.enum(SOURCE_KINDS),
      reliability: z.enum(RELIABILITY),
      description: z.string(),
      aliases: z.array(z.string())
    })
  ),
  claims: z.array(
    z.object({
      quote: z.string(),
      occurrence: z.number().int().min(1),
      source: z.string(),
      via: z.array(z.string()),
      tags: z.array(z.string()),
      status: z.enum(CLAIM_STATUSES),
      credibility: z.enum(CREDIBILITY),
      note: z.string()
    })
  ),
  links: z.array(z.object({ from: z.number(), to: z.number(), kind: z.enum(LINK_KINDS), note: z.string() })),
  conflictSets: z.array(
    z.object({
      claims: z.array(z.number().int()),
      kind: z.enum(CONFLICT_SET_KINDS),
      subject: z.string(),
      note: z.string()
    })
  ),
  briefing: z.object({
    title: z.string(),
    handling: z.string(),
    author: z.string(),
    bottomLine: z.string(),
    judgments: z.array(
      z.object({ text: z.string(), confidence: z.enum(CONFIDENCE), claims: z.array(z.number().int()) })
    ),
    gaps: z.string()
  })
})

/** Fills the open (empty) case with the sample article, its sources, claims, links, conflict sets and briefing. */
export async function addSampleContent(api: ClaimdeskApi, resourcesDir: string): Promise<void> {
  const dir = join(resourcesDir, 'sample')
  const spec = sampleSpec.parse(JSON.parse(await readFile(join(dir, 'case.json'), 'utf8')))
  await api.setCaseTitle(spec.title)
  const {
    value: [result]
  } = await api.importFiles([{ path: join(dir, spec.document.file) }])
  if (!result.documentId) throw invalid(`sample article: ${result.message ?? result.status}`)
  const { file: _file, ...meta } = spec.document
  await api.updateDocument(result.documentId, meta)
  const { document: doc } = await api.getDocument(result.documentId)

  const sourceIds = new Map<string, string>()
  for (const { key, ...fields } of spec.sources) {
    sourceIds.set(key, (await api.createSource(fields)).value.id)
  }
  const idOf = (key: string) => {
    const id = sourceIds.get(key)
    if (!id) throw invalid(`sample case: unknown source key "${key}"`)
    return id
  }
  const claimIds: string[] = []
  for (const c of spec.claims) {
    const range = findQuote(doc.text, c.quote).ranges[c.occurrence - 1]
    if (!range) throw invalid(`sample case: quote not found: “${c.quote}”`)
    const { value: claim } = await api.createClaim({
      documentId: doc.id,
      ...range,
      sourceId: idOf(c.source),
      via: c.via.map(idOf),
      tags: c.tags,
      note: c.note,
      status: c.status,
      credibility: c.credibility
    })
    claimIds.push(claim.id)
  }
  for (const l of spec.links) {
    await api.createLink({ from: claimIds[l.from], to: claimIds[l.to], kind: l.kind, note: l.note })
  }
  for (const { claims, ...set } of spec.conflictSets) {
    await api.createConflictSet({ ...set, claimIds: claims.map((n) => claimIds[n]) })
  }
  const { judgments, ...briefing } = spec.briefing
  await api.createBriefing({
    ...briefing,
    judgments: judgments.map((j) => ({
      id: randomUUID(),
      text: j.text,
      confidence: j.confidence,
      claimIds: j.claims.map((n) => claimIds[n])
    }))
  })
}
