// The analysis engine's entry points (docs in each module): suggested claims, quantities, conflict
// sets, circular reporting and the sources-by-topic view. Pure functions over plain case data, except
// suggestInWorker, which runs suggestClaims in a worker thread.
export { suggestClaims, inferPublisher } from './suggest'
export { extractQuantities, hedgeBound, unitClassOf } from './quantities'
export { findConflictSets, conflictSetFromProposal, type ConflictInput } from './conflicts'
export { findCircularReporting, type CircularInput } from './circular'
export { sourcesByTopic, type TopicInput } from './topics'
export { planAcceptance, type AcceptancePlan, type PlannedClaim, type PlannedSource, type SourceRef } from './accept'
export { suggestInWorker, closeSuggestWorker, type SuggestWorkerOptions } from './worker'
export { loadModel, readWithWink } from './nlp'
export type * from '../../shared/analysis'
