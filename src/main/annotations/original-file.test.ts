// A Web Annotation export checked against the file the analyst imported: the positions belong to the
// text Claimdesk extracted, which the export names by its own hash, apart from the original file.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { rangeOf, testService, type TestService } from '../testing/service'

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex')
type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

let t: TestService
beforeEach(() => (t = testService()))
afterEach(() => t.dispose())

/** Imports `content` as a .txt, marks `quote`, and returns the export's one annotation with the file's bytes. */
async function exported(content: string, quote: string) {
  await t.api.newCase(join(t.dir, 'work'))
  const path = t.file('report.txt', content)
  const [result] = (await t.api.importFiles([{ path }])).value
  const doc = (await t.api.getDocument(result.documentId!)).document
  await t.api.createClaim({ documentId: doc.id, ...rangeOf(doc.text, quote) })
  const out = await t.api.exportBriefing({ format: 'jsonld' })
  const annotation: Json = JSON.parse(out.content).first.items[0]
  return { annotation, doc, original: readFileSync(path) }
}

describe('Web Annotation export against the original file', () => {
  it('names the text its positions count in, not the reformatted file, and keeps the quote exact', async () => {
    // Windows line endings, a byte-order mark and a hard-wrapped paragraph: the extracted text differs.
    const content =
      '\ufeffShipping report\r\n\r\nThe minister said at least 40 ships were held\r\nat the narrows on Monday morning.\r\n\r\nA navy spokesman said fewer than 25 ships were waiting.\r\n'
    const { annotation, doc, original } = await exported(content, 'fewer than 25 ships')
    const source = annotation.target.source
    const [quote, position] = annotation.target.selector

    expect(source['cd:original']).toMatchObject({ 'cd:fileName': 'report.txt', 'cd:sha256': sha256(original) })
    expect(source['cd:textSha256']).toBe(sha256(doc.text))
    expect(source['cd:textSha256']).not.toBe(sha256(original))
    expect('cd:sha256' in source).toBe(false)

    // Read against the original file, the positions miss: that is why they name the extracted text.
    const originalText = original.toString('utf8')
    expect(originalText.slice(position.start, position.end)).not.toBe(quote.exact)
    // In the text the export names, they hold; and the quote's words are the original's own.
    expect(doc.text.slice(position.start, position.end)).toBe(quote.exact)
    expect(originalText).toContain(quote.exact)
  })

  it('gives the same hash for both when the file is already the text, so its positions hold in the file too', async () => {
    const content = 'Shipping report\n\nA navy spokesman said fewer than 25 ships were waiting.'
    const { annotation, original } = await exported(content, 'fewer than 25 ships')
    const source = annotation.target.source
    expect(source['cd:textSha256']).toBe(sha256(original))
    const [quote, position] = annotation.target.selector
    expect(original.toString('utf8').slice(position.start, position.end)).toBe(quote.exact)
  })
})
