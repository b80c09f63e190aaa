import { invalid, type ClaimdeskError } from '../../shared/errors'

/** The one error an importer throws: "<file name>: <what is wrong>". */
export function fileError(fileName: string, reason: string): ClaimdeskError {
  return invalid(`${fileName}: ${reason}`, { fileName })
}

export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024)
  return `${mb >= 10 ? Math.round(mb) : mb.toFixed(1)} MB`
}
