// Each benchmark owns one section of bench/README.md, from its "## Heading" line to its
// "<!-- name:end -->" marker, and rewrites only that section.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const README = join(dirname(fileURLToPath(import.meta.url)), 'README.md')

/** `section` must start with `## ${heading}` and end with `<!-- ${name}:end -->`. */
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
