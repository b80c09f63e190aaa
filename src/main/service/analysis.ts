// The second pair of eyes: claims the engine suggests in a document (worked out off the main thread
// in the built app) and accepting them as one undoable change; figures and accounts that disagree,
// as sets of any size; reporting that traces back to one origin; who agrees with whom per topic.
import { builtWorkerHere } from '../built-workers'
import type { ApiHandlers } from '../../shared/api'
import { ClaimdeskError, notFound } from '../../shared/errors'
import type { Suggestion } from '../../shared/analysis'
import type { CaseDocument, Source } from '../../shared/model'
import type { ConflictFigure, ConflictSetProposal } from '../../shared/analysis'
import { claimFacts } from '../analysis/claim-facts'
import { RejectedSpans } from '../../shared/rejected-spans'
import {
  findCircularReporting,
  findConflictSets,
  planAcceptance,
  sourcesByTopic,
  suggestClaims,
  suggestInWorker
} from '../analysis'
import { checkSuggestSize } from '../analysis/limits'
import type { CaseState } from '../case/case-state'
import {
  besideKeptSets,
  createConflictSet,
  deleteConflictSet,
  keepProposal,
  updateConflictSet
} from '../rules/conflict-sets'
import { documentOf } from '../rules/outcome'
import { acceptSuggestions, rejectSuggestions } from '../rules/suggestions'
import type { Session } from './session'

export type Suggester = (doc: CaseDocument, sources: Source[]) => Promise<Suggestion[]>

/** The worker built beside the app's main bundle; running from the TypeScript sources (tests), in-process. */
export const defaultSuggester: Suggester = async (doc, sources) => {
  checkSuggestSize(doc.title, doc.text.length)
  const input = { text: doc.text, blocks: doc.blocks, outlet: doc.outlet }
  const script = builtWorkerHere('suggest')
  return script ? suggestInWorker(input, sources, { script }) : suggestClaims(input, sources)
}

type AnalysisHandlers = Pick<
  ApiHandlers,
  | 'suggestClaims'
  | 'acceptSuggestions'
  | 'rejectSuggestions'
  | 'conflictSets'
  | 'keepConflictProposal'
  | 'createConflictSet'
  | 'updateConflictSet'
  | 'deleteConflictSet'
  | 'circularReporting'
  | 'sourcesByTopic'
>

/** What the engine proposes now for the whole case, leaving out sets the case already keeps (any status). */
function proposals(state: CaseState): ConflictSetProposal[] {
  const kept = [...state.conflictSets.values()]
  return besideKeptSets(
    findConflictSets({
      claims: [...state.claims.values()],
      documents: [...state.documents.values()],
      sources: [...state.sources.values()],
      known: kept
    }),
    kept
  )
}

/** The figures the engine reads in the claims of the sets the case keeps, to show beside them. */
function keptFigures(state: CaseState): ConflictFigure[] {
  const ids = new Set([...state.conflictSets.values()].flatMap((set) => set.claimIds))
  return [...ids].flatMap((id) => {
    const claim = state.claims.get(id)
    if (!claim) return []
    return claimFacts(claim, state.documents.get(claim.documentId)).quantities.map((quantity) => ({
      claimId: id,
      quantity
    }))
  })
}

export function analysisHandlers(s: Session, suggest: Suggester): AnalysisHandlers {
  const caseParts = () => {
    const state = s.state
    return {
      claims: [...state.claims.values()],
      documents: [...state.documents.values()],
      sources: [...state.sources.values()]
    }
  }
  return {
    conflictSets: async () => ({
      sets: [...s.state.conflictSets.values()],
      proposals: proposals(s.state),
      figures: keptFigures(s.state)
    }),
    keepConflictProposal: (key, status) =>
      s.commit((state, ctx) => {
        // Found again here, never taken from the caller: proposals are deterministic for a case.
        const proposal = proposals(state).find((p) => p.key === key)
        if (!proposal) throw notFound('that proposal is no longer made (the claims changed, or it is kept already)')
        return keepProposal(state, proposal, status, ctx)
      }),
    createConflictSet: (input) => s.commit((state, ctx) => createConflictSet(state, input, ctx)),
    updateConflictSet: (id, patch) => s.commit((state, ctx) => updateConflictSet(state, id, patch, ctx)),
    deleteConflictSet: (id) => s.commit((state) => deleteConflictSet(state, id)),
    circularReporting: async () => findCircularReporting(caseParts()),
    sourcesByTopic: async () =>
      sourcesByTopic({
        ...caseParts(),
        links: [...s.state.links.values()],
        conflictSets: [...s.state.conflictSets.values()]
      }),
    suggestClaims: async (documentId) => suggest(documentOf(s.state, documentId), [...s.state.sources.values()]),
    rejectSuggestions: (input) => s.commit((state, ctx) => rejectSuggestions(state, input, ctx)),
    acceptSuggestions: (input) =>
      s.prepare(async () => {
        const store = s.writable()
        const doc = documentOf(store.state, input.documentId)
        // Worked out again here, never taken from the caller: they are deterministic for a document.
        const all = await suggest(doc, [...store.state.sources.values()])
        const unknown = (input.suggestionIds ?? []).filter((id) => !all.some((x) => x.id === id))
        if (input.entity && !all.some((x) => x.speaker.entity === input.entity))
          unknown.push(`of speaker ${input.entity}`)
        if (unknown.length)
          throw notFound(
            `no suggestion ${unknown.join(', ')} in “${doc.title}” (its suggestions are ${all.length ? `s1 to s${all.length}` : 'none'}): ask for them again`
          )
        return s.commit(
          (state, ctx) => {
            if (state.documents.get(doc.id) !== doc) {
              throw new ClaimdeskError(
                'conflict',
                `“${doc.title}” changed while its suggestions were worked out: try again`
              )
            }
            // The analyst's rejections hold unless a suggestion is named (those made meanwhile too).
            const rejected = new RejectedSpans(state.rejections.get(doc.id)?.spans ?? [])
            const picked = all.filter(
              (x) =>
                (input.suggestionIds ? input.suggestionIds.includes(x.id) : !rejected.has(x.claim)) &&
                (!input.entity || x.speaker.entity === input.entity)
            )
            return acceptSuggestions(state, doc.id, planAcceptance(picked, [...state.sources.values()]), ctx)
          },
          { store }
        )
      })
  }
}
