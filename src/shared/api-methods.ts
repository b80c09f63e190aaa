import type { ApiMethod } from './api'

/** The contract's method names, kept free of zod so the sandboxed preload stays small. */
export const API_METHODS = [
  'currentCase',
  'newCase',
  'openCase',
  'saveCaseAs',
  'recentCases',
  'listBackups',
  'restoreBackup',
  'setCaseTitle',
  'caseEvents',
  'undo',
  'redo',
  'importFiles',
  'cancelImports',
  'pasteText',
  'getDocument',
  'updateDocument',
  'deleteDocument',
  'reimportDocument',
  'createSource',
  'updateSource',
  'mergeSources',
  'deleteSource',
  'listClaims',
  'searchCase',
  'suggestClaims',
  'acceptSuggestions',
  'rejectSuggestions',
  'conflictSets',
  'keepConflictProposal',
  'createConflictSet',
  'updateConflictSet',
  'deleteConflictSet',
  'circularReporting',
  'sourcesByTopic',
  'getClaims',
  'createClaim',
  'updateClaim',
  'deleteClaim',
  'updateClaims',
  'deleteClaims',
  'createLink',
  'deleteLink',
  'reanchorDocument',
  'acceptAnchor',
  'reattachClaim',
  'createBriefing',
  'updateBriefing',
  'deleteBriefing',
  'briefingView',
  'exportBriefing',
  'importAnnotations'
] as const satisfies readonly ApiMethod[]

// Fails to compile when a method is added to ClaimdeskApi but not listed above.
type Missing = Exclude<ApiMethod, (typeof API_METHODS)[number]>
export const everyMethodListed: Missing extends never ? true : Missing = true

/** Arguments as they cross a door: JSON turns a trailing `undefined` into null, which optional arguments refuse. */
export function wireArgs(args: readonly unknown[]): unknown[] {
  let end = args.length
  while (end > 0 && args[end - 1] === undefined) end--
  return args.slice(0, end)
}
