import { describe, expect, it } from 'vitest'
import type { Credibility, Reliability } from '../model'
import { DEFAULT_LABELS, gradeLabel } from './labels'

const RELIABILITY: (Reliability | null)[] = ['A', 'B', 'C', 'D', 'E', 'F', null]
const CREDIBILITY: Credibility[] = ['1', '2', '3', '4', '5', '6']

describe('gradeLabel', () => {
  it('reads as English for every grade', () => {
    expect(gradeLabel(DEFAULT_LABELS, 'B', '2')).toBe('source usually reliable; information probably true')
    expect(gradeLabel(DEFAULT_LABELS, 'D', '6')).toBe(
      'source not usually reliable; truth of the information cannot be judged'
    )
    expect(gradeLabel(DEFAULT_LABELS, 'F', '1')).toBe(
      'reliability of the source cannot be judged; information confirmed by other sources'
    )
    expect(gradeLabel(DEFAULT_LABELS, null, '4')).toBe('source not identified; information doubtful')
    for (const r of RELIABILITY)
      for (const c of CREDIBILITY) {
        const label = gradeLabel(DEFAULT_LABELS, r, c)
        // Two clauses, each naming what it grades once: no "information truth …", no "source reliability …".
        expect(label).toMatch(
          /^(source|reliability of the source) [a-z ]+; (information|truth of the information) [a-z ]+$/
        )
        expect(label).not.toMatch(/information (truth|credibility)|source (reliability|unknown)|\b(\w+) \3\b/)
      }
  })

  it('follows the labels it is given', () => {
    const labels = {
      ...DEFAULT_LABELS,
      gradeWords: {
        ...DEFAULT_LABELS.gradeWords,
        information: { ...DEFAULT_LABELS.gradeWords.information, '3': 'information plausible' }
      }
    }
    expect(gradeLabel(labels, 'C', '3')).toBe('source fairly reliable; information plausible')
  })
})
