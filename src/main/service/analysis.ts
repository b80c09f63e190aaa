// The second pair of eyes: claims the engine suggests in a document (worked out off the main thread
// in the built app), and accepting them as one undoable change.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { ApiHandlers } from '../../shared/api'
import { ClaimdeskError } from '../../shared/errors'
import type { Suggestion } from '../../shared/analysis'
import type { CaseDocument, Source } from '../../shared/model'
import { planAcceptance, suggestClaims, suggestInWorker } from '../analysis'
import { documentOf } from '../rules/outcome'
import { acceptSuggestions } from '../rules/suggestions'
import type { Session } from './session'

export type Suggester = (doc: CaseDocument, sources: Source[]) => Promise<Suggestion[]>

/** The worker built beside the app's main bundle; where it is absent (tests, unbuilt sources), in-process. */
export const defaultSuggester: Suggester = async (doc, sources) => {
  const input = { text: doc.text, blocks: doc.blocks, outlet: doc.outlet }
  const script = typeof __dirname === 'string' ? join(__dirname, 'suggest-worker.js') : ''
  return script && existsSync(script) ? suggestInWorker(input, sources, { script }) : suggestClaims(input, sources)
}

type AnalysisHandlers = Pick<ApiHandlers, 'suggestClaims' | 'acceptSuggestions'>

export function analysisHandlers(s: Session, suggest: Suggester): AnalysisHandlers {
  return {
    suggestClaims: async (documentId) => suggest(documentOf(s.state, documentId), [...s.state.sources.values()]),
    acceptSuggestions: (input) =>
      s.prepare(async () => {
        const store = s.writable()
        const doc = documentOf(store.state, input.documentId)
        // Worked out again here, never taken from the caller: they are deterministic for a document.
        const all = await suggest(doc, [...store.state.sources.values()])
        const picked = all.filter(
          (x) =>
            (!input.suggestionIds || input.suggestionIds.includes(x.id)) &&
            (!input.entity || x.speaker.entity === input.entity)
        )
        return s.commit(
          (state, ctx) => {
            if (state.documents.get(doc.id) !== doc) {
              throw new ClaimdeskError(
                'conflict',
                `“${doc.title}” changed while its suggestions were worked out: try again`
              )
            }
            return acceptSuggestions(state, doc.id, planAcceptance(picked, [...state.sources.values()]), ctx)
          },
          { store }
        )
      })
  }
}
