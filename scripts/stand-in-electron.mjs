// A stand-in Electron distribution folder for electron-builder (`-c.electronDist=<dir>`), for machines
// where Electron's binary cannot be downloaded. It is NOT Electron: the executable is a shell script
// that refuses to run. It carries Electron's fuse wire (sentinel, version, length, one byte a fuse,
// with Electron 45's defaults) so electron-builder can flip the fuses and we can read them back.
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'

const require = createRequire(import.meta.url)

export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
/**
 * Electron 45's fuses as shipped, in wire order: RunAsNode on, cookie encryption off, NODE_OPTIONS
 * on, --inspect on, asar integrity off, only-from-asar off, browser V8 snapshot off, file: protocol
 * extra privileges on, Wasm trap handlers on.
 */
export const DEFAULT_FUSE_WIRE = '101100011'

/** Writes the stand-in into `dir` (created) and returns it. */
export async function makeStandInElectron(dir) {
  const electronPackage = JSON.parse(await readFile(require.resolve('electron/package.json'), 'utf8'))
  await mkdir(join(dir, 'resources'), { recursive: true })
  const wire = Buffer.concat([
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([1, DEFAULT_FUSE_WIRE.length]),
    Buffer.from(DEFAULT_FUSE_WIRE)
  ])
  const script = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "stand-in Electron for packaging tests: it cannot run the app" >&2\nexit 1\n# '),
    wire,
    Buffer.from('\n')
  ])
  const executable = join(dir, 'electron')
  await writeFile(executable, script)
  await chmod(executable, 0o755)
  await writeFile(join(dir, 'version'), electronPackage.version)
  await writeFile(join(dir, 'LICENSE'), await readFile(require.resolve('electron/LICENSE')))
  return dir
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2]
  if (!dir) {
    console.error('usage: node scripts/stand-in-electron.mjs <folder>')
    process.exit(2)
  }
  await makeStandInElectron(dir)
  console.log(`stand-in Electron written to ${dir}`)
}
