// The case store: one `*.claimdesk.json` file per case, written durably through a journal.
export { openCaseStore } from './case-store'
export { checkBackup, listBackups, restoreBackup } from './backups'
export { emptyCase } from './empty-case'
export type { CaseOp, CaseStore, OpenReport, OpenStoreOptions, StoreEvent } from './types'
export type { StoreFs } from './store-fs'
