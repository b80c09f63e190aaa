import { isDeepStrictEqual } from 'node:util'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { caseSchema, itemSchemas } from '../../shared/case-schema'
import type { CaseData } from '../../shared/model'
import { emptyCase } from './empty-case'
import { compileCheck } from './schema-check'
import { fakeClaim, fakeDocument, fakeSource } from './testing/fixtures'

function sampleCase(): CaseData {
  const data = emptyCase('Sample')
  const doc = fakeDocument(500)
  doc.blocks.push({ kind: 'heading', start: 0, end: 10, level: 1, page: 2 })
  doc.language = 'en'
  const source = fakeSource('TASS')
  const claim = fakeClaim(doc.id, source.id)
  const other = { ...fakeClaim(doc.id, null), via: [source.id] }
  data.documents.push(doc, { ...fakeDocument(50, 2), versionOf: doc.id })
  data.sources.push(source)
  data.claims.push(claim, other)
  data.links.push({ id: 'l1', from: claim.id, to: other.id, kind: 'contradicts', note: '', createdAt: 't' })
  data.briefings.push({
    id: 'b1',
    title: 'B',
    handling: '',
    date: '2024-05-01',
    author: '',
    bottomLine: '',
    judgments: [{ id: 'j1', text: 'x', confidence: 'moderate', claimIds: [claim.id] }],
    claimIds: [claim.id],
    groupBy: 'source',
    gaps: '',
    createdAt: 't',
    updatedAt: 't'
  })
  return data
}

/** Every value reachable in `value`, with a setter to change it in place. */
function* places(
  value: unknown
): Generator<{ path: string; value: unknown; set: (v: unknown) => void; remove: () => void }> {
  if (typeof value !== 'object' || value === null) return
  for (const key of Object.keys(value)) {
    const o = value as Record<string, unknown>
    yield {
      path: key,
      value: o[key],
      set: (v) => (o[key] = v),
      remove: () => delete o[key]
    }
    for (const inner of places(o[key])) yield { ...inner, path: `${key}.${inner.path}` }
  }
}

const REPLACEMENTS: unknown[] = [null, '', 'x'.repeat(201), -1, 1.5, 2 ** 60, 0, 7, true, [], {}, ['x'], 'maybe']

describe('compileCheck', () => {
  it('compiles every schema of a case (a construct it does not know would throw)', () => {
    expect(() => compileCheck(caseSchema)).not.toThrow()
    for (const schema of Object.values(itemSchemas)) expect(() => compileCheck(schema)).not.toThrow()
    expect(() => compileCheck(z.string().email())).toThrow(/cannot compile/)
    expect(() => compileCheck(z.union([z.string(), z.number()]))).toThrow(/cannot compile/)
  })

  it('says yes exactly when zod accepts the value unchanged, for every one-field change of a case', () => {
    const check = compileCheck(caseSchema)
    expect(check(sampleCase())).toBe(true)
    let changes = 0
    const count = [...places(sampleCase())].length
    for (let i = 0; i < count; i++) {
      for (const replacement of [...REPLACEMENTS, 'remove', 'extra key']) {
        const data = sampleCase()
        const place = [...places(data)][i]
        if (replacement === 'remove') place.remove()
        else if (replacement !== 'extra key') place.set(replacement)
        else if (typeof place.value === 'object' && place.value !== null && !Array.isArray(place.value)) {
          ;(place.value as Record<string, unknown>).surprise = 1
        } else continue
        const zod = caseSchema.safeParse(data)
        const unchanged = zod.success && isDeepStrictEqual(zod.data, data)
        expect({ path: place.path, replacement, fast: check(data) }).toEqual({
          path: place.path,
          replacement,
          fast: zod.success && unchanged
        })
        changes++
      }
    }
    expect(changes).toBeGreaterThan(1000)
  })

  it('says no to an object with a key the schema does not know (zod would drop it)', () => {
    const check = compileCheck(caseSchema)
    const data = sampleCase() as unknown as { claims: Record<string, unknown>[] }
    data.claims[0].extra = 'kept?'
    expect(check(data)).toBe(false)
    expect(caseSchema.safeParse(data).success).toBe(true)
  })
})
