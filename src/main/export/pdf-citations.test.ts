// The PDF as a reader sees it (Chromium prints the HTML export, pdftotext reads it back): separated
// note marks, short notes, each document once in the annex, quotes without doubled marks.
import { describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildBriefingView } from '../../shared/briefing/view'
import { sampleCase } from '../../shared/briefing/test-fixtures'
import { EXTERNAL_PROGRAM_MS } from '../testing/budgets'
import { exportBriefing } from './index'

const generatedAt = '2024-05-03T10:00:00.000Z'

function has(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

const canPrint = existsSync('/usr/bin/chromium') && has('pdftotext')
if (!canPrint) console.log('PDF citation test skipped: needs /usr/bin/chromium and pdftotext (poppler-utils)')

describe.skipIf(!canPrint)('PDF citations and quotes', { timeout: EXTERNAL_PROGRAM_MS }, () => {
  it('reads "[1][2]", short notes, one annex entry per document and single quotation marks', async () => {
    const data = sampleCase()
    const view = buildBriefingView(data, data.briefings[0], { generatedAt })
    const result = await exportBriefing(data, { format: 'pdf', generatedAt })
    const dir = mkdtempSync(join(tmpdir(), 'claimdesk-pdf-citations-'))
    try {
      const file = join(dir, 'briefing.pdf')
      writeFileSync(file, Buffer.from(result.content, 'base64'))
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\u2060/g, '')
      const flat = text.replace(/\s+/g, ' ')
      expect(flat).toContain('Transits are down by about 40 percent.[1][2]')
      expect(flat).toContain('“shipping would ‘return to normal soon.’ ”') // U+202F read as a space
      expect(flat).not.toMatch(/[”"]”|“[“"]/)
      for (const c of view.citations) expect(flat).toContain(`${c.number}. ${c.note}`)
      expect(flat.split('SHA-256').length - 1).toBe(view.documents.length)
      expect(flat).toContain('Cited in notes 1–6, 9')
      expect(flat).toContain('truth of the information cannot be judged')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
