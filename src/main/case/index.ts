// The case store: one `*.claimdesk.json` file per case, written durably through a journal.
export { openCaseStore } from './case-store'
export { listBackups, restoreBackup } from './backups'
export { emptyCase } from './empty-case'
export type { CaseOp, CaseStore, OpenStoreOptions } from './types'
