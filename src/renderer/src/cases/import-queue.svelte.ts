// Batch import: files go to the backend one call each, in order, so the UI can show which file is
// being read, how far the batch is and each file's outcome. Cancel stops the file being read too.
import type { ImportResult, ImportStatus } from '../../../shared/api'
import { findSourceByName } from '../../../shared/source-names'
import { isHiddenPath } from '../../../shared/importable'
import { toClaimdeskError, type FileTransfer } from '../lib/api'
import type { CaseStore } from '../lib/case.svelte'
import type { Notices } from '../lib/notices.svelte'
import { refusal, sortByPath, type PickedFile } from './import-files'

export type ItemStatus = 'waiting' | 'importing' | ImportStatus

export type SuggestedSource = NonNullable<ImportResult['suggestedSources']>[number]

export interface ImportItem {
  /** Unique within the queue's lifetime. */
  key: number
  /** What the user knows the file as ("folder/a.html"). */
  path: string
  status: ItemStatus
  /** Why it failed, or what the analyst should know (e.g. "new version of …"). */
  message?: string
  documentId?: string
  suggestedSources: SuggestedSource[]
}

const FINISHED: ItemStatus[] = ['imported', 'duplicate', 'failed', 'cancelled']
const CANCELLED = 'not imported: the import was cancelled'
const CASE_CHANGED = 'not imported: another case was opened during the import'

/** The backend's "<file name>: reason" without the name, which the row already shows. */
function reasonOnly(message: string | undefined, fileName: string): string | undefined {
  return message?.startsWith(`${fileName}: `) ? message.slice(fileName.length + 2) : message
}

const baseName = (path: string): string => path.split('/').pop() ?? path

export class ImportQueue {
  items = $state.raw<ImportItem[]>([])
  running = $state(false)
  /** Cancel was asked for: the file being imported finishes, the rest are not sent. */
  cancelling = $state(false)
  /** The progress and results panel is shown. */
  visible = $state(false)
  /** Hidden files (".DS_Store" and the like) left out of folder imports in this batch. */
  hiddenSkipped = $state(0)

  total = $derived(this.items.length)
  done = $derived(this.items.filter((i) => FINISHED.includes(i.status)).length)
  current = $derived(this.items.find((i) => i.status === 'importing') ?? null)
  counts = $derived(countStatuses(this.items))

  private nextKey = 1
  private files = new Map<number, PickedFile>()
  /** Why a queued file will not be sent, by item key. */
  private refusals = new Map<number, string>()

  constructor(
    private store: CaseStore,
    private notices: Notices,
    private transfer: FileTransfer
  ) {}

  /**
   * Queues files (and files a drop could not read, as failures) and imports them. While a batch
   * runs, more files join its end; otherwise they start a new batch.
   */
  async add(picked: PickedFile[], unreadable: { path: string; message: string }[] = []): Promise<void> {
    if (this.store.readOnly) return
    const visible = picked.filter((p) => !isHiddenPath(p.path))
    if (!this.running) {
      this.items = []
      this.files.clear()
      this.refusals.clear()
      this.hiddenSkipped = 0
    }
    this.hiddenSkipped += picked.length - visible.length
    const added: ImportItem[] = []
    // Files that cannot be imported still take their turn, so "n of N" follows the list.
    const queue = (path: string, file: PickedFile | null, why: string | null): void => {
      const key = this.nextKey++
      if (file) this.files.set(key, file)
      if (why) this.refusals.set(key, why)
      added.push({ key, path, status: 'waiting', suggestedSources: [] })
    }
    for (const picked of sortByPath(visible)) queue(picked.path, picked, refusal(picked))
    for (const { path, message } of unreadable) queue(path, null, message)
    if (added.length === 0 && this.hiddenSkipped === 0) return
    this.items = [...this.items, ...added]
    this.visible = true
    if (!this.running) await this.drain()
  }

  /** Stops the file being imported now, and the rest. */
  cancel(): void {
    if (!this.running) return
    this.cancelling = true
    void this.store.run(() => this.store.api.cancelImports())
  }

  /** Hides the results (only once the batch is over). */
  close(): void {
    if (!this.running) this.visible = false
  }

  /** Adds a suggested source to the registry, unless the case already knows it by that name. */
  async addSource(suggestion: SuggestedSource): Promise<void> {
    if (this.hasSource(suggestion.name)) return
    await this.store.createSource({ name: suggestion.name, kind: suggestion.kind })
  }

  hasSource(name: string): boolean {
    return findSourceByName(this.store.sources, name) !== undefined
  }

  private update(key: number, patch: Partial<ImportItem>): void {
    this.items = this.items.map((i) => (i.key === key ? { ...i, ...patch } : i))
  }

  private async drain(): Promise<void> {
    this.running = true
    this.cancelling = false
    const casePath = this.store.info?.path
    const reading = this.store.currentDoc?.id
    let firstDocument: string | undefined
    try {
      for (let next = this.nextWaiting(); next; next = this.nextWaiting()) {
        // Files chosen for one case never land in another opened meanwhile.
        const stop = this.cancelling ? CANCELLED : this.store.info?.path !== casePath ? CASE_CHANGED : null
        if (stop) {
          this.items = this.items.map((i) =>
            i.status === 'waiting' ? { ...i, status: 'cancelled', message: stop } : i
          )
          break
        }
        const outcome = await this.importOne(next)
        this.update(next.key, outcome)
        this.files.delete(next.key)
        this.refusals.delete(next.key)
        firstDocument ??= outcome.status === 'imported' ? outcome.documentId : undefined
      }
    } finally {
      this.running = false
      this.cancelling = false
    }
    // Show what came in, unless the analyst has moved on to another document meanwhile.
    if (this.store.currentDoc?.id === reading) await this.openFirst(firstDocument)
    this.toastSingle()
  }

  private nextWaiting(): ImportItem | undefined {
    return this.items.find((i) => i.status === 'waiting')
  }

  private async importOne(item: ImportItem): Promise<Partial<ImportItem>> {
    const refused = this.refusals.get(item.key)
    if (refused) return { status: 'failed', message: refused }
    this.update(item.key, { status: 'importing' })
    const picked = this.files.get(item.key)!
    let failure = ''
    const onError = (err: unknown) => (failure = reasonOnly(toClaimdeskError(err).message, baseName(item.path)) ?? '')
    let file
    try {
      file = picked.localPath
        ? { path: picked.localPath, name: item.path }
        : await this.transfer(picked.file!, item.path)
    } catch (err) {
      return { status: 'failed', message: onError(err) }
    }
    const result = await this.store.importFile(file, { onError })
    if (!result) return { status: 'failed', message: failure }
    return {
      status: result.status,
      message: result.status === 'cancelled' ? CANCELLED : reasonOnly(result.message, result.fileName),
      documentId: result.documentId,
      suggestedSources: result.suggestedSources ?? []
    }
  }

  private async openFirst(imported: string | undefined): Promise<void> {
    const id = imported ?? this.items.find((i) => i.status === 'duplicate')?.documentId
    if (id && this.store.documents.some((d) => d.id === id)) await this.store.openDocument(id)
  }

  /** One clean file needs no panel: a toast says it. */
  private toastSingle(): void {
    const [only] = this.items
    if (
      this.items.length === 1 &&
      this.hiddenSkipped === 0 &&
      only.status === 'imported' &&
      !only.message &&
      only.suggestedSources.length === 0
    ) {
      this.visible = false
      this.notices.toast(`Imported ${only.path}`)
    }
  }
}

function countStatuses(items: readonly ImportItem[]): Record<ItemStatus, number> {
  const counts: Record<ItemStatus, number> = {
    waiting: 0,
    importing: 0,
    imported: 0,
    duplicate: 0,
    failed: 0,
    cancelled: 0
  }
  for (const item of items) counts[item.status]++
  return counts
}
