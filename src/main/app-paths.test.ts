import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { appPaths, pdfjsDataFolders } from './app-paths'

const project = resolve(__dirname, '../..')

describe('appPaths', () => {
  it('finds the built files and resources from an entry in out/main', () => {
    const paths = appPaths(join(project, 'out', 'main'))
    expect(paths.root).toBe(project)
    expect(paths.rendererIndex).toBe(join(project, 'out', 'renderer', 'index.html'))
    expect(paths.preload).toBe(join(project, 'out', 'preload', 'index.js'))
    expect(existsSync(join(paths.resourcesDir, 'sample', 'case.json'))).toBe(true)
    expect(existsSync(paths.windowIcon)).toBe(true)
  })

  it('keeps the same layout inside a package’s app.asar', () => {
    const paths = appPaths('/opt/Claimdesk/resources/app.asar/out/main')
    expect(paths.rendererDir).toBe('/opt/Claimdesk/resources/app.asar/out/renderer')
    expect(paths.resourcesDir).toBe('/opt/Claimdesk/resources/app.asar/resources')
  })
})

describe('pdfjsDataFolders', () => {
  it('points pdf.js at its own CMaps and standard fonts, with the trailing slash it needs', () => {
    const { cMapUrl, standardFontDataUrl } = pdfjsDataFolders()
    expect(cMapUrl).toMatch(/pdfjs-dist[/\\]cmaps\/$/)
    expect(standardFontDataUrl).toMatch(/pdfjs-dist[/\\]standard_fonts\/$/)
    expect(existsSync(join(cMapUrl!, 'UniJIS-UCS2-H.bcmap'))).toBe(true)
    expect(existsSync(join(standardFontDataUrl!, 'LiberationSans-Regular.ttf'))).toBe(true)
  })
})
