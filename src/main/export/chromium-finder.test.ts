import { describe, expect, it } from 'vitest'
import { chromiumCandidates, findChromium } from './chromium-finder'

const only =
  (...present: string[]) =>
  (path: string): boolean =>
    present.includes(path)

describe('findChromium', () => {
  it('finds Chrome, Chromium and Edge where Windows installs them', () => {
    const env = {
      ProgramFiles: 'C:\\Program Files',
      'ProgramFiles(x86)': 'C:\\Program Files (x86)',
      LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local'
    }
    const candidates = chromiumCandidates('win32', env)
    expect(candidates).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe')
    expect(candidates).toContain('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe')
    expect(candidates).toContain('C:\\Users\\ana\\AppData\\Local\\Chromium\\Application\\chrome.exe')
    // Edge ships with Windows: found when Chrome is absent.
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'
    expect(findChromium({ platform: 'win32', env, exists: only(edge) })).toEqual({ path: edge })
    // Chrome first when both are there.
    const chrome = 'C:\\Users\\ana\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe'
    expect(findChromium({ platform: 'win32', env, exists: only(edge, chrome) })).toEqual({ path: chrome })
  })

  it('finds them in /Applications and ~/Applications on macOS', () => {
    const env = { HOME: '/Users/ana' }
    const mine = '/Users/ana/Applications/Chromium.app/Contents/MacOS/Chromium'
    expect(findChromium({ platform: 'darwin', env, exists: only(mine) })).toEqual({ path: mine })
    const edge = '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'
    expect(findChromium({ platform: 'darwin', env, exists: only(edge) })).toEqual({ path: edge })
    expect(chromiumCandidates('darwin', env)[0]).toBe('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome')
  })

  it('finds Debian, Ubuntu, Google and Microsoft packages and the snap on Linux', () => {
    for (const path of [
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome-stable',
      '/usr/bin/microsoft-edge',
      '/snap/bin/chromium'
    ]) {
      expect(findChromium({ platform: 'linux', env: {}, exists: only(path) })).toEqual({ path })
    }
  })

  it('tries extra candidates (Playwright’s own browser) after the installed ones', () => {
    const extra = '/home/ana/.cache/ms-playwright/chromium-1/chrome-linux64/chrome'
    expect(findChromium({ platform: 'linux', env: {}, exists: only(extra) }, [extra])).toEqual({ path: extra })
    expect(findChromium({ platform: 'linux', env: {}, exists: only(extra, '/usr/bin/chromium') }, [extra])).toEqual({
      path: '/usr/bin/chromium'
    })
  })

  it('takes CLAIMDESK_CHROMIUM first, and says so when it points nowhere', () => {
    const env = { CLAIMDESK_CHROMIUM: '/opt/portable/chrome' }
    expect(findChromium({ platform: 'linux', env, exists: only('/opt/portable/chrome', '/usr/bin/chromium') })).toEqual(
      {
        path: '/opt/portable/chrome'
      }
    )
    expect(findChromium({ platform: 'linux', env, exists: only('/usr/bin/chromium') })).toEqual({
      problem:
        'CLAIMDESK_CHROMIUM is set to "/opt/portable/chrome", but there is no file there: point it at the browser\'s executable'
    })
  })

  it('says how to point at a browser when none is found', () => {
    const found = findChromium({ platform: 'win32', env: {}, exists: only() })
    expect(found).toEqual({
      problem:
        'PDF export needs Chrome, Chromium or Edge, and none was found where they install themselves. ' +
        "Install one, or set CLAIMDESK_CHROMIUM to a browser's executable (for example C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe). " +
        'The desktop app prints without one, and the other formats need none'
    })
  })
})
