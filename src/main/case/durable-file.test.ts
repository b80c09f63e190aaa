import { promises as fs, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { copyFileDurable, ensureDirDurable, removeLeftoverTemps, writeFileDurable } from './durable-file'
import { nodeFs as io } from './store-fs'
import { faultyFs } from './testing/faulty-fs'
import { useTempDir } from './testing/tmp-dir'

const tempDir = useTempDir()

/** Counts fsyncs by the path of the handle's file. */
async function spySyncs(): Promise<string[]> {
  const probe = await fs.open(join(tempDir(), 'probe'), 'w')
  const proto = Object.getPrototypeOf(probe) as { sync: () => Promise<void>; datasync: () => Promise<void> }
  await probe.close()
  await fs.rm(join(tempDir(), 'probe'))
  const synced: string[] = []
  const original = proto.sync
  vi.spyOn(proto, 'sync').mockImplementation(async function (this: { fd: number }) {
    synced.push(await fs.readlink(`/proc/self/fd/${this.fd}`).catch(() => '?'))
    return original.call(this)
  })
  return synced
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('writeFileDurable', () => {
  it('replaces the target, fsyncing the temp file and then the folder, leaving no temp file', async () => {
    const dir = tempDir()
    const target = join(dir, 'case.json')
    await writeFileDurable(io, target, 'old')
    const synced = await spySyncs()
    await writeFileDurable(io, target, 'new')
    expect(readFileSync(target, 'utf8')).toBe('new')
    expect(readdirSync(dir)).toEqual(['case.json'])
    if (process.platform === 'linux') {
      expect(synced).toHaveLength(2)
      expect(synced[0]).toMatch(/\/\.case\.json\.\d+-[0-9a-f]+\.tmp$/)
      expect(synced[1]).toBe(dir)
    }
  })

  it('leaves the old file and no temp file when the write fails', async () => {
    const dir = tempDir()
    const target = join(dir, 'case.json')
    await writeFileDurable(io, target, 'old')
    await expect(writeFileDurable(io, target, { length: 1 } as unknown as Uint8Array)).rejects.toThrow()
    expect(readFileSync(target, 'utf8')).toBe('old')
    expect(readdirSync(dir)).toEqual(['case.json'])
    await expect(writeFileDurable(io, join(dir, 'missing', 'x.json'), 'x')).rejects.toThrow(/ENOENT/)
  })
})

describe('writes on a failing disk', () => {
  it('finishes a write the disk takes in short pieces, and counts a write that makes no progress as disk full', async () => {
    const dir = tempDir()
    const target = join(dir, 'case.json')
    const data = 'x'.repeat(10_000)
    await writeFileDurable(faultyFs([{ op: 'write', fault: { short: 700 }, times: 5 }]), target, data)
    expect(readFileSync(target, 'utf8')).toBe(data)

    const full = faultyFs([
      { op: 'write', fault: { short: 4000 } },
      { op: 'write', fault: { short: 0 }, nth: 2 }
    ])
    await expect(writeFileDurable(full, target, 'y'.repeat(10_000))).rejects.toMatchObject({ code: 'ENOSPC' })
    expect(readFileSync(target, 'utf8')).toBe(data)
    expect(readdirSync(dir)).toEqual(['case.json'])
  })

  it('leaves the old file and no temp file when a write, an fsync or the rename fails', async () => {
    const dir = tempDir()
    const target = join(dir, 'case.json')
    await writeFileDurable(io, target, 'old')
    for (const [op, fault] of [
      ['write', 'ENOSPC'],
      ['sync', 'EIO'],
      ['rename', 'EROFS']
    ] as const) {
      await expect(writeFileDurable(faultyFs([{ op, fault }]), target, 'new')).rejects.toMatchObject({ code: fault })
      expect(readFileSync(target, 'utf8')).toBe('old')
      expect(readdirSync(dir)).toEqual(['case.json'])
    }
    await expect(
      copyFileDurable(faultyFs([{ op: 'copyFile', fault: 'ENOSPC' }]), target, join(dir, 'copy'))
    ).rejects.toMatchObject({ code: 'ENOSPC' })
    expect(readdirSync(dir)).toEqual(['case.json'])
  })
})

describe('removeLeftoverTemps', () => {
  it("removes only the target's temp files", async () => {
    const dir = tempDir()
    for (const name of ['k.json', '.k.json.123-0a1b2c3d.tmp', '.other.json.123-0a1b2c3d.tmp', '.k.json.notes']) {
      await fs.writeFile(join(dir, name), '')
    }
    await removeLeftoverTemps(io, join(dir, 'k.json'))
    expect(readdirSync(dir).sort()).toEqual(['.k.json.notes', '.other.json.123-0a1b2c3d.tmp', 'k.json'])
  })
})

describe('copyFileDurable and ensureDirDurable', () => {
  it('copies over an existing file and creates folders once', async () => {
    const dir = tempDir()
    await ensureDirDurable(io, join(dir, 'sub'))
    await ensureDirDurable(io, join(dir, 'sub'))
    await fs.writeFile(join(dir, 'a'), 'A')
    await fs.writeFile(join(dir, 'sub', 'b'), 'B')
    await copyFileDurable(io, join(dir, 'a'), join(dir, 'sub', 'b'))
    expect(readFileSync(join(dir, 'sub', 'b'), 'utf8')).toBe('A')
    expect(readdirSync(join(dir, 'sub'))).toEqual(['b'])
  })
})
