// A case file's bytes <-> CaseData: decoding checks everything (UTF-8, JSON, format version,
// schema, unique ids) and names the file and the place that is wrong.
import { ClaimdeskError } from '../../shared/errors'
import { COLLECTION_NAMES, caseSchema, describeIssues } from '../../shared/case-schema'
import type { CaseData } from '../../shared/model'
import { migrate, type Migration, type RawCase } from './migrations'

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
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw corrupt(`${file} is not UTF-8 text`)
  }
  const raw = parseJson(text, file)
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw corrupt(`${file} is not a case: the top level is not a JSON object`)
  }
  const { data, migratedFrom } = migrate(raw as RawCase, file, migrations)
  const parsed = caseSchema.safeParse(data)
  if (!parsed.success) throw corrupt(`${file} does not match the case format: ${describeIssues(parsed.error)}`)
  checkUniqueIds(parsed.data, file)
  return { data: parsed.data, migratedFrom }
}

/** Pretty-printed, so two versions of a case compare line by line (costs ~5% over compact JSON). */
export function encodeCase(data: CaseData): string {
  return JSON.stringify(data, null, 2) + '\n'
}
