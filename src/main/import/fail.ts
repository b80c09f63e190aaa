import { invalid, type ClaimdeskError } from '../../shared/errors'

/** The one error an importer throws: "<file name>: <what is wrong>". */
export function fileError(fileName: string, reason: string): ClaimdeskError {
  return invalid(`${fileName}: ${reason}`, { fileName })
}
