import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { RecentCase } from '../shared/api'

const MAX_RECENT = 10

/** The recently opened cases, kept in the user-data folder (not in any case file). */
export class RecentList {
  private readonly file: string

  constructor(private readonly dir: string) {
    this.file = join(dir, 'recent.json')
  }

  async list(): Promise<RecentCase[]> {
    try {
      const parsed: unknown = JSON.parse(await readFile(this.file, 'utf8'))
      return Array.isArray(parsed) ? parsed.filter(isRecent).slice(0, MAX_RECENT) : []
    } catch {
      // A missing or damaged list only costs the user their recent-cases menu.
      return []
    }
  }

  async add(entry: RecentCase): Promise<void> {
    const rest = (await this.list()).filter((r) => r.path !== entry.path)
    const next = [entry, ...rest].slice(0, MAX_RECENT)
    await mkdir(this.dir, { recursive: true })
    const tmp = `${this.file}.tmp`
    await writeFile(tmp, JSON.stringify(next, null, 1))
    await rename(tmp, this.file)
  }
}

function isRecent(x: unknown): x is RecentCase {
  const r = x as RecentCase
  if (typeof r?.path !== 'string' || typeof r.name !== 'string' || typeof r.openedAt !== 'string') return false
  // Lists written before titles were kept show the file name instead.
  if (typeof r.title !== 'string') r.title = r.name
  return true
}
