// Prints a PDF inside a network namespace of its own and counts what Chromium tried on the network.
// Run (as root) as `unshare -n node print-offline.mjs <shipped|control>`:
//   shipped  the CLI's printer (chromiumPrinter) with the flags Claimdesk ships;
//   control  the same page printed without the host resolver rules, to show the count sees lookups.
// Every address in the namespace is made local, so each attempt reaches the kernel's counters (and
// DNS queries a listener here, which answers "no such name" so nothing waits for a timeout).
// Prints one JSON line: { names, udpSent, tcpOpened, pdfBytes }.
import { execFileSync } from 'node:child_process'
import { createSocket } from 'node:dgram'
import { readFileSync } from 'node:fs'
import { chromium } from 'playwright-core'
import { findChromium } from '../chromium-finder'
import { CHROMIUM_ARGS, chromiumPrinter } from '../pdf'

// Remote images, by name and by address: a page that asks for the network, as a hostile briefing might.
const PAGE =
  '<!doctype html><title>Offline</title><h1>Briefing</h1><p>Printed without a network.</p>' +
  '<img src="http://lookup-canary.example/logo.png" alt=""><img src="http://10.9.8.7/logo.png" alt="">'

/** A counter of this namespace's /proc/net/snmp: per protocol, a row of names and a row of values. */
function snmp(proto: string, field: string): number {
  const rows = readFileSync('/proc/self/net/snmp', 'utf8')
    .split('\n')
    .filter((row) => row.startsWith(`${proto}:`))
  return Number(rows[1].split(/\s+/)[rows[0].split(/\s+/).indexOf(field)])
}

/** A counter of /proc/net/snmp6 ("name value" lines), 0 where the kernel has no IPv6. */
function snmp6(field: string): number {
  try {
    const row = readFileSync('/proc/self/net/snmp6', 'utf8')
      .split('\n')
      .find((line) => line.startsWith(field + ' ') || line.startsWith(field + '\t'))
    return row ? Number(row.trim().split(/\s+/)[1]) : 0
  } catch {
    return 0
  }
}

/** UDP datagrams sent (IPv4 and IPv6) and TCP connections opened (both, one counter) in this namespace. */
function counters(): { udp: number; tcp: number } {
  return { udp: snmp('Udp', 'OutDatagrams') + snmp6('Udp6OutDatagrams'), tcp: snmp('Tcp', 'ActiveOpens') }
}

async function main(): Promise<void> {
  const mode = process.argv[2]
  execFileSync('ip', ['link', 'set', 'lo', 'up'])
  execFileSync('ip', ['route', 'add', 'local', 'default', 'dev', 'lo'])
  try {
    execFileSync('ip', ['-6', 'route', 'add', 'local', '::/0', 'dev', 'lo'], { stdio: 'ignore' })
  } catch {
    // no IPv6 here
  }
  const names: string[] = []
  let answered = 0
  const dns = createSocket('udp4')
  dns.on('message', (query, from) => {
    let at = 12
    const labels: string[] = []
    while (at < query.length && query[at]) {
      labels.push(query.subarray(at + 1, at + 1 + query[at]).toString('latin1'))
      at += query[at] + 1
    }
    names.push(labels.join('.'))
    const reply = Buffer.from(query)
    reply[2] |= 0x80 // a response
    reply[3] = (reply[3] & 0xf0) | 3 // NXDOMAIN
    answered++
    dns.send(reply, from.port, from.address)
  })
  await new Promise<void>((resolve) => dns.bind(53, '0.0.0.0', resolve))

  const before = counters()
  let pdf: Uint8Array
  if (mode === 'shipped') pdf = await chromiumPrinter(PAGE)
  else {
    const found = findChromium()
    if ('problem' in found) throw new Error(found.problem)
    const args = CHROMIUM_ARGS.filter((arg) => !arg.startsWith('--host-resolver-rules'))
    const browser = await chromium.launch({ executablePath: found.path, args, headless: true })
    const page = await browser.newPage()
    await page.setContent(PAGE, { waitUntil: 'load' })
    pdf = await page.pdf({ printBackground: true, preferCSSPageSize: true })
    await browser.close()
  }
  const after = counters()
  dns.close()
  const result = {
    names,
    udpSent: after.udp - before.udp - answered,
    tcpOpened: after.tcp - before.tcp,
    pdfBytes: pdf.length
  }
  process.stdout.write(JSON.stringify(result) + '\n')
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`)
  process.exit(1)
})
