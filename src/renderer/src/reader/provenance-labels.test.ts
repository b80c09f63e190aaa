import { describe, expect, it } from 'vitest'
import { ENCODINGS, encodingChoices, encodingLabel, formatSize } from './provenance-labels'

describe('formatSize', () => {
  it('gives exact bytes, with a rounded unit from 1 KB up', () => {
    expect(formatSize(0)).toBe('0 bytes')
    expect(formatSize(1)).toBe('1 byte')
    expect(formatSize(1023)).toBe('1,023 bytes')
    expect(formatSize(12_600)).toBe('12 KB (12,600 bytes)')
    expect(formatSize(1536)).toBe('1.5 KB (1,536 bytes)')
    expect(formatSize(5 * 1024 * 1024 + 1)).toBe('5.0 MB (5,242,881 bytes)')
  })
})

describe('encodingChoices', () => {
  it('offers the common encodings, and keeps an unusual detected one first', () => {
    expect(encodingChoices('windows-1251')).toEqual([...ENCODINGS])
    expect(encodingChoices('EUC-JP')[0]).toBe('euc-jp')
    expect(encodingChoices(undefined)).toHaveLength(ENCODINGS.length)
    expect(ENCODINGS).toEqual([
      'utf-8',
      'windows-1251',
      'koi8-r',
      'windows-1252',
      'utf-16le',
      'utf-16be',
      'shift_jis',
      'iso-8859-1'
    ])
  })

  it('labels encodings by what they are for', () => {
    expect(encodingLabel('koi8-r')).toBe('KOI8-R (Cyrillic)')
    expect(encodingLabel('euc-jp')).toBe('euc-jp')
  })
})
