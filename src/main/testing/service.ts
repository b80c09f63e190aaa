// A real service on a temporary folder, reached through the contract's gate with results copied
// as a door copies them: what the service, CLI-free and UI tests run against (no stand-in backend).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ClaimdeskApi } from '../../shared/api'
import { gate } from '../dispatch'
import { ClaimdeskService, type ServiceOptions } from '../service'

export interface TestService {
  api: ClaimdeskApi
  service: ClaimdeskService
  dir: string
  /** Writes a file in the temporary folder and returns its path. */
  file(name: string, content: string | Uint8Array): string
  /** Closes the case and removes the folder. */
  dispose(): Promise<void>
}

export function testService(options: Partial<ServiceOptions> = {}): TestService {
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-test-'))
  const service = new ClaimdeskService({ userDataDir: join(dir, 'home'), ...options })
  return {
    api: gate(service.handlers, { wire: true }),
    service,
    dir,
    file(name, content) {
      const path = join(dir, name)
      writeFileSync(path, content)
      return path
    },
    async dispose() {
      await service.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

/** A clock that moves a second every time it is read, so times order like real edits. */
export function steppingClock(start = '2026-03-11T09:00:00Z'): () => Date {
  let t = Date.parse(start)
  return () => new Date((t += 1000))
}

export function rangeOf(text: string, quote: string, occurrence = 1): { start: number; end: number } {
  let start = -1
  for (let i = 0; i < occurrence; i++) start = text.indexOf(quote, start + 1)
  if (start < 0) throw new Error(`quote not found: ${quote}`)
  return { start, end: start + quote.length }
}
