// How a document's provenance reads in the reader: sizes, formats, encodings to choose from.
import type { DocumentFormat } from '../../../shared/model'

export const FORMAT_LABEL: Record<DocumentFormat, string> = {
  txt: 'Plain text',
  md: 'Markdown',
  html: 'Web page (HTML)',
  pdf: 'PDF',
  docx: 'Word (.docx)',
  paste: 'Pasted text'
}

/** Encodings offered for re-reading a text file, by the names the importer records. */
export const ENCODINGS = [
  'utf-8',
  'windows-1251',
  'koi8-r',
  'windows-1252',
  'utf-16le',
  'utf-16be',
  'shift_jis',
  'iso-8859-1'
] as const

const LABELS: Record<string, string> = {
  'utf-8': 'UTF-8',
  'windows-1251': 'Windows-1251 (Cyrillic)',
  'koi8-r': 'KOI8-R (Cyrillic)',
  'windows-1252': 'Windows-1252 (Western)',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  shift_jis: 'Shift-JIS (Japanese)',
  'iso-8859-1': 'ISO-8859-1 (Latin-1)'
}

export function encodingLabel(name: string): string {
  return LABELS[name.toLowerCase()] ?? name
}

/** The choices for a document read as `current`: the common ones, plus `current` if it is another. */
export function encodingChoices(current: string | undefined): string[] {
  const list: string[] = [...ENCODINGS]
  const key = current?.toLowerCase()
  if (key && !list.includes(key)) list.unshift(key)
  return list
}

/** "12.3 KB (12,600 bytes)". */
export function formatSize(bytes: number): string {
  const exact = `${bytes.toLocaleString('en-US')} byte${bytes === 1 ? '' : 's'}`
  if (bytes < 1024) return exact
  const units = ['KB', 'MB', 'GB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]} (${exact})`
}
