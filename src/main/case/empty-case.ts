import { randomUUID } from 'node:crypto'
import { SCHEMA_VERSION, type CaseData } from '../../shared/model'

export function emptyCase(title: string): CaseData {
  const now = new Date().toISOString()
  return {
    version: SCHEMA_VERSION,
    id: randomUUID(),
    title,
    createdAt: now,
    updatedAt: now,
    documents: [],
    sources: [],
    claims: [],
    links: [],
    briefings: [],
    conflictSets: [],
    rejections: []
  }
}
