// Sources, claims, links and briefings: each change is a rule committed through the session.
import type { ApiHandlers } from '../../shared/api'
import { exportBriefing, resolveBriefing, type PdfPrinter } from '../export'
import { briefingOf } from '../rules/outcome'
import { importAnnotations } from '../rules/annotations'
import { createBriefing, deleteBriefing, updateBriefing } from '../rules/briefings'
import {
  createClaim,
  createLink,
  deleteClaim,
  deleteClaims,
  deleteLink,
  updateClaim,
  updateClaims
} from '../rules/claims'
import { createSource, deleteSource, mergeSources, updateSource } from '../rules/sources'
import { ClaimQueries } from './claim-query'
import { searchCase } from './search'
import type { Session } from './session'

type RegistryHandlers = Pick<
  ApiHandlers,
  | 'createSource'
  | 'updateSource'
  | 'mergeSources'
  | 'deleteSource'
  | 'listClaims'
  | 'searchCase'
  | 'getClaims'
  | 'createClaim'
  | 'updateClaim'
  | 'deleteClaim'
  | 'updateClaims'
  | 'deleteClaims'
  | 'createLink'
  | 'deleteLink'
  | 'createBriefing'
  | 'updateBriefing'
  | 'deleteBriefing'
  | 'briefingView'
  | 'exportBriefing'
  | 'importAnnotations'
>

export function registryHandlers(s: Session, printPdf: PdfPrinter | undefined): RegistryHandlers {
  const queries = new ClaimQueries()
  return {
    createSource: (input) => s.commit((state, ctx) => createSource(state, input, ctx)),
    updateSource: (id, patch) => s.commit((state, ctx) => updateSource(state, id, patch, ctx)),
    mergeSources: (fromId, intoId) => s.commit((state, ctx) => mergeSources(state, fromId, intoId, ctx)),
    deleteSource: (id, reassignTo) => s.commit((state, ctx) => deleteSource(state, id, reassignTo ?? null, ctx)),

    listClaims: async (query) => queries.list(s.state, s.revision, query),
    searchCase: async (query) => searchCase(s.state, query),
    getClaims: async (ids) => ids.flatMap((id) => s.state.claims.get(id) ?? []),
    createClaim: (input) => s.commit((state, ctx) => createClaim(state, input, ctx)),
    updateClaim: (id, patch) =>
      s.commit((state, ctx) => updateClaim(state, id, patch, ctx), {
        coalesce: 'note' in patch ? `claim:${id}:note` : undefined
      }),
    deleteClaim: (id) => s.commit((state, ctx) => deleteClaim(state, id, ctx)),
    updateClaims: (ids, patch) => s.commit((state, ctx) => updateClaims(state, ids, patch, ctx)),
    deleteClaims: (ids) => s.commit((state, ctx) => deleteClaims(state, ids, ctx)),
    createLink: (input) => s.commit((state, ctx) => createLink(state, input, ctx)),
    deleteLink: (id) => s.commit((state) => deleteLink(state, id)),

    createBriefing: (input) => s.commit((state, ctx) => createBriefing(state, input, ctx)),
    updateBriefing: (id, patch) =>
      s.commit((state, ctx) => updateBriefing(state, id, patch, ctx), {
        coalesce: `briefing:${id}:${Object.keys(patch).sort().join()}`
      }),
    deleteBriefing: (id) => s.commit((state) => deleteBriefing(state, id)),
    briefingView: async (id, draft) => {
      const data = s.state.toData()
      const briefing = { ...briefingOf(s.state, id), ...draft }
      return resolveBriefing(data, briefing, { generatedAt: s.stamp() })
    },
    exportBriefing: async (input) => exportBriefing(s.state.toData(), input, { printPdf }),
    importAnnotations: (json) => s.commit((state) => importAnnotations(state, json))
  }
}
