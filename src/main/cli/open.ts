// Opening a case for a command: what opening found that the user must hear about goes to standard
// error, so standard output keeps only the command's result (JSON with --json).
import type { ClaimdeskApi, CaseOverview, OpenOptions } from '../../shared/api'
import { brokenReferencesMessage } from '../../shared/open-notices'
import type { CliIo } from './args'

export function noteOpened(overview: CaseOverview, io: CliIo): CaseOverview {
  if (overview.info.brokenReferences.length)
    io.err(`claimdesk: note: ${brokenReferencesMessage(overview.info.brokenReferences)}`)
  return overview
}

export async function openCaseFor(
  api: ClaimdeskApi,
  file: string,
  options: OpenOptions,
  io: CliIo
): Promise<CaseOverview> {
  return noteOpened(await api.openCase(file, options), io)
}
