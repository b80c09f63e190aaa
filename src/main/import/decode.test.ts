import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { ClaimdeskError } from '../../shared/errors'
import { canonicalEncoding, decodeText, utf8Sequences } from './decode'

const RU =
  'Москва возвращает территорию у украинских сил в Курской области России, согласно новым оценкам, ' +
  'поскольку США ожидают, что северокорейские подкрепления скоро направятся на передовую.\n'
const FR = "Le président a déclaré mercredi que la réforme était nécessaire, malgré l'opposition des syndicats.\n"
const JA = 'モスクワはロシア西部のクルスク地域でウクライナ軍から領土を奪い返しつつあると、新たな評価が示している。\n'
const AR = 'تستعيد موسكو الأراضي من القوات الأوكرانية في منطقة كورسك الغربية في روسيا، وفقا لتقييمات جديدة.\n'

const bytes = (text: string, encoding: string): Uint8Array => new Uint8Array(iconv.encode(text, encoding))
const concat = (...parts: Uint8Array[]): Uint8Array => new Uint8Array(Buffer.concat(parts))

function expectInvalid(run: () => unknown, pattern: RegExp): void {
  try {
    run()
  } catch (err) {
    expect(err).toBeInstanceOf(ClaimdeskError)
    expect((err as ClaimdeskError).code).toBe('invalid')
    expect((err as Error).message).toMatch(pattern)
    return
  }
  throw new Error('expected an error')
}

describe('decodeText', () => {
  it('honours byte order marks', () => {
    expect(decodeText('a.txt', concat(new Uint8Array([0xef, 0xbb, 0xbf]), bytes(RU, 'utf8')))).toMatchObject({
      text: RU,
      encoding: 'utf-8'
    })
    expect(decodeText('a.txt', concat(new Uint8Array([0xff, 0xfe]), bytes(RU, 'utf16le')))).toMatchObject({
      text: RU,
      encoding: 'utf-16le'
    })
    expect(decodeText('a.txt', concat(new Uint8Array([0xfe, 0xff]), bytes(AR, 'utf16be')))).toMatchObject({
      text: AR,
      encoding: 'utf-16be'
    })
  })

  it('takes valid UTF-8 as UTF-8', () => {
    expect(decodeText('a.txt', bytes(JA + AR, 'utf8'))).toEqual({ text: JA + AR, encoding: 'utf-8', notices: [] })
  })

  it.each([
    ['windows-1251', RU.repeat(3)],
    ['koi8-r', RU.repeat(3)],
    ['windows-1252', FR.repeat(3)],
    ['shift_jis', JA.repeat(3)],
    ['windows-1256', AR.repeat(3)],
    ['utf-16le', RU.repeat(3)],
    ['utf-16be', FR.repeat(3)]
  ])('detects %s without a BOM', (encoding, text) => {
    const decoded = decodeText('a.txt', bytes(text, encoding))
    expect(decoded.encoding).toBe(encoding)
    expect(decoded.text).toBe(text)
  })

  it('says which encoding it guessed', () => {
    expect(decodeText('a.txt', bytes(RU, 'win1251')).notices.join()).toMatch(/windows-1251/)
  })

  it('uses a forced encoding, and rejects an unknown one', () => {
    const text = decodeText('a.txt', bytes(RU, 'koi8-r'), { forced: 'KOI8-R' })
    expect(text).toMatchObject({ text: RU, encoding: 'koi8-r' })
    expectInvalid(
      () => decodeText('a.txt', bytes(RU, 'utf8'), { forced: 'klingon-8' }),
      /^a\.txt: unknown encoding "klingon-8"/
    )
  })

  it('trusts a declared non-UTF-8 charset', () => {
    expect(decodeText('p.html', bytes(FR, 'win1252'), { declared: 'ISO-8859-1' }).encoding).toBe('windows-1252')
  })

  it('replaces a few broken bytes in otherwise UTF-8 text and says so', () => {
    const broken = concat(bytes(RU.repeat(2), 'utf8'), new Uint8Array([0xd0]))
    const decoded = decodeText('a.txt', broken)
    expect(decoded.encoding).toBe('utf-8')
    expect(decoded.text.endsWith('\ufffd')).toBe(true)
    expect(decoded.notices[0]).toMatch(/1 byte sequence/)
  })

  it('rejects binary data', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
    expectInvalid(() => decodeText('photo.txt', png), /^photo\.txt: this is a PNG image, not a text file/)
    const exe = new Uint8Array(4096).map((_, i) => (i * 7919) % 256)
    expectInvalid(() => decodeText('x.txt', exe), /^x\.txt: this is a binary file, not text \(it contains NUL bytes\)/)
    const controls = new Uint8Array(1000).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41))
    expectInvalid(() => decodeText('y.txt', controls), /too many control characters/)
  })

  it('rejects bytes that fit no encoding', () => {
    let seed = 42
    const noise = new Uint8Array(4000).map(() => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff
      return 0x80 + (seed % 128)
    })
    expectInvalid(
      () => decodeText('noise.txt', noise),
      /^noise\.txt: the text is not valid UTF-8 and its encoding could not be recognised/
    )
  })
})

describe('encoding helpers', () => {
  it('counts UTF-8 sequences', () => {
    expect(utf8Sequences(bytes('aé€😀', 'utf8'))).toEqual({ valid: 3, invalid: 0 })
    expect(utf8Sequences(new Uint8Array([0xc3, 0x41, 0xff]))).toEqual({ valid: 0, invalid: 2 })
  })

  it('names encodings canonically', () => {
    expect(canonicalEncoding('ISO-8859-1')).toBe('windows-1252')
    expect(canonicalEncoding('CP932')).toBe('shift_jis')
    expect(canonicalEncoding('UTF8')).toBe('utf-8')
    expect(canonicalEncoding('KOI8-R')).toBe('koi8-r')
  })
})
