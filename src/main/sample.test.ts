import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { addSampleContent } from './sample'
import { ClaimdeskService } from './service'

let dir: string | undefined

afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

it('builds the first-run sample case through the API', async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimdesk-sample-'))
  const service = new ClaimdeskService({ userDataDir: dir })
  const snap = await service.openAtStart(join(dir, 'Default'), () =>
    addSampleContent(service, resolve(__dirname, '../../resources'))
  )
  await service.close()
  expect(snap?.documents).toHaveLength(1)
  expect(snap?.documents[0].outlet).toBe('The Harbour Ledger')
  expect(snap?.claims.length).toBeGreaterThanOrEqual(6)
  expect(new Set(snap?.claims.map((c) => c.sourceId)).size).toBeGreaterThanOrEqual(4)
  expect(snap?.claims.some((c) => c.via.length > 0)).toBe(true)
  expect(snap?.links.some((l) => l.kind === 'contradicts')).toBe(true)
  const [briefing] = snap?.briefings ?? []
  expect(briefing.judgments.length).toBeGreaterThan(0)
  expect(briefing.judgments.every((j) => j.claimIds.length > 0)).toBe(true)
})
