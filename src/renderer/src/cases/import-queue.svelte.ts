// Batch import: files go to the backend one call each, in order, so the UI can show which file is
// being read, how far the batch is, each file's outcome, and stop after the current file.
import type { ImportResult, ImportStatus } from '../../../shared/api'
import { toClaimdeskError } from '../lib/api'
import type { CaseStore } from '../lib/case.svelte'
import type { Notices } from '../lib/notices.svelte'
import { readAsBase64 } from '../lib/platform'
import { isHiddenPath, refusal, sortByPath, type PickedFile } from './import-files'

export type ItemStatus = 'waiting' | 'importing' | ImportStatus | 'cancelled'

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
const DONE_MESSAGE = 'not imported: the import was cancelled'

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
  private files = new Map<number, File>()

  constructor(
    private store: CaseStore,
    private notices: Notices
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
      this.hiddenSkipped = 0
    }
    this.hiddenSkipped += picked.length - visible.length
    const added: ImportItem[] = []
    for (const { file, path } of sortByPath(visible)) {
      const key = this.nextKey++
      this.files.set(key, file)
      const why = refusal(file)
      added.push(why ? { key, path, status: 'failed', message: why, suggestedSources: [] } : { key, path, status: 'waiting', suggestedSources: [] })
    }
    for (const { path, message } of unreadable) added.push({ key: this.nextKey++, path, status: 'failed', message, suggestedSources: [] })
    if (added.length === 0 && this.hiddenSkipped === 0) return
    this.items = [...this.items, ...added]
    this.visible = true
    if (!this.running) await this.drain()
  }

  /** Stops after the file being imported now. */
  cancel(): void {
    if (this.running) this.cancelling = true
  }

  /** Hides the results (only once the batch is over). */
  close(): void {
    if (!this.running) this.visible = false
  }

  /** Marks a suggested source as added (or already there) by creating it in the registry. */
  async addSource(suggestion: SuggestedSource): Promise<void> {
    if (this.hasSource(suggestion.name)) return
    await this.store.createSource({ name: suggestion.name, kind: suggestion.kind })
  }

  hasSource(name: string): boolean {
    const wanted = name.trim().toLowerCase()
    return this.store.sources.some((s) => s.name.toLowerCase() === wanted || s.aliases.some((a) => a.toLowerCase() === wanted))
  }

  private update(key: number, patch: Partial<ImportItem>): void {
    this.items = this.items.map((i) => (i.key === key ? { ...i, ...patch } : i))
  }

  private async drain(): Promise<void> {
    this.running = true
    this.cancelling = false
    let firstDocument: string | undefined
    try {
      for (let next = this.nextWaiting(); next; next = this.nextWaiting()) {
        if (this.cancelling) {
          this.items = this.items.map((i) => (i.status === 'waiting' ? { ...i, status: 'cancelled', message: DONE_MESSAGE } : i))
          break
        }
        const outcome = await this.importOne(next)
        this.update(next.key, outcome)
        this.files.delete(next.key)
        firstDocument ??= outcome.status === 'imported' ? outcome.documentId : undefined
      }
    } finally {
      this.running = false
      this.cancelling = false
    }
    await this.finish(firstDocument)
  }

  private nextWaiting(): ImportItem | undefined {
    return this.items.find((i) => i.status === 'waiting')
  }

  private async importOne(item: ImportItem): Promise<Partial<ImportItem>> {
    this.update(item.key, { status: 'importing' })
    const file = this.files.get(item.key)!
    let data: string
    try {
      data = await readAsBase64(file)
    } catch (err) {
      return { status: 'failed', message: `could not be read (${toClaimdeskError(err).message})` }
    }
    try {
      const result = await this.store.importFile({ name: item.path, data })
      return {
        status: result.status,
        message: reasonOnly(result.message, result.fileName),
        documentId: result.documentId,
        suggestedSources: result.suggestedSources ?? []
      }
    } catch (err) {
      return { status: 'failed', message: reasonOnly(toClaimdeskError(err).message, baseName(item.path)) }
    }
  }

  /** Opens what was imported; one clean file needs no panel, a toast says it. */
  private async finish(firstDocument: string | undefined): Promise<void> {
    const open = firstDocument ?? this.items.find((i) => i.status === 'duplicate')?.documentId
    if (open && this.store.documents.some((d) => d.id === open)) await this.store.openDocument(open)
    const [only] = this.items
    if (this.items.length === 1 && this.hiddenSkipped === 0 && only.status === 'imported' && !only.message && only.suggestedSources.length === 0) {
      this.visible = false
      this.notices.toast(`Imported ${only.path}`)
    }
  }
}

function countStatuses(items: readonly ImportItem[]): Record<ItemStatus, number> {
  const counts: Record<ItemStatus, number> = { waiting: 0, importing: 0, imported: 0, duplicate: 0, failed: 0, cancelled: 0 }
  for (const item of items) counts[item.status]++
  return counts
}
