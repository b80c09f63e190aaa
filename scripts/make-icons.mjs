// Rasterises resources/icons/icon.svg with Chromium (playwright-core) into what each platform's
// package needs, and writes the ICO (Windows) and ICNS (macOS) containers ourselves:
//   resources/icons/png/<N>x<N>.png  Linux (and the source of the others)
//   resources/icons/icon.ico         Windows: 16–128 as 32-bit BMP (what NSIS reads), 256 as PNG
//   resources/icons/icon.icns        macOS: PNG entries from 16 to 1024
// Run after changing the SVG: `node scripts/make-icons.mjs`; the generated files are committed.
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { chromium } from 'playwright-core'

const dir = join(import.meta.dirname, '../resources/icons')
const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]
/** ICNS entry types holding PNG data, by pixel size (the @2x types reuse the larger rasters). */
const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512]
]

/** PNG bytes and raw RGBA pixels of the SVG drawn at each size. */
async function rasterise(svg, sizes) {
  const executablePath = ['/usr/bin/chromium', process.env.CLAIMDESK_CHROMIUM].find((p) => p && existsSync(p))
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'], headless: true })
  try {
    const page = await browser.newPage()
    const rasters = await page.evaluate(
      async ({ svg, sizes }) => {
        const image = new Image()
        image.src = `data:image/svg+xml;base64,${btoa(svg)}`
        await image.decode()
        return sizes.map((size) => {
          const canvas = document.createElement('canvas')
          canvas.width = canvas.height = size
          const context = canvas.getContext('2d')
          context.imageSmoothingQuality = 'high'
          context.drawImage(image, 0, 0, size, size)
          const rgba = Array.from(context.getImageData(0, 0, size, size).data)
          return { size, png: canvas.toDataURL('image/png').split(',')[1], rgba }
        })
      },
      { svg, sizes }
    )
    return new Map(rasters.map((r) => [r.size, { png: Buffer.from(r.png, 'base64'), rgba: r.rgba }]))
  } finally {
    await browser.close()
  }
}

/** A 32-bit BMP (DIB) icon image: BITMAPINFOHEADER, BGRA rows bottom-up, then the AND mask. */
function bmpEntry(size, rgba) {
  const header = Buffer.alloc(40)
  header.writeUInt32LE(40, 0)
  header.writeInt32LE(size, 4)
  header.writeInt32LE(size * 2, 8) // colour and mask heights together
  header.writeUInt16LE(1, 12)
  header.writeUInt16LE(32, 14)
  const pixels = Buffer.alloc(size * size * 4)
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4
      const to = ((size - 1 - y) * size + x) * 4
      pixels[to] = rgba[from + 2]
      pixels[to + 1] = rgba[from + 1]
      pixels[to + 2] = rgba[from]
      pixels[to + 3] = rgba[from + 3]
    }
  }
  const maskRow = Math.ceil(size / 32) * 4
  return Buffer.concat([header, pixels, Buffer.alloc(maskRow * size)])
}

function ico(rasters) {
  const images = ICO_SIZES.map((size) => {
    const r = rasters.get(size)
    return { size, data: size >= 256 ? r.png : bmpEntry(size, r.rgba) }
  })
  const head = Buffer.alloc(6)
  head.writeUInt16LE(1, 2)
  head.writeUInt16LE(images.length, 4)
  let offset = 6 + 16 * images.length
  const entries = images.map(({ size, data }) => {
    const e = Buffer.alloc(16)
    e[0] = size >= 256 ? 0 : size
    e[1] = size >= 256 ? 0 : size
    e.writeUInt16LE(1, 4)
    e.writeUInt16LE(32, 6)
    e.writeUInt32LE(data.length, 8)
    e.writeUInt32LE(offset, 12)
    offset += data.length
    return e
  })
  return Buffer.concat([head, ...entries, ...images.map((i) => i.data)])
}

function icns(rasters) {
  const chunks = ICNS_TYPES.map(([type, size]) => {
    const png = rasters.get(size).png
    const head = Buffer.alloc(8)
    head.write(type, 0, 'latin1')
    head.writeUInt32BE(png.length + 8, 4)
    return Buffer.concat([head, png])
  })
  const body = Buffer.concat(chunks)
  const head = Buffer.alloc(8)
  head.write('icns', 0, 'latin1')
  head.writeUInt32BE(body.length + 8, 4)
  return Buffer.concat([head, body])
}

const rasters = await rasterise(await readFile(join(dir, 'icon.svg'), 'utf8'), PNG_SIZES)
await mkdir(join(dir, 'png'), { recursive: true })
for (const size of PNG_SIZES) await writeFile(join(dir, 'png', `${size}x${size}.png`), rasters.get(size).png)
await writeFile(join(dir, 'icon.ico'), ico(rasters))
await writeFile(join(dir, 'icon.icns'), icns(rasters))
console.log(`icons written to ${dir}`)
