import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ClaimdeskError } from '../../shared/errors'
import { RotatingLog } from './log'

const CLAIM = 'At least 40 cargo ships were held at the strait'

describe('RotatingLog', () => {
  let dir = ''
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'claimdesk-log-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  const read = (log: RotatingLog): string => readFileSync(log.file, 'utf8')
  const now = () => new Date('2026-01-02T03:04:05.000Z')

  it('writes one line an event with its fields', () => {
    const log = new RotatingLog({ dir, now })
    log.info('app-start', { version: '0.1.0', platform: 'linux', packaged: true })
    log.warn('render-process-gone', { reason: 'crashed', exitCode: 133 })
    expect(read(log)).toBe(
      '2026-01-02T03:04:05.000Z INFO app-start version="0.1.0" platform="linux" packaged=true\n' +
        '2026-01-02T03:04:05.000Z WARN render-process-gone reason="crashed" exitCode=133\n'
    )
  })

  it('logs an error’s kind, code and stack, but not its message (which may quote the analyst’s text)', () => {
    const log = new RotatingLog({ dir, now })
    log.error('ipc-error', new ClaimdeskError('invalid', `quote not found: “${CLAIM}”`), { method: 'createClaim' })
    log.error('ipc-error', new SyntaxError(`Unexpected token in JSON: "${CLAIM}"`))
    const text = read(log)
    expect(text).not.toContain('cargo ships')
    expect(text).toContain('ERROR ipc-error method="createClaim" error="ClaimdeskError" code="invalid"')
    expect(text).toContain('error="SyntaxError"')
    expect(text).toMatch(/\n\s+at .*log\.test\.ts/)
  })

  it('includes messages only when detail is turned on', () => {
    const log = new RotatingLog({ dir, now, detail: true })
    log.error('ipc-error', new Error(CLAIM))
    expect(read(log)).toContain(`message=${JSON.stringify(CLAIM)}`)
  })

  it('rotates at the size limit and keeps only the newest files', () => {
    const log = new RotatingLog({ dir, now, maxBytes: 200, keep: 3 })
    for (let i = 0; i < 40; i++) log.info('tick', { i })
    expect(readdirSync(dir).sort()).toEqual(['claimdesk.1.log', 'claimdesk.2.log', 'claimdesk.log'])
    for (const name of readdirSync(dir)) expect(readFileSync(join(dir, name)).length).toBeLessThanOrEqual(200)
    expect(read(log)).toContain('tick i=39')
    expect(readFileSync(join(dir, 'claimdesk.2.log'), 'utf8')).not.toContain('i=0\n')
  })

  it('never throws when the log cannot be written', () => {
    new RotatingLog({ dir }).info('x')
    // The log folder would have to be inside a file.
    const log = new RotatingLog({ dir: join(dir, 'claimdesk.log', 'logs') })
    expect(() => log.info('x')).not.toThrow()
    expect(() => log.error('x', new Error('y'))).not.toThrow()
  })
})
