// The packaging check (npm run test:package), run without Electron: package the Linux app with
// electron-builder around a stand-in Electron folder (scripts/stand-in-electron.mjs), then check
// what a user's machine would get:
//   - the fuses flipped in the executable;
//   - app.asar: the built main, preload and renderer, the resources, every production package the
//     main process imports, and only packages production dependencies reach (no dev dependency);
//   - its size;
//   - the packaged main-process code run under plain Node from the extracted asar, through its CLI
//     entry: browser mode with the sample case (resources and renderer found), an import of each
//     format (pdf.js's CMaps and fonts found), Markdown and Word exports.
// Electron itself never runs here: what needs it is listed in the README.
// Needs `npm run build` first. Leaves nothing behind (a temporary folder).
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { builtinModules, createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, relative, sep } from 'node:path'
import * as asar from '@electron/asar'
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { EXPECTED, writeInputs } from './package-inputs.mjs'
import { makeStandInElectron } from './stand-in-electron.mjs'

const require = createRequire(import.meta.url)
const root = join(import.meta.dirname, '..')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const builderConfig = JSON.parse(readFileSync(join(root, 'electron-builder.json'), 'utf8'))

/** Left out of the package on purpose (electron-builder.json), and why. */
const LEFT_OUT = {
  'playwright-core': 'prints PDFs for the CLI and browser mode only; the desktop app prints with Electron'
}

const FUSES = {
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true
}

let failures = 0
/** Prints one result; `whyNot` only when it failed. */
function check(ok, what, whyNot = '') {
  console.log(ok ? `  ok   ${what}` : `  FAIL ${what}${whyNot ? `: ${whyNot}` : ''}`)
  if (!ok) failures++
  return ok
}

const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`

function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
}

// ---- package ---------------------------------------------------------------------------------

async function packageLinux(work) {
  const electronDist = await makeStandInElectron(join(work, 'electron-dist'))
  const output = join(work, 'dist')
  const started = Date.now()
  const run = spawnSync(
    process.execPath,
    [
      require.resolve('electron-builder/cli.js'),
      '--linux',
      'dir',
      `-c.electronDist=${electronDist}`,
      '-c.npmRebuild=false',
      `-c.directories.output=${output}`,
      '--publish',
      'never'
    ],
    { cwd: root, encoding: 'utf8', timeout: 600_000 }
  )
  if (run.status !== 0) {
    console.error(run.stdout, run.stderr)
    throw new Error(`electron-builder exited with ${run.status ?? run.signal}`)
  }
  console.log(`packaged linux-unpacked with a stand-in Electron in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return join(output, 'linux-unpacked')
}

async function checkFuses(appDir) {
  const executable = join(appDir, builderConfig.linux.executableName)
  const wire = await getCurrentFuseWire(executable)
  for (const [index, enabled] of Object.entries(FUSES)) {
    const state = wire[index] === 49 ? true : wire[index] === 48 ? false : `byte ${wire[index]}`
    check(
      state === enabled,
      `fuse ${FuseV1Options[index]} ${enabled ? 'on' : 'off'}`,
      state === enabled ? '' : `is ${state}`
    )
  }
}

// ---- app.asar --------------------------------------------------------------------------------

/** The packages ("name@version") production dependencies reach, resolved as Node does from the project. */
function productionClosure() {
  const reached = new Set()
  const seen = new Set()
  const visit = (fromDir, name) => {
    let dir = fromDir
    for (;;) {
      const candidate = join(dir, 'node_modules', name)
      if (existsSync(join(candidate, 'package.json'))) {
        if (seen.has(candidate)) return
        seen.add(candidate)
        const p = JSON.parse(readFileSync(join(candidate, 'package.json'), 'utf8'))
        reached.add(`${p.name}@${p.version}`)
        for (const dep of Object.keys({ ...p.dependencies, ...p.optionalDependencies })) visit(candidate, dep)
        return
      }
      if (dir === root) return // an optional dependency not installed on this platform
      dir = join(dir, '..')
    }
  }
  for (const dep of Object.keys(pkg.dependencies)) visit(root, dep)
  return reached
}

/** Package names the built main process loads (require and import of bare specifiers, outside comments). */
function mainImports(outMain) {
  const names = new Set()
  for (const file of filesUnder(outMain).filter((f) => f.endsWith('.js'))) {
    const code = readFileSync(join(outMain, file), 'utf8')
      .split('\n')
      .filter((line) => !/^\s*(\/\/|\/\*|\*)/.test(line))
      .join('\n')
    for (const [, spec] of code.matchAll(/\b(?:require|import)\(\s*["']([^"'./][^"']*)["']\s*\)/g)) {
      if (spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0]) || spec === 'electron') continue
      names.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0])
    }
  }
  return names
}

function checkAsar(appDir) {
  const archive = join(appDir, 'resources', 'app.asar')
  const listed = new Set(asar.listPackage(archive).map((p) => p.slice(1).split(sep).join('/')))
  const has = (path) => listed.has(path)

  const built = filesUnder(join(root, 'out')).filter((f) => !f.endsWith('.map'))
  const missingBuilt = built.filter((f) => !has(`out/${f}`))
  check(
    missingBuilt.length === 0,
    `the built main, preload and renderer (${built.length} files of out/)`,
    missingBuilt.join(', ')
  )
  for (const f of [
    'out/main/index.js',
    'out/main/cli.js',
    'out/main/import-worker.js',
    'out/main/suggest-worker.js',
    'out/preload/index.js',
    'out/renderer/index.html'
  ]) {
    check(has(f), f)
  }
  check(has('package.json'), 'package.json')
  const sample = filesUnder(join(root, 'resources', 'sample')).filter((f) => !f.endsWith('.test.ts'))
  check(
    sample.every((f) => has(`resources/sample/${f}`)),
    `the sample case (${sample.map((f) => `resources/sample/${f}`).join(', ')})`
  )
  check(has('resources/icons/png/256x256.png'), 'the Linux window icon')
  check(![...listed].some((f) => f.endsWith('.test.ts') || f.startsWith('src/')), 'no sources or tests')

  const pdfjs = dirnameOf(require.resolve('pdfjs-dist/package.json'))
  for (const folder of ['cmaps', 'standard_fonts']) {
    const local = readdirSync(join(pdfjs, folder))
    const missing = local.filter((f) => !has(`node_modules/pdfjs-dist/${folder}/${f}`))
    check(missing.length === 0, `pdf.js ${folder} (${local.length} files)`, missing.slice(0, 5).join(', '))
  }

  // electron-builder may hoist packages differently from node_modules: compare names and versions.
  const packages = [...listed]
    .filter((f) => /^(?:node_modules\/(?:@[^/]+\/)?[^/]+\/)+package\.json$/.test(f))
    .map((f) => {
      const p = JSON.parse(asar.extractFile(archive, f).toString('utf8'))
      return `${p.name}@${p.version}`
    })
  const closure = productionClosure()
  const imports = mainImports(join(root, 'out', 'main'))
  for (const name of [...imports].sort()) {
    const declared = name in pkg.dependencies
    check(
      declared && has(`node_modules/${name}/package.json`),
      `main imports ${name}`,
      declared ? 'not in app.asar' : 'not a production dependency'
    )
  }
  const extra = packages.filter((p) => !closure.has(p))
  check(
    extra.length === 0,
    `only packages production dependencies reach (${packages.length} packages)`,
    extra.join(', ')
  )
  const devOnly = Object.keys(pkg.devDependencies).filter((d) =>
    packages.some((p) => p.startsWith(`${d}@`) && !closure.has(p))
  )
  check(devOnly.length === 0, `no dev dependency (of ${Object.keys(pkg.devDependencies).length})`, devOnly.join(', '))
  for (const [name, why] of Object.entries(LEFT_OUT)) {
    check(!packages.some((p) => p.startsWith(`${name}@`)), `left out: ${name} (${why})`)
  }
  // pdf.js needs @napi-rs/canvas in Node (DOMMatrix), also to read text; its native module must sit outside the asar.
  const unpacked = join(appDir, 'resources', 'app.asar.unpacked')
  const native = existsSync(unpacked) ? filesUnder(unpacked).filter((f) => f.endsWith('.node')) : []
  check(
    native.some((f) => f.startsWith('node_modules/@napi-rs/canvas-')),
    `pdf.js's native canvas unpacked beside the asar (${native.join(', ')})`
  )

  const size = statSync(archive).size
  const unpackedSize = native.length
    ? filesUnder(unpacked).reduce((n, f) => n + statSync(join(unpacked, f)).size, 0)
    : 0
  const bySize = new Map()
  for (const f of listed) {
    const m = /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(f)
    const key = m ? m[1] : f.split('/')[0]
    try {
      const s = asar.statFile(archive, f)
      if (s.size) bySize.set(key, (bySize.get(key) ?? 0) + s.size)
    } catch {
      // a folder
    }
  }
  const top = [...bySize].sort((a, b) => b[1] - a[1]).slice(0, 6)
  console.log(
    `package size without Electron: ${mb(size + unpackedSize)} (app.asar ${mb(size)}, ${listed.size} entries; ` +
      `app.asar.unpacked ${mb(unpackedSize)}); largest: ${top.map(([k, v]) => `${k} ${mb(v)}`).join(', ')}`
  )
  return archive
}

function dirnameOf(file) {
  return join(file, '..')
}

// ---- run the packaged code under Node --------------------------------------------------------

function cli(app, home, args) {
  const run = spawnSync(process.execPath, [join(app, 'out', 'main', 'cli.js'), ...args], {
    cwd: home,
    encoding: 'utf8',
    timeout: 180_000,
    env: { PATH: process.env.PATH, HOME: home, CLAIMDESK_HOME: home }
  })
  return { code: run.status, out: run.stdout ?? '', err: run.stderr ?? '' }
}

/** Browser mode with no case: it opens the default case and fills it with the sample from resources/. */
async function serveSample(app, home) {
  const child = spawn(process.execPath, [join(app, 'out', 'main', 'cli.js'), 'serve', '--port', '0'], {
    cwd: home,
    env: { PATH: process.env.PATH, HOME: home, CLAIMDESK_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  try {
    const url = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`serve printed no URL in 120 s:\n${output}`)), 120_000)
      const take = (chunk) => {
        output += chunk
        const m = /Open (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(output)
        if (m) {
          clearTimeout(timer)
          resolve(m[1])
        }
      }
      child.stdout.on('data', take)
      child.stderr.on('data', take)
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)))
    })
    const page = await fetch(url)
    const html = await page.text()
    check(
      page.status === 200 && html.includes('<div id="app">'),
      'browser mode serves the packaged renderer',
      `HTTP ${page.status}`
    )
    check(/Claimdesk is serving .*Default\.claimdesk\.json/.test(output), 'browser mode opens the default case')
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
  }
}

async function runPackaged(archive, work) {
  const app = join(work, 'app')
  asar.extractAll(archive, app)
  const home = join(work, 'home')
  const inputs = join(work, 'inputs')
  await mkdir(home, { recursive: true })
  await mkdir(inputs, { recursive: true })
  const started = Date.now()

  await serveSample(app, home)
  const sampleCase = join(home, 'Default.claimdesk.json')
  const listed = cli(app, home, ['list', '--case', sampleCase])
  check(
    listed.code === 0 && /\bB2\b|\b[A-F][1-6]\b/.test(listed.out),
    'the sample case was filled from resources/sample',
    listed.err.trim()
  )
  const md = cli(app, home, ['export', '--case', sampleCase, '--format', 'md', '--out', '-'])
  check(md.code === 0 && /^# /m.test(md.out), 'Markdown export of the sample briefing', md.err.trim())
  const docxOut = join(work, 'briefing.docx')
  const docx = cli(app, home, ['export', '--case', sampleCase, '--format', 'docx', '--out', docxOut])
  const docxBytes = existsSync(docxOut) ? await readFile(docxOut) : Buffer.alloc(0)
  check(
    docx.code === 0 && docxBytes.subarray(0, 2).toString() === 'PK',
    'Word export of the sample briefing',
    docx.err.trim()
  )

  // The built service runs suggestions in out/main/suggest-worker.js and fails when it cannot start it.
  const suggested = cli(app, home, ['suggest', '--case', sampleCase, '--doc', 'Estrava', '--json'])
  check(
    suggested.code === 0 && JSON.parse(suggested.out || '[]').length > 0,
    'claim suggestions for the sample article (in the packaged suggestion worker)',
    suggested.err.trim()
  )

  const files = await writeInputs(inputs)
  const work1 = join(work, 'formats.claimdesk.json')
  const imported = cli(app, home, ['import', ...files, '--case', work1, '--json'])
  check(imported.code === 0, `import of ${files.length} files (txt, md, html, pdf, docx)`, imported.err.trim())
  const results = imported.code === 0 ? JSON.parse(imported.out) : []
  for (const [name, expected] of Object.entries(EXPECTED)) {
    const result = results.find((r) => r.fileName === name)
    if (!check(result?.status === 'imported', `imported ${name}`, result?.message ?? 'no result')) continue
    const shown = cli(app, home, ['show', '--case', work1, '--doc', result.documentId])
    const missing = [expected].flat().filter((text) => !shown.out.includes(text))
    check(missing.length === 0, `${name} reads back`, missing.length ? `missing ${missing.join(' / ')}` : '')
  }
  console.log(
    `ran the packaged main-process code under Node ${process.version} in ${((Date.now() - started) / 1000).toFixed(1)} s`
  )
}

// ---- main ------------------------------------------------------------------------------------

for (const f of ['out/main/index.js', 'out/main/cli.js', 'out/preload/index.js', 'out/renderer/index.html']) {
  if (!existsSync(join(root, f))) {
    console.error(`${f} is missing: run "npm run build" first`)
    process.exit(1)
  }
}
const work = await mkdtemp(join(tmpdir(), 'claimdesk-package-'))
try {
  const appDir = await packageLinux(work)
  await checkFuses(appDir)
  const archive = checkAsar(appDir)
  await runPackaged(archive, work)
} finally {
  await rm(work, { recursive: true, force: true })
}
console.log(failures === 0 ? 'package check: all passed' : `package check: ${failures} failed`)
if (failures > 0) process.exitCode = 1
