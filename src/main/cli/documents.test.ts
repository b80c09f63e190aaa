import { describe, expect, it } from 'vitest'
import type { ClaimdeskError } from '../../shared/errors'
import { resolveDocument } from './documents'

const doc = (id: string, title: string, more: { outlet?: string; published?: string; versionOf?: string } = {}) => ({
  id,
  title,
  outlet: more.outlet ?? '',
  published: more.published ?? '',
  ...(more.versionOf ? { versionOf: more.versionOf } : {})
})

function failure(fn: () => unknown): ClaimdeskError {
  try {
    fn()
  } catch (err) {
    return err as ClaimdeskError
  }
  throw new Error('expected an error')
}

describe('resolveDocument', () => {
  it('takes an id, a whole title, or words of one title', () => {
    const docs = [doc('a', 'Blockade on the Sarn'), doc('b', 'Sarn')]
    expect(resolveDocument(docs, 'a')).toEqual({ id: 'a' })
    expect(resolveDocument(docs, 'sarn')).toEqual({ id: 'b' })
    expect(resolveDocument(docs, 'blockade')).toEqual({ id: 'a' })
    expect(failure(() => resolveDocument(docs, 'Kursk'))).toMatchObject({ code: 'not-found' })
  })

  it('takes the newest when every match is a version of one document, and says so', () => {
    const docs = [
      doc('v1', 'Estrava Port Closed'),
      doc('v2', 'Estrava Port Closed', { versionOf: 'v1' }),
      doc('v3', 'Estrava Port Closed', { versionOf: 'v2', outlet: 'Meridian' })
    ]
    const named = resolveDocument(docs, 'Estrava')
    expect(named.id).toBe('v3')
    expect(named.note).toBe(
      '“Estrava” matches 3 versions of one document: using the newest, v3  “Estrava Port Closed” (Meridian, version 3 of v1)'
    )
    // Listed in any order, the newest is still the one every other precedes.
    expect(resolveDocument([...docs].reverse(), 'Estrava').id).toBe('v3')
  })

  it('lists each match with its id, outlet, date and version when they are not one chain', () => {
    const docs = [
      doc('v1', 'Estrava Port Closed', { outlet: 'Meridian', published: '2024-05-01' }),
      doc('v2a', 'Estrava Port Closed', { versionOf: 'v1' }),
      doc('v2b', 'Estrava Port Closed', { versionOf: 'v1' }),
      doc('x', 'Estrava harbour reopens')
    ]
    const err = failure(() => resolveDocument(docs, 'estrava port'))
    expect(err.code).toBe('invalid')
    expect(err.message).toBe(
      [
        '“estrava port” matches 3 documents; pass the id of one:',
        '  v1  “Estrava Port Closed” (Meridian, 2024-05-01)',
        '  v2a  “Estrava Port Closed” (version 2 of v1)',
        '  v2b  “Estrava Port Closed” (version 2 of v1)'
      ].join('\n')
    )
  })

  it('survives a version chain that loops', () => {
    const docs = [doc('a', 'Loop', { versionOf: 'b' }), doc('b', 'Loop', { versionOf: 'a' })]
    expect(failure(() => resolveDocument(docs, 'Loop')).code).toBe('invalid')
  })
})
