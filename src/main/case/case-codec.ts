// A case file's bytes <-> CaseData: decoding checks everything (UTF-8, JSON, format version,
// schema, unique ids) and names the file and the place that is wrong. The schema is checked by a
// check compiled from it (schema-check.ts), and by zod itself only when that check says no, to
// name the problem (or to drop keys this version does not know).
import { isUtf8 } from 'node:buffer'
import { ClaimdeskError } from '../../shared/errors'
import { COLLECTION_NAMES, caseSchema, describeIssues } from '../../shared/case-schema'
import type { CaseData } from '../../shared/model'
import { migrate, type Migration, type RawCase } from './migrations'
import { compileCheck } from './schema-check'

const isValidCase = compileCheck(caseSchema)

export interface Decoded {
  data: CaseData
  migratedFrom: number | null
}

const corrupt = (message: string): ClaimdeskError => new ClaimdeskError('corrupt', message)

function lineAndColumn(text: string, position: number): string {
  let line = 1
  let lineStart = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < position; i = text.indexOf('\n', i + 1)) {
    line++
    lineStart = i + 1
  }
  return `line ${line}, column ${position - lineStart + 1}`
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text)
  } catch (err) {
    const message = (err as Error).message.replace(/ \(line \d+ column \d+\)$/, '')
    const at = /at position (\d+)/.exec(message)
    const position = at ? Number(at[1]) : /end of JSON input/.test(message) ? text.length : null
    if (position !== null && position >= text.trimEnd().length) {
      throw corrupt(`${file} is not valid JSON: it ends early at ${lineAndColumn(text, position)} (truncated?)`)
    }
    const where = position !== null ? ` (${lineAndColumn(text, position)})` : ''
    throw corrupt(`${file} is not valid JSON: ${message}${where}`)
  }
}

function checkUniqueIds(data: CaseData, file: string): void {
  for (const name of COLLECTION_NAMES) {
    const seen = new Set<string>()
    data[name].forEach((item, i) => {
      if (seen.has(item.id)) {
        throw corrupt(`${file} does not match the case format: ${name}[${i}].id: duplicate id "${item.id}"`)
      }
      seen.add(item.id)
    })
  }
}

export function decodeCase(bytes: Uint8Array, file: string, migrations?: Readonly<Record<number, Migration>>): Decoded {
  if (bytes.length === 0) throw corrupt(`${file} is empty`)
  // isUtf8 + toString is several times faster than a fatal TextDecoder on a large file.
  if (!isUtf8(bytes)) throw corrupt(`${file} is not UTF-8 text`)
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  const raw = parseJson(text, file)
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw corrupt(`${file} is not a case: the top level is not a JSON object`)
  }
  const { data, migratedFrom } = migrate(raw as RawCase, file, migrations)
  return { data: checkCase(data, file), migratedFrom }
}

/** `data` as a valid case, or a 'corrupt' error naming the first problems. */
export function checkCase(data: unknown, file: string): CaseData {
  let valid: CaseData
  if (isValidCase(data)) valid = data as CaseData
  else {
    const parsed = caseSchema.safeParse(data)
    if (!parsed.success) throw corrupt(`${file} does not match the case format: ${describeIssues(parsed.error)}`)
    valid = parsed.data
  }
  checkUniqueIds(valid, file)
  return valid
}

/**
 * The case as the text of its file, in pieces: an indented outline with one item per line, so two
 * versions compare item by item, at the cost of compact JSON (indenting every field doubled it).
 * The pieces let a checkpoint write a large case a slice at a time.
 */
export function* encodeCaseChunks(data: CaseData): Generator<string> {
  const meta = Object.entries(data).filter(([key]) => !(COLLECTION_NAMES as string[]).includes(key))
  let out = `{\n${meta.map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`).join(',\n')}`
  for (const name of COLLECTION_NAMES) {
    const items: readonly unknown[] = data[name]
    out += `,\n  ${JSON.stringify(name)}: [`
    if (items.length === 0) {
      out += ']'
      continue
    }
    yield `${out}\n`
    const last = items.length - 1
    for (let i = 0; i <= last; i++) yield `    ${JSON.stringify(items[i])}${i < last ? ',' : ''}\n`
    out = '  ]'
  }
  yield `${out}\n}\n`
}

export function encodeCase(data: CaseData): string {
  return [...encodeCaseChunks(data)].join('')
}
