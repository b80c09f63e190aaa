// Every limit an import is held to, in one place. A file past one of them costs one clear error (or,
// where its text can still be kept, a notice), never the app: each import runs in a worker thread
// (pool.ts) that is stopped when it overruns its time or memory.

export const IMPORT_LIMITS = {
  /** Wall time for one file, from the moment a worker takes it. */
  timeMs: 30_000,
  /**
   * Memory for one file: what the process may grow by while the file is read, heap and buffers
   * outside it (inflated PDF streams) alike, checked every 100 ms (pool.ts).
   */
  memoryMb: 1024,
  /** Worker threads importing at the same time; a second one keeps a stuck file from blocking the next. */
  workers: 2,
  /** More pages than any report an analyst imports; a hostile page tree can declare billions. */
  pdfPages: 5_000,
  /** List and blockquote nesting in Markdown; deeper files are read as plain text, with a notice. */
  markdownDepth: 64,
  /** Element nesting in web pages (news sites stay under about 60); deeper pages are read as flat text. */
  htmlDepth: 512,
  /** A DOM takes many times its page's size in memory: larger pages are refused, not laid out. */
  htmlBytes: 64 * 1024 * 1024,
  /** Zip archives (.docx), checked before any library inflates a part. */
  zip: {
    entries: 10_000,
    /** Total unpacked size of everything in the archive. */
    totalBytes: 300 * 1024 * 1024,
    /** One part's unpacked size. */
    entryBytes: 200 * 1024 * 1024,
    /** Compression ratio above which a large part is taken for a bomb (XML rarely passes 100:1). */
    ratio: 500,
    ratioFloorBytes: 10 * 1024 * 1024
  }
}

export type ImportLimits = typeof IMPORT_LIMITS

/** Limits with a caller's overrides (tests and benchmarks lower budgets or lift a guard). */
export function importLimits(overrides: Partial<ImportLimits> = {}): ImportLimits {
  return { ...IMPORT_LIMITS, ...overrides, zip: { ...IMPORT_LIMITS.zip, ...overrides.zip } }
}

/** "30 s", "0.5 s". */
export function formatSeconds(ms: number): string {
  const s = ms / 1000
  return `${s >= 10 || Number.isInteger(s) ? Math.round(s) : s.toFixed(1)} s`
}
