// Where the app's own files are, in every layout: the project in development (`electron-vite dev`),
// the built project (`npm start`, the CLI) and the installed package, whose app.asar holds out/,
// resources/sample/ and node_modules/ with the same relative layout. Entry scripts (out/main/*.js)
// pass their own folder; code in shared chunks (out/main/chunks) must not use its __dirname.
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export interface AppPaths {
  /** The project folder, or app.asar in a package. */
  root: string
  rendererDir: string
  rendererIndex: string
  preload: string
  /** resources/: the sample case. */
  resourcesDir: string
  /** The window icon on Linux (Windows and macOS take the executable's). */
  windowIcon: string
}

/** The app's files, from the folder of an entry script built to out/main. */
export function appPaths(entryDir: string): AppPaths {
  const root = join(entryDir, '..', '..')
  const rendererDir = join(root, 'out', 'renderer')
  return {
    root,
    rendererDir,
    rendererIndex: join(rendererDir, 'index.html'),
    preload: join(root, 'out', 'preload', 'index.js'),
    resourcesDir: join(root, 'resources'),
    windowIcon: join(root, 'resources', 'icons', 'png', '256x256.png')
  }
}

/**
 * pdf.js's character maps (CJK text in fonts that are not embedded) and standard font data, as
 * folder paths inside the installed pdfjs-dist (in a package, inside app.asar, which Electron's fs
 * reads). pdf.js reads them with fs, never over a network; it insists on a trailing slash.
 */
export function pdfjsDataFolders(): { cMapUrl?: string; standardFontDataUrl?: string } {
  try {
    const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))
    const folder = (name: string): string => join(root, name) + '/'
    return { cMapUrl: folder('cmaps'), standardFontDataUrl: folder('standard_fonts') }
  } catch {
    return {}
  }
}
