// Phase markers for the kill suite (test/faults/kill-suite.mjs): with CLAIMDESK_PHASE_MARKERS=1 in
// its environment, the store writes `@phase <name>` to standard error, synchronously, as it enters
// each step of opening and writing a case, so a test that kills the process can tell which step the
// kill interrupted. Off (one flag test) otherwise.
import { writeSync } from 'node:fs'

const enabled = process.env.CLAIMDESK_PHASE_MARKERS === '1'

export function phase(name: string): void {
  if (!enabled) return
  try {
    writeSync(2, `@phase ${name}\n`)
  } catch {
    // a closed stderr must not stop a write
  }
}
