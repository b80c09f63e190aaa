import { describe, expect, it } from 'vitest'
import { ClaimdeskError } from '../../shared/errors'
import { decodeCase, encodeCase } from './case-codec'
import { emptyCase } from './empty-case'
import { fakeClaim, fakeDocument } from './testing/fixtures'

const file = 'k.claimdesk.json'
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)

function problem(input: Uint8Array): ClaimdeskError {
  try {
    decodeCase(input, file)
  } catch (err) {
    if (err instanceof ClaimdeskError) return err
    throw err
  }
  throw new Error('expected a ClaimdeskError')
}

describe('decodeCase', () => {
  it('round-trips a case, with or without a byte-order mark', () => {
    const data = emptyCase('Round trip')
    const doc = fakeDocument(300)
    data.documents.push(doc)
    data.claims.push(fakeClaim(doc.id, null))
    expect(decodeCase(bytes(encodeCase(data)), file)).toEqual({ data, migratedFrom: null })
    expect(decodeCase(bytes('\uFEFF' + encodeCase(data)), file).data).toEqual(data)
  })

  it('names what is wrong and where', () => {
    expect(problem(bytes('')).message).toBe(`${file} is empty`)
    expect(problem(new Uint8Array([0x7b, 0xc3, 0x28])).message).toBe(`${file} is not UTF-8 text`)
    expect(problem(bytes('[1]')).message).toBe(`${file} is not a case: the top level is not a JSON object`)
    expect(problem(bytes('{"version": 1,\n "x": nope}')).message).toMatch(/^k\.claimdesk\.json is not valid JSON: /)
    expect(problem(bytes('{"version": 1,\n "x": 1,\n')).message).toBe(
      `${file} is not valid JSON: it ends early at line 3, column 1 (truncated?)`
    )
    expect(problem(bytes('{"version": 1,\n "x": 1 "y"}')).message).toMatch(/\(line 2, column 9\)$/)
  })

  it('lists schema problems by path, and refuses duplicate ids', () => {
    const data = emptyCase('x')
    data.documents.push({ ...fakeDocument(10), blocks: [{ kind: 'para', start: -1, end: 2 }] } as never)
    expect(problem(bytes(JSON.stringify(data))).message).toMatch(
      /does not match the case format: documents\[0\]\.blocks\[0\]\.kind: .*; documents\[0\]\.blocks\[0\]\.start: /
    )
    const dup = emptyCase('x')
    const claim = fakeClaim('d', null)
    dup.claims.push(claim, { ...claim })
    expect(problem(bytes(JSON.stringify(dup))).message).toBe(
      `${file} does not match the case format: claims[1].id: duplicate id "${claim.id}"`
    )
  })
})
