#!/usr/bin/env node
// The CLI runs in plain Node from the build (npm install builds it; npm run build refreshes it).
const { existsSync } = require('node:fs')
const { join } = require('node:path')

const cli = join(__dirname, '..', 'out', 'main', 'cli.js')
if (!existsSync(cli)) {
  process.stderr.write('claimdesk: the app is not built yet: run "npm run build" in ' + join(__dirname, '..') + '\n')
  process.exit(1)
}
require(cli)
