// Changes to a case (applied by CaseState). Every op is absolute (put a whole item, remove an id, set the title), so
// applying a journal entry twice gives the same case as applying it once: replaying a journal over a
// case that already holds part of it (a crash between checkpoint and journal reset) is harmless.
import { ClaimdeskError } from '../../shared/errors'
import { COLLECTION_NAMES, describeIssues, itemSchemas } from '../../shared/case-schema'
import type { CollectionName } from '../../shared/model'
import type { CaseOp } from './types'

const invalidOp = (index: number, message: string): ClaimdeskError =>
  new ClaimdeskError('invalid', `change ${index + 1}: ${message}`)

function collectionOf(value: unknown, index: number): CollectionName {
  if (typeof value === 'string' && (COLLECTION_NAMES as string[]).includes(value)) return value as CollectionName
  throw invalidOp(index, `unknown collection ${JSON.stringify(value)} (expected ${COLLECTION_NAMES.join(', ')})`)
}

/** Checks a batch of ops against the schema and returns fresh copies (callers may mutate theirs later). */
export function validateOps(ops: unknown): CaseOp[] {
  if (!Array.isArray(ops)) throw new ClaimdeskError('invalid', 'changes must be a list')
  return ops.map((raw: unknown, i): CaseOp => {
    if (typeof raw !== 'object' || raw === null) throw invalidOp(i, 'not an object')
    const op = raw as Record<string, unknown>
    switch (op.op) {
      case 'put': {
        const collection = collectionOf(op.collection, i)
        const parsed = itemSchemas[collection].safeParse(op.item)
        if (!parsed.success) throw invalidOp(i, `${collection} item: ${describeIssues(parsed.error)}`)
        return { op: 'put', collection, item: parsed.data } as CaseOp
      }
      case 'remove': {
        const collection = collectionOf(op.collection, i)
        if (typeof op.id !== 'string' || op.id === '') throw invalidOp(i, 'remove needs an id')
        return { op: 'remove', collection, id: op.id }
      }
      case 'meta':
        if (typeof op.title !== 'string') throw invalidOp(i, 'meta needs a title')
        return { op: 'meta', title: op.title }
      default:
        throw invalidOp(i, `unknown op ${JSON.stringify(op.op)} (expected put, remove or meta)`)
    }
  })
}
