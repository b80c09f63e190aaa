// What every benchmark shares: arguments, statistics, the machine and its load, and the section of
// bench/README.md each benchmark owns. A figure counts only beside its reference measured in the
// same run, so every bench reports `ratio()` of the two and prints the load average it ran under.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url))
export const README = join(BENCH_DIR, 'README.md')

/** `--name value` and `--flag` arguments, with defaults: `args({ runs: 5, readme: true })`. */
export function args(defaults, argv = process.argv.slice(2)) {
  const out = { ...defaults }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (!a.startsWith('--')) continue
    const [rawKey, inline] = a.slice(2).split('=', 2)
    const negated = rawKey.startsWith('no-')
    const key = (negated ? rawKey.slice(3) : rawKey).replace(/-([a-z])/g, (_, c) => c.toUpperCase())
    const current = defaults[key]
    if (typeof current === 'boolean' || current === undefined) out[key] = negated ? false : (inline ?? true)
    else {
      const value = inline ?? argv[++i]
      out[key] = typeof current === 'number' ? Number(value) : value
    }
  }
  return out
}

export function median(samples) {
  return percentile(samples, 50)
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(samples, p) {
  if (samples.length === 0) return NaN
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank]
}

/** How many times the reference's figure ours is (lower is better for times). */
export function ratio(ours, reference) {
  return reference > 0 ? ours / reference : NaN
}

export function fmtMs(ms) {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 1)} ms`
}

export function fmtRatio(r) {
  return `${r.toFixed(2)}×`
}

/** The 1, 5 and 15 minute load averages, as printed beside every figure. */
export function load() {
  return loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ')
}

export function machine() {
  const cpu = cpus()
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`
}

/** One line for the console and the README: when, on what, under what load. */
export function header(title) {
  const line = `${title}: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; ${machine()}; load ${load()} at start`
  console.log(line)
  return line
}

/** Runs `fn` `runs` times (after `warmup` unmeasured runs) and returns the durations in ms. */
export async function timeRuns(fn, { runs = 5, warmup = 1 } = {}) {
  for (let i = 0; i < warmup; i++) await fn(i)
  const out = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    await fn(i)
    out.push(performance.now() - t0)
  }
  return out
}

/**
 * Each benchmark owns one section of bench/README.md, from its "## Heading" line to its
 * "<!-- name:end -->" marker, and rewrites only that section. `section` must start with
 * `## ${heading}` and end with `<!-- ${name}:end -->`.
 */
export function writeReadmeSection(heading, name, section) {
  let text = existsSync(README) ? readFileSync(README, 'utf8') : '# Benchmarks\n\n'
  const start = text.indexOf(`## ${heading}\n`)
  const endMarker = `<!-- ${name}:end -->\n`
  const end = start === -1 ? -1 : text.indexOf(endMarker, start)
  const body = section.endsWith('\n') ? section : `${section}\n`
  text = end !== -1 ? text.slice(0, start) + body + text.slice(end + endMarker.length) : `${text.trimEnd()}\n\n${body}`
  writeFileSync(README, text)
  console.log(`Figures written to ${README}`)
}
