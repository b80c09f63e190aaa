import { createHash } from 'node:crypto'
import type { ImportResult, ReanchorCounts, SearchResults } from '../../shared/api'
import type { CircularGroup, ConflictSetProposal, Suggestion } from '../../shared/analysis'
import { isMarked, type DocClaimIndex } from '../../shared/doc-claims'
import type { RejectedSpans } from '../../shared/rejected-spans'
import { cueLabel, speakerLabel } from '../../shared/suggestion-labels'
import {
  type CaseDocument,
  type Claim,
  type ClaimAnchor,
  type ConflictSet,
  type DocumentSummary,
  type Source
} from '../../shared/model'

/** An import as the CLI reports it: with --new-version-of, how the earlier version's claims moved. */
export type CliImportResult = ImportResult & { reanchored?: ReanchorCounts & { from: string } }

export interface ClaimRow {
  id: string
  document: { id: string; title: string }
  quote: string
  start: number
  end: number
  source: { id: string; name: string; kind: string; reliability: string } | null
  /** The source id the claim names that the case does not hold (a hand-edited or damaged file); else null. */
  missingSource: string | null
  /** A relay the case does not hold is named by its id, with `missing`. */
  via: { id: string; name: string; missing?: true }[]
  tags: string[]
  note: string
  status: Claim['status']
  credibility: Claim['credibility']
  /** Source reliability + information credibility, e.g. "B2". */
  grade: string
  /** How the claim was placed when last re-anchored onto a new version; null when it never was. */
  anchor: ClaimAnchor | null
}

export function claimRows(
  documents: readonly DocumentSummary[],
  sourceList: readonly Source[],
  claims: readonly Claim[]
): ClaimRow[] {
  const docs = new Map(documents.map((d) => [d.id, d]))
  const sources = new Map(sourceList.map((s) => [s.id, s]))
  return claims.map((c) => {
    const s = c.sourceId ? sources.get(c.sourceId) : undefined
    return {
      id: c.id,
      document: { id: c.documentId, title: docs.get(c.documentId)?.title ?? '' },
      quote: c.quote.exact,
      start: c.position.start,
      end: c.position.end,
      source: s ? { id: s.id, name: s.name, kind: s.kind, reliability: s.reliability } : null,
      missingSource: c.sourceId && !s ? c.sourceId : null,
      via: c.via.map((id) => {
        const v = sources.get(id)
        return v ? { id, name: v.name } : { id, name: id, missing: true as const }
      }),
      tags: c.tags,
      note: c.note,
      status: c.status,
      credibility: c.credibility,
      grade: `${s?.reliability ?? '-'}${c.credibility}`,
      anchor: c.anchor ?? null
    }
  })
}

export function formatClaims(rows: ClaimRow[]): string {
  if (rows.length === 0) return 'No claims in this case.'
  return rows
    .map((r) => {
      const source = r.source?.name ?? (r.missingSource ? `(${missing('source', r.missingSource)})` : 'Unattributed')
      const who = source + r.via.map((v) => `, via ${v.missing ? `(${missing('source', v.id)})` : v.name}`).join('')
      const title = r.document.title || missing('document', r.document.id)
      const tags = r.tags.length ? `  [${r.tags.join(', ')}]` : ''
      const anchor = r.anchor ? `\n    ${anchorText(r.anchor)}` : ''
      return `${r.grade}  ${r.status.padEnd(13)} ${who}${tags}\n    “${r.quote}”  (${title}; ${r.id})${anchor}`
    })
    .join('\n')
}

/** What a claim names that the case does not hold: "missing source <id>". */
const missing = (what: string, id: string) => `missing ${what} ${id}`

/** "re-anchored: fuzzy, score 0.82; was “old words”", "orphaned: not found in <id>". */
export function anchorText(a: ClaimAnchor): string {
  const score = a.score === undefined ? '' : `, score ${a.score}`
  if (a.state === 'orphaned') return `orphaned: not found in ${a.toDocumentId ?? 'the newer version'}${score}`
  const was = a.previousQuote === undefined ? '' : `; was “${a.previousQuote}”`
  return `re-anchored: ${a.state}${score}${was}`
}

/** Import messages name their file for the app's toasts; the CLI's line already starts with it. */
function withoutName(message: string, fileName: string): string {
  return message.startsWith(`${fileName}: `) ? message.slice(fileName.length + 2) : message
}

export function formatImportResults(results: CliImportResult[]): string {
  return results
    .map((r) => {
      const id = r.documentId ? ` -> ${r.documentId}` : ''
      const line = `${r.status.padEnd(9)} ${r.fileName}${id}${r.message ? `: ${withoutName(r.message, r.fileName)}` : ''}`
      const m = r.reanchored
      if (!m) return line
      const total = m.exact + m.moved + m.fuzzy + m.orphaned
      return `${line}\nre-anchored ${total} claim${total === 1 ? '' : 's'} from ${m.from}: ${m.exact} exact, ${m.moved} moved, ${m.fuzzy} fuzzy, ${m.orphaned} orphaned`
    })
    .join('\n')
}

export function formatDocument(doc: CaseDocument): string {
  const meta = [
    ['Title', doc.title],
    ['Outlet', doc.outlet],
    ['Author', doc.author],
    ['URL', doc.url],
    ['Published', doc.published],
    ['Id', doc.id],
    [
      'File',
      `${doc.provenance.fileName} (${doc.provenance.format}, ${doc.provenance.size} bytes, sha256 ${doc.provenance.sha256})`
    ]
  ]
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}: ${v}`)
  return `${meta.join('\n')}\n\n${doc.text}`
}

/** What a listed suggestion is checked against: the document's rejections and its claims. */
export interface SuggestionState {
  rejected: RejectedSpans
  claims: Pick<DocClaimIndex, 'overlaps'>
  sources: readonly Source[]
}

/** A suggestion as `suggest --json` prints it: span, text, speaker, relays, cue, and whether it is rejected or marked. */
export function suggestionRow(s: Suggestion, state: SuggestionState) {
  return {
    id: s.id,
    rejected: state.rejected.has(s.claim),
    marked: isMarked(state.claims, s.claim),
    start: s.claim.start,
    end: s.claim.end,
    text: s.claim.text,
    speaker: {
      name: s.speaker.name,
      asWritten: s.speaker.mention?.text ?? null,
      kind: s.speaker.kind,
      entity: s.speaker.entity,
      sourceId: s.speaker.sourceId
    },
    relay: s.via.map((v) => ({ name: v.name, asWritten: v.mention.text, sourceId: v.sourceId })),
    cue: { kind: s.cue.kind, text: s.cue.text },
    caveats: s.caveats.map((c) => c.text),
    grading: s.grading
  }
}

/** The suggestions listed, one per entry; `hidden` more are marked by claims already (--all lists them). */
export function formatSuggestions(suggestions: Suggestion[], state: SuggestionState, hidden = 0): string {
  const more = hidden
    ? `${hidden} more ${hidden === 1 ? 'is' : 'are'} marked by claims already (--all lists ${hidden === 1 ? 'it' : 'them'}).`
    : ''
  if (suggestions.length === 0) return more || 'No claims to suggest in this document.'
  const rows = suggestions.map((s) => {
    const who = speakerLabel(s) + s.via.map((v) => `, via ${v.name}`).join('')
    const filed = state.sources.find((x) => x.id === s.speaker.sourceId)
    const known = filed
      ? filed.name === s.speaker.name
        ? ''
        : ` (as ${filed.name})`
      : s.speaker.name
        ? ' (new source)'
        : ''
    const no = state.rejected.has(s.claim) ? ' (rejected)' : ''
    const marked = isMarked(state.claims, s.claim) ? ' (marked)' : ''
    return `${s.id.padEnd(4)} ${s.claim.start}-${s.claim.end}  ${who}${known} [${s.speaker.entity}] ${cueLabel(s)}${no}${marked}\n     “${s.claim.text}”`
  })
  return [...rows, ...(more ? [more] : [])].join('\n')
}

export function formatSearch(
  found: SearchResults,
  documents: readonly DocumentSummary[],
  sources: readonly Source[]
): string {
  const titles = new Map(documents.map((d) => [d.id, d.title]))
  const names = new Map(sources.map((s) => [s.id, s.name]))
  const lines: string[] = []
  for (const d of found.documents) {
    lines.push(`${titles.get(d.documentId) ?? d.documentId} (${d.count})`)
    for (const h of d.hits) lines.push(`  ${h.start}: ${h.before}[${h.match}]${h.after}`)
  }
  for (const c of found.claims) lines.push(`claim ${c.claim.id} (${c.field}): “${c.claim.quote.exact}”`)
  for (const s of found.sources) lines.push(`source ${names.get(s.sourceId) ?? s.sourceId} (${s.field}: ${s.text})`)
  return lines.length ? lines.join('\n') : 'Nothing found.'
}

/**
 * How the listing names the case's kept sets (k…) and the engine's proposals (p…): what --confirm
 * and --dismiss take. A name comes from the set's id or the proposal's key, not its place in the
 * list, so deciding on one set never hands its name to another: a name that is gone is refused.
 */
export function conflictRefs(sets: readonly ConflictSet[], proposals: readonly ConflictSetProposal[]) {
  return {
    sets: shortNames(
      'k',
      sets.map((s) => s.id)
    ),
    proposals: shortNames(
      'p',
      proposals.map((p) => p.key)
    )
  }
}

/**
 * The prefix and the first characters of each key's hash: four, or more while another key's hash
 * begins the same. Only the names that would be shared grow, so a set met by a new one sharing its
 * first characters never renames the others.
 */
function shortNames(prefix: string, keys: readonly string[]): string[] {
  const hashes = keys.map((k) => createHash('sha256').update(k).digest('hex'))
  // Sorted, a hash shares most of its start with a neighbour: one past that is the first length it has alone.
  const sorted = [...new Set(hashes)].sort()
  const shared = (a: string, b = '') => {
    let n = 0
    while (n < a.length && a[n] === b[n]) n++
    return n
  }
  const length = new Map(
    sorted.map((h, i) => {
      const alone = Math.max(shared(h, sorted[i - 1]), shared(h, sorted[i + 1])) + 1
      return [h, Math.min(64, Math.max(4, alone + (alone % 2)))]
    })
  )
  return hashes.map((h) => prefix + h.slice(0, length.get(h)))
}

export function formatConflicts(
  sets: ConflictSet[],
  proposals: ConflictSetProposal[],
  circular: CircularGroup[]
): string {
  const lines: string[] = []
  const set = (
    ref: string,
    s: { kind: string; subject: string; claimIds: string[]; explanation: string },
    status: string
  ) =>
    `${ref.padEnd(6)}${status.padEnd(9)} ${s.kind === 'conflict' ? 'conflict  ' : 'consistent'} ${s.subject} (${s.claimIds.length} claims): ${s.explanation}`
  const refs = conflictRefs(sets, proposals)
  sets.forEach((s, i) => lines.push(set(refs.sets[i], s, s.status)))
  proposals.forEach((p, i) => {
    const grows = p.extends
      ? ` (adds ${p.extends.newClaimIds.length === 1 ? '1 claim' : `${p.extends.newClaimIds.length} claims`} to the ${p.extends.status} set “${p.extends.subject}”)`
      : ''
    lines.push(set(refs.proposals[i], p, 'proposed') + grows)
  })
  for (const c of circular) lines.push(`    circular  ${c.warning}`)
  return lines.length ? lines.join('\n') : 'No conflicting figures, consistent sets or circular reporting found.'
}
