// The analysis engine's entry points (docs in each module): suggested claims, quantities, conflict
// sets, circular reporting and the sources-by-topic view. Pure functions over plain case data.
export { suggestClaims, inferPublisher } from './suggest'
export { extractQuantities, unitClassOf } from './quantities'
export { loadModel, readWithWink } from './nlp'
export type * from './types'
