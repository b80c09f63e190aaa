import { describe, expect, it } from 'vitest'
import type { Suggestion } from './analysis'
import { cueLabel, speakerLabel } from './suggestion-labels'

const speaker = (s: Partial<Suggestion['speaker']>) => ({ speaker: { name: '', mention: null, ...s } }) as never

describe('suggestion labels', () => {
  it('names the speaker, the publisher, or the record no one is named in', () => {
    expect(speakerLabel(speaker({ resolution: 'named', name: 'Lena Ostrova' } as never))).toBe('Lena Ostrova')
    expect(speakerLabel(speaker({ resolution: 'publisher' } as never))).toBe('The publisher')
    expect(speakerLabel(speaker({ resolution: 'unattributed', mention: { text: 'Reports' } } as never))).toBe(
      'Reports (no one named)'
    )
  })

  it('names a quotation and a figure by their kind, any other cue as written', () => {
    expect(cueLabel({ cue: { kind: 'quotation', text: '"' } } as never)).toBe('quotation')
    expect(cueLabel({ cue: { kind: 'figure', text: 'at least 40' } } as never)).toBe('figure: at least 40')
    expect(cueLabel({ cue: { kind: 'reporting-verb', text: 'told' } } as never)).toBe('told')
  })
})
