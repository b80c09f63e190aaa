// An in-memory ClaimdeskApi for component tests: enough behaviour to drive the UI, no disk.
import type { ClaimdeskApi, ExportInput } from '../../../../shared/api'
import { ClaimdeskError } from '../../../../shared/errors'
import type { Block, Briefing, CaseDocument, Claim, ClaimLink, Source } from '../../../../shared/model'

const now = () => '2024-11-24T10:00:00.000Z'
let counter = 0
const newId = (prefix: string) => `${prefix}-${++counter}`

/** A document whose blocks are its paragraphs (separated by blank lines); the first is a heading. */
export function makeDocument(id: string, text: string, meta: Partial<CaseDocument> = {}): CaseDocument {
  const blocks: Block[] = []
  const re = /[^\n]+(?:\n[^\n]+)*/g
  for (let m = re.exec(text); m; m = re.exec(text)) {
    blocks.push(
      blocks.length === 0
        ? { kind: 'heading', level: 1, start: m.index, end: m.index + m[0].length }
        : { kind: 'paragraph', start: m.index, end: m.index + m[0].length }
    )
  }
  return {
    id,
    text,
    blocks,
    title: text.split('\n')[0],
    outlet: '',
    author: '',
    url: '',
    published: '',
    provenance: { fileName: `${id}.txt`, format: 'txt', sha256: '0', size: text.length, importedAt: now() },
    notices: [],
    createdAt: now(),
    updatedAt: now(),
    ...meta
  }
}

export function makeSource(name: string, extra: Partial<Source> = {}): Source {
  return {
    id: newId('src'),
    name,
    kind: 'person',
    description: '',
    reliability: 'F',
    aliases: [],
    createdAt: now(),
    updatedAt: now(),
    ...extra
  }
}

/** A briefing ("Kursk troops", id b1) dated like everything here; `extra` overrides any field. */
export function makeBriefing(extra: Partial<Briefing> = {}): Briefing {
  return {
    id: 'b1',
    title: 'Kursk troops',
    handling: '',
    date: now(),
    author: '',
    bottomLine: '',
    judgments: [],
    claimIds: [],
    groupBy: 'source',
    gaps: '',
    createdAt: now(),
    updatedAt: now(),
    ...extra
  }
}

export interface MemoryCase {
  documents: CaseDocument[]
  sources: Source[]
  claims: Claim[]
  briefings: Briefing[]
  links: ClaimLink[]
  readOnly?: boolean
  calls: { method: string; args: unknown[] }[]
}

export function memoryApi(initial: Partial<MemoryCase> = {}): ClaimdeskApi & { data: MemoryCase } {
  const data: MemoryCase = { documents: [], sources: [], claims: [], briefings: [], links: [], calls: [], ...initial }
  const log = (method: string, args: unknown[]) => data.calls.push({ method, args })
  const find = <T extends { id: string }>(list: T[], id: string, what: string): T => {
    const item = list.find((x) => x.id === id)
    if (!item) throw new ClaimdeskError('not-found', `${what} ${id} not found`)
    return item
  }
  const summary = (d: CaseDocument) => {
    const { text, blocks: _b, ...rest } = d
    return { ...rest, length: text.length, claimCount: data.claims.filter((c) => c.documentId === d.id).length }
  }
  const snapshot = async () => ({
    info: {
      path: '/cases/test.claimdesk.json',
      name: 'test.claimdesk.json',
      title: 'Test case',
      readOnly: !!data.readOnly,
      recovered: 0
    },
    documents: data.documents.map(summary),
    sources: [...data.sources],
    claims: [...data.claims],
    links: [...data.links],
    briefings: [...data.briefings]
  })
  const api: ClaimdeskApi = {
    currentCase: snapshot,
    newCase: async () => snapshot(),
    openCase: async () => snapshot(),
    saveCaseAs: async () => snapshot(),
    recentCases: async () => [{ path: '/cases/old.claimdesk.json', name: 'old.claimdesk.json', openedAt: now() }],
    listBackups: async () => [],
    restoreBackup: async () => snapshot(),
    setCaseTitle: async (title) => ({ ...(await snapshot()).info, title }),
    importFiles: async (files) => {
      log('importFiles', [files])
      return files.map((f) => {
        const doc = makeDocument(newId('doc'), atob(f.data))
        data.documents.push(doc)
        return { fileName: f.name, status: 'imported' as const, documentId: doc.id }
      })
    },
    pasteText: async (input) => {
      const doc = makeDocument(newId('doc'), input.text, input.title ? { title: input.title } : {})
      data.documents.push(doc)
      return summary(doc)
    },
    getDocument: async (id) => find(data.documents, id, 'document'),
    updateDocument: async (id, patch) => {
      log('updateDocument', [id, patch])
      const doc = find(data.documents, id, 'document')
      Object.assign(doc, patch)
      return summary(doc)
    },
    deleteDocument: async (id) => {
      const ids = data.claims.filter((c) => c.documentId === id).map((c) => c.id)
      data.claims = data.claims.filter((c) => c.documentId !== id)
      data.documents = data.documents.filter((d) => d.id !== id)
      return ids
    },
    importAnnotations: async () => ({ claims: 0, sources: 0, skipped: [] }),
    reimportDocument: async (id, encoding) => {
      log('reimportDocument', [id, encoding])
      const doc = data.documents.find((d) => d.id === id)!
      doc.provenance = { ...doc.provenance, encoding }
      return summary(doc)
    },
    createSource: async (input) => {
      log('createSource', [input])
      const source = makeSource(input.name, input as Partial<Source>)
      data.sources.push(source)
      return source
    },
    updateSource: async (id, patch) => {
      log('updateSource', [id, patch])
      const source = find(data.sources, id, 'source')
      Object.assign(source, patch)
      return { ...source }
    },
    mergeSources: async (fromId, intoId) => {
      log('mergeSources', [fromId, intoId])
      const from = find(data.sources, fromId, 'source')
      const into = find(data.sources, intoId, 'source')
      for (const c of data.claims) {
        if (c.sourceId === fromId) c.sourceId = intoId
        c.via = c.via.map((v) => (v === fromId ? intoId : v))
      }
      into.aliases = [...into.aliases, from.name]
      data.sources = data.sources.filter((s) => s.id !== fromId)
      return { ...into }
    },
    deleteSource: async (id, reassignTo) => {
      log('deleteSource', [id, reassignTo])
      const used = data.claims.some((c) => c.sourceId === id || c.via.includes(id))
      if (used && !reassignTo) throw new ClaimdeskError('conflict', 'source is in use')
      for (const c of data.claims) if (c.sourceId === id) c.sourceId = reassignTo ?? null
      data.sources = data.sources.filter((s) => s.id !== id)
    },
    createClaim: async (input) => {
      log('createClaim', [input])
      const doc = find(data.documents, input.documentId, 'document')
      const claim: Claim = {
        id: newId('claim'),
        documentId: doc.id,
        quote: { exact: doc.text.slice(input.start, input.end), prefix: '', suffix: '' },
        position: { start: input.start, end: input.end },
        sourceId: input.sourceId ?? null,
        via: input.via ?? [],
        tags: input.tags ?? [],
        note: input.note ?? '',
        status: input.status ?? 'unverified',
        credibility: input.credibility ?? '6',
        createdAt: now(),
        updatedAt: now()
      }
      data.claims.push(claim)
      return claim
    },
    updateClaim: async (id, patch) => {
      log('updateClaim', [id, patch])
      const claim = find(data.claims, id, 'claim')
      Object.assign(claim, patch)
      return { ...claim }
    },
    deleteClaim: async (id) => {
      log('deleteClaim', [id])
      const claim = find(data.claims, id, 'claim')
      data.claims = data.claims.filter((c) => c.id !== id)
      return claim
    },
    restoreClaim: async (claim) => {
      log('restoreClaim', [claim])
      data.claims.push(claim)
      return claim
    },
    createLink: async (input) => {
      log('createLink', [input])
      find(data.claims, input.from, 'claim')
      find(data.claims, input.to, 'claim')
      if (input.from === input.to) throw new ClaimdeskError('invalid', 'a claim cannot be linked to itself')
      const link: ClaimLink = {
        id: newId('link'),
        from: input.from,
        to: input.to,
        kind: input.kind,
        note: input.note ?? '',
        createdAt: now()
      }
      data.links.push(link)
      return link
    },
    deleteLink: async (id) => {
      log('deleteLink', [id])
      find(data.links, id, 'link')
      data.links = data.links.filter((l) => l.id !== id)
    },
    createBriefing: async (input) => {
      log('createBriefing', [input])
      const b = makeBriefing({ id: newId('brief'), title: '', date: '', ...input })
      data.briefings.push(b)
      return b
    },
    updateBriefing: async (id, patch) => {
      log('updateBriefing', [id, patch])
      const b = find(data.briefings, id, 'briefing')
      Object.assign(b, patch)
      return { ...b }
    },
    deleteBriefing: async (id) => {
      log('deleteBriefing', [id])
      find(data.briefings, id, 'briefing')
      data.briefings = data.briefings.filter((b) => b.id !== id)
    },
    exportBriefing: async (input: ExportInput) => {
      log('exportBriefing', [input])
      return { fileName: 'briefing.md', mimeType: 'text/markdown', encoding: 'utf8' as const, content: '# Briefing\n' }
    }
  }
  return Object.assign(api, { data })
}
